"""Round 12 (issue 9): relation precision, general causes of spurious relations (docs/extraction.md
"Round 12: relation precision"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels


def test_only_fighting_alongside_makes_allies(run: Callable[[str], Extraction]) -> None:
    # "alongside" with a verb of fighting or serving is an alliance; attending or standing beside is not
    ex = run("Chadian troops fought alongside French soldiers in the Sahel last year.")
    assert ("Chad", "ALLIED_WITH", "France") in rels(ex) or ("France", "ALLIED_WITH", "Chad") in rels(ex)
    ex = run(
        "Kenyan and Ugandan ministers will attend a regional forum in Addis Ababa alongside Indian Prime Minister Narendra Modi."
    )
    assert not [r for r in rels(ex) if r[1] == "ALLIED_WITH"]
    ex = run("The Brazilian president stood alongside French President Emmanuel Macron at the ceremony.")
    assert not [r for r in rels(ex) if r[1] == "ALLIED_WITH"]
