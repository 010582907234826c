"""Round 13: offices introduced with their body before the holder is named (docs/extraction-rounds.md "Round 13:
offices introduced before their holder"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import of_type, rels


def test_an_office_introduced_a_sentence_before_its_holder(run: Callable[[str], Extraction]) -> None:
    # a two-country report: the minister's country is the one his office was introduced with, not the
    # country the report names most
    ex = run(
        "Sudan's army said it pushed back an assault near El Fasher. Sudan accused the Rapid Support Forces "
        "of shelling the city. Sudan has been at war since 2023.\n\nChad's defence minister travelled to "
        "Adre on Tuesday. Defence Minister Issakha Malloua Djamouss said the crossing would stay open."
    )
    assert ("Issakha Malloua Djamouss", "AFFILIATED_WITH", "Chad") in rels(ex)
    ex = run(
        "Russia fired drones at Ukrainian cities overnight. Russia said it downed drones over its land.\n\n"
        "Poland's foreign minister condemned the strikes on Wednesday. Foreign Minister Anna Nowak said "
        "Europe must send more air defences."
    )
    assert ("Anna Nowak", "AFFILIATED_WITH", "Poland") in rels(ex)


def test_a_rank_named_after_a_spokesman_was_introduced(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "A Nigerian army spokesman said the convoy was ambushed near Maiduguri on Sunday. Brigadier Onyema "
        "Okafor later blamed Boko Haram for the ambush."
    )
    assert ("Onyema Okafor", "AFFILIATED_WITH", "Nigeria") in rels(ex)


def test_an_office_in_the_holders_own_sentence_is_another_persons(run: Callable[[str], Extraction]) -> None:
    # "a senior US official said ... Lieutenant General X": the official is someone else
    ex = run(
        "Fighting went on in Sudan. An unnamed State Department official in Washington told reporters the "
        "Jeddah meeting would skip the feud between General Amos Kiprop, who commands the army, and Lieutenant General "
        "Peter Mwangi."
    )
    found = {t for s, r, t in rels(ex) if s == "Peter Mwangi" and r == "AFFILIATED_WITH"}
    assert not found & {"United States", "State Department"}


def test_respective_offices_named_in_the_next_sentence(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Egyptian and Ethiopian army chiefs held talks on the dam dispute. Lieutenant General Osama "
        "Askar and General Birhanu Jula discussed border security."
    )
    found = rels(ex)
    assert ("Osama Askar", "AFFILIATED_WITH", "Egypt") in found
    assert ("Birhanu Jula", "AFFILIATED_WITH", "Ethiopia") in found


def test_two_talks_with_one_side_in_common_stay_two(run: Callable[[str], Extraction]) -> None:
    # the affiliations put Russia on both pairs; a pair of sides in common would make one talk
    ex = run(
        "Russian Foreign Minister Sergei Lavrov and Turkish Foreign Minister Hakan Fidan spoke by phone on "
        "Monday about Syria.\n\nThe Russian and Iranian army chiefs also held talks. General Oleg Petrov "
        "and Major General Reza Karimi talked by telephone on Monday about the strikes."
    )
    talks = of_type(ex.events, "CONSULT")
    assert len(talks) == 2, [t.actors for t in talks]
