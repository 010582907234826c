"""The embedded default store: a LadybugDB database under `KG_HOME`, the store of record (docs/embedded.md).

Each batch is one transaction that reads and writes only the records it touches; reads run Cypher on a
read-only handle that follows every committed write, from any process (`embedded_db.StoreFiles`).
networkx is only built on demand, by the analytics, through the `GraphStore` protocol.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path as FsPath
from typing import Any, Literal

from graph.errors import KGError, NotFound, StoreUnavailable
from graph.export import export_graph
from graph.model import (
    SYMMETRIC_TYPES,
    Article,
    CypherResult,
    Entity,
    EntityHit,
    EntityKind,
    Event,
    Extraction,
    Page,
    Path,
    Relation,
    RelationType,
    Stats,
    Subgraph,
    UpsertReport,
    normalize_name,
)
from graph.store import EventFilter, ExportFormat, RelationFilter
from graph.stores import embedded_neighbours as N
from graph.stores import embedded_paths as paths_search
from graph.stores import embedded_queries as Q
from graph.stores import embedded_reads as R
from graph.stores.embedded_db import StoreFiles
from graph.stores.embedded_memo import VersionMemo, frozen_entity, thawed_entity
from graph.stores.embedded_search import EmbeddedSearchIndex
from graph.stores.embedded_write import merge_entities, merge_events, write_batch

log = logging.getLogger(__name__)


def in_window(dates: Iterable[str | None], since: str | None, until: str | None) -> bool:
    """True when some evidence date falls in [since, until] (prefix compare, partial dates allowed)."""
    if not since and not until:
        return True
    for d in dates:
        if not d:
            continue
        if since and d < since[: len(d)]:
            continue
        if until and d[: len(until)] > until:
            continue
        return True
    return False


class EmbeddedStore:
    """A `GraphStore` on a LadybugDB database that several processes can share.

    `path` is where the store lives: `KG_HOME/graph.json` (the name of the old single-file store, which
    is migrated on open) keeps its database in `KG_HOME/graph.lbug/`; `None` makes a temporary store
    removed at `close()`.
    """

    kind: Literal["embedded"] = "embedded"

    def __init__(
        self,
        path: FsPath | str | None = None,
        buffer_pool_mb: int = 1024,
        min_free_mb: int = 64,
        checkpoint_mb: int = 8,
        hold_s: float = 30.0,
        readers: int = 4,
    ) -> None:
        self._tmp: str | None = None
        if path is None:
            self._tmp = tempfile.mkdtemp(prefix="actorgraph-")
            path = FsPath(self._tmp) / "graph.json"
        self.path = FsPath(path)
        self.files = StoreFiles(
            self.path.with_suffix(".lbug"),
            buffer_pool_mb=buffer_pool_mb,
            min_free_mb=min_free_mb,
            checkpoint_mb=checkpoint_mb,
            hold_s=hold_s,
            readers=readers,
        )
        self._opened = False
        # Entity search: a derived SQLite FTS5 index beside the database (graph/stores/embedded_search.py),
        # fed after every committed write; checked against the graph once per process and rebuilt if stale.
        self.search_index = EmbeddedSearchIndex(self.path.with_suffix(".search.sqlite"))
        self._search_checked = False
        self.memo = VersionMemo()  # entities read by id, for the graph version they were read at

    # ---------------------------------------------------------------------------- plumbing

    def ready(self) -> None:
        """Create the database on first use, clean up after crashed writers, migrate an old JSON graph."""
        if self._opened:
            return
        self.ping()
        self.files.create()
        self.files.recover()
        if self.path.exists() and self.path.suffix == ".json":
            from graph.stores.embedded_migrate import migrate_json

            migrate_json(self, self.path)
        self._opened = True

    def _rows(self, query: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
        with self._session() as conn:
            return Q.rows(conn, query, params)

    @contextlib.contextmanager
    def _session(self) -> Iterator[Any]:
        """One read: a pooled connection on the latest committed state; engine failures are 503s."""
        self.ready()
        try:
            with self.files.read() as conn:
                yield conn
        except RuntimeError as exc:
            raise StoreUnavailable(
                f"the embedded store failed: {str(exc).splitlines()[0]}", store="embedded"
            ) from exc

    def version(self) -> str:
        """Changes whenever a committed write lands, from any process."""
        self.ready()
        return self.files.version()

    # ------------------------------------------------------------------------------ writes

    def upsert(self, extractions: Iterable[Extraction], batch_size: int = 200) -> UpsertReport:
        """Merge extractions, one transaction per batch; evidence already present is not added again."""
        self.ready()
        report = UpsertReport()
        items = iter(extractions)
        while batch := list(islice(items, batch_size)):
            records = [ex.to_records() for ex in batch]
            done: UpsertReport = self._write(lambda conn, recs=records: write_batch(conn, recs))
            report.add(done)
            self._reindex([*done.entities_added, *done.entities_merged])
        return report

    def _reindex(self, ids: Iterable[str]) -> None:
        """Bring the search index up to date for these entities (bodies and degrees)."""
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 1000):
            chunk = wanted[i : i + 1000]
            self.search_index.update(self._entities(chunk).values(), self.degrees(chunk))

    def files_write(self, work: Any) -> Any:
        """Run `work(conn)` in one write transaction; engine and disk failures become `StoreUnavailable`."""
        return self._write(work)

    def _write(self, work: Any) -> Any:
        try:
            with self.files.write() as conn:
                return work(conn)
        except KGError:
            raise
        except (RuntimeError, OSError) as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreUnavailable(
                f"cannot write the embedded store at {self.files.dir}: {msg}",
                hint="check that KG_HOME is writable and the disk has space; the last committed batch is intact",
                store="embedded",
                path=str(self.files.dir),
            ) from exc

    def merge_entities(self, keep_id: str, drop_id: str) -> Entity:
        """Move every relation, event role and alias of `drop_id` onto `keep_id`, then delete it."""
        self.ready()
        self._write(lambda conn: merge_entities(conn, keep_id, drop_id))
        self.search_index.remove([drop_id])
        # Folding two relations to one neighbour into one lowers that neighbour's degree too: the kept
        # entity's whole neighbourhood (which now holds the dropped one's) is re-indexed, not only itself.
        with self._session() as conn:  # ids only: no properties, articles or events
            around = {other for _, other, *_ in R.adjacent(conn, [keep_id])}
        self._reindex([keep_id, *around])
        return self.get_entity(keep_id)

    def merge_events(self, keep_id: str, drop_id: str) -> Event:
        """Fold event `drop_id` into `keep_id` (graph/merging.py): roles and evidence unioned, audited."""
        self.ready()
        result: Event = self._write(lambda conn: merge_events(conn, keep_id, drop_id))
        return result

    def clear(self) -> None:
        """Remove everything."""
        self.ready()

        def work(conn: Any) -> None:
            for stmt in Q.CLEAR:
                conn.execute(stmt)

        self._write(work)
        self.search_index.clear()

    # ------------------------------------------------------------------------------- reads

    def _entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        with self._session() as conn:
            return self._read_entities(conn, ids)

    def _read_entities(self, conn: Any, ids: Iterable[str]) -> dict[str, Entity]:
        """`embedded_reads.entities` through the per-version memo (embedded_memo.py). Called inside a
        read session: its shared lock keeps any write out, so the version read here is the data's."""
        version = self.files.version()
        out: dict[str, Entity] = {}
        missing = []
        for eid in set(ids):
            kept = self.memo.get(version, eid)
            if kept is None:
                missing.append(eid)
            else:
                out[eid] = thawed_entity(kept)
        for eid, e in R.entities(conn, missing).items() if missing else ():
            self.memo.put(version, eid, frozen_entity(e))
            out[eid] = e
        return out

    def _events(self, ids: Iterable[str]) -> list[Event]:
        with self._session() as conn:
            return list(Q.events_by_id(conn, sorted(set(ids))).values())

    def degrees(self, ids: Iterable[str]) -> dict[str, int]:
        """Number of typed relations at each entity."""
        return {r[0]: int(r[1]) for r in self._rows(Q.DEGREES, {"ids": sorted(set(ids))})}

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        found = self._entities([entity_id])
        if entity_id not in found:
            raise NotFound("entity", entity_id)
        return found[entity_id]

    def find_entity(self, name_or_id: str) -> Entity:
        """By id, then by exact normalised name, then by alias (the most connected wins)."""
        found = self._entities([name_or_id])
        if name_or_id in found:
            return found[name_or_id]
        rows = self._rows(Q.FIND_BY_NAME, {"key": normalize_name(name_or_id)})
        if not rows:
            raise NotFound("entity", name_or_id)
        return self.get_entity(rows[0][0]["id"])

    def search_entities(
        self, q: str | None = None, kind: EntityKind | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntityHit]:
        """Names and aliases by tier (exact, prefix, word, fuzzy), then degree: graph/search.py."""
        self._check_search()
        return self.search_index.search(q, kind, limit, offset)

    def _check_search(self) -> None:
        """Once per process: rebuild the search index if it does not hold every entity."""
        self.ready()
        if not self._search_checked:
            ids = [r[0] for r in self._rows(Q.ALL_ENTITY_IDS)]
            if self.search_index.count() != len(ids):  # a graph from before the index, or a crash between
                self.search_index.clear()
                self._reindex(ids)
            self._search_checked = True

    def entities_by_resolution_key(self, keys: list[str]) -> list[Entity]:
        """Entities having any of these resolver keys, from the search index (graph/entity_index.py)."""
        self._check_search()
        return self.search_index.by_resolution_key(keys)

    def entities_by_id(self, ids: list[str]) -> list[Entity]:
        """Entities with these ids as the search index holds them (what the resolver reads)."""
        self._check_search()
        return self.search_index.bodies(ids)

    def _edges_at(self, ids: Iterable[str], types: Sequence[str] | None) -> list[Relation]:
        with self._session() as conn:
            return R.edges_at(conn, ids, types)

    def neighbors(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[RelationType] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Subgraph:
        """Entities within `depth` hops (either direction) and the relations among them on the way."""
        if depth <= 1:
            return self._one_hop(entity_id, types, since, until)
        seen = {entity_id}
        frontier = {entity_id}
        rels: dict[str, Relation] = {}
        with self._session() as conn:  # one read: one lock, one version check, one pooled connection
            for _ in range(min(int(depth), 6)):
                if not frontier:
                    break
                nxt: set[str] = set()
                for rel in R.edges_at(conn, frontier, types):
                    if rel.id in rels or not in_window((e.date for e in rel.evidence), since, until):
                        continue
                    rels[rel.id] = rel
                    nxt |= {rel.source, rel.target} - seen
                seen |= nxt
                frontier = nxt
            ents, ev_ids = R.entities(conn, seen), R.event_ids(conn, seen)
            events = Q.events_by_id(conn, ev_ids)
        if entity_id not in ents:  # raised outside the session: its connection goes back to the pool
            raise NotFound("entity", entity_id)
        return self._assemble(ents, list(rels.values()), list(events.values()))

    def _one_hop(
        self, entity_id: str, types: Sequence[RelationType] | None, since: str | None, until: str | None
    ) -> Subgraph:
        """`neighbors(depth=1)`, the common call: one read walked from the root (embedded_neighbours.py)."""
        rels: list[Relation] = []
        with self._session() as conn:
            root = N.root_entity(conn, entity_id)
            if root is not None:
                kept = {entity_id}
                for rel in R.edges_at(conn, [entity_id], types):
                    if in_window((e.date for e in rel.evidence), since, until):
                        rels.append(rel)
                        kept |= {rel.source, rel.target}
                ents, ev_ids = N.around(conn, entity_id, types, kept)
                ents[entity_id] = root
                events = Q.events_by_id(conn, ev_ids)
        if root is None:  # raised outside the session: its connection goes back to the pool
            raise NotFound("entity", entity_id)
        return self._assemble(ents, rels, list(events.values()))

    def _subgraph(self, ids: set[str], rels: list[Relation]) -> Subgraph:
        with self._session() as conn:
            ents = R.entities(conn, ids)
            events = Q.events_by_id(conn, R.event_ids(conn, ids))
        return self._assemble(ents, rels, list(events.values()))

    @staticmethod
    def _assemble(ents: dict[str, Entity], rels: list[Relation], events: list[Event]) -> Subgraph:
        return Subgraph(
            entities=sorted(ents.values(), key=lambda e: e.id),
            relations=sorted(rels, key=lambda r: r.id),
            events=sorted(events, key=lambda e: (e.date or "", e.id)),
        )

    def relations(
        self, flt: RelationFilter | None = None, limit: int = 100, offset: int = 0
    ) -> Page[Relation]:
        """Relations matching the filter, ordered by id."""
        flt = flt or RelationFilter()
        anchor = flt.entity or flt.source or flt.target
        if anchor:
            candidates = self._edges_at([anchor], flt.types)
        else:
            wanted = set(flt.types or [])
            candidates = [
                Q.relation(t, s, d, p)
                for s, d, t, p in self._rows(Q.ALL_RELATIONS)
                if not wanted or t in wanted
            ]
        out = []
        for r in candidates:
            if flt.types and r.type not in flt.types:
                continue
            if not in_window((e.date for e in r.evidence), flt.since, flt.until):
                continue
            ends = {r.source, r.target}
            if flt.entity and flt.entity not in ends:
                continue
            if r.type in SYMMETRIC_TYPES:
                wanted_ends = {x for x in (flt.source, flt.target) if x}
                if not wanted_ends <= ends or (flt.source and flt.target and flt.source == flt.target):
                    continue
            elif (flt.source and r.source != flt.source) or (flt.target and r.target != flt.target):
                continue
            out.append(r)
        out.sort(key=lambda r: r.id)
        return Page[Relation](items=out[offset : offset + limit], total=len(out), limit=limit, offset=offset)

    def events(self, flt: EventFilter | None = None, limit: int = 100, offset: int = 0) -> Page[Event]:
        """Events matching the filter, by date then id."""
        flt = flt or EventFilter()
        anchor = flt.actor or flt.place
        if anchor:
            ids = [r[0] for r in self._rows(Q.EVENT_IDS_FOR_ENTITIES, {"ids": [anchor]})]
        else:
            ids = [r[0] for r in self._rows(Q.ALL_EVENT_IDS)]
        out = []
        for e in self._events(ids):
            if flt.types and e.type not in flt.types:
                continue
            if flt.actor and flt.actor not in {*e.actors, *e.targets}:
                continue
            if flt.place and e.location != flt.place:
                continue
            if (flt.since or flt.until) and not in_window([e.date], flt.since, flt.until):
                continue
            out.append(e)
        out.sort(key=lambda e: (e.date or "", e.id))
        return Page[Event](items=out[offset : offset + limit], total=len(out), limit=limit, offset=offset)

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 4, limit: int = 10
    ) -> list[Path]:
        """All shortest paths over typed relations, ignoring direction, up to `max_hops`."""
        hops = max(1, min(int(max_hops), 10))
        found: list[tuple[list[str], list[paths_search.Step]]] = []
        rels: dict[str, Relation] = {}
        with self._session() as conn:  # one read: the ends, the search and the paths' records
            ents = self._read_entities(conn, {source_id, target_id})
            if source_id != target_id and source_id in ents and target_id in ents:
                found = paths_search.paths(conn, source_id, target_id, hops, limit)
                rels = R.relations_by_id(conn, {(src, rid) for _, steps in found for rid, src, _t in steps})
                ents |= self._read_entities(conn, {n for ids, _ in found for n in ids} - ents.keys())
        for end in (source_id, target_id):  # raised outside the session, as `neighbors`
            if end not in ents:
                raise NotFound("entity", end)
        if source_id == target_id:
            return [Path(entities=[ents[source_id]], relations=[])]
        return [
            Path(entities=[ents[n] for n in ids], relations=[rels[rid] for rid, _s, _t in steps])
            for ids, steps in found
        ]

    def subgraph(self, ids: Iterable[str]) -> Subgraph:
        """The given entities, the relations among them and the events that involve them."""
        wanted = set(self._entities(ids))
        rels = [r for r in self._edges_at(wanted, None) if r.source in wanted and r.target in wanted]
        return self._subgraph(wanted, rels)

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all when None), ordered by id."""
        if ids is None:
            rows = self._rows(Q.ALL_ARTICLES)
        else:
            rows = self._rows(Q.ARTICLES_BY_ID, {"ids": sorted(set(ids))})
        return sorted((Q.article(r[0]) for r in rows), key=lambda a: a.id)

    def stats(self) -> Stats:
        """Counts; `relations` is distinct typed relations."""
        by: dict[str, dict[str, int]] = {}
        evidence = 0
        for what, query in Q.STATS:
            for k, n, ev in self._rows(query):
                by.setdefault(what, {})[k] = int(n)
                evidence += int(ev or 0)
        return Stats(
            entities=sum(by.get("entity", {}).values()),
            relations=sum(by.get("relation", {}).values()),
            events=sum(by.get("event", {}).values()),
            articles=by.get("article", {}).get("article", 0),
            entities_by_kind=by.get("entity", {}),
            relations_by_type=by.get("relation", {}),
            events_by_type=by.get("event", {}),
            evidence=evidence,
        )

    def export(self, fmt: ExportFormat = "json") -> str:
        """The whole graph as JSON or GraphML."""
        ids = [r[0] for r in self._rows(Q.ALL_ENTITY_IDS)]
        ents = self._entities(ids)
        rels = [Q.relation(t, s, d, p) for s, d, t, p in self._rows(Q.ALL_RELATIONS)]
        events = self._events(r[0] for r in self._rows(Q.ALL_EVENT_IDS))
        sub = Subgraph(
            entities=sorted(ents.values(), key=lambda e: e.id),
            relations=sorted(rels, key=lambda r: r.id),
            events=sorted(events, key=lambda e: (e.date or "", e.id)),
        )
        articles = [Q.article(r[0]) for r in self._rows(Q.ALL_ARTICLES)]
        return export_graph(sub, sorted(articles, key=lambda a: a.id), fmt)

    def cypher(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        row_limit: int | None = None,
        timeout: float | None = None,
    ) -> CypherResult:
        """Read-only Cypher on the store itself (docs/cypher.md): time-limited, no process-wide lock."""
        from graph.cypher_guard import check_query
        from graph.stores.embedded_cypher import prepare, run_prepared

        params = check_query(query, params)  # before any engine sees the query (docs/security.md)
        prepared = prepare(query)  # checks and rewrites before any lock or engine is involved
        self.ready()
        try:
            with self.files.read(fresh=True) as conn:  # its own time limit and interrupt
                return run_prepared(conn, prepared, query, params or {}, row_limit, timeout)
        except RuntimeError as exc:
            raise StoreUnavailable(
                f"the embedded store failed: {str(exc).splitlines()[0]}", store="embedded"
            ) from exc

    def ping(self) -> None:
        """The embedded store is reachable when its directory can exist and is writable."""
        parent = self.files.dir.parent
        blocked = next((p for p in (parent, *parent.parents) if p.exists() and not p.is_dir()), None)
        if blocked is not None:
            raise StoreUnavailable(
                f"the embedded store's directory {parent} cannot exist: {blocked} is a file",
                hint="point KG_HOME at a directory",
                store="embedded",
                path=str(self.files.dir),
            )
        if parent.exists() and not os.access(parent, os.W_OK):
            raise StoreUnavailable(
                f"the embedded store's directory {parent} is not writable",
                hint="check KG_HOME",
                store="embedded",
                path=str(self.files.dir),
            )

    def close(self) -> None:
        """Hand back the writer lease (checkpointed) and the read handle; every write is already committed."""
        self.files.release()
        self.files.drop_reader()
        self.search_index.close()
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(self._tmp)
            self._tmp = None
