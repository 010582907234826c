"""Round 9 (issue 9): event constructions that hold on news nobody tuned on (docs/extraction-rounds.md
"Round 9: events"). Every sentence here is our own. Articles are published on Thursday 10 June 2021
(tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type


def test_backing_in_the_passive_is_a_standing_relation_not_an_event(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    # who stands behind a group is the SUPPORTS relation; the SUPPORT event is a backer's own act
    assert not of_type(
        events("The Kivu rebels are supported by Rwanda, Kinshasa said on Tuesday."), "SUPPORT"
    )
    assert not of_type(events("The militia had been backed by Uganda for years."), "SUPPORT")
    active = of_type(events("Kenya backed the truce on Tuesday."), "SUPPORT")
    assert [e.actors for e in active] == [["Kenya"]]


def test_two_named_people_reacting_together_are_one_event(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    # named leaders coordinated as one subject speak together (a call, a joint statement); countries
    # listed together are each one's own reaction
    joint = of_type(
        events("William Ruto and Bola Tinubu condemned the raid on Lagos on Wednesday."), "ACCUSE"
    )
    assert [sorted(e.actors) for e in joint] == [["Bola Tinubu", "William Ruto"]]
    apart = of_type(events("Kenya and Nigeria condemned the raid on Lagos on Wednesday."), "ACCUSE")
    assert sorted(a for e in apart for a in e.actors) == ["Kenya", "Nigeria"] and len(apart) == 2


def test_a_day_that_names_another_event_does_not_date_the_clause(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    # "Tuesday's bombing": Tuesday is the bombing's day, the accusation is the report's
    evs = events("Ghana accused Togo of responsibility for Tuesday's bombing of Accra.")
    assert [e.date for e in of_type(evs, "ACCUSE")] == ["2021-06-10"]


def test_a_lapse_counts_from_the_day_the_story_gave(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # "A day earlier", "two days later", "the previous day" step from the day already stated, not from
    # the report's day
    evs = events("Rebels shelled Goma on Tuesday. A day earlier, Rwanda had bombed a camp near Sake.")
    assert sorted(e.date for e in of_type(evs, "ASSAULT")) == ["2021-06-07", "2021-06-08"]
    evs = events("Rebels shelled Goma on 1 June. Two days later, Rwanda bombed a camp near Sake.")
    assert sorted(e.date for e in of_type(evs, "ASSAULT")) == ["2021-06-01", "2021-06-03"]
    evs = events("Chad said on Monday that Sudan had bombed the border town of Adre the previous day.")
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2021-06-06"]


def test_a_same_day_mention_without_actor_joins_the_act_that_names_one(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    # as for attacks: the day's arrest told again without the arresting side is the same arrest
    text = (
        "Malian police detained dozens of opposition supporters on Tuesday. "
        "Amara Diallo, a party leader, was also detained on Tuesday in Bamako."
    )
    coerce = of_type(events(text), "COERCE")
    assert [(e.actors, e.targets) for e in coerce] == [(["Mali"], ["Amara Diallo"])]


def test_captures_in_a_fight_are_part_of_it(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # one clash is one event (GUIDE, hard cases): the fighters a side captured in it are no coercion apart
    evs = events(
        "The Kano militia said it had clashed with a band of raiders who entered Dala, a town near the "
        "city, and captured several of them."
    )
    assert of_type(evs, "ASSAULT") and not of_type(evs, "COERCE")
    arrest = of_type(
        events("Nigeria arrested Musa Bello, a commander of the Kano militia, on Monday."), "COERCE"
    )
    assert [e.actors for e in arrest] == [["Nigeria"]]


@pytest.mark.parametrize(
    "judgement",
    [
        "Libya said the Chadian raid was a violation of its airspace.",
        "Libya said the Chadian raid had crossed a red line.",
    ],
)
def test_a_known_act_judged_later_keeps_its_own_day(
    events: Callable[[str], list[ExtractedEvent]], judgement: str
) -> None:
    # "the raid was ...", "said the raid had ...": the raid is judged on Sunday, it happened on Friday
    evs = events(f"Chad bombed the rebel base at Tibesti on Friday. On Sunday, {judgement}")
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2021-06-04"]


def test_planned_acts_of_any_type_are_no_events_yet(events: Callable[[str], list[ExtractedEvent]]) -> None:
    assert not events("Niger plans to deploy troops to its border with Mali.")
    assert not of_type(
        events("Ghana will sanction Togo over the dispute, its minister said on Tuesday."), "SANCTION"
    )
    assert of_type(events("Ghana deployed troops to its border with Togo on Tuesday."), "MOBILIZE")
    # a refusal is about the future and is an act when stated
    assert of_type(
        events("Mali will reject any deal that divides the country, its president said."), "REJECT"
    )
