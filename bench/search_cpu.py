"""Server CPU per entity search over HTTP: this tree against a baseline tree, both serving one store.

    python bench/search_cpu.py BASELINE_SRC OUT.json [--seed 11]   (NEO4J_URI, NEO4J_PASSWORD set)

Both servers (`KG_API_CACHE_MB=0`) get every query of bench/search.py's classes in turn; the CPU the
server process used for each request (utime + stime from /proc) is summed per class. Wall time on a
shared machine swings with the load; a process's CPU per request much less. The classes are asked
twice: "cold" (the store's per-version memos empty) and "warm" (the same queries again).
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import httpx  # noqa: E402

from bench.api_load import wait_healthy  # noqa: E402
from bench.search import BROAD, queries  # noqa: E402

env = {**os.environ, "KG_STORE": "neo4j", "KG_API_CACHE_MB": "0"}
trees = {"this": (str(ROOT), 8795), "baseline": (sys.argv[1], 8796)}
procs = {
    n: subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(p)],
        env={**env, "PYTHONPATH": src},
        cwd=src,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for n, (src, p) in trees.items()
}


def cpu(pid: int) -> float:
    """The CPU ms a process has used (user + system)."""
    f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK") * 1000


try:
    cl = {n: httpx.Client(base_url=f"http://127.0.0.1:{p}", timeout=60) for n, (_, p) in trees.items()}
    for _, p in trees.values():
        wait_healthy(f"http://127.0.0.1:{p}")
    qs = queries(
        int(os.environ.get("ENTITIES", "98251")), 40, seed=int(sys.argv[3]) if len(sys.argv) > 3 else 11
    )
    out: dict[str, object] = {}
    for c in cl.values():  # warm: plans, and the broad cache
        for q in BROAD:
            c.get("/api/v1/entities", params={"q": q})
    for rnd in ("cold", "warm"):
        for cls, xs in qs.items():
            used = {n: 0.0 for n in cl}
            wall = {n: [] for n in cl}
            for q in xs:
                for n, c in cl.items():
                    t0, w = cpu(procs[n].pid), time.perf_counter()
                    c.get("/api/v1/entities", params={"q": q, "limit": 20}).raise_for_status()
                    wall[n].append((time.perf_counter() - w) * 1000)
                    used[n] += cpu(procs[n].pid) - t0
            out[f"{rnd}/{cls}"] = {
                n: {
                    "server_cpu_ms_per_request": round(used[n] / len(xs), 2),
                    "wall_p50_ms": round(statistics.median(wall[n]), 2),
                }
                for n in cl
            }
            print(rnd, cls, out[f"{rnd}/{cls}"], flush=True)
    out["load_average"] = os.getloadavg()
    Path(sys.argv[2]).write_text(json.dumps(out, indent=1))
finally:
    for p in procs.values():
        p.terminate()
