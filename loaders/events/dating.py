"""The date of one event mention: its own date phrase, its clause's, or none.

A date phrase attached to the trigger wins; then the trigger's own clause (relative and appositive clauses
about other things are left out: "after the attack, which killed 80 on Tuesday"). A definite reference
with no date of its own ("the attack", "that strike") points to an event told elsewhere: it gets no date
and takes the one of the mention it merges with, never the publication day.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from loaders.dates import resolve_date, shift
from loaders.events.lexicon import TRIGGERS

OTHER_CLAUSES = {"relcl", "acl", "appos", "parataxis"}
DEFINITE = {"the", "that", "this", "these", "those"}


def own_text(trigger: Token, limit: int = 12) -> str:
    """The trigger's phrase (its subtree, up to `limit` tokens after it); the parse is projective, so the
    subtree is the span between its edges."""
    doc = trigger.doc
    return doc[trigger.left_edge.i : min(trigger.right_edge.i + 1, trigger.i + limit)].text


def clause_text(trigger: Token, sent: Span) -> str:
    """The sentence without clauses that are about something else and do not contain the trigger."""
    skip: set[int] = set()
    for tok in sent:
        if tok.dep_ in OTHER_CLAUSES or (tok.dep_ == "prep" and tok.lower_ == "since"):
            sub = {t.i for t in tok.subtree}
            if trigger.i not in sub and tok.head is not trigger:
                skip |= sub
    return " ".join(t.text for t in sent if t.i not in skip)


def is_reference(tok: Token) -> bool:
    """'the attack', 'that strike', 'Tuesday's bombing': a noun phrase that points to a known event."""
    return tok.pos_ in {"NOUN", "PROPN"} and any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in tok.children
    )


def is_main(tok: Token) -> bool:
    """The trigger is the clause's own event: a verb, or a noun as subject or as the object of a verb
    that is not itself an event ("condemned the strike": the sentence's date is the condemnation's)."""
    if tok.pos_ in {"VERB", "AUX"}:
        return True
    if tok.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
        return True
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in {"in", "during", "at"}
        and tok.head.head.pos_ in {"VERB", "AUX"}
    ):
        return True  # "agreed in a phone call on Tuesday", "said during talks": the clause's circumstances
    if tok.dep_ == "dobj":
        return TRIGGERS.get(tok.head.lemma_.lower()) is None and TRIGGERS.get(tok.head.lower_) is None
    return False


def stated_date(sent: Span, published: str | None) -> str | None:
    """The date a sentence states, if any (what later sentences of its paragraph continue from)."""
    return resolve_date(sent.text, published)


def mention_date(
    tok: Token, sent: Span, published: str | None, context: str | None = None
) -> tuple[str | None, bool]:
    """(date, stated): the date of the event mention and whether the text states it. `context` is the
    date the paragraph last stated: "On Wednesday X happened. Within minutes, Y said ..." continues it."""
    if not is_main(tok):
        own = resolve_date(own_text(tok, 10_000), published)
        if own is not None:
            return own, True
        return (None, False) if is_reference(tok) else (context or published, False)
    clause = clause_text(tok, sent)
    found = resolve_date(own_text(tok), published) or resolve_date(clause, published)
    if found:
        return found, True
    if re.search(r"\b(a|one) day (earlier|before)\b", clause, re.I):
        return shift(published, -1), True
    if re.search(r"\bday (after|later)\b", clause, re.I):
        return published, True
    if is_reference(tok):
        return None, False
    return context or published, False
