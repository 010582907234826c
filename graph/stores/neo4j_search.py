"""Entity search on Neo4j: the full-text index `entity_names` proposes, graph/search.py ranks.

One round trip finds the candidates (`SEARCH_CANDIDATES`: the stem with the fewest matches, at most
`BROAD_CANDIDATES` of them, as light rows), Python ranks them with the same code as the embedded store,
and a second fetches only the page's nodes. A broad query (every stem past the cap) ranks its exact
matches and the most connected entities instead. Those, like the pages of browsing without a query, come
from `MostConnected`: counting every entity's degree and sorting costs time in proportion to the graph,
so it is done once per graph version (`GraphStore.version()`, one round trip) and kind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.search import (
    Candidate,
    Ranking,
    candidate_stems,
    lucene_exact_query,
    lucene_stem_query,
    ranking,
)
from graph.stores import neo4j_queries as Q

Read = Callable[..., list[Any]]


def light(row: Sequence[Any]) -> Candidate:
    """A candidate from a light row [id, name, degree, name_key, alias keys...]."""
    return Candidate(row[0], row[1], tuple(row[3:]), int(row[2]))


class MostConnected:
    """The `BROAD_CANDIDATES` most connected entities (of each kind asked), for one graph version."""

    def __init__(self, read: Read, version: Callable[[], str]) -> None:
        self._read = read
        self._version = version
        self._key: tuple[str, str | None, int] | None = None
        self._value: list[Candidate] = []
        self._lock = threading.Lock()

    def get(self, kind: str | None) -> list[Candidate]:
        """In (degree descending, name, id) order, computed at most once per version and kind."""
        key = (self._version(), kind, entity_search.BROAD_CANDIDATES)
        with self._lock:  # concurrent requests wait for one computation instead of each running it
            if key != self._key:
                rows = self._read(Q.MOST_CONNECTED, kind=kind, limit=key[2])
                self._key, self._value = key, [light(r["row"]) for r in rows]
            return self._value


def search_ranking(read: Read, most_connected: MostConnected, key: str, kind: str | None) -> Ranking:
    """The ranked matches of the normalised query `key` (non-empty)."""
    stems = candidate_stems(key)
    row = read(
        Q.SEARCH_CANDIDATES,
        queries=[lucene_stem_query(s) for s in stems],
        cap=entity_search.BROAD_CANDIDATES,
        kind=kind,
    )[0]
    if row["n"] <= entity_search.BROAD_CANDIDATES:
        return ranking(key, (light(r) for r in row["rows"]))
    exact = [
        light(r["row"]) for r in read(Q.SEARCH_EXACT, key=key, aliases=lucene_exact_query(key), kind=kind)
    ]
    return ranking(key, exact + most_connected.get(kind), capped=True)
