"""Rules alone vs rules + the learned relation classifier, on one half of a corpus, for several weights and thresholds.

    .venv/bin/python bench/learned_relations.py --split tune --thresholds 0.5 0.6
    .venv/bin/python bench/learned_relations.py --corpus bench/news --split B --models new.npz

Each article is parsed once; the extraction is made from that parse with the rules alone and with
each weight file (`--models`, default the committed ones) at each threshold (the same `extract` that
`kg extract` runs). Each variant is scored by ../shared/eval/score.py (`--pred`), so the figures are the
ones `SPLIT=... bash scripts/eval.sh` gives for that setting. The halves come from the corpus's
`split.json` (bench/news*: A, B) or from bench/dev-split.json (dev: tune, held); `all` is every article.
Thresholds are chosen on `tune` only; `held` and the B halves are read as the summary numbers only.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.settings import get_settings  # noqa: E402
from loaders.pipeline import Extractor, extract, prepare  # noqa: E402
from loaders.readers import read_one  # noqa: E402
from loaders.relations import learned  # noqa: E402

log = logging.getLogger("bench.learned_relations")
SCORE = re.compile(r"relations F1=([0-9.]+)")


def _extract(
    ex: Extractor, doc: object, src: object, captions: list[tuple[int, int]], t: float | None
) -> dict:
    """The extraction of a parsed article with the classifier off (None) or at threshold `t`."""
    os.environ["KG_LEARNED_RELATIONS"] = "0" if t is None else "1"
    os.environ["KG_LEARNED_THRESHOLD"] = "0" if t is None else str(t)
    get_settings.cache_clear()
    result = extract(doc, src.article, ex.gaz, captions)  # type: ignore[arg-type, attr-defined]
    return result.model_dump(mode="json", exclude_none=True)


def article_ids(corpus: Path, split: str) -> list[str]:
    """The articles of one half: the corpus's own split.json, else dev's tune/held split."""
    own = corpus / "split.json"
    halves = json.loads((own if own.exists() else ROOT / "bench" / "dev-split.json").read_text())
    if split == "all":
        return [i for key, ids in halves.items() if not key.startswith("_") for i in ids]
    return list(halves[split])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", default="tune", help="tune, held (dev), A, B (bench/news*), or all")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.6])
    parser.add_argument("--models", type=Path, nargs="+", default=[learned.MODEL_PATH])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "learned")
    parser.add_argument("--no-gate", action="store_true", help="keep predictions without a trigger word")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ids = article_ids(args.corpus, args.split)
    base = args.out / f"{args.corpus.resolve().name}-{args.split}"
    corpus = base / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    learned.GATE = not args.no_gate
    models = {}
    for path in args.models:
        model = learned.load_model(path)
        if model is None:
            raise SystemExit(f"no usable weights at {path}")
        models[path.stem] = model
    ex = Extractor()
    names = [f"{m}@{t:g}" for m in models for t in args.thresholds]
    variants: dict[str, dict[str, dict]] = {"rules": {}, **{n: {} for n in names}}
    for name in ids:
        for suffix in (".txt", ".meta.json", ".gold.json"):
            link = corpus / f"{name}{suffix}"
            if not link.exists():
                link.symlink_to((args.corpus / f"{name}{suffix}").resolve())
        src = read_one(
            str(args.corpus / f"{name}.txt"),
            str(args.corpus / f"{name}.meta.json"),
            max_bytes=get_settings().max_article_bytes,
        )
        text, captions = prepare(src)
        doc = ex.nlp(text)
        variants["rules"][name] = _extract(ex, doc, src, captions, None)
        for stem, model in models.items():
            learned.load_model = lambda path=learned.MODEL_PATH, m=model: m  # type: ignore[misc]
            for t in args.thresholds:
                variants[f"{stem}@{t:g}"][name] = _extract(ex, doc, src, captions, t)
    summary = {}
    for variant, preds in variants.items():
        folder = base / variant
        folder.mkdir(parents=True, exist_ok=True)
        for name, pred in preds.items():
            (folder / f"{name}.json").write_text(json.dumps(pred), encoding="utf-8")
        score = ROOT.parent / "shared" / "eval" / "score.py"
        cmd = [sys.executable, str(score), "--corpus", str(corpus), "--pred", str(folder), "-v"]
        run = subprocess.run(cmd, capture_output=True, text=True, check=True)
        (folder / "score.txt").write_text(run.stdout, encoding="utf-8")
        m = SCORE.search(run.stdout)
        summary[variant] = float(m.group(1)) if m else None
        added = sum(len(p["relations"]) for p in preds.values()) - sum(
            len(p["relations"]) for p in variants["rules"].values()
        )
        log.info(
            "%s %s: relations F1 %s (%d learned relations added)", base.name, variant, summary[variant], added
        )
    (base / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
