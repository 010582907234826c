"""Who did the act a condemnation is aimed at, when the act is named by any noun.

"X condemned Russia's annexation of Crimea", "X criticised the Iranian missile test", "X denounced the
detention of its journalist by Belarus", "X condemned the attack on the embassy by Y" (the parser hangs
"by Y" on the embassy): the act's doer is the one condemned. `verbs.py` reads act nouns of the lexicon
(`act_nouns`) through the act memory; this covers the other nouns and the misplaced "by".
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.act_agents import act_agents
from loaders.relations.lexicon import ACTORS, words

NAMING_VERBS = words("naming_verbs")
# "condemned the Palestinian deaths": the modifier names who suffered, not who acted
VICTIM_NOUNS = words("victim_nouns")
# the prepositions of an act's own object, under which the parser may hang the act's "by" agent
ACT_OBJECT_PREPS = frozenset({"on", "against", "at", "of", "in", "into"})


def condemned_doers(obj: Token, table: EntityTable) -> list[Mention]:
    """The doers of the act named by the object `obj` of a condemnation verb ([] when it names none)."""
    if obj.pos_ != "NOUN" or obj.lower_ in VICTIM_NOUNS or table.mention_at(obj.i) is not None:
        return []
    found = act_agents(obj, table)
    if found:
        return found
    # "the attack on the embassy by Y": a "by" under the act's own object, when that object is no actor
    out: list[Mention] = []
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ACT_OBJECT_PREPS):
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            if table.mention_at(p.i) is not None:
                continue
            for by in (c for c in p.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"):
                out += [
                    m
                    for a in by.children
                    if a.dep_ == "pobj" and (m := table.mention_at(a.i)) is not None and m.kind in ACTORS
                ]
    return out


def what_it_called(verb: Token) -> list[Token]:
    """ "X condemned what it called an act of aggression by Y", "... what it described as Y's provocation":
    the act a free relative names, as the condemnation's object."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "ccomp" or c.lemma_ not in NAMING_VERBS:
            continue
        if not any(k.lower_ == "what" and k.dep_ in {"dobj", "nsubjpass"} for k in c.children):
            continue
        out += [k for k in c.children if k.dep_ == "oprd"]
        out += [
            p
            for k in c.children
            if k.dep_ == "prep" and k.lower_ == "as"
            for p in k.children
            if p.dep_ == "pobj"
        ]
    return out
