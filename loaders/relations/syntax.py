"""Reading the dependency parse of a clause: its subjects, objects and `by` agents, whether it is denied,
who reports it, what a relative pronoun or a description stands for, and who claimed an act.

Questions about the parse only (no entities): shared by every relation family and by `loaders.events`.
Which entities a phrase stands for is `loaders.relations.phrase_actors`.
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders import clauses
from loaders.relations.lexicon import DENIAL, TYPE_PREPS, words

SPEECH_VERBS = words("speech_verbs")
# "refused to recognise X", "declined to back Y": the act is refused, as a denied one is not done
REFUSAL = words("refusal_verbs")
RELATIVE_PRONOUNS = words("relative_pronouns")
PARTITIVES = words("partitive_words")
OBJECT_CONTROL = words("object_control_verbs")
RESPONSIBILITY_VERBS = words("responsibility_verbs")
PROMISE_GOVERNORS = words("promise_governors")
SELF_NAMING_VERBS = words("self_naming_verbs")  # "calling itself X"
CLAIM_VERBS = frozenset({"claim", "carry", "conduct", "launch", "stage", "mount"})  # "claimed by X"


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Britain and Australia")."""
    return [tok, *tok.conjuncts]


def negated(verb: Token) -> bool:
    """'did not attack', 'denied carrying out the attack', 'rejected claims that it struck' (not across a
    semicolon: "X blamed Y; Z denied it")."""
    return clauses.negated(verb, DENIAL | REFUSAL, semicolon_ends_denial=True)


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb (inherited through coordination; "urged X to leave": X), and whether it is
    passive; "the coalition fighting X": the head acts."""
    found = clauses.subjects(verb, object_control=OBJECT_CONTROL, acting_participles=True)
    if found[0] or not _after_by(verb):
        return found
    # "X responded by breaking ties, accusing Y of ...": the verb before "by" acts
    return clauses.subjects(
        verb, through_prepositions=True, object_control=OBJECT_CONTROL, acting_participles=True
    )


def _after_by(verb: Token) -> bool:
    """Whether the clause climbs to its subject through "by V-ing" (and not "of V-ing", where the object
    before the preposition acted: left to the callers that want it)."""
    v = verb
    while v.dep_ in clauses.INHERITING | {"pcomp"} and v.head is not v:
        if v.dep_ == "pcomp":
            return v.head.lower_ == "by" and v.head.dep_ == "prep"
        v = v.head
    return False


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
            said_by = [c for c in v.children if c.dep_ == "nsubj"]
            if not said_by and v.dep_ == "pcomp" and v.head.lower_ == "by":
                # "X answered by claiming that ...": the subject of the verb before "by" speaks
                said_by = [c for c in v.head.head.children if c.dep_ == "nsubj"]
            return said_by
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


def names_given(noun: Token) -> list[Token]:
    """The heads of the names a noun is given: in apposition ("the militia, the X Brigade"), or by a clause
    in which it names itself ("a group calling itself X", "a group that calls itself X"). Not "known as X":
    that names places and nicknames too, and it lowered news2 B (docs/extraction-rounds.md, round 13)."""
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ == "appos":
            out.append(c)
        elif (
            c.dep_ in {"acl", "relcl"}
            and c.lemma_ in SELF_NAMING_VERBS
            and any(k.dep_ == "dobj" and k.lower_ in {"itself", "themselves"} for k in c.children)
        ):
            out += [
                n
                for k in c.children
                for n in ([k] if k.dep_ == "oprd" else [p for p in k.children if p.dep_ == "pobj"])
                if k.dep_ == "oprd" or (k.dep_ == "prep" and k.lower_ == "as")
            ]
    return out


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


def promised(tok: Token) -> bool:
    """An act agreed, promised or offered, still to come: "agreed to meet Y", "is ready to hold talks with Y"
    (the events' `hypothetical` reads plans and modals; these governors are the relations' own)."""
    node = tok
    for _ in range(3):
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in PROMISE_GOVERNORS:
            return True
        if node.dep_ not in {"dobj", "pobj", "prep", "xcomp"} or node.head is node:
            return False
        node = node.head
    return False
