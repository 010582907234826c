"""States that no longer exist, read in one article (the tables: loaders/historic_states.py).

- A historic state's demonym that only dates or describes something ("a former Soviet republic",
  "post-Soviet", "Soviet-era tanks", "in Soviet times") names no actor: no mention.
- A capital is the government of the state that sat there when the article is about that state: in an
  article that names the Soviet Union (not as a period) and does not name Russia by its name or demonym,
  or that was published before the Soviet Union ended, "Moscow" and "the Kremlin" acting are the Soviet
  Union; East Berlin, Bonn, Saigon and Aden are the capitals of the states they were the seat of, in
  such articles only. Published before the state ended, its seat's own names are the state too ("Russian
  planes" in 1968), and its parts that were no states yet are places ("Slovakia", "Ukraine" in 1968).
  `era_gazetteer` returns the article's view of the gazetteer; an article about 2020
  that names none of these states keeps the gazetteer as it is.
- An event with a state that had ended before the article was published ("the Soviet invasion of
  Czechoslovakia", told in 2021) is background, never the article's news (the GUIDE makes such events
  optional), and its day is rarely in the sentence: it is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Doc

from graph.model import ExtractedEvent
from loaders.doc_words import doc_text
from loaders.entities.candidates import Candidate, gazetteer_candidates
from loaders.gazetteer import Gazetteer
from loaders.historic_states import HistoricState
from loaders.relations.lexicon import HYPHENS


class Spanned(Protocol):
    start: int
    end: int


C = TypeVar("C", bound=Spanned)


def is_period_phrase(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """The span is a historic state's short form that only dates or describes: after 'former', 'ex-',
    'post-' ('the former Soviet republic'), or before '-era', '-made', 'times' ('Soviet-era tanks')."""
    hit = gaz.names.get(doc[start:end].text)
    state = gaz.historic.get(hit[1]) if hit is not None else None
    if state is None or doc[start:end].text not in state.short_forms:
        return False
    i = start - 1
    if i >= 0 and doc[i].text in HYPHENS:
        i -= 1
    if i >= 0 and doc[i].lower_ in gaz.period_before:
        return True
    j = end + 1 if end < len(doc) and doc[end].text in HYPHENS else end
    return j < len(doc) and doc[j].lower_ in gaz.period_after


def drop_period_phrases(doc: Doc, cands: Iterable[C], gaz: Gazetteer) -> list[C]:
    """The candidates less those a historic state's demonym makes only a date or a description."""
    if not gaz.historic:
        return list(cands)
    text = doc_text(doc)
    if not any(form in text for s in gaz.historic.values() for form in s.short_forms):
        return list(cands)  # a period phrase is a short form written in the text: none is
    return [c for c in cands if not is_period_phrase(doc, c.start, c.end, gaz)]


def _named_countries(doc: Doc, gaz: Gazetteer) -> dict[str, set[str]]:
    """Country canonical -> the surfaces that name it in the article, longest names first ("Vietnam" in
    "North Vietnam" names no Vietnam), periods left out. Read from the entity finder's own gazetteer
    matches, taking the longest at each start and nothing inside it."""
    longest: dict[int, Candidate] = {}
    for c in gazetteer_candidates(doc, gaz):
        if c.how == "gazetteer" and (c.start not in longest or c.end > longest[c.start].end):
            longest[c.start] = c
    out: dict[str, set[str]] = {}
    covered = 0
    for start in sorted(longest):
        c = longest[start]
        if start < covered:
            continue
        covered = c.end
        if c.kind == "country" and c.canonical and not is_period_phrase(doc, c.start, c.end, gaz):
            out.setdefault(c.canonical, set()).add(doc[c.start : c.end].text)
    return out


def historic_surfaces(gaz: Gazetteer) -> tuple[str, ...]:
    """Every form the gazetteer reads as a historic state ("Soviet Union", "Soviets", "Yugoslav"), once
    per gazetteer."""
    cached = _SURFACES.get(id(gaz.names))
    if cached is None or cached[0] is not gaz.names:
        states = {s.name for s in gaz.historic.values()}
        forms = tuple(f for f, (kind, name) in gaz.names.items() if kind == "country" and name in states)
        cached = _SURFACES[id(gaz.names)] = (gaz.names, forms)
    return cached[1]


_SURFACES: dict[int, tuple[dict[str, tuple[str, str]], tuple[str, ...]]] = {}


def era_gazetteer(doc: Doc, published: str | None, gaz: Gazetteer) -> Gazetteer:
    """The gazetteer as this article reads it: the seats of the historic states it is about."""
    if not gaz.historic:
        return gaz
    by_date = any(
        published and s.ended and published[: len(s.ended)] < s.ended for s in gaz.historic.values()
    )
    text = doc_text(doc)  # built from the tokens on every access: once
    if not by_date and not any(form in text for form in historic_surfaces(gaz)):
        return gaz  # no state the article could be about: the token scan below would find none
    named = _named_countries(doc, gaz)
    meant = [
        s
        for s in gaz.historic.values()
        if s.name in named or (published and s.ended and published[: len(s.ended)] < s.ended)
    ]
    if not meant:
        return gaz
    capitals, names = dict(gaz.capitals), dict(gaz.names)
    for state in meant:
        if state.capital:
            capitals[state.capital] = state.name
        _unborn_parts(state, published, capitals, names)
        if state.seat is None:
            continue
        seat_words = state.seat_forms | {c for c, country in gaz.capitals.items() if country == state.seat}
        if published and state.ended and published[: len(state.ended)] < state.ended:
            for form, (kind, canonical) in gaz.names.items():
                if kind == "country" and canonical == state.seat:
                    names[form] = ("country", state.name)  # "Russian troops" in 1968: the Soviet Union
        elif named.get(state.seat, set()) - seat_words:
            continue  # the article names Russia itself: Moscow stays Russia
        for cap in seat_words & gaz.capitals.keys():
            capitals[cap] = state.name
        for form in state.seat_forms:
            names[form] = ("country", state.name)
    return replace(gaz, capitals=capitals, names=names)


def _unborn_parts(
    state: HistoricState, published: str | None, capitals: dict[str, str], names: dict[str, tuple[str, str]]
) -> None:
    """A part of the state that was no state yet when the article was published is a place: "Slovakia" in
    1968 is a region of Czechoslovakia, its capital a town; its demonym ("the Slovak capital") names no
    actor. Updates the article's `capitals` and `names` in place."""
    if not published:
        return
    unborn = {part for part, began in state.parts if published[: len(began)] < began}
    if not unborn:
        return
    for form, (kind, canonical) in list(names.items()):
        if kind == "country" and canonical in unborn:
            if form == canonical:
                names[form] = ("place", canonical)
            else:
                del names[form]
    for city, country in list(capitals.items()):
        if country in unborn:
            del capitals[city]


def drop_bygone_events(
    events: list[ExtractedEvent], published: str | None, gaz: Gazetteer
) -> list[ExtractedEvent]:
    """The events less those with a state that had ended before the article was published."""
    if not published or not gaz.historic:
        return events
    bygone = {s.name for s in gaz.historic.values() if s.ended and published[: len(s.ended)] >= s.ended}
    return [e for e in events if not bygone.intersection([*e.actors, *e.targets, e.location or ""])]
