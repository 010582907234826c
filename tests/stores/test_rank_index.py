"""The prepared ranking (graph/rank_index.py) answers exactly as graph/search.py's reference ranking,
for random candidate sets and queries of every tier, with and without a filter on the members."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from graph.rank_index import RankIndex
from graph.search import FUZZY_CUTOFF, Candidate, candidate_stems, ranking

WORDS = ["harbour", "harbor", "guild", "guide", "north", "norther", "port", "porter", "ab", "abc", "abd", "x"]


def _key(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))


def _candidates(rng: random.Random, n: int) -> list[Candidate]:
    out = []
    for i in range(n):
        name_key = "" if rng.random() < 0.05 else _key(rng)
        aliases = tuple(_key(rng) for _ in range(rng.choice([0, 0, 1, 2])))
        name = name_key.title() or f"Nameless {i}"
        out.append(Candidate(f"id{i:03d}", name, (name_key, *aliases), rng.choice([0, 1, 1, 2, 5])))
    return out


QUERIES = [
    "harbour",
    "harbour guild",
    "harbor guild",
    "guild",
    "gui",
    "ab",
    "abc",
    "x",
    "port harbour",
    "guild north",
    "norht",
    "habrour guild",
    "porter x",
    "north norther",
    "zzz",
    "harbour guild north",
]


@pytest.mark.parametrize("seed", range(12))
def test_prepared_ranking_equals_the_reference(seed: int) -> None:
    rng = random.Random(seed)
    cands = _candidates(rng, 150)
    index = RankIndex.of(cands)
    for q in [*QUERIES, _key(rng), _key(rng)]:
        want = ranking(q, cands)
        got = index.ranking(q)
        assert (got.hits, got.tiers, got.capped) == (want.hits, want.tiers, want.capped), q
        even = [c for c in cands if int(c.id[2:]) % 2 == 0]
        want_even = ranking(q, even)
        got_even = index.ranking(q, lambda i: i % 2 == 0)
        assert (got_even.hits, got_even.tiers) == (want_even.hits, want_even.tiers), q


def test_every_tier_and_the_candidate_rule_are_exercised() -> None:
    # The comparison above means something only if the sets reach every tier and the multi-stem rule.
    cands = [
        Candidate("a", "Harbour Guild", ("harbour guild",), 1),
        Candidate("b", "Harbour Guild Hall", ("harbour guild hall",), 3),
        Candidate("c", "Old Harbour Guild", ("old harbour guild",), 2),
        Candidate("d", "Harbor Guild", ("harbor guild",), 9),
        Candidate("f", "Nothing", ("", "harbour guildhall"), 0),  # an alias only
        Candidate("g", "Harbour Gulld", ("harbour gulld",), 8),  # scores, but lacks the stem "gui"
    ]
    got = RankIndex.of(cands).ranking("harbour guild")
    assert [(c.id, t) for c, t in zip(got.hits, got.tiers, strict=True)] == [
        ("a", 0),
        ("b", 1),
        ("f", 1),
        ("c", 2),
        ("d", 3),
    ]
    assert len(candidate_stems("harbour guild")) == 2
    assert fuzz.WRatio("harbour guild", "harbour gulld") >= FUZZY_CUTOFF
    assert got == ranking("harbour guild", cands)
