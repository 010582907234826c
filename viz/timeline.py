"""The event timeline: events on a real time axis (vis-timeline), lanes by PLOVER type or by actor.

The page gets the events with their participants, places and evidence; lanes, labels and the detail
panel are built in the page, so switching lanes needs no server. Partial dates sit at the start of
their month or year and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.model import Event
from graph.store import EventFilter, GraphStore
from viz.render import render_timeline

LIMIT = 20_000


def all_events(store: GraphStore, flt: EventFilter) -> list[Event]:
    from viz.views import all_pages

    return all_pages(lambda limit, offset: store.events(flt, limit=limit, offset=offset))


def start_of(value: str) -> str:
    """A partial date's first day: 2022 -> 2022-01-01, 2022-03 -> 2022-03-01."""
    return value + "-01" * ((10 - len(value)) // 3)


def timeline_data(
    events: Sequence[Event], names: dict[str, dict[str, str]], articles: dict[str, str]
) -> dict[str, Any]:
    """What the page needs: dated events (date order) with their evidence, and the entities they name."""
    items = []
    for ev in events:
        if not ev.date:
            continue
        items.append(
            {
                "id": ev.id,
                "type": ev.type,
                "label": ev.label or "",
                "date": ev.date,
                "start": start_of(ev.date),
                "precision": ev.date_precision
                or ("day" if len(ev.date) == 10 else "month" if len(ev.date) == 7 else "year"),
                "actors": [a for a in ev.actors if a in names],
                "targets": [t for t in ev.targets if t in names],
                "location": ev.location if ev.location in names else None,
                "killed": ev.killed,
                "wounded": ev.wounded,
                "evidence": [
                    {
                        "sentence": p.sentence or "",
                        "source": articles.get(p.article_id, p.article_id),
                        "date": p.date,
                    }
                    for p in ev.evidence[:8]
                ],
                "reports": ev.evidence_count,
            }
        )
    return {"events": items, "entities": names}


def timeline_html(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Sequence[str] | None = None,
    limit: int = LIMIT,
    served: bool = False,
) -> tuple[str, int, int]:
    """(html, events placed, undated events left out)."""
    from viz.views import article_labels

    flt = EventFilter(types=list(types) if types else None, since=since, until=until)  # type: ignore[arg-type]
    events = all_events(store, flt)
    dated = [e for e in events if e.date][:limit]
    undated = sum(1 for e in events if not e.date)
    ids = {x for e in dated for x in (*e.actors, *e.targets, *([e.location] if e.location else []))}
    names = {e.id: {"name": e.name, "kind": e.kind} for e in store.subgraph(ids).entities}
    data = timeline_data(dated, names, article_labels(store))
    data["window"] = {"since": since, "until": until}
    lanes = sorted({e.type for e in dated})
    note = f"{undated} undated event(s) not placed on the timeline" if undated else ""
    html = render_timeline(
        "Event timeline",
        f"{len(dated)} event(s) in {len(lanes)} PLOVER type(s)",
        data,
        omitted=note,
        served=served,
    )
    return html, len(dated), undated
