"""The embedded store's reads of a few records, on one connection, in statements that use the index.

LadybugDB answers a statement rooted at one primary key (`{id: $id}`, a scalar parameter) from the
index, in a tenth of a millisecond once prepared; a list of ids (`UNWIND $ids`, `IN $ids`) becomes a scan
or a join over the whole table instead (5 ms at 20k entities, and 130 ms for articles at 200k relations;
measured in docs/embedded.md). So a handful of ids is read one statement per id on a pooled connection,
whose prepared statements are reused (`embedded_handles.ConnectionPool`), and only many ids fall back to the
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
# An entity's relations, one direction per statement, with only the properties a `Relation` is built
# from. A whole relationship (`RETURN x`, which an undirected match needed for its `_SRC`) cost 2.1 ms
# of CPU for ~50 relations at 489k, these two 0.7 ms; `struct_extract(x, '_SRC')` materialises the
# whole relationship too (1.4 ms), and `start_node(x)` is the pattern's left node, not the source.
EDGES_AT = (
    "MATCH (a:Entity {{id: $id}})-[x:{types}]->(b:Entity) RETURN b.id, label(x), x.id, x.titles, x.evidence",
    "MATCH (a:Entity {{id: $id}})<-[x:{types}]-(b:Entity) RETURN b.id, label(x), x.id, x.titles, x.evidence",
)
# Ids and directions only (no properties): what a path search walks.
ADJACENT = (
    "MATCH (a:Entity {{id: $id}})-[x:{types}]->(b:Entity) RETURN b.id, x.id, label(x), true",
    "MATCH (a:Entity {{id: $id}})<-[x:{types}]-(b:Entity) RETURN b.id, x.id, label(x), false",
)
ADJACENT_MANY = (
    "MATCH (a:Entity)-[x:{types}]->(b:Entity) WHERE a.id IN $ids RETURN a.id, b.id, x.id, label(x), true",
    "MATCH (a:Entity)<-[x:{types}]-(b:Entity) WHERE a.id IN $ids RETURN a.id, b.id, x.id, label(x), false",
)
# The relations at all of an entity's neighbours (a path search's second level), walked from it. The
# neighbours are made distinct (by node) before their relations are read: the same rows as a `RETURN
# DISTINCT` over (a.id, b.id, x.id, type), whose hashing of ~1,400 rows of strings per statement cost
# 20-28% more CPU at 489k relations (round 7).
ADJACENT_AROUND = (
    "MATCH (r:Entity {{id: $id}})-[:{types}]-(a:Entity) WITH DISTINCT a "
    "MATCH (a)-[x:{types}]->(b:Entity) RETURN a.id, b.id, x.id, label(x), true",
    "MATCH (r:Entity {{id: $id}})-[:{types}]-(a:Entity) WITH DISTINCT a "
    "MATCH (a)<-[x:{types}]-(b:Entity) RETURN a.id, b.id, x.id, label(x), false",
)
# The same, only towards the given nodes: a search's last step needs only the relations that meet the
# other side, so the engine filters the ~1,400 rows of a 489k-relation graph down to those few (6.1 ms
# of CPU against 10.8 ms, round 7). The far end's id is projected first: `WHERE b.id IN $to` straight
# after the match (or `list_contains`) is planned as a scan of every entity, 73 ms.
ADJACENT_AROUND_TO = tuple(
    q.replace(" RETURN a.id, b.id,", " WITH a, x, b.id AS bid WHERE bid IN $to RETURN a.id, bid,")
    for q in ADJACENT_AROUND
)
# Stored relations by their source and ids (walks the source's adjacency once for all its relations
# wanted: 0.33 ms of CPU for three against 0.85 ms one statement each, round 7).
RELATIONS_AT = (
    "MATCH (a:Entity {{id: $s}})-[x:{types}]->(b:Entity) WHERE x.id IN $ids "
    "RETURN x.id, b.id, label(x), x.titles, x.evidence"
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
        for eid in wanted:
            for query, outgoing in zip(EDGES_AT, (True, False), strict=True):
                for other, rtype, rid, titles, evidence in Q.rows(
                    conn, query.format(types=pattern), {"id": eid}
                ):
                    src, dst = (eid, other) if outgoing else (other, eid)
                    out[rid] = Q.relation(
                        rtype, src, dst, {"id": rid, "titles": titles, "evidence": evidence}
                    )
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


def adjacent_around(
    conn: Any, root: str, to: Sequence[str] | None = None
) -> list[tuple[str, str, str, str, bool]]:
    """`adjacent` of all the root's neighbours, in two statements walked from the root; with `to`, only
    the relations whose far end is one of those nodes."""
    queries, params = (
        (ADJACENT_AROUND_TO, {"id": root, "to": list(to)}) if to else (ADJACENT_AROUND, {"id": root})
    )
    return [
        (a, b, rid, rtype, bool(out))
        for query in queries
        for a, b, rid, rtype, out in Q.rows(conn, query.format(types=Q.TYPED), params)
    ]


def relations_by_id(conn: Any, wanted: Iterable[tuple[str, str]]) -> dict[str, Relation]:
    """Stored relations by (source, id): one statement per source."""
    by_source: dict[str, set[str]] = {}
    for src, rid in wanted:
        by_source.setdefault(src, set()).add(rid)
    out = {}
    query = RELATIONS_AT.format(types=Q.TYPED)
    for src in sorted(by_source):
        for rid, dst, rtype, titles, evidence in Q.rows(
            conn, query, {"s": src, "ids": sorted(by_source[src])}
        ):
            out[rid] = Q.relation(rtype, src, dst, {"id": rid, "titles": titles, "evidence": evidence})
    return out
