"""Round 12b: event precision (docs/extraction-rounds.md "Round 12b"): trigger words in a sense that is no event,
acts still to come or long-standing, the terms of papers and measures, related-story link lines. Every
sentence here is our own. Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Nigeria launched an investigation into the killings on Monday.", "ASSAULT"),
        ("Russia launched a campaign to vaccinate its citizens on Monday.", "ASSAULT"),
        ("Kenya's president fired the interior minister on Monday.", "ASSAULT"),
        ("Sri Lanka was hit by floods on Monday.", "ASSAULT"),
        ("A car accident killed two Kenyan diplomats in Addis Ababa on Monday.", "ASSAULT"),
        ("Kenya and Ethiopia struck a deal on Monday to share water from the river.", "ASSAULT"),
        ("The opposition blasted the government of Kenya over the decision on Monday.", "ASSAULT"),
        ("The army executed a plan to secure the border with Chad on Monday.", "ASSAULT"),
        ("The government came under fire from rights groups in Kenya on Monday over the arrests.", "ASSAULT"),
        ("Lavrov spoke to reporters in Moscow on Monday.", "CONSULT"),
        ("Turkey hosts nearly four million Syrian refugees.", "CONSULT"),
        ("Biden signed the bill into law on Monday.", "AGREE"),
        ("The foreign ministers of Kenya and Uganda signed a letter to the UN on Monday.", "AGREE"),
        ("Kenya needs to deal with the refugee crisis, its president said on Monday.", "AGREE"),
        ("Germany backed away from its plan to send tanks to Ukraine on Monday.", "SUPPORT"),
        ("Uganda welcomed refugees from South Sudan on Monday.", "SUPPORT"),
        ("Thousands of people marched in Accra on Monday to mark Independence Day.", "PROTEST"),
    ],
)
def test_a_trigger_in_another_sense_is_no_event(events: Events, text: str, etype: str) -> None:
    assert not of_type(events(text), etype)


def test_trigger_words_keep_their_event_sense(events: Events) -> None:
    evs = events(
        "On Monday Houthi rebels launched missiles at the Saudi city of Jizan. "
        "On Tuesday Sudan's army blasted RSF bases in Omdurman. "
        "On Wednesday Ruto hosted Ethiopian Prime Minister Abiy Ahmed in Nairobi."
    )
    assert len(of_type(evs, "ASSAULT")) == 2
    assert of_type(evs, "CONSULT")


def test_a_deal_struck_on_a_day_is_that_days_agreement(events: Events) -> None:
    agreed = of_type(
        events("Kenya and Ethiopia struck a deal on Monday to share water from the river."), "AGREE"
    )
    assert [e.date for e in agreed] == ["2021-06-07"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Clashes in Bakool on Monday come a day before a meeting of IGAD leaders in Djibouti.", "CONSULT"),
        ("Russia has yet to sign the treaty with Japan.", "AGREE"),
        ("The UN Security Council is set to meet on Tuesday to discuss the crisis in Sudan.", "CONSULT"),
        ("Protests are expected in Minsk on Sunday.", "PROTEST"),
        ("Analysts say a deal between Israel and Saudi Arabia is unlikely.", "AGREE"),
        ("Lavrov declined to meet his Ukrainian counterpart on Monday.", "CONSULT"),
    ],
)
def test_an_act_still_to_come_is_no_event(events: Events, text: str, etype: str) -> None:
    assert not of_type(events(text), etype)


def test_talks_ahead_are_not_the_meeting_told(events: Events) -> None:
    evs = events("Ruto met Abiy in Nairobi on Monday ahead of talks with Somalia's president.")
    assert [e.date for e in of_type(evs, "CONSULT")] == ["2021-06-07"]


def test_a_long_standing_act_is_background(events: Events) -> None:
    evs = events(
        "Russia has long supported the government of Bashar al-Assad. "
        "China's coast guard has often blocked Philippine supply boats in the past."
    )
    assert not of_type(evs, "SUPPORT") and not of_type(evs, "COERCE")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Uganda has deployed troops in South Sudan since 2013 under a defence pact.", "MOBILIZE"),
        ("Burkina Faso's junta, which took power in 2022, has since expelled French soldiers.", "COERCE"),
        ("Moldova fears a Russian invasion.", "ASSAULT"),
        ("Kenyan police foiled an attack on the US embassy in Nairobi on Monday.", "ASSAULT"),
    ],
)
def test_long_standing_feared_or_foiled_acts_are_no_event(events: Events, text: str, etype: str) -> None:
    assert not of_type(events(text), etype)


def test_the_last_time_two_sides_met_is_background(events: Events) -> None:
    assert not of_type(events("The two foreign ministers last met in Vienna in 2019."), "CONSULT")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "The European Union imposed sanctions on Belarus on Monday. The measures ban Belarusian airlines.",
            "COERCE",
        ),
        ("The EU sanctioned Belarus on Monday. The sanctions include banning Belarusian airlines.", "COERCE"),
        ("The agreement calls for Ethiopia to withdraw troops from the town of Badme.", "RETREAT"),
        ("The drills invade Japan's airspace, Tokyo said on Monday.", "ASSAULT"),
    ],
)
def test_the_terms_of_a_paper_or_measure_are_no_act(events: Events, text: str, etype: str) -> None:
    assert not of_type(events(text), etype)


def test_a_related_story_link_line_is_no_text(events: Events) -> None:
    evs = events(
        "Kenyan police arrested two protesters in Nairobi on Monday.\n\n"
        "Also Read Uganda seized 40 kg of ivory at Entebbe airport on Tuesday\n\n"
        "The two were released on bail."
    )
    assert [e.actors for e in of_type(evs, "COERCE")] == [["Kenya"]]


def test_a_fight_told_by_a_bare_subject_noun_is_the_previous_sentences_sides(events: Events) -> None:
    evs = events(
        "Ethiopian and Eritrean troops clashed in Badme on the night of 3 June, leaving six people dead. "
        "The following day, fighting at the border post killed at least 40 people."
    )
    fights = of_type(evs, "ASSAULT")
    assert [e.date for e in fights] == ["2021-06-03", "2021-06-04"]
    assert fights[1].actors == fights[0].actors and fights[1].location == "Badme"


def test_a_fight_with_a_place_of_its_own_takes_no_sides_from_before(events: Events) -> None:
    evs = events(
        "Police and protesters clashed in Minsk on Monday. Separately, fighting in Tigray killed 12 people on Tuesday."
    )
    assert [e.actors for e in of_type(evs, "ASSAULT") if e.location == "Tigray"] == [[]]


def test_what_an_act_of_another_type_aims_at_is_no_act(events: Events) -> None:
    evs = events(
        "The Israeli raids aim at weakening the Syrian army and reinforcing the rebels, "
        "Iran's foreign ministry said on Monday."
    )
    assert not of_type(evs, "MOBILIZE")


@pytest.mark.parametrize(
    "text",
    [
        "The European Union lifted sanctions on Belarus on Monday.",
        "Sanctions against Russia have hit its banks hard, the IMF said on Monday.",
        "Iran is subject to a UN arms embargo.",
    ],
)
def test_sanctions_told_as_a_state_are_no_sanction(events: Events, text: str) -> None:
    assert not of_type(events(text), "SANCTION")


def test_sanctions_imposed_or_extended_are_a_sanction(events: Events) -> None:
    evs = events("The United States on Monday extended sanctions on Zimbabwe for another year.")
    assert [e.targets for e in of_type(evs, "SANCTION")] == [["Zimbabwe"]]


def test_a_truce_told_as_holding_or_collapsing_is_no_agreement(events: Events) -> None:
    evs = events(
        "The truce between Sudan's army and the RSF collapsed on Monday. "
        "The ceasefire between Israel and Hamas has largely held since May."
    )
    assert not of_type(evs, "AGREE")


def test_a_crowd_storming_a_building_is_a_protest(events: Events) -> None:
    evs = events("Angry demonstrators stormed the parliament in Freetown on Monday.")
    assert not of_type(evs, "ASSAULT") and of_type(evs, "PROTEST")


def test_a_long_standing_act_lends_its_side_to_the_news_it_merges_with(events: Events) -> None:
    evs = events("Israel has often struck Iranian targets in Syria, and on Monday it hit Damascus airport.")
    assert [(e.actors, e.date) for e in of_type(evs, "ASSAULT")] == [(["Israel"], "2021-06-07")]


def test_an_accord_signed_and_told_in_one_sentence_is_made(events: Events) -> None:
    evs = events("A deal between Kenya and Somalia, signed on Monday, ends the dispute over the border.")
    assert [e.actors for e in of_type(evs, "AGREE")] == [["Kenya", "Somalia"]]
