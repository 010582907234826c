"""Round 10 (issue 9): relation constructions kept this round, each checked on sentences of our own
(docs/extraction-rounds.md "Round 10"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels, rels_of_type


def test_an_office_of_a_body_named_in_apposition(run: Callable[[str], Extraction]) -> None:
    # "The leader of B, A, ...": the parser hangs the name on B (memberships/office-of-body-name)
    ex = run("The leader of Hamas, Ismail Haniyeh, flew to Cairo on Tuesday.")
    assert ("Ismail Haniyeh", "AFFILIATED_WITH", "Hamas") in rels(ex)
    # a place in apposition to the body is no member of it
    ex = run("The capital of Kenya, Nairobi, was calm.")
    assert not rels_of_type(ex, "AFFILIATED_WITH")


def test_one_member_stands_for_the_group(run: Callable[[str], Extraction]) -> None:
    # "a commander of X": a single member head, as its plural did before
    ex = run("Jordanian jets killed a senior commander of Hayat Tahrir al-Sham near Daraa.")
    assert ("Jordan", "STRUCK", "Hayat Tahrir al-Sham") in rels(ex)
