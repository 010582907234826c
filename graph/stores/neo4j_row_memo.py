"""The rows entity search reads on Neo4j, kept per graph version: `RowMemo` (see graph/stores/neo4j_search.py).

A candidate row is the entity's fields (`Q.CANDIDATE_ROW`), its stored degree, then its name key and
alias keys. The memo keeps rows as plain tuples (`kept`), each stem's rows with their ranking index
(`Kept`), and, after `preload`, the whole graph's rows with each stem's members, so that a search at
that version reads no candidate rows.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.model import Entity
from graph.rank_index import RankIndex
from graph.search import FUZZY_STEM, Candidate, stem_members
from graph.stores import neo4j_queries as Q

# A candidate row as kept: a plain tuple (`Q.CANDIDATE_ROW`, then name key and alias keys) whose list
# fields are tuples too, so Python's cyclic GC stops tracking it (`kept()`).
Row = tuple[Any, ...]

# Rows kept per graph version (per process), then the memo starts again: round 7 measured ~0.7 KB each
# with its candidate when rows were lists (~80 MB at most); tuples are smaller.
MEMO_ROWS = 120_000


ENTITY_FIELDS = len(Q.CANDIDATE_ROW) - 1  # a candidate row: the entity's fields, degree, then keys
_LIST_FIELDS = tuple(i for i, f in enumerate(Q.CANDIDATE_ROW) if f in ("aliases", "titles"))


def kept(row: Sequence[Any]) -> Row:
    """A `SEARCH_CANDIDATES` row as the memo keeps it: a tuple of strings, numbers, None and tuples.

    Why: CPython's cyclic GC stops tracking a tuple that holds only such values when a collection
    reaches it (its first or second), while a list (and a NamedTuple) stays tracked for life. Kept as
    the driver returns them (a list per row, two more for aliases and titles) with a `Candidate` and a
    pair each, ~100 stems of ~1,000 rows were ~600k tracked objects that every full collection walked:
    17-35 ms per cold search on average (the collections a cold stem's allocations trigger).
    """
    out = list(row)
    for i in _LIST_FIELDS:
        if out[i] is not None:
            out[i] = tuple(out[i])
    return tuple(out)


# Every entity's row by id, the cap counted with, and each stem's members (at most cap + 1 ids).
WholeGraph = tuple[dict[str, Row], int, dict[str, list[str]]]


def whole_graph(rows: Iterable[Sequence[Any]]) -> WholeGraph:
    """Every entity's row (`Q.SEARCH_ALL_ROWS`, made `kept()`), and each stem's members: those holding a
    word that begins with it in the name key or an alias key, the words the full-text index's whitespace
    analyzer makes, so a stem's members are what `lucene_stem_query` matches.

    The rows are consumed as they stream in: held as the driver's records, 100k tracked objects made
    Python's cyclic GC run six full collections of 26-116 ms each (stalls for every request) during one
    preparation at 100k entities; kept tuples are untracked at their first collection."""
    cap = entity_search.BROAD_CANDIDATES
    table: dict[str, Row] = {}

    def keyed() -> Iterator[tuple[str, Sequence[str]]]:
        for raw in rows:
            r = kept(raw)
            table[r[0]] = r
            yield r[0], r[ENTITY_FIELDS + 1 :]

    members = stem_members(keyed(), cap)
    return table, cap, members


def candidate(row: Row) -> Candidate:
    """A kept row's candidate."""
    return Candidate(row[0], row[1], row[ENTITY_FIELDS + 1 :], row[ENTITY_FIELDS])


def entity(row: Row) -> Entity:
    """The entity of a kept row (the fields the store reads from a node)."""
    fields = {k: v for k, v in zip(Q.CANDIDATE_ROW[:ENTITY_FIELDS], row, strict=False) if v is not None}
    for k in ("aliases", "titles"):
        if k in fields:
            fields[k] = list(fields[k])
    return Entity(**fields)


def light(row: Sequence[Any]) -> Candidate:
    """A candidate from a light row [id, name, degree, name_key, alias keys...]."""
    return Candidate(row[0], row[1], tuple(row[3:]), int(row[2]))


class Kept(NamedTuple):
    """A stem's candidates as kept: the rows, their ranking index (in the same order) and the rows by id."""

    rows: tuple[Row, ...]
    prepared: RankIndex
    by_id: dict[str, Row]

    @property
    def candidates(self) -> list[Candidate]:
        return [self.prepared.candidate(i) for i in range(len(self.prepared))]


def keep(rows: tuple[Row, ...]) -> Kept:
    """A stem's rows with their ranking index, built once per stem and version: every query sharing the
    stem ranks with it (graph/rank_index.py), and no `Candidate` is built but for the hits."""
    prepared = RankIndex(
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[ENTITY_FIELDS + 1 :] for r in rows],
        [r[ENTITY_FIELDS] for r in rows],
    )
    return Kept(rows, prepared, {r[0]: r for r in rows})


