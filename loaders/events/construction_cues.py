"""Cues of `constructions.classify`: small tests of a trigger's arguments (who fled, what was imposed, who
was moved and from where, what a crowd-control verb used), each answering one question about a parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.events.lexicon import (
    AID_GOODS,
    BORDER_NOUNS,
    CROWD_CONTROL_NOUNS,
    DISPERSING_VERBS,
    EMERGENCY_WORDS,
    FIGHTER_NOUNS,
    FORCE_NOUNS,
    GIVING_VERBS,
    INCURSION_VERBS,
    LABOUR_STRIKE_WORDS,
    OUT_WORDS,
    PLACE_NOUNS,
    POWER_NOUNS,
    PROTESTER_NOUNS,
    STREET_NOUNS,
    TRIGGERS,
)
from loaders.events.syntax import NOUNS, objects, subjects


def emergency_rule(obj: Token) -> bool:
    """'a curfew', 'martial law', 'a state of emergency', 'a month of curfew': rule by force imposed on a
    place or people."""
    heads = [obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)]
    words = [*heads, *(c for h in heads for c in h.children if c.dep_ in {"amod", "compound"})]
    return any(w.lemma_.lower() in EMERGENCY_WORDS for w in words)  # also "60 days of martial law"


def armed_flight(verb: Token) -> bool:
    """Every one who fled is a force ("his forces fled", "the rebels fled"); "soldiers and civilians
    fled" tells a flight of people, not a side's retreat."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    subj += [k for s in subj for k in s.conjuncts]
    return bool(subj) and all(s.lower_ in FORCE_NOUNS | FIGHTER_NOUNS for s in subj)


def visitor(subj: Token) -> bool:
    """A person arriving: a person's name (the tagger misses lone surnames, so any proper name that is
    not a place, a people or a body) or an office holder ("the president arrived")."""
    if subj.ent_type_ == "PERSON":
        return True
    return subj.pos_ == "PROPN" and subj.ent_type_ not in {"GPE", "LOC", "NORP", "ORG", "FAC"}


def evacuated_people(verb: Token) -> bool:
    """Those evacuated (the object, or the passive subject) are people, not forces and not a place:
    "civilians were evacuated", "evacuated the wounded"; "evacuated its troops", "evacuated the base"
    tell a side leaving."""
    moved = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    moved += [k for m in moved for k in m.conjuncts]
    return bool(moved) and not any(
        m.lower_ in FORCE_NOUNS | FIGHTER_NOUNS
        or m.lemma_.lower() in PLACE_NOUNS
        or m.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "NORP"}
        for m in moved
    )


def decided_alone(verb: Token) -> bool:
    """'X agreed to impose sanctions on Y': one party, no partner ("with Y", "X and Y"), agreeing to an act
    the lexicon types as another event is that party's decision, not an agreement between sides."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].conjuncts:
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in verb.children):
        return False
    return any(
        TRIGGERS.get(c.lemma_.lower(), "AGREE") != "AGREE"
        or any(TRIGGERS.get(o.lemma_.lower(), "AGREE") != "AGREE" for o in objects(c))
        for c in verb.children
        if c.dep_ == "xcomp"
    )


def driven_out(verb: Token) -> bool:
    """'drove the rebels out of X', 'forced them from their bases', 'were pushed out of X by Y': a side put
    out of a place by force; "forced X from power" is an ouster, "forced X to leave" a compulsion, and an
    agentless passive ("troops who were driven from X") tells the loser's state, not who attacked."""
    if not any(
        c.dep_ in {"nsubj", "agent"} or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children
    ):
        return False
    moved = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    outs = [c for c in verb.children if c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in OUT_WORDS]
    ousted = any(t.lemma_.lower() in POWER_NOUNS | {"office"} for c in outs for t in c.subtree)
    return bool(moved) and bool(outs) and not ousted


def gerund_noun(tok: Token) -> bool:
    """A gerund standing as a noun phrase: an object of a preposition ("the start of fighting"), a subject
    ("fighting in X killed 12"), or a clause hung on a noun that opens the sentence ("The next day,
    fighting at X killed 40", which the parser reads as a clause of "day"); with no subject or auxiliary of
    its own ("they were fighting" is a verb)."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
        return False
    return tok.dep_ in {"pobj", "nsubj", "nsubjpass"} or (tok.dep_ == "advcl" and tok.head.pos_ in NOUNS)


def armed_fight(verb: Token) -> str | None:
    """The construction of a reported fight told by the verb "fought" (left out as a bare word: "fought
    corruption", "fought the ruling in court"): sides fighting each other ("X and Y fought", "X fought
    with / against Y": "clash") or a side fighting armed people ("X fought the rebels", "... fought M23":
    "verb"). None for any other object."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.conjuncts for s in subj) and not objects(verb):
        return "clash"
    if any(c.dep_ == "prep" and c.lower_ in {"with", "against"} for c in verb.children):
        return "clash"
    objs = objects(verb)
    if any(o.pos_ == "PROPN" or o.lower_ in FORCE_NOUNS | FIGHTER_NOUNS for o in objs):
        return "verb"
    return None


