"""What a checkpoint costs on the embedded store, and what a long WAL costs readers (issue 10).

    python bench/embedded_checkpoint.py --store DIR [--batches 1,4,12]

For each count k: a copy of the store (built by bench/embedded_reads.py), k batches of 1,000 synthetic
extractions (10,000 relation mentions) written with automatic checkpoints off, then the checkpoint
(`StoreFiles.release()`: checkpoint and close) timed. After some batches a fresh process opens the
store read-only while the writer holds it and times its first read (the open replays the WAL) and a
neighbours call on that handle. Results in bench/results/embedded-checkpoint.json, with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.embedded import unique  # noqa: E402
from bench.ingest import synthetic  # noqa: E402

READER = """
import sys, time
from graph.stores.embedded import EmbeddedStore
s = EmbeddedStore(sys.argv[1])
s.ready()
t = time.perf_counter(); s.get_entity("country:actor-00000"); first = time.perf_counter() - t
t = time.perf_counter(); s.neighbors("country:actor-00005"); nb = time.perf_counter() - t
print(round(first, 3), round(nb * 1000, 1))
"""


def one(store: Path, k: int, probe_at: set[int]) -> dict[str, object]:
    from graph.stores.embedded import EmbeddedStore

    work = Path(tempfile.mkdtemp(prefix="kg-bench-checkpoint-")) / "s"
    shutil.copytree(store, work)
    s = EmbeddedStore(work / "graph.json", checkpoint_mb=1_000_000)  # no checkpoint until the end
    batches = []
    for i in range(k):
        start = 900_000 + i * 1000  # articles of their own, after any the store holds
        data = [unique(d, start) for d in synthetic(1000, seed=start)]
        t = time.perf_counter()
        s.upsert(data, batch_size=1000)
        row: dict[str, object] = {
            "batch_s": round(time.perf_counter() - t, 2),
            "wal_mb": round((work / "graph.lbug" / "graph.lbug.wal").stat().st_size / 1e6, 1),
        }
        if i + 1 in probe_at:
            out = subprocess.run(
                [sys.executable, "-c", READER, str(work / "graph.json")],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout.split()
            row["reader_open_first_read_s"], row["reader_neighbours_ms"] = float(out[0]), float(out[1])
        batches.append(row)
        print(f"k={k} batch {i + 1}: {row}", file=sys.stderr, flush=True)
    t = time.perf_counter()
    s.files.release()
    ckpt = time.perf_counter() - t
    s.close()
    shutil.rmtree(work.parent)
    return {"batches_before_checkpoint": k, "checkpoint_and_close_s": round(ckpt, 1), "batches": batches}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--batches", default="1,4,12")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "embedded-checkpoint.json"))
    args = ap.parse_args()
    load_start = os.getloadavg()
    runs = []
    for k in [int(x) for x in args.batches.split(",")]:
        runs.append(one(Path(args.store), k, {1, 4, 8, 12}))
        runs[-1]["load_1min"] = round(os.getloadavg()[0], 1)
    result = {
        "store": str(args.store),
        "runs": runs,
        "load_average": {
            "start": [round(x, 1) for x in load_start],
            "end": [round(x, 1) for x in os.getloadavg()],
        },
    }
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
