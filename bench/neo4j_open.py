"""What opening a Neo4jStore costs on the graph already in the server: main's open (the schema statements
and the stored-degree back-fill scan, at every open) against this tree's (the schema statements and one
schema-marker lookup; the scan runs once per database), alternated in one run.

    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... python bench/neo4j_open.py [--opens 12]

Build the graph first (e.g. `bench/search.py --store neo4j`). Results: bench/results/neo4j-open.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neo4j import GraphDatabase  # noqa: E402

from graph.stores import neo4j_queries as Q  # noqa: E402
from graph.stores.neo4j import Neo4jStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--opens", type=int, default=12)
    args = ap.parse_args()
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    driver = GraphDatabase.driver(uri, auth=("neo4j", os.environ.get("NEO4J_PASSWORD", "actorgraph")))

    def main_open() -> None:  # main's Neo4jStore.__init__ statements (fbeadd4)
        with driver.session(notifications_min_severity="OFF") as s:
            for stmt in [*Q.SCHEMA, Q.BACKFILL_DEGREE]:
                s.run(stmt).consume()

    lat: dict[str, list[float]] = {"main": [], "this": []}
    for i in range(args.opens):
        for name in ["main", "this"] if i % 2 else ["this", "main"]:
            t = time.perf_counter()
            main_open() if name == "main" else Neo4jStore(driver)
            lat[name].append(round((time.perf_counter() - t) * 1000, 1))
    with driver.session() as s:
        entities = s.run("MATCH (e:Entity) RETURN count(e) AS n").single(strict=True)["n"]
    driver.close()
    out = {
        "entities": entities,
        "open_ms_main_p50": statistics.median(lat["main"]),
        "open_ms_this_p50": statistics.median(lat["this"]),
        "main_all": lat["main"],
        "this_all": lat["this"],
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    (ROOT / "bench" / "results" / "neo4j-open.json").write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
