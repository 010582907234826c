"""Clause structure around a trigger: its subjects, negation, and whether the clause is hypothetical."""

from __future__ import annotations

from spacy.tokens import Token

from loaders import clauses
from loaders.events.lexicon import (
    HYPOTHETICAL_GOVERNORS,
    HYPOTHETICAL_MODIFIERS,
    JOINING_VERBS,
    MEDIUM_NOUNS,
    MODAL_AUXILIARIES,
    REQUEST_GOVERNORS,
)

VERBS = {"VERB", "AUX"}
NOUNS = {"NOUN", "PROPN"}
# Verbs of denial make what they govern unreal: "denied carrying out the attack".
DENIAL = {"deny", "reject", "dismiss", "refute"}


def objects(verb: Token) -> list[Token]:
    """Direct objects of a verb, with their conjuncts."""
    out = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    return [*out, *(cj for o in out for cj in o.conjuncts)]


def negated(verb: Token) -> bool:
    """The verb is negated or denied ("did not strike", "denied carrying out the attack")."""
    return clauses.negated(verb, DENIAL)


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb (inherited through coordination, participles and prepositions: "accused
    Y of shelling" makes Y the shelling's subject), and whether it is passive."""
    means = verb.head
    if (
        verb.dep_ == "pcomp"
        and means.lower_ == "by"
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    ):
        # "X answered the charge by claiming ...": a means gerund's doer is always the main verb's subject,
        # never its object (that reading is for "accused Y of shelling")
        return clauses.subjects(means.head, through_prepositions=True)
    if (
        verb.dep_ == "pcomp"
        and means.lower_ == "in"
        and means.head.lemma_.lower() in JOINING_VERBS
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    ):
        # "X joined Y in calling for talks": both the one who joins and the one joined act
        subj, passive = clauses.subjects(means.head, through_prepositions=True)
        return [*subj, *objects(means.head)], passive
    return clauses.subjects(verb, through_prepositions=True)


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun subject stands for ("protesters who stormed X"), else the token."""
    if tok.lower_ == "who" and tok.head.dep_ == "relcl" and tok.head.head.pos_ in {"NOUN", "PROPN"}:
        return tok.head.head
    return tok


def standing(verb: Token) -> bool:
    """A verb that describes a noun in the present, not an act reported: "militias backed by X",
    "the group, which X backs", "rebels that are supported by X", "the M23, which Y says is backed by X".
    A relative clause in the past ("X, which backed the strike on Friday, ...") still reports an act."""
    v = verb
    for _ in range(3):
        if v.dep_ in {"relcl", "acl"}:
            break
        if v.dep_ not in {"ccomp", "conj"} or v.head is v:
            return False
        v = v.head
    else:
        return False
    tags = {verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"})}
    return "VBD" not in tags and "MD" not in tags and verb.tag_ in {"VBN", "VBZ", "VBP", "VBG"}


def passive(verb: Token) -> bool:
    """The verb is in the passive ("Y is backed by X", "the rebels were armed by X"): it tells what is
    done to its subject, which for backing is who stands behind it, not an act of the backer's."""
    return verb.tag_ == "VBN" and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def reduced_relative(verb: Token) -> bool:
    """A past participle that describes a noun ("the city, captured by X in 2014", "missiles launched
    from ships"): background, or an act the sentence reports through its own clause or noun."""
    return verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}


def medium_speaker(verb: Token) -> Token | None:
    """'issued a statement condemning X', 'appeared in a video calling on Y to ...': a participle on a
    medium of words tells the speech act of whoever put the medium out; the verb that did (its subject
    is the speaker), if any."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.lemma_.lower() not in MEDIUM_NOUNS:
        return None
    return governing_verb(verb.head)


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun phrase belongs to: its head verb, through one preposition ("in a phone call")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
        head = head.head
    if head is tok or head.pos_ not in {"VERB", "AUX"}:
        return None
    return head


def hypothetical(tok: Token) -> bool:
    """Planned, expected or conditional, not reported as done: "a planned visit", "will start talks",
    "is expected in Moscow for talks", "hopes to sign a deal"."""
    if any(c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODIFIERS for c in tok.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True  # "no talks are scheduled"
    node = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in MODAL_AUXILIARIES for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ == "if" for c in node.children):
            return True
        head = node.head
        if head is node:
            break
        if head.lemma_ in HYPOTHETICAL_GOVERNORS and node.dep_ in {
            "xcomp",
            "dobj",
            "pobj",
            "prep",
            "ccomp",
            "acl",
        }:
            return True
        if node.dep_ in {"ccomp", "ROOT", "relcl", "advcl", "conj"} and node.pos_ in {"VERB", "AUX"}:
            break  # a finite clause of its own: its governor reports it, it does not plan it
        node = head
    return False


def requested(tok: Token) -> bool:
    """The content of a request ("urged X to withdraw", "called on Y to allow aid"): asked for, not done."""
    if tok.pos_ in NOUNS and asked_for_noun(tok):
        return True
    node = tok
    for _ in range(4):
        head = node.head
        if head is node:
            return False
        # "called for X to withdraw" is parsed as an adverbial clause marked by "for"
        asked = node.dep_ in {"xcomp", "ccomp"} or (
            node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children)
        )
        if asked and head.lemma_.lower() in REQUEST_GOVERNORS:
            return True
        node = head
    return False


def participle_clause(verb: Token) -> bool:
    """'Backed by tanks, the troops attacked': a past participle clause with its own "by" agent and no
    auxiliary, describing the main clause's subject rather than reporting an act of the agent's."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "acl", "advmod"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)
    )


def purpose(verb: Token) -> bool:
    """'rallied to support him', 'sent troops to retake the town': an infinitive of purpose is what an
    act is for, not an act the sentence reports."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def asked_for_noun(noun: Token) -> bool:
    """An act noun that a request asks for ("demanded the withdrawal of X", "requested an emergency
    meeting", "asked for the deployment of Y"): its object, or its "for" object, is not done."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    return head.pos_ in VERBS and head.lemma_.lower() in REQUEST_GOVERNORS
