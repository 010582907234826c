"""Ingestion speed: `Neo4jStore.upsert` against a plain-driver `UNWIND ... MERGE` baseline, one run.

    python bench/ingest.py --uri bolt://127.0.0.1:7687 [--n 10000] [--batch 1000] [--repeat 2]

10,000 synthetic extractions (about 50,000 entity mentions and 100,000 relation mentions over a pool of
actors, so most entities merge). The baseline writes the same batches with the plain driver: entities
by id, name and kind, then one `MERGE (a)-[r]->(b) SET r.evidence = ...` row per relation mention. The
store keeps all the evidence, aliases, articles and mentions. The two alternate `--repeat` times on a
cleared database; the best of each is reported, with the ratio (store rate / baseline rate). Also the
same ingestion into the embedded store, with its peak memory. `cold_first_batch_seconds`: the first batch
of each on an empty database right after `db.clearQueryCaches()`, so every statement is planned anew
(what a freshly started server pays).
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.model import RELATION_TYPES, Extraction  # noqa: E402
from graph.records import GraphRecords  # noqa: E402

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


def server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) the server process has used so far; 0 when it is not known.

    On a shared machine the wall clock follows the load; the CPU each side spends does not (much), so the
    report gives both: a ratio of CPU seconds says what the work costs, one of wall seconds what a user waits.
    """
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def client_cpu() -> float:
    """CPU seconds of this process, every thread (the store builds rows in a second thread)."""
    return time.process_time()


def default_server_pid() -> int | None:
    """The bundled server's pid (`kg neo4j start` writes it under $KG_HOME), if there is one."""
    home = os.environ.get("KG_HOME")
    pid_file = Path(home) / "neo4j" / "neo4j.pid" if home else None
    if pid_file is None or not pid_file.exists():
        return None
    return int(pid_file.read_text().strip())


BaselineRows = tuple[dict[str, dict[str, str]], dict[str, list[dict[str, str]]]]


def baseline_rows(extractions: list[Extraction]) -> tuple[BaselineRows, int]:
    """The baseline's rows for a batch: entities by id, one row per relation mention by type."""
    ents: dict[str, dict[str, str]] = {}
    rels: dict[str, list[dict[str, str]]] = {}
    n_rel = 0
    for ex in extractions:
        rec = GraphRecords.from_extraction(ex)
        for e in rec.entities:
            ents[e.id] = {"id": e.id, "name": e.name, "kind": e.kind}
        for r in rec.relations:
            for ev in r.evidence:
                rels.setdefault(r.type, []).append(
                    {"s": r.source, "t": r.target, "id": r.id, "evidence": ev.sentence or ""}
                )
                n_rel += 1
    return (ents, rels), n_rel


def baseline_write(run: Any, rows: BaselineRows) -> None:
    """The baseline's statements for one batch, through `run(query, **params)` (a transaction's `run`)."""
    from graph.model import KIND_LABELS

    ents, rels = rows
    by_kind: dict[str, list[dict[str, str]]] = {}
    for e in ents.values():
        by_kind.setdefault(e["kind"], []).append(e)
    for kind, krows in by_kind.items():
        run(
            "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) "
            f"ON CREATE SET e.name = row.name, e.kind = row.kind, e:{KIND_LABELS[kind]}",
            rows=krows,
        )
    for rtype, rrows in rels.items():
        run(
            "UNWIND $rows AS row MATCH (a:Entity {id: row.s}) MATCH (b:Entity {id: row.t}) "
            f"MERGE (a)-[r:{rtype} {{id: row.id}}]->(b) SET r.evidence = row.evidence",
            rows=rrows,
        )


