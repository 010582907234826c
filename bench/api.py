"""API speed: requests over loopback to uvicorn, against the same queries called directly on the store.

    python bench/api.py --store embedded|neo4j [--entities 100000 --relations 500000] [--requests 300]

Builds a synthetic graph in the store, serves it with uvicorn in a second process, and drives three
queries from this process: entity search, 1-hop neighbours and a 3-hop shortest path. Reports
requests/s and p50/p99 latency over HTTP and for direct calls, and the HTTP overhead ratio (p50).
Goal: p99 of 1-hop neighbours under 50 ms on Neo4j; search p99 under 20 ms at 100k entities.

    python bench/api.py --store neo4j --reuse --baseline-src /tmp/main-src

`--reuse` keeps a graph already in the store (and in `KG_HOME` for embedded) instead of building it;
`--baseline-src` also serves the same store from another source tree (e.g. `git archive main`) and sends
every HTTP request to both servers in turn, so the two are measured in the same minutes, under the same
load, and reported side by side with their ratio.

    python bench/api.py --store embedded|neo4j --concurrent [--workers 2] [--per-level 600]

The example articles under a mix of requests from 1, 8 and 64 concurrent clients (bench/api_load.py):
requests/s, p50/p99 per endpoint family, any 5xx, and the ratio of throughput at 64 clients to 8.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.api_load import wait_healthy  # noqa: E402
from bench.synthetic_graph import build  # noqa: E402


def timed(fn, n: int) -> dict:  # type: ignore[no-untyped-def]
    lat = []
    t0 = time.perf_counter()
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        lat.append((time.perf_counter() - t) * 1000)
    total = time.perf_counter() - t0
    lat.sort()
    return {
        "rps": round(n / total, 1),
        "p50_ms": round(statistics.median(lat), 2),
        "p99_ms": round(lat[int(len(lat) * 0.99) - 1], 2),
    }


def interleaved(clients: dict, call, n: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Request i goes to every server in turn (the first server alternating), so they share the load."""
    lat: dict[str, list[float]] = {name: [] for name in clients}
    names = list(clients)
    t_total = dict.fromkeys(names, 0.0)
    for i in range(n):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            t = time.perf_counter()
            call(clients[name], i).raise_for_status()
            dt = time.perf_counter() - t
            lat[name].append(dt * 1000)
            t_total[name] += dt
    out = {}
    for name, xs in lat.items():
        xs.sort()
        out[name] = {
            "rps": round(n / t_total[name], 1),
            "p50_ms": round(statistics.median(xs), 2),
            "p99_ms": round(xs[max(0, int(len(xs) * 0.99) - 1)], 2),
        }
    return out


