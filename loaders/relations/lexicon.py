"""The relation rules' word lists, read once from `loaders/data/relations/lexicon.json`.

Code never spells trigger words itself: every list lives in that one versioned file, so a change of
vocabulary is a data change that review can see on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "relations"
_LEX = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))


def words(name: str) -> frozenset[str]:
    """One word list of the lexicon, as a set."""
    return frozenset(_LEX[name])


def table(name: str) -> dict[str, str]:
    """One word -> value table of the lexicon."""
    return dict(_LEX[name])


ACTORS = frozenset({"person", "country", "organization", "armed_group", "group"})
PLACES = frozenset({"place", "country"})
SYMMETRIC = frozenset({"ALLIED_WITH", "SPOKE_WITH", "MET_WITH"})
HYPHENS = frozenset({"-", "\u2013"})  # hyphen and en dash, as tokens ("A-B treaty", "Soviet-era")

# trigger lemma -> relation type ("condemn" -> CONDEMNED)
VERBS: dict[str, str] = {v: t for t, vs in _LEX["verbs"].items() for v in vs}
ALLY_NOUNS = words("ally_nouns")
SUPPORTER_NOUNS = words("supporter_nouns")
ENEMY_NOUNS = words("enemy_nouns")
HYPHEN_VERBS = table("hyphen_verbs")
DENIAL = words("denial_verbs")
AGENTIVE_HEADS = words("agentive_heads")
ACT_NOUNS = words("act_nouns")
CONFLICT_NOUNS = words("conflict_nouns")
TYPE_PREPS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _LEX["type_preps"].items()}
REBEL_WORDS = words("rebel_words")
ACT_NOUN_TYPES = table("act_noun_types")
CLAUSE_VERBS_WITHOUT_AGENT = words("clause_verbs_without_agent")
CONFLICT_VERBS_WITHOUT_AGENT = words("conflict_verbs_without_agent")
COMPASS_WORDS = words("compass_words")
PLACE_PREFIX_WORDS = words("place_prefix_words")
LOCATIVE_PREPS = words("locative_preps")
