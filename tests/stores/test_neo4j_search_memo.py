"""The Neo4j search memo keeps candidate rows as plain tuples the cyclic GC stops tracking, and reads
them back as the same candidates and entities (graph/stores/neo4j_search.py)."""

from __future__ import annotations

import gc

from graph.model import Entity
from graph.search import Candidate
from graph.stores.neo4j_search import Kept, RowMemo, candidate, entity, kept


def _row() -> list[object]:
    # As the driver returns a SEARCH_CANDIDATES row: the entity's fields, degree, name key, alias keys.
    return [
        "e1",
        "Harbour Guild",
        "organization",
        ["The Guild", "Guild of the Harbour"],
        "NL",
        ["Keeper"],
        51.5,
        None,
        7,
        "harbour guild",
        "the guild",
        "guild of the harbour",
    ]


def test_a_kept_row_reads_back_as_the_same_candidate_and_entity() -> None:
    row = kept(_row())
    assert candidate(row) == Candidate(
        "e1", "Harbour Guild", ("harbour guild", "the guild", "guild of the harbour"), 7
    )
    assert entity(row) == Entity(
        id="e1",
        name="Harbour Guild",
        kind="organization",
        aliases=["The Guild", "Guild of the Harbour"],
        country_code="NL",
        titles=["Keeper"],
        lat=51.5,
    )


def test_kept_rows_are_not_tracked_by_the_cyclic_gc_after_a_collection() -> None:
    memo = RowMemo()
    rows = tuple(kept(_row()) for _ in range(3))
    memo.add("v1", "har", rows)
    # A collection untracks a tuple whose items are untracked when it reaches it: the inner tuples (aliases,
    # titles) may come after their row in the GC's list, so their row goes at the next collection.
    gc.collect()
    gc.collect()
    found = memo.stem("v1", "har")
    assert isinstance(found, Kept) and len(found.rows) == 3
    assert found.candidates == [candidate(r) for r in rows]
    assert not any(gc.is_tracked(r) for r in found.rows)
    # The raw driver row (lists) would stay tracked for life: the reason rows are kept as tuples.
    assert gc.is_tracked(_row())


def test_the_memo_serves_only_the_version_it_was_read_at() -> None:
    memo = RowMemo()
    memo.add("v1", "har", (kept(_row()),))
    assert memo.rows("v1", ["e1"]) is not None
    assert memo.rows("v2", ["e1"]) is None
    assert memo.stem("v2", "har") is False
    memo.add("v2", "gui", None)  # past the cap at v2: the memo starts again
    assert memo.stem("v2", "gui") is True
    assert memo.rows("v2", ["e1"]) is None
