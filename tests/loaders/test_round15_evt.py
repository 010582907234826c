"""Round 15: events other than attacks on news nobody tuned on (docs/extraction-rounds.md "Round 15: evt").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent, Extraction
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_taking_to_the_streets_is_a_protest(events: Events) -> None:
    for text, place in (
        (
            "On Monday, thousands of people took to the streets in the cities of Tbilisi and Batumi.",
            "Tbilisi",
        ),
        ("Students took to the streets of Aleppo on Tuesday.", "Aleppo"),
        ("Thousands of farmers took to the streets in Lyon on Wednesday.", "Lyon"),
    ):
        assert [e.location for e in of_type(events(text), "PROTEST")] == [place], text
    # taking a town is no protest
    assert not of_type(events("Rebels took the town of Aleppo on Monday."), "PROTEST")


def test_endangering_is_no_threat(events: Events) -> None:
    for text in (
        "Armenia said on Monday that the shelling threatened the lives of civilians in Yerevan.",
        "Japan said on Monday that the drills threaten regional security.",
    ):
        assert not of_type(events(text), "THREATEN"), text
    # a side threatening another still is one
    assert of_type(events("Russia threatened Georgia with sanctions on Monday."), "THREATEN")


def test_aim_of_an_act_noun_is_no_coercion(events: Events) -> None:
    text = "The campaign of air strikes to force Serbian troops to withdraw from Kosovo began on Monday."
    assert not of_type(events(text), "COERCE")
    # the aim of a verb is told as done: the jet forced the plane down
    evs = of_type(
        events("On Monday, Belarus sent a fighter jet to force the plane to land in Minsk."), "COERCE"
    )
    assert [e.actors for e in evs] == [["Belarus"]]


def test_force_a_speaker_says_its_side_will_use_is_a_threat(events: Events) -> None:
    for text, actor, target in (
        ("Iran said on Monday it would strike back if Israel attacked its nuclear sites.", "Iran", "Israel"),
        (
            "If Turkey sends troops into Syria, we will respond with force, the Syrian foreign minister said on Tuesday.",
            "Syria",
            "Turkey",
        ),
        ("China said on Saturday its forces would crush any attack by Taiwan.", "China", None),
    ):
        evs = of_type(events(text), "THREATEN")
        assert [e.actors for e in evs] == [[actor]], text
        if target:
            assert evs[0].targets == [target], text
    # a reply with no condition, and a prediction of another side's act, are no threats
    for text in (
        "Russia said on Sunday that it will respond to the proposal next week.",
        "Moscow said on Sunday that Ukraine would attack the plant.",
        "Iran said on Monday it would not strike Israel.",
    ):
        assert not of_type(events(text), "THREATEN"), text


def test_anniversary_piece_dates_its_events_on_the_old_day(run: Callable[..., Extraction]) -> None:
    def run_events(text: str, published: str) -> list[ExtractedEvent]:
        return run(text, published).events

    text = (
        "On this day in 1983, Argentina invaded the Falkland Islands.\n\n"
        "Britain condemned the invasion on the same day."
    )
    evs = run_events(text, "2023-04-02")
    assert {e.date for e in evs} == {"1983-04-02"}
    text = (
        "Thirty years after Iraq invaded Kuwait, veterans recall the war.\n\n"
        "When Iraqi tanks crossed the border on August 2, 1990, Kuwait was caught by surprise.\n\n"
        "Saudi Arabia asked the United States for help."
    )
    evs = run_events(text, "2020-08-01")
    assert [e.date for e in of_type(evs, "REQUEST")] == ["1990-08-02"]
    # "two years after" opens ordinary news: its events keep the report's days
    evs = run_events(
        "Two years after Russia invaded Ukraine, Ukraine condemned a strike on Kyiv on Monday.", "2024-02-27"
    )
    assert [e.date for e in of_type(evs, "ACCUSE")] == ["2024-02-26"]


def test_anniversary_day_stays_the_story_day(run: Callable[..., Extraction]) -> None:
    # a day named near the old day ("on April 1") does not take the piece's story day
    text = (
        "On this day in 1983, Argentina invaded the Falkland Islands.\n\n"
        "The junta had ordered the invasion on April 1.\n\n"
        "Britain condemned the invasion."
    )
    assert [e.date for e in of_type(run(text, "2023-04-02").events, "ACCUSE")] == ["1983-04-02"]


def test_an_organ_reporting_its_own_state_accuses_nobody(events: Events) -> None:
    evs = events("The Pentagon said on Monday that US forces struck Houthi targets in Yemen.")
    assert not of_type(evs, "ACCUSE")
    assert of_type(evs, "ASSAULT")
    # an organ reporting another state's act still accuses it
    evs = events("The Pentagon said on Tuesday that Iranian forces struck US bases in Iraq.")
    assert [e.targets for e in of_type(evs, "ACCUSE")] == [["Iran"]]


def test_a_joint_refusal_is_one_rejection(events: Events) -> None:
    evs = of_type(events("France, Spain and Italy denied the US overflight rights on Monday."), "REJECT")
    assert [sorted(e.actors) for e in evs] == [["France", "Italy", "Spain"]]
