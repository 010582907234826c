"""The alliance layout as a pure function: blocs apart, label boxes apart, deterministic."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from viz.bloc_layout import bloc_positions, label_box


def _blocs_graph(lone: int) -> tuple[nx.Graph, list[list[str]]]:
    g = nx.Graph()
    groups = []
    for b in range(4):
        members = [f"b{b}m{i}" for i in range(3 + 2 * b)]
        nx.add_path(g, members)
        groups.append(members)
    g.add_edge("b0m0", "b3m0")  # a hostile tie between blocs is an edge like any other
    groups.sort(key=len, reverse=True)
    groups += [[f"lone{i}"] for i in range(lone)]
    g.add_nodes_from(f"lone{i}" for i in range(lone))
    return g, groups


@pytest.mark.parametrize("lone", [2, 80])  # 80: more groups than are spot-packed, the rest in rows
def test_members_nearer_their_own_bloc_and_labels_apart(lone: int) -> None:
    g, groups = _blocs_graph(lone)
    labels = {n: f"Actor with a long name {n}" for n in g.nodes}
    sizes = dict.fromkeys(g.nodes, 12.0)
    pos = bloc_positions(g, groups, labels, sizes)
    assert set(pos) == set(g.nodes)
    centres = [
        (sum(pos[m][0] for m in grp) / len(grp), sum(pos[m][1] for m in grp) / len(grp)) for grp in groups
    ]
    for i, grp in enumerate(groups):
        for m in grp:
            own = math.dist(pos[m], centres[i])
            assert all(own < math.dist(pos[m], c) for j, c in enumerate(centres) if j != i), m
    boxes = []
    for n, (x, y) in pos.items():
        hw, top, h = label_box(labels[n], sizes[n])
        boxes.append((x - hw, y + top, x + hw, y + top + h))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert bloc_positions(g, groups, labels, sizes) == pos  # deterministic: cacheable per version
