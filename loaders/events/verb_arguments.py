"""Who acted and on whom, for a verb trigger: its subjects, objects and prepositions, by construction."""

from __future__ import annotations

from spacy.tokens import Token

from loaders.events.blame import held_responsible, wrongdoing_clause
from loaders.events.construction_cues import incursion
from loaders.events.frames import (
    from_accord,
    impact_places,
    promised_force,
    threatened_force,
    threatened_side,
    under_fire,
    weapon_sources,
)
from loaders.events.lexicon import PERFORMING_VERBS, SPEECH_VERBS
from loaders.events.phrases import ment, patients
from loaders.events.syntax import medium_speaker, objects, relative_antecedent, subjects
from loaders.mentions import EntityTable, Mention


def performs_act(tok: Token) -> bool:
    """An assault verb ("launched", "carried out") whose object names the act."""
    return tok.lemma_.lower() in PERFORMING_VERBS


def verb_participants(tok: Token, table: EntityTable, how: str) -> tuple[list[Mention], list[Mention]]:
    """(actors, targets) of a verb trigger, by construction."""
    subj, passive = subjects(tok)
    speaker = medium_speaker(tok)
    if speaker is not None:  # "X issued a statement condemning Y": X speaks
        subj, passive = subjects(speaker)[0], False
    if how == "crowd":  # "protesters who stormed parliament": the crowd the relative clause describes
        subj = [relative_antecedent(s) for s in subj]
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
    if how == "impact":  # "rockets fired by Y landed in X", "shells from Y fell on X": Y acts on X
        return [*ment(subj, table), *ment(weapon_sources(tok), table)], patients(impact_places(tok), table)
    if how == "incursion":  # "X troops crossed into Y": X acts on Y
        return ment(subj, table), patients(incursion(tok), table)
    if how == "promise":  # "vowed to crush the rebels": the foe named is threatened
        act = promised_force(tok)
        return ment(subj, table), patients(objects(act) if act is not None else [], table)
    if how == "threat":  # "X said it would strike Y": Y is threatened
        stated = threatened_force(tok)
        return ment(subj, table), patients(threatened_side(stated) if stated is not None else [], table)
    if how == "approval":  # "X told Y the deal was the right step": X backs the deal; Y is only told
        return ment(subj, table), []
    if how == "coup":
        return coup_forces(tok, subj, table), []
    if how == "ousted" and not passive:  # "a coup in X toppled Y", "soldiers in X ousted Y"
        return coup_forces(tok, subj, table), patients(objects(tok), table)
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


def coup_forces(tok: Token, subj: list[Token], table: EntityTable) -> list[Mention]:
    """Who seized power: the subject when it names an actor, else the country the forces belong to
    ("officers in X said they seized power", "soldiers seized power in X"): a state's own forces."""
    if not ment(subj, table) and any(t.pos_ == "PRON" for t in subj) and tok.dep_ == "ccomp":
        subj = subjects(tok.head)[0]  # "officers in X said they seized power"
    if ment(subj, table):
        return ment(subj, table)
    where = [
        p for t in [*subj, tok, *objects(tok)] for c in t.children if c.dep_ == "prep" for p in c.children
    ]
    where += [
        p for w in where for c in w.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
    ]
    return [m for m in ment(where, table) if m.kind == "country"][:1]
