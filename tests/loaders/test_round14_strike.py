"""Round 14: attacks on news nobody tuned on (docs/extraction-rounds.md "Round 14: attacks, STRUCK and ASSAULT").
Every sentence here is our own. Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import ExtractedEvent, Extraction
from tests.loaders.extracted import of_type, rels, rels_of_type

Events = Callable[[str], list[ExtractedEvent]]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Nigerian police opened fire on protesters in Lagos on Tuesday.", "Nigeria", "protesters"),
        ("Azerbaijani troops opened fire at Armenian positions along the border.", "Azerbaijan", "Armenia"),
        ("Sudanese soldiers opened fire on demonstrators outside the palace.", "Sudan", "demonstrators"),
    ],
)
def test_opening_fire_on_someone_strikes_them(
    run: Callable[[str], Extraction], text: str, source: str, target: str
) -> None:
    assert (source, "STRUCK", target) in rels(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "Turkey opened its airspace to Russian planes.",
        "Egypt opened the Rafah crossing to Palestinians on Monday.",
    ],
)
def test_opening_something_else_strikes_nobody(run: Callable[[str], Extraction], text: str) -> None:
    assert not rels_of_type(run(text), "STRUCK")


@pytest.mark.parametrize(
    ("text", "country", "target"),
    [
        (
            "Thousands marched in Lima against President Pedro Castillo on Monday. Peru's Congress met. "
            "The march ended in bloodshed after police opened fire on demonstrators.",
            "Peru",
            "demonstrators",
        ),
        (
            "Crowds gathered in Nairobi against President William Ruto on Tuesday. Kenya's parliament passed the "
            "tax bill. The day turned bloody when police opened fire on protesters.",
            "Kenya",
            "protesters",
        ),
    ],
)
def test_bare_police_of_the_one_country_the_article_is_about(
    run: Callable[[str], Extraction], text: str, country: str, target: str
) -> None:
    assert (country, "STRUCK", target) in rels(run(text))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Demonstrators set fire to the Iranian consulate in Najaf.", "demonstrators", "Iran"),
        ("Protesters set the Iranian consulate in Basra ablaze on Friday.", "protesters", "Iran"),
        ("Protesters torched the Awami League headquarters in Dhaka.", "protesters", "Awami League"),
        (
            "Demonstrators torched the ruling Labour Party's main office in Tbilisi.",
            "demonstrators",
            "Labour Party",
        ),
    ],
)
def test_setting_fire_to_a_sides_building_strikes_the_side(
    run: Callable[[str], Extraction], text: str, source: str, target: str
) -> None:
    assert (source, "STRUCK", target) in rels(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hamas set a new date for talks with Fatah.",
        "Egypt set a deadline for Ethiopia to stop filling the dam.",
        "The clashes set Beirut on edge.",
    ],
)
def test_setting_other_things_strikes_nobody(run: Callable[[str], Extraction], text: str) -> None:
    assert not rels_of_type(run(text), "STRUCK")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Ukrainian drones sank a Russian patrol ship near Crimea.", "Ukraine", "Russia"),
        ("Houthi rebels sank a British cargo ship in the Red Sea.", "Houthis", "United Kingdom"),
        ("A Greek tanker was sunk by Houthi drones on Monday.", "Houthis", "Greece"),
    ],
)
def test_sinking_a_sides_ship_is_an_attack_on_it(
    run: Callable[[str], Extraction], events: Events, text: str, source: str, target: str
) -> None:
    assert (source, "STRUCK", target) in rels(run(text))
    found = of_type(events(text), "ASSAULT")
    assert found and source in found[0].actors and target in found[0].targets


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices sank on Monday after Saudi Arabia raised output.",
        "Hopes of a truce between Israel and Hamas sank after the talks.",
        "The ship sank off the coast of Libya, Italian officials said.",
    ],
)
def test_sinking_without_an_attacker_is_no_attack(events: Events, text: str) -> None:
    assert not of_type(events(text), "ASSAULT")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Houthi rebels continued their offensive, firing on the port of Mocha and killing three U.N. workers.",
            "Houthis",
            "United Nations",
        ),
        (
            "Rebels of the M23 pushed on, shelling the town of Sake and killing four U.N. peacekeepers.",
            "M23",
            "United Nations",
        ),
    ],
)
def test_killing_a_bodys_workers_strikes_the_body(
    run: Callable[[str], Extraction], text: str, source: str, target: str
) -> None:
    assert (source, "STRUCK", target) in rels(run(text))


# Neutral on every half (docs/extraction-rounds.md, round 14): committed once and reverted, for the lead to take.


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israeli troops fired on protesters near the fence on Monday.", "Israel", "protesters"),
        ("Iran launched more than 300 drones and missiles toward Israel.", "Iran", "Israel"),
        ("Russia shelled Ukrainian towns along the front.", "Russia", "Ukraine"),
        ("Iranian missiles struck Israeli cities on Saturday.", "Iran", "Israel"),
    ],
)
def test_neutral_strike_constructions(
    run: Callable[[str], Extraction], text: str, source: str, target: str
) -> None:
    assert (source, "STRUCK", target) in rels(run(text))


def test_bombs_raining_down_on_a_place_are_an_assault(events: Events) -> None:
    found = of_type(events("Russian bombs rained down on Mariupol for weeks."), "ASSAULT")
    assert found and found[0].actors == ["Russia"] and found[0].location == "Mariupol"


def test_rain_falling_is_no_assault(events: Events) -> None:
    assert not of_type(events("Rain fell on Kyiv on Monday."), "ASSAULT")


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        (
            "Gunmen stormed a hotel in Mogadishu on Monday, killing 20. Al-Shabaab claimed responsibility for "
            "the attack.",
            "al-Shabab",
            "Mogadishu",
        ),
        (
            "Masked men bombed a bus station in Kano on Friday. Boko Haram later claimed responsibility for the "
            "bombing.",
            "Boko Haram",
            "Kano",
        ),
    ],
)
def test_a_claimed_attack_is_the_attack_told_without_attacker(
    events: Events, text: str, actor: str, place: str
) -> None:
    found = of_type(events(text), "ASSAULT")
    assert len(found) == 1
    assert found[0].actors == [actor] and found[0].location == place


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Taliban gunmen gunned down two Afghan police officers in Kandahar on Monday.", "Taliban"),
        ("Al-Shabaab militants detonated a car bomb outside a hotel in Mogadishu on Monday.", "al-Shabab"),
        ("ISIS militants beheaded two Kurdish fighters near Kobani.", "Islamic State"),
        (
            "Palestinian militants lobbed mortar shells at Israeli communities near Gaza.",
            "Palestinian militants",
        ),
    ],
)
def test_neutral_assault_verbs(events: Events, text: str, actor: str) -> None:
    found = of_type(events(text), "ASSAULT")
    assert found and actor in found[0].actors
