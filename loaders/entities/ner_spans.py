"""Spans the small model runs over two things, read apart (round 15): a title phrase ending in an
abbreviation ("Kazakh Pres."), an office's country and its holder ("Prime Minister of Armenia X Y"), a
body's short name and its unit's ("IRGC al-Quds Force"), and a town word ending a nickname ("Little Rocket
Man"). Used by the candidate finders of `candidates.py`."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from loaders.gazetteer import Gazetteer
from loaders.relations.lexicon import table

RANK_ABBREVIATIONS = frozenset(table("rank_abbreviations"))  # "gen", "capt", "pres": before a name


def ends_in_abbreviated_title(doc: Doc, ent: Span) -> bool:
    """A span of two or more words ending in a capitalised title abbreviation and its stop ("Kazakh Pres.",
    "Air Force Capts."): the model took the title phrase for a body; the state's word is found on its own."""
    last = ent[-1]
    stop = last.text.endswith(".") or (ent.end < len(doc) and doc[ent.end].text == ".")
    return len(ent) > 1 and stop and last.text[:1].isupper() and last.lower_.rstrip(".") in RANK_ABBREVIATIONS


def holder_after_office_of(doc: Doc, ent: Span, gaz: Gazetteer) -> int | None:
    """'Prime Minister of Armenia Nikol Pashinyan': the model read the state and the holder's name as one
    body. After '<title> of', a span that opens with a country's name and goes on with two or more name
    words is the country (found by the gazetteer) and a person: the index where the person's name starts."""
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of" or doc[ent.start - 2].lower_ not in gaz.titles:
        return None
    for cut in range(ent.end - 2, ent.start, -1):
        hit = gaz.lookup(doc[ent.start : cut].text)
        rest = doc[cut : ent.end]
        if hit is not None and hit[0] == "country":
            named = all(t.is_title and t.text.replace("-", "").isalpha() for t in rest)
            return cut if named and gaz.lookup(rest.text) is None else None
    return None


def same_body_twice(ent: Span, gaz: Gazetteer) -> bool:
    """The span is two names the gazetteer gives the same body, written one after the other."""
    for cut in range(ent.start + 1, ent.end):
        head, tail = gaz.lookup(ent.doc[ent.start : cut].text), gaz.lookup(ent.doc[cut : ent.end].text)
        if head is not None and head == tail and head[0] != "country":
            return True
    return False


def ends_title_run(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """'Little Rocket Man', 'the Iron Lady': a one-word town that is an English noun, after a capitalised
    word mid-sentence, ends a nickname or a title written in capitals, not a town."""
    prev = doc[i - 1] if i > 0 else None
    return (
        prev is not None
        and not prev.is_sent_start
        and prev.is_title
        and prev.is_alpha
        and doc[i].lower_ in gaz.common_nouns
        and gaz.lookup(prev.text) is None
    )
