"""Where a Neo4j ingest batch spends its time: each statement of one batch, profiled and rolled back.

    python bench/ingest_profile.py --uri bolt://127.0.0.1:7687 [--n 3000] [--batch 1000]

Loads the first `n - batch` synthetic extractions of bench/ingest.py through the store, then, for the
last batch, times in Python the row building (`BatchRows.of`) and, inside one transaction that is rolled
back, every statement the store runs (wall time, and db hits from `PROFILE`); the same for the
plain-driver baseline's statements on the same batch. Prints one JSON document
(`bench/results/ingest-profile.json`). The statements are the store's own (graph/stores/neo4j_queries.py),
reached through a transaction wrapper that records each `run`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import baseline_rows, baseline_write, synthetic  # noqa: E402


def _hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(_hits(c) for c in plan.get("children", []))


def _eager(plan: Any) -> int:
    own = 1 if str(plan.get("operatorType", "")).startswith("Eager") else 0
    return own + sum(_eager(c) for c in plan.get("children", []))


class Recorder:
    """A transaction stand-in that runs each statement with PROFILE and records its cost."""

    def __init__(self, tx: Any) -> None:
        self.tx = tx
        self.steps: list[dict[str, Any]] = []

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kw: Any) -> Any:
        params = {**(parameters or {}), **kw}
        rows = params.get("rows") or params.get("ids") or params.get("articles") or []
        t0 = time.perf_counter()
        result = self.tx.run("PROFILE " + query, params)
        records = list(result)
        summary = result.consume()
        wall = time.perf_counter() - t0
        name = next((ln.strip() for ln in query.strip().splitlines() if "MERGE" in ln or "MATCH" in ln), "")
        self.steps.append(
            {
                "statement": name[:90],
                "rows_in": len(rows),
                "rows_out": len(records),
                "wall_ms": round(wall * 1000, 1),
                "db_hits": _hits(summary.profile or {}),
                "eager": _eager(summary.profile or {}),
            }
        )
        return _Replay(records, summary)


class _Replay(list):  # type: ignore[type-arg]
    def __init__(self, records: list[Any], summary: Any) -> None:
        super().__init__(records)
        self.summary = summary

    def consume(self) -> Any:
        return self.summary  # the store reads its counters (nodes created)

    def single(self, strict: bool = False) -> Any:
        return self[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "actorgraph"))
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()
    from neo4j import GraphDatabase

    from graph.stores.neo4j import Neo4jStore
    from graph.stores.neo4j_batch import BatchRows

    data = synthetic(args.n)
    driver = GraphDatabase.driver(args.uri, auth=("neo4j", args.password))
    store = Neo4jStore(driver)
    store.clear()
    store.upsert(data[: -args.batch], batch_size=args.batch)
    last = data[-args.batch :]
    t0 = time.perf_counter()
    rows = BatchRows.of(last)
    build_ms = (time.perf_counter() - t0) * 1000
    out: dict[str, Any] = {"graph_before": args.n - args.batch, "batch": args.batch}
    with driver.session() as s:
        tx = s.begin_transaction()
        rec = Recorder(tx)
        t0 = time.perf_counter()
        rows.write(rec)  # type: ignore[arg-type]
        total = time.perf_counter() - t0
        tx.rollback()
        out["store"] = {
            "rows_build_ms": round(build_ms, 1),
            "write_ms": round(total * 1000, 1),
            "db_hits": sum(x["db_hits"] for x in rec.steps),
            "steps": rec.steps,
        }
        # The baseline's statements for the same batch (bench/ingest.py plain_driver).
        t0 = time.perf_counter()
        base_rows, _ = baseline_rows(last)
        base_build = (time.perf_counter() - t0) * 1000
        tx = s.begin_transaction()
        rec = Recorder(tx)
        t0 = time.perf_counter()
        baseline_write(rec.run, base_rows)
        total = time.perf_counter() - t0
        tx.rollback()
        out["baseline"] = {
            "rows_build_ms": round(base_build, 1),
            "write_ms": round(total * 1000, 1),
            "db_hits": sum(x["db_hits"] for x in rec.steps),
            "steps": rec.steps,
        }
    store.clear()
    driver.close()
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    (ROOT / "bench" / "results" / "ingest-profile.json").write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
