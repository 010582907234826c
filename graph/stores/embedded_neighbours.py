"""An entity's 1-hop neighbourhood on the embedded store: the common `neighbors(id, depth=1)` call.

Read in a few statements walked from the root (primary-key index, then its adjacency), each returning
only the columns the answer is built from: the root's relations (`embedded_reads.edges_at`), the root,
its neighbours with their articles (one row each), the events. A whole node carries its search keys and
internal fields, which the answer does not use (docs/embedded.md, round 6, has the measurements).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.model import Entity, Event, Relation
from graph.stores import embedded_queries as Q
from graph.stores import embedded_reads as R
from graph.stores.embedded_answers import in_window

# What a neighbourhood read returns: entities by id, relations, events (the store sorts them).
Found = tuple[dict[str, Entity], list[Relation], list[Event]]
MAX_DEPTH = 6

NODE_COLUMNS = ("id", "name", "kind", "aliases", "country_code", "titles", "lat", "lon")
_NODE = ", ".join(f"b.{c}" for c in NODE_COLUMNS)

# The root, then its articles (`embedded_reads.ENTITY_ARTICLES`): one statement with `OPTIONAL MATCH
# ... collect` costs 3x both.
ROOT = f"MATCH (b:Entity {{id: $id}}) RETURN {_NODE}"
# Each neighbour once, with its articles collected: one row per neighbour (a row per article cost
# more in Python to fetch than the engine's aggregation).
NEIGHBOURS = (
    "MATCH (a:Entity {{id: $id}})-[:{types}]-(b:Entity) WITH DISTINCT b "
    f"OPTIONAL MATCH (b)-[:MENTIONED_IN]->(x:Article) RETURN {_NODE}, collect(x.id)"
)
# The neighbours' events walked from the root (the root's own: `embedded_reads.ENTITY_EVENTS`).
NEIGHBOUR_EVENTS = (
    "MATCH (a:Entity {{id: $id}})-[:{types}]-(b:Entity)-[:ACTOR_IN|TARGETS|LOCATED_AT]-(e:Event) "
    "RETURN DISTINCT b.id, e.id"
)


def entity(row: Sequence[Any], articles: list[str]) -> Entity:
    """An `Entity` from a row of `NODE_COLUMNS` and its article ids."""
    return Q.entity(dict(zip(NODE_COLUMNS, row, strict=False)), articles)


def root_entity(conn: Any, root: str) -> Entity | None:
    """The root with its articles, or None when it does not exist."""
    rows = Q.rows(conn, ROOT, {"id": root})
    if not rows:
        return None
    return entity(rows[0], [r[0] for r in Q.rows(conn, R.ENTITY_ARTICLES, {"id": root})])


def around(
    conn: Any, root: str, types: Sequence[str] | None, keep: set[str]
) -> tuple[dict[str, Entity], list[str]]:
    """The neighbours of `keep` (those the caller's relations kept, types and dates applied) with their
    articles, and the ids of the root's and their events."""
    pattern = "|".join(types) if types else Q.TYPED
    ents: dict[str, Entity] = {}
    events = set(R.event_ids(conn, [root]))
    if keep - {root}:
        for row in Q.rows(conn, NEIGHBOURS.format(types=pattern), {"id": root}):
            if row[0] in keep:
                ents[row[0]] = entity(row, row[-1])
        events |= {
            e for b, e in Q.rows(conn, NEIGHBOUR_EVENTS.format(types=pattern), {"id": root}) if b in keep
        }
    return ents, sorted(events)


def one_hop(
    conn: Any, entity_id: str, types: Sequence[str] | None, since: str | None, until: str | None
) -> Found | None:
    """`neighbors(depth=1)`, the common call, in one read walked from the root; None: no such root."""
    root = root_entity(conn, entity_id)
    if root is None:
        return None
    rels: list[Relation] = []
    kept = {entity_id}
    for rel in R.edges_at(conn, [entity_id], types):
        if in_window((e.date for e in rel.evidence), since, until):
            rels.append(rel)
            kept |= {rel.source, rel.target}
    ents, ev_ids = around(conn, entity_id, types, kept)
    ents[entity_id] = root
    return ents, rels, list(Q.events_by_id(conn, ev_ids).values())


def within(
    conn: Any, entity_id: str, depth: int, types: Sequence[str] | None, since: str | None, until: str | None
) -> Found | None:
    """Entities within `depth` hops (at most `MAX_DEPTH`), level by level by id; None: no such root."""
    seen = {entity_id}
    frontier = {entity_id}
    rels: dict[str, Relation] = {}
    for _ in range(min(int(depth), MAX_DEPTH)):
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
    if entity_id not in ents:
        return None
    return ents, list(rels.values()), list(Q.events_by_id(conn, ev_ids).values())
