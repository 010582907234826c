"""The country a story was filed from, read off its dateline ("MANILA - ...", "KABUL, May 3 -"): the
country an office with no stated country most likely belongs to when two countries share the article
(a Manila-datelined story about a president who fled to a US base names the US more often than the
Philippines, but its officials are Philippine)."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from loaders.mentions import EntityTable, Mention

DATELINE_ENDS = frozenset({"-", "\u2014", "\u2013", ",", ":"})
FIRST_TOKENS = 120  # a dateline opens the story: past its first lines an upper-case line is a heading


def _opens_line(doc: Doc, m: Mention) -> bool:
    return m.start == 0 or "\n" in doc[m.start - 1].text_with_ws


def _land(m: Mention, table: EntityTable, capitals: Mapping[str, str]) -> str | None:
    """The dateline's country: itself (a capital read as its country), or the country of a capital read
    as the town."""
    if m.kind == "country":
        return m.key
    if m.kind != "place":
        return None
    ent = table.entities.get(m.key)
    names = (m.key, *(ent.aliases if ent is not None else ()))
    land = next((capitals[n] for n in names if n in capitals), None)
    if land is None:
        return None
    found = table.entities.get(land)
    return land if found is not None and found.kind == "country" else None


def dateline_country(doc: Doc, table: EntityTable, capitals: Mapping[str, str]) -> str | None:
    """The country of the story's dateline: an upper-case capital (or country) opening a line in the first
    lines, followed by a dash, comma or colon, when the story names that country again (a dateline alone
    says where the reporter sat, not what the story is about); none for "VIENNA/WASHINGTON:"."""
    for m in sorted(table.mentions, key=lambda x: x.start):
        if m.start > FIRST_TOKENS:
            return None
        first = doc[m.start]
        if not _opens_line(doc, m) or not first.is_upper or len(first.text) < 3 or m.end >= len(doc):
            continue
        if doc[m.end].text not in DATELINE_ENDS:
            continue
        land = _land(m, table, capitals)
        named = sum(1 for x in table.mentions if x.key == land and x.kind == "country")
        return land if named >= 2 else None
    return None
