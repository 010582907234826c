"""Alliance-map positions: each bloc laid out on its own, blocs packed apart, labels kept apart.

A pure function of the graph, the grouping and the labels, so the API can cache it per store version.
1. Each group (a bloc, or one unaligned actor) gets a local layout (`viz.layout.component_layout`).
2. Labels inside a group are pushed apart until no two label boxes overlap (boxes estimated from the
   label's length at the page's font size; nodes move with their labels).
3. Groups become discs (radius: the farthest label-box corner) packed around the centre, biggest
   first, each placed at the free spot nearest the centre with a gap: no box of one group can overlap
   a box of another, and every member is nearer its own group's centre than any other's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np

from viz.layout import component_layout

CHAR_W = 9.0  # px per character at the page's 15 px label font, rounded up (measured: ~8.2)
LABEL_H = 21.0
GAP = 90.0  # px between group discs


def label_box(label: str, size: float) -> tuple[float, float, float]:
    """(half width, top offset from the node centre, height) of a node and the label drawn under it."""
    return max(len(label) * CHAR_W + 6, 2 * size) / 2, -size, 2 * size + 4 + LABEL_H


def _separate(
    xy: np.ndarray, half_w: np.ndarray, top: np.ndarray, height: np.ndarray, rounds: int = 200
) -> np.ndarray:
    """Push overlapping label boxes apart along the axis of least overlap, until none overlap."""
    n = len(xy)
    if n < 2:
        return xy
    xy = xy.copy()
    for _ in range(rounds):
        cx = xy[:, 0]
        cy = xy[:, 1] + top + height / 2
        dx = cx[None, :] - cx[:, None]
        dy = cy[None, :] - cy[:, None]
        ox = half_w[None, :] + half_w[:, None] + 4 - np.abs(dx)
        oy = (height[None, :] + height[:, None]) / 2 + 4 - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        # Move along y when that overlap is smaller (labels are wide): cheaper, keeps rows readable.
        along_y = oy < ox
        sy = np.where(dy >= 0, 1.0, -1.0)
        sx = np.where(dx >= 0, 1.0, -1.0)
        # Identical positions: break the tie by index so the pair still separates.
        sy = np.where(dy == 0, np.sign(np.arange(n)[None, :] - np.arange(n)[:, None]), sy)
        push_y = np.where(hit & along_y, oy * sy / 2 + 0.5 * sy, 0.0).sum(axis=0)
        push_x = np.where(hit & ~along_y, ox * sx / 2 + 0.5 * sx, 0.0).sum(axis=0)
        xy[:, 0] += push_x * 0.6
        xy[:, 1] += push_y * 0.6
    return xy


SPOT_PACKED = 40  # discs placed at the nearest free spot (cubic cost); the rest go in rows below


def _pack(radii: Sequence[float], blocs: Sequence[bool]) -> list[tuple[float, float]]:
    """Centres for discs of these radii (biggest first). The first `SPOT_PACKED` each go to the free
    spot nearest the origin (distance stretched vertically: screens are wider than tall); the others,
    small ones, fill rows under them. Blocs keep `GAP` from each other; lone actors sit closer
    (`GAP / 2`), they need no room for a hull."""
    placed: list[tuple[float, float, float, bool]] = []
    out: list[tuple[float, float]] = []

    def gap(a: bool, b: bool) -> float:
        return GAP if a and b else GAP / 2

    head = list(zip(radii, blocs, strict=True))[:SPOT_PACKED]
    for r, bloc in head:
        spot = (0.0, 0.0)
        if placed:
            best = math.inf
            # Candidate spots: touching each placed disc, at 48 angles; keep the free one nearest 0.
            for px, py, pr, pb in placed:
                d = pr + r + gap(bloc, pb)
                for k in range(48):
                    a = 2 * math.pi * k / 48
                    x, y = px + d * math.cos(a), py + d * math.sin(a)
                    dist = math.hypot(x, y * 1.6)
                    if dist >= best:
                        continue
                    if all(
                        math.hypot(x - qx, y - qy) >= qr + r + gap(bloc, qb) - 1e-6
                        for qx, qy, qr, qb in placed
                    ):
                        best, spot = dist, (x, y)
        placed.append((spot[0], spot[1], r, bloc))
        out.append(spot)
    if len(radii) > len(head):
        left = min(px - pr for px, _, pr, _ in placed)
        right = max(px + pr for px, _, pr, _ in placed)
        width = max(right - left, 1600.0)
        x, y = left, max(py + pr for _, py, pr, _ in placed) + GAP
        row_h = 0.0
        for r in radii[len(head) :]:
            if x > left and x + 2 * r > left + width:
                x, y, row_h = left, y + row_h + GAP / 2, 0.0
            out.append((x + r, y + r))
            x += 2 * r + GAP / 2
            row_h = max(row_h, 2 * r)
    return out


def bloc_positions(
    g: nx.Graph,
    groups: Sequence[Sequence[str]],
    labels: Mapping[str, str],
    sizes: Mapping[str, float],
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Positions for every node of `g`; `groups` partition its nodes (biggest first); `labels` holds
    the labels that will be drawn (a node without one takes no label space)."""
    locals_: list[tuple[list[str], np.ndarray, float]] = []
    for members in groups:
        ids = list(members)
        local = component_layout(g.subgraph(ids), seed) if len(ids) > 1 else {ids[0]: (0.0, 0.0)}
        xy = np.array([local[i] for i in ids], dtype=float)
        boxes = [label_box(labels.get(i, ""), sizes.get(i, 10.0)) for i in ids]
        half_w = np.array([b[0] if labels.get(i) else 0.0 for b, i in zip(boxes, ids, strict=True)])
        top = np.array([b[1] for b in boxes])
        height = np.array([b[2] if labels.get(i) else 0.0 for b, i in zip(boxes, ids, strict=True)])
        labelled = height > 0
        if labelled.sum() > 1:
            xy[labelled] = _separate(xy[labelled], half_w[labelled], top[labelled], height[labelled])
        xy -= xy.mean(axis=0)
        reach = np.hypot(np.abs(xy[:, 0]) + half_w, np.abs(xy[:, 1]) + top + height)
        locals_.append((ids, xy, float(reach.max()) + 10))
    centres = _pack([r for _, _, r in locals_], [len(ids) > 1 for ids, _, _ in locals_])
    out: dict[str, tuple[float, float]] = {}
    for (ids, xy, _), (cx, cy) in zip(locals_, centres, strict=True):
        for i, (x, y) in zip(ids, xy, strict=True):
            out[i] = (float(x + cx), float(y + cy))
    return out
