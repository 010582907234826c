"""Agreements: whether an AGREE trigger tells an accord made, or only one mentioned, decided alone or opined on.

"signed the deal", "X and Y announced an understanding", "a deal with X", "the truce between X and Y" make
an agreement; "the deal" alone, "observe the ceasefire", "pulled out of the deal", "agreed that the
attack was illegal", "the EU agreed to impose sanctions" do not (`constructions.classify` asks here).
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.events.construction_cues import decided_alone, joint_subject
from loaders.events.lexicon import ANNOUNCING_VERBS, CONCLUDING_VERBS, WITHDRAWAL_VERBS
from loaders.events.syntax import NOUNS, VERBS


def agreement(tok: Token) -> tuple[str | None, str]:
    """(type, construction) for a token of the AGREE lexicon; type None: no agreement made."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in NOUNS:
        # "the deal", "observe the ceasefire" mention an agreement; "signed the deal" makes one, and "a
        # deal with X", "the truce between X and Y" name its parties
        head = tok.head
        if tok.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in CONCLUDING_VERBS:
            return "AGREE", "concluded"
        if tok.dep_ == "dobj" and head.lemma_.lower() in ANNOUNCING_VERBS and joint_subject(head):
            return "AGREE", "concluded"  # "X and Y announced an understanding"; one side's "a truce" is not
        gov = head
        while gov.dep_ in {"prep", "prt"} and gov.head is not gov:
            gov = gov.head  # "pulled out of the deal", parsed out -> of -> deal: climb to the verb
        if gov is not head and gov.lemma_.lower() in WITHDRAWAL_VERBS:
            return None, ""  # "pulled out of the deal": a rejection, told by the verb
        # "the truce between X and Y collapsed / has held" tells an accord; "took effect" and "the deal
        # between X and Y, signed on Monday, ends ..." make one
        told = (
            tok.dep_ == "nsubj"
            and head.pos_ in VERBS
            and head.lemma_.lower() not in {"take", "come", "enter"}
        )
        if told and not any(c.dep_ == "acl" and c.lemma_.lower() in CONCLUDING_VERBS for c in tok.children):
            return None, ""
        if any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children):
            return "AGREE", "parties"
        return None, ""
    if lemma == "agree" and decided_alone(tok):
        return None, ""  # "the EU agreed to impose sanctions": one body's decision; the act tells the event
    if lemma == "agree":
        # "agreed that the attack was illegal" shares an opinion; "agreed to/on" makes an agreement
        has_ccomp = any(c.dep_ == "ccomp" for c in tok.children)
        has_deal = any(
            c.dep_ in {"xcomp", "dobj"}
            or (
                c.dep_ == "prep"
                and c.lower_ in {"on", "to"}
                and not any(p.ent_type_ in {"DATE", "TIME"} for p in c.children)
            )
            for c in tok.children
        )
        if has_ccomp and not has_deal:
            return None, ""
    return "AGREE", "verb" if tok.pos_ in VERBS else "noun"
