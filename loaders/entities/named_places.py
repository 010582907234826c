"""Places the small model leaves unlabelled or types as persons (round 16, issue 9).

- A run of capitalised proper nouns ending in a capitalised building noun ("the Grand Lakeside Hotel"):
  the model often labels nothing when the name stands alone on a subheading line.
- A ship's name (`vessel_names`): a name the text writes after a vessel noun ("the tanker Blue Heron",
  "a vessel named Blue Heron") and also alone ("Blue Heron was stopped") is the vessel, a place as the
  GUIDE counts things that can be seized or struck; the model calls it a person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.model import EntityKind
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import (
    BUILDING_NOUNS,
    HONORIFICS,
    LOCATIVE_PREPS,
    MOTION_WORDS,
    VESSEL_NOUNS,
    set_of,
)
from loaders.gazetteer import Gazetteer

SEAT_BUILDINGS = set_of("seat_buildings")  # "white house", "kremlin": a government's seat, as a building
NAME_ENDS = BUILDING_NOUNS | set_of("building_name_ends")  # "Central Station", "Old Town Museum"


def building_name_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'Lakeside Grand Hotel', 'Central Prison': proper nouns before a capitalised building noun."""
    out: list[Candidate] = []
    for tok in doc:
        if not (tok.is_title and tok.lower_ in NAME_ENDS and tok.i > 0):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
            and doc[start - 1].ent_type_ not in {"NORP", "DATE", "TIME"}
        ):
            start -= 1
        if start == tok.i:
            continue
        hit = gaz.lookup(doc[start : tok.i].text)
        if hit is not None and hit[0] != "place":
            continue  # "the Kremlin Palace", "a UN Compound": the body's or state's building is described
        out.append(Candidate(start, tok.i + 1, "place", None, "suffix", 4))
    return out


def vessel_names(doc: Doc) -> frozenset[str]:
    """Names written right after a vessel noun, or after "named"/"called" following one."""
    cached = doc.user_data.get("vessel_names")
    if isinstance(cached, frozenset):
        return cached
    names: set[str] = set()
    for tok in doc:
        if tok.lower_ not in VESSEL_NOUNS:
            continue
        i = tok.i + 1
        if i < len(doc) and doc[i].lower_ in {"named", "called"}:
            i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        end = i
        while end < len(doc) and end - i < 4 and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if end > i:
            names.add(doc[i:end].text)
    out = frozenset(names)
    doc.user_data["vessel_names"] = out
    return out


def is_vessel_name(span: Span) -> bool:
    """The span is a name the article writes after a vessel noun somewhere ("the tanker X ... X was")."""
    return span.text in vessel_names(span.doc)


def join_building_variants(keymap: dict[str, str], kinds: dict[str, EntityKind]) -> None:
    """'Lakeside Mall' and 'Lakeside Shopping Mall': a place ending in a building noun whose words are the
    first and last words of exactly one longer place of the same ending is that place."""
    places = [k for k in keymap if keymap[k] == k and kinds[k] == "place"]
    for short in places:
        words = short.split("|", 1)[1].lower().split()
        if len(words) < 2 or words[-1] not in NAME_ENDS:
            continue
        hits = [
            k
            for k in places
            if k != short
            and keymap[k] == k
            and len(k.split("|", 1)[1].split()) > len(words)
            and _ordered_subset(words, k.split("|", 1)[1].lower().split())
        ]
        if len(hits) != 1:
            continue
        for k, v in keymap.items():
            if v == short:
                keymap[k] = hits[0]


def _ordered_subset(short: list[str], long: list[str]) -> bool:
    """Same first and last word, and every word of `short` in `long` in order."""
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(w in it for w in short)


HEADQUARTERS = frozenset({"headquarters", "hq"})


def headquarters_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'outside NATO headquarters', 'at the UN headquarters': a body's headquarters where something happens
    is a place named so; the body keeps its other mentions. Only after a locative preposition."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ not in HEADQUARTERS or tok.i < 2:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].ent_type_ == "ORG" and doc[start - 1].text[:1].isupper():
            start -= 1
        if start == tok.i:
            hit = gaz.lookup(doc[tok.i - 1].text)
            if hit is None or hit[0] != "organization":
                continue
            start = tok.i - 1
        prev = start - 1
        if prev >= 0 and doc[prev].lower_ == "the":
            prev -= 1
        if prev >= 0 and doc[prev].lower_ in LOCATIVE_PREPS:
            out.append(Candidate(start, tok.i + 1, "place", None, "suffix", 4))
    return out


def city_before_region(span: Span, gaz: Gazetteer) -> bool:
    """'over Sevastopol, Crimea, Ukraine': a one-word town the model read as a people (NORP), written
    before a comma and a known place or country, is the town; no demonym or people's word."""
    doc = span.doc
    if len(span) != 1 or not span[0].is_title or span.text not in gaz.cities or gaz.lookup(span.text):
        return False
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    nxt = doc[span.end + 1]
    hit = gaz.lookup(nxt.text)
    return nxt.ent_type_ in {"GPE", "LOC"} or (hit is not None and hit[0] in {"country", "place"})


