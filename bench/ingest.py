"""Ingestion speed: batched `UNWIND ... MERGE` (Neo4jStore.upsert) against row-by-row MERGE, one run.

    python bench/ingest.py --uri bolt://127.0.0.1:7687 [--n 10000] [--row-subset 1000]

10,000 synthetic extractions (about 50,000 entity mentions and 100,000 relation mentions over a pool of
actors, so most entities and many relations merge). The row-by-row baseline sends one MERGE statement
per entity and per relation, each in its own transaction, over the first `--row-subset` extractions
(the same data; its rate is what matters). Also the same ingestion into the embedded store, with its
peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.model import RELATION_TYPES, Extraction  # noqa: E402

KINDS = ["country", "person", "organization", "armed_group", "place"]


def synthetic(n: int, seed: int = 42) -> list[Extraction]:
    """`n` extractions of 5 entities and 10 relations each, drawn from a pool of 20,000 names."""
    rng = random.Random(seed)
    pool = [(f"Actor {i:05d}", KINDS[i % len(KINDS)]) for i in range(20_000)]
    out = []
    for a in range(n):
        ents = rng.sample(pool, 5)
        rels = []
        for _ in range(10):
            s, t = rng.sample(ents, 2)
            rels.append(
                {
                    "source": s[0],
                    "type": rng.choice(RELATION_TYPES),
                    "target": t[0],
                    "evidence": f"sentence {a}-{len(rels)}",
                }
            )
        out.append(
            Extraction.model_validate(
                {
                    "article": {
                        "url": f"https://example.org/bench/{a}",
                        "published": f"2022-{1 + a % 12:02d}-{1 + a % 28:02d}",
                    },
                    "entities": [{"name": e[0], "kind": e[1]} for e in ents],
                    "relations": rels,
                }
            )
        )
    return out


def row_by_row(driver, data: list[Extraction]) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """The naive loader: one MERGE per entity and per relation, each in its own transaction."""
    from graph.stores import neo4j_queries as Q
    from graph.stores.props import entity_props, relation_props

    n_rel = 0
    t0 = time.perf_counter()
    with driver.session() as s:
        for ex in data:
            rec = ex.to_records()
            for e in rec.entities:
                s.execute_write(
                    lambda tx, e=e: tx.run(
                        f"MERGE (n:Entity {{id: $id}}) ON CREATE SET n += $p, n:{e.kind.title().replace('_', '')}",
                        id=e.id,
                        p=entity_props(e),
                    ).consume()
                )
            for r in rec.relations:
                s.execute_write(
                    lambda tx, r=r: tx.run(
                        Q.MERGE_ONE_RELATION[r.type],
                        source=r.source,
                        target=r.target,
                        props=relation_props(r),
                    ).consume()
                )
                n_rel += 1
    return n_rel, time.perf_counter() - t0


def embedded_child(n: int) -> None:
    from graph.stores.embedded import EmbeddedStore

    data = synthetic(n)
    mentions = sum(len(x.relations) for x in data)
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "kg-bench-embedded.json"
    path.unlink(missing_ok=True)
    store = EmbeddedStore(path)
    t0 = time.perf_counter()
    store.upsert(data, batch_size=2000)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s = store.stats()
    print(
        json.dumps(
            {
                "relation_mentions": mentions,
                "seconds": round(dt, 2),
                "rel_per_s": round(mentions / dt),
                "peak_rss_mb": round(peak),
                "stored": {"entities": s.entities, "relations": s.relations},
                "file_mb": round(path.stat().st_size / 1e6, 1),
            }
        )
    )
    path.unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "actorgraph"))
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--row-subset", type=int, default=1000)
    ap.add_argument("--embedded-child", action="store_true")
    args = ap.parse_args()
    if args.embedded_child:
        embedded_child(args.n)
        return
    from neo4j import GraphDatabase

    from graph.stores.neo4j import Neo4jStore

    data = synthetic(args.n)
    ent_mentions = sum(len(x.entities) for x in data)
    rel_mentions = sum(len(x.relations) for x in data)
    driver = GraphDatabase.driver(args.uri, auth=("neo4j", args.password))
    store = Neo4jStore(driver)
    store.clear()
    n_rows, t_rows = row_by_row(driver, data[: args.row_subset])
    store.clear()
    t0 = time.perf_counter()
    store.upsert(data, batch_size=1000)
    t_batch = time.perf_counter() - t0
    stats = store.stats()
    store.clear()
    driver.close()
    emb = subprocess.run(
        [sys.executable, __file__, "--embedded-child", "--n", str(args.n)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = {
        "extractions": args.n,
        "entity_mentions": ent_mentions,
        "relation_mentions": rel_mentions,
        "neo4j_batched": {
            "seconds": round(t_batch, 2),
            "rel_per_s": round(rel_mentions / t_batch),
            "stored": {"entities": stats.entities, "relations": stats.relations},
        },
        "neo4j_row_by_row": {
            "extractions": args.row_subset,
            "relation_mentions": n_rows,
            "seconds": round(t_rows, 2),
            "rel_per_s": round(n_rows / t_rows),
        },
        "embedded": json.loads(emb.stdout.strip().splitlines()[-1]),
    }
    result["ratio_batched_over_row_by_row"] = round(
        result["neo4j_batched"]["rel_per_s"] / result["neo4j_row_by_row"]["rel_per_s"], 1
    )
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "ingest.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
