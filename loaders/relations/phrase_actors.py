"""Which entities a noun phrase stands for: itself, its entity modifiers ("the Syrian army"), the group
its members belong to ("militants from X"), a clause's subjects (with the speaker for a pronoun of reported
speech). Who carried out an act noun is `act_agents.py`'s.
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import ACT_NOUNS, ACTORS, AGENTIVE_HEADS, words
from loaders.relations.syntax import (
    conjuncts,
    names_given,
    referent,
    speaker_of,
    subjects,
)

MEMBER_HEADS = words("member_heads")
MEMBER_PREPS = words("member_preps")
LOYALTY_ADJECTIVES = words("loyalty_adjectives")
ORIGIN_WORDS = words("origin_words")
SITE_HEADS = words("site_heads")
# "X bases in C", "X positions in C": sites of a side that stand in a place, which is hit with them
OWNED_SITE_HEADS = words("owned_site_heads")
QUANTITY_HEADS = words("quantity_heads")
LEADING_VERBS = words("leading_verbs")
SETTLEMENT_NOUNS = words("settlement_nouns")
# Offices whose holder, named in apposition, speaks or acts for the phrase ("a spokesman, Colonel X, said")
OFFICE_SPEAKERS = words("office_speakers")
# Nouns a name in apposition does not replace: who speaks for a body ("the junta's spokesman, Z, said":
# the GUIDE keeps the body as the speaker), a vehicle or weapon ("a French warship, the X": its operator
# acts), an act ("the offensive, Operation X": its agent acts)
NOT_NAMED_BY_APPOSITION = words("voice_nouns") | words("equipment_nouns") | ACT_NOUNS


def _coordinated_modifiers(
    t: Token, m: Mention, table: EntityTable, kinds: frozenset[str] | set[str]
) -> list[Mention]:
    """'Turkish and Iranian troops' (the entity is "Iranian troops"): a modifier before the entity that is
    coordinated with the entity's own modifier names a second side of the same phrase."""
    out: list[Mention] = []
    for c in (c for c in t.children if c.dep_ in {"amod", "compound"} and c.i < m.start):
        if not any(m.start <= x.i < m.end for x in c.children if x.dep_ == "conj"):
            continue
        other = table.mention_at(c.i)
        if other is not None and other.kind in kinds and other.key != m.key:
            out.append(other)
    return out


