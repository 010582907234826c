"""Places inside places and countries: 'X in Y', 'X, in Y', "Y's X", 'the Syrian city of X', 'a Syrian airbase'."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Span, Token

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import COMPASS_WORDS, LOCATIVE_PREPS, PLACE_PREFIX_WORDS, PLACES, words
from loaders.relations.place_parts import described_in, indefinite_site_in, part_of, site_in
from loaders.relations.relation_kinds import relation

REGION_NOUNS = words("region_nouns")  # "the Tigray region of Ethiopia"
# bearings that may stand between an address's place and its country ("Kano, northern Nigeria")
BEARING_WORDS = COMPASS_WORDS - {"the", "of"}
# place nouns that a name follows after "of": "in the northwestern province of Y", "the border state of Y"
PLACE_HEADS = REGION_NOUNS | words("settlement_nouns")
AREA_NOUNS = words("place_nouns")
PART_AREAS = AREA_NOUNS | REGION_NOUNS | {"sector"}  # plural heads of a list of parts
BORDER_NOUNS = words("border_nouns")
CLOSING_QUOTES = frozenset({'"', "\u201d", "'", "\u2019"})
SITE_PREPS = frozenset({"in", "inside", "near", "around", "across", "outside", "at"})


def place_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """LOCATED_IN for every place mention of the sentence that a locative phrase or modifier places."""
    placed: set[str] = set()
    for m in table.mentions_in(sent.start, sent.end):
        if m.kind != "place":
            continue
        for r in _own_places(sent, table, m):
            placed.add(r.source)
            yield r
    yield from _fronted_place(sent, table, placed)
    yield from _named_inside(sent, table)
    yield from indefinite_site_in(sent, table)


def _named_inside(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """ "Sanaa's southern suburbs": a place whose own name opens with another place's possessive lies in
    that place. The outer place must be an entity the article names. A bare modifier ("Taiwan Strait",
    "Aden airport") was tried too: the annotators do not place a strait in what it is named after, and
    an airport in its city only optionally (docs/extraction-rounds.md, round 12)."""
    doc = sent.doc
    for m in table.mentions_in(sent.start, sent.end):
        if m.kind != "place" or m.end - m.start < 2:
            continue
        text = doc[m.start : m.end].text.lower()
        for key, ent in table.entities.items():
            if key == m.key or ent.kind not in PLACES:
                continue
            for name in (key, *ent.aliases):
                low = name.lower()
                if text.startswith(low) and text[len(low) : len(low) + 2] in {"'s", "\u2019s"}:
                    r = relation(m, "LOCATED_IN", Mention(m.start, m.end, key, ent.kind, "inside"), sent, 0.6)
                    if r:
                        yield r
                    break


def _fronted_place(sent: Span, table: EntityTable, placed: set[str]) -> Iterator[ExtractedRelation]:
    """'In north-west Syria, ten people died in raids on the town of X': a locative phrase that opens
    the sentence places every other place the sentence names and nothing else places."""
    doc = sent.doc
    i = sent.start
    while i < sent.end and (doc[i].is_punct or doc[i].is_space):
        i += 1  # an opening quote
    if i >= sent.end or doc[i].lower_ not in {"in", "inside", "across"}:
        return
    k = i + 1
    while k < sent.end and doc[k].lower_ in COMPASS_WORDS:
        k += 1
    area = table.mention_at(k)
    if area is None or area.kind not in PLACES or area.end >= sent.end or doc[area.end].text != ",":
        return
    for m in table.mentions_in(area.end, sent.end):
        if m.kind == "place" and m.key != area.key and m.key not in placed:
            r = relation(m, "LOCATED_IN", area, sent, 0.5)
            if r:
                placed.add(m.key)
                yield r


def _own_places(sent: Span, table: EntityTable, m: Mention) -> Iterator[ExtractedRelation]:
    """LOCATED_IN from the words around one place mention."""
    doc = sent.doc
    # "X in Y", "X, in northern Y", "X, W and Z in Y" (the places listed share the phrase)
    j = _list_end(sent, table, m)
    if j < len(doc) and doc[j].lower_ in AREA_NOUNS and j == m.end:
        j += 1  # "Bara area, in the province of Y": the place noun the name left out
    if j < len(doc) and doc[j].text in CLOSING_QUOTES:
        j += 1  # 'reported "shelling in X" in southern Y': a quotation that ends on the place
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j < len(doc) and doc[j].lower_ in LOCATIVE_PREPS and j + 1 < len(doc):
        k = _past_bearing(doc, j + 1)
        other = _owned_place(doc, table, table.mention_at(k))
        # "X, near the Afghan border": the border is Y's edge, X need not lie in Y
        edge = other is not None and other.end < len(doc) and doc[other.end].lower_ in BORDER_NOUNS
        if other is not None and other.kind in PLACES and other.key != m.key and not edge:
            r = relation(m, "LOCATED_IN", other, sent, 0.7)
            if r:
                yield r
    # "the Tigray region of Ethiopia": a place whose own name ends in a place noun, "of" a place;
    # "the Daraban area of Y's Z district": a place noun after the name, and Y's Z is Z
    of = m.end + 1 if m.end < len(doc) and doc[m.end].lower_ in AREA_NOUNS else m.end
    of = _plural_part_end(sent, table, m) or of  # "the X and Y districts of Z"
    if of + 1 < len(doc) and doc[of].lower_ == "of" and _area_word(doc[of - 1]):
        other = table.mention_at(_past_bearing(doc, of + 1))  # "X district of the northern Y province"
        if other is not None and other.end + 1 < len(doc) and doc[other.end].lower_ in {"'s", "\u2019s"}:
            owned = table.mention_at(_past_bearing(doc, other.end + 1))
            other = owned if owned is not None and owned.kind == "place" else other
        if other is not None and other.kind in PLACES and other.key != m.key:
            r = relation(m, "LOCATED_IN", other, sent, 0.6)
            if r:
                yield r
    j = m.end + 1 if m.end < len(doc) and doc[m.end].text == "," else m.end
    # "Kano, northern Nigeria": a bearing before the country of an address
    k = j
    while j > m.end and k < sent.end and doc[k].lower_ in BEARING_WORDS:
        k += 1
    if k > j and doc[k - 1].lower_ in {"-", "\u2013"}:
        k = j  # a dash of its own is a clause break, not a bearing
    # "Kandahar, Afghanistan" (a dateline or an address), not a list "Kandahar, Afghanistan and Iran"
    if j > m.end and (other := table.mention_at(k)) is not None and other.kind == "country":
        nxt = doc[other.end] if other.end < len(doc) else None
        # "X, Hanoi said ...", "X, Hanoi's name for ...": the country opens a clause or owns the next
        # phrase, it does not address X
        opens = doc[other.end - 1].dep_ in {"nsubj", "nsubjpass", "poss"}
        listed = nxt is not None and (
            nxt.lower_ in {"and", "or"} or (nxt.text == "," and _listed_next(doc, table, other))
        )
        if not listed and not opens:
            r = relation(m, "LOCATED_IN", other, sent, 0.6)
            if r:
                yield r
    # "Syria's Idlib province", "the Syrian city of Homs"
    k = m.start - 1
    while k >= sent.start and (
        doc[k].lower_ in PLACE_PREFIX_WORDS or (table.mention_at(k) is None and _describing(doc, k))
    ):
        k -= 1
    if sent.start <= k < m.start - 1:
        other = table.mention_at(k)
        # "the X district of the northern Y province", "the X area of Y": the walk crossed "of" into a
        # named place; X lies in Y (the region rule above), not Y in X. "The Syrian city of Homs" crosses
        # it into a country's adjective.
        crossed_of = any(doc[i].lower_ == "of" for i in range(k + 1, m.start))
        reversed_of = other is not None and other.kind == "place" and crossed_of
        if other is not None and other.kind in PLACES and other.key != m.key and not reversed_of:
            r = relation(m, "LOCATED_IN", other, sent, 0.6)
            if r:
                yield r
    # "the X outpost in Y", "the X massacre in Y": a place naming a site or a massacre there
    yield from site_in(sent, table, m)
    yield from part_of(sent, table, m)
    yield from described_in(sent, table, m)
    # "a Syrian government airbase": it lies in the country
    root = doc[m.end - 1]
    for child in root.children:
        if child.dep_ in {"amod", "compound"} and child.i < m.start:
            other = table.mention_at(child.i)
            if other is not None and other.kind == "country":
                r = relation(m, "LOCATED_IN", other, sent, 0.6)
                if r:
                    yield r


def _describing(doc: Doc, k: int) -> bool:
    """A plain adjective between a country and its place noun: "the Iraqi Kurdish city of X", "the
    Syrian coastal town of Y". Not a participle or a hyphen's part ("the Russian-occupied city of Z" is
    not in Russia)."""
    tok = doc[k]
    return (
        tok.pos_ == "ADJ"
        and tok.tag_ == "JJ"
        and tok.is_alpha
        and not (k > 0 and doc[k - 1].text in {"-", "\u2013"})
        and not (k + 1 < len(doc) and doc[k + 1].text in {"-", "\u2013"})
    )


def _listed_next(doc: Doc, table: EntityTable, country: Mention) -> bool:
    """After "X, Country,": does a list go on ("X, Ukraine, Poland and Y", "X, Ukraine, and Y", "X,
    Ukraine, the EU") rather than the sentence ("Aleppo, Syria, in 1970", "X, Ukraine, July 17")?"""
    i = country.end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc):
        return False
    if doc[i].lower_ in {"and", "or"}:
        return True
    nxt = table.mention_at(i)
    return nxt is not None and nxt.start == i


