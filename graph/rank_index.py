"""A candidate set prepared once for many queries: the ranking of graph/search.py without a Python loop
over the candidates per query.

The Neo4j store keeps each stem's candidates per graph version (graph/stores/neo4j_search.py), and
every query sharing that stem (~1,000 candidates for a 3-character stem at 100k entities) ranked them
all again: a Python loop building each candidate's joined keys and testing its tiers, and for a query of
several words one `is_candidate` call per candidate. That loop was most of a warm search's CPU (4-7 ms
of 1,000 candidates at load 9, against 2-3 ms for the fuzzy scores in C++). Here the keys are joined
once into one string per field, so a tier or a stem is one `str.find` scan (C) with a bisect per match,
and the keys to score for the fuzzy tier are one prepared list. Candidates are built for the hits only.

`ranking()` returns exactly what `graph.search.ranking(key, candidates)` returns for the same candidates
(tests/test_rank_index.py compares both on random sets); it assumes distinct ids, which an index's
answer has.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, chain, repeat

from rapidfuzz import fuzz, process

from graph.search import FUZZY_CUTOFF, FUZZY_STEM, Candidate, Ranking, candidate_stems, is_fuzzy, word_stems
from graph.search import ranking as reference_ranking


class Segments:
    """Strings joined into one text, each one's start kept, so a match's position names its segment."""

    __slots__ = ("starts", "text")

    def __init__(self, parts: list[str]) -> None:
        self.starts = list(accumulate(map(len, parts), initial=0))  # one past the last: the text's end
        self.text = "".join(parts)

    def holding(self, needle: str) -> set[int]:
        """The segments holding `needle` (which must not span two: the segments here begin with a newline
        and the needles hold none)."""
        found: set[int] = set()
        text, starts = self.text, self.starts
        i = text.find(needle)
        while i != -1:
            seg = bisect_right(starts, i) - 1
            found.add(seg)
            i = text.find(needle, starts[seg + 1])
        return found


_NONE: frozenset[int] = frozenset()


def stem_members(keys: Iterable[Sequence[str]]) -> dict[str, frozenset[int]]:
    """For each stem (`word_stems`: 1 to `FUZZY_STEM` characters beginning a word), the members (numbered
    in order) holding it in these keys. Built once per set: ~6 stems a member, where scanning the joined
    words for a stem every member holds cost ~1-5 ms per stem and set at load 7."""
    found: dict[str, set[int]] = {}
    for i, ks in enumerate(keys):
        for s in word_stems(ks):
            found.setdefault(s, set()).add(i)
    return {s: frozenset(m) for s, m in found.items()}


class RankIndex:
    """One candidate set (an index's answer for one stem) prepared for `ranking()`: members are numbered
    in the order given, and sets of them are Python sets (set algebra in C). What only some queries need
    (the words of names and aliases for queries of several stems) is prepared at its first use, and the
    members holding each stem are kept: the queries sharing a set mostly share their stems too."""

    __slots__ = (
        "degrees",
        "fuzzy_keys",
        "fuzzy_owners",
        "held",
        "ids",
        "keys",
        "names",
        "short",
        "tiers",
        "words",
    )

    def __init__(
        self, ids: list[str], names: list[str], keys: list[tuple[str, ...]], degrees: list[int]
    ) -> None:
        self.ids, self.names, self.keys, self.degrees = ids, names, keys, degrees
        nonempty = [ks if "" not in ks else tuple(filter(None, ks)) for ks in keys]
        # Each key after a newline: "\nq\n" is an exact key, "\nq" a key's start, " q" a later word's
        # start (graph.search.rank).
        # A member without keys is "\n\n": no needle matches it.
        self.tiers = Segments(["\n" + "\n".join(ks) + "\n" for ks in nonempty])
        self.fuzzy_keys = list(chain.from_iterable(nonempty))
        self.fuzzy_owners = list(chain.from_iterable(repeat(i, len(ks)) for i, ks in enumerate(nonempty)))
        self.words: tuple[Segments, Segments] | None = None  # of the names, of the aliases
        self.held: dict[str, frozenset[int]] = {}
        # By stem of at most FUZZY_STEM characters: members holding it by name, by aliases (built once).
        self.short: tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]] | None = (
            None  # by stem: members holding it by name | by aliases
        )

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> RankIndex:
        cands = list(candidates)
        return cls(
            [c.id for c in cands], [c.name for c in cands], [c.keys for c in cands], [c.degree for c in cands]
        )

    def __len__(self) -> int:
        return len(self.ids)

    def candidate(self, i: int) -> Candidate:
        return Candidate(self.ids[i], self.names[i], self.keys[i], self.degrees[i])

    def holding(self, stem: str) -> tuple[frozenset[int], frozenset[int]]:
        """The members with a word starting with `stem` in their name, and in their aliases (kept)."""
        if 0 < len(stem) <= FUZZY_STEM:  # what candidate_stems makes: one look-up
            names_of, aliases_of = self._short()
            return names_of.get(stem, _NONE), aliases_of.get(stem, _NONE)
        found = self.held.get(stem)
        if found is None:
            if self.words is None:  # the words after a space: " s" begins a word
                # A member without a name key, or without aliases, is "\n ": no " stem" matches it.
                names = Segments(["\n " + ks[0] if ks else "\n " for ks in self.keys])
                aliases = Segments(["\n " + " ".join(ks[1:]) for ks in self.keys])
                self.words = (names, aliases)
            by_name, by_alias = (frozenset(w.holding(" " + stem)) for w in self.words)
            self.held[stem] = by_name
            self.held["\n" + stem] = by_alias  # no stem holds a newline
            return by_name, by_alias
        return found, self.held["\n" + stem]

    def prepare(self) -> None:
        """Build ahead what this set's first query of several stems would (`holding`)."""
        self._short()

    def _short(self) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
        if self.short is None:
            self.short = (stem_members(k[:1] for k in self.keys), stem_members(k[1:] for k in self.keys))
        return self.short

    def proposed(self, stems: Sequence[str]) -> set[int]:
        """The members holding every stem, in their name or in their aliases (`graph.search.is_candidate`)."""
        held = [self.holding(s) for s in stems]
        return set.intersection(*(set(n) for n, _ in held)) | set.intersection(*(set(a) for _, a in held))

    def ranking(self, key: str, only: Callable[[int], bool] | None = None) -> Ranking:
        """`graph.search.ranking(key, members)` for the members `only` keeps (all by default)."""
        if not key or "\n" in key:  # never from a normalised query; the plain code answers it alike
            return reference_ranking(
                key, [self.candidate(i) for i in range(len(self)) if only is None or only(i)]
            )
        stems = candidate_stems(key)
        allowed: set[int] | None = None if len(stems) == 1 else self.proposed(stems)
        if only is not None:
            allowed = {i for i in (range(len(self)) if allowed is None else allowed) if only(i)}
        exact = self.tiers.holding(f"\n{key}\n")
        prefix = self.tiers.holding(f"\n{key}") - exact
        word = self.tiers.holding(f" {key}") - exact - prefix
        if allowed is not None:
            exact, prefix, word = exact & allowed, prefix & allowed, word & allowed
        fuzzy: set[int] = set()
        matched = exact | prefix | word
        left = (set(range(len(self))) if allowed is None else allowed) - matched
        if is_fuzzy(key) and left:
            keys, owners = self.fuzzy_keys, self.fuzzy_owners
            if len(left) * 2 < len(self):  # few to score: only their keys
                chosen = [(k, o) for k, o in zip(keys, owners, strict=True) if o in left]
                keys, owners = [k for k, _ in chosen], [o for _, o in chosen]
            scored = process.extract(key, keys, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF, limit=None)
            fuzzy = {owners[j] for _, _, j in scored} & left
        hits: list[int] = []
        tiers: list[int] = []
        degrees, names, ids = self.degrees, self.names, self.ids
        for t, found in enumerate((exact, prefix, word, fuzzy)):
            hits += sorted(found, key=lambda i: (-degrees[i], names[i], ids[i]))
            tiers += [t] * len(found)
        return Ranking([self.candidate(i) for i in hits], False, tuple(tiers))
