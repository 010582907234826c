"""The body a stated office belongs to, read around its holder's name (`loaders.relations.affiliations`):
an entity among the title's words, "X, who leads Y", respective offices ("the French and German ministers,
X and Y"), rebel offices, owner words ("its spokesman X"), and a framing country ("In Kenya, ...")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.anaphora import antecedents, possessors
from loaders.relations.lexicon import words
from loaders.relations.office_titles import OFFICE_NOUNS
from loaders.relations.phrase_actors import actors_of
from loaders.relations.syntax import clause_verb, speaker_of

LEADING_VERBS = words("leading_verbs")
REBEL_WORDS = words("rebel_words")
BODIES = frozenset({"country", "organization", "armed_group"})
COLLECTIVE_HEADS = words("collective_heads")  # "Bosnian Serb forces", "Tigrayan fighters"


def body_in(toks: Iterable[Token], table: EntityTable, person: Mention) -> Mention | None:
    for t in toks:
        mm = table.mention_at(t.i)
        if mm is not None and mm.key != person.key and (mm.kind in BODIES or mm.kind == "place"):
            if qualifies_other(t.doc, mm):
                continue  # "the UN-recognised government of Prime Minister X": X is not the UN's
            return mm
    return None


def qualifies_other(doc: Doc, m: Mention) -> bool:
    """'UN-recognised', 'Tobruk-based', 'Iran-backed': the name only qualifies the noun after it."""
    return (
        m.end + 1 < len(doc)
        and doc[m.end].text == "-"
        and (doc[m.end + 1].tag_ == "VBN" or doc[m.end + 1].lower_.endswith("ed"))
    )


def led_body(doc: Doc, m: Mention, table: EntityTable) -> Mention | None:
    """'X, who leads the paramilitary Y' -> Y."""
    root = doc[m.end - 1]
    for rel in (c for c in root.children if c.dep_ == "relcl" and c.lemma_ in LEADING_VERBS):
        for o in (c for c in rel.children if c.dep_ == "dobj"):
            # "who leads the paramilitary Y": the parser may make the adjective the object, Y its apposition
            heads = [o, *(c for c in o.children if c.dep_ == "appos")]
            found = [x for h in heads for x in actors_of(h, table, BODIES) if x.key != m.key]
            if found:
                return found[0]
    return None


def respective_offices(
    doc: Doc, table: EntityTable, titles: set[str] | frozenset[str], sent: Span
) -> dict[str, str]:
    """'the French and German foreign ministers, X and Y': the names after a plural office noun with
    as many coordinated body modifiers take those bodies in order (X -> France, Y -> Germany)."""
    out: dict[str, str] = {}
    for noun in sent:
        if noun.tag_ != "NNS" or not (noun.lemma_ in titles or noun.lemma_ in OFFICE_NOUNS):
            continue
        mods = [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i]
        bodies: list[Mention] = []
        for t in (x for c in mods for x in [c, *c.conjuncts] if x.i < noun.i):
            mm = table.mention_at(t.i)
            if mm is not None and mm.kind in BODIES and mm.key not in {b.key for b in bodies}:
                bodies.append(mm)
        if len(bodies) < 2:
            continue
        if noun.i + 1 < sent.end and doc[noun.i + 1].text == ",":
            people = _listed_people(doc, table, noun.i + 2, sent.end)
        elif (nxt := _next_start(doc, sent.end)) is not None:
            # "The French and German army chiefs met. General X and General Y agreed ...": the names
            # open the next sentence (tried in round 11 without ranks before the names: fired on no text)
            people = _listed_people(doc, table, nxt, doc[nxt].sent.end)
        else:
            continue
        if len(people) == len(bodies):
            out.update(
                {p.key: b.key for p, b in zip(people, sorted(bodies, key=lambda b: b.start), strict=True)}
            )
    return out


def _next_start(doc: Doc, i: int) -> int | None:
    """The first word at or after token i, past the whitespace of a paragraph break."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i if i < len(doc) else None


def _listed_people(doc: Doc, table: EntityTable, i: int, end: int) -> list[Mention]:
    """The persons named from token i on, joined by commas and 'and', titles allowed before each."""
    people: list[Mention] = []
    while i < end:
        mm = table.mention_at(i)
        if mm is not None and mm.kind == "person":
            people.append(mm)
            i = mm.end
        elif doc[i].lower_ in {",", "and"} or (doc[i].dep_ == "compound" and doc[i].is_title):
            i += 1  # "General", "Major General" before a name
        else:
            break
    return people


