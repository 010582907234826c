"""All shortest paths between two entities on the embedded store: a bidirectional search in Python.

The engine's `ALL SHORTEST` walks from one end only, so at three hops it reaches most of a graph whose
entities have a few dozen relations each (226 ms p50 at 500k relations). Searching from both ends and
always growing the smaller frontier meets in the middle after reading two or three neighbourhoods; only
ids are read while searching, properties only for the paths returned (docs/embedded.md).

Paths are returned in the stores' order (by entity ids, then relation ids), the first `limit` of all the
shortest ones: node sequences are enumerated in order and, for each, the parallel relations of its
steps in order, so nothing beyond `limit` is built.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator
from typing import Any

from graph.stores.embedded_reads import adjacent, adjacent_around

Step = tuple[str, str, str]  # (relation id, source id, type)
# The last step is filtered in the engine (`b.id IN $to`) when the other side has at most this many
# nodes: a membership test per row against a longer list would cost more than the rows it saves.
LAST_STEP_FILTER = 512


class Side:
    """One end's search: each node's distance from the end, and its steps back towards the end."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.level: dict[str, int] = {root: 0}
        self.back: dict[str, dict[str, list[Step]]] = {}  # node -> nearer node -> steps between them
        self.frontier: list[str] = [root]
        self.depth = 0

    def grow(self, conn: Any, towards: Collection[str] | None = None) -> list[str]:
        """Read the frontier's relations, take the next level; returns its new nodes.

        `towards`: the search's last step, which only needs the new nodes among these (the other side's);
        the engine then returns only the relations that reach them (the others' nodes would never be
        read again)."""
        nxt = self.depth + 1
        new: list[str] = []
        # At depth 1 the frontier is all the root's neighbours: walk to them from the root (no look-up
        # per node); deeper frontiers are read by id.
        if self.depth == 1:
            rows = adjacent_around(conn, self.root, sorted(towards) if towards else None)
        else:
            rows = adjacent(conn, self.frontier)
        for node, other, rid, rtype, outgoing in rows:
            seen = self.level.get(other)
            if seen is None:
                self.level[other] = nxt
                new.append(other)
            elif seen != nxt:
                continue
            src = node if outgoing else other
            self.back.setdefault(other, {}).setdefault(node, []).append((rid, src, rtype))
        self.frontier = new
        self.depth = nxt
        return new


def search(conn: Any, source: str, target: str, max_hops: int) -> tuple[Side, Side, set[str]] | None:
    """Grow both ends until they meet or `max_hops` is spent; the meeting nodes, or None."""
    s, t = Side(source), Side(target)
    while s.depth + t.depth < max_hops and s.frontier and t.frontier:
        side, other = (s, t) if len(s.frontier) <= len(t.frontier) else (t, s)
        last = s.depth + t.depth + 1 == max_hops and len(other.level) <= LAST_STEP_FILTER
        meet = {n for n in side.grow(conn, other.level.keys() if last else None) if n in other.level}
        if meet:
            return s, t, meet
    return None


def paths(
    conn: Any, source: str, target: str, max_hops: int, limit: int
) -> list[tuple[list[str], list[Step]]]:
    """The first `limit` shortest paths as (node ids, steps), in the stores' order."""
    found = search(conn, source, target, max_hops) if limit > 0 else None
    if found is None:
        return []
    s, t, meet = found
    # Forward from the source: each node's next nodes that still lead to a meeting node.
    ahead: dict[str, set[str]] = {}
    layer = set(meet)
    while layer:
        prev: set[str] = set()
        for node in layer:
            for nearer in s.back.get(node, {}):
                ahead.setdefault(nearer, set()).add(node)
                prev.add(nearer)
        layer = prev

    def nodes_from(node: str) -> Iterator[list[str]]:
        if node in meet:
            yield from towards_target(node)
            return
        for nxt in sorted(ahead.get(node, ())):
            for rest in nodes_from(nxt):
                yield [node, *rest]

    def towards_target(node: str) -> Iterator[list[str]]:
        if node == target:
            yield [node]
            return
        for nearer in sorted(t.back.get(node, {})):
            for rest in towards_target(nearer):
                yield [node, *rest]

    def steps(a: str, b: str) -> list[Step]:
        # Before the meeting node a step is on the source's side (b one level further from the source),
        # after it on the target's side (b one level nearer the target); the sides share no such pair.
        back = s.back.get(b, {}).get(a)
        return sorted(set(back if back is not None else t.back[a][b]))

    out: list[tuple[list[str], list[Step]]] = []
    for seq in nodes_from(source):
        options = [steps(a, b) for a, b in itertools.pairwise(seq)]
        for combo in itertools.product(*options):
            out.append((seq, list(combo)))
            if len(out) >= limit:
                return out
    return out
