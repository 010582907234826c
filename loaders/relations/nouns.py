"""Relations stated in noun phrases.

- party nouns: "Assad's allies", "an ally of X", "X, a key ally of Y", "X and Y are allies", backers, enemies;
- hyphenated participles: "Iran-backed militias", "US-led coalition", "rebel-held town of X";
- act nouns with an agent: "support for X", "condemnation of X", "X's attack on Y", "talks with X";
- conflict nouns ("X's war against Y", "fighting between X and Y") are `conflict_nouns.py`'s.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import ExtractedRelation
from loaders.events.syntax import hypothetical, requested
from loaders.mentions import EntityTable, Mention
from loaders.relations.act_agents import act_agents
from loaders.relations.anaphora import pair_subject, possessors, subject_owner
from loaders.relations.lexicon import (
    ACT_NOUN_TYPES,
    ACTORS,
    ALLY_NOUNS,
    CLAUSE_VERBS_WITHOUT_AGENT,
    ENEMY_NOUNS,
    HYPHEN_VERBS,
    REBEL_WORDS,
    SUPPORTER_NOUNS,
    SYMMETRIC,
    words,
)
from loaders.relations.phrase_actors import actors_of
from loaders.relations.relation_kinds import membership, relation
from loaders.relations.syntax import promised, subjects, trailing_verb_preps

POSSESSIVE_PRONOUNS = {"its", "his", "her", "their"}
STRONGHOLD_NOUNS = words("stronghold_nouns")
SEQUENCE_VERBS = words("sequence_verbs")  # "X's resignation followed / came after talks with Y"
# Acts that a planned, expected or requested mention has not yet carried out ("is expected in X for talks
# with Y", "a planned meeting with Y", "called on X to resume talks with Y"); states such as support or enmity hold whatever the tense.
PLANNED_ACT_TYPES = frozenset({"SPOKE_WITH", "MET_WITH", "STRUCK"})


def _pobj_actors(
    tok: Token, preps: set[str] | frozenset[str], table: EntityTable, kinds: set[str]
) -> list[Mention]:
    return [
        m
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
        for m in actors_of(p, table, kinds)
    ]


def _party_relations(tok: Token, sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'Assad's allies', 'its Russian ally', 'an ally of X', 'X, a key ally of Y', 'X and Y are allies'."""
    low = tok.lower_
    rtype = "ALLIED_WITH" if low in ALLY_NOUNS else "OPPOSES"
    if low in SUPPORTER_NOUNS:
        rtype = "SUPPORTS"
    others = [m for c in tok.children if c.dep_ == "poss" for m in actors_of(c, table)]
    others += _pobj_actors(tok, {"of", "to", "for"}, table, set(ACTORS))
    if not others:
        # "the Syrian government and its Russian ally": the pronoun's antecedent is the nearest actor before
        pron = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
        if pron is not None:
            before = [
                m for m in table.mentions_in(sent.start, pron.i) if m.kind in ACTORS and m.end <= pron.i
            ]
            if before:
                others = [before[-1]]
    selves = [m for c in tok.children if c.dep_ in {"amod", "compound"} for m in actors_of(c, table)]
    selves += _named_parties(tok, table)
    up = tok
    while up.dep_ == "pobj" and up.head.dep_ == "prep" and up.head.lower_ in {"among", "of"}:
        up = up.head.head
        if up.lower_ == "one" and up.dep_ in {"attr", "appos", "nsubj"}:
            continue
        break
    if up is not tok and up.pos_ in {"AUX", "VERB"} and up.lemma_ == "be":
        selves += [m for c in up.children if c.dep_ == "nsubj" for m in actors_of(c, table)]
    elif up is not tok and up.lower_ == "one":
        if up.dep_ == "attr":
            selves += [m for c in up.head.children if c.dep_ == "nsubj" for m in actors_of(c, table)]
        elif up.dep_ == "appos":
            selves += actors_of(up.head, table)
    if tok.dep_ == "attr":
        selves += [m for c in tok.head.children if c.dep_ == "nsubj" for m in actors_of(c, table)]
    elif tok.dep_ == "appos":
        selves += actors_of(tok.head, table)
    if low in {"allies", "partners"} and not others and tok.dep_ in {"attr", "appos"}:
        # "X and Y are allies"; "X and Y, longtime allies, ..." (the apposition of the coordinated pair)
        subs = (
            [m for c in tok.head.children if c.dep_ == "nsubj" for m in actors_of(c, table)]
            if tok.dep_ == "attr"
            else actors_of(tok.head, table)
        )
        for i, a in enumerate(subs):
            for b in subs[i + 1 :]:
                r = relation(a, "ALLIED_WITH", b, sent, 0.6)
                if r:
                    yield r
    for s in selves:
        for o in others:
            r = relation(s, rtype, o, sent, 0.7)
            if r:
                yield r