def plain_driver(driver, data: list[Extraction], batch: int) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """The baseline: plain `UNWIND $rows MERGE` per batch, one evidence string per relation mention.

    Entities are merged with their id, name and kind (they must exist for the relations), then one row
    per relation mention: `MERGE (a)-[r:T {id}]->(b) SET r.evidence = <sentence>`. No evidence kept
    beyond the last mention, no aliases, no article nodes: what a minimal loader does.
    """
    t0 = time.perf_counter()
    n_rel = 0
    with driver.session() as s:
        for i in range(0, len(data), batch):
            rows, n = baseline_rows(data[i : i + batch])
            n_rel += n

            def work(tx, rows=rows):  # type: ignore[no-untyped-def]
                baseline_write(lambda q, **p: tx.run(q, **p).consume(), rows)

            s.execute_write(work)
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
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--skip-embedded", action="store_true")
    ap.add_argument("--server-pid", type=int, default=None, help="Neo4j's pid, for its CPU seconds")
    ap.add_argument(
        "--in-flight",
        type=int,
        default=2,
        help="batches the store may have in flight (Neo4jStore ingest_in_flight; the store's default is 2)",
    )
    ap.add_argument("--embedded-child", action="store_true")
    ap.add_argument("--out", default="ingest.json", help="file name under bench/results/")
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
    store = Neo4jStore(driver, ingest_in_flight=args.in_flight)
    load_start = os.getloadavg()
    cold: dict[str, float] = {}
    for name in ("baseline", "store"):  # the first batch on a cold plan cache
        store.clear()
        with driver.session() as s:
            s.run("CALL db.clearQueryCaches()").consume()
        t0 = time.perf_counter()
        if name == "store":
            store.upsert(data[: args.batch], batch_size=args.batch)
        else:
            plain_driver(driver, data[: args.batch], args.batch)
        cold[name] = round(time.perf_counter() - t0, 2)
    pid = args.server_pid or default_server_pid()
    runs: dict[str, list[float]] = {"store": [], "baseline": []}
    cpu: dict[str, list[list[float]]] = {"store": [], "baseline": []}  # [server, client] per run
    stats = None
    for _ in range(args.repeat):  # alternate, so that both see the same server state and load
        store.clear()
        s0, c0 = server_cpu(pid), client_cpu()
        n_base, t_base = plain_driver(driver, data, args.batch)
        cpu["baseline"].append([round(server_cpu(pid) - s0, 2), round(client_cpu() - c0, 2)])
        runs["baseline"].append(t_base)
        store.clear()
        s0, c0 = server_cpu(pid), client_cpu()
        t0 = time.perf_counter()
        store.upsert(data, batch_size=args.batch)
        runs["store"].append(time.perf_counter() - t0)
        cpu["store"].append([round(server_cpu(pid) - s0, 2), round(client_cpu() - c0, 2)])
        stats = store.stats()
        t0 = time.perf_counter()
        again = store.upsert(data[: args.batch], batch_size=args.batch)  # a re-load: nothing new
        t_reload = time.perf_counter() - t0
        assert again.evidence_added == 0
    store.clear()
    driver.close()
    assert stats is not None
    t_store, t_base = min(runs["store"]), min(runs["baseline"])
    result: dict[str, object] = {
        "extractions": args.n,
        "batch_size": args.batch,
        "store_in_flight": args.in_flight,
        "entity_mentions": ent_mentions,
        "relation_mentions": rel_mentions,
        "neo4j_store": {
            "seconds": round(t_store, 2),
            "runs": [round(x, 2) for x in runs["store"]],
            "rel_per_s": round(rel_mentions / t_store),
            "reload_batch_seconds": round(t_reload, 2),
            "stored": {"entities": stats.entities, "relations": stats.relations, "evidence": stats.evidence},
        },
        "plain_driver_baseline": {
            "relation_mentions": n_base,
            "seconds": round(t_base, 2),
            "runs": [round(x, 2) for x in runs["baseline"]],
            "rel_per_s": round(n_base / t_base),
        },
        "ratio_store_over_baseline": round(t_base / t_store, 2),
        # [server, client] CPU seconds per run (server: 0 when its pid is unknown; see server_cpu)
        "cpu_seconds": cpu,
        "cold_first_batch_seconds": cold,
        "load_average": {"start": load_start, "end": os.getloadavg()},
    }
    if not args.skip_embedded:
        emb = subprocess.run(
            [sys.executable, __file__, "--embedded-child", "--n", str(args.n)],
            capture_output=True,
            text=True,
            check=True,
        )
        result["embedded"] = json.loads(emb.stdout.strip().splitlines()[-1])
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / args.out).write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