def crowd_control(verb: Token) -> bool:
    """The verb uses a crowd-control weapon ("fired tear gas", "used water cannon"): police coercion."""
    for o in objects(verb):
        words = [t.lower_ for t in o.subtree if t.i <= o.i]
        if " ".join(words[-2:]) in CROWD_CONTROL_NOUNS or o.lower_ in CROWD_CONTROL_NOUNS:
            return True
    return False


def dispersal(verb: Token) -> bool:
    """A crowd or a gathering dispersed by force ("dispersed the protesters", "broke up the rally")."""
    lemma = verb.lemma_.lower()
    if lemma not in DISPERSING_VERBS:
        return False
    if lemma == "break" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return False  # "broke the ceasefire" is no dispersal
    return any(
        o.lower_ in PROTESTER_NOUNS or TRIGGERS.get(o.lemma_.lower()) == "PROTEST" for o in objects(verb)
    )


def joint_subject(verb: Token) -> bool:
    """Two or more parties are the verb's subject ("X, Y and five other powers announced ...")."""
    subj = subjects(verb)[0]
    return len([*subj, *(c for s in subj for c in s.conjuncts if c not in subj)]) >= 2


def gave_aid(verb: Token) -> bool:
    """'provided X with air defence systems', 'shipped fuel to X', 'granted X $1bn in assistance': goods
    of aid (arms, money, supplies) given to another side; "provided details" gives none."""
    if verb.lemma_.lower() not in GIVING_VERBS:
        return False
    goods = [*objects(verb)]
    goods += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
    goods += [
        p
        for g in list(goods)
        for c in g.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children
    ]
    return any(g.lemma_.lower() in AID_GOODS or g.lower_ in AID_GOODS for g in goods)


def incursion(verb: Token) -> list[Token]:
    """Where forces moved in by force: "X troops crossed into Y", "X tanks rolled into C", "X forces
    entered C", "X soldiers crossed the border into Y" (or "the frontiers of Y", "Y's border"). The subject must be forces ("the refugees crossed
    into Y", "the president entered the hall" move nobody's army), the place a proper name."""
    if verb.lemma_.lower() not in INCURSION_VERBS:
        return []
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or not all(s.lower_ in FORCE_NOUNS for s in subj):
        return []
    borders = [o for o in objects(verb) if o.lemma_.lower() in BORDER_NOUNS]
    places = [
        p
        for h in (verb, *borders)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "into"
        for p in c.children
    ]
    # "crossed the frontiers of Y", "crossed Y's border": the country whose border was crossed
    places += [
        p for b in borders for c in b.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
    ]
    places += [c for b in borders for c in b.children if c.dep_ in {"poss", "compound"}]
    if verb.lemma_.lower() == "enter":
        places += objects(verb)  # "X forces entered C"
    return [p for p in places if p.pos_ == "PROPN" or p.ent_type_ in {"GPE", "LOC", "FAC"}]


def took_to_streets(verb: Token) -> bool:
    """'Thousands took to the streets of X', 'crowds took to the streets in X': a protest in a phrase."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ in STREET_NOUNS for p in c.children)
        for c in verb.children
    )


def aim_of_noun(verb: Token) -> bool:
    """'air strikes to force X to withdraw': an infinitive telling what a named act was for, not a second act;
    "sent a jet to force the plane to land" (the aim of a verb) is told as done."""
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def labour_strike(noun: Token) -> bool:
    """'a wage strike', 'a general strike', 'the miners' strike', 'went on strike': workers stopping work in
    protest, not a military strike."""
    if noun.lemma_.lower() != "strike":
        return False
    if noun.head.dep_ == "prep" and noun.head.lower_ == "on" and noun.dep_ == "pobj":
        return noun.head.head.lemma_.lower() in {
            "go",
            "be",
            "remain",
            "stay",
            "come",
            "walk",
        }  # "went on strike"
    return any(
        c.dep_ in {"amod", "compound", "poss"} and c.lemma_.lower() in LABOUR_STRIKE_WORDS
        for c in noun.children
    )
