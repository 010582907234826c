"""Round 13: attacks told through the weapon (docs/extraction-rounds.md "Round 13: attacks"). Every sentence here
is our own. Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import ExtractedEvent, Extraction
from tests.loaders.extracted import of_type, rels, rels_of_type

Events = Callable[[str], list[ExtractedEvent]]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Three Hezbollah rockets landed in the town of Nahariya on Monday.", "Hezbollah", "Nahariya"),
        ("A Russian drone slammed into a power station in Odesa on Monday.", "Russia", "Odesa"),
        ("Mortar shells from Houthi rebels fell on Jizan overnight.", "Houthis", "Jizan"),
        ("Two Hamas rockets hit the city of Beersheba on Monday.", "Hamas", "Beersheba"),
    ],
)
def test_a_weapon_that_landed_somewhere_strikes_it(
    run: Callable[[str], Extraction], events: Events, text: str, source: str, target: str
) -> None:
    assert (source, "STRUCK", target) in rels(run(text))
    found = of_type(events(text), "ASSAULT")
    assert found and source in found[0].actors


@pytest.mark.parametrize(
    "text",
    [
        "The plane carrying the Egyptian delegation landed in Khartoum on Monday.",
        "Oil prices fell on Monday after Saudi Arabia cut output.",
        "Rockets are stored in a warehouse in Tyre, Lebanese officials said.",
    ],
)
def test_no_weapon_no_impact(run: Callable[[str], Extraction], events: Events, text: str) -> None:
    assert not rels_of_type(run(text), "STRUCK")
    assert not of_type(events(text), "ASSAULT")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Malian troops unleashed heavy mortar fire on the town of Gao on Monday.", "Mali", "Gao"),
        ("Israeli artillery rained shells on Khan Younis on Monday.", "Israel", "Khan Younis"),
    ],
)
def test_fire_unleashed_or_rained_on_a_place_is_an_assault(
    events: Events, text: str, source: str, target: str
) -> None:
    found = of_type(events(text), "ASSAULT")
    assert found and source in found[0].actors and target in found[0].targets


def test_a_sides_bases_in_a_place_strike_both(run: Callable[[str], Extraction]) -> None:
    found = rels(run("Turkish warplanes bombed PKK hideouts in Duhok on Monday."))
    assert ("Turkey", "STRUCK", "PKK") in found
    assert ("Turkey", "STRUCK", "Duhok") in found


def test_a_pronoun_owner_of_a_resumed_act_is_the_subject(run: Callable[[str], Extraction]) -> None:
    # "X resumed its offensive against Y": the possessive pronoun is the subject carrying the act on
    ex = run("Colombian troops renewed their assault on ELN guerrillas near Arauca on Monday.")
    assert ("Colombia", "STRUCK", "ELN") in rels(ex)
    # a pronoun owner of an act that another subject only speaks of is no agent
    ex = run("Chile condemned their attacks on Bolivian towns on Monday.")
    assert not any(r[0] == "Chile" for r in rels_of_type(ex, "STRUCK"))


def test_the_navy_of_the_one_country_the_article_is_about(events: Events) -> None:
    text = (
        "Sri Lanka extended the curfew on Monday. Sri Lanka's president spoke in Colombo. "
        "The navy attacked LTTE boats off Mullaitivu on Monday."
    )
    found = of_type(events(text), "ASSAULT")
    assert found and found[0].actors == ["Sri Lanka"]


def test_the_day_of_a_reported_attack_is_not_the_speakers(events: Events) -> None:
    # "Y attacked Z, X said on Monday": Monday is when X spoke; the attack may be older
    text = "Eritrean troops shelled the town of Zalambessa, Ethiopia said on Monday."
    found = of_type(events(text), "ASSAULT")
    assert found and found[0].date != "2021-06-07"
    # the attack's own day still dates it
    text = "Eritrean troops shelled the town of Zalambessa on Sunday, Ethiopia said on Monday."
    found = of_type(events(text), "ASSAULT")
    assert found and found[0].date == "2021-06-06"
    # a rejection is made by the telling itself, on the speaker's day
    text = "Ethiopia said on Monday that it rejected the Sudanese claim over the border."
    found = of_type(events(text), "REJECT")
    assert found and found[0].date == "2021-06-07"
