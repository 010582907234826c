"""Extraction speed on a loaded machine: Actorgraph's whole pipeline against bare `nlp.pipe`, in one process.

    python bench/extract_cpu.py [--n 300] [--chunk 30]

`bench/extract.py` times each mode in its own process, which a busy machine skews: the two runs meet
different loads. Here the two modes alternate on the same chunks of the example articles inside one
process, and each is charged its own CPU time (`time.process_time`), so other processes' load falls on
both alike. The ratio (goal: <= 1.5) is what the wall-clock ratio would be on an idle core.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    from extract import corpus

    from loaders.pipeline import Extractor

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--chunk", type=int, default=30)
    args = ap.parse_args()
    srcs = corpus(args.n)
    ex = Extractor()
    ours = [name for name in ex.nlp.pipe_names if name.startswith("actorgraph_")]
    list(ex.extract_many(srcs[:10]))  # warm caches (gazetteer, matchers) before timing
    bare = full = 0.0
    for i in range(0, args.n, args.chunk):
        chunk = srcs[i : i + args.chunk]
        t = time.process_time()
        with ex.nlp.select_pipes(disable=ours):
            list(ex.nlp.pipe([s.text for s in chunk]))
        bare += time.process_time() - t
        t = time.process_time()
        list(ex.extract_many(chunk))
        full += time.process_time() - t
    out = {
        "articles": args.n,
        "bare_cpu_s": round(bare, 2),
        "actorgraph_cpu_s": round(full, 2),
        "ratio": round(full / bare, 3),
        "load": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
