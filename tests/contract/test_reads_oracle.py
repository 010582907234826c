"""Neighbours and shortest paths on a random graph, checked against answers computed here from the full
lists of relations and events (an oracle written independently of either store's queries).

The graph has parallel relations, both directions, several shortest paths of the same length, events with
actors, targets and places, and evidence dates spread over a year, so that the stores' look-ups through
adjacency, per-id reads and the bidirectional path search (embedded) are each exercised.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import networkx as nx
import pytest

from graph.model import RELATION_TYPES, Extraction, Relation
from graph.results import Path, Subgraph

KINDS = ["country", "person", "organization", "armed_group", "place"]
EVENT_TYPES = ["ASSAULT", "CONSULT", "AID", "PROTEST"]


def random_graph(seed: int, articles: int = 16, pool: int = 28) -> list[Extraction]:
    rng = random.Random(seed)
    names = [(f"Testland Unit {i:02d}", KINDS[i % len(KINDS)]) for i in range(pool)]
    out = []
    for a in range(articles):
        ents = rng.sample(names, 5)
        rels = [
            {
                "source": s[0],
                "type": rng.choice(RELATION_TYPES[:5]),  # few types: parallel relations are common
                "target": t[0],
                "evidence": f"Synthetic statement {a}-{j}.",
            }
            for j, (s, t) in enumerate(rng.sample(ents, 2) for _ in range(3))
        ]
        events = [
            {
                "type": rng.choice(EVENT_TYPES),
                "label": f"Synthetic event {a}",
                "date": f"2023-{1 + a % 12:02d}-0{1 + a % 9}",
                "actors": [ents[0][0]],
                "targets": [ents[1][0]] if a % 2 else [],
                "location": ents[4][0] if a % 3 == 0 else None,
                "evidence": f"Synthetic event statement {a}.",
            }
        ]
        out.append(
            Extraction.model_validate(
                {
                    "article": {
                        "url": f"https://example.org/oracle/{seed}/{a}",
                        "published": f"2023-{1 + a % 12:02d}-1{a % 9}",
                    },
                    "entities": [{"name": n, "kind": k} for n, k in ents],
                    "relations": rels,
                    "events": events,
                }
            )
        )
    return out


def in_window(rel: Relation, since: str | None, until: str | None) -> bool:
    for ev in rel.evidence:
        d = ev.date
        if not d or (since and d < since[: len(d)]) or (until and d[: len(until)] > until):
            continue
        return True
    return not since and not until


def expected_neighbours(store: Any, root: str, depth: int, **flt: Any) -> Subgraph:
    rels = store.relations(limit=100_000).items
    types = flt.get("types")
    rels = [
        r for r in rels if (not types or r.type in types) and in_window(r, flt.get("since"), flt.get("until"))
    ]
    seen, frontier, taken = {root}, {root}, {}
    for _ in range(depth):
        nxt = set()
        for r in rels:
            if r.source in frontier or r.target in frontier:
                taken[r.id] = r
                nxt |= {r.source, r.target} - seen
        seen |= nxt
        frontier = nxt
    events = [
        e
        for e in store.events(limit=100_000).items
        if seen & {*e.actors, *e.targets, *([e.location] if e.location else [])}
    ]
    return Subgraph(
        entities=sorted((store.get_entity(i) for i in seen), key=lambda e: e.id),
        relations=sorted(taken.values(), key=lambda r: r.id),
        events=sorted(events, key=lambda e: (e.date or "", e.id)),
    )


def expected_paths(store: Any, a: str, b: str, max_hops: int) -> list[Path]:
    rels = store.relations(limit=100_000).items
    g = nx.Graph()
    between: dict[frozenset[str], list[Relation]] = {}
    for r in rels:
        g.add_edge(r.source, r.target)
        between.setdefault(frozenset((r.source, r.target)), []).append(r)
    if a not in g or b not in g or not nx.has_path(g, a, b):
        return []
    if nx.shortest_path_length(g, a, b) > max_hops:
        return []
    out = []
    for nodes in nx.all_shortest_paths(g, a, b):
        steps = [sorted(between[frozenset(p)], key=lambda r: r.id) for p in itertools.pairwise(nodes)]
        ents = [store.get_entity(n) for n in nodes]
        out += [Path(entities=ents, relations=list(c)) for c in itertools.product(*steps)]
    return sorted(out, key=lambda p: ([e.id for e in p.entities], [r.id for r in p.relations]))


@pytest.mark.parametrize("seed", [3, 11])
def test_neighbours_match_the_oracle(store: Any, seed: int) -> None:
    store.upsert(random_graph(seed))
    ids = sorted({x for r in store.relations(limit=100_000).items for x in (r.source, r.target)})
    assert len(ids) > 20
    rng = random.Random(seed)
    filters: list[dict[str, Any]] = [
        {},
        {"types": ["SUPPORTS", "CONDEMNED"]},
        {"since": "2023-05"},
        {"until": "2023-03-15"},
    ]
    for root in rng.sample(ids, 6):
        for depth in (1, 2):
            for flt in filters:
                got = store.neighbors(root, depth=depth, **flt)
                assert got == expected_neighbours(store, root, depth, **flt), (root, depth, flt)


@pytest.mark.parametrize("seed", [3, 11])
def test_shortest_paths_match_the_oracle(store: Any, seed: int) -> None:
    store.upsert(random_graph(seed))
    ids = sorted({x for r in store.relations(limit=100_000).items for x in (r.source, r.target)})
    rng = random.Random(seed + 1)
    several = 0
    for _ in range(25):
        a, b = rng.sample(ids, 2)
        for hops in (1, 2, 3, 4):
            want = expected_paths(store, a, b, hops)
            got = store.shortest_paths(a, b, max_hops=hops, limit=10_000)
            assert got == want, (a, b, hops)
            several += len(want) > 1
    assert several > 5  # the graph does have several shortest paths between many pairs
