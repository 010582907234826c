"""Round 13: the less frequent event types on unseen news (docs/extraction.md "Round 13: less frequent
event types"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_a_retreat_takes_the_place_it_leaves(events: Events) -> None:
    # "from X", "from the town of X", "evacuated its forces out of X" (parsed out -> of -> X): the place left
    evs = events("Sudanese troops began withdrawing from Kassala on Monday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Kassala"]
    evs = events("Eritrean soldiers withdrew from the town of Mekelle on Tuesday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Mekelle"]
    evs = events("Russia withdrew its troops out of Kherson on Wednesday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Kherson"]


def test_other_types_take_no_place_from_from(events: Events) -> None:
    # only a retreat leaves a place: a sending's "from" is where the troops came from, no site
    evs = events("Turkey sent troops from Ankara to the Syrian border on Monday.")
    assert all(e.location != "Ankara" for e in evs)
