"""Train the learned relation classifier: `python -m loaders.train_relations [--out PATH] [--threshold P]`.

Reads the annotated sentences of loaders/data/training/relations.jsonl and relations-r10.jsonl (real
news, annotated to the GUIDE: docs/learned-relations.md), parses them with the same pipeline as extraction, finds their entity
mentions with the same entity finder, and labels every ordered pair of entities in a sentence: the
annotated type, or NONE (each sentence's positives are annotated completely, so any other pair is a
negative). It then
1. holds out the sentences of one source article in five (by a hash of the URL, so no article is on
   both sides) and reports precision / recall / F1 there, against a trivial baseline (the most common
   label for the pair's two entity kinds);
2. trains on every sentence and writes the weights (loaders/data/models/relations.npz, with the
   figures in its `meta`).

Training is softmax regression with L2, by L-BFGS from zero weights (deterministic, about a minute on
one core), with a related pair weighing POSITIVE_WEIGHT NONE pairs; `--cv` first scores the CV_* grid of
L2 and positive weight on article-grouped folds of the training rows, which is how they were chosen.
"""

from __future__ import annotations

import argparse
import json
import logging
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from graph.model import Article
from loaders.entities import find_entities
from loaders.gazetteer import load_gazetteer
from loaders.pipeline import load_nlp
from loaders.relations.learned import MODEL_PATH, RelationModel
from loaders.relations.learned_features import (
    DENSE,
    LABELS,
    N_FEATURES,
    NONE,
    Candidate,
    candidates,
    pair_features,
)
from loaders.relations.learned_gate import kinds_allowed
from loaders.relations.lexicon import SYMMETRIC

log = logging.getLogger(__name__)
TRAINING = Path(__file__).resolve().parent / "data" / "training"
DATA_PATH = TRAINING / "relations.jsonl"
MORE_DATA = TRAINING / "relations-r10.jsonl"  # round 10's sentences (docs/learned-relations.md)
DATA: tuple[Path, ...] = (DATA_PATH, MORE_DATA)  # what the committed weights are trained on
MAX_ITER = 150  # L-BFGS iterations at most
L2 = 1e-2
POSITIVE_WEIGHT = 2.0  # weight of a related pair against a NONE pair in the loss (best of CV_*, round 10)
# `--cv` scores these settings on article-grouped folds of the training rows (never dev or bench text)
CV_L2 = (1e-2, 3e-2, 1e-1)
CV_POSITIVE_WEIGHT = (1.0, 2.0)
FOLDS = 3
THRESHOLD = 0.5  # chosen on the tuned halves (dev tune, bench/news A, news2 A): docs/learned-relations.md


@dataclass
class Pairs:
    """Feature rows, label indices, the kind pair of each row, and the source URL of each row."""

    x: np.ndarray
    y: np.ndarray
    kinds: list[tuple[str, str]]
    urls: list[str]
    missed: int  # annotated relations whose ends the entity finder did not find


