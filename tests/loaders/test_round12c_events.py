"""Round 12c: event recall (docs/extraction-rounds.md "Round 12c"): fights told by "fought", "targeted" and
"exchanged fire". Every sentence here is our own. Articles are published on Thursday 10 June 2021
(tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Sudan's army and the RSF fought for control of the airport in Khartoum on Monday.", "Sudan"),
        ("The Sudanese army fought the RSF in Khartoum on Monday.", "Rapid Support Forces"),
        ("Ethiopian troops fought with Tigrayan rebels near Mekelle on Monday.", "Ethiopia"),
        ("Houthi rebels targeted a commercial ship in the Red Sea on Monday.", "Houthis"),
        ("Israeli jets targeted Hamas positions in Gaza on Monday.", "Hamas"),
        ("Armenia and Azerbaijan exchanged fire on the border on Monday.", "Azerbaijan"),
        ("Israel and Hezbollah traded rocket fire on Monday.", "Hezbollah"),
    ],
)
def test_a_fight_told_by_another_verb(events: Events, text: str, side: str) -> None:
    found = of_type(events(text), "ASSAULT")
    assert found and side in {*found[0].actors, *found[0].targets}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's government fought corruption for years.",
        "Kenya fought the ruling in court on Monday.",
        "The United States targeted Russian banks with new sanctions on Monday.",
        "The campaign targeted young voters in Nairobi on Monday.",
        "Kenya and Uganda exchanged prisoners on Monday.",
    ],
)
def test_the_same_verbs_in_another_sense(events: Events, text: str) -> None:
    assert not of_type(events(text), "ASSAULT")
