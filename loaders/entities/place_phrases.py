"""Places named by a phrase around another name: a facility or part of a town named with the town as
possessor ("X's international airport", "X's southern suburbs").

The GUIDE counts them as places of their own ("a location but not a country: ... base, building").
A compass part of a country ("southern X") was tried as a rule and dropped (docs/entities.md, round 10).
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import TOWN_FACILITIES
from loaders.gazetteer import Gazetteer

MAX_MODIFIERS = 2  # "X's new international airport": at most two lower-case words before the facility


def town_facility_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """ "X's international airport", "X's southern suburbs": a town (a capital or a known city, never a
    country: "Syria's airports" names no one place) as the possessor of a facility or part of it."""
    out = []
    for tok in doc:
        if tok.lower_ not in {"'s", "’s"} or tok.i == 0:
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
