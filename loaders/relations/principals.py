"""Offices owned by a person, and persons owned by a country (`loaders.relations.affiliations`).

- "Gbagbo's spokesman X", "X, a spokeswoman for Y", "an aide to Y, X": a voice or aide of a named person
  speaks for that person's side, so X takes the principal's affiliation (the country or body the principal
  holds office in), never the article's main country. Word list: lexicon `principal_voices`.
- "Ivory Coast's Laurent Gbagbo", "Nepal's Oli": a country owning a person's name places the person,
  once an office of theirs is stated anywhere in the article.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import words
from loaders.relations.office_titles import next_apposition

PRINCIPAL_VOICES = words("principal_voices")
OWNER_PREPS = frozenset({"for", "of", "to"})


def _voice(t: Token) -> bool:
    return t.lemma_.lower() in PRINCIPAL_VOICES or t.lower_ in PRINCIPAL_VOICES


def _person_at(table: EntityTable, t: Token, m: Mention) -> Mention | None:
    mm = table.mention_at(t.i)
    return mm if mm is not None and mm.kind == "person" and mm.key != m.key else None


def principal_of(doc: Doc, table: EntityTable, m: Mention, before: list[Token]) -> Mention | None:
    """The person whose voice or aide m is: an owner of a title before the name ("Y's spokesman X"), or
    the object of "for" / "of" / "to" after an apposed voice ("X, a spokeswoman for Y")."""
    if before and _voice(before[-1]):
        for t in before:
            if t.dep_ == "poss" and (p := _person_at(table, t, m)) is not None:
                return p
    root = doc[m.end - 1]
    heads = [c for c in root.children if c.dep_ == "appos"] + next_apposition(doc, m)
    if root.dep_ == "appos" and root.head.i < m.start:
        heads.append(root.head)  # "Y's spokesman, X, said"
    for head in (h for h in heads if _voice(h)):
        for c in head.children:
            if c.dep_ == "poss" and (p := _person_at(table, c, m)) is not None:
                return p
            if c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
                for obj in (o for o in c.children if o.dep_ == "pobj"):
                    if (p := _person_at(table, obj, m)) is not None:
                        return p
    return None


def possessive_countries(doc: Doc, table: EntityTable) -> dict[str, str]:
    """Person key -> the one country owning any mention of the name ("Ivory Coast's Laurent Gbagbo")."""
    seen: dict[str, set[str]] = {}
    for m in table.mentions:
        if m.kind != "person":
            continue
        for c in doc[m.end - 1].children:
            own = table.mention_at(c.i)
            if c.dep_ == "poss" and c.i < m.start and own is not None and own.kind == "country":
                seen.setdefault(m.key, set()).add(own.key)
    return {k: v.pop() for k, v in seen.items() if len(v) == 1}
