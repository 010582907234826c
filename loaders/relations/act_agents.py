"""Who carried out an act noun: its "by" agent ("the attack launched by X"), the side that claimed it, its
entity modifiers ("the US-led strikes", "Russia's bombardment"), or the subject of the verb that launched
it ("X launched a series of air strikes on Y").
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import ACTORS, words
from loaders.relations.phrase_actors import actors_of, subject_actors
from loaders.relations.syntax import (
    CLAIM_VERBS,
    negated,
    passive_claimer,
    responsibility_claimer,
    trailing_verb_preps,
)

# "X resumed / stepped up its offensive on Y": verbs whose subject owns the act named by a pronoun
RESUMED_ACT_VERBS = words("resumed_act_verbs")
# "X launched a series of strikes on Y", "X carried out dozens of raids": the verb whose subject carries
# out the act noun it governs, directly or through a count ("a wave of", "dozens of")
LAUNCH_VERBS = words("launch_verbs")
SALVO_COUNTS = words("salvo_counts")


def act_agents(act: Token, table: EntityTable) -> list[Mention]:
    """Who carried out an act noun: its 'by' agent, else its entity modifiers ('the US-led strikes')."""
    by = [
        m
        # "the attack launched by X"; "the attack, which was claimed by X" (a relative clause of claiming
        # or carrying out only: "the strike, which was condemned by X" names no agent)
        for holder in (
            act,
            *(c for c in act.children if c.dep_ == "acl" or (c.dep_ == "relcl" and c.lemma_ in CLAIM_VERBS)),
        )
        for c in holder.children
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for m in actors_of(p, table)
    ]
    by += [
        m
        for c in trailing_verb_preps(act)  # "condemned the coup by X": 'by X' hung on the verb
        if c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for m in actors_of(p, table)
    ]
    if by:
        return by
    claimer = responsibility_claimer(act) or passive_claimer(act)
    if claimer:  # "X claimed responsibility for the bombing"
        return [m for t in claimer for m in actors_of(t, table)]
    # "the Israeli raid", "Russia's bombardment", "the US-led strikes": the act's own modifiers
    out: list[Mention] = []
    for left in act.lefts:
        if left.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"}:
            for sub in left.subtree:
                m = table.mention_at(sub.i)
                if m is not None and m.kind in ACTORS and m.kind != "place" and m not in out:
                    out.append(m)
    if (
        not out
        and act.dep_ == "dobj"
        and act.head.lemma_ in RESUMED_ACT_VERBS
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in act.children)
    ):
        # "X resumed its offensive against Y": the pronoun is the subject who carries the act on
        out = [m for m in subject_actors(act.head, table) if m.kind != "place"]
    if not out:
        out = _launcher(act, table)
    return out


def _launcher(act: Token, table: EntityTable) -> list[Mention]:
    """'X launched a series of air strikes against Y', 'X carried out raids on Y', 'X was behind the
    attack on Y': the act noun (or the count that holds it) is the object of a verb of carrying out, or
    what its subject was behind; that subject is the act's agent."""
    held = act
    if act.dep_ == "pobj" and act.head.lower_ == "of" and act.head.head.lower_ in SALVO_COUNTS:
        held = act.head.head
    if held.dep_ == "dobj" and held.head.lemma_ in LAUNCH_VERBS and held.head.pos_ == "VERB":
        verb = held.head
    elif held.dep_ == "pobj" and held.head.lower_ == "behind" and held.head.head.lemma_ == "be":
        verb = held.head.head  # "X was behind the attack on Y"
    else:
        return []
    if negated(verb):
        return []  # "X did not launch an airstrike": nobody carried it out
    return [m for m in subject_actors(verb, table) if m.kind != "place"]
