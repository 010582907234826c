"""The embedded store at scale (issue 10 targets), one run, results in bench/results/embedded.json.

    python bench/embedded.py [--mentions 1000000] [--batch 500] [--probe 200000,500000]
    python bench/embedded.py --resolver 100000    # resolution at ingest, lazy index vs full index

Ingests `bench/ingest.py`'s synthetic extractions (10 relation mentions each) into a fresh store, one
batch of `--batch` extractions per write, and records every batch's time and the process's peak RSS.
The baseline is the run's own first batch: the target is last batch <= 2x first. When the store passes
each probe size (in relation mentions), the ingest pauses and a *fresh process* opens the store and
measures the first Cypher query (open included), 1-hop neighbours (200 entities) and 3-hop shortest
paths (50 pairs). Every batch's time and the WAL size go to stderr as they happen, the curve (every
batch time) to the results, with the load average at start and end (2 shared cores: absolute speeds are
noisy, the ratio is the figure).

`--resolver N` builds a store of N entities (resolution off), then ingests the same batches with
resolution on twice: with the resolver's lazy index (what `kg ingest` uses) and with the full index read
from the store (the previous behaviour), alternating, on copies of one store; it reports both and the
ratio.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import resource
import shutil
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


def ingest(
    mentions: int, batch: int, probes: list[int], keep: dict[int, str] | None = None
) -> dict[str, object]:
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
            size = pending.pop(0)
            probed[str(size)] = json.loads(out.stdout.strip().splitlines()[-1])
            if keep and size in keep:  # a copy of the store at this size, for bench/embedded_reads.py
                shutil.copytree(home, keep[size], dirs_exist_ok=True)
            print(f"probe at {done} mentions: {probed}", file=sys.stderr, flush=True)
        wal = home / "graph.lbug" / "graph.lbug.wal"
        wal_mb = wal.stat().st_size / 1e6 if wal.exists() else 0.0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{done} mentions, batch {len(times)} {times[-1]:.2f} s, wal {wal_mb:.0f} MB, "
            f"peak rss {rss:.0f} MB, load {os.getloadavg()[0]:.1f}",
            file=sys.stderr,
            flush=True,
        )
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
        "batch_s": [round(t, 2) for t in times],
    }


def name_of(i: int) -> tuple[str, str]:
    """The i-th of the resolver run's distinct two-word names, a person or an organisation."""
    first, last = FIRST[i % len(FIRST)], LAST[i // len(FIRST) % len(LAST)]
    suffix = i // (len(FIRST) * len(LAST))
    return f"{first} {last}{suffix or ''}", "person" if i % 2 else "organization"


def named(n: int, seed: int, pool: int, fresh: bool = False) -> list[Extraction]:
    """Extractions naming 5 actors each: random ones of the pool, or (`fresh`) the next 5 of it."""
    rng = random.Random(seed)
    out = []
    for a in range(n):
        picks = (
            [(seed * n + a) * 5 + k for k in range(5)] if fresh else [rng.randrange(pool) for _ in range(5)]
        )
        ents = list(dict.fromkeys(name_of(i % pool) for i in picks))
        rels = [
            {"source": ents[0][0], "type": "MET_WITH", "target": e[0], "evidence": f"line {seed}-{a}-{j}"}
            for j, e in enumerate(ents[1:])
        ]
        out.append(
            Extraction.model_validate(
                {
                    "article": {"url": f"https://example.org/resolver/{seed}/{a}", "published": "2023-04-05"},
                    "entities": [{"name": e[0], "kind": e[1]} for e in ents],
                    "relations": rels,
                }
            )
        )
    return out


FIRST = [f"{c}{v}{d}" for c in "BDGKLMNPRSTV" for v in "aeiou" for d in ("ran", "lek", "mir")]  # 180
# Surnames: `--surnames few` gives 260 (big resolver buckets: every name shares its last-word skeleton
# with ~190 others), `many` gives 15,600 (about 3 per bucket, closer to the names of real news).
LAST_FEW = [f"{c}{v}{d}ov" for c in "BDGKLMNPRSTVZ" for v in "aeiou" for d in ("sk", "rt", "lm", "nd")]
LAST_MANY = [
    f"{c}{v}{d}{w}{e}"
    for c in "BDGKLMNPRSTVZ"
    for v in "aeiou"
    for d in ("sk", "rt", "lm", "nd")
    for w in "bfhjkmprst"
    for e in ("ov", "ani", "ez", "ic", "son", "ura")
]
LAST = LAST_FEW


def resolver(entities: int, batch: int) -> dict[str, object]:
    """Resolution at ingest on a store of `entities` entities: lazy index against the full one."""
    from graph.entity_index import EntityIndex
    from graph.resolve import Resolver
    from graph.resolve import ingest as resolved_ingest
    from graph.stores.embedded import EmbeddedStore

    home = Path(tempfile.mkdtemp(prefix="kg-bench-resolver-"))
    base = home / "base"
    store = EmbeddedStore(base / "graph.json")
    pool = entities
    seed = 0
    while seed * 2000 * 5 < entities:
        store.upsert(named(2000, seed, pool, fresh=True), batch_size=2000)  # resolution off: plain writes
        seed += 1
        print(f"resolver store: {store.stats().entities} entities", file=sys.stderr, flush=True)
    store.search_entities("x")  # the search index (and its resolver keys) is built once, here
    store.close()
    runs: dict[str, list[float]] = {"lazy": [], "full": []}
    for rnd in range(2):
        for mode in ("lazy", "full"):
            copy = home / f"{mode}{rnd}"
            shutil.copytree(base, copy)
            s = EmbeddedStore(copy / "graph.json")
            t = time.perf_counter()
            r = Resolver(s)
            if mode == "full":
                r.index = EntityIndex.from_store(s)
            resolved_ingest(s, named(batch, 1000 + rnd, pool), batch_size=batch, resolver=r)
            runs[mode].append(time.perf_counter() - t)
            print(f"resolver {mode} round {rnd}: {runs[mode][-1]:.2f} s", file=sys.stderr, flush=True)
            s.close()
            shutil.rmtree(copy)
    stats = EmbeddedStore(base / "graph.json").stats()
    shutil.rmtree(home)
    lazy, full = min(runs["lazy"]), min(runs["full"])
    return {
        "entities": stats.entities,
        "extractions_per_batch": batch,
        "lazy_index_s": round(lazy, 2),
        "full_index_s": round(full, 2),
        "full_over_lazy": round(full / lazy, 2),
        "runs_s": {k: [round(x, 2) for x in v] for k, v in runs.items()},
    }


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("graph.stores.embedded_lease").setLevel(logging.INFO)  # checkpoints, with their time
    ap = argparse.ArgumentParser()
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--probe", default="200000,500000")
    ap.add_argument("--keep", default="", help="SIZE:DIR,...: copy the store to DIR at that probe")
    ap.add_argument("--probe-child")
    ap.add_argument("--resolver", type=int, default=0, help="entities in the store for the resolver run")
    ap.add_argument("--surnames", choices=["few", "many"], default="many", help="resolver run's name pool")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "embedded.json"))
    args = ap.parse_args()
    if args.probe_child:
        print(json.dumps(probe(args.probe_child)))
        return
    load_start = os.getloadavg()
    result: dict[str, object]
    if args.resolver:
        global LAST
        LAST = LAST_MANY if args.surnames == "many" else LAST_FEW
        result = {"resolver": {"surnames": args.surnames, **resolver(args.resolver, args.batch)}}
    else:
        probes = [int(x) for x in args.probe.split(",") if x]
        keep = {int(k): v for k, _, v in (x.partition(":") for x in args.keep.split(",") if x)}
        result = {"ingest": ingest(args.mentions, args.batch, probes, keep)}
    result["load_average"] = {
        "start": [round(x, 1) for x in load_start],
        "end": [round(x, 1) for x in os.getloadavg()],
    }
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
