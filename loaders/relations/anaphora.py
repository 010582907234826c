"""Subjects that refer back: 'It', 'They', 'the group', 'the kingdom' opening a clause about an actor
named just before.

News names an actor once and then goes on with a pronoun or a definite description ("Hamas said ...
The group also fired rockets at X"; "Saudi Arabia intercepted ... The kingdom condemned Y"). The entity
finder makes no entity of such a phrase, so a clause with it as subject relates nobody. Here a subject
with no entity of its own stands for:

- a personal pronoun (it, they, he, she) that is not the speaker's own pronoun of reported speech (that
  is `subject_actors`' case): the subject of the previous sentence's main clause, when its kind fits
  (he/she a person; it/they not a person);
- "the group", "the militants", "the kingdom", "the country" (word lists `anaphor_group_heads`,
  `anaphor_country_heads` in the lexicon), with no modifier naming an entity and no "of" phrase: the
  one entity of the fitting kind before it, in its sentence or the one before (none if there are two).

- "the two countries", "both sides" (word lists `anaphor_pair_heads`, `anaphor_pair_country_heads`): the
  two actors of the fitting kind named last, in the (up to three) sentences before its own, when
  exactly two are named there (a third name makes the pair unsure: none).

- "its" / "their" owning a subject or an act noun with no entity of its own (`possessors`): the speaker
  of reported speech ("Iran said its missiles hit X"), or the clause's subject ("Turkey continued its
  offensive against Y").

Only subjects (and the owner of an act noun) are resolved: they carry the topic from one sentence to the
next, objects much less.
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import words
from loaders.relations.phrase_actors import actors_of, subject_actors
from loaders.relations.syntax import clause_verb, referent, speaker_of, subjects

GROUP_HEADS = words("anaphor_group_heads")
COUNTRY_HEADS = words("anaphor_country_heads")
PERSON_PRONOUNS = frozenset({"he", "she"})
OTHER_PRONOUNS = frozenset({"it", "they"})
DEFINITE = frozenset({"the", "this"})
OWNER_PRONOUNS = frozenset({"its", "their"})
RIVAL_KINDS = frozenset({"country", "armed_group", "organization"})
PAIR_HEADS = words("anaphor_pair_heads")
PAIR_COUNTRY_HEADS = words("anaphor_pair_country_heads")
RIVAL_HEADS = words("anaphor_rival_heads")
PAIR_SENTENCES = 3  # a pair named further back is not "the two" any more


def _previous_subjects(tok: Token, table: EntityTable) -> list[Mention]:
    """The entities of the previous sentence's main-clause subject."""
    start = tok.sent.start
    if start == 0:
        return []
    prev = tok.doc[start - 1].sent
    return [m for s in subjects(prev.root)[0] for m in actors_of(referent(s), table)]


def _nearest_before(tok: Token, table: EntityTable, kinds: set[str]) -> list[Mention]:
    """The one entity of `kinds` mentioned before `tok` in its sentence or the one before. Two of them
    ("Jordan and Saudi Arabia ... The kingdom") leave the description unresolved, as the entity finder's
    re-mentions do (loaders/entities/rementions.py): the nearest is often the wrong one."""
    sent = tok.sent
    start = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = [m for m in table.mentions_in(start, tok.i) if m.end <= tok.i and m.kind in kinds]
    return before[-1:] if len({m.key for m in before}) == 1 else []


def is_pair(tok: Token) -> bool:
    """'the two nations', 'both sides': a plural head counted as two, with no "of" phrase of its own."""
    low = tok.lower_
    if tok.pos_ != "NOUN" or low not in PAIR_HEADS | PAIR_COUNTRY_HEADS:
        return False
    kids = {c.lower_ for c in tok.children}
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "both sides of the border" is a place
    return "both" in kids or {"the", "two"} <= kids


def pair_antecedents(tok: Token, table: EntityTable) -> list[Mention]:
    """The two actors 'the two nations' / 'both sides' stand for: going back from `tok` sentence by
    sentence, the first distinct actors of the fitting kind; exactly two of them, or none."""
    if not is_pair(tok):
        return []
    kinds = {"country"} if tok.lower_ in PAIR_COUNTRY_HEADS else {"country", "armed_group", "organization"}
    found: dict[str, Mention] = {}
    sent = tok.sent
    # earlier sentences only: "X and Y urge both parties to ..." names others in its own sentence, and
    # "clashes between X and Y, with both sides ..." is `verbs._parties_between`'s case
    for _ in range(PAIR_SENTENCES):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
        for m in table.mentions_in(sent.start, sent.end):
            if m.kind in kinds:
                found.setdefault(m.key, m)
        if len(found) >= 2:
            break
    return list(found.values()) if len(found) == 2 else []