def read_examples(*paths: Path) -> list[dict[str, object]]:
    """The annotated sentences of the files (default DATA), one JSON object a line."""
    return [
        json.loads(line)
        for path in paths or DATA
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _keys(text: str, surface: str, spans: dict[str, list[tuple[int, int]]]) -> set[str]:
    """Entity keys with a mention overlapping the first occurrence of `surface` in the sentence."""
    at = text.find(surface)
    if at < 0:
        raise ValueError(f"{surface!r} is not in {text!r}")
    end = at + len(surface)
    return {k for k, ranges in spans.items() if any(a < end and at < b for a, b in ranges)}


def build_pairs(examples: Sequence[dict[str, object]]) -> Pairs:
    """Parse, find entities and label every candidate pair of every example."""
    nlp = load_nlp()
    gaz = load_gazetteer()
    rows: list[np.ndarray] = []
    labels: list[int] = []
    kinds: list[tuple[str, str]] = []
    urls: list[str] = []
    missed = 0
    texts = [str(e["text"]) for e in examples]
    for ex, doc in zip(examples, nlp.pipe(texts), strict=True):
        table = find_entities(doc, Article(id="training", url=str(ex["url"])), gaz)
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in table.mentions:
            span = doc[m.start : m.end]
            spans.setdefault(m.key, []).append((span.start_char, span.end_char))
        cands: list[Candidate] = candidates(doc[:], table)
        found = {(c.source.key, c.target.key) for c in cands}
        gold: dict[tuple[str, str], str] = {}
        for src, rel, tgt in ex["relations"]:  # type: ignore[attr-defined]
            ks, kt = _keys(doc.text, src, spans), _keys(doc.text, tgt, spans)
            pairs = [(a, b) for a in ks for b in kt if a != b]
            if not any(p in found for p in pairs):
                missed += 1
                log.info("unreachable: %s %s %s | %s", src, rel, tgt, sorted(spans))
            for a, b in pairs:
                gold.setdefault((a, b), rel)
                if rel in SYMMETRIC:
                    gold.setdefault((b, a), rel)
        for c in cands:
            rows.append(pair_features(c.sent, c.source, c.target, c.between))
            labels.append(LABELS.index(gold.get((c.source.key, c.target.key), NONE)))
            kinds.append((c.source.kind, c.target.kind))
            urls.append(str(ex["url"]))
    x = np.stack(rows) if rows else np.zeros((0, N_FEATURES), np.float32)
    return Pairs(x, np.array(labels, dtype=np.int64), kinds, urls, missed)


def fit(
    x: np.ndarray, y: np.ndarray, threshold: float, l2: float = L2, positive_weight: float = POSITIVE_WEIGHT
) -> RelationModel:
    """Softmax regression (L-BFGS, L2) over standardised dense features and raw hashed counts; a related
    pair weighs `positive_weight` NONE pairs in the loss."""
    mean = np.zeros(N_FEATURES, dtype=np.float64)
    scale = np.ones(N_FEATURES, dtype=np.float64)
    mean[:DENSE] = x[:, :DENSE].mean(axis=0)
    scale[:DENSE] = np.maximum(x[:, :DENSE].std(axis=0), 1e-2)
    dense = (x[:, :DENSE] - mean[:DENSE]) / scale[:DENSE]
    # the hashed lemmas are sparse: a CSR matrix makes each pass cost the non-zero entries only
    xs = sparse.hstack([sparse.csr_matrix(dense), sparse.csr_matrix(x[:, DENSE:])]).tocsr()
    xt = xs.T.tocsr()
    onehot = np.eye(len(LABELS))[y]
    weight = np.where(y != 0, positive_weight, 1.0)[:, None]
    total = float(weight.sum())
    shape = (N_FEATURES, len(LABELS))

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(shape)
        z = xs @ w
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(weight * onehot * logp).sum() / total + 0.5 * l2 * (w * w).sum()
        grad = xt @ (weight * (np.exp(logp) - onehot)) / total + l2 * w
        return float(value), np.asarray(grad).ravel()

    result = optimize.minimize(
        loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITER}
    )
    w = result.x.reshape(shape)
    return RelationModel(w.astype(np.float32), mean.astype(np.float32), scale.astype(np.float32), threshold)


def predict(model: RelationModel, x: np.ndarray, kinds: Sequence[tuple[str, str]]) -> np.ndarray:
    """The label index of each row: the most likely type the kinds allow, NONE below the threshold."""
    probs = model.probabilities(x)
    out = np.zeros(len(x), dtype=np.int64)
    for i, (p, (ks, kt)) in enumerate(zip(probs, kinds, strict=True)):
        for k in np.argsort(-p):
            if k == 0 or kinds_allowed(LABELS[k], ks, kt):
                out[i] = k if k == 0 or p[k] >= model.threshold else 0
                break
    return out


