"""The Neo4j store's graph reads: entities, neighbours, paths, subgraphs, relations, events, counts."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from graph.errors import NotFound
from graph.export import export_graph
from graph.model import SYMMETRIC_TYPES, Article, Entity, Event, Relation, RelationType, normalize_name
from graph.results import Page, Path, Stats, Subgraph
from graph.store import EventFilter, ExportFormat, RelationFilter
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_connection import Neo4jConnection
from graph.stores.neo4j_convert import article_from_node, entity_from_node, event_from_node, relation_from_row


def get_entity(conn: Neo4jConnection, entity_id: str) -> Entity:
    """The entity with this id."""
    rows = conn.read(Q.GET_ENTITY, id=entity_id)
    if not rows:
        raise NotFound("entity", entity_id)
    return entity_from_node(rows[0]["e"])


class EntityMemo:
    """Entities read by id, for one graph version at a time: `find_entity` of an id kept at the version
    the connection trusts (`Neo4jConnection.trusted_version`, the API's staleness bound) costs no round
    trip. A shortest-path request resolves both ends first, so this makes it one round trip instead of
    three. Callers get copies (the model is mutable). Thread-safe."""

    def __init__(self, max_entities: int = 10_000) -> None:
        self.max_entities = max_entities
        self._version: str | None = None
        self._entities: dict[str, Entity] = {}
        self._lock = threading.Lock()

    def get(self, version: str | None, entity_id: str) -> Entity | None:
        with self._lock:
            found = (
                self._entities.get(entity_id) if version is not None and version == self._version else None
            )
        return found.model_copy(deep=True) if found is not None else None

    def put(self, version: str, entity: Entity) -> None:
        with self._lock:
            if version != self._version or len(self._entities) >= self.max_entities:
                self._version, self._entities = version, {}
            self._entities[entity.id] = entity.model_copy(deep=True)


def find_entity(conn: Neo4jConnection, name_or_id: str, memo: EntityMemo | None = None) -> Entity:
    """By id, exact normalised name, or alias; the most connected wins."""
    if memo is not None and (kept := memo.get(conn.trusted_version(), name_or_id)) is not None:
        return kept
    by_id, at = conn.read_at(Q.GET_ENTITY, id=name_or_id)  # indexed lookups first: most calls pass an id
    if by_id:
        entity = entity_from_node(by_id[0]["e"])
        if memo is not None:
            memo.put(at, entity)
        return entity
    rows = conn.read(Q.FIND_BY_NAME, norm=normalize_name(name_or_id)) or conn.read(
        Q.FIND_ENTITY, key=name_or_id, norm=normalize_name(name_or_id)
    )
    if not rows:
        raise NotFound("entity", name_or_id)
    return entity_from_node(rows[0]["e"])


def events_with_links(conn: Neo4jConnection, nodes: list[Any]) -> list[Event]:
    """The events of these nodes with their links (one round trip)."""
    if not nodes:
        return []
    ids = [dict(n)["id"] for n in nodes]
    links = {r["id"]: dict(r) for r in conn.read(Q.EVENT_LINKS, ids=ids)}
    return [event_from_node(n, links.get(dict(n)["id"])) for n in nodes]


def subgraph_with(
    conn: Neo4jConnection, ids: set[str], rels: list[Relation], must_have: str | None = None
) -> Subgraph:
    """The entities of `ids` and their events (one round trip); NotFound when `must_have` is not
    among them."""
    return nodes_of(conn.read(Q.SUBGRAPH_NODES, ids=sorted(ids))[0], rels, must_have)


def nodes_of(row: Any, rels: list[Relation], must_have: str | None = None) -> Subgraph:
    """A subgraph from a row of its entities (`ents`) and events (`evs`, with their links)."""
    ents = [entity_from_node(e) for e in row["ents"]]
    if must_have is not None and all(e.id != must_have for e in ents):
        raise NotFound("entity", must_have)
    evs = [event_from_node(x["ev"], x) for x in row["evs"]]
    return Subgraph(
        entities=sorted(ents, key=lambda e: e.id),
        relations=sorted(rels, key=lambda r: r.id),
        events=evs,
    )


def neighbors(
    conn: Neo4jConnection,
    entity_id: str,
    depth: int = 1,
    types: Sequence[RelationType] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Subgraph:
    """Entities within `depth` hops over typed relations (either direction) and those relations."""
    depth = max(1, min(int(depth), 6))
    row = conn.read(  # one round trip: the relations, their ends and their events
        Q.NEIGHBORHOOD.replace("{depth}", str(depth)),
        id=entity_id,
        types=list(types) if types else None,
        since=since,
        until=until,
    )[0]
    rels = {r.id: r for r in (relation_from_row(x) for x in row["found"])}
    return nodes_of(row, list(rels.values()), must_have=entity_id)  # an unknown id: NotFound


def relations(
    conn: Neo4jConnection, flt: RelationFilter | None = None, limit: int = 100, offset: int = 0
) -> Page[Relation]:
    """Relations matching the filter, ordered by id."""
    flt = flt or RelationFilter()
    rows = conn.read(
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
    items = [relation_from_row(x) for x in row["page"]]
    return Page[Relation](items=items, total=row["total"], limit=limit, offset=offset)


def events(
    conn: Neo4jConnection, flt: EventFilter | None = None, limit: int = 100, offset: int = 0
) -> Page[Event]:
    """Events matching the filter, by date then id."""
    flt = flt or EventFilter()
    rows = conn.read(
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
        items=events_with_links(conn, row["page"]), total=row["total"], limit=limit, offset=offset
    )


def shortest_paths(
    conn: Neo4jConnection, source_id: str, target_id: str, max_hops: int = 4, limit: int = 10
) -> list[Path]:
    """All shortest paths (up to `limit`) over typed relations, ignoring direction."""
    if source_id == target_id:
        return [Path(entities=[get_entity(conn, source_id)], relations=[])]
    hops = max(1, min(int(max_hops), 10))
    row = conn.read(
        Q.SHORTEST_PATHS.replace("{max_hops}", str(hops)), source=source_id, target=target_id, limit=limit
    )[0]
    for found, entity_id in ((row["source_found"], source_id), (row["target_found"], target_id)):
        if not found:
            raise NotFound("entity", entity_id)
    paths = [
        Path(
            entities=[entity_from_node(n) for n in p["nodes"]],
            relations=[relation_from_row(x) for x in p["rels"]],
        )
        for p in row["paths"]
    ]
    # Same order as the embedded store: by the sequence of node ids.
    return sorted(paths, key=lambda p: ([e.id for e in p.entities], [r.id for r in p.relations]))[:limit]


def subgraph(conn: Neo4jConnection, ids: Iterable[str]) -> Subgraph:
    """The given entities, the relations among them and the events that involve them."""
    wanted = sorted(set(ids))
    rels = [relation_from_row(r) for r in conn.read(Q.RELATIONS_AMONG, ids=wanted)]
    return subgraph_with(conn, set(wanted), rels)  # reads only the entities that exist, and their events


def articles(conn: Neo4jConnection, ids: Iterable[str] | None = None) -> list[Article]:
    """The articles with these ids (all when None), ordered by id."""
    if ids is None:
        return [article_from_node(r["a"]) for r in conn.read(Q.ALL_ARTICLES)]
    return [article_from_node(r["a"]) for r in conn.read(Q.ARTICLES_BY_ID, ids=sorted(set(ids)))]


def stats(conn: Neo4jConnection) -> Stats:
    """Counts; `relations` is distinct typed relations."""
    by: dict[str, dict[str, int]] = {
        "entity": {},
        "relation": {},
        "event": {},
        "article": {},
        "evidence": {},
    }
    for row in conn.read(Q.STATS):
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


def export(conn: Neo4jConnection, fmt: ExportFormat = "json") -> str:
    """The whole graph as JSON or GraphML."""
    ids = [r["id"] for r in conn.read(Q.ALL_ENTITY_IDS)]
    sub = subgraph(conn, ids)
    all_articles = [article_from_node(r["a"]) for r in conn.read(Q.ALL_ARTICLES)]
    return export_graph(sub, all_articles, fmt)
