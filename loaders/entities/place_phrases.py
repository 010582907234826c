"""Places named by a phrase around another name: a facility or part of a town named with the town as
possessor ("X's international airport", "X's southern suburbs"), and a name after a compass adjective
after a preposition ("into eastern X"), which the small model often leaves untagged.

The GUIDE counts them as places of their own ("a location but not a country: ... base, building").
A compass part of a country ("southern X") was tried as a rule and dropped (docs/entities.md, round 10).
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.doc_words import tokens_in
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import COMPASS_ADJECTIVES, TOWN_FACILITIES
from loaders.gazetteer import Gazetteer

POSSESSIVES = frozenset({"'s", "’s"})
MAX_MODIFIERS = 2  # "X's new international airport": at most two lower-case words before the facility


def town_facility_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """ "X's international airport", "X's southern suburbs": a town (a capital or a known city, never a
    country: "Syria's airports" names no one place) as the possessor of a facility or part of it."""
    out = []
    for tok in tokens_in(doc, POSSESSIVES):
        if tok.lower_ not in POSSESSIVES or tok.i == 0:
            continue
        start = tok.i - 1
        while start > 0 and doc[start - 1].pos_ == "PROPN" and tok.i - start < 3:
            start -= 1
        town = doc[start : tok.i].text
        if not (town in gaz.capitals or town in gaz.cities) or gaz.lookup(town) is not None:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= MAX_MODIFIERS and doc[end].lower_ not in TOWN_FACILITIES:
            if not (doc[end].is_lower and doc[end].pos_ in {"ADJ", "NOUN"}):
                break
            end += 1
        if end < len(doc) and doc[end].lower_ in TOWN_FACILITIES:
            out.append(Candidate(start, end + 1, "place", doc[start : end + 1].text, "facility", 4))
    return out


def compass_place_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'pushed into eastern X', 'fighting in northern X': the capitalised name after a preposition and a
    compass adjective is a place (the name alone: the part of it is no entity of its own). A country or
    body the gazetteer knows is left to the gazetteer."""
    out = []
    for tok in tokens_in(doc, COMPASS_ADJECTIVES):
        if tok.lower_ not in COMPASS_ADJECTIVES or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        k = tok.i - 1
        if k > 1 and doc[k].text == "-":
            k -= 2  # "north-eastern"
        if k < 0 or doc[k].pos_ != "ADP":
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end == tok.i + 1 or gaz.lookup(doc[tok.i + 1 : end].text) is not None:
            continue
        out.append(Candidate(tok.i + 1, end, "place", None, "compass", 1))
    return out
