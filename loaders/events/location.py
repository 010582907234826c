"""Where an event happened: the place a locative preposition of its trigger names."""

from __future__ import annotations

from spacy.tokens import Token

from loaders.events.lexicon import LOCATION_PREPS, PLACE_NOUNS, STREET_NOUNS
from loaders.mentions import EntityTable, Mention
from loaders.relations.phrase_actors import actors_of

# prepositions naming the place a retreat leaves ("out of X" is parsed out -> of -> X)
LEFT_PLACE_PREPS = {"from", "of", "off"}


def location(trigger: Token, table: EntityTable, etype: str) -> Mention | None:
    """The place of a locative preposition on the trigger, or one nested in its object ("shelling of a
    market in Khartoum", "struck targets in Lebanon"). "on X" is a place only for an assault."""
    preps = LOCATION_PREPS if etype == "ASSAULT" else LOCATION_PREPS - {"on", "over", "into"}
    if etype == "RETREAT":
        preps = preps | LEFT_PLACE_PREPS  # "withdrew from X", "pulled out of X": the place left
    nested: list[Token] = []
    if etype == "ASSAULT":
        nested += [
            p
            for o in trigger.children
            if o.dep_ == "dobj"
            for c in o.children
            if c.dep_ == "prep" and c.lower_ in {"in", "near", "at"}
            for p in c.children
        ]
    # "a meeting of regional leaders in Jamaica", "talks in Qatar": a meeting's venue may be a country
    kinds = {"place", "country"} if etype == "CONSULT" else {"place"}
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if prep.lower_ in preps:
                for m in actors_of(pobj, table, kinds, sites=False):
                    return m
            nested += [
                p
                for c in pobj.children
                if c.dep_ == "prep" and (c.lower_ in LOCATION_PREPS or of_place(pobj, c, etype))
                for p in c.children
            ]
    for pobj in nested:
        for m in actors_of(pobj, table, {"place"}, sites=False):
            return m
    return left_place(trigger, table) if etype == "RETREAT" else None


def of_place(noun: Token, prep: Token, etype: str) -> bool:
    """'took to the streets of X', 'rallied in the city of X': the place a street or place noun belongs
    to (outside attacks, whose places are the strike helpers')."""
    return (
        etype != "ASSAULT"
        and prep.lower_ == "of"
        and (noun.lower_ in STREET_NOUNS or noun.lower_ in PLACE_NOUNS)
    )


def left_place(trigger: Token, table: EntityTable) -> Mention | None:
    """The place a retreat leaves through a chain the parser builds: "pulled out of X" (out -> of -> X),
    "pulled back from X" (back -> from -> X), "off the streets of X" (streets -> of -> X)."""
    frontier = [c for c in trigger.children if c.dep_ in {"prep", "prt", "advmod"}]
    for _ in range(3):
        nxt: list[Token] = []
        for node in frontier:
            for c in node.children:
                if c.dep_ == "pobj":
                    for m in actors_of(c, table, {"place"}, sites=False):
                        return m
                if c.dep_ in {"prep", "pobj"}:
                    nxt.append(c)
        frontier = nxt
    return None
