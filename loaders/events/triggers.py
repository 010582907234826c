"""Trigger words as a spaCy component: a `Matcher` over lemmas and forms, written to `doc.spans`.

`actorgraph_event_triggers` (registered with `@Language.factory`) marks every token whose lemma or form is
in the trigger lexicon with a one-token span labelled by its PLOVER type. `trigger_spans` reads the span
group, and runs the same matcher when a pipeline without the component parsed the doc.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from loaders.events.lexicon import TRIGGERS_BY_TYPE

SPAN_KEY = "event_triggers"
COMPONENT = "actorgraph_event_triggers"


def build_matcher(vocab: Vocab) -> Matcher:
    """One pattern per type and attribute; `lemma` matches win over `form` matches on the same token."""
    matcher = Matcher(vocab)
    for etype, ws in sorted(TRIGGERS_BY_TYPE.items()):
        matcher.add(f"{etype}|lemma", [[{"LEMMA": {"IN": sorted(ws)}}]])
        matcher.add(f"{etype}|form", [[{"LOWER": {"IN": sorted(ws)}}]])
    return matcher


def match_triggers(matcher: Matcher, doc: Doc) -> list[Span]:
    """One span per trigger token, labelled with its type (the lemma's type when lemma and form differ)."""
    found: dict[int, tuple[int, str]] = {}
    for match_id, start, _end in matcher(doc):
        etype, how = doc.vocab.strings[match_id].split("|")
        rank = 0 if how == "lemma" else 1
        if start not in found or rank < found[start][0]:
            found[start] = (rank, etype)
    return [Span(doc, i, i + 1, label=etype) for i, (_, etype) in sorted(found.items())]


class EventTriggers:
    """The pipeline component: trigger spans in `doc.spans["event_triggers"]`."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = match_triggers(self.matcher, doc)
        return doc


@Language.factory(COMPONENT)
def make_event_triggers(nlp: Language, name: str) -> EventTriggers:
    """Factory for `nlp.add_pipe("actorgraph_event_triggers")`."""
    return EventTriggers(nlp)


@lru_cache(maxsize=4)
def _matcher_for(vocab: Vocab) -> Matcher:
    return build_matcher(vocab)


def trigger_spans(doc: Doc) -> list[Span]:
    """The doc's trigger spans, from the component or, without it, from the same matcher now."""
    if SPAN_KEY in doc.spans:
        return list(doc.spans[SPAN_KEY])
    return match_triggers(_matcher_for(doc.vocab), doc)
