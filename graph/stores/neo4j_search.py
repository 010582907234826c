"""Entity search on Neo4j: the full-text index `entity_names` proposes, graph/search.py ranks.

Per stem, the longest first, the first stem with at most `BROAD_CANDIDATES` matches gives the
candidates: one round trip. A stem seen before asks the index for the ids of its matches only
(`SEARCH_CANDIDATE_IDS`) and takes their rows (fields, stored `degree`, keys) from `RowMemo`, which keeps
the rows read at one graph version: a read names the version it saw (the bookmark Neo4j returns with
every read, as `GraphStore.version()`), and kept rows are used only at that version. A new stem, or one
whose rows are not kept at the version the ids were read at (after a write), reads ids and rows together
(`SEARCH_CANDIDATES`, every kind, so one read serves every `kind` filter) and keeps them. Reading
~1,000 nodes' properties was most of a narrow query's time on the server; ids alone cost about a quarter
of it. Python ranks the candidates with the same code as the embedded store and builds the page from
the same rows. A store opened with a version TTL (the API's `KG_API_VERSION_TTL`) also keeps each stem's
candidates (or that it is past the cap) with the memo, and while the version a read saw less than the TTL
ago is the kept one (`Neo4jConnection.trusted_version`), a stem kept there is answered without a round
trip: the staleness bound the API's cached answers already have. `prepare_search` (the API's search
warmer, api/search_warmer.py) reads every entity's row once per version and groups them by stem
(`RowMemo.preload`), so that at that version no stem is read cold.

A broad query (every stem past the cap) ranks its exact matches and the most connected entities
instead (its page's nodes are read by id). Those, like the pages of browsing without a query, come from
`most_connected`: counting every entity's degree and sorting costs time in proportion to the graph, so
it is done once per graph version (`GraphStore.version()`, one round trip) and kind, and a broad
query's ranking is kept for that version too (`graph.search.BroadCache`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.model import Entity, EntityKind
from graph.rank_index import RankIndex
from graph.results import EntityHit, Page
from graph.search import (
    FUZZY_STEM,
    BroadCache,
    Candidate,
    Ranking,
    candidate_stems,
    largest_stems,
    lucene_exact_query,
    lucene_stem_query,
    query_key,
    ranking,
    word_stems,
)
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_connection import Neo4jConnection
from graph.stores.neo4j_convert import entity_from_node

Read = Callable[..., list[Any]]
ReadAt = Callable[..., tuple[list[Any], str]]  # records and the version (bookmark) they were read at
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
    members: dict[str, list[str]] = {}
    for raw in rows:
        r = kept(raw)
        table[r[0]] = r
        for s in word_stems(r[ENTITY_FIELDS + 1 :]):
            ids = members.get(s)
            if ids is None:
                members[s] = [r[0]]
            elif len(ids) <= cap:  # past the cap the count is all a search asks
                ids.append(r[0])
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


def most_connected(read: Read, cache: BroadCache, version: str, kind: str | None) -> list[Candidate]:
    """The `BROAD_CANDIDATES` most connected entities (of a kind) in (degree descending, name, id) order,
    counted once per graph version and kind."""
    cap = entity_search.BROAD_CANDIDATES
    return cache.hubs(
        (version, cap), kind, lambda: [light(r["row"]) for r in read(Q.MOST_CONNECTED, kind=kind, limit=cap)]
    )


def search_ranking(
    read: Read,
    read_at: ReadAt,
    memo: RowMemo,
    cache: BroadCache,
    version: Callable[[], str],
    key: str,
    kind: str | None,
    trusted: str | None = None,
) -> tuple[Ranking, dict[str, Row]]:
    """The ranked matches of the normalised query `key` (non-empty), in order, and the candidate rows
    by id (`entity()` reads a row; empty for a broad query). With a `trusted` version (the connection's
    `trusted_version()`), what the memo kept at that version is used without asking the index."""
    cap = entity_search.BROAD_CANDIDATES
    for stem in candidate_stems(key):  # the longest first: a selective stem spares counting the others
        found = memo.stem(trusted, stem) if trusted is not None else False
        if found is True:  # past the cap at the trusted version
            continue
        entry = found if isinstance(found, Kept) else None  # kept at the trusted version: no round trip
        lucene = lucene_stem_query(stem)
        if entry is None and memo.knows(stem):  # ids only (they name their version), and the kept rows
            records, at = read_at(Q.SEARCH_CANDIDATE_IDS, lucene=lucene, cap=cap)
            ids = records[0]["ids"]
            if len(ids) > cap:
                memo.add(at, stem, None)
                continue
            found_at = memo.stem(at, stem)  # kept at the version just read (the whole graph's, say)
            if isinstance(found_at, Kept):
                entry = found_at
            elif (rows := memo.rows(at, ids)) is not None:
                entry = memo.add(at, stem, rows)
        if entry is None:  # not kept at this version: ids and rows (of every kind) together, then kept
            records, at = read_at(Q.SEARCH_CANDIDATES, lucene=lucene, cap=cap, kind=None)
            if records[0]["n"] > cap:  # past the cap (a new stem, or the graph grew since the ids)
                memo.add(at, stem, None)
                continue
            entry = memo.add(at, stem, tuple(map(kept, records[0]["rows"])))
        assert entry is not None
        if kind is None:
            return entry.prepared.ranking(key), entry.by_id
        rows = entry.rows
        return entry.prepared.ranking(key, lambda i: bool(rows[i][2] == kind)), entry.by_id  # noqa: B023
    now = trusted if trusted is not None else version()

    def broad() -> Ranking:
        exact = read(Q.SEARCH_EXACT, key=key, aliases=lucene_exact_query(key), kind=kind)
        hubs = most_connected(read, cache, now, kind)
        return ranking(key, [light(r["row"]) for r in exact] + hubs, capped=True)

    return cache.ranking((now, cap), kind, key, broad), {}


def search_entities(
    conn: Neo4jConnection,
    memo: RowMemo,
    cache: BroadCache,
    q: str | None,
    kind: EntityKind | None,
    limit: int,
    offset: int,
) -> Page[EntityHit]:
    """Names and aliases by tier (exact, prefix, word, fuzzy), then degree: graph/search.py."""
    key = query_key(q)
    if not key:
        total = conn.read(Q.COUNT_ENTITIES, kind=kind)[0]["n"]
        if (
            offset + limit > entity_search.BROAD_CANDIDATES
        ):  # past what is kept per version: every degree counted
            rows = conn.read(Q.BROWSE_ENTITIES, kind=kind, limit=limit, offset=offset)
            items = [EntityHit(entity=entity_from_node(r["e"]), degree=r["degree"]) for r in rows]
            return Page[EntityHit](items=items, total=total, limit=limit, offset=offset)
        now = conn.trusted_version() or conn.version()
        page = most_connected(conn.read, cache, now, kind)[offset : offset + limit]
        capped = False
    else:
        ranked, found = search_ranking(
            conn.read, conn.read_at, memo, cache, conn.version, key, kind, conn.trusted_version()
        )
        page, total, capped = ranked.hits[offset : offset + limit], len(ranked.hits), ranked.capped
        if all(c.id in found for c in page):  # a narrow query: its rows hold the page (one round trip)
            items = [EntityHit(entity=entity(found[c.id]), degree=c.degree) for c in page]
            return Page[EntityHit](items=items, total=total, limit=limit, offset=offset, capped=capped)
    nodes = {r["e"]["id"]: r["e"] for r in conn.read(Q.ENTITIES_BY_ID, ids=[c.id for c in page])}
    items = [EntityHit(entity=entity_from_node(nodes[c.id]), degree=c.degree) for c in page if c.id in nodes]
    return Page[EntityHit](items=items, total=total, limit=limit, offset=offset, capped=capped)


def prepare_search(conn: Neo4jConnection, memo: RowMemo, load: bool) -> str:
    """Whether every search at the current graph version is answered without reading candidate rows
    ("ready"), and if not and `load`, reads the whole graph's rows once to make it so (`RowMemo.preload`).
    "stale": the graph changed since the rows were read (searches read a cold stem's rows as before);
    "off": the graph has more entities than the memo keeps (`MEMO_ROWS`), so it is not read whole."""
    if memo.whole() == conn.version():
        return "ready"
    if not load:
        return "stale"
    if conn.read(Q.ENTITY_COUNT)[0]["n"] > memo.max_rows:
        return "off"
    whole, at = conn.read_each(Q.SEARCH_ALL_ROWS, whole_graph)
    memo.preload(at, whole)
    for stem in largest_stems(whole[2], whole[1]):
        found = memo.stem(at, stem)
        if isinstance(found, Kept):
            found.prepared.prepare()
    return "ready"
