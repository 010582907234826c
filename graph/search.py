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

Broad queries. A query whose every word (stem) begins words of more than `BROAD_CANDIDATES` entities
(counted by the index, ignoring `kind`) is *broad*: "a", "al", or any word most of the graph shares.
Ranking all of its candidates costs time in proportion to the graph (6 s on Neo4j at 100k entities), so a
broad query ranks only its exact matches (an indexed lookup) and the `BROAD_CANDIDATES` most connected
entities (of that kind), and the page says `capped`. Otherwise the store reads the candidates of its most
selective stem (at most `BROAD_CANDIDATES`), keeps those holding every stem (`is_candidate`: the index's own
rule) and ranks them all, so the total is exact.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from rapidfuzz import fuzz, process

from graph.model import normalize_name

FUZZY_MIN_CHARS = 4
FUZZY_CUTOFF = 85.0
# Fuzzy candidates must share each query word's first characters: typos there are not found, and in
# exchange the candidate set stays small enough to score every member (measured in bench/api.py).
FUZZY_STEM = 3

# More candidates than this for every stem of a query make it broad (above); also the number of most
# connected entities a broad query (and browsing without a query) ranks.
BROAD_CANDIDATES = 2000

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
    """Word prefixes a candidate must hold, all of them in its name or all in its aliases: distinct, the
    longest (likely the most selective) first. None is longer than `FUZZY_STEM` characters, so both
    indexes answer each from a prefix index."""
    words = key.split()
    stems = [w[:FUZZY_STEM] for w in words] if is_fuzzy(key) else words
    return sorted(dict.fromkeys(stems), key=lambda s: (-len(s), s))


def word_stems(keys: Sequence[str]) -> set[str]:
    """The stems (1 to `FUZZY_STEM` characters: `candidate_stems` makes no longer one) that begin a word of
    these keys: those whose `lucene_stem_query` matches an entity with these name and alias keys."""
    out: set[str] = set()
    for k in keys:
        for w in k.split():
            out.update(w[:n] for n in range(1, min(len(w), FUZZY_STEM) + 1))
    return out


K = TypeVar("K")


def stem_members(entries: Iterable[tuple[K, Sequence[str]]], cap: int) -> dict[str, list[K]]:
    """Each stem's members (`word_stems` of their keys) from (member, keys) pairs, in order, at most
    cap + 1 a stem: past the cap the count is all a search asks. The whole-graph search preparation of
    both stores (neo4j_row_memo.whole_graph, embedded_stems.StemMemo.preload)."""
    members: dict[str, list[K]] = {}
    for member, keys in entries:
        for s in word_stems(keys):
            got = members.get(s)
            if got is None:
                members[s] = [member]
            elif len(got) <= cap:
                got.append(member)
    return members


# Members of the stems a search preparation builds ranking indexes for ahead (the largest stems first):
# a stem's first query builds its index (~2 ms a 1,000 members, several more for the words a query of two
# stems needs), small stems are cheap to build at their first query. Bounds the memory (~25 MB at 100k).
PREBUILD_MEMBERS = 200_000


def largest_stems(members: dict[str, list[Any]], cap: int, budget: int = PREBUILD_MEMBERS) -> list[str]:
    """The stems with at most `cap` members, the largest first, as many as `budget` members allow."""
    chosen: list[str] = []
    for stem, ids in sorted(members.items(), key=lambda kv: -len(kv[1])):
        if len(ids) > cap:
            continue
        if len(ids) > budget:
            break
        budget -= len(ids)
        chosen.append(stem)
    return chosen


def is_candidate(stems: list[str], keys: Sequence[str]) -> bool:
    """Whether the index proposes an entity: every stem begins a word of its name (`keys[0]`), or every
    stem begins a word of its aliases (`keys[1:]`, their words taken together, as one indexed field).
    Normalised keys separate words by one space, so "begins a word" is "follows a space" in " " + key."""
    if not keys:
        return False
    name = " " + keys[0]
    if all(" " + s in name for s in stems):
        return True
    aliases = " " + " ".join(keys[1:])  # one field: a stem may begin a word of any alias
    return len(keys) > 1 and all(" " + s in aliases for s in stems)


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


