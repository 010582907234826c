"""The embedded store's own LadybugDB Cypher (not user Cypher), and rows turned back into the model.

Lookups go through the primary-key index (`{id: ...}` inside `UNWIND`), so a batch costs what it
touches, not what the graph holds.
"""

from __future__ import annotations

from typing import Any, cast

from graph.model import RELATION_TYPES, Article, Entity, Event, Relation, RelationType
from graph.stores.props import EVIDENCE_COLUMNS, evidence_from_props

TYPED = "|".join(RELATION_TYPES)  # the typed relations between entities (not the event/article links)

ENTITY_SET = (
    "e.name = r.name, e.kind = r.kind, e.aliases = CAST(r.aliases AS STRING[]), e.name_key = r.name_key, "
    "e.alias_keys = CAST(r.alias_keys AS STRING[]), e.country_code = r.country_code, e.titles = CAST(r.titles AS STRING[]), "
    "e.lat = CAST(r.lat AS DOUBLE), e.lon = CAST(r.lon AS DOUBLE)"
)
EVIDENCE_SET = ", ".join(
    f"{{v}}.{name} = CAST(r.{name} AS {ctype})" for name, ctype in EVIDENCE_COLUMNS.items()
)
REL_SET = (
    "x.first_seen = r.first_seen, x.last_seen = r.last_seen, x.titles = CAST(r.titles AS STRING[]), "
    "x.confidence = CAST(r.confidence AS DOUBLE), " + EVIDENCE_SET.format(v="x")
)
EVENT_SET = (
    "e.type = r.type, e.label = r.label, e.date = r.date, e.date_precision = r.date_precision, "
    "e.killed = CAST(r.killed AS INT64), e.wounded = CAST(r.wounded AS INT64), e.quantity = CAST(r.quantity AS INT64), "
    "e.merged_from = CAST(r.merged_from AS STRING[]), " + EVIDENCE_SET.format(v="e")
)

MERGE_ENTITIES = f"UNWIND $rows AS r MERGE (e:Entity {{id: r.id}}) SET {ENTITY_SET}"
# A batch knows which of its records are new (it looked them up): those are CREATEd, no MERGE probe.
CREATE_ENTITIES = f"UNWIND $rows AS r CREATE (e:Entity {{id: r.id}}) SET {ENTITY_SET}"
ARTICLE_SET = (
    "a.title = r.title, a.source = r.source, a.url = r.url, a.published = r.published, "
    "a.ingested_at = r.ingested_at"
)
MERGE_ARTICLES = f"UNWIND $rows AS r MERGE (a:Article {{id: r.id}}) SET {ARTICLE_SET}"
CREATE_ARTICLES = f"UNWIND $rows AS r CREATE (a:Article {{id: r.id}}) SET {ARTICLE_SET}"
MERGE_EVENTS = f"UNWIND $rows AS r MERGE (e:Event {{id: r.id}}) SET {EVENT_SET}"
# A relation is stored from its id's source to its target. `MATCH (a {id}) WITH a, r MATCH (a)-[x]->(b)`
# makes the engine walk a's adjacency (cost: a's degree); a pattern with both ends' ids makes it join
# with every relationship of the type (cost: the graph), 4x slower at 300k relations and growing.
UPDATE_RELATION = (
    "UNWIND $rows AS r MATCH (a:Entity {{id: r.s}}) WITH a, r MATCH (a)-[x:{rtype}]->(b:Entity) "
    "WHERE x.id = r.id SET " + REL_SET
)
# Links between entities, events and articles; MERGE keeps them single however often they are reported.
LINKS = {
    "ACTOR_IN": "UNWIND $rows AS r MATCH (a:Entity {id: r.s}) WITH a, r MATCH (b:Event {id: r.t}) MERGE (a)-[:ACTOR_IN]->(b)",
    "TARGETS": "UNWIND $rows AS r MATCH (a:Event {id: r.s}) WITH a, r MATCH (b:Entity {id: r.t}) MERGE (a)-[:TARGETS]->(b)",
    "LOCATED_AT": (
        "UNWIND $rows AS r MATCH (a:Event {id: r.s}) WITH a, r MATCH (b:Entity {id: r.t}) MERGE (a)-[:LOCATED_AT]->(b)"
    ),
    "REPORTED_IN": (
        "UNWIND $rows AS r MATCH (a:Event {id: r.s}) WITH a, r MATCH (b:Article {id: r.t}) MERGE (a)-[:REPORTED_IN]->(b)"
    ),
    "MENTIONED_IN": (
        "UNWIND $rows AS r MATCH (a:Entity {id: r.s}) WITH a, r MATCH (b:Article {id: r.t}) MERGE (a)-[:MENTIONED_IN]->(b)"
    ),
}

