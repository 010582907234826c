"""Places named by a phrase around another name: a compass part of a country ("southern Lebanon") and a
facility or part of a town named with the town as possessor ("X's international airport").

The GUIDE counts both as places of their own ("a location but not a country: ... region, base"); the
name inside stays a mention of the country or town only where it is written on its own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import COMPASS_ADJECTIVES, MAX_WINDOW, TOWN_FACILITIES
from loaders.gazetteer import Gazetteer

MAX_MODIFIERS = 2  # "X's new international airport": at most two lower-case words before the facility


def compass_region_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'southern Lebanon', 'north-eastern Syria': a compass adjective before a country's own name (not its
    demonym: "northern Iraqi towns" is no region)."""
    out = []
    texts = [t.text for t in doc]
    for tok in doc[:-1]:
        if tok.lower_ not in COMPASS_ADJECTIVES:
            continue
        s = ""
        for j in range(tok.i + 1, min(len(doc), tok.i + 1 + MAX_WINDOW)):
            s += texts[j]
            hit = gaz.names.get(s)
            if (
                hit is not None
                and hit[0] == "country"
                and s not in gaz.demonyms
                and doc[tok.i + 1].pos_ == "PROPN"
                and (j + 1 >= len(doc) or doc[j + 1].pos_ != "PROPN")  # "Northern Alliance Forces"
            ):
                start = tok.i
                if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"north", "south"}:
                    start -= 2  # "north-eastern", split by the tokenizer
                out.append(Candidate(start, j + 1, "place", doc[start : j + 1].text, "compass", 4))
                break
            s += doc[j].whitespace_
    return out


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
