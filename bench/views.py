"""View speed in headless Chromium: alliance maps of 500, 2,000 and 10,000 nodes; a 10,000-event timeline.

    python bench/views.py [--sizes 500 2000 10000] [--events 10000]

Alliance map: the time to write the file, its size, and the time from navigation until the network has
drawn (physics off, positions from Python). Baseline, on the 500-node graph: the same nodes scattered at
random with physics on (what a default pyvis page does) until vis reports them stabilised (at most
1,000 iterations). Goal: 2,000 nodes drawn within 5 s.

Timeline: the page as written (level of detail: at most 600 events near the window drawn as items,
counts per lane and time bin beyond) against the named baseline "every event an item" (the same page
with level of detail off: all events as vis-timeline boxes, its defaults), in the same run: 30 zoom
and 30 pan steps each, programmatic (setWindow, no animation); a step's frame time runs from the call
until the next frame has been produced (requestAnimationFrame, then a task), so it includes our
recomputation of what to show. Reported: median and p95 frame times and the ratio baseline / ours.
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


def events_of(n: int, seed: int = 2) -> EmbeddedStore:
    """`n` events over 25 years among 300 actors, of the PLOVER types."""
    from graph.model import EVENT_TYPES

    rng = random.Random(seed)
    store = EmbeddedStore(None)
    actors = [f"Actor {i:03d}" for i in range(300)]
    exs = []
    for a in range(0, n, 100):
        evs = []
        for _ in range(min(100, n - a)):
            day = rng.randrange(25 * 365)
            y, rest = divmod(day, 365)
            date = f"{2000 + y}-{1 + rest // 31 % 12:02d}-{1 + rest % 28:02d}"
            who = rng.sample(actors, 2)
            evs.append(
                {"type": rng.choice(EVENT_TYPES), "date": date, "actors": [who[0]], "targets": [who[1]]}
            )
        names = {x for e in evs for x in (*e["actors"], *e["targets"])}
        exs.append(
            Extraction.model_validate(
                {
                    "article": {"url": f"https://example.org/e/{a}"},
                    "entities": [{"name": x, "kind": "country"} for x in names],
                    "events": evs,
                }
            )
        )
    store.upsert(exs, batch_size=1000)
    return store


FRAMES = """async (steps) => {
  const frame = () => new Promise(ok => requestAnimationFrame(() => setTimeout(ok, 0)));
  const times = [];
  const w0 = agTimeline.getWindow(); let s = w0.start.valueOf(), e = w0.end.valueOf();
  for (let i = 0; i < steps; i++) {            // zoom in by 20 % a step, around the middle
    const m = (s + e) / 2, h = (e - s) * 0.4; s = m - h; e = m + h;
    const t0 = performance.now(); agTimeline.setWindow(s, e, {animation: false}); await frame();
    times.push(performance.now() - t0);
  }
  for (let i = 0; i < steps; i++) {            // pan by 10 % of the window a step
    const d = (e - s) * 0.1; s += d; e += d;
    const t0 = performance.now(); agTimeline.setWindow(s, e, {animation: false}); await frame();
    times.push(performance.now() - t0);
  }
  agTimeline.setWindow(w0.start, w0.end, {animation: false}); await frame();
  return times;
}"""


def _stats(times: list[float]) -> dict[str, float]:
    ts = sorted(times)
    return {"median_ms": round(ts[len(ts) // 2], 1), "p95_ms": round(ts[int(len(ts) * 0.95)], 1)}


def timeline_bench(browser: object, n: int, tmp: Path) -> dict[str, object]:
    from viz.views import timeline_page

    store = events_of(n)
    print(f"timeline: {n} events stored", flush=True)
    t0 = time.perf_counter()
    page_data = timeline_page(store)
    path = tmp / f"t{n}.html"
    path.write_text(page_data.html)
    t_write = time.perf_counter() - t0
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    t1 = time.perf_counter()
    page.goto(path.as_uri())
    page.evaluate(
        "() => new Promise(ok => { const t = setInterval(() => { if (window.agReady) { clearInterval(t); ok(); } }, 20); })"
    )
    t_drawn = time.perf_counter() - t1
    print(f"timeline: written in {t_write:.1f} s, drawn in {t_drawn:.1f} s", flush=True)
    ours = page.evaluate(FRAMES, 30)
    print(f"timeline: ours {_stats(ours)}", flush=True)
    t2 = time.perf_counter()
    page.evaluate(
        "() => { agAllItems(); return new Promise(ok => requestAnimationFrame(() => setTimeout(ok, 0))); }"
    )
    t_all = time.perf_counter() - t2
    base = page.evaluate(FRAMES, 30)
    page.close()
    o, b = _stats(ours), _stats(base)
    return {
        "events": page_data.nodes,
        "write_s": round(t_write, 2),
        "file_mb": round(path.stat().st_size / 1e6, 2),
        "drawn_s": round(t_drawn, 2),
        "ours_level_of_detail": o,
        "baseline_every_event_an_item": b,
        "baseline_switch_to_all_items_s": round(t_all, 2),
        "ratio_median_baseline_over_ours": round(b["median_ms"] / max(o["median_ms"], 0.1), 2),
        "ratio_p95_baseline_over_ours": round(b["p95_ms"] / max(o["p95_ms"], 0.1), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[500, 2000, 10000])
    ap.add_argument("--events", type=int, default=10000)
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
        timeline = timeline_bench(browser, args.events, tmp) if args.events else None
        print(timeline, flush=True)
        browser.close()
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "views.json").write_text(
        json.dumps({"results": out, "timeline": timeline}, indent=1)
    )


if __name__ == "__main__":
    main()
