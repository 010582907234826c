"""Legislators and their chamber (`loaders.relations.affiliations`).

A senator, congressman, MP or lawmaker holds an office in the legislature, which the article names as a
body of its own ("the Senate", "the National Congress"): "Sen. X (R., Iowa)", "One senator, X, ...",
"congressional leader X", "X, a member of Kenya's parliament", and a name with its state right after the
chamber's members were counted ("... of 30 senators. Those who switched were X of Nevada and Y of Iowa"). The state or district in a party tag
("R., Iowa") is a constituency, not the body. Word lists: lexicon `legislator_titles`,
`legislative_adjectives`, `legislature_nouns`, `chamber_of_title`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import table as word_table
from loaders.relations.lexicon import words
from loaders.relations.office_titles import next_apposition

LEGISLATOR_TITLES = words("legislator_titles")
LEGISLATIVE_ADJECTIVES = words("legislative_adjectives")  # "congressional leader X"
LEGISLATURE_NOUNS = words("legislature_nouns")
CHAMBER_OF_TITLE = word_table("chamber_of_title")  # "senator" -> "senate"
NOT_CHAMBERS = frozenset({"white", "general", "opera", "guest", "safe", "publishing", "auction"})


def legislator_office(office: str | None, before: list[Token], appos: Token | None) -> str | None:
    """The legislator's title among a stated office ("senator", "Sen.", "congressional leader"), if any."""
    if office is not None:
        if office in LEGISLATOR_TITLES:
            return office
        if any(t.lower_ in LEGISLATIVE_ADJECTIVES for t in before):
            return office
    if appos is not None and appos.lower_ in LEGISLATOR_TITLES:
        return appos.lower_
    return None


def chamber_word(name: str) -> str | None:
    """'United States Senate' -> 'senate'; 'House of Representatives' -> 'house'; 'White House' -> None."""
    low = name.lower().replace("-", " ").split()
    for k, w in enumerate(low):
        if w not in LEGISLATURE_NOUNS or (k > 0 and low[k - 1] in NOT_CHAMBERS) or "party" in low:
            continue
        if w == "house" and len(low) > 1 and not {"representatives", "commons", "lords"} & set(low):
            continue
        return w
    return None


def chamber(table: EntityTable, office: str) -> str | None:
    """The one legislature the article names for this title: a senator's Senate when there is one, else
    the article's only legislature."""
    found = {
        key: w
        for key, e in table.entities.items()
        if e.kind == "organization" and (w := chamber_word(key)) is not None
    }
    want = CHAMBER_OF_TITLE.get(office)
    fitting = [k for k, w in found.items() if w == want] if want else []
    pool = fitting or list(found)
    return pool[0] if len(pool) == 1 else None


def member_of_legislature(doc: Doc, table: EntityTable, m: Mention) -> str | None:
    """'X, a member of Sri Lanka's parliament': the chamber if it is an entity, else the country owning it."""
    root = doc[m.end - 1]
    heads = [c for c in root.children if c.dep_ == "appos"] + next_apposition(doc, m)
    for head in (h for h in heads if h.lemma_.lower() == "member"):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lemma_.lower() not in LEGISLATURE_NOUNS:
                    continue
                own = table.mention_at(obj.i)
                if own is not None and own.kind == "organization":
                    return own.key
                for mod in obj.children:
                    mm = table.mention_at(mod.i)
                    if mod.dep_ in {"poss", "amod", "compound"} and mm is not None and mm.kind == "country":
                        return mm.key
    return None


def listed_legislator(doc: Doc, table: EntityTable, m: Mention) -> str | None:
    """'X of Nevada' in a sentence that counts a chamber's members ("senators", "congressmen"), or right
    after one: the name with its state is one of those members, and holds a seat in that chamber."""
    if m.end + 1 >= len(doc) or doc[m.end].lower_ != "of":
        return None
    state = table.mention_at(m.end + 1)
    if state is None or state.kind != "place" or state.start != m.end + 1:
        return None
    sent = doc[m.start].sent
    scope = doc[doc[sent.start - 1].sent.start : sent.end] if sent.start > 0 else sent
    for t in scope:
        lemma = t.lemma_.lower()
        if lemma in CHAMBER_OF_TITLE and t.lower_ != lemma and table.mention_at(t.i) is None:
            return chamber(table, lemma)  # a plural title: the members, not one of them
    return None
