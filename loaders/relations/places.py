"""Places inside places and countries: 'X in Y', 'X, in Y', "Y's X", 'the Syrian city of X', 'a Syrian airbase'."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Span

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable
from loaders.relations.lexicon import COMPASS_WORDS, LOCATIVE_PREPS, PLACE_PREFIX_WORDS, PLACES
from loaders.relations.syntax import relation


def place_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """LOCATED_IN for every place mention of the sentence that a locative phrase or modifier places."""
    doc = sent.doc
    for m in table.mentions_in(sent.start, sent.end):
        if m.kind != "place":
            continue
        # "X in Y", "X, in northern Y"
        j = m.end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ in LOCATIVE_PREPS and j + 1 < len(doc):
            k = j + 1
            while k < len(doc) and doc[k].lower_ in COMPASS_WORDS:
                k += 1
            other = table.mention_at(k)
            if other is not None and other.kind in PLACES and other.key != m.key:
                r = relation(m, "LOCATED_IN", other, sent, 0.7)
                if r:
                    yield r
        # "Kandahar, Afghanistan" (a dateline or an address), not a list "Kandahar, Afghanistan and Iran"
        if j > m.end and (other := table.mention_at(j)) is not None and other.kind == "country":
            nxt = doc[other.end] if other.end < len(doc) else None
            if nxt is None or nxt.lower_ not in {",", "and", "or"}:
                r = relation(m, "LOCATED_IN", other, sent, 0.6)
                if r:
                    yield r
        # "Syria's Idlib province", "the Syrian city of Homs"
        k = m.start - 1
        while k >= sent.start and doc[k].lower_ in PLACE_PREFIX_WORDS:
            k -= 1
        if sent.start <= k < m.start - 1:
            other = table.mention_at(k)
            if other is not None and other.kind in PLACES and other.key != m.key:
                r = relation(m, "LOCATED_IN", other, sent, 0.6)
                if r:
                    yield r
        # "a Syrian government airbase": it lies in the country
        root = doc[m.end - 1]
        for child in root.children:
            if child.dep_ in {"amod", "compound"} and child.i < m.start:
                other = table.mention_at(child.i)
                if other is not None and other.kind == "country":
                    r = relation(m, "LOCATED_IN", other, sent, 0.6)
                    if r:
                        yield r


def known_town_relations(
    sents: list[Span],
    table: EntityTable,
    city_countries: Mapping[str, set[str]],
    found: list[ExtractedRelation],
) -> list[ExtractedRelation]:
    """LOCATED_IN for a known town and the one country of the article it can lie in ("fighting in Sanaa"
    in an article about Yemen): the GUIDE's convention places every place, and geonames knows where a
    town lies. A town name found in several countries of the article, or a place already placed by the
    text, is left alone. The evidence is the first sentence that names the town."""
    placed = {r.source for r in found if r.type == "LOCATED_IN"}
    countries = {name for name, e in table.entities.items() if e.kind == "country"}
    out = []
    for name, ent in table.entities.items():
        if ent.kind != "place" or name in placed:
            continue
        lands = set().union(*(city_countries.get(n, set()) for n in (name, *ent.aliases))) & countries
        if len(lands) != 1:
            continue
        (land,) = lands
        sent = next((s for s in sents for m in table.mentions_in(s.start, s.end) if m.key == name), None)
        if sent is not None:
            out.append(
                ExtractedRelation(
                    source=name, type="LOCATED_IN", target=land, evidence=sent.text.strip(), confidence=0.5
                )  # type: ignore[arg-type]
            )
    return out
