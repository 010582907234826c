"""Round 13: places in places (docs/extraction-rounds.md "Round 13: OPPOSES and LOCATED_IN on unseen news").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels


def test_a_quotation_that_ends_on_the_place_leaves_its_address(run: Callable[[str], Extraction]) -> None:
    # 'reported "shelling of the base in X" in southern Y': the closing quote stands between X and "in Y"
    ex = run(
        "Baghdad was quiet on Friday. "
        'One resident described "heavy shelling of the militia base in Zayouna" in eastern Baghdad.'
    )
    assert ("Zayouna", "LOCATED_IN", "Baghdad") in rels(ex)
    ex = run(
        "Troops moved into Kabul. "
        "A witness spoke of \u201cgunfire around the old fort in Bala Hissar\u201d in southern Kabul."
    )
    assert ("Bala Hissar", "LOCATED_IN", "Kabul") in rels(ex)


def test_a_capital_with_a_bearing_is_the_town(run: Callable[[str], Extraction]) -> None:
    # "in southern Khartoum": a part of the town, never the government the capital may stand for
    ex = run(
        "Sudan's army said Khartoum would not negotiate. "
        "Rockets hit the Omdurman bridge camp in Shambat in northern Khartoum on Tuesday."
    )
    assert ("Shambat", "LOCATED_IN", "Khartoum") in rels(ex)
    assert ("Shambat", "LOCATED_IN", "Sudan") not in rels(ex)
    # the capital as a speaker stays the government
    ex = run("Kyiv said on Monday that Russian drones had struck western Kyiv overnight.")
    assert not any(r[0] == "Kyiv" and r[1] == "STRUCK" for r in rels(ex))


def test_an_address_with_a_bearing_or_a_following_phrase(run: Callable[[str], Extraction]) -> None:
    # "Kano, northern Nigeria": a bearing between the place and its country
    ex = run("Gunmen stormed a bank in Kano, northern Nigeria, on Sunday.")
    assert ("Kano", "LOCATED_IN", "Nigeria") in rels(ex)
    # "Aleppo, Syria, in 1970": the comma after the country closes the address, it opens no list
    ex = run("She grew up in Homs, Syria, in the 1980s.")
    assert ("Homs", "LOCATED_IN", "Syria") in rels(ex)
    # a list goes on after the country: no address
    ex = run("Envoys from Kyiv, Poland, Hungary and Romania met on Friday.")
    assert not any(r[1] == "LOCATED_IN" and r[2] == "Poland" for r in rels(ex))


def test_a_counteroffensive_against_a_side_opposes_it(run: Callable[[str], Extraction]) -> None:
    ex = run("Armenia's counteroffensive against Azerbaijan stalled in the hills.")
    assert ("Armenia", "OPPOSES", "Azerbaijan") in rels(ex)


def test_a_named_area_of_a_place_lies_in_it(run: Callable[[str], Extraction]) -> None:
    # "X district of the northern Y province", "the X area of Y's Z district": X in Y / Z, never the reverse
    ex = run("Gunmen killed four guards in Chah Ab district of the northern Takhar province on Monday.")
    assert ("Chah Ab district", "LOCATED_IN", "Takhar province") in rels(ex)
    assert ("Takhar province", "LOCATED_IN", "Chah Ab district") not in rels(ex)
    ex = run(
        "Pakistani troops were deployed to Dera Ismail Khan district on Monday. "
        "Hours later a roadside bomb struck a van in Daraban area of Pakistan's Dera Ismail Khan district."
    )
    assert ("Daraban", "LOCATED_IN", "Dera Ismail Khan district") in rels(ex)
    assert not any(r[1] == "LOCATED_IN" and r[2] == "Daraban" for r in rels(ex))


def test_in_the_province_of_y(run: Callable[[str], Extraction]) -> None:
    # "X area, in the northwestern province of Y": the place noun and "of" stand before the name
    ex = run("Two soldiers died in Bara area, in the northwestern province of Khyber Pakhtunkhwa.")
    assert ("Bara", "LOCATED_IN", "Khyber Pakhtunkhwa") in rels(ex)


def test_a_border_is_no_container(run: Callable[[str], Extraction]) -> None:
    # "near the Afghan border": X is near Afghanistan's edge, not in Afghanistan
    ex = run("The convoy was ambushed in Bajaur Province near the Afghan border.")
    assert ("Bajaur Province", "LOCATED_IN", "Afghanistan") not in rels(ex)
    ex = run("Shells landed in Kilis, a town near the Syrian frontier, on Sunday.")
    assert ("Kilis", "LOCATED_IN", "Syria") not in rels(ex)


def test_a_fight_that_pits_or_involves_sides_against_each_other(run: Callable[[str], Extraction]) -> None:
    # "pits A against B": the verb itself sets the sides against one another
    ex = run("The offensive pits 10,000 Ethiopian troops against the Tigray People's Liberation Front.")
    assert ("Ethiopia", "OPPOSES", "Tigray People's Liberation Front") in rels(ex)
    ex = run("The war has pitted Sudan's army against the Rapid Support Forces since April.")
    assert ("Sudan", "OPPOSES", "Rapid Support Forces") in rels(ex)
    # "the battle for X, which involves A and B against C": only in a clause about a fight
    ex = run(
        "The battle for Raqqa, which involves some 20,000 fighters from the Syrian army and Kurdish "
        "militias against 3,000 Islamic State militants, began in June."
    )
    assert ("Syria", "OPPOSES", "Islamic State") in rels(ex)
    ex = run("The delegation, which includes France and Germany, voted against Russia at the meeting.")
    assert not any(r[1] == "OPPOSES" for r in rels(ex))


def test_a_part_of_a_place_lies_in_it(run: Callable[[str], Extraction]) -> None:
    # "X, the eastern portion of Y", "X, a remote corner of Y"
    ex = run("Heavy rain flooded Sindh, the southern part of Pakistan, last week.")
    assert ("Sindh", "LOCATED_IN", "Pakistan") in rels(ex)
    ex = run("Rebels control Cabo Delgado, a remote corner of Mozambique.")
    assert ("Cabo Delgado", "LOCATED_IN", "Mozambique") in rels(ex)
    # a name given to a part of a place: "X, Jakarta's name for the southern part of Y"
    ex = run(
        "Coast guard boats patrolled the North Natuna Sea, Jakarta's name for the southern part of the South China Sea."
    )
    assert ("North Natuna Sea", "LOCATED_IN", "South China Sea") in rels(ex)
    # a name for all of it is no part
    ex = run("Troops crossed into Artsakh, the Armenian name for Nagorno-Karabakh, on Monday.")
    assert ("Artsakh", "LOCATED_IN", "Nagorno-Karabakh") not in rels(ex)
