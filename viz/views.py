"""The three views: the alliance map, one actor's network, and the event timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from graph.model import Event, Relation, Subgraph
from graph.store import EventFilter, GraphStore, RelationFilter
from viz.layout import keep_most_connected, positions
from viz.render import render
from viz.styles import BLOC_COLORS, FAMILY, FAMILY_STYLE, KIND_STYLE, SYMMETRIC, legend

ACTOR_KINDS = {"person", "country", "organization", "armed_group", "group"}
NODE_LIMIT = 1500


@dataclass
class ViewPage:
    """A rendered view and what it shows."""

    html: str
    nodes: int
    edges: int
    omitted: int


def _evidence_text(r: Relation, names: dict[str, str], articles: dict[str, str]) -> str:
    head = f"{names.get(r.source, r.source)} {r.type} {names.get(r.target, r.target)}"
    arts = len(r.article_ids)
    lines = [head, f"{r.evidence_count} piece(s) of evidence from {arts} article(s)"]
    if r.titles:
        lines.append("title: " + ", ".join(r.titles))
    for ev in r.evidence[:5]:
        lines.append(
            f'- "{ev.sentence or ""}" ({articles.get(ev.article_id, ev.article_id)}, {ev.date or "undated"})'
        )
    return "\n".join(lines)


def _relations(store: GraphStore, flt: RelationFilter) -> list[Relation]:
    out: list[Relation] = []
    offset = 0
    while True:
        page = store.relations(flt, limit=1000, offset=offset)
        out += page.items
        offset += 1000
        if offset >= page.total:
            return out


def _article_labels(store: GraphStore) -> dict[str, str]:
    res = store.cypher(
        "MATCH (a:Article) RETURN a.id AS id, a.source AS source, a.title AS title", row_limit=100_000
    )
    return {row[0]: " — ".join(x for x in (row[1], row[2]) if x) or row[0] for row in res.rows}


def _graph_view(
    store: GraphStore,
    sub: Subgraph,
    title: str,
    subtitle: str,
    *,
    kinds: Sequence[str] | None,
    bloc_of: dict[str, int] | None,
    physics: bool,
    limit: int,
) -> ViewPage:
    names = {e.id: e.name for e in sub.entities}
    ents = {e.id: e for e in sub.entities if not kinds or e.kind in kinds}
    g = nx.Graph()
    g.add_nodes_from(ents)
    rels = [r for r in sub.relations if r.source in ents and r.target in ents]
    for r in rels:
        g.add_edge(r.source, r.target)
    g, omitted = keep_most_connected(g, limit)
    pos = positions(g)
    articles = _article_labels(store)
    nodes = []
    for eid in g.nodes:
        e = ents[eid]
        style = KIND_STYLE.get(e.kind, KIND_STYLE["place"])
        color = BLOC_COLORS[bloc_of[eid] % len(BLOC_COLORS)] if bloc_of and eid in bloc_of else style["color"]
        deg = g.degree(eid)
        info = [
            f"{e.name} ({e.kind.replace('_', ' ')})",
            f"{deg} relation(s) shown; {len(e.article_ids)} article(s)",
        ]
        if e.aliases:
            info.append("also: " + ", ".join(e.aliases[:8]))
        if e.titles:
            info.append("titles: " + ", ".join(e.titles))
        x, y = pos[eid]
        nodes.append(
            {
                "id": eid,
                "label": e.name,
                "kind": e.kind,
                "shape": style["shape"],
                "color": color,
                "size": 10 + 3 * min(deg, 15),
                "x": x,
                "y": y,
                "physics": physics,
                "title": "\n".join(info),
                "info": "\n".join(info),
            }
        )
    keep = set(g.nodes)
    edges = []
    for r in rels:
        if r.source not in keep or r.target not in keep:
            continue
        fam = FAMILY_STYLE[FAMILY[r.type]]
        text = _evidence_text(r, names, articles)
        edges.append(
            {
                "from": r.source,
                "to": r.target,
                "id": r.id,
                "rtype": r.type,
                "color": fam["color"],
                "dashes": fam["dashes"],
                "width": 1 + min(r.evidence_count, 8),
                "arrows": "" if r.type in SYMMETRIC else "to",
                "title": text,
                "info": text,
                "first": r.first_seen,
                "last": r.last_seen,
            }
        )
    note = (
        f"{omitted} less connected node(s) left out (showing the {limit} most connected)" if omitted else ""
    )
    page = render(title, subtitle, nodes, edges, legend(bloc_of is not None), omitted=note, physics=physics)
    return ViewPage(page, len(nodes), len(edges), omitted)


def alliance_page(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    physics: bool = False,
    limit: int = NODE_LIMIT,
) -> ViewPage:
    """Actors and the relations between them, coloured by alliance bloc."""
    from graph.analytics import alliance_blocs

    rels = _relations(store, RelationFilter(types=list(types) if types else None, since=since, until=until))  # type: ignore[arg-type]
    ids = {x for r in rels for x in (r.source, r.target)}
    sub = store.subgraph(ids)
    actor_kinds = [k for k in (kinds or ACTOR_KINDS) if k in ACTOR_KINDS]
    wanted = {x.id for x in rels}  # once: a set per relation made this quadratic
    sub = Subgraph(entities=sub.entities, relations=[r for r in sub.relations if r.id in wanted], events=[])
    report = alliance_blocs(store, since, until)
    window = f"{since or 'start'} to {until or 'now'}"
    return _graph_view(
        store,
        sub,
        "Alliance map",
        f"Evidence dated {window}; {len(report.blocs)} bloc(s)",
        kinds=actor_kinds,
        bloc_of=report.bloc_of,
        physics=physics,
        limit=limit,
    )


def actor_page(
    store: GraphStore,
    name: str,
    *,
    depth: int = 1,
    since: str | None = None,
    until: str | None = None,
    types: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    physics: bool = False,
    limit: int = NODE_LIMIT,
) -> ViewPage:
    """One entity and its neighbourhood to `depth` hops."""
    entity = store.find_entity(name)
    sub = store.neighbors(entity.id, depth=depth, types=types, since=since, until=until)  # type: ignore[arg-type]
    return _graph_view(
        store,
        sub,
        entity.name,
        f"{entity.kind.replace('_', ' ')}; neighbourhood to depth {depth}",
        kinds=kinds,
        bloc_of=None,
        physics=physics,
        limit=limit,
    )


def timeline_page(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Sequence[str] | None = None,
    physics: bool = False,
    limit: int = NODE_LIMIT,
) -> ViewPage:
    """Events in date order (x: date, lanes: event type) linked to their actors, targets and places."""
    events: list[Event] = []
    offset = 0
    while True:
        page = store.events(
            EventFilter(types=list(types) if types else None, since=since, until=until),
            limit=1000,
            offset=offset,
        )  # type: ignore[arg-type]
        events += page.items
        offset += 1000
        if offset >= page.total:
            break
    dated = [e for e in events if e.date]
    omitted = len(events) - len(dated)
    dated = dated[:limit]
    lanes = {t: i for i, t in enumerate(sorted({e.type for e in dated}))}
    day0 = min((_day(e.date) for e in dated), default=0)
    articles = _article_labels(store)
    ids = {x for e in dated for x in (*e.actors, *e.targets, *([e.location] if e.location else []))}
    ents = {e.id: e for e in store.subgraph(ids).entities}
    nodes: list[dict] = []
    edges: list[dict] = []
    placed: dict[str, float] = {}
    for i, ev in enumerate(dated):
        x = (_day(ev.date) - day0) * 60.0 + (i % 3) * 12
        y = lanes[ev.type] * 90.0
        lines = [f"{ev.type} {ev.date}: {ev.label or ''}", f"{ev.evidence_count} report(s)"]
        if ev.killed:
            lines.append(f"killed: {ev.killed}")
        for piece in ev.evidence[:5]:
            lines.append(
                f'- "{piece.sentence or ""}" ({articles.get(piece.article_id, piece.article_id)}, {piece.date or "undated"})'
            )
        text = "\n".join(lines)
        nodes.append(
            {
                "id": ev.id,
                "label": f"{ev.type}\n{ev.date}",
                "kind": "event",
                "shape": "star",
                "color": KIND_STYLE["event"]["color"],
                "size": 14,
                "x": x,
                "y": y,
                "physics": physics,
                "title": text,
                "info": text,
            }
        )
        for role, members in (
            ("actor", ev.actors),
            ("target", ev.targets),
            ("at", [ev.location] if ev.location else []),
        ):
            for m in members:
                if m not in ents:
                    continue
                if m not in placed:
                    placed[m] = x
                    e = ents[m]
                    st = KIND_STYLE.get(e.kind, KIND_STYLE["place"])
                    nodes.append(
                        {
                            "id": m,
                            "label": e.name,
                            "kind": e.kind,
                            "shape": st["shape"],
                            "color": st["color"],
                            "size": 9,
                            "x": x,
                            "y": -120.0 - (len(placed) % 6) * 45,
                            "physics": physics,
                            "title": e.name,
                            "info": e.name,
                        }
                    )
                style = FAMILY_STYLE[
                    "hostile" if role == "target" else "contact" if role == "at" else "cooperative"
                ]
                edges.append(
                    {
                        "from": m if role == "actor" else ev.id,
                        "to": ev.id if role == "actor" else m,
                        "id": f"{ev.id}:{role}:{m}",
                        "rtype": role,
                        "label": role,
                        "color": style["color"],
                        "dashes": role == "at",
                        "width": 1,
                        "arrows": "to",
                        "title": f"{role} of {ev.type} {ev.date}",
                        "info": text,
                        "first": ev.date,
                        "last": ev.date,
                    }
                )
    rows = [
        {
            "swatch": KIND_STYLE["event"]["color"],
            "style": "node",
            "text": "event (x: date, rows: PLOVER type)",
        },
        {"swatch": FAMILY_STYLE["cooperative"]["color"], "style": "solid", "text": "actor -> event"},
        {"swatch": FAMILY_STYLE["hostile"]["color"], "style": "solid", "text": "event -> target"},
        {"swatch": FAMILY_STYLE["contact"]["color"], "style": "dashed", "text": "event -> place"},
    ]
    note = f"{omitted} undated event(s) not placed on the timeline" if omitted else ""
    html = render(
        "Event timeline",
        f"{len(dated)} event(s); rows: {', '.join(lanes)}",
        nodes,
        edges,
        rows,
        omitted=note,
        physics=physics,
    )
    return ViewPage(html, len(nodes), len(edges), omitted)


def _day(value: str | None) -> int:
    text = value or "1970-01-01"
    text = text + "-01" * ((10 - len(text)) // 3)
    return date.fromisoformat(text).toordinal()
