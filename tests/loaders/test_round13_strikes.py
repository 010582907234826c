"""Round 13: attacks (docs/extraction.md "Round 13: attacks"). Every sentence here is our own. Articles are
published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


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