class Candidate(NamedTuple):
    """What an index returns for one entity: enough to rank it without the store (a tuple: thousands are
    built per query)."""

    id: str
    name: str
    keys: tuple[str, ...]  # normalised name key (may be empty), then the alias keys
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
    fuzzy = is_fuzzy(key)
    if not key:
        return []
    # One string per candidate, each key after a newline (q holds none: a match never spans two keys):
    # "\nq\n" is an exact key, "\nq" a key's start, " q" a later word's start. Three substring tests
    # instead of a Python loop over the keys (a search ranks up to 2,000 candidates).
    exact, start, word = f"\n{key}\n", f"\n{key}", f" {key}"
    for i, c in enumerate(cands):
        keys = c.keys if "" not in c.keys else tuple(k for k in c.keys if k)
        if not keys:
            continue
        joined = "\n" + "\n".join(keys) + "\n"
        if exact in joined:
            tiers[i] = 0
        elif start in joined:
            tiers[i] = 1
        elif word in joined:
            tiers[i] = 2
        elif fuzzy:
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


@dataclass(frozen=True, slots=True)
class Ranking:
    """A query's matches in result order; `capped` when the query was broad (module docstring)."""

    hits: list[Candidate]
    capped: bool = False
    tiers: tuple[int, ...] = ()  # of each hit


def ranking(key: str, candidates: Iterable[Candidate], capped: bool = False) -> Ranking:
    """Rank what the index proposed: keep the true candidates (every stem), then order by tier.

    For a broad query the store passes its exact matches and its most connected entities instead; an
    entity in both counts once. The matches of a single stem are candidates by definition (the index
    matched that stem), so only queries of several stems, and broad ones, are checked here.
    """
    stems = candidate_stems(key)
    if len(stems) == 1 and not capped:
        return _ranked(rank(key, candidates), capped)
    seen: dict[str, Candidate] = {}
    for c in candidates:
        if c.id not in seen and is_candidate(stems, c.keys):
            seen[c.id] = c
    return _ranked(rank(key, seen.values()), capped)


def _ranked(hits: list[tuple[int, Candidate]], capped: bool) -> Ranking:
    return Ranking([c for _, c in hits], capped, tuple(t for t, _ in hits))


def lucene_stem_query(stem: str) -> str:
    """The full-text query for one stem as a word prefix, in the name or in the aliases."""
    term = lucene_escape(stem)
    return f"name_key:{term}* OR alias_keys:{term}*"


def lucene_exact_query(key: str) -> str:
    """Aliases holding every word of the key (a superset of the aliases equal to it)."""
    return "alias_keys:(" + " ".join(f"+{lucene_escape(w)}" for w in key.split()) + ")"


def fts5_stem_query(stem: str) -> str:
    """The same stem query in SQLite FTS5 syntax (a quoted prefix term, in either column)."""
    return '"' + stem.replace('"', '""') + '"*'


class BroadCache:
    """What a broad query costs, kept for one graph version: the most connected entities of each kind
    asked, and the rankings of the broad queries asked (few distinct strings: one or two letters, or a
    word the whole graph shares). A new version drops both. Thread-safe; a value is computed under the
    lock, so concurrent requests wait for one computation instead of each running it."""

    def __init__(self, max_rankings: int = 256) -> None:
        self.max_rankings = max_rankings
        self._version: Hashable = None
        self._hubs: dict[str | None, list[Candidate]] = {}
        self._rankings: dict[tuple[str | None, str], Ranking] = {}
        self._lock = threading.Lock()

    def _at(self, version: Hashable) -> None:
        if version != self._version:
            self._version, self._hubs, self._rankings = version, {}, {}

    def hubs(
        self, version: Hashable, kind: str | None, load: Callable[[], list[Candidate]]
    ) -> list[Candidate]:
        """The most connected entities (of a kind) at this version, loaded once."""
        with self._lock:
            self._at(version)
            if kind not in self._hubs:
                self._hubs[kind] = load()
            return self._hubs[kind]

    def ranking(
        self, version: Hashable, kind: str | None, key: str, compute: Callable[[], Ranking]
    ) -> Ranking:
        """A broad query's ranking at this version, computed once (the oldest dropped past the limit)."""
        with self._lock:
            self._at(version)
            found = self._rankings.get((kind, key))
        if found is not None:
            return found
        value = compute()
        with self._lock:
            if self._version == version:
                if len(self._rankings) >= self.max_rankings:
                    self._rankings.pop(next(iter(self._rankings)))
                self._rankings[(kind, key)] = value
        return value