ENTITIES_BY_ID = (
    "UNWIND $ids AS i MATCH (e:Entity {id: i}) OPTIONAL MATCH (e)-[:MENTIONED_IN]->(a:Article) "
    "RETURN e, collect(a.id) AS arts"
)
ENTITY_NODES_BY_ID = "UNWIND $ids AS i MATCH (e:Entity {id: i}) RETURN e"
ARTICLES_BY_ID = "UNWIND $ids AS i MATCH (a:Article {id: i}) RETURN a"
# Stored relations by id, all types in one statement, walking from the source (see UPDATE_RELATION).
RELATIONS_BY_SOURCE = (
    f"UNWIND $rows AS r MATCH (a:Entity {{id: r.s}}) WITH a, r MATCH (a)-[x:{TYPED}]->(b:Entity) "
    "WHERE x.id = r.id RETURN a.id, b.id, label(x), x"
)
EVENTS_BY_ID = "UNWIND $ids AS i MATCH (e:Event {id: i}) RETURN e"
# An event's links, one query each (LadybugDB cannot carry a node through two collecting WITHs).
EVENT_LINKS = {
    "actors": "UNWIND $ids AS i MATCH (e:Event {id: i})<-[:ACTOR_IN]-(x:Entity) RETURN e.id, x.id",
    "targets": "UNWIND $ids AS i MATCH (e:Event {id: i})-[:TARGETS]->(x:Entity) RETURN e.id, x.id",
    "loc": "UNWIND $ids AS i MATCH (e:Event {id: i})-[:LOCATED_AT]->(x:Entity) RETURN e.id, x.id",
}
EVENT_IDS_FOR_ENTITIES = (
    "UNWIND $ids AS i MATCH (x:Entity {id: i}) "
    "MATCH (x)-[:ACTOR_IN|TARGETS|LOCATED_AT]-(e:Event) RETURN DISTINCT e.id AS id"
)
ALL_EVENT_IDS = "MATCH (e:Event) RETURN e.id AS id"
ALL_ENTITY_IDS = "MATCH (e:Entity) RETURN e.id AS id"
ALL_ARTICLES = "MATCH (a:Article) RETURN a"
DEGREES = (
    f"UNWIND $ids AS i MATCH (e:Entity {{id: i}}) OPTIONAL MATCH (e)-[r:{TYPED}]-() RETURN e.id, count(r)"
)
# Outgoing then incoming, so that each row knows its relation's direction. One entity per query with a
# scalar parameter: LadybugDB then starts from the primary-key index (an UNWIND list makes it a join,
# 40x slower at 50k relations); many entities at once use IN.
NEIGHBOUR_EDGES = (
    "MATCH (a:Entity {{id: $id}})-[x:{types}]->(b:Entity) RETURN a.id, b.id, label(x), x",
    "MATCH (b:Entity {{id: $id}})<-[x:{types}]-(a:Entity) RETURN a.id, b.id, label(x), x",
)
NEIGHBOUR_EDGES_MANY = (
    "MATCH (a:Entity)-[x:{types}]->(b:Entity) WHERE a.id IN $ids RETURN a.id, b.id, label(x), x",
    "MATCH (b:Entity)<-[x:{types}]-(a:Entity) WHERE b.id IN $ids RETURN a.id, b.id, label(x), x",
)
ALL_RELATIONS = f"MATCH (a:Entity)-[x:{TYPED}]->(b:Entity) RETURN a.id, b.id, label(x), x"
# Parameters go through WITH first: LadybugDB cannot read a `$param` inside a list predicate.
FIND_BY_NAME = (
    "MATCH (e:Entity) WHERE e.name_key = $key OR list_contains(e.alias_keys, $key) "
    f"OPTIONAL MATCH (e)-[r:{TYPED}]-() WITH e, count(r) AS degree "
    "RETURN e, e.name_key = $key AS by_name, degree ORDER BY by_name DESC, degree DESC, e.id DESC LIMIT 1"
)
STATS = [
    ("entity", "MATCH (e:Entity) RETURN e.kind, count(*), 0"),
    ("relation", f"MATCH ()-[r:{TYPED}]->() RETURN label(r), count(*), sum(r.evidence_count)"),
    ("event", "MATCH (e:Event) RETURN e.type, count(*), sum(e.evidence_count)"),
    ("article", "MATCH (a:Article) RETURN 'article', count(*), 0"),
]
CLEAR = [
    "MATCH (n:Event) DETACH DELETE n",
    "MATCH (n:Article) DETACH DELETE n",
    "MATCH (n:Entity) DETACH DELETE n",
]

