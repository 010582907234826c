"""Acts a clause does not report as done now: still to come ("ahead of talks", "is set to meet", "has yet to
sign", "protests are expected", "a deal is unlikely"), habitual or long-standing ("has long backed X", "has
repeatedly sanctioned Y"), or the terms of a paper or measure ("the sanctions ban Y's airlines", "the accord
allows X to keep troops").

`syntax.hypothetical` reads modal verbs and governors of planning; these are the constructions it does not.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from loaders.events.lexicon import (
    DOCUMENT_NOUNS,
    HABITUAL_ADVERBS,
    HYPOTHETICAL_GOVERNORS,
    PROSPECT_WORDS,
    TRIGGERS,
)
from loaders.events.syntax import NOUNS, VERBS

# Nouns of a stretch of years: "for years", "over the decades".
_SPANS = {"years", "decades", "months"}


def still_to_come(tok: Token) -> bool:
    """The act is told as coming, not as done."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
        return True  # "met X ahead of talks with Y"
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "before"
        and head.head.pos_ in VERBS
        and head.head.tag_ in {"VBZ", "VBP", "VB"}
    ):
        return True  # "the fighting comes a day before a meeting of X": the present of a coming event
    if tok.dep_ == "nsubjpass" and head.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
        return True  # "protests are expected", "the talks were postponed"
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ in VERBS
        and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in HYPOTHETICAL_GOVERNORS
            for c in head.head.children
        )
    ):
        return True  # "plans were going ahead for an invasion", "preparations began for talks"
    if (
        tok.dep_ == "nsubj"
        and head.lemma_ == "be"
        and any(c.dep_ == "acomp" and c.lower_ in PROSPECT_WORDS for c in head.children)
    ):
        return True  # "a deal is unlikely", "talks are possible"
    node = tok
    for _ in range(3):  # "is set to meet X to discuss Y": the purpose shares the meeting's prospect
        if node.pos_ not in VERBS or node.dep_ not in {"xcomp", "advcl", "conj"}:
            break
        up = node.head
        if node.dep_ == "xcomp" and (up.lower_ in PROSPECT_WORDS or up.lemma_.lower() in PROSPECT_WORDS):
            return True  # "is set to meet", "are due to sign", "is likely to deploy"
        if node.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in up.children):
            return True  # "has yet to sign the treaty"
        node = up
    return False


def habitual(verb: Token) -> bool:
    """A present or present-perfect verb told as what a side keeps doing or has long done ("has long
    supported X", "has repeatedly blocked Y", "X has shelled the town in the past"): background, not news."""
    if verb.pos_ not in VERBS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "last" for c in verb.children):
        return True  # "the two leaders last met in 2019": the previous time, told as background
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)
    if not perfect and verb.tag_ not in {"VBZ", "VBP"}:
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ in {"in", "over", "for", "since"}:
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if c.lower_ == "since" and any(re.search(r"\b1[89]\d\d|20\d\d\b", p.text) for p in objs):
                return True  # "has sent troops to X since 2011": a long-standing state
            words = {p.lower_ for p in objs}
            if (c.lower_ == "in" and "past" in words) or (c.lower_ != "in" and _SPANS & words):
                return True
    return False


def terms_of_paper(verb: Token, etype: str) -> bool:
    """The verb tells what a paper or a measure provides, not an act: its subject is a document noun ("the
    accord allows", "the sanctions ban", "the plan calls for"), or an act noun of another type ("the drills
    invade Y's space"); or it is what such a subject includes ("the sanctions include banning flights")."""
    if verb.pos_ in NOUNS:
        # "legislation imposing sanctions on X", "a resolution condemning Y": what a paper provides
        head = verb.head
        return (
            verb.dep_ == "dobj"
            and head.dep_ == "acl"
            and head.tag_ in {"VBG", "VBN"}
            and (head.head.lemma_.lower() in DOCUMENT_NOUNS or head.head.lower_ in DOCUMENT_NOUNS)
        )
    if verb.pos_ not in VERBS:
        return False
    node = verb
    if verb.dep_ in {"xcomp", "dobj"} and verb.head.lemma_.lower() in {"include", "involve", "mean"}:
        node = verb.head
    doer = node
    while doer.dep_ in {"conj", "pcomp", "prep"} and doer.head is not doer and not has_subject(doer):
        doer = doer.head  # "the strikes aim at slowing X and reinforcing Y": the aim's subject
    subj = [c for c in doer.children if c.dep_ == "nsubj"]
    if subj and all(s.pos_ in NOUNS and act_of_other_type(s, etype) for s in subj):
        return True  # "the drills invade Y's space", "the sanctions ban Y's airlines"
    for _ in range(4):  # "the agreement calls for X to withdraw", "the treaty allows X to keep troops"
        subj = [c for c in node.children if c.dep_ == "nsubj"]
        if subj:
            return all(s.lemma_.lower() in DOCUMENT_NOUNS or s.lower_ in DOCUMENT_NOUNS for s in subj)
        if node.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep"} or node.head is node:
            return False
        node = node.head
    return False


def act_of_other_type(noun: Token, etype: str) -> bool:
    """A noun naming an act or a paper that is not of the verb's own type ("the strike killed 12" is one
    assault; "the drills invade" is no assault)."""
    if noun.lemma_.lower() in DOCUMENT_NOUNS or noun.lower_ in DOCUMENT_NOUNS:
        return True
    told = TRIGGERS.get(noun.lemma_.lower()) or TRIGGERS.get(noun.lower_)
    return told is not None and told not in {etype, "COOPERATE"}  # "the alliance" is a party, not an act


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
