"""The Neo4j search memo keeps candidate rows as plain tuples the cyclic GC stops tracking, and reads
them back as the same candidates and entities (graph/stores/neo4j_search.py)."""

from __future__ import annotations

import gc

from graph.model import Entity
from graph.search import Candidate
from graph.stores.neo4j_row_memo import Kept, RowMemo, candidate, entity, kept


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


def test_the_whole_graphs_stems_hold_the_members_the_index_rule_proposes() -> None:
    # `whole_graph` groups every entity under each stem that begins a word of its name key or alias keys;
    # graph.search.is_candidate is the index's rule for one stem, written independently: they must agree
    # for every stem of 1 to 3 characters (what candidate_stems makes), and past the cap only the count
    # matters (more than cap members kept).
    import random
    from itertools import product

    from graph import search as entity_search
    from graph.search import is_candidate
    from graph.stores.neo4j_row_memo import whole_graph

    rng = random.Random(5)
    alphabet = "ab1"

    def word() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))

    rows = []
    for i in range(300):
        name_key = " ".join(word() for _ in range(rng.randint(0, 3)))  # "" for an entity without one
        aliases = [" ".join(word() for _ in range(rng.randint(1, 2))) for _ in range(rng.randint(0, 2))]
        rows.append([f"e{i}", f"E{i}", "person", None, None, None, None, None, i % 7, name_key, *aliases])
    table, cap, members = whole_graph(rows)
    assert cap == entity_search.BROAD_CANDIDATES and len(table) == 300
    stems = {"".join(p) for n in (1, 2, 3) for p in product(alphabet, repeat=n)}
    for stem in stems:
        expected = {r[0] for r in rows if is_candidate([stem], r[9:])}
        assert set(members.get(stem, [])) == expected, stem
    assert set(members) <= stems  # nothing longer than a stem, nothing no entity holds


def test_a_preloaded_memo_answers_every_stem_at_its_version_only(monkeypatch: object) -> None:
    import pytest

    from graph import search as entity_search
    from graph.stores.neo4j_row_memo import whole_graph

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(entity_search, "BROAD_CANDIDATES", 2)
    rows = [_row(), [*_row()[:9], "harbour master"], [*_row()[:9], "harbour gate"]]
    rows[1][0], rows[2][0] = "e2", "e3"
    memo = RowMemo()
    memo.preload("v1", whole_graph(rows))
    assert memo.whole() == "v1" and memo.knows("zzz")
    found = memo.stem("v1", "gui")  # e1 only (by its aliases)
    assert isinstance(found, Kept) and [r[0] for r in found.rows] == ["e1"]
    assert memo.stem("v1", "har") is True  # 3 members: past the cap of 2
    empty = memo.stem("v1", "zzz")  # no member: an empty candidate set, as the index would answer
    assert isinstance(empty, Kept) and empty.rows == ()
    assert memo.stem("v2", "gui") is False
    assert memo.stem("v1", "harb") is False  # longer than any stem: not answered from the preload
    monkeypatch.setattr(entity_search, "BROAD_CANDIDATES", 5)  # counted with another cap: not used
    assert memo.stem("v1", "mas") is False
    memo.add("v2", "gui", None)  # a read at another version starts the memo again
    assert memo.whole() is None