# Both directions, one statement each (LadybugDB deletes directed matches only).
DELETE_ENTITY_RELATIONS = (
    f"MATCH (e:Entity {{id: $id}})-[r:{TYPED}]->() DELETE r",
    f"MATCH (e:Entity {{id: $id}})<-[r:{TYPED}]-() DELETE r",
)
DELETE_EVENT = "MATCH (e:Event {id: $id}) DETACH DELETE e"
DELETE_ENTITY = "MATCH (e:Entity {id: $id}) DETACH DELETE e"

_ENTITY_FIELDS = ("id", "name", "kind", "aliases", "country_code", "titles", "lat", "lon")


def events_by_id(conn: Any, ids: list[str]) -> dict[str, Event]:
    """Events with their actors, targets and place."""
    if not ids:
        return {}  # four round trips saved on every neighbours/subgraph call of a graph without events
    nodes = {r[0]["id"]: r[0] for r in rows(conn, EVENTS_BY_ID, {"ids": ids})}
    links: dict[str, dict[str, list[str]]] = {i: {"actors": [], "targets": [], "loc": []} for i in nodes}
    for what, query in EVENT_LINKS.items():
        for eid, xid in rows(conn, query, {"ids": ids}):
            links[eid][what].append(xid)
    return {i: event(n, **links[i]) for i, n in nodes.items()}


def rows(conn: Any, query: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
    """All rows of a query."""
    res = conn.execute(query, params or {})
    out = []
    while res.has_next():
        out.append(res.get_next())
    return out


def entity(node: dict[str, Any], articles: list[str] | None = None) -> Entity:
    """An `Entity` from its node's properties (and its articles, from MENTIONED_IN)."""
    fields = {k: node[k] for k in _ENTITY_FIELDS if node.get(k) is not None}
    return Entity.model_construct(
        **{"aliases": [], "titles": [], **fields, "article_ids": sorted(articles or [])}
    )


def relation(rtype: str, source: str, target: str, props: dict[str, Any]) -> Relation:
    """A `Relation` from its relationship's properties and ends."""
    return Relation.model_construct(
        id=props["id"],
        type=cast(RelationType, rtype),
        source=source,
        target=target,
        titles=list(props.get("titles") or []),
        evidence=evidence_from_props(props),
    )


def event(node: dict[str, Any], actors: list[str], targets: list[str], loc: list[str]) -> Event:
    """An `Event` from its node and links (actors and targets sorted, as the Neo4j store)."""
    return Event.model_construct(
        id=node["id"],
        type=node["type"],
        label=node.get("label"),
        date=node.get("date"),
        date_precision=node.get("date_precision"),
        killed=node.get("killed"),
        wounded=node.get("wounded"),
        quantity=node.get("quantity"),
        location=loc[0] if loc else None,
        actors=sorted(set(actors)),
        targets=sorted(set(targets)),
        evidence=evidence_from_props(node),
        merged_from=list(node.get("merged_from") or []),
    )


def article(node: dict[str, Any]) -> Article:
    """An `Article` from its node."""
    keys = ("id", "title", "source", "url", "published", "ingested_at")
    return Article.model_validate({k: node[k] for k in keys if node.get(k) is not None})