def _past_bearing(doc: Doc, i: int) -> int:
    """The first token after the bearing words and place nouns that introduce a place's name: "in [the
    northwestern province of] Y", "of [the northern] Y province"."""
    while i < len(doc) and (
        doc[i].lower_ in COMPASS_WORDS
        or (doc[i].lower_ in PLACE_HEADS and i + 1 < len(doc) and doc[i + 1].lower_ == "of")
    ):
        i += 1
    return i


def _owned_place(doc: Doc, table: EntityTable, other: Mention | None) -> Mention | None:
    """'the embassy in Y's heavily fortified Z': the place Y owns, past its describing words, is where X
    lies (Y is only Z's owner); `other` itself when no place follows its "'s"."""
    if other is None or other.end + 1 >= len(doc) or doc[other.end].lower_ not in {"'s", "\u2019s"}:
        return other
    k = other.end + 1
    while k < len(doc) and k - other.end <= 4 and doc[k].pos_ in {"ADV", "ADJ"}:
        k += 1
    owned = table.mention_at(k)
    return owned if owned is not None and owned.kind == "place" and owned.start == k else other


def _area_word(t: Token) -> bool:
    """A place noun, singular or plural ("district", "the X and Y sectors")."""
    return t.lower_ in AREA_NOUNS | REGION_NOUNS or (t.tag_ == "NNS" and t.lemma_.lower() in PART_AREAS)


