"""Entity search ranking, shared by both stores so that one query gives one answer everywhere.

A store's index only proposes *candidates* (entities whose name or aliases hold, for every word of the
query, a word starting with it, or with its first `FUZZY_STEM` characters when fuzzy matching applies).
The pure functions here decide whether a candidate matches and in which tier, and the order:

- tier 0 exact: the normalised name or an alias equals q;
- tier 1 prefix: the name or an alias starts with q;
- tier 2 token: some word of the name or an alias starts with q (for a query of several words: q starts
  at a word boundary);
- tier 3 fuzzy: rapidfuzz `fuzz.WRatio >= 85` against the name or an alias, only when q has at least
  `FUZZY_MIN_CHARS` characters.

Within a tier: degree descending, then name, then id, strings in code point order: Python's, SQLite's
(UTF-8 bytes) and Neo4j's for stored properties (measured: Neo4j orders *parameter* strings by UTF-16
code units, stored ones by code points), so a store may sort in its own engine. Both indexes tokenise the normalised keys the same
way (`graph.model.normalize_name` leaves words of `[0-9a-z]` separated by one space), so the candidate
sets, and therefore the pages and totals, are identical.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.model import normalize_name

FUZZY_MIN_CHARS = 4
FUZZY_CUTOFF = 85.0
# Fuzzy candidates must share each query word's first characters: typos there are not found, and in
# exchange the candidate set stays small enough to score every member (measured in bench/api.py).
FUZZY_STEM = 3

# Characters the Lucene query parser treats as syntax (normalised queries never hold them, but the
# escape is what makes any string safe to pass to the full-text index).
_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


def query_key(q: str | None) -> str:
    """The normalised query (empty when there is nothing to search for)."""
    return normalize_name(q) if q else ""


def is_fuzzy(key: str) -> bool:
    """Whether a query is long enough for the fuzzy tier."""
    return len(key) >= FUZZY_MIN_CHARS


def candidate_stems(key: str) -> list[str]:
    """Word prefixes a candidate must hold, all of them in its name or all in its aliases."""
    words = key.split()
    if is_fuzzy(key):
        return [w[:FUZZY_STEM] for w in words]
    return words


def tier(key: str, names: Iterable[str]) -> int | None:
    """The match tier of normalised `names` (name and alias keys) for the normalised query, or None."""
    keys = [n for n in names if n]
    if not key or not keys:
        return None
    if key in keys:
        return 0
    if any(k.startswith(key) for k in keys):
        return 1
    if any(f" {key}" in f" {k}" for k in keys):
        return 2
    if is_fuzzy(key) and any(fuzz.WRatio(key, k, score_cutoff=FUZZY_CUTOFF) for k in keys):
        return 3
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """What an index returns for one entity: enough to rank it without the store."""

    id: str
    name: str
    keys: tuple[str, ...]  # normalised name and alias keys
    degree: int


def rank(key: str, candidates: Iterable[Candidate]) -> list[tuple[int, Candidate]]:
    """Matching candidates with their tier, in result order (tier, degree desc, name, id).

    The same tiers as `tier()`, computed for a whole candidate set: the fuzzy scores in one
    `rapidfuzz.process.extract` call (C++) instead of one Python call per key.
    """
    cands = list(candidates)
    tiers: list[int | None] = [None] * len(cands)
    fuzzy_keys: list[str] = []
    owners: list[int] = []
    word = f" {key}"
    for i, c in enumerate(cands):
        keys = [k for k in c.keys if k]
        if not key or not keys:
            continue
        if key in keys:
            tiers[i] = 0
        elif any(k.startswith(key) for k in keys):
            tiers[i] = 1
        elif any(word in f" {k}" for k in keys):
            tiers[i] = 2
        elif is_fuzzy(key):
            fuzzy_keys += keys
            owners += [i] * len(keys)
    if fuzzy_keys:
        scored = process.extract(key, fuzzy_keys, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF, limit=None)
        for _, _, j in scored:
            tiers[owners[j]] = 3
    hits = [(t, c) for t, c in zip(tiers, cands, strict=True) if t is not None]
    hits.sort(key=lambda h: (h[0], -h[1].degree, h[1].name, h[1].id))
    return hits


def lucene_escape(term: str) -> str:
    """A term with Lucene query syntax escaped (and the words AND/OR/NOT made harmless)."""
    out = "".join(f"\\{ch}" if ch in _LUCENE_SPECIAL else ch for ch in term)
    return out.lower() if out in {"AND", "OR", "NOT", "TO"} else out


def lucene_query(key: str) -> str:
    """The full-text query for candidates: every stem as a word prefix, in the name or in the aliases."""
    stems = " ".join(f"+{lucene_escape(s)}*" for s in candidate_stems(key))
    return f"name_key:({stems}) OR alias_keys:({stems})"


def fts5_query(key: str) -> str:
    """The same candidate query in SQLite FTS5 syntax (quoted prefix terms, one column group each)."""
    stems = " AND ".join('"' + s.replace('"', '""') + '"*' for s in candidate_stems(key))
    return f"name_key : ({stems}) OR alias_keys : ({stems})"
