"""Cues the kind rules (kinds.py) read: what a candidate's words and surroundings say of its kind
(a compass short form, a community named by its demonym, a place or armed body by description, a
building, a road, a person coordinated or titled), and the government extension of a mention."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from loaders.doc_words import doc_text
from loaders.entities.artefacts import STRIKE_VERBS
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import (
    BUILDING_NOUNS,
    GOVERNMENT_NOUNS,
    LANGUAGE_NAMES,
    LOCATIVE_PREPS,
    ORG_WORDS,
    PLACE_NOUNS,
    PLACE_PREPS,
    ROAD_NOUNS,
    SPEECH_OR_ACTION,
    STATELESS_PEOPLE_ADJECTIVES,
    set_of,
)
from loaders.gazetteer import Gazetteer
from loaders.mentions import Mention

COMPASS_WORDS = frozenset({"north", "south", "east", "west"})
MISSION_NOUNS = set_of("mission_nouns")  # "X Embassy", "X Consulate": a body, or the building it is in


def compass_short_form(doc: Doc, word: str, gaz: Gazetteer) -> str | None:
    """The one country the text names as "<word> X" ("North Korea", "South Sudan"), which a bare "the
    North" or "the South" shortens; None when the text names none or two."""
    found = set()
    for tok in doc[:-1]:
        if tok.text == word:
            hit = gaz.lookup(f"{word} {doc[tok.i + 1].text}")
            if hit is not None and hit[0] == "country":
                found.add(hit[1])
    return found.pop() if len(found) == 1 else None


ETHNIC_PARTICIPLES = frozenset({"populated", "inhabited", "majority", "dominated", "speaking"})


def community_demonym(doc: Doc, c: Candidate, gaz: Gazetteer) -> bool:
    """A demonym that names a community, not the state of that name: after a place's own name
    ("the Crimea Tatars", "Kosovo Serbs") or in a population compound ("a Serb-populated town")."""
    text = doc[c.start : c.end].text
    if text == c.canonical or gaz.names.get(text, ("", ""))[1] != c.canonical:
        return False  # the country's own name, not its demonym
    if c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end + 1].lower_ in ETHNIC_PARTICIPLES:
        return True
    if c.start == 0:
        return False
    prev = doc[c.start - 1]
    hit = gaz.lookup(prev.text)
    return (
        prev.pos_ == "PROPN"
        and prev.is_title
        and (hit is None or hit[0] == "place")
        and prev.text not in gaz.capitals
        and prev.ent_type_ != "PERSON"
    )


def described_as_place(span: Span) -> bool:
    """The name's apposition is a place or building noun ('X, a town 35km south of Y', 'X, the presidential
    palace'), or it is held by someone ('the LNA-held Jufra'), unless it names a body ('the
    army-controlled National Assembly')."""
    body = any(t.lower_ in ORG_WORDS for t in span)
    return any(
        (c.dep_ == "appos" and (c.lemma_.lower() in PLACE_NOUNS or c.lower_ in BUILDING_NOUNS))
        or (c.dep_ == "amod" and c.lower_ in HELD_WORDS and not body)
        for c in span.root.children
    )


def described_as_armed(span: Span, gaz: Gazetteer) -> bool:
    """The name's apposition is an armed collective noun ("X, a drug gang", "X, the largest rebel
    group"): the text says what the body is, whatever the model tagged it."""
    for c in span.root.children:
        if c.dep_ != "appos":
            continue
        heads = {c.lower_, c.lemma_.lower() + "s"}
        if c.lemma_.lower() == "group":  # "the largest rebel group": the modifier says it is armed
            heads |= {t.lower_ for t in c.lefts} | {t.lower_ + "s" for t in c.lefts}
        if any(gaz.collectives.get(h) == "armed_group" for h in heads):
            return True
    return False


HELD_WORDS = frozenset({"held", "controlled", "occupied", "besieged"})  # "LNA-held Jufra" is a place


