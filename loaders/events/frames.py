"""Frames that change what a trigger word tells: a phone call, leaving an accord, coming under fire, a
weapon's impact, a promise of force."""

from __future__ import annotations

from spacy.tokens import Token

from loaders.clauses import conditional
from loaders.events.lexicon import (
    ACCORD_NOUNS,
    CRUSHING_VERBS,
    ENDING_VERBS,
    FIRE_NOUNS,
    FORCE_NOUNS,
    FORCE_OBJECTS,
    IMPACT_PREPS,
    IMPACT_VERBS,
    IMPOSING_PENALTY_VERBS,
    JUSTICE_NOUNS,
    MODAL_AUXILIARIES,
    OWN_SIDE_WORDS,
    PENALTY_NOUNS,
    PHONE_NOUNS,
    PHONE_WORDS,
    PUNISHING_VERBS,
    READINESS_WORDS,
    RESPONSE_VERBS,
    STANDOFF_NOUNS,
    THREAT_ACT_VERBS,
    WEAPON_NOUNS,
)
from loaders.events.syntax import VERBS, negated, objects, subjects


def is_phone_call(tok: Token) -> bool:
    """'a phone call', 'a telephone conversation'."""
    return (
        tok.lower_ in PHONE_NOUNS
        and tok.pos_ == "NOUN"
        and any(c.lower_ in PHONE_WORDS for c in tok.children)
    )