class RowMemo:
    """Candidate rows by entity id, and each stem's rows and candidates, for one graph version at a time
    (a new version starts it again). Thread-safe: concurrent searches share it.

    The rows are plain tuples (`kept()`), untracked by the cyclic GC; each stem's `Candidate`s (1,000 of
    ~6,000 objects a stem when rows were lists) are the only objects it keeps tracked."""

    def __init__(self, max_rows: int = MEMO_ROWS) -> None:
        self.max_rows = max_rows
        self._version: str | None = None
        self._rows: dict[str, Row] = {}
        # Stems whose candidates' rows are all kept, with those (None: past the cap).
        self._stems: dict[str, Kept | None] = {}
        # Set by `preload` (the whole graph's rows at `_version`): the cap it counted with, and each
        # stem's members by id (at most cap + 1 of them), so that every stem is answered from the memo.
        self._whole: tuple[int, dict[str, list[str]]] | None = None
        self._lock = threading.Lock()

    def knows(self, stem: str) -> bool:
        """Whether the rows of `stem`'s candidates were kept (at the kept version, which may be old)."""
        return self._whole is not None or self._stems.get(stem) is not None

    def whole(self) -> str | None:
        """The version at which the whole graph's rows are kept (`preload`), if they are."""
        with self._lock:
            return self._version if self._whole is not None else None

    def stem(self, version: str, stem: str) -> Kept | bool:
        """`stem`'s candidates kept at `version`, True when it was past the cap there, else False."""
        cap = entity_search.BROAD_CANDIDATES
        with self._lock:
            if version != self._version:
                return False
            if stem in self._stems:
                found = self._stems[stem]
                return True if found is None else found
            whole = self._whole
            if whole is None or whole[0] != cap or len(stem) > FUZZY_STEM:
                return False
            ids = whole[1].get(stem, [])
            rows = None if len(ids) > cap else tuple(self._rows[i] for i in ids)
        # Built outside the lock (~2 ms for 1,000 rows), kept if the version is still the same.
        entry = keep(rows) if rows is not None else None
        with self._lock:
            if version == self._version:
                self._stems[stem] = entry
        return True if entry is None else entry

    def preload(self, version: str, whole: WholeGraph) -> None:
        """Keep the whole graph's rows read at `version` (`whole_graph`): no stem at this version needs
        the index after."""
        with self._lock:
            self._version, self._rows, self._stems, self._whole = version, whole[0], {}, (whole[1], whole[2])

    def rows(self, version: str, ids: list[str]) -> tuple[Row, ...] | None:
        """The kept rows of `ids` at `version`, or None unless every one is kept."""
        with self._lock:
            if version != self._version:
                return None
            memo = self._rows
        found = tuple(r for i in ids if (r := memo.get(i)) is not None)
        return found if len(found) == len(ids) else None

    def add(self, version: str, stem: str, rows: tuple[Row, ...] | None) -> Kept | None:
        """Keep a stem's rows read at `version` (None: past the cap); another version than the kept one
        starts the memo again."""
        entry = keep(rows) if rows is not None else None
        with self._lock:
            new = sum(1 for r in rows or () if r[0] not in self._rows) if version == self._version else 0
            if version != self._version or len(self._rows) + new > self.max_rows:
                self._version, self._rows, self._stems, self._whole = version, {}, {}, None
            if rows:
                self._rows.update((r[0], r) for r in rows)
            self._stems[stem] = entry
        return entry