def extend_government(doc: Doc, m: Mention) -> Mention:
    """'the Syrian army', 'Russian forces', 'the Assad regime': the government phrase is the country."""
    if (
        m.kind == "country"
        and m.end + 1 < len(doc)
        and f"{doc[m.end].lower_} {doc[m.end + 1].lower_}" in GOVERNMENT_NOUNS
    ):
        return Mention(m.start, m.end + 2, m.key, m.kind, m.how + "+gov")
    if m.kind == "country" and m.end < len(doc):
        nxt = doc[m.end]
        if nxt.lower_ in GOVERNMENT_NOUNS and nxt.dep_ != "compound":
            return Mention(m.start, m.end + 1, m.key, m.kind, m.how + "+gov")
    return m


def surname_speaker(span: Span, gaz: Gazetteer) -> bool:
    """One capitalised word, no acronym, no known body, that speaks or acts like a person: the small model
    often labels a lone surname ORG. Bodies that speak are acronyms, gazetteer names or have an ORG word."""
    if len(span) != 1:
        return False
    tok = span[0]
    if not tok.is_title or tok.is_upper or gaz.lookup(tok.text) is not None or tok.lower_ in ORG_WORDS:
        return False
    if tok.text in gaz.cities or tok.text in gaz.capitals:
        return False
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in SPEECH_OR_ACTION


def names_building(doc: Doc, start: int, end: int) -> bool:
    """The name ends in a building noun ("X Hospital"), or one follows it in lower case, with at most one
    modifier between ("the X steel plant")."""
    if end - start > 1 and doc[end - 1].lower_ in BUILDING_NOUNS:
        return True
    if doc[end - 1].lower_ in GOVERNMENT_NOUNS:
        return False  # "a Ruritanian Navy hospital": the body owns the building, unnamed (round 15)
    after = []
    for t in doc[end : end + 2]:  # the noun phrase right after the name, words in a row
        if not (t.is_lower and t.is_alpha and t.pos_ in {"NOUN", "ADJ", "PROPN"}):
            break  # "released X from prison" names no prison X (round 16)
        after.append(t)
    return bool(after) and (
        after[0].lower_ in BUILDING_NOUNS or (len(after) == 2 and after[1].lower_ in BUILDING_NOUNS)
    )


def mission_as_building(doc: Doc, start: int, end: int) -> bool:
    """'stormed the X Embassy in Y', 'a rally outside the X Consulate': a diplomatic mission that is
    attacked, stood at or placed in a town is the building (a place); one that speaks stays a body."""
    if end - start < 2 or doc[end - 1].lower_ not in MISSION_NOUNS:
        return False
    root = doc[start:end].root
    attacked = root.head.lemma_.lower() in STRIKE_VERBS and root.dep_ in {"dobj", "nsubjpass"}
    placed = end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].ent_type_ in {"GPE", "LOC"}
    i = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    at = i > 0 and doc[i - 1].lower_ in LOCATIVE_PREPS
    return attacked or placed or at


def category_label(span: Span) -> bool:
    """'a U.S.-designated Foreign Terrorist Organization', 'an Enemy Combatant': a capitalised category
    that something is put in, written with an indefinite article or after "designated"; no body of its own.
    A name before the noun it qualifies ("a Reuters reporter") is no head and stays."""
    root = span.root
    if root.i != span.end - 1 or not span[-1].is_title:
        return False
    article = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.children)
    return article or (span.start > 0 and span.doc[span.start - 1].lower_ == "designated")


def road_name(span: Span) -> bool:
    """A name that ends in a road noun, or in a road noun and its number ("Highway 2", "Route 66")."""
    last = span[-1]
    if last.like_num and len(span) > 1:
        last = span[-2]
    return last.lower_ in ROAD_NOUNS


def coordinated_with_person(span: Span, gaz: Gazetteer, person_label: bool) -> bool:
    """A short name coordinated with a person's name ('between Kim and President Joe Biden', 'Motegi and
    Pompeo') and known to the gazetteer as no place or country is a person too, as coordination joins like
    with like: also when it is the name of some small city somewhere ("Kim"), if the model read a person."""
    text = span.text
    if len(span) > 3 or gaz.lookup(text) is not None or text in gaz.capitals:
        return False
    if text in gaz.cities and not person_label:
        return False
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(p.ent_type_ == "PERSON" and p.i not in range(span.start, span.end) for p in partners)


