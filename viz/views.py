"""The three views, read from any `GraphStore`: the alliance map, one actor's network, the timeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import networkx as nx

from graph.model import Relation
from graph.results import Page, Subgraph
from graph.store import GraphStore, RelationFilter
from viz.alliance_map import LABEL_CAP, AllianceMap, alliance_map
from viz.bloc_layout import bloc_positions
from viz.elements import ViewPage, edge_item, node_item, node_size
from viz.layout import keep_most_connected
from viz.render import render
from viz.styles import BLOC_COLORS, FAMILY, FAMILY_STYLE, KIND_STYLE, SYMMETRIC, legend

T = TypeVar("T")

NODE_LIMIT = 1500
API = "/api/v1"


def all_pages(fetch: Callable[[int, int], Page[T]], size: int = 1000) -> list[T]:
    """Every item of a paged store listing (`fetch(limit, offset)`), page after page."""
    out: list[T] = []
    offset = 0
    while True:
        page = fetch(size, offset)
        out += page.items
        offset += size
        if offset >= page.total:
            return out


def all_relations(store: GraphStore, flt: RelationFilter) -> list[Relation]:
    return all_pages(lambda limit, offset: store.relations(flt, limit=limit, offset=offset))


def article_labels(store: GraphStore) -> dict[str, str]:
    """Article id -> "source — title", for evidence lines."""
    return {a.id: " — ".join(x for x in (a.source, a.title) if x) or a.id for a in store.articles()}


def style_tables() -> dict[str, Any]:
    """Styles the page needs to draw items it receives later (expanded neighbours)."""
    return {
        "family": {t: FAMILY_STYLE[f] for t, f in FAMILY.items()},
        "kindStyle": KIND_STYLE,
        "symmetric": sorted(SYMMETRIC),
        "blocColors": BLOC_COLORS,
    }


def alliance_data(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    physics: bool = False,
    limit: int = NODE_LIMIT,
) -> AllianceMap:
    """The alliance map of the relations with evidence in [since, until] (reads the store once)."""
    flt = RelationFilter(types=list(types) if types else None, since=since, until=until)  # type: ignore[arg-type]
    rels = all_relations(store, flt)
    ids = {x for r in rels for x in (r.source, r.target)}
    wanted = {r.id for r in rels}  # once: a set per relation made this quadratic
    sub = store.subgraph(ids)
    sub = Subgraph(entities=sub.entities, relations=[r for r in sub.relations if r.id in wanted], events=[])
    return alliance_map(sub, article_labels(store), kinds=kinds, limit=limit, physics=physics)


def alliance_page(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    physics: bool = False,
    limit: int = NODE_LIMIT,
    served: bool = False,
) -> ViewPage:
    """Actors and the relations between them, laid out and shaded by alliance bloc."""
    amap = alliance_data(
        store, since=since, until=until, types=types, kinds=kinds, physics=physics, limit=limit
    )
    window = f"{since or 'start'} to {until or 'now'}"
    note = (
        f"{amap.omitted} less connected node(s) left out (showing the {limit} most connected)"
        if amap.omitted
        else ""
    )
    extra = {
        "mode": "alliances",
        "blocs": amap.blocs,
        "hostile": amap.hostile,
        "window": {"since": since, "until": until},
        "query": {"types": list(types or []), "kinds": list(kinds or [])},
    }
    html = render(
        "Alliance map",
        f"Evidence dated {window}; {len(amap.blocs)} bloc(s)",
        amap.nodes,
        amap.edges,
        legend(True),
        omitted=note,
        physics=physics,
        served=served,
        extra=extra,
    )
    return ViewPage(html, len(amap.nodes), len(amap.edges), amap.omitted)


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
    served: bool = False,
) -> ViewPage:
    """One entity and its neighbourhood to `depth` hops; served, a click expands a node's neighbours."""
    entity = store.find_entity(name)
    sub = store.neighbors(entity.id, depth=depth, types=types, since=since, until=until)  # type: ignore[arg-type]
    names = {e.id: e.name for e in sub.entities}
    ents = {e.id: e for e in sub.entities if not kinds or e.kind in kinds or e.id == entity.id}
    rels = [r for r in sub.relations if r.source in ents and r.target in ents]
    g = nx.Graph()
    g.add_nodes_from(ents)
    g.add_edges_from((r.source, r.target) for r in rels)
    g, omitted = keep_most_connected(g, limit)
    # Components as groups, so labels are kept apart as on the alliance map; labels capped by degree.
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), n))
    labelled = set(ranked[:LABEL_CAP]) | {entity.id}
    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    pos = bloc_positions(
        g, groups, {n: ents[n].name for n in labelled}, {n: node_size(g.degree(n)) for n in g.nodes}
    )
    articles = article_labels(store)
    nodes = [
        node_item(ents[n], g.degree(n), pos[n], color=None, labelled=n in labelled, physics=physics)
        for n in ranked
    ]
    keep = set(g.nodes)
    edges = [edge_item(r, names, articles) for r in rels if r.source in keep and r.target in keep]
    note = (
        f"{omitted} less connected node(s) left out (showing the {limit} most connected)" if omitted else ""
    )
    extra = {
        "mode": "actor",
        "root": entity.id,
        "query": {"types": list(types or []), "since": since, "until": until},
    }
    html = render(
        entity.name,
        f"{entity.kind.replace('_', ' ')}; neighbourhood to depth {depth}",
        nodes,
        edges,
        legend(False),
        omitted=note,
        physics=physics,
        served=served,
        extra=extra,
    )
    return ViewPage(html, len(nodes), len(edges), omitted)


def timeline_page(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Sequence[str] | None = None,
    physics: bool = False,
    served: bool = False,
) -> ViewPage:
    """The event timeline (see viz.timeline); `nodes` counts the events placed."""
    from viz.timeline import timeline_html

    html, placed, undated = timeline_html(store, since=since, until=until, types=types, served=served)
    return ViewPage(html, placed, 0, undated)
