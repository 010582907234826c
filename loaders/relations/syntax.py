"""Reading the dependency parse: who a noun phrase stands for, a clause's subjects, objects and agent.

Shared by every relation family (and by `loaders.events`): these are questions about the parse, not
about any one relation type.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import ExtractedRelation
from loaders import clauses
from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import ACTORS, AGENTIVE_HEADS, DENIAL, PLACES, TYPE_PREPS, words

SPEECH_VERBS = words("speech_verbs")
RELATIVE_PRONOUNS = words("relative_pronouns")
PARTITIVES = words("partitive_words")
MEMBER_HEADS = words("member_heads")
MEMBER_PREPS = words("member_preps")
LOYALTY_ADJECTIVES = words("loyalty_adjectives")
ORIGIN_WORDS = words("origin_words")
SITE_HEADS = words("site_heads")
OBJECT_CONTROL = words("object_control_verbs")
QUANTITY_HEADS = words("quantity_heads")
RESPONSIBILITY_VERBS = words("responsibility_verbs")
LEADING_VERBS = words("leading_verbs")
SETTLEMENT_NOUNS = words("settlement_nouns")
CLAIM_VERBS = frozenset({"claim", "carry", "conduct", "launch", "stage", "mount"})  # "claimed by X"


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Britain and Australia")."""
    return [tok, *tok.conjuncts]


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
                out.append(m)
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
            if any(x.lower_ in ORIGIN_WORDS for x in left.subtree):
                continue  # "Pakistan-based militants" are not Pakistan
            for sub in left.subtree:
                mm = table.mention_at(sub.i)
                if mm is not None and mm.kind in kinds and mm.kind != "place" and mm not in out:
                    out.append(mm)
    if not out and "place" in kinds:  # a target: "attacks against targets in Saudi Arabia"
        for t in conjuncts(tok):
            if t.lower_ in SETTLEMENT_NOUNS:  # "the Israeli town of Metula"
                out += [
                    m
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if (m := table.mention_at(p.i)) is not None and m.kind == "place"
                ]
            if t.lower_ in SITE_HEADS or (sites and t.pos_ == "NOUN" and t.lower_ not in AGENTIVE_HEADS):
                out += [
                    m
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ in {"in", "inside", "across"}
                    for p in c.children
                    if p.dep_ == "pobj" and (m := table.mention_at(p.i)) is not None and m.kind in kinds
                ]
    seen: set[str] = set()
    return [m for m in out if not (m.key in seen or seen.add(m.key))]  # type: ignore[func-returns-value]


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
            elif m is None and x.lower_ in AGENTIVE_HEADS:  # "a base for African Union troops"
                out += [
                    mm
                    for left in x.lefts
                    if left.dep_ in {"amod", "compound", "poss"}
                    for sub in left.subtree
                    if (mm := table.mention_at(sub.i)) is not None and mm.kind in kinds and mm.kind != "place"
                ]
    return out


