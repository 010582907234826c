"""The synthetic graphs the API and search benches (and the large schemathesis run) build.

`synthetic(n)`: extractions over `n` named actors of every kind, with aliases, relations and events,
for the schemathesis run on a large graph. `build(store, n_ent, n_rel)`: a store of `n_ent` actors
("Actor 000123") joined by `n_rel` relations, loaded in batches, for bench/api.py and bench/search.py.
"""

from __future__ import annotations

import random
import time

from graph.model import EVENT_TYPES, RELATION_TYPES, Extraction

KINDS = ("country", "person", "organization", "armed_group", "group", "place")


def synthetic(n_ent: int, per: int = 50, rels: int = 25, events: int = 2, seed: int = 7) -> list[Extraction]:
    """A graph of `n_ent` entities in articles of `per` entities each (every entity in one), with random
    relations inside and across articles, events, aliases and dates: the large graph of the no-500 test
    (tests/api/test_schemathesis_large.py), quick to write because each entity is written once."""
    rng = random.Random(seed)
    names = [f"Actor {i:06d}" for i in range(n_ent)]
    out = []
    for a in range(0, n_ent, per):
        mine = names[a : a + per]
        day = f"2024-{1 + a // per % 12:02d}-{1 + a % 28:02d}"
        relations = []
        for _ in range(rels):
            s, t = rng.choice(mine), rng.choice(mine if rng.random() < 0.7 else names[: a + per])
            if s != t:
                relations.append({"source": s, "type": rng.choice(RELATION_TYPES), "target": t})
        named = {n for r in relations for n in (r["source"], r["target"])} | set(mine)
        evs = [
            {
                "type": rng.choice(EVENT_TYPES),
                "date": day,
                "actors": [rng.choice(mine)],
                "targets": [rng.choice(mine)],
                "location": mine[-1],
            }
            for _ in range(events)
        ]
        out.append(
            Extraction.model_validate(
                {
                    "article": {"url": f"https://example.org/large/{a}", "published": day},
                    "entities": [
                        {
                            "name": n,
                            "kind": "place" if n == mine[-1] else KINDS[int(n[-6:]) % 5],
                            "aliases": [f"A{n[-6:]}"] if int(n[-6:]) % 7 == 0 else [],
                        }
                        for n in sorted(named)
                    ],
                    "relations": relations,
                    "events": evs,
                }
            )
        )
    return out


def build(store, n_ent: int, n_rel: int, seed: int = 3) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    names = [f"Actor {i:06d}" for i in range(n_ent)]
    per = 50  # relations per synthetic article
    batch = []
    t0 = time.perf_counter()
    for a in range(0, n_rel, per):
        rels = []
        ents: dict[str, str] = {}
        for _ in range(per):
            s, t = rng.sample(names, 2)
            ents[s] = ents[t] = "country"
            rels.append({"source": s, "type": rng.choice(RELATION_TYPES[:9]), "target": t})
        batch.append(
            Extraction.model_validate(
                {
                    "article": {"url": f"https://example.org/api/{a}"},
                    "entities": [{"name": k, "kind": v} for k, v in ents.items()],
                    "relations": rels,
                }
            )
        )
        if len(batch) == 400:
            store.upsert(batch, batch_size=400)
            batch = []
            print(f"  loaded {a + per:,} relations ({time.perf_counter() - t0:.0f} s)", flush=True)
    if batch:
        store.upsert(batch, batch_size=400)
    # Entities never drawn into a relation still exist in the graph, as isolated actors.
    missing = [n for n in names if not store.search_entities(n, limit=1).total] if n_ent <= 1000 else []
    if missing:
        store.upsert(
            [
                Extraction.model_validate(
                    {
                        "article": {"url": "https://example.org/api/isolated"},
                        "entities": [{"name": m, "kind": "country"} for m in missing],
                    }
                )
            ]
        )
