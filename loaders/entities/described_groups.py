"""Collective actors the text describes rather than names (round 16, issue 9).

- Strikers: "striking air traffic controllers", "striking miners" are a group named by the noun phrase,
  whatever the noun ("controllers" is in no list of collectives); the strikers of one article are one
  crowd (`crowds.join_protest_crowds`).
- Unnamed attackers: where an article names no armed group and tells its attack through "gunmen" (three
  times or more), the gunmen are its armed actor; elsewhere a bare "gunmen" names nobody in particular.
- A name in apposition with an armed collective ("Islamist rebels, the Mujahedeen,") is that armed group,
  and the description is its alias; the model often labels such a one-word name a place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.model import EntityKind
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import FORCE_NOUNS
from loaders.gazetteer import Gazetteer
from loaders.mentions import Mention

STRIKING = "striking"
ATTACKER_HEADS = frozenset({"gunmen", "attackers", "assailants"})
MIN_ATTACKER_MENTIONS = 3


def striker_candidates(doc: Doc) -> list[Candidate]:
    """'striking air traffic controllers': the plural noun and its compounds after "striking"."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ != STRIKING or tok.i + 1 >= len(doc):
            continue
        head = tok.head
        if head.i <= tok.i or head.tag_ != "NNS" or tok.dep_ not in {"amod", "compound"}:
            continue
        if any(
            not (t.dep_ == "compound" and t.head.i in range(tok.i + 1, head.i + 1))
            for t in doc[tok.i + 1 : head.i]
        ):
            continue  # only compounds between: "striking dock workers", not "striking, angry workers"
        out.append(Candidate(tok.i, head.i + 1, "group", None, "collective", 2))
    return out


def attacker_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Bare "gunmen" of an article that names no armed group and writes them three times or more."""
    bare = [t for t in doc if t.lower_ in ATTACKER_HEADS and t.tag_ == "NNS"]
    if len(bare) < MIN_ATTACKER_MENTIONS:
        return []
    for ent in doc.ents:
        hit = gaz.lookup(ent.text)
        if hit is not None and hit[0] == "armed_group":
            return []  # "al-Shabaab gunmen": the named group is the actor
    heads = {t.lower_ for t in bare}
    if len(heads) != 1:
        return []
    return [Candidate(t.i, t.i + 1, "armed_group", t.lower_, "collective", 1) for t in bare]


def appositive_armed_name(span: Span, collectives: dict[str, str]) -> bool:
    """The name is in apposition with an armed collective ("Islamist rebels, the Mujahedeen,")."""
    if not all(t.is_title or t.text == "-" for t in span):
        return False
    head = _appositive_head(span)
    return head is not None and head.tag_ == "NNS" and collectives.get(head.lower_) == "armed_group"


def _appositive_head(span: Span) -> Token | None:
    """The noun the name stands in apposition with: the parser's head, or the noun right before
    ", (the)" (the parser often hangs the apposition on the clause's subject instead)."""
    root = span.root
    if root.dep_ == "appos" and root.head.tag_ == "NNS":
        return root.head
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].text == "," and span.end < len(doc) and doc[span.end].text in {",", "."}:
        return doc[i - 1]
    return None


def join_appositive_names(
    doc: Doc, raw: list[Mention], keymap: dict[str, str], kinds: dict[str, EntityKind]
) -> None:
    """The collective a name stands in apposition with joins the name ("Islamist rebels" -> Mujahedeen)."""
    by_token = {i: m for m in raw for i in range(m.start, m.end)}
    for m in raw:
        if kinds.get(m.key) != "armed_group" or m.how == "collective":
            continue
        head = _appositive_head(doc[m.start : m.end])
        if head is None:
            continue
        other = by_token.get(head.i)
        if other is None or other.how != "collective" or other.key == m.key:
            continue
        if keymap[other.key] == other.key and keymap[m.key] == m.key:
            for k, v in keymap.items():
                if v == other.key:
                    keymap[k] = m.key


_LAST_WORDS: dict[int, dict[str, frozenset[str]]] = {}


def _name_heads(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    """Canonical body name -> the last words of every form the gazetteer knows it by (once per gazetteer)."""
    cached = _LAST_WORDS.get(id(gaz))
    if cached is None:
        heads: dict[str, set[str]] = {}
        for form, (kind, name) in gaz.names.items():
            if kind in {"organization", "armed_group"} and " " in form:
                heads.setdefault(name, set()).add(form.rsplit(" ", 1)[1].lower())
        cached = {k: frozenset(v) for k, v in heads.items()}
        _LAST_WORDS[id(gaz)] = cached
    return cached


def join_led_bodies(keymap: dict[str, str], kinds: dict[str, EntityKind], gaz: Gazetteer) -> None:
    """'the US-led alliance' in an article that names NATO (the "North Atlantic Alliance") is NATO: a
    led collective whose head noun ends a known name of exactly one body the article names is that body."""
    heads = _name_heads(gaz)
    bodies = [k for k in keymap if keymap[k] == k and kinds[k] in {"organization", "armed_group"}]
    for key in bodies:
        name = key.split("|", 1)[1]
        words = name.split()
        if len(words) < 2 or not any(w.endswith(("-led", "-backed")) for w in words[:-1]):
            continue
        noun = words[-1].lower()
        hits = [b for b in bodies if b != key and noun in heads.get(b.split("|", 1)[1], frozenset())]
        if len(hits) != 1:
            continue
        for k, v in keymap.items():
            if v == key:
                keymap[k] = hits[0]


def join_adjective_plurals(
    keymap: dict[str, str], kinds: dict[str, EntityKind], collectives: dict[str, str]
) -> None:
    """'Maoists' and 'Maoist rebels', 'Islamists' and 'Islamist militants' of one article are one armed
    group: the plural of the adjective names the same fighters as the adjective and an armed head noun."""
    armed = [k for k in keymap if keymap[k] == k and kinds[k] == "armed_group"]
    plurals = {k.split("|", 1)[1].lower(): k for k in armed if " " not in k.split("|", 1)[1]}
    for key in armed:
        words = key.split("|", 1)[1].lower().split()
        if len(words) != 2 or collectives.get(words[1]) != "armed_group":
            continue
        plural = plurals.get(words[0] + "s")
        if plural is None or plural == key:
            continue
        for k, v in keymap.items():
            if v == key:
                keymap[k] = plural


PEOPLE_ENDINGS = ("an", "ian", "i", "ese", "ite")


def regional_force_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'Tigrayan forces', 'Oromian troops': a region's people's adjective (no state's demonym) before a
    force noun names an armed group; the model labels the adjective alone as a body."""
    out: list[Candidate] = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if (
            nxt.lower_ not in FORCE_NOUNS
            or nxt.tag_ != "NNS"
            or not tok.is_title
            or tok.ent_type_ not in {"ORG", "GPE"}
        ):
            continue
        if (
            not tok.lower_.endswith(PEOPLE_ENDINGS)
            or gaz.lookup(tok.text) is not None
            or tok.text in gaz.cities
        ):
            continue
        out.append(Candidate(tok.i, tok.i + 2, "armed_group", None, "collective", 3))
    return out
