"""Round 10 (issue 9): event constructions of news in general (docs/extraction-rounds.md "Round 10: events").
Every sentence here is our own. Articles are published on Thursday 10 June 2021
(tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_a_killing_is_an_assault(events: Events) -> None:
    evs = of_type(events("Boko Haram fighters killed four soldiers in Borno on Sunday."), "ASSAULT")
    assert [(e.actors, e.date) for e in evs] == [(["Boko Haram"], "2021-06-06")]


def test_a_participle_describing_a_noun_is_no_event(events: Events) -> None:
    # "lorries delivering food": what the lorries are, not an aid delivery the sentence reports
    evs = events("Rebels fired on lorries delivering food to Kassala on Monday.")
    assert not of_type(evs, "AID") and of_type(evs, "ASSAULT")


def test_mentions_by_a_side_and_by_its_officials_are_one_event(events: Events) -> None:
    # the affiliation of a named official ("Foreign Minister X") makes his act and his state's act
    # on the same day one event, though they name different targets
    evs = of_type(
        events(
            "Canada expelled Iranian diplomats on Tuesday. Canadian Foreign Minister Melanie Joly "
            "expelled the envoys of Tehran on Tuesday."
        ),
        "SANCTION",
    )
    assert len(evs) == 1


def test_a_speaker_s_own_day_dates_the_accusation(events: Events) -> None:
    # the reported act keeps its day; the accusation is made on the day the speech states
    evs = events("Eritrean troops shelled Zalambessa on Sunday, Ethiopia said on Tuesday.")
    assert [e.date for e in of_type(evs, "ACCUSE")] == ["2021-06-08"]
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2021-06-06"]


def test_weeks_and_months_ago_are_ranges_and_days_ago_any_count(events: Events) -> None:
    # from Thursday 10 June 2021: the week of 24-30 May, the month before, and a day five days back
    def day(text: str) -> list[str | None]:
        return [e.date for e in of_type(events(text), "ASSAULT")]

    assert day("Eritrean troops shelled Zalambessa two weeks ago.") == ["2021-05"]
    assert day("Eritrean troops shelled Zalambessa three months ago.") == ["2021-03"]
    assert day("Eritrean troops shelled Zalambessa five days ago.") == ["2021-06-05"]
    # the weekend is one of two days: the month that holds both
    assert day("Eritrean troops shelled Zalambessa at the weekend.") == ["2021-06"]