def pair_subject(verb: Token, table: EntityTable) -> list[Mention]:
    """The two actors of a clause whose subject is 'both sides' / 'the two nations', or none."""
    found = [m for s in subjects(verb)[0] for m in pair_antecedents(referent(s), table)]
    return found if len(found) == 2 else []


def rival_of(tok: Token, owners: list[Mention], table: EntityTable) -> list[Mention]:
    """'X ... accusing its rival of Y': "its rival" (no entity of its own) is the other side of the last
    pair the text coordinated with the owner ("fighting between X and Z", "X and Z clashed"), in its
    sentence before it or the (up to three) sentences before; none if that coordination names two
    others ("X, Z and W")."""
    if tok.lower_ not in RIVAL_HEADS or len(owners) != 1 or actors_of(tok, table):
        return []
    if not any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in tok.children):
        return []
    owner = owners[0].key
    sent = tok.sent
    for _ in range(PAIR_SENTENCES + 1):
        owned = [m for m in table.mentions_in(sent.start, min(sent.end, tok.i)) if m.key == owner]
        for m in sorted(owned, key=lambda m: -m.start):  # the nearest pair first
            others = {
                o.key: o
                for c in tok.doc[m.end - 1].conjuncts
                if (o := table.mention_at(c.i)) is not None and o.key != owner and o.kind in RIVAL_KINDS
            }
            if others:
                return list(others.values()) if len(others) == 1 else []
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
    return []


def antecedents(tok: Token, table: EntityTable) -> list[Mention]:
    """Whom a subject pronoun or definite description with no entity of its own refers back to."""
    low = tok.lower_
    if tok.pos_ == "PRON" and low in PERSON_PRONOUNS | OTHER_PRONOUNS:
        found = _previous_subjects(tok, table)
        want_person = low in PERSON_PRONOUNS
        return [m for m in found if (m.kind == "person") == want_person][:1]
    if is_pair(tok):
        return pair_antecedents(tok, table)
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return []  # "the group of soldiers" is not a group named before
    if tok.lower_ in GROUP_HEADS:
        return _nearest_before(tok, table, {"armed_group", "organization"})
    if tok.lower_ in COUNTRY_HEADS:
        return _nearest_before(tok, table, {"country"})
    return []


def possessors(tok: Token, table: EntityTable) -> list[Mention]:
    """Whom the "its" / "their" of a phrase stands for: "Turkey continued its offensive" -> the clause's
    subject; "Iran said its missiles hit X" (the phrase is the subject) -> the speaker, else the previous
    sentence's subject. Not persons: "its" and "their" are a state's or a group's."""
    if not any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in tok.children):
        return []
    verb = clause_verb(tok)
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        found = [m for sp in speaker_of(verb) for m in actors_of(sp, table)]
        found = found or _previous_subjects(tok, table)
    else:
        found = subject_actors(verb, table) if verb is not tok else []
    return [m for m in found if m.kind != "person"][:1]


def speaker_owned(obj: Token, verb: Token, subs: list[Mention], table: EntityTable) -> list[Mention]:
    """Whom "its" / "their" stands for in the target of a strike another actor made, reported by a
    speaker ("X said Y's troops shelled its positions"): the speaker, not the striker."""
    if not any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in obj.children):
        return []
    keys = {m.key for m in subs}
    found = [
        m for sp in speaker_of(verb) for m in actors_of(sp, table) if m.kind in {"country", "armed_group"}
    ]
    return [m for m in found if m.key not in keys][:1]


def subjects_or_antecedents(verb: Token, table: EntityTable) -> list[Mention]:
    """`subject_actors`, or else what its subjects refer back to."""
    found = subject_actors(verb, table)
    if found:
        return found
    out: list[Mention] = []
    for s in subjects(verb)[0]:
        s = referent(s)
        if not actors_of(s, table):
            out += [m for m in antecedents(s, table) or possessors(s, table) if m not in out]
    return out


PERSON_OWNERS = frozenset({"his", "her"})


def person_owned(tok: Token, table: EntityTable) -> list[Mention]:
    """Whom a possessive "his" / "her" stands for: the one person named before it in its sentence or the
    one before (none when two persons are named there)."""
    if tok.pos_ != "PRON" or tok.lower_ not in PERSON_OWNERS:
        return []
    return _nearest_before(tok, table, {"person"})


def subject_owner(verb: Token, table: EntityTable) -> list[Mention]:
    """'His resignation followed talks with X', 'Kenyatta's decision came after a call with X': the owner
    of a clause subject that names no actor itself (a named possessor, or the one person the "his" /
    "her" of the sentence or the one before can stand for)."""
    out: list[Mention] = []
    for s in subjects(verb)[0]:
        if actors_of(s, table):
            return []
        for c in (c for c in s.children if c.dep_ == "poss"):
            if c.lower_ in PERSON_OWNERS:
                out += person_owned(c, table)
            else:
                out += actors_of(c, table)
    return out
