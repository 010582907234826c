"""The embedded store's reads of a few records, on one connection, in statements that use the index.

LadybugDB answers a statement rooted at one primary key (`{id: $id}`, a scalar parameter) from the
index, in a tenth of a millisecond once prepared; a list of ids (`UNWIND $ids`, `IN $ids`) becomes a scan
or a join over the whole table instead (5 ms at 20k entities, and 130 ms for articles at 200k relations;
measured in docs/embedded.md). So a handful of ids is read one statement per id on a pooled connection,
whose prepared statements are reused (`embedded_db.ConnectionPool`), and only many ids fall back to the
list forms, whose cost is then shared by all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graph.model import Entity, Relation
from graph.stores import embedded_queries as Q

# Above these many ids, one list statement costs less than one indexed statement per id.
ENTITIES_ONE_BY_ONE = 32
EVENTS_ONE_BY_ONE = 8
EDGES_ONE_BY_ONE = 16

ENTITY_NODE = "MATCH (e:Entity {id: $id}) RETURN e"
# Two statements: one with `OPTIONAL MATCH ... collect` costs more than both (measured at 80 entities
# and at 500k relations).
ENTITY_ARTICLES = "MATCH (e:Entity {id: $id})-[:MENTIONED_IN]->(a:Article) RETURN a.id"
# One direction per statement: an undirected pattern over three link tables plans a slower scan.
ENTITY_EVENTS = (
    "MATCH (x:Entity {id: $id})-[:ACTOR_IN]->(e:Event) RETURN e.id",
    "MATCH (x:Entity {id: $id})<-[:TARGETS]-(e:Event) RETURN e.id",
    "MATCH (x:Entity {id: $id})<-[:LOCATED_AT]-(e:Event) RETURN e.id",
)
# Both directions in one statement; the relationship's `_SRC` against the anchor's internal id says
# which way it points.
EDGES_AT = "MATCH (a:Entity {{id: $id}})-[x:{types}]-(b:Entity) RETURN id(a), b.id, label(x), x"
# The same with the neighbour's whole node: a 1-hop neighbourhood needs no second walk for the nodes.
EDGES_AND_NODES_AT = "MATCH (a:Entity {{id: $id}})-[x:{types}]-(b:Entity) RETURN id(a), b, label(x), x"
# Ids and directions only (no properties): what a path search walks.
ADJACENT = (
    "MATCH (a:Entity {{id: $id}})-[x:{types}]->(b:Entity) RETURN b.id, x.id, label(x), true",
    "MATCH (a:Entity {{id: $id}})<-[x:{types}]-(b:Entity) RETURN b.id, x.id, label(x), false",
)
ADJACENT_MANY = (
    "MATCH (a:Entity)-[x:{types}]->(b:Entity) WHERE a.id IN $ids RETURN a.id, b.id, x.id, label(x), true",
    "MATCH (a:Entity)<-[x:{types}]-(b:Entity) WHERE a.id IN $ids RETURN a.id, b.id, x.id, label(x), false",
)
# An entity's neighbours' articles and events, walked from it (no index look-up per neighbour: 3-5x
# cheaper than one statement per id on a cold buffer pool). Two statements: one walk collecting both
# (`WITH DISTINCT b OPTIONAL MATCH ... collect ... OPTIONAL MATCH ... collect`) took the same at 500k
# relations and twice as long on the example graph.
AROUND_ARTICLES = (
    "MATCH (a:Entity {{id: $id}})-[:{types}]-(b:Entity)-[:MENTIONED_IN]->(x:Article) "
    "RETURN DISTINCT b.id, x.id"
)
AROUND_EVENTS = (
    "MATCH (a:Entity {{id: $id}})-[:{types}]-(b:Entity)-[:ACTOR_IN|TARGETS|LOCATED_AT]-(e:Event) "
    "RETURN DISTINCT b.id, e.id"
)
# The relations at all of an entity's neighbours (a path search's second level), walked from it.
ADJACENT_AROUND = (
    "MATCH (r:Entity {{id: $id}})-[:{types}]-(a:Entity)-[x:{types}]->(b:Entity) "
    "RETURN DISTINCT a.id, b.id, x.id, label(x), true",
    "MATCH (r:Entity {{id: $id}})-[:{types}]-(a:Entity)<-[x:{types}]-(b:Entity) "
    "RETURN DISTINCT a.id, b.id, x.id, label(x), false",
)
# One stored relation by its source and id (walks the source's adjacency).
RELATION_AT = (
    "MATCH (a:Entity {{id: $s}})-[x:{types}]->(b:Entity) WHERE x.id = $id RETURN a.id, b.id, label(x), x"
)


def entities(conn: Any, ids: Iterable[str]) -> dict[str, Entity]:
    """Entities by id, with their articles; unknown ids are left out."""
    wanted = sorted(set(ids))
    if len(wanted) > ENTITIES_ONE_BY_ONE:
        return {r[0]["id"]: Q.entity(r[0], r[1]) for r in Q.rows(conn, Q.ENTITIES_BY_ID, {"ids": wanted})}
    out = {}
    for eid in wanted:
        node = Q.rows(conn, ENTITY_NODE, {"id": eid})
        if node:
            arts = [r[0] for r in Q.rows(conn, ENTITY_ARTICLES, {"id": eid})]
            out[eid] = Q.entity(node[0][0], arts)
    return out


def edges_and_nodes_at(
    conn: Any, root: str, types: Sequence[str] | None
) -> tuple[list[Relation], dict[str, dict[str, Any]]]:
    """The typed relations at one entity (either direction) and its neighbours' nodes, in one statement."""
    nodes: dict[str, dict[str, Any]] = {}
    out: dict[str, Relation] = {}
    for internal, node, rtype, props in Q.rows(
        conn, EDGES_AND_NODES_AT.format(types="|".join(types) if types else Q.TYPED), {"id": root}
    ):
        other = node["id"]
        nodes[other] = node
        src, dst = (root, other) if props["_SRC"] == internal else (other, root)
        out[props["id"]] = Q.relation(rtype, src, dst, props)
    return list(out.values()), nodes


