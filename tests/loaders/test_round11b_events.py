"""Round 11b: promises of force as threats (docs/extraction-rounds.md "Round 11: events"). Every sentence here is
our own. Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from loaders.events.merge import merge_events
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_a_promise_to_crush_a_foe_threatens_it(events: Events) -> None:
    evs = events("Nigerian President Bola Tinubu pledged on Monday to crush Boko Haram in Borno.")
    threats = of_type(evs, "THREATEN")
    assert [(e.actors, e.targets) for e in threats] == [(["Bola Tinubu"], ["Boko Haram"])]
    assert not of_type(evs, "SUPPORT")


def test_a_promise_that_a_siege_will_end_is_a_threat(events: Events) -> None:
    evs = events(
        "Kenyan minister Paul Otieno promised on Monday that the army would end the siege of the hotel."
    )
    assert len(of_type(evs, "THREATEN")) == 1
    assert not of_type(evs, "SUPPORT")


def test_a_promise_to_end_a_war_or_a_blockade_is_no_threat(events: Events) -> None:
    # the side that waged the war may be the one that ends it
    evs = events(
        "French President Emmanuel Macron vowed on Monday to end the war in Ukraine. "
        "Turkish President Recep Erdogan promised on Monday to end the blockade of Cyprus."
    )
    assert not of_type(evs, "THREATEN")


def test_a_cleft_in_reported_speech_accuses_its_subject(events: Events) -> None:
    # "Y was the one who fired": the relative clause's wrongdoing is laid on the copula's subject
    evs = events("On Monday the Georgian government said that the Russian army was the one who fired first.")
    assert [(e.actors, e.targets) for e in of_type(evs, "ACCUSE")] == [(["Georgia"], ["Russia"])]
    negated = events(
        "On Monday the Georgian government said that the Russian army was not the one who fired."
    )
    assert not of_type(negated, "ACCUSE")


def test_a_means_gerund_is_done_by_the_main_subject_not_its_object(events: Events) -> None:
    # "answered the charge by claiming ...": the object of the main verb does not claim anything
    evs = events(
        "On Monday the Serbian government answered the report by claiming that the Croatian army was the "
        "one who shelled the border posts."
    )
    assert [(e.actors, e.targets) for e in of_type(evs, "ACCUSE")] == [(["Serbia"], ["Croatia"])]


def test_a_headline_takes_the_day_of_its_body_mention(events: Events) -> None:
    # the headline is told before any day is stated; the body tells the act in a paragraph about Wednesday
    evs = events(
        "Rwanda cuts ties with Uganda\n\n"
        "Tensions grew on Thursday across the region.\n\n"
        "Rwandan President Paul Kagame spoke in Kigali on Wednesday. Rwanda responded by breaking "
        "diplomatic relations with Uganda."
    )
    assert [e.date for e in of_type(evs, "SANCTION")] == ["2021-06-09"]


def test_the_force_a_threat_names_is_not_done(events: Events) -> None:
    # "threatened Y with air strikes": the strikes are the threat's content, not an assault
    evs = events("On Monday French troops threatened the rebels with NATO air strikes.")
    assert len(of_type(evs, "THREATEN")) == 1
    assert not of_type(evs, "ASSAULT")


def test_evacuating_people_is_no_retreat(events: Events) -> None:
    assert not of_type(events("Many of the wounded were evacuated to Tuzla on Monday."), "RETREAT")
    troops = events("Russian commanders evacuated their troops from Kherson on Monday.")
    assert [e.actors for e in of_type(troops, "RETREAT")] == [["Russia"]]


def test_one_party_agreeing_to_act_is_its_decision_not_an_agreement(events: Events) -> None:
    alone = events("After a long summit the Arab League agreed on Tuesday to impose sanctions on Syria.")
    assert not of_type(alone, "AGREE")
    assert [e.actors for e in of_type(alone, "SANCTION")] == [["Arab League"]]
    together = events("Russia and Ukraine agreed on Monday to exchange prisoners.")
    assert len(of_type(together, "AGREE")) == 1


def test_the_start_of_fighting_between_two_sides(events: Events) -> None:
    # "fighting" is a gerund the parser tags as a verb; "between" hangs on "start"
    evs = events(
        "Hundreds have died since the start of fighting on March 3 between General Ali Hassan, who "
        "leads the Chadian army, and General Omar Bashir, who commands the Wagner militia."
    )
    assert [(e.date, sorted(e.actors)) for e in of_type(evs, "ASSAULT")] == [
        ("2021-03-03", ["Ali Hassan", "Omar Bashir"])
    ]


def test_fighting_weeks_after_a_stated_outbreak_is_not_the_outbreak() -> None:
    outbreak = ExtractedEvent(type="ASSAULT", label="a", date="2021-03-03", actors=["Chad", "Niger"])
    later = ExtractedEvent(type="ASSAULT", label="b", date="2021-06-10", actors=["Niger"])
    next_day = ExtractedEvent(type="ASSAULT", label="c", date="2021-03-04", actors=["Niger"])
    assert len(merge_events([(outbreak, True), (later, False)])) == 2
    assert len(merge_events([(outbreak, True), (next_day, False)])) == 1
