"""Who acted, on whom and where: the participants of a trigger from the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from loaders.events.constructions import from_accord, held_responsible, objects, under_fire, wrongdoing_clause
from loaders.events.lexicon import (
    CONTAINER_NOUNS,
    LOCATION_PREPS,
    OFFICE_NOUNS,
    PERFORMING_VERBS,
    PLACE_NOUNS,
    SPEECH_VERBS,
)
from loaders.events.syntax import governing_verb, subjects
from loaders.mentions import EntityTable, Mention
from loaders.relations import ACTORS, actors_of
from loaders.relations.syntax import responsibility_claimer

PATIENTS = ACTORS | {"place"}
# A state's bodies, which "in X" names when X is a country ("the army in X"); forces and troops may be
# foreign ones ("troops in X"), so they are not here.
STATE_BODIES = frozenset({"army", "military", "government", "authorities", "police"})
# Lines two sides face each other across ("on the border between A and B")
FRONT_NOUNS = frozenset({"border", "frontier", "boundary", "front", "line"})
# "towns held by X", "areas controlled by X": the verb that names a place's holder
HOLDING_VERBS = frozenset({"hold", "control", "occupy"})
# Small numbers written out; vague quantities ("dozens", "hundreds") are no number and stay unstated.
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
APPROXIMATE = {"about", "around", "nearly", "almost", "roughly", "some", "up", "approximately"}


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
        out += found
    return out


def performs_act(tok: Token) -> bool:
    """An assault verb ("launched", "carried out") whose object names the act."""
    return tok.lemma_.lower() in PERFORMING_VERBS


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
        out += found
    return out


def verb_participants(tok: Token, table: EntityTable, how: str) -> tuple[list[Mention], list[Mention]]:
    """(actors, targets) of a verb trigger, by construction."""
    subj, passive = subjects(tok)
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children]
    if passive and not agents:  # the parser often attaches a passive's "by X" as a plain preposition
        agents = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
    if how == "reported":  # "X said Y violated the truce": X accuses Y
        clause = wrongdoing_clause(tok)
        assert clause is not None
        if clause.pos_ in {"NOUN", "PROPN"}:  # "said there were violations by Y", "Y's crimes"
            doers = [c for c in clause.children if c.dep_ in {"poss", "amod", "compound"}]
            doers += [
                p
                for holder in (clause, clause.head)  # the parser may hang "by Y" on the clause's verb
                for c in holder.children
                if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                for p in c.children
            ]
            return ment(subj, table), ment(doers, table)
        csubj, cpassive = subjects(clause)
        cagents = [p for c in clause.children if c.dep_ == "agent" for p in c.children]
        return ment(subj, table), ment(cagents if cpassive else csubj, table)
    if how == "disapproval":  # "expressed concern over X's withdrawal"
        over = [p for o in objects(tok) for c in o.children if c.dep_ == "prep" for p in c.children]
        over += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in {"over", "about", "at"}
            for p in c.children
        ]
        return ment(subj, table), ment(over, table)
    if how == "withdrawal":  # "pulled out of the deal with Iran": the accord's other parties
        accord = from_accord(tok)
        parties = []
        if accord is not None:
            parties = [c for c in accord.children if c.dep_ in {"poss", "compound"}]
            parties += [
                p
                for c in accord.children
                if c.dep_ == "prep" and c.lower_ in {"with", "between"}
                for p in c.children
            ]
        return ment(subj, table), [
            m for m in ment(parties, table) if m.key not in {a.key for a in ment(subj, table)}
        ]
    if how == "under_fire":  # "X came under fire from Y": Y acts on X
        fire = under_fire(tok)
        sources = [p for c in (fire.children if fire else []) if c.dep_ == "prep" for p in c.children]
        sources += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children]
        return ment(sources, table), patients(subj, table)
    objs = objects(tok)
    objs += [
        p
        for c in tok.children
        if c.dep_ in {"prep", "dative"}
        and c.lower_ in {"on", "against", "at", "with", "to", "for", "between"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if how == "verb" and performs_act(tok):  # "launched an operation against X": the object's target
        objs += [
            p
            for o in objects(tok)
            for c in o.children
            if c.dep_ == "prep" and c.lower_ in {"against", "on", "at"}
            for p in c.children
        ]
    if how == "ties":  # "broke diplomatic relations with X"
        objs += [p for o in objects(tok) for c in o.children if c.dep_ == "prep" for p in c.children]
    if how == "responsible":  # "X held Y responsible": Y is accused
        objs = held_responsible(tok)
    if how == "naming":  # "called the Chilean raid an act of aggression": the raid's agents are accused
        objs += [m for o in objects(tok) for m in o.children if m.dep_ in {"amod", "compound", "poss"}]
    obj_m = patients(objs, table)
    if passive:  # "was blamed on X by Y": the subject and the prepositions' objects suffer
        return ment(agents, table), [*patients(subj, table), *obj_m]
    if not ment(subj, table) and any(t.pos_ == "PRON" for t in subj) and tok.dep_ == "ccomp":
        speaker = tok.head
        if speaker.lemma_.lower() in SPEECH_VERBS:  # "the army said it had struck X": the speaker acted
            return ment(subjects(speaker)[0], table), obj_m
    if how == "clash":  # "X clashed with Y": both sides act
        return [*ment(subj, table), *ment(objs, table)], []
    return ment(subj, table), obj_m


def noun_participants(
    tok: Token, etype: str, table: EntityTable, how: str
) -> tuple[list[Mention], list[Mention]]:
    """(actors, targets) of a noun trigger: its modifiers and by-phrase act, its prepositions suffer."""
    mods = ment((c for c in tok.children if c.dep_ in {"poss", "amod", "compound"}), table)
    by = ment(
        (p for c in tok.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for p in c.children),
        table,
    )
    # "B's bombardment by A": with a by-agent, the possessor suffered the act
    owners = ment((c for c in tok.children if c.dep_ == "poss"), table, PATIENTS) if by else []
    actors = by + [m for m in mods if m not in by and m not in owners] if by else mods
    if not actors:  # "X claimed responsibility for the bombing"
        actors = ment(responsibility_claimer(tok), table)
    preps = {"on", "against", "of", "with", "to"}
    pobjs = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]
    targets = [*owners, *(m for m in ment(pobjs, table, PATIENTS) if m not in owners)]
    if how == "clash" or (how == "parties") or (etype == "CONSULT" and tok.dep_ in {"nsubj", "ROOT"}):
        # "clashes between X and Y", "a deal with X", "talks between X and Y began": all take part
        between = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in {"between", "with"}
            for p in c.children
        ]
        actors += ment(between, table)
    if how == "clash":
        actors += ment(pobjs, table)
        targets = []
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            # "fighting erupted in X between A and B": the parser hangs "between" on the verb
            actors += [
                m
                for c in tok.head.children
                if c.dep_ == "prep" and c.lower_ == "between"
                for m in ment(list(c.children), table)
                if m not in actors
            ]
    if how == "clash" and not actors:
        # "battles raged on the border between A and B", "fighting on 15 April between A and B": the
        # parser hangs "between" on the line fought along or on the date; its sides are the actors
        scope = [*tok.subtree, *(tok.head.subtree if tok.dep_ in {"nsubj", "nsubjpass"} else [])]
        actors = [
            m
            for b in scope
            if b.dep_ == "prep"
            and b.lower_ == "between"
            and (b.head.lemma_.lower() in FRONT_NOUNS or b.head.ent_type_ in {"DATE", "TIME"})
            for m in ment(list(b.children), table)
        ]
    verb = governing_verb(tok)
    if (
        not actors
        and verb is not None
        and (
            how in {"call", "concluded"}
            or (etype == "ASSAULT" and tok.dep_ == "dobj" and verb.lemma_.lower() in PERFORMING_VERBS)
        )
    ):
        # "in a phone call", "signed the deal", "carried out executions": the verb's subject acts
        actors = ment(subjects(verb)[0], table)
        if how == "call":  # "X told Y in a phone call": both took part
            actors += ment(objects(verb) + [c for c in verb.children if c.dep_ == "dative"], table)
    if (
        not actors
        and etype == "ASSAULT"
        and verb is not None
        and tok.dep_ == "pobj"
        and tok.head.lower_ in {"in", "during"}
        and verb.lemma_.lower() in {"kill", "wound", "injure", "die", "destroy", "damage"}
    ):
        # "killed 12 soldiers in an ambush": the killers made the ambush, the killed suffered it
        actors = ment(subjects(verb)[0], table)
        targets = targets or patients(objects(verb), table)
    if not actors and etype != "ASSAULT" and tok.dep_ == "dobj":
        # "condemned a US strike" must not make the condemner the striker, hence not for ASSAULT
        actors = ment(subjects(tok.head)[0], table)
    return actors, targets


def location(trigger: Token, table: EntityTable, etype: str) -> Mention | None:
    """The place of a locative preposition on the trigger, or one nested in its object ("shelling of a
    market in Khartoum", "struck targets in Lebanon"). "on X" is a place only for an assault."""
    preps = LOCATION_PREPS if etype == "ASSAULT" else LOCATION_PREPS - {"on", "over", "into"}
    nested: list[Token] = []
    if etype == "ASSAULT":
        nested += [
            p
            for o in trigger.children
            if o.dep_ == "dobj"
            for c in o.children
            if c.dep_ == "prep" and c.lower_ in {"in", "near", "at"}
            for p in c.children
        ]
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if prep.lower_ in preps:
                for m in actors_of(pobj, table, {"place"}, sites=False):
                    return m
            nested += [
                p
                for c in pobj.children
                if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS
                for p in c.children
            ]
    for pobj in nested:
        for m in actors_of(pobj, table, {"place"}, sites=False):
            return m
    return None


def count(sent: Span, words: set[str]) -> int | None:
    """A number stated next to a casualty verb ('killed 87 people'); approximations give none."""
    for tok in sent:
        if tok.lemma_ in words:
            for t in tok.subtree:
                if not (t.like_num or t.lower_ in NUMBER_WORDS):
                    continue
                if any(c.lower_ in APPROXIMATE for c in t.children) or (
                    t.i > 0 and t.nbor(-1).lower_ in APPROXIMATE
                ):
                    return None
                txt = t.text.replace(",", "")
                if re.fullmatch(r"\d+", txt):
                    return int(txt)
                if t.lower_ in NUMBER_WORDS:
                    return NUMBER_WORDS[t.lower_]
    return None
