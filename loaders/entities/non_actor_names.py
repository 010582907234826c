"""Capitalised runs the small model labels as names that name no actor of their own (round 15, bench/news7
half A): a named event, the bare name of a state's service branch, and a leader's name on his
administration.

- "the Chaco War", "the Indo-Ruritanian War of 1965", "the Velvet Revolution", "Victory Diwas": a war, a
  revolution or a commemorated day is an event, not a body (the model labels them ORG or PERSON). A head
  after "of" belongs to a body ("Ministry of War", "Council of the Revolution"), which stays.
- "all branches of the military -- Army, Navy, Air Force and National Guard --": bare branch names with no
  owner are the article's state (the GUIDE makes a government and its army one entity); the state
  re-mentions (rementions.add_state_rementions) give them to the one country of the article, and a
  coordinated run of them ("Air Force and National Guard") is no one name. "Ruritania's Army", "the
  Ruritanian Navy" keep their owner and are not touched.
- "a Carter administration spokesman": the leader's name modifies his government; the mention is the
  government, not the person (named elsewhere, the person stays).
- "the Ruritanian Pacific island of Saipan": a run ending in a lower-case island noun before "of <Name>"
  describes the island named after it; it is no place of its own.
- "Indo-Ruritanian ties", "Sino-X relations": a combining form joined to a second name pairs two peoples
  or states; the model labels the pair ORG.

Each test takes the span's tokens and says whether the candidate is dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from loaders.entities.lexicon import COMBINING_FORMS, EVENT_NAME_HEADS, SERVICE_BRANCHES, set_of
from loaders.gazetteer import Gazetteer

TRAILING = frozenset({"of", "in"})  # "the Indo-Ruritanian War of 1965": the model stops before the year
OWNER_LABELS = frozenset({"GPE", "NORP"})
DOCUMENT_HEADS = set_of("document_heads")  # "Act", "Treaty", "Accords": a law or a pact (round 16)


def is_event_name(span: Span) -> bool:
    """A name headed by a war, revolution or commemorated day, with no "of" before the head."""
    words = [t for t in span]
    while words and words[-1].lower_ in TRAILING:
        words.pop()
    if len(words) < 2 or not words[-1].is_title or words[-1].lower_ not in EVENT_NAME_HEADS:
        return False  # a lone "War" or "Revolution" is a capitalised noun, left to the other rules
    return not any(t.lower_ == "of" for t in words[:-1])


def is_bare_service_branch(doc: Doc, start: int, end: int) -> bool:
    """'Army', 'Navy', 'Air Force and National Guard' written as names with no owner before them."""
    span = doc[start:end]
    if not doc[start].is_title:
        return False
    parts = [p.strip().lower() for p in re.split(r",|\band\b", span.text)]
    if not parts or not all(p in SERVICE_BRANCHES for p in parts if p):
        return False
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ == "the" and start > 1:
        prev = doc[start - 2]
    return prev is None or not (prev.text in {"'s", "\u2019s"} or prev.ent_type_ in OWNER_LABELS)


def is_administration_name(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """'a Carter administration official': a name that is no gazetteer name, modifying 'administration'."""
    if end >= len(doc) or doc[end].lower_ != "administration":
        return False
    text = doc[start:end].text
    return gaz.lookup(text) is None and text not in gaz.capitals


def is_paired_peoples(span: Span) -> bool:
    """'Indo-Pak', 'Sino-Ruritanian': a combining form, a hyphen and one more word, nothing else."""
    parts = span.text.split("-")
    return (
        len(parts) == 2
        and parts[0].lower() in COMBINING_FORMS
        and parts[1][:1].isupper()
        and " " not in span.text
    )


ISLAND_NOUNS = frozenset({"island", "islands", "archipelago", "atoll", "peninsula"})


def is_island_description(doc: Doc, start: int, end: int) -> bool:
    """'Pacific island' of 'the Pacific island of Saipan': the island noun in lower case, "of", a name."""
    last = doc[end - 1]
    return (
        end - start >= 2
        and last.lower_ in ISLAND_NOUNS
        and last.is_lower
        and end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].is_title
    )


def names_document(doc: Doc, start: int, end: int) -> bool:
    """'the Smith-Jones Act', 'the Dayton Accords', 'the Monroe Doctrine': names before a capitalised
    document word (a law, treaty or plan) name the document, not a person or a place (round 16). The run
    may join names with a dash; a country stays (the state is named, "the Ruritania Act" is rare)."""
    i = end
    while i < len(doc) and i - end < 4:
        tok = doc[i]
        dash = tok.text in {"-", "\u2013", "\u2014"} and not doc[i - 1].whitespace_
        if not (dash or (tok.is_title and tok.pos_ == "PROPN" and tok.lower_ not in DOCUMENT_HEADS)):
            break
        i += 1
    if i >= len(doc) or not doc[i].is_title or doc[i].lower_ not in DOCUMENT_HEADS:
        return False
    return doc[start].ent_type_ not in OWNER_LABELS


def is_ideology_modifier(span: Span) -> bool:
    """'the Marxist-Leninist government', 'a Ba'athist-Nasserist programme': ideology words ("-ist") that
    modify a lower-case noun after them describe it; the model labels the run ORG (round 16)."""
    words = [t for t in span if t.tag_ != "HYPH" and t.text not in {"-", "\u2013"} and t.lower_ != "the"]
    if not words or not all(t.is_title and t.lower_.endswith("ist") for t in words):
        return False
    head = span.root.head
    return (
        span.root.dep_ in {"compound", "amod", "nmod"}
        and not (span.start <= head.i < span.end)
        and (head.is_lower or head.ent_type_ == "NORP")
    )


def is_furniture_after_pipe(span: Span, common_words: frozenset[str] | set[str]) -> bool:
    """'Photo credit | License Photo', 'Share | Email This': capitalised common words after a pipe are a
    page's buttons, no body (round 16)."""
    doc = span.doc
    return (
        span.start > 0
        and doc[span.start - 1].text == "|"
        and all(t.lower_ in common_words or t.lemma_.lower() in common_words for t in span if t.is_alpha)
    )