def from_accord(verb: Token) -> Token | None:
    """'pulled out of the talks', 'withdraw from the deal': the accord left, if any."""
    for c in verb.children:
        preps = [c] if c.dep_ == "prep" else []
        if c.dep_ == "prt" and c.lower_ == "out":
            preps += [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "of"]
            preps += [p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
        for p in preps:
            if p.lower_ not in {"from", "of", "out"}:
                continue
            for pobj in p.subtree:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ACCORD_NOUNS | {"talk"}:
                    return pobj
    return next((o for o in objects(verb) if o.lemma_.lower() in ACCORD_NOUNS), None)


def under_fire(verb: Token) -> Token | None:
    """'came under fire/attack from X': the fire noun, if any."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "under":
            for p in c.children:
                if p.lemma_.lower() in FIRE_NOUNS or p.lower_ in FIRE_NOUNS:
                    return p
    return None


def promised_force(verb: Token) -> Token | None:
    """'vowed to crush the rebels', 'promised that they would end the siege': the promised act, when it is
    force against a foe (which makes the promise a threat). Ending a war or lifting a blockade is not:
    the one who ends it may be the side that waged it."""
    for c in verb.children:
        if c.dep_ not in {"xcomp", "ccomp"} or c.pos_ not in VERBS:
            continue
        for act in (c, *c.conjuncts):
            lemma = act.lemma_.lower()
            if lemma in CRUSHING_VERBS:
                return act
            if lemma in ENDING_VERBS and any(o.lemma_.lower() in STANDOFF_NOUNS for o in objects(act)):
                return act
    return None


def promised_justice(verb: Token) -> bool:
    """'vowed that those responsible would be brought to justice', 'pledged to punish the killers': a
    promise of punishment, a threat to whoever did it rather than backing of anyone."""
    for c in verb.children:
        if c.dep_ not in {"xcomp", "ccomp"} or c.pos_ not in VERBS:
            continue
        for act in (c, *c.conjuncts):
            if act.lemma_.lower() in PUNISHING_VERBS:
                return True
            if any(
                p.dep_ == "prep" and p.lower_ == "to" and any(n.lower_ in JUSTICE_NOUNS for n in p.children)
                for p in act.children
            ):
                return True  # "brought to justice", "brought to book", "held to account"
    return False


def weapon(tok: Token) -> bool:
    """'rockets', 'a mortar shell', 'missiles': what is fired in a fight."""
    return tok.lemma_.lower() in WEAPON_NOUNS or tok.lower_ in WEAPON_NOUNS


def impact_places(verb: Token) -> list[Token]:
    """'rockets landed in X', 'a missile slammed into X', 'shells fell on X': where a weapon subject hit;
    empty for any other subject ("the plane landed in X", "prices fell") or a verb that is no impact."""
    if verb.pos_ not in VERBS or verb.lemma_.lower() not in IMPACT_VERBS:
        return []
    subj, passive = subjects(verb)
    if passive or not any(weapon(s) for s in subj):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in IMPACT_PREPS for p in c.children]


def weapon_sources(verb: Token) -> list[Token]:
    """'shells from X landed in Y': the phrase the fired weapon came from (its "fired by X" and "X's
    rockets" are read with the weapon phrase itself)."""
    return [
        p
        for s in subjects(verb)[0]
        for c in s.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children
    ]


def threatened_force(verb: Token) -> Token | None:
    """'X said it would strike Y if Y attacked', 'we will respond with force, the minister said': force that a
    speaker says its own side will use (its own words "it", "we", its forces, or the speaker again) is a
    threat. A reply or response is one only on a condition, "back" or with force ("will respond next
    week" is no threat); a prediction of another side's act ("said Y would attack") is none."""
    speaker, _ = subjects(verb)
    for c in verb.children:
        if c.dep_ not in {"ccomp", "xcomp"} or c.pos_ not in VERBS:
            continue
        readied = readied_act(c)
        if readied is not None:
            doer, _ = subjects(c)
            if any(own_side(d, speaker) for d in doer):
                return readied  # "we stand ready to impose tougher sanctions", "it is prepared to strike"
        for act in (c, *c.conjuncts):
            lemma = act.lemma_.lower()
            if lemma not in THREAT_ACT_VERBS | RESPONSE_VERBS or negated(act):
                continue
            if not any(a.dep_ == "aux" and a.lower_ in MODAL_AUXILIARIES for a in act.children):
                continue
            doer, _ = subjects(act)
            if not any(own_side(d, speaker) for d in doer):
                continue
            if lemma in RESPONSE_VERBS and not (
                lemma == "retaliate"
                or any(conditional(a) for a in act.children if a.dep_ == "advcl")
                or any(a.dep_ in {"prt", "advmod"} and a.lower_ == "back" for a in act.children)
                or any(
                    p.lower_ in FORCE_OBJECTS
                    for a in act.children
                    if a.dep_ == "prep" and a.lower_ == "with"
                    for p in a.children
                )
            ):
                continue
            return act
    return None


def readied_act(clause: Token) -> Token | None:
    """'stands ready to impose sanctions', 'is prepared to strike': an act of force or a penalty that the
    clause's subject says it is ready to carry out (not negated), if any."""
    if negated(clause):
        return None
    for ready in clause.children:
        if ready.dep_ != "acomp" or ready.lower_ not in READINESS_WORDS:
            continue
        for act in ready.children:
            if act.dep_ != "xcomp" or act.pos_ not in VERBS or negated(act):
                continue
            lemma = act.lemma_.lower()
            if lemma in THREAT_ACT_VERBS:
                return act
            if lemma in IMPOSING_PENALTY_VERBS and any(o.lower_ in PENALTY_NOUNS for o in objects(act)):
                return act
    return None


def own_side(doer: Token, speaker: list[Token]) -> bool:
    """The doer of a stated act is the speaker's own side: "it", "we", "its forces", or the speaker named again."""
    if doer.lower_ in OWN_SIDE_WORDS or doer.lower_ in FORCE_NOUNS:
        return True
    return any(doer.lower_ == s.lower_ and doer.pos_ == "PROPN" for s in speaker)


def threatened_side(act: Token) -> list[Token]:
    """Whom a stated threat is against: the act's object or "against" object, else the subject of its
    condition ("will strike back if Y attacks")."""
    named = [o for o in objects(act) if o.lower_ not in PENALTY_NOUNS]  # "impose sanctions on Y": Y
    named += [
        p for c in act.children if c.dep_ == "prep" and c.lower_ in {"against", "on"} for p in c.children
    ]
    # the condition hangs on the act or, for a readiness ("if Y attacks, we stand ready to ..."), on the
    # clause that states it
    holders = [act, act.head, act.head.head] if act.dep_ == "xcomp" and act.head.dep_ == "acomp" else [act]
    if not named:
        for a in (c for h in holders for c in h.children):
            if a.dep_ == "advcl" and conditional(a):
                named += subjects(a)[0]
    return [t for t in named if t.lower_ not in OWN_SIDE_WORDS]
