"""Train the learned event filter: `python -m loaders.train_events [--out PATH]`.

Reads the annotated sentences of loaders/data/training/events.jsonl (real news, restated, annotated to
the GUIDE: docs/learned-events.md), runs the whole extraction pipeline on each with the filter off, and
labels every event the rules return: keep when it matches an annotated required event (same type, and
a shared actor, target or place when the annotation names any), drop when it matches none. An event that
matches only an optional annotation is left out of training: the scorer counts it neither way. Then
1. cross-validates by source page (five folds by a hash of the URL, so no page is on both sides) over
   a small grid of L2 strengths and thresholds, scoring event F1 over the annotated events, and keeps
   the setting with the best F1 (rules only, threshold 0, is in the grid);
2. trains on every sentence with that setting and writes the weights (loaders/data/models/events.npz,
   with the figures in its `meta`).

Training is logistic regression with L2, by L-BFGS from zero weights: deterministic, seconds on one core.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize

from graph.model import Article
from graph.settings import get_settings
from loaders.events.learned import MODEL_PATH, EventModel, event_features, sentence_of
from loaders.gazetteer import load_gazetteer
from loaders.pipeline import extract, load_nlp, prepare
from loaders.source import SourceArticle

log = logging.getLogger(__name__)
DATA_PATH = Path(__file__).resolve().parent / "data" / "training" / "events.jsonl"
L2_GRID = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
FOLDS = 5
MAX_ITER = 200


@dataclass
class Rows:
    """Feature rows of the labelled events, their labels, their page's fold, and the required
    annotated events of each fold (the recall denominator)."""

    x: np.ndarray
    y: np.ndarray
    fold: np.ndarray
    gold_per_fold: np.ndarray


def norm(name: str) -> str:
    """A name as the scorer compares it: case, a leading 'the', a possessive and punctuation ignored."""
    s = re.sub(r"^the\s+|'s$|’s$", "", name.strip().lower())
    return re.sub(r"[^a-z0-9 ]+", " ", s).strip()


def same(pred: str, gold: str) -> bool:
    """A predicted name names the annotated one (equal, or one contains the other word for word)."""
    p, g = f" {norm(pred)} ", f" {norm(gold)} "
    return p.strip() != "" and g.strip() != "" and (p in g or g in p)


def matches(ev: dict[str, object], gold: dict[str, object]) -> bool:
    """An extracted event is the annotated one: same type and, where the annotation names any
    participant, a shared one (the scorer's rule; the date is not compared, see the module doc)."""
    if ev["type"] != gold["type"]:
        return False
    who = [*gold["actors"], *gold["targets"], *([gold["location"]] if gold["location"] else [])]  # type: ignore[misc]
    names = [*ev["actors"], *ev["targets"], *([ev["location"]] if ev["location"] else [])]  # type: ignore[misc]
    return not who or any(same(p, g) for p in names for g in who)


def fold_of(url: str) -> int:
    return zlib.crc32(url.encode("utf-8")) % FOLDS


def build_rows(path: Path = DATA_PATH) -> Rows:
    """Parses and extracts every annotated sentence and labels the rule events it yields."""
    os.environ["KG_LEARNED_EVENTS"] = "0"  # label what the rules alone return
    get_settings.cache_clear()
    nlp, gaz = load_nlp(), load_gazetteer()
    xs: list[np.ndarray] = []
    ys: list[int] = []
    folds: list[int] = []
    gold_per_fold = np.zeros(FOLDS, dtype=np.int64)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ex = json.loads(line)
        fold = fold_of(ex["url"])
        golds = ex["events"]
        gold_per_fold[fold] += sum(not g.get("optional") for g in golds)
        article = Article(id=ex["id"], url=ex["url"], published=ex["published"])
        text, captions = prepare(SourceArticle(article=article, text=ex["text"]))
        doc = nlp(text)
        sents = list(doc.sents)
        taken: set[int] = set()
        for ev in extract(doc, article, gaz, captions).events:
            sent = sentence_of(ev, sents)
            if sent is None:
                continue
            d = ev.model_dump()
            # required annotations first, so an event never takes an optional one a required one needs
            order = sorted(range(len(golds)), key=lambda k: bool(golds[k].get("optional")))
            hit = next((k for k in order if k not in taken and matches(d, golds[k])), None)
            if hit is not None:
                taken.add(hit)
                if golds[hit].get("optional"):
                    continue  # neutral for the scorer: neither a reason to keep nor to drop
            xs.append(event_features(ev, sent, ex["published"]))
            ys.append(int(hit is not None))
            folds.append(fold)
    return Rows(np.array(xs), np.array(ys), np.array(folds), gold_per_fold)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Logistic regression weights and bias (L2 on the weights only)."""

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-9
        nll = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        grad = np.append(x.T @ (p - y) + l2 * w, np.sum(p - y))
        return float(nll + 0.5 * l2 * w @ w), grad

    theta0 = np.zeros(x.shape[1] + 1)
    res = optimize.minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITER})
    return res.x[:-1].astype(np.float32), float(res.x[-1])


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(rows: Rows) -> dict[tuple[float, float], tuple[int, int, int]]:
    """(tp, fp, fn) over all folds for each (L2, threshold) setting."""
    out: dict[tuple[float, float], tuple[int, int, int]] = {}
    for l2 in L2_GRID:
        probs = np.zeros(len(rows.y))
        for k in range(FOLDS):
            test = rows.fold == k
            w, b = fit(rows.x[~test], rows.y[~test], l2)
            probs[test] = 1.0 / (1.0 + np.exp(-(rows.x[test] @ w + b)))
        for t in THRESHOLDS:
            kept = probs >= t
            tp = int(np.sum(kept & (rows.y == 1)))
            fp = int(np.sum(kept & (rows.y == 0)))
            out[(l2, t)] = (tp, fp, int(rows.gold_per_fold.sum()) - tp)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_PATH)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = build_rows(args.data)
    log.info("%d rule events labelled (%d keep, %d drop)", len(rows.y), rows.y.sum(), (rows.y == 0).sum())
    cv = cross_validate(rows)
    for (l2, t), (tp, fp, fn) in sorted(cv.items()):
        log.info("l2=%-5s threshold=%.1f  tp=%d fp=%d fn=%d  F1=%.3f", l2, t, tp, fp, fn, f1(tp, fp, fn))
    (l2, threshold), best = max(cv.items(), key=lambda kv: (f1(*kv[1]), -kv[0][1]))
    rules = cv[(l2, 0.0)]
    w, b = fit(rows.x, rows.y, l2)
    meta = {
        "sentences_events": [len(rows.y), int(rows.y.sum())],
        "l2": l2,
        "cv_rules_only": {"tp": rules[0], "fp": rules[1], "fn": rules[2], "f1": round(f1(*rules), 3)},
        "cv_filtered": {"tp": best[0], "fp": best[1], "fn": best[2], "f1": round(f1(*best), 3)},
    }
    EventModel(w, b, threshold, meta).save(args.out)
    log.info("wrote %s (threshold %.1f): %s", args.out, threshold, json.dumps(meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