def coordinated_with_place(span: Span, gaz: Gazetteer) -> bool:
    """'strikes hit Ras al-Ain and Tal Abyad': a name the model read as a person, coordinated with a town
    or region (no country: "Putin and Russia"), is a place too."""
    doc = span.doc
    root = span.root
    others = [root.head] if root.dep_ == "conj" else []
    others += [t for t in root.children if t.dep_ == "conj"]
    for other in others:
        if other.i in range(span.start, span.end) or other.head.lower_ == "of":
            continue
        gap = doc[other.i + 1 : span.start] if other.i < span.start else doc[span.end : other.left_edge.i]
        if not 1 <= len(gap) <= 2 or any(t.lower_ not in {"and", "or", ","} for t in gap):
            continue  # only "A and B", "A, B": a list of persons "X of Utah, Y" is parsed as conjuncts too
        hit = gaz.lookup(other.text)
        if hit is not None and hit[0] == "country":
            continue
        if other.ent_type_ in {"GPE", "LOC", "FAC"}:
            return True
        if other.ent_type_ != "PERSON" and (
            other.text in gaz.cities or (hit is not None and hit[0] == "place")
        ):
            return True
        first = other.left_edge
        if other.ent_type_ == "PERSON" and first.text in gaz.place_prefixes:
            return True  # "Ras al-Ain and X": the conjunct is a toponym the model also read as a person
        titled = first.i > 0 and doc[first.i - 1].lower_ in gaz.titles
        lone_town = other.ent_type_ == "PERSON" and first.i == other.i and other.text in gaz.cities
        if lone_town and len(span) == 1 and not titled:
            return True  # "shelled X and Gao": the other way round
        if other.ent_type_ == "PERSON" and len(span) == 1 and span.text in gaz.cities and not titled:
            return True  # "shelled Gao and X": a known town and an untitled name read as two persons
    return False


SEAT_PARTS = frozenset(
    {"garden", "gardens", "lawn", "grounds", "courtyard", "gate", "gates", "steps", "walls"}
)
SEAT_DESCRIPTIONS = frozenset({"seat", "building", "headquarters", "residence", "complex", "compound"})
SEIZING_VERBS = frozenset({"storm", "occupy", "besiege", "surround", "raid", "overrun", "seize", "torch"})
SEAT_PREPS = frozenset({"inside", "outside", "into", "near"})  # "at"/"in": see docs (round 16)


def seat_as_building(span: Span) -> bool:
    """'in the White House garden', 'outside the Kremlin': a government's seat named with a part of its
    grounds or after a preposition of standing outside or going in is the building (a place, as the
    annotators list it); "the White House said" stays the state. "at the Kremlin" stays the state too:
    as a place it cost relations on news2 B (docs/extraction-rounds.md, round 16)."""
    doc = span.doc
    if span.text.lower() not in SEAT_BUILDINGS:
        return False
    if span.end < len(doc) and doc[span.end].lower_ in SEAT_PARTS:
        return True
    if (
        span.end + 2 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 2].lower_ in SEAT_DESCRIPTIONS
    ):
        return True  # "the White House, the seat of the president,": described as a building
    if span.root.dep_ == "dobj" and span.root.head.lemma_.lower() in SEIZING_VERBS:
        return True  # "protesters stormed the White House": a building taken
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in SEAT_PREPS and span.root.dep_ == "pobj"


APPOSED_PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "village", "port", "province", "region", "island"}
)


def settlement_apposition(span: Span) -> bool:
    """'in the capital, Valmora', 'near the port town, Ashdale': a name after a place noun and a comma is
    that place, whatever the model's label."""
    doc = span.doc
    i = span.start - 1
    return (
        i >= 2
        and doc[i].text == ","
        and doc[i - 1].is_lower
        and doc[i - 1].lower_ in APPOSED_PLACE_NOUNS
        and (span.end >= len(doc) or doc[span.end].text in {",", ".", ";", ":"} or doc[span.end].is_lower)
    )


def common_word_written_lower(span: Span, common_nouns: frozenset[str] | set[str]) -> bool:
    """'Security Alert: ... This alert affects ...': one capitalised English noun the text also writes in
    lower case is that noun, no person's name."""
    if len(span) != 1 or span[0].lower_ not in common_nouns:
        return False
    word = span[0].lower_
    return any(t.text == word for t in span.doc)


def travelled_to(span: Span) -> bool:
    """'would travel to Krakow and Lodz', 'fled from X': the object of "to"/"from" after a word of
    movement, or a conjunct of it, is where one goes, a place (the model labels such towns persons)."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in {"to", "from"}
        and prep.head.lemma_.lower() in MOTION_WORDS
        and span.doc[span.start - 1].lower_ not in HONORIFICS
    )
