"""Round 13: protests and coercion whose crowd is a count ("hundreds of demonstrators") (docs/extraction.md
"Round 13: protests"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_a_count_of_a_crowd_stands_for_the_crowd(events: Events) -> None:
    evs = events("Hundreds of demonstrators marched on the Egyptian embassy in Amman on Sunday.")
    assert [e.actors for e in of_type(evs, "PROTEST")] == [["demonstrators"]]
    evs = events("Thousands of protesters rallied in Lagos on Monday against Nigeria's fuel prices.")
    assert [e.actors for e in of_type(evs, "PROTEST")] == [["protesters"]]


def test_a_count_of_troops_names_no_crowd(events: Events) -> None:
    # only a group entity is taken through the count: a state's troops are no crowd
    evs = events("Thousands of soldiers marched in Hanoi on Tuesday.")
    assert all("soldiers" not in e.actors for e in evs)