def actors_of(
    tok: Token, table: EntityTable, kinds: frozenset[str] | set[str] = ACTORS, sites: bool = True
) -> list[Mention]:
    """Entities a noun phrase headed by `tok` stands for: itself, or its entity modifiers, with conjuncts.

    With `sites` (and places among `kinds`), a thing somewhere stands for the place as a target ("struck a
    market in X"); the event finder leaves that out (it moved event targets and merges the wrong way)."""
    out: list[Mention] = []
    for t in conjuncts(tok):
        m = table.mention_at(t.i)
        if m is not None:
            if m.kind in kinds:
                # in word order: "Chadian and Sudanese soldiers" -> Chad, Sudan
                out += [x for x in _coordinated_modifiers(t, m, table, kinds) if x not in out]
                out.append(m)
            continue
        if (
            t.dep_ == "nsubj"
            and t.lower_ in OFFICE_SPEAKERS
            and not any(table.mention_at(x.i) for c in t.children if c.dep_ != "appos" for x in c.subtree)
        ):
            # "an army spokesman, Colonel X, said ...": the name in apposition is the phrase's referent
            # (one that names its own body, "the spokesman for X, General Y", stands for X as before)
            named = [
                a
                for c in t.children
                if c.dep_ == "appos"
                and (a := table.mention_at(c.i)) is not None
                and a.kind in kinds
                and a not in out
            ]
            if named:
                out += named
                continue
        named = _named_in_apposition(t, table, kinds if sites else set(kinds) - {"place"})
        if named:  # "the rebel group, the X Front, ...": the name stands for the phrase
            out += [a for a in named if a not in out]
            continue
        if t.lower_ in QUANTITY_HEADS:  # "controls most of Yemen", "seized parts of Rutshuru"
            out += [
                mm
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
                for mm in actors_of(p, table, kinds)
                if mm not in out
            ]
            continue
        if t.lower_ in MEMBER_HEADS:
            out += [m for m in _members_of(t, table, kinds) if m not in out]
        if t.lower_ not in AGENTIVE_HEADS and t.lemma_ not in AGENTIVE_HEADS:
            continue
        # "missiles fired by X", "troops sent by X": the participle's agent stands for the phrase
        out += [
            mm
            for acl in t.children
            if acl.dep_ == "acl" and acl.lemma_ not in LEADING_VERBS  # "bases ... led by X" is no agent
            for c in acl.children
            if c.dep_ in {"agent", "prep"} and c.lower_ == "by"
            for p in c.children
            if p.dep_ == "pobj"
            for mm in actors_of(p, table, kinds)
            if mm not in out
        ]
        # "Iranian army chiefs", "a US cruise missile attack": an entity modifier stands for the phrase
        for left in t.lefts:
            if left.dep_ not in {"amod", "compound", "poss", "nmod", "nummod"}:
                continue
            if any(x.lower_ in ORIGIN_WORDS for x in left.subtree) or _hyphen_origin(left):
                continue  # "Pakistan-based militants" are not Pakistan
            for sub in left.subtree:
                mm = table.mention_at(sub.i)
                if mm is not None and mm.kind in kinds and mm.kind != "place" and mm not in out:
                    out.append(mm)
    if "place" in kinds:  # a target: "attacks against targets in Saudi Arabia"
        # "struck X positions in C": the site's owner and the place it stands in are both hit
        owned = bool(out)
        for t in conjuncts(tok):
            if owned and t.lower_ not in OWNED_SITE_HEADS:
                continue
            if t.lower_ in SETTLEMENT_NOUNS:  # "the Israeli town of Metula"
                out += [
                    m
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if (m := table.mention_at(p.i)) is not None and m.kind == "place"
                ]
            if sites and t.lower_ in SITE_HEADS and not owned:
                out += _site_country(t, table)  # "shelled Ukrainian towns": the country is struck (GUIDE)
            elif sites and not owned and t.pos_ in {"PROPN", "NUM"} and tok.dep_ in {"dobj", "pobj"}:
                out += _site_country(t, table)  # "shot down an American F-111": a named craft's state
            if sites and not owned and tok.dep_ in {"dobj", "pobj"} and t.lower_ not in AGENTIVE_HEADS:
                out += _named_site_place(t, table, kinds)  # "bombed a Madrid nightclub": Madrid is hit
            if t.lower_ in SITE_HEADS | OWNED_SITE_HEADS or (
                sites and t.pos_ == "NOUN" and t.lower_ not in AGENTIVE_HEADS
            ):
                out += [
                    m
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ in {"in", "inside", "across"}
                    for p in c.children
                    if p.dep_ == "pobj" and (m := table.mention_at(p.i)) is not None and m.kind in kinds
                ]
    seen: set[str] = set()
    return [m for m in out if not (m.key in seen or seen.add(m.key))]  # type: ignore[func-returns-value]


def _named_in_apposition(t: Token, table: EntityTable, kinds: frozenset[str] | set[str]) -> list[Mention]:
    """'a Gulf state, Qatar, ...', 'the country's president, Y, ...', 'two neighbours, X and Y, ...', 'a
    group calling itself X': the entities named in apposition to a common noun or given it as its name,
    which the noun stands for; none for a voice of a body, a vehicle or an act.

    Places are left to the callers that read a site's place (`sites`): as an event's participant a place
    in apposition moved targets and merged events the wrong way, as sites do."""
    if t.pos_ != "NOUN" or t.lower_ in NOT_NAMED_BY_APPOSITION:
        return []
    return [
        m
        for c in names_given(t)
        for x in conjuncts(c)
        if (m := table.mention_at(x.i)) is not None and m.kind in kinds
    ]


