"""Round 12: text preparation around photo captions and credits (docs/extraction-rounds.md "Round 12: captions").
Every text here is our own."""

from __future__ import annotations

import pytest

from loaders.boilerplate import classify_lines


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Farmers block a road near Lyon on Tuesday.  (Marie Dubois / GETTY IMAGES)", "on Tuesday."),
        ("A tanker sails off the coast of Oman on May 2, 2015. OMAR HADI/AFP via Getty Images", "2015."),
        ("Police stand guard at a border post. Nobody was hurt. [AP Photo]", "Nobody was hurt."),
    ],
)
def test_a_photo_credit_closing_a_line_is_cut(line: str, kept: str) -> None:
    (only,) = classify_lines(line)
    assert only.text.rstrip().endswith(kept)


@pytest.mark.parametrize(
    "line",
    [
        "Rebels shelled the airport on Sunday, a spokesman told Reuters.",
        "The minister spoke to reporters (he did not take questions) in Rome on Friday.",
    ],
)
def test_a_sentence_naming_an_agency_is_kept_whole(line: str) -> None:
    (only,) = classify_lines(line)
    assert only.text == line


def test_a_bracketed_agency_credit_still_makes_a_caption() -> None:
    (only,) = classify_lines("Smoke rises over the harbour of Odesa on Monday (Reuters)")
    assert only.kind == "caption"
