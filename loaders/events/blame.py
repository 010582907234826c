"""Blame and denial in reported speech: who a speaker accuses, holds responsible, names, or clears.

"X said Y violated the truce", "X held Y responsible", "called the raid an act of aggression", "X said
the claims were false": the constructions of the GUIDE's accusations and denials.
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.events.lexicon import (
    ACCORD_NOUNS,
    ACCUSATION_PREDICATES,
    ALLEGING_VERBS,
    APPROVAL_NOUNS,
    APPROVING_WORDS,
    ASSAULT_NOUNS,
    BLAST_NOUNS,
    CLAIM_NOUNS,
    DENIED_ACT_VERBS,
    INVOLVEMENT_PREDICATES,
    OWN_SIDE_WORDS,
    PERFORMING_VERBS,
    RESPONSIBILITY_PREDICATES,
    RESPONSIBLE_WORDS,
    SELF_NOUNS,
    TRIGGERS,
    WEAPON_NOUNS,
    WRONGDOING_NOUNS,
    WRONGDOING_VERBS,
)
from loaders.events.syntax import VERBS


def wrongdoing_clause(verb: Token) -> Token | None:
    """'X said Y violated the ceasefire', 'X said there were violations by Y': the reported wrongdoing (a
    verb, or a noun of wrongdoing in the reported clause), if the speech verb reports one."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.pos_ not in VERBS or own_side_report(verb, c):
            continue
        if c.lemma_.lower() in WRONGDOING_VERBS and not any(k.dep_ == "neg" for k in c.children):
            return c
        if performed_attack(c):
            return c  # "X said the strike was carried out by Y"
        if blamed_clause(c) or cleft_wrongdoer(c):
            return c  # "X said Y was behind the attack", "... that Y's troops were responsible"
        if verb.lemma_.lower() in ALLEGING_VERBS and not any(k.dep_ == "neg" for k in c.children):
            return c  # "X alleged that Y had diverted the river": the speech verb itself accuses
        for t in c.subtree:
            if t.pos_ == "NOUN" and t.lemma_.lower() in WRONGDOING_NOUNS:
                return t
    return None


def own_side_report(verb: Token, clause: Token) -> bool:
    """'The navy sank two boats, navy spokesman X said': the speaker's own title names the body that acted,
    so the speaker reports what their side did and accuses no one."""
    speaker = {
        t.lower_ for s in verb.children if s.dep_ == "nsubj" for t in s.subtree if t.i < s.i and t.is_alpha
    }
    return any(a.dep_ == "nsubj" and a.lower_ in speaker for a in clause.children)


def cleft_wrongdoer(clause: Token) -> bool:
    """'Y was the one who fired', 'Y were the ones that broke the truce': a cleft copula clause whose
    relative clause does the wrongdoing, which lays it on the copula's subject."""
    if clause.lemma_ != "be" or any(k.dep_ == "neg" for k in clause.children):
        return False
    return any(
        r.dep_ == "relcl"
        and r.lemma_.lower() in WRONGDOING_VERBS
        and not any(k.dep_ == "neg" for k in r.children)
        for a in clause.children
        if a.dep_ == "attr" and a.lemma_.lower() == "one"
        for r in a.children
    )


def blamed_clause(clause: Token) -> bool:
    """'Y was behind the attack', 'Y is responsible for the massacre': a copula clause, not negated,
    whose predicate lays an act or a wrongdoing on its subject ("responsible for security" lays none)."""
    if clause.lemma_ != "be" or any(k.dep_ == "neg" for k in clause.children):
        return False
    preds = [
        k
        for k in clause.children
        if k.dep_ in {"acomp", "attr", "prep"} and k.lower_ in RESPONSIBILITY_PREDICATES
    ]
    acts = [t for k in preds for t in k.subtree if t.dep_ == "pobj"]
    return any(
        t.lemma_.lower() in ASSAULT_NOUNS | WRONGDOING_NOUNS | ACCUSATION_PREDICATES
        or TRIGGERS.get(t.lemma_.lower()) == "ASSAULT"
        for t in acts
    )


def self_report(verb: Token) -> bool:
    """'X said it had struck Y', 'we fired at them': the speaker reports its own act."""
    clause = wrongdoing_clause(verb)
    if clause is None:
        return False
    holder = clause if clause.pos_ in VERBS else clause.head
    if any(c.dep_ in {"nsubj", "nsubjpass"} and own_side(c) for c in holder.children):
        return True  # "X said it had struck Y", "X said its jets struck Y"
    # "the rebels fired ..., the group's spokesman said": "the group" is the clause's side speaking
    speaker = [c for c in verb.children if c.dep_ == "nsubj"]
    speaker += [p for s in speaker for p in s.children if p.dep_ == "poss"]
    return any(s.lemma_.lower() in SELF_NOUNS and any(d.lower_ == "the" for d in s.children) for s in speaker)


