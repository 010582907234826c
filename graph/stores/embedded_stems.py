"""Each stem's candidates for the embedded search index, prepared for ranking per generation of the
index (graph/stores/embedded_search.py): the embedded counterpart of graph/stores/neo4j_row_memo.RowMemo.

Every query of a stem (~1,000 candidates for 3 characters at 100k entities) read and ranked them anew:
10-17 ms p50 direct at load 7. Kept, a query ranks from the prepared index (graph/rank_index.py); after
`preload` (the whole graph's rows, `GraphStore.prepare_search`) no stem at that generation reads the
index at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.rank_index import RankIndex
from graph.search import FUZZY_STEM, Candidate, stem_members

KEY_SEP = "\x1f"  # between the normalised name and alias keys (normalised keys never hold it)


def candidates_of(rows: list[tuple[str, str, str, int]]) -> list[Candidate]:
    """Candidates from (id, name, keys joined by KEY_SEP, degree) rows."""
    return [Candidate(i, n, tuple(k.split(KEY_SEP)), d) for i, n, k, d in rows]


StemEntry = tuple[RankIndex, list[str]]  # a stem's candidates prepared, and each one's kind


class StemMemo:
    """Each stem's candidates (or that it is past the cap: None) for one generation of the index at a
    time, at most `max_members` candidates in all, then it starts again. Every query of a stem (~1,000
    candidates for 3 characters at 100k entities) read and ranked them anew: 10-17 ms p50 direct at
    load 7; kept, it ranks from the prepared index (graph/rank_index.py, as the Neo4j store does)."""

    def __init__(self, max_members: int = 120_000) -> None:
        self.max_members = max_members
        self._version: Hashable = None
        self._stems: dict[str, StemEntry | None] = {}
        self._members = 0
        self._whole: tuple[list[tuple[str, str, str, int, str]], dict[str, list[int]]] | None = None
        self._lock = threading.Lock()

    def whole(self) -> Hashable:
        """The version at which every entity's row is kept (`preload`), if it is."""
        with self._lock:
            return self._version if self._whole is not None else None

    def preload(self, version: Hashable, rows: list[tuple[str, str, str, int, str]]) -> dict[str, list[int]]:
        """Keep every entity's (id, name, keys, degree, kind) read at `version` and each stem's members
        (`graph.search.word_stems`: what the FTS5 prefix query matches): no stem at `version` reads the
        index after."""
        members = stem_members(
            ((i, r[2].split(KEY_SEP)) for i, r in enumerate(rows)), entity_search.BROAD_CANDIDATES
        )
        with self._lock:
            self._version, self._stems, self._members = version, {}, len(rows)
            self._whole = (rows, members)
        return members

    def get(self, version: Hashable, stem: str, load: Callable[[], StemEntry | None]) -> StemEntry | None:
        with self._lock:
            if version == self._version and stem in self._stems:
                return self._stems[stem]
            whole = self._whole if version == self._version and len(stem) <= FUZZY_STEM else None
        if whole is not None:  # `version` is (generation, cap): the members were counted with this cap
            ids = whole[1].get(stem, [])
            chosen = [whole[0][i] for i in ids] if len(ids) <= version[1] else None  # type: ignore[index]
            found = (
                None
                if chosen is None
                else (RankIndex.of(candidates_of([r[:4] for r in chosen])), [r[4] for r in chosen])
            )
            with self._lock:
                if version == self._version:
                    self._stems[stem] = found
            return found
        found = load()
        size = len(found[1]) if found is not None else 0
        with self._lock:
            if version != self._version or self._members + size > self.max_members:
                self._version, self._stems, self._members, self._whole = version, {}, 0, None
            self._stems[stem] = found
            self._members += size
        return found