def _hyphen_origin(left: Token) -> bool:
    """'UN-recognised': the parser may hang the name, the hyphen and the participle side by side on the
    noun, so the participle is not in the name's subtree; read the words right after it."""
    doc = left.doc
    i = left.right_edge.i
    return i + 2 < len(doc) and doc[i + 1].text in {"-", "\u2013"} and doc[i + 2].lower_ in ORIGIN_WORDS


def _members_of(head: Token, table: EntityTable, kinds: frozenset[str] | set[str]) -> list[Mention]:
    """'militants from X', 'a base for X troops', 'forces loyal to X': whom a group or its site belongs to."""
    if any(table.mention_at(left.i) for left in head.lefts if left.dep_ in {"amod", "compound", "poss"}):
        return []  # its own modifier already said ("Malian army base") or named someone else
    holders: list[Token] = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS:
            holders += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in {"amod", "acl"} and c.lemma_ in LOYALTY_ADJECTIVES:
            holders += [p for to in c.children if to.dep_ == "prep" for p in to.children if p.dep_ == "pobj"]
    out: list[Mention] = []
    for h in holders:
        for x in conjuncts(h):
            m = table.mention_at(x.i)
            if m is not None and m.kind in kinds and m.kind != "place":
                out.append(m)
            elif m is None and (named := _named_in_apposition(x, table, kinds - {"place"})):
                out += named  # "forces loyal to the warlord, X": the name in apposition
            elif m is None and x.lower_ in AGENTIVE_HEADS:  # "a base for African Union troops"
                out += [
                    mm
                    for left in x.lefts
                    if left.dep_ in {"amod", "compound", "poss"}
                    for sub in left.subtree
                    if (mm := table.mention_at(sub.i)) is not None and mm.kind in kinds and mm.kind != "place"
                ]
    return out


def subject_actors(
    verb: Token, table: EntityTable, kinds: frozenset[str] | set[str] = ACTORS
) -> list[Mention]:
    """Entities of a clause's subjects; a pronoun subject of reported speech is the speaker ('X said it would')."""
    out: list[Mention] = []
    for s in subjects(verb)[0]:
        s = referent(s)
        found = actors_of(s, table, kinds)
        if not found and s.pos_ == "PRON":
            found = [m for sp in speaker_of(verb) for m in actors_of(sp, table, kinds)]
        out += [m for m in found if m not in out]
    return out


def _named_site_place(head: Token, table: EntityTable, kinds: frozenset[str] | set[str]) -> list[Mention]:
    """'a Madrid nightclub', 'an affluent Nairobi shopping centre': the place whose name modifies a
    thing struck there (a name only: 'Ukrainian towns' is `_site_country`'s, and a side's own sites are
    owned, not where they stand). Objects only: a subject such as 'the Kinshasa charges' is no site."""
    if head.pos_ != "NOUN":
        return []
    return [
        m
        for left in head.lefts
        if left.dep_ == "compound"
        for sub in left.subtree
        if sub.pos_ == "PROPN"
        and (m := table.mention_at(sub.i)) is not None
        and m.kind in kinds & {"place", "country"}
    ]


def _site_country(head: Token, table: EntityTable) -> list[Mention]:
    """'Ukrainian towns', 'Israeli cities': the country a site noun's adjective names (not 'Pakistan-based')."""
    return [
        m
        for left in head.lefts
        if left.dep_ in {"amod", "compound", "poss"}
        and not any(x.lower_ in ORIGIN_WORDS for x in left.subtree)
        and not _hyphen_origin(left)
        and (m := table.mention_at(left.i)) is not None
        and m.kind == "country"
    ]
