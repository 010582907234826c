"""Who a phrase stands for: the entities of the noun phrases an event's participants are read from."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from loaders.events.lexicon import (
    CONTAINER_NOUNS,
    CROWD_COUNT_NOUNS,
    OFFICE_NOUNS,
    PLACE_NOUNS,
    STRUCK_SITE_NOUNS,
)
from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import ACTORS
from loaders.relations.phrase_actors import actors_of

PATIENTS = ACTORS | {"place"}
# A state's bodies, which "in X" names when X is a country ("the army in X"); forces and troops may be
# foreign ones ("troops in X"), so they are not here.
STATE_BODIES = frozenset({"army", "military", "government", "authorities", "police"})
# "towns held by X", "areas controlled by X": the verb that names a place's holder
HOLDING_VERBS = frozenset({"hold", "control", "occupy"})


def ment(
    toks: Iterable[Token], table: EntityTable, kinds: frozenset[str] | set[str] = ACTORS
) -> list[Mention]:
    """Entities the noun phrases headed by `toks` stand for; "the foreign ministers of X and Y" stand for
    X and Y."""
    out: list[Mention] = []
    for t in toks:
        found = actors_of(t, table, kinds, sites=False)
        if not found and t.lower_ in OFFICE_NOUNS:
            # "the ministers of X", "Indian police": the office holders stand for their state or body
            of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            mods = [c for c in t.children if c.dep_ in {"amod", "compound", "poss"}]
            found = [m for p in of + mods for m in actors_of(p, table, kinds - {"place"}, sites=False)]
            if not found and not mods and t.lower_ in STATE_BODIES:
                # "the army in X", "the authorities in X": a state's own body named by where it is
                where = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children]
                found = [m for p in where for m in actors_of(p, table, {"country"}, sites=False)]
        if not found and t.lower_ in CROWD_COUNT_NOUNS:
            # "hundreds of demonstrators marched": the count stands for its crowd, a group entity (a
            # count of a state's or a party's people stays no actor: "thousands of Xian troops" is not here)
            of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            found = [m for p in of for m in actors_of(p, table, {"group"} & kinds, sites=False)]
        out += found
    return out


def patients(toks: Iterable[Token], table: EntityTable) -> list[Mention]:
    """Who or what suffers: the phrases' entities, or the entity that qualifies them ("an Israeli air
    base", "a Hezbollah depot")."""
    out: list[Mention] = []
    for t in toks:
        found = ment([t], table, PATIENTS)
        if not found and (t.lower_ in CONTAINER_NOUNS or t.lemma_.lower() in CONTAINER_NOUNS):
            # "the city of X", "the towns of X and Y"
            found = [
                m
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                for m in ment([p, *p.conjuncts], table, PATIENTS)
            ]
        if not found and t.lemma_.lower() in PLACE_NOUNS | CONTAINER_NOUNS:
            # "two towns held by X": the holder of the places taken or struck
            found = [
                m
                for c in t.children
                if c.dep_ == "acl" and c.lemma_.lower() in HOLDING_VERBS
                for a in c.children
                if a.dep_ == "agent"
                for p in a.children
                for m in ment([p], table)
            ]
        if not found:
            mods = [c for c in t.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
            found = [m for c in mods for m in actors_of(c, table, PATIENTS, sites=False)]
        if t.lower_ in STRUCK_SITE_NOUNS:  # "bombed targets in X and Y": the lands the sites are in
            found += [
                m
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children
                for m in ment([p, *p.conjuncts], table, PATIENTS)
            ]
        out += found
    return out
