"""Round 14: war-report constructions (docs/extraction-rounds.md "Round 14: war reports, branch r14/war").
Every sentence here is our own. Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import Extraction
from tests.loaders.extracted import of_type, rels, rels_of_type


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Turkish troops crossed into Syria on Wednesday, the defence ministry said.", "Turkey", "Syria"),
        ("Ethiopian soldiers crossed the border into Somalia on Monday.", "Ethiopia", "Somalia"),
        ("Russian tanks rolled into Georgia in August 2008.", "Russia", "Georgia"),
        ("Israeli tanks rolled into Rafah on Tuesday.", "Israel", "Rafah"),
        ("Ukrainian troops marched into Kherson on Friday.", "Ukraine", "Kherson"),
        ("Rwandan troops moved into Goma overnight.", "Rwanda", "Goma"),
        ("Ethiopian forces advanced into Tigray on Saturday.", "Ethiopia", "Tigray"),
    ],
)
def test_forces_moving_into_a_land_strike_it(
    run: Callable[[str], Extraction], text: str, source: str, target: str
) -> None:
    ex = run(text)
    assert (source, "STRUCK", target) in rels(ex)
    assert any(source in e.actors and target in e.targets for e in of_type(ex.events, "ASSAULT"))


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of refugees crossed into Poland from Ukraine on Monday.",
        "The president entered Parliament to a standing ovation.",
        "Shoppers poured into Oxford Street on Saturday.",
        "The family moved into London last year.",
    ],
)
def test_people_who_are_no_forces_moving_in_strike_nobody(
    run: Callable[[str], Extraction], text: str
) -> None:
    ex = run(text)
    assert not rels_of_type(ex, "STRUCK")
    assert not of_type(ex.events, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi officials said the blast killed five people.",
        "Afghan officials said the explosion killed 12 worshippers.",
        "The raid on Baghdad killed twelve people, Iraqi officials said.",
    ],
)
def test_a_report_of_harm_done_by_an_attack_accuses_nobody(
    run: Callable[[str], Extraction], text: str
) -> None:
    assert not of_type(run(text).events, "ACCUSE")


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Pakistan said Indian troops attacked its posts in Kashmir.", "Pakistan", "India"),
        ("Ukraine said Russia shelled the town overnight.", "Ukraine", "Russia"),
    ],
)
def test_a_report_that_names_the_attacker_still_accuses(
    run: Callable[[str], Extraction], text: str, accuser: str, accused: str
) -> None:
    evs = of_type(run(text).events, "ACCUSE")
    assert any(accuser in e.actors and accused in e.targets for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike near Baghdad airport killed the commander of an Iran-backed militia, officials said.",
        "Hamza bin Laden was killed in an American strike, officials said.",
        "An air raid on Idlib killed a senior Hamas official.",
    ],
)
def test_one_sentence_telling_a_strike_and_its_killing_is_one_attack(
    run: Callable[[str], Extraction], text: str
) -> None:
    assert len(of_type(run(text).events, "ASSAULT")) == 1


def test_two_attacks_in_one_sentence_by_two_sides_stay_apart(run: Callable[[str], Extraction]) -> None:
    evs = of_type(
        run("Israel struck Gaza City on Friday after Hamas fired rockets at Ashkelon.").events, "ASSAULT"
    )
    assert len(evs) == 2


@pytest.mark.parametrize(
    ("text", "attacker", "place"),
    [
        ("Kharkiv came under Russian missile attack on Friday.", "Russia", "Kharkiv"),
        ("Kherson came under Russian artillery attack on Tuesday.", "Russia", "Kherson"),
    ],
)
def test_a_dated_and_an_undated_mention_in_one_sentence_are_one_attack(
    run: Callable[[str], Extraction], text: str, attacker: str, place: str
) -> None:
    evs = of_type(run(text).events, "ASSAULT")
    assert len(evs) == 1
    assert attacker in evs[0].actors and evs[0].location == place


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Russia's bombing of Aleppo drew condemnation from France.", "France", "Russia"),
        ("The Chinese drills prompted condemnation from Taiwan.", "Taiwan", "China"),
    ],
)
def test_an_act_that_drew_condemnation_from_x_is_accused_by_x(
    run: Callable[[str], Extraction], text: str, accuser: str, accused: str
) -> None:
    evs = of_type(run(text).events, "ACCUSE")
    assert evs and all(e.actors == [accuser] and e.targets == [accused] for e in evs)


@pytest.mark.parametrize(
    ("text", "lands"),
    [
        ("U.S. jets struck targets in Iraq and Syria overnight.", {"Iraq", "Syria"}),
        ("Turkish aircraft hit Kurdish positions in Iraq and Syria on Friday.", {"Iraq", "Syria"}),
    ],
)
def test_sites_struck_in_named_lands_make_the_lands_targets(
    run: Callable[[str], Extraction], text: str, lands: set[str]
) -> None:
    evs = of_type(run(text).events, "ASSAULT")
    assert any(lands <= set(e.targets) for e in evs)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia pummelled Kharkiv with missiles on Friday.", "Russia", "Kharkiv"),
        ("Russian strikes battered Odesa overnight.", "Russia", "Odesa"),
        ("Israeli jets destroyed the Osirak reactor in 1981.", "Israel", "Osirak"),
    ],
)
def test_pummelling_battering_destroying_strike(
    run: Callable[[str], Extraction], text: str, source: str, target: str
) -> None:
    assert (source, "STRUCK", target) in rels(run(text))


def test_a_speaker_who_says_it_carried_out_strikes_is_the_attacker(run: Callable[[str], Extraction]) -> None:
    evs = of_type(
        run("Pakistan said it had carried out strikes against militant camps in Iran.").events, "ASSAULT"
    )
    assert any("Pakistan" in e.actors for e in evs)
