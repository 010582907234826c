"""Places that name a site in a place or a part of one: "the Karamyk outpost in the Batken area", "the
al-Noor mosque in C" (`site_in`), "X, the eastern portion of Y" (`part_of`). Split out of `places.py`
(round 14) when its named sites grew to buildings; read by `places._own_places`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import COMPASS_WORDS, PLACES, words
from loaders.relations.relation_kinds import relation

NAMED_SITE_HEADS = words("named_site_heads")
PART_NOUNS = words("part_nouns")  # "X, the eastern portion of Y"
NAMING_NOUNS = words("naming_nouns")  # "X, Jakarta's name for the southern part of Y"


def site_in(sent: Span, table: EntityTable, m: Mention) -> Iterator[ExtractedRelation]:
    """'the Karamyk outpost in the Batken area', 'the Houla massacre in Syria': a place that
    names a site or a massacre (`named_site_heads`) lies where that head is said to be. Other heads are
    left out: "the Gaza truce talks in Cairo" do not put Gaza in Cairo."""
    root = sent.doc[m.end - 1]
    head = root.head
    if root.dep_ not in {"compound", "nmod"} or head.i < m.end or head.lower_ not in NAMED_SITE_HEADS:
        return
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            # "in the Batken area": the name modifying the place noun
            for t in (p, *(x for x in p.lefts if x.dep_ == "compound")):
                other = table.mention_at(t.i)
                if other is not None and other.kind in PLACES and other.key != m.key:
                    r = relation(m, "LOCATED_IN", other, sent, 0.6)
                    if r:
                        yield r
                    return


def part_of(sent: Span, table: EntityTable, m: Mention) -> Iterator[ExtractedRelation]:
    """'X, the eastern portion of Y', 'X, a remote corner of Y', "X, Jakarta's name for the southern part of
    Y": an apposition (or a name given) that makes X a part of Y. Read in word order: the parser often
    hangs such a phrase on the verb rather than on X. A name for all of Y ("X, Kyiv's name for Y") is an
    alias, not a part, and gives nothing."""
    doc = sent.doc
    j = m.end
    if j >= sent.end or doc[j].text != ",":
        return
    j += 1
    owner = table.mention_at(j)
    if (
        owner is not None
        and owner.start == j
        and owner.end < sent.end
        and doc[owner.end].lower_ in {"'s", "\u2019s"}
    ):
        j = owner.end + 1  # "Jakarta's"
    if j < sent.end and doc[j].lower_ in NAMING_NOUNS and j + 1 < sent.end and doc[j + 1].lower_ == "for":
        j += 2
    while j < sent.end and (
        doc[j].lower_ in COMPASS_WORDS or doc[j].lower_ in {"a", "an"} or doc[j].pos_ == "ADJ"
    ):
        j += 1
    if j + 1 >= sent.end or doc[j].lower_ not in PART_NOUNS or doc[j + 1].lower_ != "of":
        return
    k = j + 2
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    other = table.mention_at(k)
    if other is not None and other.kind in PLACES and other.key != m.key:
        r = relation(m, "LOCATED_IN", other, sent, 0.6)
        if r:
            yield r


AREA_NOUNS = words("place_nouns")
DESCRIBING_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
MAX_DESCRIBING = 4


def described_in(sent: Span, table: EntityTable, m: Mention) -> Iterator[ExtractedRelation]:
    """'X, a separatist stronghold in eastern Y', 'X, the capital of Y': an apposition of a place noun
    placed in Y, read in word order (the parser often hangs the apposition on a noun before X: "the
    shelling of X, a ... in Y")."""
    doc = sent.doc
    j = m.end
    if j >= sent.end or doc[j].text != ",":
        return
    j += 1
    if j < sent.end and doc[j].lower_ in {"a", "an", "the"}:
        j += 1
    start = j
    while (
        j < sent.end
        and j - start < MAX_DESCRIBING
        and doc[j].lower_ not in AREA_NOUNS
        and (doc[j].pos_ in DESCRIBING_POS or doc[j].text in {"-", "\u2013"})
    ):
        j += 1
    if j + 1 >= sent.end or doc[j].lower_ not in AREA_NOUNS or doc[j + 1].lower_ not in {"in", "of"}:
        return
    k = j + 2
    while k < sent.end and doc[k].lower_ in COMPASS_WORDS:
        k += 1
    other = table.mention_at(k)
    if other is None or other.kind not in PLACES or other.key == m.key:
        return
    r = relation(m, "LOCATED_IN", other, sent, 0.6)
    if r:
        yield r


# heads of named_site_heads that name an event, not a site
EVENT_HEADS = frozenset({"massacre", "siege", "bombing", "battle"})


def indefinite_site_in(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'fired missiles at an airport in southwest Y' (and elsewhere 'at X airport'): a site introduced by
    its noun alone and placed in Y is the one place of the article named with that noun ("X airport"),
    when there is exactly one; none or two give nothing."""
    for t in sent:
        low = t.lower_
        if t.pos_ != "NOUN" or low not in NAMED_SITE_HEADS or low in EVENT_HEADS:
            continue
        if table.mention_at(t.i) is not None or not any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in t.children
        ):
            continue
        named = [
            key
            for key, ent in table.entities.items()
            if ent.kind == "place" and any(n.lower().split()[-1:] == [low] for n in (key, *ent.aliases))
        ]
        if len(named) != 1:
            continue
        site = Mention(t.i, t.i + 1, named[0], "place", "described")
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "in"):
            for p in (c for c in prep.children if c.dep_ == "pobj"):
                other = table.mention_at(p.i)
                if other is not None and other.kind in PLACES:
                    r = relation(site, "LOCATED_IN", other, sent, 0.6)
                    if r:
                        yield r
