"""The embedded store at scale (issue 10 targets), one run, results in bench/results/embedded.json.

    python bench/embedded.py [--mentions 1000000] [--batch 500] [--probe 200000,500000]

Ingests `bench/ingest.py`'s synthetic extractions (10 relation mentions each) into a fresh store, one
batch of `--batch` extractions per write, and records every batch's time and the process's peak RSS.
The baseline is the run's own first batch: the target is last batch <= 2x first. When the store passes
each probe size (in relation mentions), the ingest pauses and a *fresh process* opens the store and
measures the first Cypher query (open included), 1-hop neighbours (200 entities) and 3-hop shortest
paths (50 pairs).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import synthetic  # noqa: E402
from graph.model import Extraction  # noqa: E402


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def probe(path: str) -> dict[str, object]:
    """Run in a fresh process: first query after start, then neighbour and path latencies."""
    from graph.stores.embedded import EmbeddedStore

    t0 = time.perf_counter()
    store = EmbeddedStore(path)
    first = store.cypher(
        "MATCH (a:Entity)-[r]-(b:Entity) WHERE a.id = $id RETURN type(r) AS t, b.name ORDER BY t LIMIT 20",
        {"id": "country:actor-00000"},
    )
    first_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    count = store.cypher("MATCH ()-[r]->() RETURN count(r) AS n").rows[0][0]
    count_s = time.perf_counter() - t1
    ids = sorted(r[0] for r in store.cypher("MATCH (e:Entity) RETURN e.id", row_limit=100_000).rows)
    rng = random.Random(7)
    one_hop = []
    for eid in rng.sample(ids, 200):
        t = time.perf_counter()
        store.neighbors(eid, depth=1)
        one_hop.append((time.perf_counter() - t) * 1000)
    paths = []
    found = 0
    for _ in range(50):
        a, b = rng.sample(ids, 2)
        t = time.perf_counter()
        found += bool(store.shortest_paths(a, b, max_hops=3))
        paths.append((time.perf_counter() - t) * 1000)
    s = store.stats()
    store.close()
    return {
        "relations": s.relations,
        "entities": s.entities,
        "first_query_s": round(first_s, 3),
        "first_query_rows": len(first.rows),
        "count_all_relations_s": round(count_s, 3),
        "count_all_relations": count,
        "neighbors_1hop_ms": {"p50": round(pct(one_hop, 50), 1), "p99": round(pct(one_hop, 99), 1)},
        "paths_3hop_ms": {"p50": round(pct(paths, 50), 1), "p99": round(pct(paths, 99), 1), "found": found},
        "probe_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def unique(ex: Extraction, start: int) -> Extraction:
    """The extraction under an article URL of its own (synthetic() numbers articles from 0 per call)."""
    data = ex.model_dump(mode="json", exclude_none=True)
    data["article"]["url"] += f"/{start}"
    data["article"].pop("id", None)
    return Extraction.model_validate(data)


def ingest(mentions: int, batch: int, probes: list[int]) -> dict[str, object]:
    from graph.stores.embedded import EmbeddedStore

    n = mentions // 10
    home = Path(tempfile.mkdtemp(prefix="kg-bench-embedded-"))
    path = str(home / "graph.json")
    store = EmbeddedStore(path)
    times: list[float] = []
    probed: dict[str, object] = {}
    done = 0
    pending = sorted(probes)
    for start in range(0, n, batch):
        data = [unique(d, start) for d in synthetic(min(batch, n - start), seed=start)]
        t = time.perf_counter()
        store.upsert(data, batch_size=batch)
        times.append(time.perf_counter() - t)
        done += sum(len(d.relations) for d in data)
        if pending and done >= pending[0]:
            store.close()
            out = subprocess.run(
                [sys.executable, __file__, "--probe-child", path], capture_output=True, text=True, check=True
            )
            probed[str(pending.pop(0))] = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"probe at {done} mentions: {probed}", file=sys.stderr, flush=True)
        if len(times) % 20 == 0:
            print(f"{done} mentions, last batch {times[-1]:.2f} s", file=sys.stderr, flush=True)
    stats = store.stats()
    store.close()
    size = sum(f.stat().st_size for f in (home / "graph.lbug").iterdir())
    head, tail = times[: max(1, len(times) // 20)], times[-max(1, len(times) // 20) :]
    return {
        "relation_mentions": done,
        "extractions_per_batch": batch,
        "batches": len(times),
        "seconds": round(sum(times), 1),
        "rel_mentions_per_s": round(done / sum(times)),
        "first_batch_s": round(times[0], 3),
        "last_batch_s": round(times[-1], 3),
        "first_5pct_mean_s": round(statistics.mean(head), 3),
        "last_5pct_mean_s": round(statistics.mean(tail), 3),
        "last_over_first": round(statistics.mean(tail) / statistics.mean(head), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "store_mb": round(size / 1e6, 1),
        "stored": {"entities": stats.entities, "relations": stats.relations, "articles": stats.articles},
        "probes": probed,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--probe", default="200000,500000")
    ap.add_argument("--probe-child")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "embedded.json"))
    args = ap.parse_args()
    if args.probe_child:
        print(json.dumps(probe(args.probe_child)))
        return
    probes = [int(x) for x in args.probe.split(",") if x]
    result = {"ingest": ingest(args.mentions, args.batch, probes)}
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
