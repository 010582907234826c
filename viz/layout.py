"""Node positions computed in Python, so the browser draws at once with physics off."""

from __future__ import annotations

import math

import networkx as nx


def positions(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Force-directed positions scaled to pixels; fewer iterations for big graphs (it stays readable)."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    iterations = 60 if n <= 500 else 30 if n <= 3000 else 12
    k = 2.0 / math.sqrt(n)  # roomier than the default: labels stay readable
    pos = nx.spring_layout(g, k=k, iterations=iterations, seed=seed)
    scale = 120 * math.sqrt(n)
    return {str(node): (float(x) * scale, float(y) * scale) for node, (x, y) in pos.items()}


def keep_most_connected(g: nx.Graph, limit: int) -> tuple[nx.Graph, int]:
    """The `limit` most connected nodes (and edges among them), and how many were left out."""
    if g.number_of_nodes() <= limit:
        return g, 0
    ranked = sorted(g.degree, key=lambda nd: (-nd[1], str(nd[0])))[:limit]
    return g.subgraph(n for n, _ in ranked).copy(), g.number_of_nodes() - limit
