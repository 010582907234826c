"""Datelines: the place a story was filed from, written before its first sentence ("WASHINGTON -",
"GRABOVO, Ukraine, July 17 -", "El Fasher - 12 civilians ...")."""

from __future__ import annotations

from spacy.tokens import Doc

from graph.model import normalize_name
from loaders.doc_words import texts
from loaders.entities.candidates import Candidate
from loaders.gazetteer import Gazetteer
from loaders.mentions import EntityTable

DATELINE_ENDS = frozenset({"-", "—", "–", ",", "("})


def dateline_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'WASHINGTON - ...', 'GRABOVO, Ukraine, July 17 ...': an upper-case name opening a line is the place
    the story was filed from. Written in capitals, the name escapes the gazetteer and the model, so it is
    read in its title-case spelling: a capital alone stands for its country (the GUIDE lists a capital
    among the country's aliases), a capital followed by a country is the town (round 14), any other name
    is a place."""
    out = []
    words = texts(doc)  # a token's whitespace is a space or nothing: a line break is in the word itself
    for tok in (doc[i] for i in range(len(doc)) if i == 0 or "\n" in words[i - 1]):
        if tok.i > 0 and "\n" not in doc[tok.i - 1].text_with_ws:
            continue
        end = tok.i
        while (
            end < len(doc)
            and end - tok.i < 3
            and doc[end].is_alpha
            and doc[end].is_upper
            and len(doc[end]) > 1
        ):
            end += 1
        if end == tok.i:
            end = _title_dateline_end(doc, tok.i)
        if end == tok.i or end >= len(doc) or doc[end].text not in DATELINE_ENDS:
            continue
        name = " ".join(t.text.title() for t in doc[tok.i : end])
        if len(name) < 4:
            continue  # "US - ...": an acronym, not a dateline
        if name in gaz.capitals and _country_after(doc, end, gaz):
            # "COLOMBO, Sri Lanka -": the dateline names the town by its country; it is the town
            out.append(Candidate(tok.i, end, "place", name, "dateline", 5))
        elif name in gaz.capitals and (gaz.lookup(gaz.capitals[name]) or ("",))[0] != "place":
            out.append(Candidate(tok.i, end, "country", gaz.capitals[name], "capital", 5))
        elif gaz.lookup(name) is not None:
            kind, canonical = gaz.lookup(name)  # type: ignore[misc]
            out.append(Candidate(tok.i, end, kind, canonical, "gazetteer", 5))
        elif name in gaz.cities or _country_after(doc, end, gaz):
            out.append(Candidate(tok.i, end, "place", name, "dateline", 5))
    return out


def _title_dateline_end(doc: Doc, start: int) -> int:
    """'El Fasher - 12 civilians ...': a dateline in title case, ended by a spaced dash (a comma or a
    bracket after a title-case name opens an ordinary sentence too often)."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_alpha and doc[end].is_title:
        end += 1
    if end == start or end >= len(doc) or doc[end].text not in {"-", "\u2014", "\u2013"}:
        return start
    return end if doc[end].whitespace_ else start


def _country_after(doc: Doc, end: int, gaz: Gazetteer) -> bool:
    """A comma and a country or place of one to three words follow the dateline's name ("DILI, Indonesia,")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for k in (1, 2, 3):
        hit = gaz.lookup(doc[end + 1 : min(len(doc), end + 1 + k)].text)
        if hit is not None and hit[0] in {"country", "place"}:
            return True
    return False


def merge_dateline_capitals(doc: Doc, table: EntityTable) -> None:
    """'VIENNA/WASHINGTON: ...' read as a place where the story also writes "Washington" for the US
    government: one name, one entity, the country (round 16). Only a place whose every mention opens a
    line; a capital the text also uses as a town stays a place."""
    aliases = {
        normalize_name(a): name
        for name, ent in table.entities.items()
        if ent.kind == "country"
        for a in ent.aliases
    }
    for name, ent in list(table.entities.items()):
        if ent.kind != "place":
            continue
        country = aliases.get(normalize_name(name))
        mine = [m for m in table.mentions if m.key == name]
        if country is None or not mine or not all(_opens_line(doc, m.start) for m in mine):
            continue
        for m in mine:
            m.key, m.kind = country, "country"
        if name not in table.entities[country].aliases:
            table.entities[country].aliases.append(name)
        del table.entities[name]


def _opens_line(doc: Doc, i: int) -> bool:
    """The token opens a line, or follows a slash in a run of datelines ("VIENNA/WASHINGTON")."""
    while i > 1 and doc[i - 1].text == "/" and doc[i - 2].is_upper:
        i -= 2
    return i <= 0 or "\n" in doc[i - 1].text_with_ws
