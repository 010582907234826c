"""A batch's events written by the Neo4j store (in the batch's transaction, after its relations,
graph/stores/neo4j_batch.py): the same pattern as relations, then their links."""

from __future__ import annotations

import json

from neo4j import ManagedTransaction

from graph.model import Event, Evidence
from graph.records import merge_evidence
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_rows import Rows
from graph.stores.props import event_props


def stored_evidence(raw: str | None) -> list[Evidence]:
    """An event's stored evidence (the JSON string) as `Evidence` objects."""
    return [Evidence.model_construct(**x) for x in json.loads(raw)] if raw else []


def write_events(tx: ManagedTransaction, events: dict[str, Event]) -> dict[str, int]:
    """MERGE the events (in id order: one lock order for writers), write back the evidence union where
    the stored evidence differed, MERGE their links; returns the evidence each known event gained."""
    if not events:
        return {}
    changed: dict[str, int] = {}
    updates = []
    in_order = [event_props(events[x]) for x in sorted(events)]
    for rec in tx.run(Q.MERGE_EVENTS, rows=Rows(in_order)):
        ev = events[rec["id"]]
        old = stored_evidence(rec["evidence"])
        merged = merge_evidence(old, ev.evidence)
        changed[ev.id] = len(merged) - len(old)
        if len(merged) > len(old):
            updates.append(event_props(ev.model_copy(update={"evidence": merged})))
    if updates:
        tx.run(Q.UPDATE_EVENTS, rows=Rows(updates)).consume()
    links: dict[str, list[dict[str, str]]] = {k: [] for k in Q.MERGE_EVENT_LINKS}
    for ev in events.values():
        links["ACTOR_IN"] += [{"e": a, "ev": ev.id} for a in ev.actors]
        links["TARGETS"] += [{"e": t, "ev": ev.id} for t in ev.targets]
        if ev.location:
            links["LOCATED_AT"].append({"e": ev.location, "ev": ev.id})
        links["REPORTED_IN"] += [{"e": a, "ev": ev.id} for a in ev.article_ids]
    for kind, rows in links.items():
        if rows:
            tx.run(Q.MERGE_EVENT_LINKS[kind], rows=Rows(rows)).consume()
    return changed
