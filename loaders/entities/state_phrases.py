"""Kinds of state phrases and of names the small model mistypes, by construction (round 16, issue 9).

- "the Government of the United States" is the state (GUIDE: a government and its country are one
  entity); "the Overseas Territory of Gibraltar", "the Province of Ontario" are the place named after
  "of". Only when the name after "of" is a gazetteer country or place, so "the Government of National
  Accord" stays a body.
- A state's adjective before a noun of words ("its French acronym") names a language, not the state.
- A territory's seat ("Hong Kong", "Stanley") is a town, never a state's government.
- A front or movement of citizens, students or workers is a civic body, not an armed group.
- A one-word name that owns a company's mines, plants or workers is the company, not a place.
"""

from __future__ import annotations

from spacy.tokens import Span

from loaders.entities.lexicon import GOVERNMENT_NOUNS, set_of
from loaders.gazetteer import Gazetteer

TERRITORY_HEADS = set_of("territory_heads")
# "acronym", "initials", "word", "name", "spelling": nouns of words after a language's adjective
LANGUAGE_WORD_NOUNS = set_of("language_word_nouns")
CIVIC_NAME_WORDS = set_of("civic_name_words")  # "rights", "students", "workers": a civic body's words
COMPANY_ASSETS = set_of("company_assets")  # "mine", "share", "employee": what a company owns or pays


def of_phrase_state(span: Span, gaz: Gazetteer) -> tuple[str, str] | None:
    """(kind, canonical name) of the state or place a "<head> of <name>" span stands for, else None."""
    words = [t for t in span if t.lower_ != "the"]
    of = next((k for k, t in enumerate(words) if t.lower_ == "of"), None)
    if of is None or of == 0 or of == len(words) - 1:
        return None
    head = words[of - 1].lower_
    government = head in GOVERNMENT_NOUNS
    if not government and head not in TERRITORY_HEADS:
        return None
    if government and of != 1:
        return None  # "the Interim Government of X": a body of its own may be named so
    rest = span.doc[words[of + 1].i : span.end].text
    hit = gaz.lookup(rest)
    if hit is None or hit[0] not in {"country", "place"}:
        return None
    return ("country" if government else "place"), hit[1]  # a territory is a place, even one with an ISO code


def demonym_as_language(span: Span) -> bool:
    """'known by its French acronym', 'the Arabic word for', 'its Spanish initials': a state's adjective
    before a noun of words names a language, not the state (round 16)."""
    doc = span.doc
    k = span.end
    while k < len(doc) and k - span.end < 2 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k += 1  # "its French official name"
    return k < len(doc) and doc[k].lower_ in LANGUAGE_WORD_NOUNS and span[-1].tag_ in {"JJ", "NNP"}


def territory_seat(land: str | None, gaz: Gazetteer) -> bool:
    """The capital's land is a territory (a place in the gazetteer: "Falkland Islands", "Hong Kong"), so
    the capital is a town and never a state's government (round 16)."""
    hit = gaz.lookup(land) if land else None
    return hit is not None and hit[0] == "place"


def civic_name(span: Span) -> bool:
    """'the Civil Human Rights Front', 'the Students' Movement': a front or movement of citizens, students or
    workers is a civic body, not an armed group (round 16)."""
    return any(t.lower_ in CIVIC_NAME_WORDS for t in span)


def company_by_assets(span: Span, gaz: Gazetteer) -> bool:
    """'the X wage strike', "X's mines", 'X mineworkers': a one-word name, no known town or state, that
    owns or names a company's mines, plants, workers or shares anywhere in the text is the company; the
    model calls it a place (round 16)."""
    if len(span) != 1 or gaz.lookup(span.text) is not None or span.text in gaz.cities:
        return False
    return any(
        t.text == span.text
        and t.dep_ in {"poss", "compound", "amod"}
        and t.head.lemma_.lower() in COMPANY_ASSETS
        for t in span.doc
    )