def _plural_part_end(sent: Span, table: EntityTable, m: Mention) -> int:
    """'the Drass and Batalik sectors of Y', 'the A, B and C districts of Y': places listed before one
    plural place noun and "of" a place are each a part of it. Where the noun ends, or 0."""
    doc = sent.doc
    j = _list_end(sent, table, m)
    if j == m.end and not (m.start > sent.start and doc[m.start - 1].lower_ in {"and", ","}):
        return 0  # a single name: "X district of Y" is read as before
    if j < sent.end and doc[j].tag_ == "NNS" and doc[j].lemma_.lower() in PART_AREAS:
        return j + 1
    return 0


def _list_end(sent: Span, table: EntityTable, m: Mention) -> int:
    """Where the list of places that `m` opens ends: "Aleppo, Homs and Hama in Y" -> after Hama; `m.end`
    when no other place follows it in a list."""
    doc = sent.doc
    j = m.end
    while j + 1 < sent.end and doc[j].lower_ in {",", "and"}:
        k = j + 2 if doc[j].text == "," and doc[j + 1].lower_ == "and" else j + 1
        nxt = table.mention_at(k)
        if nxt is None or nxt.start != k or nxt.kind != "place":
            break
        j = nxt.end
    return j


def _called_capital(sent: Span, m: Mention) -> bool:
    """'the capital X', 'the capital, X': the text itself calls the place its country's capital."""
    i = m.start - 1
    if i > sent.start and sent.doc[i].text == ",":
        i -= 1
    return i >= sent.start and sent.doc[i].lower_ == "capital"


def capital_relations(
    sents: list[Span],
    table: EntityTable,
    capitals: Mapping[str, str],
    found: list[ExtractedRelation],
) -> list[ExtractedRelation]:
    """LOCATED_IN for a capital named as a place and its country, when the article names that country
    ("fighting in Sanaa" in an article about Yemen): the GUIDE places every place, and the capital's
    country is world knowledge (geonames). A place the text already places is left alone. Towns other
    than capitals were tried and left out: half the pairs were ones the annotators did not make
    (docs/extraction.md). The evidence is the first sentence that names the capital."""
    placed = {r.source for r in found if r.type == "LOCATED_IN"}
    out = []
    for name, ent in table.entities.items():
        if ent.kind != "place" or name in placed:
            continue
        land = next((capitals[n] for n in (name, *ent.aliases) if n in capitals), None)
        if (
            land is None
            or land not in table.entities
            or table.entities[land].kind not in {"country", "place"}
        ):
            continue
        # only a capital that is a site ("fighting in X", "shells near X"); one travelled to or from is
        # the government's seat ("a visit to X"), which the GUIDE folds into the country
        sent = next(
            (
                s
                for s in sents
                for m in table.mentions_in(s.start, s.end)
                if m.key == name
                and m.start > 0
                and (s.doc[m.start - 1].lower_ in SITE_PREPS or _called_capital(s, m))
            ),
            None,
        )
        if sent is not None:
            out.append(
                ExtractedRelation(
                    source=name, type="LOCATED_IN", target=land, evidence=sent.text.strip(), confidence=0.5
                )  # type: ignore[arg-type]
            )
    return out
