"""A learned relation classifier over entity pairs in a sentence, where the rules leave a pair empty.

The rules are precise but narrow (docs/extraction.md): on text nobody tuned on they fire for one gold
relation in three. This module scores every ordered pair of entity mentions in a sentence with a small
softmax (multinomial logistic) classifier and turns confident predictions into relations for pairs the
rules related in neither direction: the rules win whenever they fire.

The pieces: `learned_features` (candidate pairs and their feature vectors), `learned_gate` (which
kinds a type joins, the trigger-word gate, "X-backed" ends) and this module (the model and inference).

The weights are trained by `python -m loaders.train_relations` on annotated real news sentences
(loaders/data/training/*.jsonl, docs/learned-relations.md) and committed as a small `.npz` file
(loaders/data/models/relations.npz): nothing is downloaded at run time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable
from loaders.relations.learned_features import (
    LABELS,
    N_FEATURES,
    NONE,
    Candidate,
    candidates,
    pair_features,
)
from loaders.relations.learned_gate import backer_keys, has_trigger, kinds_allowed
from loaders.relations.learned_roles import role_conflict
from loaders.relations.lexicon import SYMMETRIC

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "relations.npz"
GATE = True  # keep a prediction only with a trigger word of its type nearby (docs/extraction.md)
ROLES = True  # drop a prediction whose end the sentence gives a role its type cannot have


@dataclass(frozen=True)
class RelationModel:
    """Softmax weights over LABELS, the feature scaling they were trained with, and the threshold."""

    weights: np.ndarray  # (N_FEATURES, len(LABELS))
    mean: np.ndarray
    scale: np.ndarray
    threshold: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.weights
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def save(self, path: Path, meta: dict[str, object]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float32),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            threshold=np.float32(self.threshold),
            meta=np.array(json.dumps(meta, sort_keys=True)),
        )


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> RelationModel | None:
    """The committed weights, or None when there are none (the rules then work alone)."""
    if not path.exists():
        return None
    with np.load(path) as data:
        weights = data["weights"]
        if weights.shape != (N_FEATURES, len(LABELS)):
            return None  # trained with other features: retrain with `python -m loaders.train_relations`
        return RelationModel(weights, data["mean"], data["scale"], float(data["threshold"]))


def score(model: RelationModel, cands: Sequence[Candidate]) -> np.ndarray:
    """Label probabilities of each candidate pair."""
    if not cands:
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    memos: dict[int, dict[Any, Any]] = {}  # one per doc: the memo is keyed by token positions
    feats = np.zeros((len(cands), N_FEATURES), dtype=np.float32)  # rows filled in place, not stacked
    for row, c in zip(feats, cands, strict=True):
        pair_features(c.sent, c.source, c.target, c.between, memos.setdefault(id(c.sent.doc), {}), row)
    return model.probabilities(feats)


def learned_relations(
    sents: Iterable[Span],
    table: EntityTable,
    known: Iterable[ExtractedRelation],
    model: RelationModel | None = None,
    threshold: float | None = None,
) -> list[ExtractedRelation]:
    """Confident predictions for entity pairs no rule related (in either direction), one per pair."""
    model = model or load_model()
    if model is None:
        return []
    cut = model.threshold if threshold is None else threshold
    known = list(known)
    taken = {frozenset((r.source, r.target)) for r in known}
    # a person or body the rules already affiliated gets no second, guessed affiliation
    affiliated = {r.source for r in known if r.type == "AFFILIATED_WITH"}
    # and a place the rules already placed ("X in Y, Z in W") gets no second, guessed place
    placed = {r.source for r in known if r.type == "LOCATED_IN"}
    best: dict[frozenset[str], tuple[float, ExtractedRelation]] = {}
    for sent in sents:
        if not any(t.pos_ in {"VERB", "AUX"} for t in sent):
            continue  # a tag line or a list of names states no relation ("Diplomacy X Iran Y Talks")
        backers = backer_keys(sent, table)
        cands = [
            c
            for c in candidates(sent, table)
            if frozenset((c.source.key, c.target.key)) not in taken
            and c.source.key not in backers
            and c.target.key not in backers
        ]
        if not cands:
            continue
        probs = score(model, cands)
        for c, p in zip(cands, probs, strict=True):
            order = np.argsort(-p)
            label = next(
                (
                    LABELS[k]
                    for k in order
                    if LABELS[k] == NONE or kinds_allowed(LABELS[k], c.source.kind, c.target.kind)
                ),
                NONE,
            )
            conf = float(p[LABELS.index(label)])
            if label == NONE or conf < cut:
                continue
            if GATE and not has_trigger(label, c.sent, c.source, c.target):
                continue
            if ROLES and role_conflict(label, c.sent, c.source, c.target):
                continue  # a landmark, a report's source, the side attacked (learned_roles.py)
            if label == "AFFILIATED_WITH" and c.source.key in affiliated:
                continue
            if label == "LOCATED_IN" and c.source.key in placed:
                continue
            pair = frozenset((c.source.key, c.target.key))
            if pair in best and best[pair][0] >= conf:
                continue
            src, tgt = c.source.key, c.target.key
            if label in SYMMETRIC and tgt < src:
                src, tgt = tgt, src
            rel = ExtractedRelation(
                source=src, type=label, target=tgt, evidence=sent.text.strip(), confidence=round(conf, 3)
            )
            best[pair] = (conf, rel)
    return [rel for _, rel in best.values()]
