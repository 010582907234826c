"""The Neo4j store: the official driver, batched `UNWIND ... MERGE` writes, read-only user Cypher."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from typing import Any, Literal, NoReturn

import neo4j
from neo4j import Driver, ManagedTransaction, Query
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph import search as entity_search  # BROAD_CANDIDATES read at call time (tests lower it)
from graph.cypher_guard import check_query
from graph.errors import (
    NotFound,
    QueryError,
    QueryRefused,
    QueryTimeout,
    StoreAuthError,
    StoreError,
    StoreUnavailable,
    WriteRefused,
)
from graph.export import export_graph
from graph.model import (
    SYMMETRIC_TYPES,
    Article,
    Entity,
    EntityKind,
    Event,
    Extraction,
    Relation,
    RelationType,
    normalize_name,
)
from graph.results import CypherResult, EntityHit, Page, Path, Stats, Subgraph, UpsertReport
from graph.search import BroadCache, query_key
from graph.store import EventFilter, ExportFormat, RelationFilter
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_batch import BatchRows
from graph.stores.neo4j_search import RowMemo, most_connected, search_ranking
from graph.stores.neo4j_search import entity as search_entity
from graph.stores.props import entity_props, event_props, evidence_from_props, relation_props

logger = logging.getLogger(__name__)

# Reads fail fast when the server is down (the driver's setting, graph/stores/factory.py); a batch
# write may wait longer for a deadlock between concurrent writers to clear.
WRITE_RETRY_SECONDS = 15.0

INTERNAL_ENTITY_PROPS = ("degree",)
_ENTITY_FIELDS = ("id", "name", "kind", "aliases", "country_code", "titles", "lat", "lon")


def _entity(node: Any) -> Entity:
    props = dict(node)
    return Entity(**{k: props.get(k) for k in _ENTITY_FIELDS if props.get(k) is not None})


def _relation(row: Mapping[str, Any]) -> Relation:
    props = row["r"]
    return Relation(
        id=props["id"],
        type=row["type"],
        source=row["s"],
        target=row["t"],
        titles=list(props.get("titles") or []),
        evidence=evidence_from_props(props),
    )


def _event(node: Any, links: Mapping[str, Any] | None) -> Event:
    props = dict(node)
    return Event(
        id=props["id"],
        type=props["type"],
        label=props.get("label"),
        date=props.get("date"),
        date_precision=props.get("date_precision"),
        killed=props.get("killed"),
        wounded=props.get("wounded"),
        quantity=props.get("quantity"),
        location=(links or {}).get("location"),
        actors=sorted((links or {}).get("actors") or []),
        targets=sorted((links or {}).get("targets") or []),
        evidence=evidence_from_props(props),
        merged_from=list(props.get("merged_from") or []),
    )


def _article(node: Any) -> Article:
    props = dict(node)
    return Article(**{k: v for k, v in props.items() if v is not None})


def to_plain(value: Any) -> Any:
    """Driver values as plain JSON: nodes and relationships as their properties (as the embedded store)."""
    if isinstance(value, neo4j.graph.Node):
        # `Entity.degree` is the store's ranking key (docs/neo4j.md), not part of the schema both stores
        # show: a whole node reads the same as on the embedded store.
        hidden = INTERNAL_ENTITY_PROPS if "Entity" in value.labels else ()
        return {k: to_plain(v) for k, v in dict(value).items() if k not in hidden}
    if isinstance(value, neo4j.graph.Relationship):
        return {k: to_plain(v) for k, v in dict(value).items()}
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _next_rows(items: Iterator[Extraction], size: int) -> BatchRows | None:
    batch = list(islice(items, size))
    return BatchRows.of(batch) if batch else None


class Neo4jStore:
    """A `GraphStore` on a Neo4j server reached through the driver it is handed."""

    kind: Literal["neo4j"] = "neo4j"

    def __init__(self, driver: Driver, database: str = "neo4j", owns_driver: bool = False) -> None:
        self.driver = driver
        self.database = database
        self.owns_driver = owns_driver
        self._where = "Neo4j"
        # The address is only for messages; ping() and every call report real failures.
        with contextlib.suppress(Exception):
            self._where = f"Neo4j at {driver.get_server_info().address}"
        self._open_schema()
        self._broad = BroadCache()  # the most connected entities and broad queries, per graph version
        self._search_rows = RowMemo()  # search candidates' rows, per graph version

    # ------------------------------------------------------------------------ plumbing

    def _fail(self, exc: Exception) -> NoReturn:
        if isinstance(exc, AuthError):
            raise StoreAuthError(
                f"{self._where} refused the credentials: {exc.message}",
                hint="NEO4J_USER / NEO4J_PASSWORD differ from the server's (for the bundled server: "
                "the password it was first started with)",
                store="neo4j",
            ) from exc
        if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
            raise StoreUnavailable(
                f"{self._where} is not reachable: {exc}",
                hint="start it with `kg neo4j start`, or check NEO4J_URI and NEO4J_PASSWORD",
                store="neo4j",
            ) from exc
        raise StoreError(f"{self._where} failed: {exc}") from exc

    def _open_schema(self) -> None:
        """Constraints and indexes (`IF NOT EXISTS`: cheap when present), then the one-off back-fills
        unless the database's schema marker says they ran (docs/neo4j.md, "Stored degree")."""
        try:
            with self.driver.session(database=self.database, notifications_min_severity="OFF") as s:
                for stmt in Q.SCHEMA:
                    s.run(stmt).consume()
                if s.run(Q.SCHEMA_MARKER_EXISTS, name=Q.SCHEMA_MARKER).single(strict=True)["n"]:
                    return
                logger.info("%s: back-filling stored degrees (once per database)", self._where)
                s.run(Q.BACKFILL_DEGREE).consume()  # only entities that lack it
                s.run(Q.CREATE_SCHEMA_MARKER).consume()  # after the back-fill: a failed one runs again
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)

    def _write_many(self, statements: list[str]) -> None:
        try:
            with self.driver.session(database=self.database, notifications_min_severity="OFF") as s:
                for stmt in statements:
                    s.run(stmt).consume()
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)

    def _read(self, query: str, **params: Any) -> list[neo4j.Record]:
        # Auto-commit in a READ session: one round trip (RUN + PULL); a managed read transaction adds
        # BEGIN and COMMIT and measured 3x slower per call (docs/neo4j.md). Reads are never retried.
        try:
            with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF",
            ) as s:
                return list(s.run(query, params))
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)

    def _read_at(self, query: str, **params: Any) -> tuple[list[neo4j.Record], str]:
        """A read and the version it saw (the bookmark of its transaction, as `version()` reads it)."""
        try:
            with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF",
            ) as s:
                records = list(s.run(query, params))
                return records, ",".join(sorted(s.last_bookmarks().raw_values))
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)

    # ---------------------------------------------------------------------------- writes

    def upsert(self, extractions: Iterable[Extraction], batch_size: int = 200) -> UpsertReport:
        """Merge extractions in batches: one `UNWIND ... MERGE` round trip per record kind and batch."""
        report = UpsertReport()
        items = iter(extractions)
        # The next batch's rows are built (Python) while the server writes this one (the driver waits
        # on its socket without the GIL): the two overlap instead of taking turns.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-rows") as pool:
            pending = pool.submit(_next_rows, items, batch_size)
            while (rows := pending.result()) is not None:
                pending = pool.submit(_next_rows, items, batch_size)
                report.add(self._upsert_batch(rows))
        return report

    def _upsert_batch(self, rows: BatchRows) -> UpsertReport:
        report = UpsertReport()

        def work(tx: ManagedTransaction) -> None:
            nonlocal report
            report = rows.write(tx)

        try:
            with self.driver.session(
                database=self.database,
                notifications_min_severity="OFF",
                max_transaction_retry_time=WRITE_RETRY_SECONDS,
            ) as s:
                s.execute_write(work)  # managed: retried on transient errors (deadlocks between writers)
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)
        return report

    def _write(self, work: Any) -> Any:
        try:
            with self.driver.session(database=self.database, notifications_min_severity="OFF") as s:
                return s.execute_write(work)  # managed: retried on transient errors
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)

    @staticmethod
    def _tx_events(tx: ManagedTransaction, nodes: list[Any]) -> list[Event]:
        ids = [dict(n)["id"] for n in nodes]
        links = {r["id"]: dict(r) for r in tx.run(Q.EVENT_LINKS, ids=ids)}
        return [_event(n, links.get(dict(n)["id"])) for n in nodes]

    @staticmethod
    def _tx_write_events(tx: ManagedTransaction, delete: list[str], events: list[Event]) -> None:
        tx.run(Q.MERGE_DELETE_EVENTS, ids=sorted(set(delete))).consume()
        rows = [
            {
                "props": event_props(e),
                "merged_from": e.merged_from,
                "actors": e.actors,
                "targets": e.targets,
                "location": e.location,
            }
            for e in events
        ]
        if rows:
            tx.run(Q.MERGE_WRITE_EVENTS, rows=rows).consume()

    def merge_entities(self, keep_id: str, drop_id: str) -> Entity:
        """Move `drop_id`'s relations, event roles and names onto `keep_id` in one transaction."""
        from graph.merging import (
            already_merged,
            fold_entity,
            fold_event,
            fold_relation,
            rewire_event,
            rewire_relation,
        )

        def work(tx: ManagedTransaction) -> Entity:
            found = {r["e"]["id"]: _entity(r["e"]) for r in tx.run(Q.ENTITIES_BY_ID, ids=[keep_id, drop_id])}
            if keep_id not in found:
                raise NotFound("entity", keep_id)
            keep = found[keep_id]
            if keep_id == drop_id:
                return keep
            if drop_id not in found:
                if already_merged(keep, drop_id):
                    return keep
                raise NotFound("entity", drop_id)
            rels = [_relation(r) for r in tx.run(Q.MERGE_ENTITY_RELATIONS, ids=[keep_id, drop_id])]
            existing = {r.id: r for r in rels if drop_id not in (r.source, r.target)}
            moved: dict[str, Relation] = {}
            for rel in rels:
                if drop_id not in (rel.source, rel.target):
                    continue
                new = rewire_relation(rel, drop_id, keep_id)
                if new is not None:
                    base = moved.get(new.id) or existing.get(new.id)
                    moved[new.id] = fold_relation(base, new) if base else new
            tx.run(
                Q.MERGE_DELETE_RELATIONS,
                entity=drop_id,
                ids=[r.id for r in rels if drop_id in (r.source, r.target)],
            ).consume()
            by_type: dict[str, list[dict[str, Any]]] = {}
            for rel in moved.values():
                by_type.setdefault(rel.type, []).append(
                    {"source": rel.source, "target": rel.target, "props": relation_props(rel)}
                )
            for rtype, rows in by_type.items():
                tx.run(Q.MERGE_WRITE_RELATIONS[rtype], rows=rows).consume()

            roles = self._tx_events(tx, [r["ev"] for r in tx.run(Q.MERGE_ENTITY_EVENTS, id=drop_id)])
            rewired = [rewire_event(ev, drop_id, keep_id) for ev in roles]
            clash_ids = sorted({e.id for e in rewired} - {e.id for e in roles})
            result: dict[str, Event] = {
                e.id: e
                for e in self._tx_events(tx, [r["ev"] for r in tx.run(Q.MERGE_EVENTS_BY_ID, ids=clash_ids)])
            }
            for ev in rewired:
                result[ev.id] = fold_event(result[ev.id], ev) if ev.id in result else ev
            self._tx_write_events(tx, [*(e.id for e in roles), *result], list(result.values()))

            folded = fold_entity(keep, found[drop_id])
            props = {k: v for k, v in entity_props(folded).items() if k not in ("id", "kind")}
            tx.run(Q.MERGE_ENTITY_FINISH, keep=keep_id, drop=drop_id, props=props).consume()
            # Degrees change for the kept entity and every neighbour of either: recounted, not adjusted.
            touched = {keep_id} | {x for r in rels for x in (r.source, r.target)}
            tx.run(Q.RECOUNT_DEGREES, ids=sorted(touched - {drop_id})).consume()
            return folded

        result: Entity = self._write(work)
        return result

    def merge_events(self, keep_id: str, drop_id: str) -> Event:
        """Fold event `drop_id` into `keep_id` in one transaction."""
        from graph.merging import fold_event

        def work(tx: ManagedTransaction) -> Event:
            nodes = [r["ev"] for r in tx.run(Q.MERGE_EVENTS_BY_ID, ids=[keep_id, drop_id])]
            found = {e.id: e for e in self._tx_events(tx, nodes)}
            if keep_id not in found:
                raise NotFound("event", keep_id)
            keep = found[keep_id]
            if keep_id == drop_id:
                return keep
            if drop_id not in found:
                if drop_id in keep.merged_from:
                    return keep
                raise NotFound("event", drop_id)
            folded = fold_event(keep, found[drop_id])
            self._tx_write_events(tx, [keep_id, drop_id], [folded])
            return folded

        result: Event = self._write(work)
        return result

    def clear(self) -> None:
        """Remove every node and relationship."""
        self._write_many([Q.CLEAR])

    # ----------------------------------------------------------------------------- reads

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        rows = self._read(Q.GET_ENTITY, id=entity_id)
        if not rows:
            raise NotFound("entity", entity_id)
        return _entity(rows[0]["e"])

    def find_entity(self, name_or_id: str) -> Entity:
        """By id, exact normalised name, or alias; the most connected wins."""
        by_id = self._read(Q.GET_ENTITY, id=name_or_id)  # indexed lookups first: most calls pass an id
        if by_id:
            return _entity(by_id[0]["e"])
        rows = self._read(Q.FIND_BY_NAME, norm=normalize_name(name_or_id)) or self._read(
            Q.FIND_ENTITY, key=name_or_id, norm=normalize_name(name_or_id)
        )
        if not rows:
            raise NotFound("entity", name_or_id)
        return _entity(rows[0]["e"])

    def search_entities(
        self, q: str | None = None, kind: EntityKind | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntityHit]:
        """Names and aliases by tier (exact, prefix, word, fuzzy), then degree: graph/search.py."""
        key = query_key(q)
        if not key:
            total = self._read(Q.COUNT_ENTITIES, kind=kind)[0]["n"]
            if (
                offset + limit > entity_search.BROAD_CANDIDATES
            ):  # past what is kept per version: every degree counted
                rows = self._read(Q.BROWSE_ENTITIES, kind=kind, limit=limit, offset=offset)
                items = [EntityHit(entity=_entity(r["e"]), degree=r["degree"]) for r in rows]
                return Page[EntityHit](items=items, total=total, limit=limit, offset=offset)
            page = most_connected(self._read, self._broad, self.version(), kind)[offset : offset + limit]
            capped = False
        else:
            ranked, found = search_ranking(
                self._read, self._read_at, self._search_rows, self._broad, self.version, key, kind
            )
            page, total, capped = ranked.hits[offset : offset + limit], len(ranked.hits), ranked.capped
            if all(c.id in found for c in page):  # a narrow query: its rows hold the page (one round trip)
                items = [EntityHit(entity=search_entity(found[c.id]), degree=c.degree) for c in page]
                return Page[EntityHit](items=items, total=total, limit=limit, offset=offset, capped=capped)
        nodes = {r["e"]["id"]: r["e"] for r in self._read(Q.ENTITIES_BY_ID, ids=[c.id for c in page])}
        items = [EntityHit(entity=_entity(nodes[c.id]), degree=c.degree) for c in page if c.id in nodes]
        return Page[EntityHit](items=items, total=total, limit=limit, offset=offset, capped=capped)

    def _events_with_links(self, nodes: list[Any]) -> list[Event]:
        if not nodes:
            return []
        ids = [dict(n)["id"] for n in nodes]
        links = {r["id"]: dict(r) for r in self._read(Q.EVENT_LINKS, ids=ids)}
        return [_event(n, links.get(dict(n)["id"])) for n in nodes]

    def _subgraph(self, ids: set[str], rels: list[Relation], must_have: str | None = None) -> Subgraph:
        """The entities of `ids` and their events (one round trip); NotFound when `must_have` is not
        among them."""
        row = self._read(Q.SUBGRAPH_NODES, ids=sorted(ids))[0]
        ents = [_entity(e) for e in row["ents"]]
        if must_have is not None and all(e.id != must_have for e in ents):
            raise NotFound("entity", must_have)
        evs = [_event(x["ev"], x) for x in row["evs"]]
        return Subgraph(
            entities=sorted(ents, key=lambda e: e.id),
            relations=sorted(rels, key=lambda r: r.id),
            events=evs,
        )

    def neighbors(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[RelationType] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Subgraph:
        """Entities within `depth` hops over typed relations (either direction) and those relations."""
        depth = max(1, min(int(depth), 6))
        rows = self._read(
            Q.NEIGHBOR_IDS.replace("{depth}", str(depth)),
            id=entity_id,
            types=list(types) if types else None,
            since=since,
            until=until,
        )
        rels = {r.id: r for r in (_relation(row) for row in rows)}
        ids = {entity_id} | {x for r in rels.values() for x in (r.source, r.target)}
        return self._subgraph(ids, list(rels.values()), must_have=entity_id)  # an unknown id: NotFound

    def relations(
        self, flt: RelationFilter | None = None, limit: int = 100, offset: int = 0
    ) -> Page[Relation]:
        """Relations matching the filter, ordered by id."""
        flt = flt or RelationFilter()
        rows = self._read(
            Q.RELATIONS,
            types=list(flt.types) if flt.types else None,
            entity=flt.entity,
            source=flt.source,
            target=flt.target,
            since=flt.since,
            until=flt.until,
            symmetric=sorted(SYMMETRIC_TYPES),
            limit=limit,
            offset=offset,
        )
        row = rows[0]
        items = [_relation(x) for x in row["page"]]
        return Page[Relation](items=items, total=row["total"], limit=limit, offset=offset)

    def events(self, flt: EventFilter | None = None, limit: int = 100, offset: int = 0) -> Page[Event]:
        """Events matching the filter, by date then id."""
        flt = flt or EventFilter()
        rows = self._read(
            Q.EVENTS,
            types=list(flt.types) if flt.types else None,
            actor=flt.actor,
            place=flt.place,
            since=flt.since,
            until=flt.until,
            limit=limit,
            offset=offset,
        )
        row = rows[0]
        return Page[Event](
            items=self._events_with_links(row["page"]), total=row["total"], limit=limit, offset=offset
        )

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 4, limit: int = 10
    ) -> list[Path]:
        """All shortest paths (up to `limit`) over typed relations, ignoring direction."""
        if source_id == target_id:
            return [Path(entities=[self.get_entity(source_id)], relations=[])]
        hops = max(1, min(int(max_hops), 10))
        row = self._read(
            Q.SHORTEST_PATHS.replace("{max_hops}", str(hops)), source=source_id, target=target_id, limit=limit
        )[0]
        for found, entity_id in ((row["source_found"], source_id), (row["target_found"], target_id)):
            if not found:
                raise NotFound("entity", entity_id)
        paths = [
            Path(entities=[_entity(n) for n in p["nodes"]], relations=[_relation(x) for x in p["rels"]])
            for p in row["paths"]
        ]
        # Same order as the embedded store: by the sequence of node ids.
        return sorted(paths, key=lambda p: ([e.id for e in p.entities], [r.id for r in p.relations]))[:limit]

    def subgraph(self, ids: Iterable[str]) -> Subgraph:
        """The given entities, the relations among them and the events that involve them."""
        wanted = sorted(set(ids))
        rels = [_relation(r) for r in self._read(Q.RELATIONS_AMONG, ids=wanted)]
        return self._subgraph(set(wanted), rels)  # reads only the entities that exist, and their events

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all when None), ordered by id."""
        if ids is None:
            return [_article(r["a"]) for r in self._read(Q.ALL_ARTICLES)]
        return [_article(r["a"]) for r in self._read(Q.ARTICLES_BY_ID, ids=sorted(set(ids)))]

    def stats(self) -> Stats:
        """Counts; `relations` is distinct typed relations."""
        by: dict[str, dict[str, int]] = {
            "entity": {},
            "relation": {},
            "event": {},
            "article": {},
            "evidence": {},
        }
        for row in self._read(Q.STATS):
            if row["k"] is not None:
                by[row["what"]][row["k"]] = by[row["what"]].get(row["k"], 0) + int(row["n"] or 0)
        return Stats(
            entities=sum(by["entity"].values()),
            relations=sum(by["relation"].values()),
            events=sum(by["event"].values()),
            articles=by["article"].get("article", 0),
            entities_by_kind=by["entity"],
            relations_by_type=by["relation"],
            events_by_type=by["event"],
            evidence=by["evidence"].get("evidence", 0),
        )

    def export(self, fmt: ExportFormat = "json") -> str:
        """The whole graph as JSON or GraphML."""
        ids = [r["id"] for r in self._read(Q.ALL_ENTITY_IDS)]
        sub = self.subgraph(ids)
        articles = [_article(r["a"]) for r in self._read(Q.ALL_ARTICLES)]
        return export_graph(sub, articles, fmt)

    def cypher(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        row_limit: int | None = None,
        timeout: float | None = None,
    ) -> CypherResult:
        """Run the user's query in a READ session after the guard and a check of Neo4j's own plan."""
        params = check_query(query, params)
        try:
            with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF",
            ) as s:
                self._check_plan(s, query, params, timeout)
                result = s.run(Query(query, timeout=timeout), dict(params or {}))  # type: ignore[arg-type]
                cols = list(result.keys())
                rows: list[list[Any]] = []
                truncated = False
                for record in result:
                    if row_limit is not None and len(rows) >= row_limit:
                        truncated = True
                        break
                    rows.append([to_plain(v) for v in record.values()])
                result.consume()
        except AuthError as exc:
            self._fail(exc)
        except ClientError as exc:
            code = exc.code or ""
            if (
                "AccessMode" in code
                or "ForbiddenOnReadOnlyDatabase" in code
                or "WriteOnReadOnlyAccessDbException" in code
            ):
                raise WriteRefused() from exc
            if "TransactionTimedOut" in code or "Timeout" in code:
                raise QueryTimeout(f"the query ran past its time limit of {timeout} s") from exc
            if "Procedure" in code and (
                "write" in (exc.message or "").lower() or "not allowed" in (exc.message or "").lower()
            ):
                raise WriteRefused() from exc
            raise QueryError(f"Neo4j rejected the query: {exc.message}", code=code) from exc
        except Neo4jError as exc:
            if "Timeout" in (exc.code or "") or "timed out" in (exc.message or "").lower():
                raise QueryTimeout(f"the query ran past its time limit of {timeout} s") from exc
            if "AccessMode" in (exc.code or ""):
                raise WriteRefused() from exc
            raise QueryError(f"Neo4j rejected the query: {exc.message}", code=exc.code) from exc
        except (DriverError, OSError) as exc:
            self._fail(exc)
        return CypherResult(columns=cols, rows=rows, truncated=truncated)

    @staticmethod
    def _check_plan(s: neo4j.Session, query: str, params: dict[str, Any], timeout: float | None) -> None:
        """Neo4j's parser and planner as the second wall: a read-only plan without refused operators."""
        summary = s.run(Query(Q.explain(query), timeout=timeout), params).consume()  # type: ignore[arg-type]
        if summary.query_type in Q.WRITE_QUERY_TYPES:
            raise WriteRefused(f"Neo4j plans this query as {summary.query_type!r}: it would write")
        if summary.query_type != Q.READ_ONLY_QUERY_TYPE:  # "s": schema and system commands
            raise QueryRefused(f"Neo4j plans this query as {summary.query_type!r}, not as a read")
        operators: list[str] = []
        todo = [summary.plan] if summary.plan else []
        while todo:
            node = todo.pop()
            operators.append(str(node.get("operatorType", "")).split("@")[0])
            todo.extend(node.get("children") or [])
        refused = sorted({op for op in operators if op.startswith(Q.REFUSED_PLAN_OPERATORS)})
        if refused:
            raise QueryRefused(f"Neo4j's plan for this query uses refused operators: {', '.join(refused)}")

    def version(self) -> str:
        """The database's last committed transaction, as the bookmark a read returns.

        Neo4j hands every transaction, read ones included, a bookmark naming the latest committed
        transaction: one round trip, and it moves with every write from any process.
        """
        try:
            with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF",
            ) as s:
                s.run(Q.PING).consume()
                return ",".join(sorted(s.last_bookmarks().raw_values))
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)

    def ping(self) -> None:
        """Raise `StoreUnavailable` unless the server answers (one auto-commit query, no retries)."""
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
                s.run(Q.PING).consume()
        except (Neo4jError, DriverError, OSError) as exc:
            self._fail(exc)

    def close(self) -> None:
        """Close the driver if this store owns it."""
        if self.owns_driver:
            self.driver.close()