def prf(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Micro precision, recall and F1 over the non-NONE labels."""
    tp = int(((pred == gold) & (gold != 0)).sum())
    fp = int(((pred != 0) & (pred != gold)).sum())
    fn = int(((gold != 0) & (pred != gold)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def kind_baseline(train: Pairs, idx_train: np.ndarray, idx_test: np.ndarray) -> np.ndarray:
    """The trivial baseline: the most common training label for the pair's (source kind, target kind)."""
    by_kind: dict[tuple[str, str], Counter[int]] = {}
    for i in idx_train:
        by_kind.setdefault(train.kinds[i], Counter())[int(train.y[i])] += 1
    return np.array([by_kind.get(train.kinds[i], Counter({0: 1})).most_common(1)[0][0] for i in idx_test])


def held_out(url: str) -> bool:
    """One source article in five is held out from training, by a stable hash of its URL."""
    return zlib.crc32(url.encode("utf-8")) % 5 == 0


def cross_validate(pairs: Pairs, rows: np.ndarray, threshold: float) -> list[dict[str, object]]:
    """Micro P/R/F1 of each (L2, positive weight) over FOLDS article-grouped folds of `rows`, pooled
    over the folds: how the settings are chosen from the training data alone."""
    fold = np.array([zlib.crc32(pairs.urls[i].encode("utf-8")) // 5 % FOLDS for i in rows])
    out: list[dict[str, object]] = []
    for l2 in CV_L2:
        for pw in CV_POSITIVE_WEIGHT:
            pred = np.zeros(len(rows), dtype=np.int64)
            for k in range(FOLDS):
                tr, te = rows[fold != k], rows[fold == k]
                model = fit(pairs.x[tr], pairs.y[tr], threshold, l2, pw)
                pred[fold == k] = predict(model, pairs.x[te], [pairs.kinds[i] for i in te])
            scores = prf(pairs.y[rows], pred)
            log.info("cv l2=%g positive_weight=%g: %s", l2, pw, scores)
            out.append({"l2": l2, "positive_weight": pw, **scores})
    return out


def train(
    out: Path = MODEL_PATH,
    threshold: float = THRESHOLD,
    data: Sequence[Path] = DATA,
    cv: bool = False,
    l2: float = L2,
    positive_weight: float = POSITIVE_WEIGHT,
) -> dict[str, object]:
    """Evaluate on the held-out articles, then train on everything and write the weights; the figures.
    With `cv`, first score the CV_* settings on folds of the training rows (logged and kept in `meta`)."""
    examples = read_examples(*data)
    pairs = build_pairs(examples)
    test = np.array([held_out(u) for u in pairs.urls])
    idx_train, idx_test = np.flatnonzero(~test), np.flatnonzero(test)
    cv_table = cross_validate(pairs, idx_train, threshold) if cv else None
    model = fit(pairs.x[idx_train], pairs.y[idx_train], threshold, l2, positive_weight)
    pred = predict(model, pairs.x[idx_test], [pairs.kinds[i] for i in idx_test])
    meta: dict[str, object] = {
        "sentences": len(examples),
        "pairs": len(pairs.y),
        "positives": int((pairs.y != 0).sum()),
        "labels": {LABELS[k]: n for k, n in sorted(Counter(pairs.y.tolist()).items())},
        "unreachable_annotations": pairs.missed,
        "held_out_pairs": len(idx_test),
        "held_out_model": prf(pairs.y[idx_test], pred),
        "held_out_baseline": prf(pairs.y[idx_test], kind_baseline(pairs, idx_train, idx_test)),
        "threshold": threshold,
        "features": N_FEATURES,
        "max_iter": MAX_ITER,
        "l2": l2,
        "positive_weight": positive_weight,
    }
    if cv_table is not None:
        meta["cv"] = cv_table
    final = fit(pairs.x, pairs.y, threshold, l2, positive_weight)
    final.save(out, meta)
    return meta


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--data", type=Path, nargs="+", default=list(DATA))
    parser.add_argument("--cv", action="store_true", help="score the CV_* settings on training folds first")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--positive-weight", type=float, default=POSITIVE_WEIGHT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    meta = train(args.out, args.threshold, args.data, args.cv, args.l2, args.positive_weight)
    log.info("%s", json.dumps(meta, indent=1))
    log.info("wrote %s (%d bytes)", args.out, args.out.stat().st_size)


if __name__ == "__main__":
    main()
