"""Round 13 entity leftovers (short forms of groups, bodies run by a side, peoples of a region), on
sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds, rels


def test_a_group_written_in_lower_case_is_the_described_group(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Kurdish peshmerga forces took two hamlets west of Kirkuk on Sunday. On Monday the peshmerga "
        "shelled Islamic State positions near Hawija."
    )
    found = kinds(ex)
    assert found.get("Peshmerga") == "armed_group", found
    assert "Kurdish peshmerga forces" not in found, found
    assert ("Peshmerga", "STRUCK", "Islamic State") in rels(ex), rels(ex)


def test_militants_attacking_the_peshmerga_strike_the_group(run: Callable[[str], Extraction]) -> None:
    ex = run("Islamic State militants attacked the peshmerga with truck bombs near Sinjar on Friday.")
    assert ("Islamic State", "STRUCK", "Peshmerga") in rels(ex), rels(ex)


def test_a_lower_case_ministry_that_speaks_is_a_body(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The energy ministry accused rebels of blowing up the gas pipeline near Homs. "
        "The defence ministry denied that its jets had hit the depot."
    )
    found = kinds(ex)
    assert found.get("energy ministry") == "organization", found
    assert found.get("defence ministry") == "organization", found


def test_a_body_run_by_a_side_is_the_actor_not_the_side(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Eight people were killed when shells hit a market in Taiz on Sunday, the health ministry said. "
        "The Houthi-run ministry blamed Saudi Arabia for the shelling."
    )
    found = rels(ex)
    assert ("health ministry", "ACCUSED", "Saudi Arabia") in found, found
    assert ("Houthis", "ACCUSED", "Saudi Arabia") not in found, found


def test_a_people_named_by_its_region_is_no_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Slavonia Serbs blocked the road to Vukovar on Saturday. Slavonia Serb forces later shelled the "
        "town of Osijek, the UN said."
    )
    found = kinds(ex)
    assert found.get("Slavonia Serb forces") == "armed_group", found
    assert not any(k == "person" for k in found.values()), found
    assert ("Slavonia Serb forces", "STRUCK", "Osijek") in rels(ex), rels(ex)


def test_a_bearing_before_a_country_after_a_region_noun_is_the_country(
    run: Callable[[str], Extraction],
) -> None:
    ex = run(
        "Jihadists burned a market in the Segou region of central Mali. "
        "Soldiers killed two herders in the Tillaberi region of western Niger."
    )
    found = kinds(ex)
    assert found.get("Mali") == "country", found
    assert found.get("Niger") == "country", found
    assert "central Mali" not in found and "western Niger" not in found, found
    assert ("Tillaberi region", "LOCATED_IN", "Niger") in rels(ex), rels(ex)


def test_a_peoples_adjective_before_a_known_group_is_that_group(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Lebanese Hezbollah fighters fired anti-tank missiles at Metula on Tuesday. Somali al-Shabab "
        "militants overran an army post in Bay region. Kurdish Peshmerga forces shelled Islamic State "
        "positions near Gwer."
    )
    found = kinds(ex)
    assert found.get("Hezbollah") == "armed_group", found
    assert found.get("Peshmerga") == "armed_group", found
    assert not any(n.startswith(("Lebanese", "Kurdish", "Somali")) for n in found), found
    assert "Somalia" not in found and "Lebanon" not in found, found
    assert ("Peshmerga", "STRUCK", "Islamic State") in rels(ex), rels(ex)


def test_the_militant_group_is_the_armed_group_just_named(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Karen National Liberation Army overran an outpost near Myawaddy on Monday. "
        "Burmese jets bombed the rebel group on Tuesday.\n\n"
        "Boko Haram raided a market near Monguno on Friday. "
        "Chadian troops later struck the militant group."
    )
    found = rels(ex)
    assert ("Myanmar", "STRUCK", "Karen National Liberation Army") in found, found
    assert ("Chad", "STRUCK", "Boko Haram") in found, found


def test_a_body_run_by_a_named_side_is_a_body_of_its_own(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Moscow-backed Luhansk administration accused Ukraine of shelling a hospital on Sunday. "
        "The Houthi-run Hodeidah health ministry said nine fishermen were killed."
    )
    found = kinds(ex)
    assert found.get("Luhansk administration") == "organization", found
    assert found.get("Hodeidah health ministry") == "organization", found
    assert ("Luhansk administration", "ACCUSED", "Ukraine") in rels(ex), rels(ex)
    assert ("Russia", "ACCUSED", "Ukraine") not in rels(ex), rels(ex)