def around(
    conn: Any, root: str, types: Sequence[str] | None, keep: set[str], nodes: dict[str, dict[str, Any]]
) -> tuple[dict[str, Entity], list[str]]:
    """The entities of `keep` (the root and some of its neighbours, whose `nodes` were read with their
    relations) and the ids of their events."""
    pattern = "|".join(types) if types else Q.TYPED
    ents = entities(conn, [root])
    if root not in ents or len(keep) == 1:
        return ents, event_ids(conn, [root]) if root in ents else []
    arts: dict[str, list[str]] = {}
    for b, art in Q.rows(conn, AROUND_ARTICLES.format(types=pattern), {"id": root}):
        arts.setdefault(b, []).append(art)
    for other in keep - {root}:
        ents[other] = Q.entity(nodes[other], arts.get(other))
    events = set(event_ids(conn, [root]))
    events |= {e for b, e in Q.rows(conn, AROUND_EVENTS.format(types=pattern), {"id": root}) if b in keep}
    return ents, sorted(events)


def event_ids(conn: Any, ids: Iterable[str]) -> list[str]:
    """Ids of the events these entities take part in (actor, target or place)."""
    wanted = sorted(set(ids))
    if len(wanted) > EVENTS_ONE_BY_ONE:
        return [r[0] for r in Q.rows(conn, Q.EVENT_IDS_FOR_ENTITIES, {"ids": wanted})]
    found = {r[0] for eid in wanted for query in ENTITY_EVENTS for r in Q.rows(conn, query, {"id": eid})}
    return sorted(found)


def edges_at(conn: Any, ids: Iterable[str], types: Sequence[str] | None) -> list[Relation]:
    """Typed relations at these entities, either direction, each once."""
    wanted = sorted(set(ids))
    pattern = "|".join(types) if types else Q.TYPED
    out: dict[str, Relation] = {}
    if len(wanted) <= EDGES_ONE_BY_ONE:
        query = EDGES_AT.format(types=pattern)
        for eid in wanted:
            for internal, other, rtype, props in Q.rows(conn, query, {"id": eid}):
                outgoing = props["_SRC"] == internal
                src, dst = (eid, other) if outgoing else (other, eid)
                out[props["id"]] = Q.relation(rtype, src, dst, props)
    else:
        for query in Q.NEIGHBOUR_EDGES_MANY:
            for s, t, rtype, props in Q.rows(conn, query.format(types=pattern), {"ids": wanted}):
                out[props["id"]] = Q.relation(rtype, s, t, props)
    return list(out.values())


def adjacent(conn: Any, ids: Sequence[str]) -> list[tuple[str, str, str, str, bool]]:
    """(node, neighbour, relation id, type, outgoing) for every typed relation at these nodes."""
    if len(ids) <= EDGES_ONE_BY_ONE * 3:
        return [
            (eid, other, rid, rtype, bool(out))
            for eid in ids
            for query in ADJACENT
            for other, rid, rtype, out in Q.rows(conn, query.format(types=Q.TYPED), {"id": eid})
        ]
    return [
        (a, b, rid, rtype, bool(out))
        for query in ADJACENT_MANY
        for a, b, rid, rtype, out in Q.rows(conn, query.format(types=Q.TYPED), {"ids": list(ids)})
    ]


def adjacent_around(conn: Any, root: str) -> list[tuple[str, str, str, str, bool]]:
    """`adjacent` of all the root's neighbours, in two statements walked from the root."""
    return [
        (a, b, rid, rtype, bool(out))
        for query in ADJACENT_AROUND
        for a, b, rid, rtype, out in Q.rows(conn, query.format(types=Q.TYPED), {"id": root})
    ]


def relations_by_id(conn: Any, wanted: Iterable[tuple[str, str]]) -> dict[str, Relation]:
    """Stored relations by (source, id)."""
    out = {}
    query = RELATION_AT.format(types=Q.TYPED)
    for src, rid in sorted(set(wanted)):
        for s, t, rtype, props in Q.rows(conn, query, {"s": src, "id": rid}):
            out[rid] = Q.relation(rtype, s, t, props)
    return out
