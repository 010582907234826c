"""Entity search speed by query class, direct and over HTTP, against a baseline source tree in one run.

    python bench/search.py --store embedded|neo4j [--entities 100000 --relations 200000] [--per-class 60]
        [--reuse] [--home DIR] [--baseline-src /tmp/main-src] [--no-wait-search] [--out FILE]

The synthetic graph of bench/synthetic_graph.py `build` ("Actor 000123", every seventh with an alias "A000123"). Query classes:

- exact: a full name (tier 0);
- prefix: "actor 0123" (100 prefix matches);
- token: "000123" (a word of the name: tier 2);
- fuzzy: "actro 000123" (a transposition: only the fuzzy tier);
- mix: "actor 123" as in bench/api.py (a tenth match 1,000 entities, the rest nothing);
- broad: "a", "0", "ac", "00", "act", "000", "actor": every entity matches.

Each class is timed on the store directly and over HTTP (uvicorn, `KG_API_CACHE_MB=0`, so every request is
computed); with `--baseline-src` the same store is also served from that tree and every HTTP request goes
to both servers in turn (bench/api.py `interleaved`), so the ratio is measured under the same load.
HTTP timing starts once each server's /health says its search is prepared (`search_ready`; a tree
without the field at once); `--no-wait-search` measures from the start instead.
Target (issue 10): p99 < 20 ms over HTTP at 100k entities. Results: bench/results/search-<store>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.api import interleaved, served  # noqa: E402
from bench.synthetic_graph import build  # noqa: E402

BROAD = ["a", "0", "ac", "00", "act", "000", "actor"]


def queries(n_ent: int, per_class: int, seed: int = 11) -> dict[str, list[str]]:
    """`per_class` queries of every class, reproducibly."""
    rng = random.Random(seed)

    def pick() -> int:
        return rng.randrange(n_ent)

    return {
        "exact": [f"Actor {pick():06d}" for _ in range(per_class)],
        "prefix": [f"actor {pick() // 100:04d}" for _ in range(per_class)],
        "token": [f"{pick():06d}" for _ in range(per_class)],
        "fuzzy": [f"actro {pick():06d}" for _ in range(per_class)],
        "mix": [f"actor {rng.randrange(1000):03d}" for _ in range(per_class)],
        "broad": [BROAD[i % len(BROAD)] for i in range(per_class)],
    }


def stats(lat: list[float]) -> dict[str, float]:
    lat = sorted(lat)
    return {
        "p50_ms": round(statistics.median(lat), 2),
        "p99_ms": round(lat[max(0, int(len(lat) * 0.99) - 1)], 2),
        "max_ms": round(lat[-1], 2),
    }


def timed(fn: Callable[[str], Any], qs: list[str]) -> dict[str, float]:
    lat = []
    for q in qs:
        t = time.perf_counter()
        fn(q)
        lat.append((time.perf_counter() - t) * 1000)
    return stats(lat)


def open_store(store_name: str, home: Path) -> Any:
    if store_name == "neo4j":
        from neo4j import GraphDatabase

        from graph.stores.neo4j import Neo4jStore

        uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
        auth = ("neo4j", os.environ.get("NEO4J_PASSWORD", "actorgraph"))
        return Neo4jStore(GraphDatabase.driver(uri, auth=auth), owns_driver=True)
    from graph.stores.embedded import EmbeddedStore

    return EmbeddedStore(home / "graph.json")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", choices=["embedded", "neo4j"], default="embedded")
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=200_000)
    ap.add_argument("--per-class", type=int, default=60)
    ap.add_argument("--port", type=int, default=8775)
    ap.add_argument("--reuse", action="store_true", help="keep the graph already in the store")
    ap.add_argument("--baseline-src", type=Path, help="a source tree to serve alongside, as the baseline")
    ap.add_argument("--home", type=Path, help="KG_HOME (default: a new temporary directory)")
    ap.add_argument("--no-http", action="store_true", help="direct calls only")
    ap.add_argument(
        "--no-wait-search", action="store_true", help="measure before the servers' search is prepared"
    )
    ap.add_argument("--out", type=Path, help="the result file (default bench/results/search-<store>.json)")
    args = ap.parse_args()
    home = args.home or Path(tempfile.mkdtemp())
    env = {**os.environ, "KG_HOME": str(home), "KG_STORE": args.store, "KG_API_CACHE_MB": "0"}
    store = open_store(args.store, home)
    t0 = time.perf_counter()
    if not (args.reuse and store.stats().entities >= args.entities * 0.9):
        store.clear()
        print(f"building {args.entities:,} entities / {args.relations:,} relations", flush=True)
        build(store, args.entities, args.relations)
    t_build = time.perf_counter() - t0
    graph = store.stats()
    qs = queries(graph.entities, args.per_class)
    for q in BROAD + qs["exact"][:3]:  # warm caches and query plans: the tail measured is the steady one
        store.search_entities(q, limit=20)
    direct = {cls: timed(lambda q: store.search_entities(q, limit=20), xs) for cls, xs in qs.items()}
    totals = {q: store.search_entities(q, limit=20).total for q in BROAD}
    store.close()
    result: dict[str, Any] = {
        "store": args.store,
        "graph": {"entities": graph.entities, "relations": graph.relations},
        "build_seconds": round(t_build, 1),
        "per_class": args.per_class,
        "broad_totals": totals,
        "direct": direct,
    }
    if not args.no_http:
        result.update(over_http(args, env, qs))
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    out = args.out or ROOT / "bench" / "results" / f"search-{args.store}.json"
    out.write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


def search_ready(client: Any, skip: bool, timeout: float = 300.0) -> dict[str, Any]:
    """Wait until /health says the server's search is prepared (api/search_warmer.py), as a deployment
    would before taking traffic: the seconds waited and the state (None: a tree without the field)."""
    t = time.perf_counter()
    state = client.get("/health").json().get("search")
    while not skip and state in ("warming", "stale") and time.perf_counter() - t < timeout:
        time.sleep(0.2)
        state = client.get("/health").json().get("search")
    return {"state": state, "waited_s": round(time.perf_counter() - t, 2)}


def over_http(args: argparse.Namespace, env: dict[str, str], qs: dict[str, list[str]]) -> dict[str, Any]:
    import httpx

    with served(args.port, args.baseline_src, env) as clients:
        ready = {name: search_ready(c, args.no_wait_search) for name, c in clients.items()}
        for c in clients.values():
            for q in BROAD + qs["exact"][:3]:
                c.get("/api/v1/entities", params={"q": q, "limit": 20}).raise_for_status()
        by_server: dict[str, dict[str, Any]] = {name: {} for name in clients}
        for cls, xs in qs.items():

            def call(c: httpx.Client, i: int, xs: list[str] = xs) -> httpx.Response:
                return c.get("/api/v1/entities", params={"q": xs[i], "limit": 20})

            for name, lat in interleaved(clients, call, len(xs)).items():
                by_server[name][cls] = {k: v for k, v in lat.items() if k != "rps"}
        # Both trees must give the same pages (the ranking contract, across versions); the totals too,
        # except a broad query's (capped here: graph/search.py).
        same: dict[str, bool] | None = None
        if "baseline" in clients:
            same = {"pages": True, "totals_of_narrow_queries": True}
            for q in [*BROAD, *(x for cls, xs in qs.items() if cls != "broad" for x in xs[:5])]:
                a, b = (
                    clients[n].get("/api/v1/entities", params={"q": q, "limit": 20}).json()
                    for n in ("this", "baseline")
                )
                same["pages"] &= a["items"] == b["items"]
                if not a.get("capped"):
                    same["totals_of_narrow_queries"] &= a["total"] == b["total"]
    out: dict[str, Any] = {"http": by_server["this"], "search_ready": ready}
    if "baseline" in by_server:
        base = by_server["baseline"]
        out["baseline"] = {"src": str(args.baseline_src), "http": base}
        out["same_answers_as_baseline"] = same
        out["speedup_vs_baseline"] = {
            cls: {k: round(base[cls][k] / max(v, 0.01), 2) for k, v in this.items()}
            for cls, this in by_server["this"].items()
        }
    return out


if __name__ == "__main__":
    main()
