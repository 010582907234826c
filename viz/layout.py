"""Node positions computed in Python, so the browser draws at once with physics off (groups are
arranged by viz.bloc_layout)."""

from __future__ import annotations

import math

import networkx as nx

# networkx's force-directed layout costs O(n^2) per iteration; above this size a component is placed
# radially instead (breadth-first rings around its best-connected node, children near their parent).
SPRING_LIMIT = 1500


def _radial(g: nx.Graph) -> dict[str, tuple[float, float]]:
    root = max(g.degree, key=lambda nd: (nd[1], str(nd[0])))[0]
    angle: dict[object, float] = {root: 0.0}
    layers: list[list[object]] = [[root]]
    seen = {root}
    while layers[-1]:
        nxt = []
        for parent in layers[-1]:
            for child in sorted(g.neighbors(parent), key=str):
                if child not in seen:
                    seen.add(child)
                    angle[child] = angle[parent]
                    nxt.append(child)
        layers.append(nxt)
    pos: dict[str, tuple[float, float]] = {str(root): (0.0, 0.0)}
    for depth, layer in enumerate(layers[1:], 1):
        ordered = sorted(layer, key=lambda v: angle[v])  # keep each subtree on its parent's side
        for i, node in enumerate(ordered):
            theta = 2 * math.pi * i / max(len(ordered), 1)
            angle[node] = theta
            pos[str(node)] = (depth * math.cos(theta), depth * math.sin(theta))
    return pos


def component_layout(g: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """One group of nodes laid out around the origin, in pixels (spring, or radial when large)."""
    n = g.number_of_nodes()
    if n == 1:
        return {str(next(iter(g.nodes))): (0.0, 0.0)}
    if n <= SPRING_LIMIT:
        pos = nx.spring_layout(g, k=2.0 / math.sqrt(n), iterations=60 if n <= 500 else 30, seed=seed)
    else:
        pos = _radial(g)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    radius = 60 * math.sqrt(n)  # pixels: a component's area grows with its size
    return {
        str(node): ((x - cx) / span * 2 * radius, (y - cy) / span * 2 * radius)
        for node, (x, y) in pos.items()
    }


def keep_most_connected(g: nx.Graph, limit: int) -> tuple[nx.Graph, int]:
    """The `limit` most connected nodes (and edges among them), and how many were left out."""
    if g.number_of_nodes() <= limit:
        return g, 0
    ranked = sorted(g.degree, key=lambda nd: (-nd[1], str(nd[0])))[:limit]
    return g.subgraph(n for n, _ in ranked).copy(), g.number_of_nodes() - limit
