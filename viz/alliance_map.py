"""The alliance map's content: a pure function of a (windowed) subgraph, so the API can cache it.

Blocs come from `graph.analytics.blocs_of` (cooperative components of the signed actor graph), the
positions from `viz.bloc_layout` (blocs apart, labels apart). Above `LABEL_CAP` nodes only the most
connected carry a label; the others show their name on hover and in search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.analytics import blocs_of, signed_ties
from graph.results import Subgraph
from viz.bloc_layout import bloc_positions
from viz.elements import edge_item, node_item, node_size
from viz.layout import keep_most_connected
from viz.styles import BLOC_COLORS

ACTOR_KINDS = {"person", "country", "organization", "armed_group", "group"}
LABEL_CAP = 150


@dataclass
class AllianceMap:
    """Nodes, edges (vis items), blocs and hostile bloc pairs of one window."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    blocs: list[dict[str, Any]] = field(default_factory=list)
    hostile: list[dict[str, Any]] = field(default_factory=list)
    omitted: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "edges": self.edges,
            "blocs": self.blocs,
            "hostile": self.hostile,
            "omitted": self.omitted,
        }


LONE = "#9e9e9e"  # an actor alone in its bloc (only hostile or no signed ties): no bloc colour


def bloc_color(index: int, size: int) -> str:
    return BLOC_COLORS[index % len(BLOC_COLORS)] if size > 1 else LONE


def alliance_map(
    sub: Subgraph,
    articles: dict[str, str],
    *,
    kinds: Sequence[str] | None = None,
    limit: int = 1500,
    physics: bool = False,
) -> AllianceMap:
    """Actors of `sub` (of `kinds`), their relations, blocs and positions."""
    wanted = [k for k in (kinds or ACTOR_KINDS) if k in ACTOR_KINDS]
    names = {e.id: e.name for e in sub.entities}
    ents = {e.id: e for e in sub.entities if e.kind in wanted}
    rels = [r for r in sub.relations if r.source in ents and r.target in ents]
    g = nx.Graph()
    g.add_nodes_from(ents)
    g.add_edges_from((r.source, r.target) for r in rels)
    g, omitted = keep_most_connected(g, limit)
    keep = set(g.nodes)
    rels = [r for r in rels if r.source in keep and r.target in keep]
    report = blocs_of(signed_ties(rels, ents), ents)
    # Groups for the layout: each bloc, then each actor with no signed tie on its own.
    groups = [[m.id for m in b.members] for b in report.blocs]
    groups += [[n] for n in sorted(keep - set(report.bloc_of), key=lambda n: (-g.degree(n), n))]
    ranked = sorted(keep, key=lambda n: (-g.degree(n), n))
    labelled = set(ranked[:LABEL_CAP])
    labels = {n: ents[n].name for n in labelled}
    sizes = {n: node_size(g.degree(n)) for n in keep}
    pos = bloc_positions(g, groups, labels, sizes)
    out = AllianceMap(omitted=omitted)
    for eid in ranked:
        bloc = report.bloc_of.get(eid)
        item = node_item(
            ents[eid],
            g.degree(eid),
            pos[eid],
            color=bloc_color(bloc, len(report.blocs[bloc].members)) if bloc is not None else LONE,
            labelled=eid in labelled,
            physics=physics,
        )
        item["bloc"] = bloc
        out.nodes.append(item)
    out.edges = [edge_item(r, names, articles) for r in rels]
    for b in report.blocs:
        top = ", ".join(m.name for m in b.members[:3]) + (" …" if len(b.members) > 3 else "")
        out.blocs.append(
            {
                "id": b.id,
                "color": bloc_color(b.id, len(b.members)),
                "label": f"Bloc {b.id + 1}: {top}" if len(b.members) > 1 else b.members[0].name,
                "members": [m.id for m in b.members],
            }
        )
    out.hostile = [{"blocs": list(p.blocs), "ties": p.ties} for p in report.hostile_pairs]
    return out