def denied_claim(verb: Token) -> bool:
    """'X said the claims were false', 'X said its army was not involved': a denial reported by X."""
    for c in verb.children:
        if c.dep_ != "ccomp" or not any(k.dep_ == "neg" for k in c.children):
            continue
        subj = [k for k in c.children if k.dep_ in {"nsubj", "nsubjpass"}]
        preds = [c, *(k for k in c.children if k.dep_ in {"acomp", "attr", "prep"})]
        if any(k.lemma_.lower() in CLAIM_NOUNS for k in subj) or any(
            p.lemma_.lower() in INVOLVEMENT_PREDICATES or p.lower_ in INVOLVEMENT_PREDICATES for p in preds
        ):
            return True
    return False


def own_side(subj: Token) -> bool:
    """A reported clause's subject that is the speaker's side: "it", "we", "its jets", "our troops"."""
    return subj.lower_ in OWN_SIDE_WORDS or any(
        k.dep_ == "poss" and k.lower_ in OWN_SIDE_WORDS for k in subj.children
    )


def denied_own_act(verb: Token) -> bool:
    """'X said its soldiers had never fired on Y', '"At no moment did French forces enter Y," a French
    forces spokesman said': a speaker denying an act of its own side."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.lemma_.lower() not in WRONGDOING_VERBS | DENIED_ACT_VERBS:
            continue
        denied = any(k.dep_ == "neg" for k in c.children) or any(
            d.lower_ == "no" for k in c.children if k.dep_ == "prep" for p in k.children for d in p.children
        )  # "did not / never enter", "at no moment / at no time did X enter"
        own = any(k.dep_ in {"nsubj", "nsubjpass"} and own_side(k) for k in c.children)
        if denied and (own or own_side_report(verb, c)):
            return True
    return False


def naming_predicate(verb: Token) -> bool:
    """'called the strike an act of aggression', 'denounced it as a violation'."""
    for c in verb.children:
        # "an act of aggression": the predicate noun or its "of" object
        inner = [p for k in c.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children]
        if c.dep_ == "oprd" and any(p.lemma_.lower() in ACCUSATION_PREDICATES for p in inner):
            return True
        if c.dep_ in {"oprd", "xcomp", "ccomp", "dobj"} and accusing(c):
            return c.dep_ != "dobj" or any(o.dep_ == "dobj" for o in verb.children if o is not c)
        if c.dep_ == "prep" and c.lower_ == "as":
            # "described the raid as a violation", "... as an act of aggression"
            named = [p for p in c.children if p.dep_ == "pobj"]
            named += [
                o
                for p in named
                for k in p.children
                if k.dep_ == "prep" and k.lower_ == "of"
                for o in k.children
            ]
            if any(accusing(p) for p in named):
                return True
    return False


def accusing(noun: Token) -> bool:
    """A naming predicate that accuses: 'a violation', 'an aggressor', 'a terrorist regime' (its modifier)."""
    return noun.lemma_.lower() in ACCUSATION_PREDICATES or any(
        k.dep_ in {"amod", "compound"} and k.lemma_.lower() in ACCUSATION_PREDICATES for k in noun.children
    )


def held_responsible(verb: Token) -> list[Token]:
    """Who 'held ... responsible' names: the object, or the subject the parser gives the predicate."""
    for c in verb.children:
        if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "advmod"} and c.lower_ in RESPONSIBLE_WORDS:
            held = [o for o in verb.children if o.dep_ == "dobj"]
            return held or [s for s in c.children if s.dep_ == "nsubj"]
    return []


def approved_act(verb: Token) -> bool:
    """'X told Y that the ceasefire agreement was the right step', '... said the deal was a breakthrough':
    a speaker approving an accord or another side's act (SUPPORT by the speaker)."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.lemma_ != "be" or any(k.dep_ == "neg" for k in c.children):
            continue
        subj = [k for k in c.children if k.dep_ == "nsubj"]
        if not any(k.lemma_.lower() in ACCORD_NOUNS or k.lemma_.lower() in TRIGGERS for k in subj):
            continue
        for attr in (k for k in c.children if k.dep_ == "attr"):
            words = [attr, *(k for k in attr.children if k.dep_ in {"amod", "compound"})]
            if attr.lemma_.lower() in APPROVAL_NOUNS and any(w.lower_ in APPROVING_WORDS for w in words):
                return True
    return False


def performed_attack(clause: Token) -> bool:
    """'the strike was carried out by Y', 'the attack was launched by Y': an attack told as done by its
    passive agent, which a speaker's report of it blames."""
    return (
        clause.lemma_.lower() in PERFORMING_VERBS
        and any(k.dep_ == "nsubjpass" and k.lemma_.lower() in ASSAULT_NOUNS for k in clause.children)
        and not any(k.dep_ == "neg" for k in clause.children)
    )


def harm_report(verb: Token) -> bool:
    """'officials said the blast killed five', 'X said the strike hit a school': the reported clause's
    doer is the attack or the weapon itself, so the speaker tells harm done and lays it on nobody."""
    clause = wrongdoing_clause(verb)
    if clause is None or clause.pos_ not in VERBS:
        return False
    doers = [c for c in clause.children if c.dep_ == "nsubj"]
    return bool(doers) and all(
        d.lemma_.lower() in ASSAULT_NOUNS | WEAPON_NOUNS | BLAST_NOUNS or d.lower_ in WEAPON_NOUNS
        for d in doers
    )
