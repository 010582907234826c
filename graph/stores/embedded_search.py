"""The embedded store's entity search index: SQLite FTS5 (Python's standard library), on disk.

A derived index: the store calls `update()` with the entities a write touched (and their degrees),
`remove()` and `clear()`; `search()` answers with the ranking of `graph/search.py`, the same as the
Neo4j full-text index. The file lives next to the graph and is opened in WAL mode with a busy timeout,
so several processes (`kg serve` and `kg ingest`) read and write it safely; every thread has its own
connection. Without a path the index is an in-memory database shared by the store's threads.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.entity_index import SEP as RESOLUTION_SEP
from graph.entity_index import resolution_keys
from graph.errors import StoreUnavailable
from graph.model import Entity, normalize_name
from graph.rank_index import RankIndex
from graph.results import EntityHit, Page
from graph.search import (
    BroadCache,
    Candidate,
    Ranking,
    candidate_stems,
    fts5_stem_query,
    largest_stems,
    query_key,
    ranking,
)
from graph.stores.embedded_stems import KEY_SEP, StemEntry, StemMemo, candidates_of

# 2: the resolver's keys (`entity_key`); an index file of an older layout is emptied and so rebuilt
# by the store's consistency check (its count no longer matches the graph's).
LAYOUT = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  degree INTEGER NOT NULL,
  keys TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_by_degree ON entity (degree DESC, name, id);
CREATE INDEX IF NOT EXISTS entity_by_kind ON entity (kind, degree DESC, name, id);
CREATE TABLE IF NOT EXISTS entity_key (key TEXT NOT NULL, id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entity_key_by_key ON entity_key (key);
CREATE INDEX IF NOT EXISTS entity_key_by_id ON entity_key (id);
CREATE TABLE IF NOT EXISTS generation (n INTEGER NOT NULL);
INSERT INTO generation (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM generation);
CREATE VIRTUAL TABLE IF NOT EXISTS entity_names USING fts5(
  name_key, alias_keys, tokenize = 'unicode61', prefix = '1 2 3'
);
"""


def _is_kind(kinds: list[str], kind: str, i: int) -> bool:
    return kinds[i] == kind


def _keys(e: Entity) -> tuple[str, list[str]]:
    return normalize_name(e.name), sorted({normalize_name(a) for a in e.aliases} - {""})