def negated(verb: Token) -> bool:
    """'did not attack', 'denied carrying out the attack', 'rejected claims that it struck' (not across a
    semicolon: "X blamed Y; Z denied it")."""
    return clauses.negated(verb, DENIAL, semicolon_ends_denial=True)


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb (inherited through coordination; "urged X to leave": X), and whether it is
    passive; "the coalition fighting X": the head acts."""
    return clauses.subjects(verb, object_control=OBJECT_CONTROL, acting_participles=True)


# Types whose object is the one related, never what the object's act was aimed at.
OWN_OBJECT_TYPES = frozenset({"SUPPORTS", "MET_WITH", "SPOKE_WITH", "ALLIED_WITH", "CONDEMNED"})


def objects(verb: Token, rtype: str | None = None) -> list[Token]:
    """Object tokens of a verb: direct objects, the type's prepositions, complements' targets."""
    preps_ok = TYPE_PREPS.get(rtype or "", frozenset({"against", "on", "at", "with", "to", "for", "into"}))
    objs = [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]
    for x in (c for c in verb.children if c.dep_ == "xcomp"):
        if rtype in {"SUPPORTS", "THREATENED"}:  # "helped strengthen X's army", "threatened to invade X"
            objs += [d for d in x.children if d.dep_ == "dobj"]
        # "threatened to take action against X": the complement's own object may carry the target
        for holder in (x, *(d for d in x.children if d.dep_ == "dobj")):
            objs += [
                p
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ in {"against", "on", "at"}
                for p in c.children
                if p.dep_ == "pobj"
            ]
    for o in list(objs) if rtype not in OWN_OBJECT_TYPES else []:
        # "launched missiles at X": the object's own 'at/on/against' (not "welcomed the action against X",
        # nor "condemned the attack on X", whose X suffered the act the condemnation is aimed at)
        objs += [
            p
            for c in o.children
            if c.dep_ == "prep" and c.lower_ in {"at", "on", "against"}
            for p in c.children
            if p.dep_ == "pobj"
        ]
    for prep in (c for c in verb.children if c.dep_ in {"prep", "dative"}):
        if prep.lower_ in preps_ok or prep.dep_ == "dative":
            objs += [c for c in prep.children if c.dep_ == "pobj"]
    # "seized several towns, including X and Y", "controls most areas including the capital, X": the
    # members an object names are objects too (the pobj's apposition gives the name)
    members = [
        p
        for o in objs
        for c in o.children
        if c.dep_ == "prep" and c.lower_ == "including"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return objs + members + [a for m in members for a in m.children if a.dep_ == "appos"]


def agents(verb: Token) -> list[Token]:
    """The `by` agents of a passive verb or an act noun."""
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


PLACE_BLIND = frozenset(
    {"MET_WITH", "SPOKE_WITH", "ALLIED_WITH", "SUPPORTS", "CONDEMNED", "ACCUSED", "THREATENED", "OPPOSES"}
)


def relation(src: Mention, rtype: str, tgt: Mention, sent: Span, conf: float) -> ExtractedRelation | None:
    """One relation, or None where the ends' kinds do not fit the type."""
    if src.key == tgt.key:
        return None
    if rtype == "CONTROLS" and tgt.kind != "place":
        return None
    if rtype == "LOCATED_IN" and (src.kind != "place" or tgt.kind not in PLACES):
        return None
    if rtype == "STRUCK" and src.kind == "place":
        return None
    if rtype == "AFFILIATED_WITH":
        return None  # titles give affiliations (loaders.relations.affiliations)
    if rtype in PLACE_BLIND and (tgt.kind == "place" or src.kind == "place"):
        return None  # one meets, backs or condemns actors, not places
    return ExtractedRelation(
        source=src.key, type=rtype, target=tgt.key, evidence=sent.text.strip(), confidence=conf
    )  # type: ignore[arg-type]


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a token belongs to (the token itself when it is one)."""
    v = tok
    for _ in range(6):
        if v.pos_ in {"VERB", "AUX"} or v.head is v:
            break
        v = v.head
    return v


def speaker_of(verb: Token) -> list[Token]:
    """Who reports the clause of `verb`: 'X said (that) ...', '..., X said', 'according to X'."""
    v = verb
    for _ in range(4):
        for c in v.children:  # "according to X"
            if c.lower_ == "according":
                return [p for to in c.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]
        if v.dep_ not in {"ccomp", "conj", "xcomp", "advcl"} or v.head is v:
            break
        v = v.head
        if v.lemma_ in SPEECH_VERBS:
            return [c for c in v.children if c.dep_ == "nsubj"]
    return []


def referent(tok: Token) -> Token:
    """What a relative pronoun or a descriptive apposition stands for: 'X, the group that fights ...' -> X."""
    t = tok
    if t.lower_ in PARTITIVES:
        t = _partitive_whole(t)
    if t.lower_ in RELATIVE_PRONOUNS and t.head.dep_ == "relcl":
        t = t.head.head
    if t.dep_ == "appos" and t.pos_ == "NOUN":
        t = _described(t)
    return t


def _described(appos: Token) -> Token:
    """What a descriptive apposition describes: its head, unless the parser attached it past the name
    right before its comma ("aired by a channel run by X, the group that ..." hangs "group" on "channel" or
    further left): that name, when the head reaches it only through a clause or not at all."""
    doc = appos.doc
    first = appos.left_edge.i
    if first < 2 or doc[first - 1].text != ",":
        return appos.head
    near = doc[first - 1 - 1]
    if near.pos_ != "PROPN" or near.i == appos.head.i:
        return appos.head
    t = near
    while t.i != appos.head.i and t.head.i != t.i:
        if t.dep_ in {"acl", "relcl"}:
            return near
        t = t.head
    return appos.head if t.i == appos.head.i else near


def _partitive_whole(tok: Token) -> Token:
    """'X, some of them backed by Y', 'X, many of which are backed by Y': a part of X stands for X (what
    the part's members do, X's members do); any other quantifier stays itself."""
    pron = next(
        (
            p
            for of in tok.children
            if of.dep_ == "prep" and of.lower_ == "of"
            for p in of.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    if pron is None:
        return tok
    if pron.lower_ in {"which", "whom"} and tok.head.dep_ == "relcl":
        return tok.head.head
    doc = tok.doc
    if (
        pron.lower_ == "them"
        and tok.i >= 2
        and doc[tok.i - 1].text == ","
        and doc[tok.i - 2].pos_ in {"NOUN", "PROPN"}
    ):
        return doc[tok.i - 2]
    return tok


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


def act_agents(act: Token, table: EntityTable) -> list[Mention]:
    """Who carried out an act noun: its 'by' agent, else its entity modifiers ('the US-led strikes')."""
    by = [
        m
        # "the attack launched by X"; "the attack, which was claimed by X" (a relative clause of claiming
        # or carrying out only: "the strike, which was condemned by X" names no agent)
        for holder in (
            act,
            *(c for c in act.children if c.dep_ == "acl" or (c.dep_ == "relcl" and c.lemma_ in CLAIM_VERBS)),
        )
        for c in holder.children
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for m in actors_of(p, table)
    ]
    by += [
        m
        for c in trailing_verb_preps(act)  # "condemned the coup by X": 'by X' hung on the verb
        if c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for m in actors_of(p, table)
    ]
    if by:
        return by
    claimer = responsibility_claimer(act) or passive_claimer(act)
    if claimer:  # "X claimed responsibility for the bombing"
        return [m for t in claimer for m in actors_of(t, table)]
    # "the Israeli raid", "Russia's bombardment", "the US-led strikes": the act's own modifiers
    out: list[Mention] = []
    for left in act.lefts:
        if left.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"}:
            for sub in left.subtree:
                m = table.mention_at(sub.i)
                if m is not None and m.kind in ACTORS and m.kind != "place" and m not in out:
                    out.append(m)
    return out


def trailing_verb_preps(obj: Token) -> list[Token]:
    """Prepositions the parser hung on the verb that directly follow its object: in "condemned the coup by
    the army" or "launched an offensive in X" the phrase belongs to the object noun (the parser's usual
    attachment ambiguity); a comma or another phrase in between keeps it the verb's."""
    if obj.dep_ != "dobj":
        return []
    after = obj.right_edge.i + 1
    return [c for c in obj.head.children if c.dep_ == "prep" and c.i == after]


def passive_claimer(act: Token) -> list[Token]:
    """'the attack was claimed by X' -> X (the passive of 'X claimed the attack')."""
    verb = act.head
    if act.dep_ != "nsubjpass" or verb.lemma_ not in CLAIM_VERBS or negated(verb):
        return []
    return agents(verb)


def responsibility_claimer(act: Token) -> list[Token]:
    """Who claimed an act: 'X claimed responsibility for the bombing' -> X (also 'admitted', 'accepted')."""
    prep = act.head
    if act.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_ != "responsibility":
        return []
    verb = prep.head.head
    if verb.lemma_ not in RESPONSIBILITY_VERBS or negated(verb):
        return []
    return subjects(verb)[0]
