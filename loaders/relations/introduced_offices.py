"""An office introduced with its body a sentence or two before its holder is named.

Wire copy often states the office and its country first and the name later: "Chad's defence minister
flew to the border. Defence Minister X said ..." or "A Nigerian army spokesman said ... . Brigadier X later
blamed ...". The later title ("Defence Minister", "Brigadier") names no body; the earlier mention of the
same office does. This reads the body of that earlier, unnamed office noun, so that reports about two or
more countries do not give the holder the article's most-mentioned country.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import words

MILITARY_RANKS = words("military_ranks")
RANK_HOLDER_OFFICES = words("rank_holder_offices")  # offices a rank-only name may hold: "army spokesman"
BODIES = frozenset({"country", "organization", "armed_group"})
LOOKBACK = 2  # sentences before the holder's own: an introduction further back is another person's


def _office_heads(office: str) -> frozenset[str]:
    """The nouns an earlier mention of the office may have: its own head ("defence minister" ->
    "minister"), or for a bare rank ("brigadier") the offices a ranked officer speaks or acts in."""
    last = office.split()[-1]
    if last in MILITARY_RANKS:
        return RANK_HOLDER_OFFICES
    return frozenset({last})


def _named(doc: Doc, table: EntityTable, noun: Token) -> bool:
    """The office noun already has its holder: a person right after it or in apposition."""
    i = noun.i + 1
    while i < len(doc) and (doc[i].text == "," or (doc[i].is_title and table.mention_at(i) is None)):
        i += 1  # "spokesman, Colonel X", "spokesman Major X"
    nxt = table.mention_at(i) if i < len(doc) else None
    return nxt is not None and nxt.kind == "person"


def _modifier_body(doc: Doc, table: EntityTable, noun: Token) -> str | None:
    """The one body among the words before the noun in its phrase ("Chad's defence", "A Nigerian army")."""
    found: set[str] = set()
    for t in doc[noun.left_edge.i : noun.i]:
        mm = table.mention_at(t.i)
        if mm is None or mm.kind not in BODIES:
            continue
        if mm.end < len(doc) and doc[mm.end].text == "-":
            continue  # "Iran-backed", "UN-recognised": the name only qualifies the noun after it
        found.add(mm.key)
    return found.pop() if len(found) == 1 else None


def introduced_body(doc: Doc, table: EntityTable, m: Mention, office: str) -> str | None:
    """The body of the same office mentioned without a name in the LOOKBACK sentences before m's (not in
    it), when
    exactly one body is so introduced."""
    heads = _office_heads(office)
    sent = doc[m.start].sent
    start = sent.start
    for _ in range(LOOKBACK):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    found: set[str] = set()
    for t in doc[start : sent.start]:  # an earlier office in the holder's own sentence is another's
        if t.lemma_.lower() not in heads or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        if _named(doc, table, t):
            continue
        body = _modifier_body(doc, table, t)
        if body is not None and body != m.key:
            found.add(body)
    return found.pop() if len(found) == 1 else None
