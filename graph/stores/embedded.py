"""The embedded default store: a networkx graph in process, persisted atomically under `KG_HOME`."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice, pairwise, product
from pathlib import Path as FsPath
from typing import Any, Literal

import networkx as nx

from graph.errors import NotFound, StoreError, StoreUnavailable
from graph.export import export_graph
from graph.model import (
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
    merge_entity,
    merge_evidence,
    normalize_name,
)
from graph.store import EventFilter, ExportFormat, RelationFilter
from graph.stores.embedded_search import EmbeddedSearchIndex

FORMAT_VERSION = 1


def _in_window(dates: Iterable[str | None], since: str | None, until: str | None) -> bool:
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
    """Graph in memory (records plus a networkx MultiDiGraph of typed relations), saved to one JSON file."""

    kind: Literal["embedded"] = "embedded"

    def __init__(self, path: FsPath | str | None = None) -> None:
        self.path = FsPath(path) if path is not None else None
        self._lock = threading.RLock()
        self._ents: dict[str, Entity] = {}
        self._rels: dict[str, Relation] = {}
        self._evts: dict[str, Event] = {}
        self._arts: dict[str, Article] = {}
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._version = 0  # bumped on every change; the Cypher mirror rebuilds when it moves
        self._cypher: Any = None
        if self.path is not None and self.path.exists():
            self._load()
        self.search = EmbeddedSearchIndex(self.path.with_suffix(".search.sqlite") if self.path else None)
        self._search_checked = False  # the index is opened (and rebuilt if stale) on first use

    # ------------------------------------------------------------------------- persistence

    def _load(self) -> None:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT_VERSION:
                raise ValueError(f"unknown format {data.get('format')!r}")
            for e in data["entities"]:
                self._put_entity(Entity.model_validate(e))
            for r in data["relations"]:
                self._put_relation(Relation.model_validate(r))
            for ev in data["events"]:
                self._evts[ev["id"]] = Event.model_validate(ev)
            for a in data["articles"]:
                self._arts[a["id"]] = Article.model_validate(a)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"the embedded graph at {self.path} cannot be read: {exc}",
                hint="restore it from a backup or an export, or move it away to start a new graph",
                path=str(self.path),
            ) from exc

    def _save(self) -> None:
        """Write the whole graph to a temporary file and rename it over the old one (atomic)."""
        self._version += 1
        if self.path is None:
            return
        data = {
            "format": FORMAT_VERSION,
            "entities": [e.model_dump(mode="json") for e in self._ents.values()],
            "relations": [r.model_dump(mode="json") for r in self._rels.values()],
            "events": [e.model_dump(mode="json") for e in self._evts.values()],
            "articles": [a.model_dump(mode="json") for a in self._arts.values()],
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot write the embedded graph at {self.path}: {exc}",
                hint="check that KG_HOME is writable",
                store="embedded",
                path=str(self.path),
            ) from exc

    # ------------------------------------------------------------------------------ writes

    def _put_entity(self, ent: Entity) -> None:
        self._ents[ent.id] = ent
        self.graph.add_node(ent.id, kind=ent.kind)

    def _put_relation(self, rel: Relation) -> None:
        self._rels[rel.id] = rel
        self.graph.add_edge(rel.source, rel.target, key=rel.id, type=rel.type)

    def upsert(self, extractions: Iterable[Extraction], batch_size: int = 200) -> UpsertReport:
        """Merge extractions; evidence already present (same article and sentence) is not added again."""
        report = UpsertReport()
        with self._lock:
            items = iter(extractions)
            while batch := list(islice(items, batch_size)):
                part = UpsertReport()
                for ex in batch:
                    self._merge(ex, part)
                self._save()
                ids = {*part.entities_added, *part.entities_merged}
                ids |= {x for r in part.relations_added for x in (self._rels[r].source, self._rels[r].target)}
                self.search.update([self._ents[i] for i in ids], {i: self.degree(i) for i in ids})
                report.add(part)
        return report

    def _merge(self, ex: Extraction, report: UpsertReport) -> None:
        rec = ex.to_records()
        art = rec.article
        if art.id in self._arts:
            report.articles_merged.append(art.id)
        else:
            stamp = art.ingested_at or _now()
            self._arts[art.id] = art.model_copy(update={"ingested_at": stamp})
            report.articles_added.append(art.id)
        for ent in rec.entities:
            old = self._ents.get(ent.id)
            if old is None:
                self._put_entity(ent)
                report.entities_added.append(ent.id)
            else:
                self._put_entity(merge_entity(old, ent))
                report.entities_merged.append(ent.id)
        for rel in rec.relations:
            old_rel = self._rels.get(rel.id)
            if old_rel is None:
                self._put_relation(rel)
                report.relations_added.append(rel.id)
                report.evidence_added += len(rel.evidence)
            else:
                evidence = merge_evidence(old_rel.evidence, rel.evidence)
                report.evidence_added += len(evidence) - len(old_rel.evidence)
                titles = old_rel.titles + [t for t in rel.titles if t not in old_rel.titles]
                self._put_relation(old_rel.model_copy(update={"evidence": evidence, "titles": titles}))
                report.relations_merged.append(rel.id)
        for ev in rec.events:
            old_ev = self._evts.get(ev.id)
            if old_ev is None:
                self._evts[ev.id] = ev
                report.events_added.append(ev.id)
                report.evidence_added += len(ev.evidence)
            else:
                evidence = merge_evidence(old_ev.evidence, ev.evidence)
                report.evidence_added += len(evidence) - len(old_ev.evidence)
                targets = old_ev.targets + [t for t in ev.targets if t not in old_ev.targets]
                self._evts[ev.id] = old_ev.model_copy(update={"evidence": evidence, "targets": targets})
                report.events_merged.append(ev.id)

    def clear(self) -> None:
        """Remove everything (and the file's contents)."""
        with self._lock:
            self._ents.clear()
            self._rels.clear()
            self._evts.clear()
            self._arts.clear()
            self.graph.clear()
            self._save()
            self.search.clear()

    # ------------------------------------------------------------------------------- reads

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        try:
            return self._ents[entity_id]
        except KeyError:
            raise NotFound("entity", entity_id) from None

    def find_entity(self, name_or_id: str) -> Entity:
        """By id, then by exact normalised name, then by alias (the most connected wins)."""
        if name_or_id in self._ents:
            return self._ents[name_or_id]
        key = normalize_name(name_or_id)
        by_name = [e for e in self._ents.values() if normalize_name(e.name) == key]
        by_alias = [e for e in self._ents.values() if key in {normalize_name(a) for a in e.aliases}]
        for found in (by_name, by_alias):
            if found:
                return max(found, key=lambda e: (self.degree(e.id), e.id))
        raise NotFound("entity", name_or_id)

    def degree(self, entity_id: str) -> int:
        """Number of typed relations at this entity."""
        return int(self.graph.degree(entity_id)) if entity_id in self.graph else 0

    def search_entities(
        self, q: str | None = None, kind: EntityKind | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntityHit]:
        """Names and aliases by tier (exact, prefix, word, fuzzy), then degree: graph/search.py."""
        if not self._search_checked:
            with self._lock:
                if self.search.count() != len(self._ents):  # from before the index, or stale
                    self.search.clear()
                    self.search.update(self._ents.values(), {e: self.degree(e) for e in self._ents})
                self._search_checked = True
        return self.search.search(q, kind, limit, offset)

    def _edges(self, types: Sequence[str] | None, since: str | None, until: str | None) -> list[Relation]:
        wanted = set(types) if types else None
        return [
            r
            for r in self._rels.values()
            if (wanted is None or r.type in wanted) and _in_window((e.date for e in r.evidence), since, until)
        ]

    def neighbors(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[RelationType] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Subgraph:
        """Entities within `depth` hops (either direction) and the relations among them on the way."""
        self.get_entity(entity_id)
        wanted = set(types) if types else None

        def ok(rel: Relation) -> bool:
            return (wanted is None or rel.type in wanted) and _in_window(
                (e.date for e in rel.evidence), since, until
            )

        seen = {entity_id}
        frontier = {entity_id}
        rels: dict[str, Relation] = {}
        for _ in range(max(depth, 0)):
            nxt: set[str] = set()
            for node in frontier:
                # Both directions of the maintained graph: only this node's edges are visited.
                for _, other, rid in (
                    *self.graph.out_edges(node, keys=True),
                    *((v, u, k) for u, v, k in self.graph.in_edges(node, keys=True)),
                ):
                    rel = self._rels[rid]
                    if rid in rels or ok(rel):
                        rels[rid] = rel
                        if other not in seen:
                            nxt.add(other)
            seen |= nxt
            frontier = nxt
        return self._subgraph(seen, list(rels.values()))

    def _subgraph(self, ids: set[str], rels: list[Relation]) -> Subgraph:
        entities = sorted((self._ents[i] for i in ids if i in self._ents), key=lambda e: e.id)
        events = [
            e
            for e in self._evts.values()
            if ids & {*e.actors, *e.targets, *([e.location] if e.location else [])}
        ]
        return Subgraph(
            entities=entities,
            relations=sorted(rels, key=lambda r: r.id),
            events=sorted(events, key=lambda e: (e.date or "", e.id)),
        )

    def relations_page(self, flt: RelationFilter | None, limit: int, offset: int) -> Page[Relation]:
        flt = flt or RelationFilter()
        out = []
        for r in self._edges(flt.types, flt.since, flt.until):
            ends = {r.source, r.target}
            if flt.entity and flt.entity not in ends:
                continue
            if r.symmetric:
                wanted = {x for x in (flt.source, flt.target) if x}
                if not wanted <= ends or (flt.source and flt.target and flt.source == flt.target):
                    continue
            else:
                if flt.source and r.source != flt.source:
                    continue
                if flt.target and r.target != flt.target:
                    continue
            out.append(r)
        out.sort(key=lambda r: r.id)
        return Page[Relation](items=out[offset : offset + limit], total=len(out), limit=limit, offset=offset)

    def relations(
        self, flt: RelationFilter | None = None, limit: int = 100, offset: int = 0
    ) -> Page[Relation]:
        """Relations matching the filter, ordered by id."""
        return self.relations_page(flt, limit, offset)

    def events(self, flt: EventFilter | None = None, limit: int = 100, offset: int = 0) -> Page[Event]:
        """Events matching the filter, by date then id."""
        flt = flt or EventFilter()
        out = []
        for e in self._evts.values():
            if flt.types and e.type not in flt.types:
                continue
            if flt.actor and flt.actor not in {*e.actors, *e.targets}:
                continue
            if flt.place and e.location != flt.place:
                continue
            if (flt.since or flt.until) and not _in_window([e.date], flt.since, flt.until):
                continue
            out.append(e)
        out.sort(key=lambda e: (e.date or "", e.id))
        return Page[Event](items=out[offset : offset + limit], total=len(out), limit=limit, offset=offset)

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 4, limit: int = 10
    ) -> list[Path]:
        """All shortest paths over typed relations, ignoring direction, up to `max_hops`."""
        self.get_entity(source_id)
        self.get_entity(target_id)
        if source_id == target_id:
            return [Path(entities=[self._ents[source_id]], relations=[])]
        undirected = self.graph.to_undirected(as_view=True)
        paths: list[Path] = []
        try:
            for nodes in nx.all_shortest_paths(undirected, source_id, target_id):
                if len(nodes) - 1 > max_hops:
                    break
                # Like Neo4j's allShortestPaths: one path per sequence of relationships.
                hops = [
                    sorted(
                        {
                            *self.graph.get_edge_data(a, b, default={}),
                            *self.graph.get_edge_data(b, a, default={}),
                        }
                    )
                    for a, b in pairwise(nodes)
                ]
                for rids in product(*hops):
                    paths.append(
                        Path(entities=[self._ents[n] for n in nodes], relations=[self._rels[r] for r in rids])
                    )
                if len(paths) >= limit * 4:
                    break
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return []
        paths.sort(key=lambda p: ([e.id for e in p.entities], [r.id for r in p.relations]))
        return paths[:limit]

    def subgraph(self, ids: Iterable[str]) -> Subgraph:
        """The given entities, the relations among them and the events that involve them."""
        wanted = {i for i in ids if i in self._ents}
        rels = [r for r in self._rels.values() if r.source in wanted and r.target in wanted]
        return self._subgraph(wanted, rels)

    def stats(self) -> Stats:
        """Counts; `relations` is distinct typed relations."""
        by_kind: dict[str, int] = {}
        for e in self._ents.values():
            by_kind[e.kind] = by_kind.get(e.kind, 0) + 1
        by_type: dict[str, int] = {}
        for r in self._rels.values():
            by_type[r.type] = by_type.get(r.type, 0) + 1
        ev_type: dict[str, int] = {}
        for ev in self._evts.values():
            ev_type[ev.type] = ev_type.get(ev.type, 0) + 1
        evidence = sum(len(r.evidence) for r in self._rels.values()) + sum(
            len(e.evidence) for e in self._evts.values()
        )
        return Stats(
            entities=len(self._ents),
            relations=len(self._rels),
            events=len(self._evts),
            articles=len(self._arts),
            entities_by_kind=by_kind,
            relations_by_type=by_type,
            events_by_type=ev_type,
            evidence=evidence,
        )

    def export(self, fmt: ExportFormat = "json") -> str:
        """The whole graph as JSON or GraphML."""
        sub = Subgraph(
            entities=sorted(self._ents.values(), key=lambda e: e.id),
            relations=sorted(self._rels.values(), key=lambda r: r.id),
            events=sorted(self._evts.values(), key=lambda e: (e.date or "", e.id)),
        )
        return export_graph(sub, sorted(self._arts.values(), key=lambda a: a.id), fmt)

    def cypher(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        row_limit: int | None = None,
        timeout: float | None = None,
    ) -> CypherResult:
        """Read-only Cypher through an in-memory LadybugDB mirror of this graph (docs/cypher.md)."""
        from graph.stores.embedded_cypher import CypherMirror

        with self._lock:
            if self._cypher is None:
                self._cypher = CypherMirror()
            return self._cypher.run(self, self._version, query, params or {}, row_limit, timeout)

    def version(self) -> str:
        """This process's write counter (the store is loaded once per process)."""
        return str(self._version)

    def ping(self) -> None:
        """The embedded store is reachable when its directory is writable."""
        if self.path is not None:
            parent = self.path.parent
            blocked = next((p for p in (parent, *parent.parents) if p.exists() and not p.is_dir()), None)
            if blocked is not None:
                raise StoreUnavailable(
                    f"the embedded store's directory {parent} cannot exist: {blocked} is a file",
                    hint="point KG_HOME at a directory",
                    store="embedded",
                    path=str(self.path),
                )
            if parent.exists() and not os.access(parent, os.W_OK):
                raise StoreUnavailable(
                    f"the embedded store's directory {parent} is not writable",
                    hint="check KG_HOME",
                    store="embedded",
                    path=str(self.path),
                )

    def close(self) -> None:
        """Nothing pending: every write is saved when it happens."""
        self.search.close()
        with self._lock:
            if self._cypher is not None:
                self._cypher.close()
                self._cypher = None


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0)