@contextlib.contextmanager
def served(
    port: int, baseline_src: Path | None, env: dict[str, str], block_compiled: bool = False
) -> Iterator[dict[str, Any]]:
    """`kg serve` of this tree on `port` (and of `baseline_src` on the next port, as it is, or with the
    optional compiled speed-ups blocked when `block_compiled`: for a baseline older than them), each
    ready on /health; yields httpx clients by name ("this", "baseline") and stops the servers after."""
    import httpx

    servers = {"this": (ROOT, port, str(ROOT))}
    if baseline_src:
        src = baseline_src.resolve()
        path = f"{blocking_dir(COMPILED)}:{src}" if block_compiled else str(src)
        servers["baseline"] = (src, port + 1, path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(p)],
            env={**env, "PYTHONPATH": path},
            cwd=src,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for src, p, path in servers.values()
    ]
    clients = {
        name: httpx.Client(base_url=f"http://127.0.0.1:{p}", timeout=120)
        for name, (_, p, _) in servers.items()
    }
    try:
        for _, p, _ in servers.values():
            wait_healthy(f"http://127.0.0.1:{p}")
        yield clients
    finally:
        for c in clients.values():
            c.close()
        for proc in procs:
            proc.terminate()
            proc.wait(30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", choices=["embedded", "neo4j"], default="embedded")
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=500_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--concurrent", action="store_true", help="the example graph under 1, 8 and 64 clients")
    ap.add_argument("--workers", type=int, default=1, help="`kg serve --workers` for --concurrent")
    ap.add_argument("--per-level", type=int, default=600, help="requests per client level")
    ap.add_argument("--reuse", action="store_true", help="keep the graph already in the store")
    ap.add_argument("--baseline-src", type=Path, help="a source tree to serve alongside, as the baseline")
    ap.add_argument("--home", type=Path, help="KG_HOME (default: a new temporary directory)")
    ap.add_argument(
        "--block-compiled",
        action="store_true",
        help="serve the baseline without neo4j-rust-ext, uvloop and httptools (a baseline older than them)",
    )
    ap.add_argument("--out", type=Path, help="--concurrent's result file")
    ap.add_argument(
        "--baseline-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="--concurrent: environment for the baseline server only (e.g. KG_API_HEAVY_SLOTS=0 with "
        "--baseline-src . to measure one setting against another in one run)",
    )
    args = ap.parse_args()
    if args.concurrent:
        concurrent(args)
        return

    home = args.home or Path(tempfile.mkdtemp())
    env = {**os.environ, "KG_HOME": str(home), "KG_STORE": args.store}
    if args.store == "neo4j":
        from neo4j import GraphDatabase

        from graph.stores.neo4j import Neo4jStore

        uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
        store = Neo4jStore(
            GraphDatabase.driver(uri, auth=("neo4j", os.environ.get("NEO4J_PASSWORD", "actorgraph"))),
            owns_driver=True,
        )
        env["NEO4J_URI"] = uri
    else:
        from graph.stores.embedded import EmbeddedStore

        store = EmbeddedStore(home / "graph.json")
    t0 = time.perf_counter()
    if not (args.reuse and store.stats().entities >= args.entities * 0.9):
        store.clear()
        print(
            f"building {args.entities:,} entities / {args.relations:,} relations in {args.store}", flush=True
        )
        build(store, args.entities, args.relations)
    t_build = time.perf_counter() - t0
    stats = store.stats()
    rng = random.Random(9)
    ids = [h.entity.id for h in store.search_entities("actor 0", limit=500).items]
    picks = [rng.choice(ids) for _ in range(args.requests)]
    n_paths = max(20, args.requests // 5)  # paths are slower: fewer of them, but never fewer than 20
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(max(args.requests, n_paths))]
    direct = {
        "search": timed(lambda i: store.search_entities(f"actor {i % 1000:03d}", limit=20), args.requests),
        "neighbors_1hop": timed(lambda i: store.neighbors(picks[i], depth=1), args.requests),
        "path_3hop": timed(lambda i: store.shortest_paths(pairs[i][0], pairs[i][1], max_hops=3), n_paths),
    }
    store.close()
    with served(
        args.port, args.baseline_src, {**env, "KG_API_CACHE_MB": "0"}, args.block_compiled
    ) as clients:  # every request computed
        calls = {
            "search": (
                lambda c, i: c.get("/api/v1/entities", params={"q": f"actor {i % 1000:03d}", "limit": 20}),
                args.requests,
            ),
            "neighbors_1hop": (
                lambda c, i: c.get(f"/api/v1/entities/{picks[i]}/neighbors", params={"depth": 1}),
                args.requests,
            ),
            "path_3hop": (
                lambda c, i: c.get(
                    "/api/v1/paths", params={"from": pairs[i][0], "to": pairs[i][1], "max_hops": 3}
                ),
                n_paths,
            ),
        }
        by_server = {name: {} for name in clients}
        for fam, (call, n) in calls.items():
            for name, lat in interleaved(clients, call, n).items():
                by_server[name][fam] = lat
        http = by_server["this"]
    result = {
        "store": args.store,
        "graph": {"entities": stats.entities, "relations": stats.relations},
        "build_seconds": round(t_build, 1),
        "direct": direct,
        "http": http,
        "http_overhead_p50_ratio": {
            k: round(http[k]["p50_ms"] / max(direct[k]["p50_ms"], 0.01), 2) for k in direct
        },
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if "baseline" in by_server:
        base = by_server["baseline"]
        result["baseline"] = {"src": str(args.baseline_src), "http": base}
        result["speedup_vs_baseline"] = {
            k: {q: round(base[k][q] / max(http[k][q], 0.01), 2) for q in ("p50_ms", "p99_ms")} for k in http
        }
    out = ROOT / "bench" / "results" / f"api-{args.store}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


COMPILED = ["neo4j._rust", "uvloop", "httptools"]  # optional packages added in round 3 (docs/api.md)


def blocking_dir(modules: list[str]) -> Path:
    """A directory whose sitecustomize makes `modules` unimportable: a baseline without the optional
    compiled packages (neo4j-rust-ext, uvloop, httptools) that this tree added, installed in this venv."""
    d = Path(tempfile.mkdtemp(prefix="kg-baseline-"))
    (d / "sitecustomize.py").write_text(
        "import sys\n"
        "class _Block:\n"
        f"    names = {sorted(modules)!r}\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name in self.names:\n"
        "            raise ImportError(name + ' is blocked for the baseline')\n"
        "sys.meta_path.insert(0, _Block())\n"
    )
    return d


def concurrent(args: argparse.Namespace) -> None:
    """The request mix on the example graph at 1, 8 and 64 clients (bench/api_load.py)."""
    from bench.api_load import run

    home = args.home or Path(tempfile.mkdtemp())
    env = {**os.environ, "KG_HOME": str(home), "KG_STORE": args.store}
    if args.store == "neo4j":
        env["NEO4J_URI"] = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    servers = {"this": (ROOT, {})}
    if args.baseline_src:
        src = args.baseline_src.resolve()
        path = f"{blocking_dir(COMPILED)}:{src}" if args.block_compiled else str(src)
        extra = dict(kv.split("=", 1) for kv in args.baseline_env)
        servers = {"baseline": (src, {"PYTHONPATH": path, **extra}), **servers}
    result = run(args.store, env, args.port, args.workers, [1, 8, 64], args.per_level, servers)
    for srv in result["servers"].values():
        by = {lv["clients"]: lv for lv in srv["levels"]}
        srv["ratio_64_over_8"] = round(by[64]["rps"] / by[8]["rps"], 2)
    if args.baseline_src:
        this, base = result["servers"]["this"]["levels"], result["servers"]["baseline"]["levels"]
        result["baseline_src"] = str(args.baseline_src)
        result["baseline_env"] = args.baseline_env
        result["rps_ratio_vs_baseline"] = {
            str(a["clients"]): round(a["rps"] / max(b["rps"], 0.01), 2)
            for a, b in zip(this, base, strict=True)
        }
    out = args.out or ROOT / "bench" / "results" / f"api-concurrent-{args.store}-w{args.workers}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
