"""Trigger words as a spaCy component: `PhraseMatcher`s over lemmas and forms, written to `doc.spans`.

`actorgraph_event_triggers` (registered with `@Language.factory`) marks every token whose lemma or form is
in the trigger lexicon with a one-token span labelled by its PLOVER type. `trigger_spans` reads the span
group, and runs the same matchers when a pipeline without the component parsed the doc.

A `PhraseMatcher` per attribute (one-token phrases: each word is one token whatever the tokenizer would
make of it, as a token `Matcher`'s `{"LEMMA": {"IN": words}}` reads it) looks words up in a hash table;
the token `Matcher` with `IN` lists called a Python predicate per token and type.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from loaders.events.lexicon import TRIGGERS_BY_TYPE

SPAN_KEY = "event_triggers"
COMPONENT = "actorgraph_event_triggers"


Matchers = tuple[PhraseMatcher, PhraseMatcher]  # by lemma, by form (lower case)


def build_matchers(vocab: Vocab) -> Matchers:
    """One key per type in each matcher, each word a one-token phrase."""
    by_lemma, by_form = PhraseMatcher(vocab, attr="LEMMA"), PhraseMatcher(vocab, attr="LOWER")
    for etype, ws in sorted(TRIGGERS_BY_TYPE.items()):
        words = sorted(ws)
        by_lemma.add(etype, [Doc(vocab, words=[w], lemmas=[w]) for w in words])
        by_form.add(etype, [Doc(vocab, words=[w]) for w in words])
    return by_lemma, by_form


def match_triggers(matchers: Matchers, doc: Doc) -> list[Span]:
    """One span per trigger token, labelled with its type: a lemma's type wins over a form's, then the
    first type in alphabetical order (the lexicon gives no word two types today)."""
    by_lemma, by_form = matchers
    found: dict[int, tuple[int, str]] = {}
    for rank, matcher in enumerate((by_lemma, by_form)):
        if matcher is by_lemma and not doc.has_annotation("LEMMA"):
            continue  # a doc without lemmas matches no lemma (the PhraseMatcher would refuse it)
        for match_id, start, end in matcher(doc):
            etype = doc.vocab.strings[match_id]
            if end == start + 1 and (start not in found or (rank, etype) < found[start]):
                found[start] = (rank, etype)
    return [Span(doc, i, i + 1, label=etype) for i, (_, etype) in sorted(found.items())]


class EventTriggers:
    """The pipeline component: trigger spans in `doc.spans["event_triggers"]`."""

    def __init__(self, nlp: Language) -> None:
        self.matchers = build_matchers(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = match_triggers(self.matchers, doc)
        return doc


@Language.factory(COMPONENT)
def make_event_triggers(nlp: Language, name: str) -> EventTriggers:
    """Factory for `nlp.add_pipe("actorgraph_event_triggers")`."""
    return EventTriggers(nlp)


@lru_cache(maxsize=4)
def _matchers_for(vocab: Vocab) -> Matchers:
    return build_matchers(vocab)


def trigger_spans(doc: Doc) -> list[Span]:
    """The doc's trigger spans, from the component or, without it, from the same matcher now."""
    if SPAN_KEY in doc.spans:
        return list(doc.spans[SPAN_KEY])
    return match_triggers(_matchers_for(doc.vocab), doc)
