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

from collections.abc import Callable
from typing import Any

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.model import EntityKind
from graph.results import EntityHit, Page
from graph.search import (
    BroadCache,
    Candidate,
    Ranking,
    candidate_stems,
    largest_stems,
    lucene_exact_query,
    lucene_stem_query,
    query_key,
    ranking,
)
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_connection import Neo4jConnection
from graph.stores.neo4j_convert import entity_from_node
from graph.stores.neo4j_row_memo import (
    Kept,
    Row,
    RowMemo,
    entity,
    kept,
    light,
    whole_graph,
)

Read = Callable[..., list[Any]]
ReadAt = Callable[..., tuple[list[Any], str]]  # records and the version (bookmark) they were read at


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
