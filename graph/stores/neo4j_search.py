"""Entity search on Neo4j: the full-text index `entity_names` proposes, graph/search.py ranks.

One round trip per stem, the longest first, finds the candidates (`SEARCH_CANDIDATES`: the first stem
with at most `BROAD_CANDIDATES` matches, its matches as rows with their fields and stored `degree`),
Python ranks them with the same code as the embedded store and builds the page from the same rows: a
narrow query is one round trip. A broad query (every stem past the cap) ranks its exact
matches and the most connected entities instead (its page's nodes are read by id). Those, like the pages of browsing without a query, come
from `most_connected`: counting every entity's degree and sorting costs time in proportion to the graph,
so it is done once per graph version (`GraphStore.version()`, one round trip) and kind, and a broad
query's ranking is kept for that version too (`graph.search.BroadCache`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.model import Entity
from graph.search import (
    BroadCache,
    Candidate,
    Ranking,
    candidate_stems,
    lucene_exact_query,
    lucene_stem_query,
    ranking,
)
from graph.stores import neo4j_queries as Q

Read = Callable[..., list[Any]]


ENTITY_FIELDS = len(Q.CANDIDATE_ROW) - 1  # a candidate row: the entity's fields, degree, then keys


def candidate(row: Sequence[Any]) -> Candidate:
    """A candidate from a `SEARCH_CANDIDATES` row (`Q.CANDIDATE_ROW`, then name key and alias keys)."""
    return Candidate(row[0], row[1], tuple(row[ENTITY_FIELDS + 1 :]), int(row[ENTITY_FIELDS]))


def entity(row: Sequence[Any]) -> Entity:
    """The entity of a `SEARCH_CANDIDATES` row (the fields the store reads from a node)."""
    return Entity(
        **{
            k: v
            for k, v in zip(Q.CANDIDATE_ROW[:ENTITY_FIELDS], row[:ENTITY_FIELDS], strict=True)
            if v is not None
        }
    )


def light(row: Sequence[Any]) -> Candidate:
    """A candidate from a light row [id, name, degree, name_key, alias keys...]."""
    return Candidate(row[0], row[1], tuple(row[3:]), int(row[2]))


def most_connected(read: Read, cache: BroadCache, version: str, kind: str | None) -> list[Candidate]:
    """The `BROAD_CANDIDATES` most connected entities (of a kind) in (degree descending, name, id) order,
    counted once per graph version and kind."""
    cap = entity_search.BROAD_CANDIDATES
    return cache.hubs(
        (version, cap), kind, lambda: [light(r["row"]) for r in read(Q.MOST_CONNECTED, kind=kind, limit=cap)]
    )


def search_ranking(
    read: Read, cache: BroadCache, version: Callable[[], str], key: str, kind: str | None
) -> tuple[Ranking, dict[str, Sequence[Any]]]:
    """The ranked matches of the normalised query `key` (non-empty), in order, and the candidate rows
    by id (`entity()` reads a row; empty for a broad query)."""
    cap = entity_search.BROAD_CANDIDATES
    for stem in candidate_stems(key):  # the longest first: a selective stem spares counting the others
        row = read(Q.SEARCH_CANDIDATES, lucene=lucene_stem_query(stem), cap=cap, kind=kind)[0]
        if row["n"] <= cap:
            rows = row["rows"]
            return ranking(key, [candidate(r) for r in rows]), {r[0]: r for r in rows}
    now = version()

    def broad() -> Ranking:
        exact = read(Q.SEARCH_EXACT, key=key, aliases=lucene_exact_query(key), kind=kind)
        hubs = most_connected(read, cache, now, kind)
        return ranking(key, [light(r["row"]) for r in exact] + hubs, capped=True)

    return cache.ranking((now, cap), kind, key, broad), {}
