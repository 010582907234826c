"""Embedded read latency (issue 10): 1-hop neighbours and 3-hop shortest paths, this tree against a
named baseline commit, in one run on one graph. Results in bench/results/embedded-reads[-<size>].json.

    python bench/embedded_reads.py --mentions 200000 [--store DIR] [--baseline d813355] [--rounds 2]

Builds (or reuses, `--store`) a store of `bench/ingest.py`'s synthetic extractions (10 relation mentions
each, 20,000 actors), then measures in *fresh processes*, alternating baseline and current code round by
round on the same store: `--neighbours` random entities (`neighbors(id, depth=1)`) and `--paths` random
pairs (`shortest_paths(a, b, max_hops=3)`), the same samples for both. The baseline's code is `git
archive <ref> graph` in a temporary directory. Each process also hashes its answers: the two must agree
(same entities, relations and paths), or the run fails. Reported: p50/p99 per code (wall time, and the
process's CPU time per call, which other work on a shared machine inflates far less) and the ratios
baseline / current, with the load average (2 shared cores: read the ratios).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def child(path: str, neighbours: int, pairs: int, seed: int) -> dict[str, object]:
    """In a fresh process whose `sys.path` starts with the code under test."""
    from graph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(path)
    ids = sorted(r[0] for r in store.cypher("MATCH (e:Entity) RETURN e.id", row_limit=1_000_000).rows)
    rng = random.Random(seed)
    digest = hashlib.sha256()
    one_hop, one_hop_cpu = [], []
    for eid in rng.sample(ids, neighbours):
        c, t = time.process_time(), time.perf_counter()
        sub = store.neighbors(eid, depth=1)
        one_hop.append((time.perf_counter() - t) * 1000)
        one_hop_cpu.append((time.process_time() - c) * 1000)
        digest.update(sub.model_dump_json().encode())
    paths, paths_cpu = [], []
    found = 0
    for _ in range(pairs):
        a, b = rng.sample(ids, 2)
        c, t = time.process_time(), time.perf_counter()
        got = store.shortest_paths(a, b, max_hops=3)
        paths.append((time.perf_counter() - t) * 1000)
        paths_cpu.append((time.process_time() - c) * 1000)
        found += bool(got)
        for p in got:
            digest.update(p.model_dump_json().encode())
    stats = store.stats()
    store.close()
    return {
        "neighbours_ms": one_hop,
        "paths_ms": paths,
        "neighbours_cpu_ms": one_hop_cpu,
        "paths_cpu_ms": paths_cpu,
        "paths_found": found,
        "answers_sha256": digest.hexdigest(),
        "relations": stats.relations,
        "entities": stats.entities,
    }


def build(store_dir: Path, mentions: int) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.embedded import unique
    from bench.ingest import synthetic
    from graph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(store_dir / "graph.json")
    batch = 1000
    for start in range(0, mentions // 10, batch):
        store.upsert([unique(d, start) for d in synthetic(batch, seed=start)], batch_size=batch)
        print(f"built {(start + batch) * 10} mentions", file=sys.stderr, flush=True)
    store.close()


def run(code: Path, store: Path, args: argparse.Namespace) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    cmd = [sys.executable, __file__, "--child", str(store / "graph.json"), "--code", str(code)]
    out = subprocess.run(
        [*cmd, "--neighbours", str(args.neighbours), "--paths", str(args.paths), "--seed", str(args.seed)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def summary(xs: list[float]) -> dict[str, float]:
    return {"p50": round(pct(xs, 50), 1), "p99": round(pct(xs, 99), 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mentions", type=int, default=200_000)
    ap.add_argument("--store", help="a store directory to reuse (built there if empty)")
    ap.add_argument("--baseline", default="d813355", help="git ref of the baseline code")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--neighbours", type=int, default=200)
    ap.add_argument("--paths", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out")
    ap.add_argument("--child")
    ap.add_argument("--code")
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, args.code)
        print(json.dumps(child(args.child, args.neighbours, args.paths, args.seed)))
        return
    store = Path(args.store or tempfile.mkdtemp(prefix="kg-bench-reads-"))
    if not (store / "graph.lbug").exists():
        t = time.perf_counter()
        build(store, args.mentions)
        print(f"store built in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    base = Path(tempfile.mkdtemp(prefix="kg-bench-baseline-"))
    archive = subprocess.run(
        ["git", "archive", args.baseline, "graph"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
    load_start = os.getloadavg()
    runs: dict[str, list[dict[str, object]]] = {"baseline": [], "current": []}
    for rnd in range(args.rounds):
        for name, code in (("baseline", base), ("current", ROOT)):
            r = run(code, store, args)
            r["load_1min"] = round(os.getloadavg()[0], 1)
            runs[name].append(r)
            nb, ps = summary(r["neighbours_ms"]), summary(r["paths_ms"])  # type: ignore[arg-type]
            print(f"round {rnd} {name}: neighbours {nb}, paths {ps}, load {r['load_1min']}", file=sys.stderr)
    shutil.rmtree(base)
    hashes = {r["answers_sha256"] for rs in runs.values() for r in rs}
    if len(hashes) != 1:
        raise SystemExit(f"the baseline and the current code answered differently: {hashes}")
    result: dict[str, object] = {
        "baseline": args.baseline,
        "relations": runs["current"][0]["relations"],
        "entities": runs["current"][0]["entities"],
        "mentions": args.mentions,
        "neighbours_sampled": args.neighbours,
        "path_pairs": args.paths,
        "paths_found": runs["current"][0]["paths_found"],
        "answers_identical": True,
    }
    for name, rs in runs.items():
        nb = [x for r in rs for x in r["neighbours_ms"]]  # type: ignore[attr-defined]
        ps = [x for r in rs for x in r["paths_ms"]]  # type: ignore[attr-defined]
        nb_cpu = [x for r in rs for x in r["neighbours_cpu_ms"]]  # type: ignore[attr-defined]
        ps_cpu = [x for r in rs for x in r["paths_cpu_ms"]]  # type: ignore[attr-defined]
        result[name] = {
            "neighbours_1hop_ms": summary(nb),
            "paths_3hop_ms": summary(ps),
            # CPU time of the process per call (engine threads included): what the code costs, which
            # scheduling on a shared machine does not inflate the way it inflates wall time.
            "neighbours_1hop_cpu_ms": summary(nb_cpu),
            "paths_3hop_cpu_ms": summary(ps_cpu),
            # Each round's own p50 / p99: one round slowed by other work sets a pooled p99 alone.
            "neighbours_1hop_ms_per_round": [summary(r["neighbours_ms"]) for r in rs],  # type: ignore[arg-type]
            "load_per_round": [r["load_1min"] for r in rs],
        }
    b, c = result["baseline"], result["current"]
    result["baseline_over_current"] = {
        what: {q: round(b[what][q] / c[what][q], 2) for q in ("p50", "p99")}  # type: ignore[index]
        for what in ("neighbours_1hop_ms", "paths_3hop_ms", "neighbours_1hop_cpu_ms", "paths_3hop_cpu_ms")
    }
    result["load_average"] = {
        "start": [round(x, 1) for x in load_start],
        "end": [round(x, 1) for x in os.getloadavg()],
    }
    out = Path(args.out or ROOT / "bench" / "results" / "embedded-reads.json")
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