def titled_apposition(span: Span, gaz: Gazetteer) -> bool:
    """A name of two or three title-case words with no organisation word, whose apposition is an office
    ("X Y, the British ambassador to the UN"): a person the model labelled ORG. Bodies take descriptions
    ("the militant group"), not offices."""
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span):
        return False
    if any(t.lower_ in ORG_WORDS for t in span) or gaz.lookup(span.text) is not None:
        return False
    root = span.root
    doc = span.doc
    if span.start > 1 and doc[span.start - 1].text == "," and doc[span.start - 2].lower_ in gaz.titles:
        return True  # "the Union's envoy, X Y": the office comes first
    return any(c.dep_ == "appos" and c.lower_ in gaz.titles for c in root.children)


INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")


def initialled_name(span: Span, gaz: Gazetteer) -> bool:
    """Initials with stops and one or two title-case words ("D.M. Awasthi", "R. K. Singh"): a person's
    name, though the model often labels it an organisation. Initials that spell a known name ("U.S.",
    "U.N.") open a body's name instead, and a body word ("D.C. Council") keeps it a body."""
    k = 0
    while k < len(span) and INITIAL.match(span[k].text):
        if gaz.lookup(span[k].text) is not None:
            return False
        k += 1
    rest = span[k:]
    return (
        k > 0
        and 1 <= len(rest) <= 2
        and all(t.is_title and t.is_alpha for t in rest)
        and not any(t.lower_ in ORG_WORDS or gaz.lookup(t.text) is not None for t in rest)
    )


def located_unknown_people(span: Span) -> bool:
    """'fighting in Culiacan, officials said': a one-word name the model read as a people's name (NORP),
    no language or stateless people's adjective, after a place preposition and ending its phrase, is a place; a people's adjective
    goes on to its noun ("in Sunni areas")."""
    doc = span.doc
    if len(span) != 1 or span.start == 0 or not span[0].is_title:
        return False
    word = span[0].lower_
    if word in LANGUAGE_NAMES or span[0].text in STATELESS_PEOPLE_ADJECTIVES:
        return False  # "spoke in Kurdish": a language, "in Kurdish areas" handled by the noun test
    nxt = doc[span.end] if span.end < len(doc) else None
    return doc[span.start - 1].lower_ in PLACE_PREPS and (
        nxt is None or nxt.pos_ not in {"NOUN", "PROPN", "ADJ"}
    )


def person_by_text(span: Span, gaz: Gazetteer) -> bool:
    """A name the model read as a place that the text shows to be a person (round 15): the surname of a
    person it names in full ("Ana Ruiz ... Ruiz said"), one given an age ("Ruiz, 53, moved"), or the one
    who leads ("a transition government led by Ruiz"), wherever else it is written. Countries, capitals
    and gazetteer names stay."""
    text = span.text
    if gaz.lookup(text) is not None or text in gaz.capitals or not all(t.is_title for t in span):
        return False
    doc = span.doc
    if len(span) == 1 and any(
        e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == text and e.start != span.start
        for e in doc.ents
    ):
        return True
    name = re.escape(text)
    return (  # "led by Ruiz", "Ruiz, 53, moved swiftly": an age in commas after a name is a person's
        re.search(r"(?<!\w)led by " + name + r"(?!\w)", doc_text(doc)) is not None
        or re.search(r"(?<!\w)" + name + r", \d{1,3}, ", doc_text(doc)) is not None
    )


PARTICLE_JOINED = re.compile(r"\w+-(?:e|i|ul|ut|ud)-\w+")  # "Jamaat-e-Islami", "Hizb-ut-Tahrir"


def country_named_party(span: Span, gaz: Gazetteer) -> bool:
    """'Ruritania Jamaat-e-Islami': a country's name opening a name joined by an Urdu or Arabic particle is
    a party or movement of that country, not a person (round 15; "Israel Katz" has no such word)."""
    if len(span) < 2:
        return False
    hit = gaz.lookup(span[0].text)
    return (
        hit is not None
        and hit[0] == "country"
        and hit[1] == span[0].text
        and PARTICLE_JOINED.search(span[1:].text) is not None
    )
