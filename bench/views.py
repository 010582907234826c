"""View speed: write and open views of 500, 2,000 and 10,000 nodes in headless Chromium.

    python bench/views.py [--sizes 500 2000 10000]

Reports the time to write the file, its size, and the time from navigation until the network has drawn
(physics off, positions from Python). Baseline, on the 500-node graph: the same nodes scattered at
random with physics on (what a default pyvis page does) until vis reports them stabilised (at most
1,000 iterations). Goal: 2,000 nodes drawn within 5 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.model import Extraction  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def graph_of(n: int, seed: int = 1) -> EmbeddedStore:
    rng = random.Random(seed)
    store = EmbeddedStore(None)
    names = [f"Actor {i:05d}" for i in range(n)]
    exs = []
    for a in range(0, n, 50):
        block = names[a : a + 50]
        others = rng.sample(names, min(50, n))
        ents = {x: "country" for x in block + others}
        rels = [
            {
                "source": x,
                "type": rng.choice(["ALLIED_WITH", "OPPOSES", "SUPPORTS"]),
                "target": rng.choice(others),
            }
            for x in block
        ]
        rels = [r for r in rels if r["source"] != r["target"]]
        exs.append(
            Extraction.model_validate(
                {
                    "article": {"url": f"https://example.org/v/{a}"},
                    "entities": [{"name": k, "kind": v} for k, v in ents.items()],
                    "relations": rels,
                }
            )
        )
    store.upsert(exs, batch_size=1000)
    return store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    out = []
    tmp = Path(tempfile.mkdtemp())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in args.sizes:
            store = graph_of(n)
            path = tmp / f"v{n}.html"
            t0 = time.perf_counter()
            from viz.views import alliance_page

            page_data = alliance_page(store, limit=max(n, 1500))
            path.write_text(page_data.html)
            t_write = time.perf_counter() - t0
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t1 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.agReady === true", timeout=300_000)
            t_drawn = time.perf_counter() - t1
            row = {
                "nodes": page_data.nodes,
                "edges": page_data.edges,
                "write_s": round(t_write, 2),
                "file_mb": round(path.stat().st_size / 1e6, 2),
                "drawn_s": round(t_drawn, 2),
            }
            if n <= 500:
                # Baseline: what a default pyvis page does, physics from scattered positions until stable.
                page.evaluate(
                    "window.agStabilized = false;"
                    "agNodes.update(agNodes.get().map(n => ({id: n.id, x: Math.random() * 2000, y: Math.random() * 2000, physics: true})));"
                    "agNetwork.setOptions({physics: {enabled: true, stabilization: {enabled: true, iterations: 1000}}});"
                    "agNetwork.stabilize(1000);"
                )
                t2 = time.perf_counter()
                # The page's CSP forbids eval, so poll from a function rather than wait_for_function's string.
                page.evaluate(
                    "() => new Promise(done => { const t = setInterval(() => {"
                    " if (window.agStabilized) { clearInterval(t); done(true); } }, 20); })"
                )
                row["baseline_physics_stabilise_s"] = round(time.perf_counter() - t2, 2)
            page.close()
            out.append(row)
            print(row, flush=True)
        browser.close()
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "views.json").write_text(json.dumps({"results": out}, indent=1))


if __name__ == "__main__":
    main()