class EmbeddedSearchIndex:
    """Names and aliases of every entity, with its degree, searchable by tier (see graph/search.py)."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            self._target = f"file:kg-search-{uuid.uuid4().hex}?mode=memory&cache=shared"
        else:
            self._target = f"file:{Path(path).resolve()}"
        self.path = Path(path) if path is not None else None
        self._local = threading.local()
        self._ready = False  # nothing touches the disk before the first use
        self._keepalive: sqlite3.Connection | None = None
        # Broad queries' work, kept per generation of the index (bumped by every write, from any process).
        self.broad = BroadCache()
        # Each stem's candidates prepared for ranking (graph/rank_index.py), per generation likewise.
        self.stems = StemMemo()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                if self.path is not None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self._target, uri=True, timeout=30.0, check_same_thread=False)
                if self.path is not None:
                    conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                if not self._ready:
                    with conn:
                        conn.executescript(_SCHEMA)
                        if conn.execute("PRAGMA user_version").fetchone()[0] < LAYOUT:
                            conn.execute("DELETE FROM entity")
                            conn.execute("DELETE FROM entity_names")
                            conn.execute("DELETE FROM entity_key")
                            conn.execute(f"PRAGMA user_version = {LAYOUT}")
                    self._keepalive = conn  # an in-memory database lives while a connection is open
                    self._ready = True
            except (sqlite3.Error, OSError) as exc:
                raise StoreUnavailable(
                    f"cannot open the search index at {self.path}: {exc}",
                    hint="check that KG_HOME is writable, or delete the index file to rebuild it",
                    store="embedded",
                ) from exc
            self._local.conn = conn
        return conn

    # ------------------------------------------------------------------------------- writes

    def update(self, entities: Iterable[Entity], degrees: Mapping[str, int] | None = None) -> None:
        """Insert or replace these entities (with their degree: number of typed relations)."""
        rows = []
        keys: list[tuple[str, str]] = []
        for e in entities:
            keys += [(k, e.id) for k in resolution_keys(e)]
            name_key, alias_keys = _keys(e)
            rows.append(
                (
                    e.id,
                    e.name,
                    e.kind,
                    int((degrees or {}).get(e.id, 0)),
                    KEY_SEP.join([name_key, *alias_keys]),
                    e.model_dump_json(),
                    name_key,
                    " \n".join(alias_keys),
                )
            )
        if not rows:
            return
        conn = self._conn()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE generation SET n = n + 1")
            self._delete(conn, [r[0] for r in rows])
            for r in rows:
                cur = conn.execute(
                    "INSERT INTO entity (id, name, kind, degree, keys, body) VALUES (?, ?, ?, ?, ?, ?)", r[:6]
                )
                conn.execute(
                    "INSERT INTO entity_names (rowid, name_key, alias_keys) VALUES (?, ?, ?)",
                    (cur.lastrowid, r[6], r[7]),
                )
            conn.executemany("INSERT INTO entity_key (key, id) VALUES (?, ?)", keys)

    def remove(self, ids: Iterable[str]) -> None:
        """Forget these entities."""
        conn = self._conn()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE generation SET n = n + 1")
            self._delete(conn, list(ids))

    def clear(self) -> None:
        """Forget every entity."""
        conn = self._conn()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE generation SET n = n + 1")
            conn.execute("DELETE FROM entity")
            conn.execute("DELETE FROM entity_names")
            conn.execute("DELETE FROM entity_key")

    @staticmethod
    def _delete(conn: sqlite3.Connection, ids: list[str]) -> None:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM entity_key WHERE id IN ({marks})", chunk)
            old = [r[0] for r in conn.execute(f"SELECT rowid FROM entity WHERE id IN ({marks})", chunk)]
            if old:
                olds = ",".join("?" * len(old))
                conn.execute(f"DELETE FROM entity_names WHERE rowid IN ({olds})", old)
                conn.execute(f"DELETE FROM entity WHERE rowid IN ({olds})", old)

    # -------------------------------------------------------------------------------- reads

    def count(self) -> int:
        """Number of indexed entities."""
        return int(self._conn().execute("SELECT count(*) FROM entity").fetchone()[0])

    def search(
        self, q: str | None = None, kind: str | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntityHit]:
        """Entities matching `q` in tier order (graph/search.py); without `q`, all by degree."""
        conn = self._conn()
        key = query_key(q)
        where_kind = " AND e.kind = ?" if kind else ""
        if not key:
            args: list[object] = [kind] if kind else []
            total = conn.execute(f"SELECT count(*) FROM entity e WHERE 1 = 1{where_kind}", args).fetchone()[0]
            rows = conn.execute(
                f"SELECT body, degree FROM entity e WHERE 1 = 1{where_kind} "
                "ORDER BY degree DESC, name, id LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
            items = [EntityHit(entity=Entity.model_validate_json(b), degree=d) for b, d in rows]
            return Page[EntityHit](items=items, total=int(total), limit=limit, offset=offset)
        ranked = self._ranking(conn, key, kind)
        page = ranked.hits[offset : offset + limit]
        bodies = self._bodies([c.id for c in page])
        items = [EntityHit(entity=bodies[c.id], degree=c.degree) for c in page]
        return Page[EntityHit](
            items=items, total=len(ranked.hits), limit=limit, offset=offset, capped=ranked.capped
        )

    def _ranking(self, conn: sqlite3.Connection, key: str, kind: str | None) -> Ranking:
        """The candidates of the first stem with at most BROAD_CANDIDATES matches, ranked; or, when every
        stem has more (a broad query, graph/search.py), the exact matches and the most connected."""
        where_kind, by_kind = (" AND kind = ?", [kind]) if kind else ("", [])
        cap = entity_search.BROAD_CANDIDATES
        # Read first: rows read after it are this generation's or newer, never older (a write bumps it).
        version = (conn.execute("SELECT n FROM generation").fetchone()[0], cap)
        for stem in candidate_stems(key):
            kept = self.stems.get(version, stem, partial(self._stem, conn, stem, cap))
            if kept is not None:
                index, kinds = kept
                return index.ranking(key, partial(_is_kind, kinds, kind) if kind else None)

        def broad() -> Ranking:
            exact = conn.execute(
                "SELECT id, name, keys, degree FROM entity WHERE id IN "
                f"(SELECT id FROM entity_key WHERE key = ?){where_kind}",
                [f"name{RESOLUTION_SEP}{RESOLUTION_SEP}{key}", *by_kind],
            ).fetchall()
            return ranking(
                key, candidates_of(exact) + self.broad.hubs(version, kind, most_connected), capped=True
            )

        def most_connected() -> list[Candidate]:
            where = " WHERE kind = ?" if kind else ""
            rows = conn.execute(
                f"SELECT id, name, keys, degree FROM entity{where} ORDER BY degree DESC, name, id LIMIT ?",
                [*by_kind, cap],
            ).fetchall()
            return candidates_of(rows)

        return self.broad.ranking(version, kind, key, broad)

    def prepare(self, load: bool) -> str:
        """`GraphStore.prepare_search` for this index: every entity's row read once per generation."""
        conn = self._conn()
        version = (conn.execute("SELECT n FROM generation").fetchone()[0], entity_search.BROAD_CANDIDATES)
        if self.stems.whole() == version:
            return "ready"
        if not load:
            return "stale"
        if self.count() > self.stems.max_members:
            return "off"
        rows = conn.execute("SELECT id, name, keys, degree, kind FROM entity").fetchall()
        for stem in largest_stems(self.stems.preload(version, rows), version[1]):
            found = self.stems.get(version, stem, lambda: None)
            if found is not None:
                found[0].prepare()
        return "ready"

    @staticmethod
    def _stem(conn: sqlite3.Connection, stem: str, cap: int) -> StemEntry | None:
        """A stem's candidates of every kind, prepared for ranking, or None past the cap."""
        # Count first (rowids only, stopping past the cap): a broad stem costs no row reads.
        q = fts5_stem_query(stem)
        n = conn.execute(
            "SELECT count(*) FROM (SELECT rowid FROM entity_names WHERE entity_names MATCH ? LIMIT ?)",
            [q, cap + 1],
        ).fetchone()[0]
        if n > cap:
            return None
        rows = conn.execute(
            "SELECT id, name, keys, degree, kind FROM entity WHERE rowid IN "
            "(SELECT rowid FROM entity_names WHERE entity_names MATCH ?)",
            [q],
        ).fetchall()
        index = RankIndex.of(candidates_of([r[:4] for r in rows]))
        return index, [r[4] for r in rows]

    def by_resolution_key(self, keys: list[str]) -> list[Entity]:
        """Entities having any of these resolver keys (graph/entity_index.resolution_keys)."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        ids = [
            r[0]
            for r in self._conn().execute(f"SELECT DISTINCT id FROM entity_key WHERE key IN ({marks})", keys)
        ]
        return list(self._bodies(ids).values())

    def bodies(self, ids: list[str]) -> list[Entity]:
        """The indexed entities with these ids."""
        return list(self._bodies(ids).values())

    def _bodies(self, ids: list[str]) -> dict[str, Entity]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._conn().execute(f"SELECT id, body FROM entity WHERE id IN ({marks})", ids)
        return {i: Entity.model_validate_json(b) for i, b in rows}

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
