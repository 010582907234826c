"""The embedded default store: a LadybugDB database under `KG_HOME`, the store of record (docs/embedded.md).

Each batch is one transaction that reads and writes only the records it touches; reads run Cypher on a
read-only handle that follows every committed write, from any process (`embedded_db.StoreFiles`).
networkx is only built on demand, by the analytics, through the `GraphStore` protocol. The files,
sessions and lifecycle are `embedded_sessions.EmbeddedSessions`; this class answers the protocol.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from typing import Any, Literal

from graph.errors import NotFound, StoreUnavailable
from graph.export import export_graph
from graph.model import Article, Entity, EntityKind, Event, Extraction, Relation, RelationType, normalize_name
from graph.records import GraphRecords
from graph.results import CypherResult, EntityHit, Page, Path, Stats, Subgraph, UpsertReport
from graph.store import EventFilter, ExportFormat, RelationFilter
from graph.stores import embedded_answers as A
from graph.stores import embedded_neighbours as N
from graph.stores import embedded_paths as paths_search
from graph.stores import embedded_queries as Q
from graph.stores import embedded_reads as R
from graph.stores.embedded_sessions import EmbeddedSessions
from graph.stores.embedded_write import merge_entities, merge_events, write_batch

log = logging.getLogger(__name__)


class EmbeddedStore(EmbeddedSessions):
    """A `GraphStore` on a LadybugDB database that several processes can share (`EmbeddedSessions`)."""

    kind: Literal["embedded"] = "embedded"
    _search_checked = False  # the search index was checked against the graph by this process

    # ------------------------------------------------------------------------------ writes

    def upsert(self, extractions: Iterable[Extraction], batch_size: int = 200) -> UpsertReport:
        """Merge extractions, one transaction per batch; evidence already present is not added again."""
        self.ready()
        report = UpsertReport()
        items = iter(extractions)
        while batch := list(islice(items, batch_size)):
            records = [GraphRecords.from_extraction(ex) for ex in batch]
            done: UpsertReport = self.files_write(lambda conn, recs=records: write_batch(conn, recs))
            report.add(done)
            self.reindex([*done.entities_added, *done.entities_merged])
        return report

    def reindex(self, ids: Iterable[str]) -> None:
        """Bring the search index up to date for these entities (bodies and degrees)."""
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 1000):
            chunk = wanted[i : i + 1000]
            self.search_index.update(self.read_entities(chunk).values(), self.degrees(chunk))

    def merge_entities(self, keep_id: str, drop_id: str) -> Entity:
        """Move every relation, event role and alias of `drop_id` onto `keep_id`, then delete it."""
        self.ready()
        self.files_write(lambda conn: merge_entities(conn, keep_id, drop_id))
        self.search_index.remove([drop_id])
        # Folding two relations to one neighbour into one lowers that neighbour's degree too: the kept
        # entity's whole neighbourhood (which now holds the dropped one's) is re-indexed, not only itself.
        with self.session() as conn:  # ids only: no properties, articles or events
            around = {other for _, other, *_ in R.adjacent(conn, [keep_id])}
        self.reindex([keep_id, *around])
        return self.get_entity(keep_id)

    def merge_events(self, keep_id: str, drop_id: str) -> Event:
        """Fold event `drop_id` into `keep_id` (graph/merging.py): roles and evidence unioned, audited."""
        self.ready()
        result: Event = self.files_write(lambda conn: merge_events(conn, keep_id, drop_id))
        return result

    def clear(self) -> None:
        """Remove everything."""
        self.ready()

        def work(conn: Any) -> None:
            for stmt in Q.CLEAR:
                conn.execute(stmt)

        self.files_write(work)
        self.search_index.clear()

    # ------------------------------------------------------------------------------- reads

    def _events(self, ids: Iterable[str]) -> list[Event]:
        with self.session() as conn:
            return list(Q.events_by_id(conn, sorted(set(ids))).values())

    def degrees(self, ids: Iterable[str]) -> dict[str, int]:
        """Number of typed relations at each entity."""
        return {r[0]: int(r[1]) for r in self.rows(Q.DEGREES, {"ids": sorted(set(ids))})}

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        found = self.read_entities([entity_id])
        if entity_id not in found:
            raise NotFound("entity", entity_id)
        return found[entity_id]

    def find_entity(self, name_or_id: str) -> Entity:
        """By id, then by exact normalised name, then by alias (the most connected wins)."""
        found = self.read_entities([name_or_id])
        if name_or_id in found:
            return found[name_or_id]
        rows = self.rows(Q.FIND_BY_NAME, {"key": normalize_name(name_or_id)})
        if not rows:
            raise NotFound("entity", name_or_id)
        return self.get_entity(rows[0][0]["id"])

    def search_entities(
        self, q: str | None = None, kind: EntityKind | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntityHit]:
        """Names and aliases by tier (exact, prefix, word, fuzzy), then degree: graph/search.py."""
        self._check_search()
        return self.search_index.search(q, kind, limit, offset)

    def prepare_search(self, load: bool = True) -> str:
        """Every entity's search row read once per generation of the index (EmbeddedSearchIndex.prepare)."""
        self._check_search()
        return self.search_index.prepare(load)

    def _check_search(self) -> None:
        """Once per process: rebuild the search index if it does not hold every entity."""
        self.ready()
        if not self._search_checked:
            ids = [r[0] for r in self.rows(Q.ALL_ENTITY_IDS)]
            if self.search_index.count() != len(ids):  # a graph from before the index, or a crash between
                self.search_index.clear()
                self.reindex(ids)
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
        with self.session() as conn:
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
        with self.session() as conn:  # one read: one lock, one version check, one pooled connection
            if depth <= 1:
                found = N.one_hop(conn, entity_id, types, since, until)
            else:
                found = N.within(conn, entity_id, depth, types, since, until)
        if found is None:  # raised outside the session: its connection goes back to the pool
            raise NotFound("entity", entity_id)
        return A.subgraph(*found)

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
                for s, d, t, p in self.rows(Q.ALL_RELATIONS)
                if not wanted or t in wanted
            ]
        out = sorted((r for r in candidates if A.relation_matches(r, flt)), key=lambda r: r.id)
        return Page[Relation](items=out[offset : offset + limit], total=len(out), limit=limit, offset=offset)

    def events(self, flt: EventFilter | None = None, limit: int = 100, offset: int = 0) -> Page[Event]:
        """Events matching the filter, by date then id."""
        flt = flt or EventFilter()
        anchor = flt.actor or flt.place
        if anchor:
            ids = [r[0] for r in self.rows(Q.EVENT_IDS_FOR_ENTITIES, {"ids": [anchor]})]
        else:
            ids = [r[0] for r in self.rows(Q.ALL_EVENT_IDS)]
        out = sorted(
            (e for e in self._events(ids) if A.event_matches(e, flt)), key=lambda e: (e.date or "", e.id)
        )
        return Page[Event](items=out[offset : offset + limit], total=len(out), limit=limit, offset=offset)

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 4, limit: int = 10
    ) -> list[Path]:
        """All shortest paths over typed relations, ignoring direction, up to `max_hops`."""
        hops = max(1, min(int(max_hops), 10))
        found: list[tuple[list[str], list[paths_search.Step]]] = []
        rels: dict[str, Relation] = {}
        with self.session() as conn:  # one read: the ends, the search and the paths' records
            ents = self.read_entities_in(conn, {source_id, target_id})
            if source_id != target_id and source_id in ents and target_id in ents:
                found = paths_search.paths(conn, source_id, target_id, hops, limit)
                rels = R.relations_by_id(conn, {(src, rid) for _, steps in found for rid, src, _t in steps})
                ents |= self.read_entities_in(conn, {n for ids, _ in found for n in ids} - ents.keys())
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
        wanted = set(self.read_entities(ids))
        rels = [r for r in self._edges_at(wanted, None) if r.source in wanted and r.target in wanted]
        with self.session() as conn:
            ents = R.entities(conn, wanted)
            events = Q.events_by_id(conn, R.event_ids(conn, wanted))
        return A.subgraph(ents, rels, events.values())

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all when None), ordered by id."""
        if ids is None:
            rows = self.rows(Q.ALL_ARTICLES)
        else:
            rows = self.rows(Q.ARTICLES_BY_ID, {"ids": sorted(set(ids))})
        return sorted((Q.article(r[0]) for r in rows), key=lambda a: a.id)

    def stats(self) -> Stats:
        """Counts; `relations` is distinct typed relations."""
        return A.stats((what, k, n, ev) for what, query in Q.STATS for k, n, ev in self.rows(query))

    def export(self, fmt: ExportFormat = "json") -> str:
        """The whole graph as JSON or GraphML."""
        ids = [r[0] for r in self.rows(Q.ALL_ENTITY_IDS)]
        ents = self.read_entities(ids)
        rels = [Q.relation(t, s, d, p) for s, d, t, p in self.rows(Q.ALL_RELATIONS)]
        events = self._events(r[0] for r in self.rows(Q.ALL_EVENT_IDS))
        articles = [Q.article(r[0]) for r in self.rows(Q.ALL_ARTICLES)]
        return export_graph(A.subgraph(ents, rels, events), sorted(articles, key=lambda a: a.id), fmt)

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
