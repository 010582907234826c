"""Merging two entities or two events on Neo4j, each in one write transaction (graph/merging.py folds)."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from graph.errors import NotFound
from graph.merging import (
    already_merged,
    fold_entity,
    fold_event,
    fold_relation,
    rewire_event,
    rewire_relation,
)
from graph.model import Entity, Event, Relation
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_connection import Neo4jConnection
from graph.stores.neo4j_convert import entity_from_node, event_from_node, relation_from_row
from graph.stores.props import entity_props, event_props, relation_props


def tx_events(tx: ManagedTransaction, nodes: list[Any]) -> list[Event]:
    """The events of these nodes with their links, read in the transaction."""
    ids = [dict(n)["id"] for n in nodes]
    links = {r["id"]: dict(r) for r in tx.run(Q.EVENT_LINKS, ids=ids)}
    return [event_from_node(n, links.get(dict(n)["id"])) for n in nodes]


def tx_write_events(tx: ManagedTransaction, delete: list[str], events: list[Event]) -> None:
    """Delete the events of `delete`, then write `events` with their links."""
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


def merge_entities(conn: Neo4jConnection, keep_id: str, drop_id: str) -> Entity:
    """Move `drop_id`'s relations, event roles and names onto `keep_id` in one transaction."""

    def work(tx: ManagedTransaction) -> Entity:
        found = {
            r["e"]["id"]: entity_from_node(r["e"]) for r in tx.run(Q.ENTITIES_BY_ID, ids=[keep_id, drop_id])
        }
        if keep_id not in found:
            raise NotFound("entity", keep_id)
        keep = found[keep_id]
        if keep_id == drop_id:
            return keep
        if drop_id not in found:
            if already_merged(keep, drop_id):
                return keep
            raise NotFound("entity", drop_id)
        rels = [relation_from_row(r) for r in tx.run(Q.MERGE_ENTITY_RELATIONS, ids=[keep_id, drop_id])]
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

        roles = tx_events(tx, [r["ev"] for r in tx.run(Q.MERGE_ENTITY_EVENTS, id=drop_id)])
        rewired = [rewire_event(ev, drop_id, keep_id) for ev in roles]
        clash_ids = sorted({e.id for e in rewired} - {e.id for e in roles})
        result: dict[str, Event] = {
            e.id: e for e in tx_events(tx, [r["ev"] for r in tx.run(Q.MERGE_EVENTS_BY_ID, ids=clash_ids)])
        }
        for ev in rewired:
            result[ev.id] = fold_event(result[ev.id], ev) if ev.id in result else ev
        tx_write_events(tx, [*(e.id for e in roles), *result], list(result.values()))

        folded = fold_entity(keep, found[drop_id])
        props = {k: v for k, v in entity_props(folded).items() if k not in ("id", "kind")}
        tx.run(Q.MERGE_ENTITY_FINISH, keep=keep_id, drop=drop_id, props=props).consume()
        # Degrees change for the kept entity and every neighbour of either: recounted, not adjusted.
        touched = {keep_id} | {x for r in rels for x in (r.source, r.target)}
        tx.run(Q.RECOUNT_DEGREES, ids=sorted(touched - {drop_id})).consume()
        return folded

    return conn.write(work)


def merge_events(conn: Neo4jConnection, keep_id: str, drop_id: str) -> Event:
    """Fold event `drop_id` into `keep_id` in one transaction."""

    def work(tx: ManagedTransaction) -> Event:
        nodes = [r["ev"] for r in tx.run(Q.MERGE_EVENTS_BY_ID, ids=[keep_id, drop_id])]
        found = {e.id: e for e in tx_events(tx, nodes)}
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
        tx_write_events(tx, [keep_id, drop_id], [folded])
        return folded

    return conn.write(work)
