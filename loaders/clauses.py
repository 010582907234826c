"""A clause's subjects and whether it is negated or denied: read from the parse, shared by relations and events.

The relation and event finders ask the same two questions of a verb and differ in a few constructions
each; those are options here, so one reading of the parse serves both (`loaders.relations.syntax` and
`loaders.events.syntax` fix the options they use).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

# Clauses that inherit their subject from the verb they hang from ("X met Y and signed ...").
INHERITING = frozenset({"conj", "xcomp", "advcl"})
# A complement of these is what the denial denies ("denied carrying out", "rejected claims that ...").
DENIED_CLAUSES = frozenset({"xcomp", "ccomp", "pcomp", "dobj"})


def negated(verb: Token, denial: Collection[str], *, semicolon_ends_denial: bool = False) -> bool:
    """'did not attack', 'denied carrying out the attack' (`denial`: the lemmas of denying verbs).

    With `semicolon_ends_denial`, a clause before a semicolon is not what a later denial denies
    ("X blamed Y; Z denied it")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if (
        semicolon_ends_denial
        and verb.head.i > verb.i
        and any(t.text == ";" for t in verb.doc[verb.i : verb.head.i])
    ):
        return False
    head = verb.head
    while head is not verb and head.pos_ in {"VERB", "AUX", "NOUN"}:
        if head.lemma_ in denial:
            return True
        if head.head is head:
            break
        head = head.head
        if head.dep_ == "ROOT" and head.lemma_ not in denial:
            break
    return verb.head.lemma_ in denial and verb.dep_ in DENIED_CLAUSES


def subjects(
    verb: Token,
    *,
    through_prepositions: bool = False,
    object_control: Collection[str] = frozenset(),
    acting_participles: bool = False,
) -> tuple[list[Token], bool]:
    """Subject tokens of a verb (inherited through coordination and complements), and whether it is passive.

    - `through_prepositions`: a verb after a preposition takes the subject of the verb before it
      ("responded by breaking ties"), or that verb's object ("accused Y of shelling": Y acted);
    - `object_control`: verbs whose object is their complement's subject ("urged X to leave");
    - `acting_participles`: an "-ing" participle's head acts ("the coalition fighting X"); otherwise a
      participle's head is its patient ("militias backed by Iran")."""
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    climb = (INHERITING | {"pcomp"}) if through_prepositions else INHERITING
    v = verb
    while not subj and v.dep_ in climb and v.head is not v:
        clause = v.dep_
        v = v.head
        if clause == "pcomp" and v.dep_ == "prep" and v.head is not v:
            v = v.head  # "responded by breaking ties": the verb before the preposition
            obj = [c for c in v.children if c.dep_ == "dobj"]
            if obj:  # "accused Y of shelling", "blamed Y for attacking": Y is the one who acted
                return obj, False
        if clause == "xcomp" and v.lemma_ in object_control:
            # "appealed to X to support Y", "urged X to leave": the complement's subject is X
            controller = [c for c in v.children if c.dep_ == "dobj"] or [
                p for c in v.children if c.dep_ == "prep" and c.lower_ in {"to", "on"} for p in c.children
            ]
            if controller:
                return controller, False
        subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if v.dep_ == "ROOT":
            break
    if not subj and verb.dep_ == "relcl":  # "a coalition that backs X"
        subj = [verb.head]
    if not subj and acting_participles and verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head], False
    if not subj and verb.dep_ == "acl":
        return [verb.head], True
    return subj, passive


def conditional(verb: Token) -> bool:
    """A clause stated as a condition ("warned of consequences if it invaded Y"): nothing happened."""
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children)
