"""Rules alone vs rules + the learned event filter, on the dev halves and the outside-dev check sets.

    .venv/bin/python bench/learned_events.py --sets tune held news-A news-B news2-A news2-B --thresholds 0.3

Each article is parsed once; its extraction is made from that parse with the filter off and at each
threshold (the same `extract` that `kg extract` runs), and each variant is scored by
../shared/eval/score.py (`--pred --json`). Only the summary figures are printed and kept: held and
the B halves are read as numbers, never as per-article lines. Results go to out/learned-events/.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.settings import get_settings  # noqa: E402
from loaders.pipeline import Extractor, extract, prepare  # noqa: E402
from loaders.readers import read_one  # noqa: E402

log = logging.getLogger("bench.learned_events")
DEV = ROOT.parent / "shared" / "eval" / "dev"
# set name -> (corpus folder, split file, split key)
SETS: dict[str, tuple[Path, Path, str]] = {
    "tune": (DEV, ROOT / "bench" / "dev-split.json", "tune"),
    "held": (DEV, ROOT / "bench" / "dev-split.json", "held"),
    "news-A": (ROOT / "bench" / "news", ROOT / "bench" / "news" / "split.json", "A"),
    "news-B": (ROOT / "bench" / "news", ROOT / "bench" / "news" / "split.json", "B"),
    "news2-A": (ROOT / "bench" / "news2", ROOT / "bench" / "news2" / "split.json", "A"),
    "news2-B": (ROOT / "bench" / "news2", ROOT / "bench" / "news2" / "split.json", "B"),
}


def _extract(ex: Extractor, doc: Any, src: Any, captions: list[tuple[int, int]], t: float | None) -> dict:
    """The extraction of a parsed article with the filter off (None) or at threshold `t`."""
    os.environ["KG_LEARNED_EVENTS"] = "0" if t is None else "1"
    os.environ["KG_LEARNED_EVENTS_THRESHOLD"] = "0" if t is None else str(t)
    get_settings.cache_clear()
    return extract(doc, src.article, ex.gaz, captions).model_dump(mode="json", exclude_none=True)


def run_set(ex: Extractor, name: str, thresholds: list[float], out: Path) -> dict[str, Any]:
    """Events precision / recall / F1 of each variant on one set."""
    corpus, split_file, key = SETS[name]
    ids = json.loads(split_file.read_text())[key]
    gold_dir = out / name / "corpus"
    gold_dir.mkdir(parents=True, exist_ok=True)
    labels = ["rules", *(f"t{t:g}" for t in thresholds)]
    preds: dict[str, dict[str, dict]] = {v: {} for v in labels}
    for art in ids:
        link = gold_dir / f"{art}.gold.json"
        if not link.exists():
            link.symlink_to((corpus / f"{art}.gold.json").resolve())
        src = read_one(str(corpus / f"{art}.txt"), str(corpus / f"{art}.meta.json"), max_bytes=10_000_000)
        text, captions = prepare(src)
        doc = ex.nlp(text)
        preds["rules"][art] = _extract(ex, doc, src, captions, None)
        for t in thresholds:
            preds[f"t{t:g}"][art] = _extract(ex, doc, src, captions, t)
    result = {}
    for variant, by_article in preds.items():
        folder = out / name / variant
        folder.mkdir(parents=True, exist_ok=True)
        for art, pred in by_article.items():
            (folder / f"{art}.json").write_text(json.dumps(pred), encoding="utf-8")
        cmd = [sys.executable, str(DEV.parent / "score.py"), "--corpus", str(gold_dir), "--pred", str(folder)]
        run = subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True)
        summary = json.loads(run.stdout[: run.stdout.rindex("}") + 1])
        result[variant] = {
            **summary["events"],
            "n": sum(len(p.get("events", [])) for p in by_article.values()),
        }
        log.info("%-8s %-6s events %s", name, variant, result[variant])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.3])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "learned-events")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ex = Extractor()
    table = {name: run_set(ex, name, args.thresholds, args.out) for name in args.sets}
    (args.out / "summary.json").write_text(json.dumps(table, indent=1), encoding="utf-8")
    print(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
