"""Answers of the embedded store built from the records it read: filters, subgraphs and counts.

The store reads candidates with a few statements (`embedded_reads`, `embedded_neighbours`); which of
them a filter keeps, and in which order they are returned, is decided here in Python, the same way for
every read that needs it.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.model import SYMMETRIC_TYPES, Entity, Event, Relation
from graph.results import Stats, Subgraph
from graph.store import EventFilter, RelationFilter


def in_window(dates: Iterable[str | None], since: str | None, until: str | None) -> bool:
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


def relation_matches(r: Relation, flt: RelationFilter) -> bool:
    """Whether `relations(flt)` lists `r` (a symmetric type matches its ends in either order)."""
    if flt.types and r.type not in flt.types:
        return False
    if not in_window((e.date for e in r.evidence), flt.since, flt.until):
        return False
    ends = {r.source, r.target}
    if flt.entity and flt.entity not in ends:
        return False
    if r.type in SYMMETRIC_TYPES:
        wanted_ends = {x for x in (flt.source, flt.target) if x}
        return wanted_ends <= ends and not (flt.source and flt.target and flt.source == flt.target)
    return not ((flt.source and r.source != flt.source) or (flt.target and r.target != flt.target))


def event_matches(e: Event, flt: EventFilter) -> bool:
    """Whether `events(flt)` lists `e`."""
    if flt.types and e.type not in flt.types:
        return False
    if flt.actor and flt.actor not in {*e.actors, *e.targets}:
        return False
    if flt.place and e.location != flt.place:
        return False
    return not ((flt.since or flt.until) and not in_window([e.date], flt.since, flt.until))


def subgraph(ents: dict[str, Entity], rels: Iterable[Relation], events: Iterable[Event]) -> Subgraph:
    """A `Subgraph` in the stores' order: entities and relations by id, events by date then id."""
    return Subgraph(
        entities=sorted(ents.values(), key=lambda e: e.id),
        relations=sorted(rels, key=lambda r: r.id),
        events=sorted(events, key=lambda e: (e.date or "", e.id)),
    )


def stats(counts: Iterable[tuple[str, str, int, int]]) -> Stats:
    """`Stats` from (what, key, count, evidence) rows (`embedded_queries.STATS`)."""
    by: dict[str, dict[str, int]] = {}
    evidence = 0
    for what, k, n, ev in counts:
        by.setdefault(what, {})[k] = int(n)
        evidence += int(ev or 0)
    return Stats(
        entities=sum(by.get("entity", {}).values()),
        relations=sum(by.get("relation", {}).values()),
        events=sum(by.get("event", {}).values()),
        articles=by.get("article", {}).get("article", 0),
        entities_by_kind=by.get("entity", {}),
        relations_by_type=by.get("relation", {}),
        events_by_type=by.get("event", {}),
        evidence=evidence,
    )