def rebel_body(doc: Doc, table: EntityTable, m: Mention, sent: Span) -> str | None:
    """'rebel commander X', 'insurgent spokesman X': an office of the armed group the sentence names,
    else of the article's only armed group called by a rebel word ("Chechen rebels"); never a country
    (the main-country fallback would put a rebel in the government he fights)."""
    near = {
        mm.key
        for mm in table.mentions_in(sent.start, sent.end)
        if mm.kind == "armed_group" and mm.key != m.key and not qualifies_other(doc, mm)
    }
    if len(near) == 1:
        return near.pop()
    if near:
        return None
    called = {
        mm.key
        for mm in table.mentions
        if mm.kind == "armed_group" and {t.lemma_.lower() for t in doc[mm.start : mm.end]} & REBEL_WORDS
    }
    return called.pop() if len(called) == 1 else None


def only_armed_group(table: EntityTable) -> str | None:
    """'the group's military spokesman X' whose group was named too far back to resolve: the article's one
    armed group, if it has exactly one; never the main country (a group's office is no state's)."""
    groups = {mm.key for mm in table.mentions if mm.kind == "armed_group"}
    return groups.pop() if len(groups) == 1 else None


def owner_body(toks: Iterable[Token], table: EntityTable) -> Mention | None:
    """'the group said its leader X', 'X, the group's spokesman': the body the office's owner word
    ("its", "their", "the group", "the country") refers back to (loaders.relations.anaphora)."""
    for t in toks:
        if t.dep_ != "poss":
            continue
        found = possessors(t.head, table) if t.pos_ == "PRON" else antecedents(t, table)
        if not found and t.pos_ == "PRON":  # "Mali said its army chief X resigned": "its" sits in X's name
            found = [x for sp in speaker_of(clause_verb(t.head)) for x in actors_of(sp, table)]
        found = [x for x in found if x.kind in BODIES]
        if not found and t.pos_ == "PRON" and t.lower_ == "its":
            found = _last_body_before(t, table)
        if found:
            return found[0]
    return None


def _last_body_before(t: Token, table: EntityTable) -> list[Mention]:
    """'The report names the group as the X Front and lists its leader, Y': with no entity subject or
    speaker to stand for, "its" is the last group or organisation named before it in its sentence."""
    sent = t.sent
    found = [
        mm
        for mm in table.mentions_in(sent.start, t.i)
        if mm.kind in {"armed_group", "organization"} and not qualifies_other(t.doc, mm)
    ]
    return found[-1:]


def framing_country(doc: Doc, table: EntityTable, m: Mention) -> str | None:
    """'In Kenya, Interior Secretary X said ...': a sentence framed by a country places its office."""
    sent = doc[m.start].sent
    if doc[sent.start].lower_ != "in":
        return None
    mm = table.mention_at(sent.start + 1)
    if mm is None or mm.kind != "country" or mm.end >= m.start or doc[mm.end].text != ",":
        return None
    return mm.key


def collective_body(before: list[Token], office: str, table: EntityTable) -> str | None:
    """'Bosnian Serb commander X', 'then-Serb leader Y': the proper words right before the office name an
    armed group the article calls by them ("Bosnian Serb forces", "the Serbs"), when exactly one does."""
    first = office.split()[0]
    starts = [k for k, t in enumerate(before) if t.lower_ == first]
    if not starts:
        return None
    mods: list[str] = []
    for t in reversed(before[: starts[-1]]):
        if not t.text[:1].isupper():
            break
        mods.insert(0, t.lower_)
    if not mods:
        return None
    phrase = " ".join(mods)
    found = {
        key
        for key, e in table.entities.items()
        if e.kind == "armed_group" and any(_calls(n.lower(), phrase) for n in [key, *e.aliases])
    }
    return found.pop() if len(found) == 1 else None


def _calls(name: str, phrase: str) -> bool:
    """Whether a group's name is the phrase as a people ("serbs") or the phrase and a collective head."""
    if name in {phrase, phrase + "s"}:
        return True
    rest = name.removeprefix(phrase + " ")
    return rest != name and rest in COLLECTIVE_HEADS