def _named_parties(tok: Token, table: EntityTable) -> list[Mention]:
    """The parties a party noun names after it: "its ally Assad", "Syria's ally, Iran,", "its allies,
    Hezbollah and the Houthis", "its allies, including Britain", "its Gulf allies, such as Qatar"."""
    out = [m for c in tok.children if c.dep_ == "appos" for m in actors_of(c, table)]
    for c in tok.children:
        if c.dep_ == "prep" and (
            c.lower_ == "including" or (c.lower_ == "as" and c.nbor(-1).lower_ == "such")
        ):
            out += [m for p in c.children if p.dep_ == "pobj" for m in actors_of(p, table)]
    nxt = table.mention_at(tok.i + 1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.start == tok.i + 1 and nxt.kind in ACTORS:  # "its ally Assad": the parser
        out.append(nxt)  # often makes the name a sibling of the noun, not its apposition
    return out


def _hyphen_relations(tok: Token, sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'Iran-backed militias', 'US-led coalition', 'rebel-held town of X'."""
    doc = tok.doc
    verb = doc[tok.i + 1].lower_
    htype = HYPHEN_VERBS.get(verb)
    if htype is None:
        return
    left = table.mention_at(tok.i - 1)
    noun = doc[tok.i + 1].head
    # "an X-controlled island in Y": X holds the island, not all of Y (areas, sites and towns in Y still
    # stand for Y through actors_of's site heads)
    sites = htype != "CONTROLS"
    right = [m for m in actors_of(noun, table, ACTORS | {"place"}, sites=sites) if m is not left]
    right += _pobj_actors(noun, {"of"}, table, {"place"})
    if left is None and doc[tok.i - 1].lower_ in REBEL_WORDS:
        left = next((m for m in table.mentions if m.kind == "armed_group" and "rebel" in m.key.lower()), None)
    if left is None:
        return
    if verb == "led":
        return  # "the Saudi-led coalition": leadership or membership, which the GUIDE does not call support
    for r_m in right:
        # "X-linked militants": the collective is X's affiliate (membership, which `relation` leaves out)
        rel = (
            membership(r_m, left, sent)
            if htype == "AFFILIATED_WITH"
            else relation(left, htype, r_m, sent, 0.7)
        )
        if rel:
            yield rel


def _clause_subject_actors(tok: Token, table: EntityTable) -> list[Mention]:
    """'pledged support for X', 'said in a phone call with X': the governing clause's subject."""
    clause_verb = tok.head
    for _ in range(3):
        if clause_verb.pos_ in {"VERB", "AUX"} or clause_verb.head is clause_verb:
            break
        clause_verb = clause_verb.head
    if clause_verb.pos_ in {"VERB", "AUX"} and clause_verb.lemma_ not in CLAUSE_VERBS_WITHOUT_AGENT:
        found = [m for s_ in subjects(clause_verb)[0] for m in actors_of(s_, table)]
        if not found and clause_verb.lemma_.lower() in SEQUENCE_VERBS:
            found = subject_owner(clause_verb, table)  # "his resignation followed talks with X"
        return found
    return []


def _act_relations(tok: Token, sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'support for X', 'condemnation of X', "X's attack on Y", 'an attack by X on Y', 'talks with X'."""
    rtype = ACT_NOUN_TYPES[tok.lower_]
    if rtype in PLANNED_ACT_TYPES and (hypothetical(tok) or requested(tok) or promised(tok)):
        return  # "is expected in X for talks with Y", "urged X to resume talks with Y": not held yet
    agents = [m for c in tok.children if c.dep_ in {"poss", "amod", "compound"} for m in actors_of(c, table)]
    agents += [
        m
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for p in c.children
        for m in actors_of(p, table)
    ]
    preps = {"SUPPORTS": {"for"}, "CONDEMNED": {"of"}}.get(
        rtype, {"with"} if rtype in SYMMETRIC else {"on", "against"}
    )
    targets = _pobj_actors(tok, preps, table, set(ACTORS) | {"place"})
    # "launched an assault on X", "held talks with X": the phrase the parser hung on the verb
    targets += [
        m
        for c in trailing_verb_preps(tok)
        if c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
        for m in actors_of(p, table, set(ACTORS) | {"place"})
        if m not in targets
    ]
    if not agents and rtype == "STRUCK":  # "the attack on X was claimed by Y", "the raid by Y on X"
        agents = act_agents(tok, table) or possessors(tok, table)  # "X continued its offensive on Y"
    if not agents and rtype in {"SUPPORTS", "SPOKE_WITH", "MET_WITH", "CONDEMNED"}:
        agents = _clause_subject_actors(tok, table)
    if rtype in SYMMETRIC and not targets and len(agents) >= 2:
        # "X and his counterpart Y agreed in a telephone call"
        for i, a in enumerate(agents):
            for b in agents[i + 1 :]:
                r = relation(a, rtype, b, sent, 0.5)
                if r:
                    yield r
    for a in agents:
        for t in targets:
            r = relation(a, rtype, t, sent, 0.6)
            if r:
                yield r


def _pair_act_relations(tok: Token, sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'Both sides launched attacks overnight': a hostile act, with no agent or target of its own, done by
    a pair named before ('both sides', 'the two nations') is each side's against the other."""
    rtype = ACT_NOUN_TYPES.get(tok.lemma_.lower())
    if rtype not in MUTUAL_ACT_TYPES or tok.dep_ != "dobj" or _own_ends(tok):
        return
    sides = pair_subject(tok.head, table)
    for a in sides:
        for b in sides:
            r = relation(a, rtype, b, sent, 0.5) if a.key != b.key else None
            if r:
                yield r


MUTUAL_ACT_TYPES = frozenset({"STRUCK", "OPPOSES"})
END_PREPS = frozenset({"on", "against", "at", "by", "in", "into", "near", "inside", "from"})


def _own_ends(act: Token) -> bool:
    """'attacks on X', 'its attacks': the act names an end of its own ('attacks as the truce ended' not)."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in END_PREPS) for c in act.children)


def nominal_relations(sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """Relations stated in noun phrases: allies, backers, enemies, '-backed', '-held', act nouns."""
    party = ALLY_NOUNS | ENEMY_NOUNS | SUPPORTER_NOUNS
    for tok in sent:
        low = tok.lower_
        if low in party:
            yield from _party_relations(tok, sent, table)
        if tok.text == "-" and 0 < tok.i < len(tok.doc) - 1:
            yield from _hyphen_relations(tok, sent, table)
        if low in ACT_NOUN_TYPES:
            yield from _act_relations(tok, sent, table)
        elif tok.lemma_.lower() in ACT_NOUN_TYPES:
            yield from _pair_act_relations(tok, sent, table)
        if tok.lemma_ in STRONGHOLD_NOUNS and tok.dep_ != "appos":
            yield from _stronghold_after_comma(tok, sent, table)


def _stronghold_after_comma(tok: Token, sent: Span, table: EntityTable) -> Iterator[ExtractedRelation]:
    """'near the city of C, stronghold of A': the words say what the appos pattern (control.json) says,
    but the parser hung 'stronghold' elsewhere (an object of the verb); read the order of the words."""
    doc = tok.doc
    i = tok.i - 1
    if i > sent.start and doc[i].lower_ in {"a", "the", "an"}:
        i -= 1
    if i <= sent.start or doc[i].text != ",":
        return
    place = table.mention_at(i - 1)
    if place is None or place.kind != "place":
        return
    for src in _pobj_actors(tok, {"of"}, table, set(ACTORS)):
        r = relation(src, "CONTROLS", place, sent, 0.6)
        if r is not None:
            yield r
