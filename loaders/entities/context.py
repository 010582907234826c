"""Context tests on the parse: is a span used as a place, as an acting government, after a title?"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from graph.model import normalize_name
from loaders.doc_words import texts
from loaders.entities.lexicon import (
    BODY_NOUN_NAMES,
    COMPASS_DIRECTIONS,
    DISTANCE_UNITS,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    LOCATIVE_PREPS,
    MOTION_WORDS,
    ORG_WORDS,
    PLACE_NOUNS,
    PLACE_PREPS,
    PLACE_VERBS,
    SPEECH_OR_ACTION,
    TOWN_FACILITIES,
)
from loaders.gazetteer import PLACE_SUFFIXES, Gazetteer

CRUMB_MARKS = frozenset({">", "»", "›"})  # what separates a breadcrumb's levels


def is_acting(tok: Token) -> bool:
    """A capital used as an actor: subject, possessor, or agent of a verb of saying or acting."""
    if tok.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return True
    if tok.dep_ == "conj" and tok.head.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if tok.dep_ in {"compound", "amod"} and tok.head.lower_ in GOVERNMENT_NOUNS:
        return True
    if tok.dep_ in {"dobj", "pobj"} and tok.head.lemma_ in {
        "accuse",
        "blame",
        "condemn",
        "urge",
        "warn",
        "with",
    }:
        return tok.head.lemma_ != "with" or tok.head.head.lemma_ in {"talk", "meet", "speak", "talks", "ties"}
    return False


def is_locative(doc: Doc, start: int, end: int) -> bool:
    """The span is used as a place: object of a locative preposition or a place verb, or next to a place noun."""
    root = doc[start:end].root
    if root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in PLACE_VERBS:
        return True
    if root.dep_ == "appos" and root.head.lower_ in PLACE_NOUNS:
        return True  # "the Nigerian capital Abuja"
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end].lower_ if end < len(doc) else ""
    if prev is not None and prev.lower_ == "to" and _route_from(doc, start - 1):
        return True
    if prev is not None and prev.lower_ in {"to", "from"}:
        head = prev.head
        while head.dep_ == "pobj" and head.head.lower_ in {"to", "from"} and head.head.head is not head:
            head = head.head.head  # "a flight from X to Y": the route's second end hangs off the first
        return head.lemma_ in MOTION_WORDS or head.lower_ in MOTION_WORDS
    return (
        (prev is not None and (prev.lower_ in LOCATIVE_PREPS or prev.lower_ in PLACE_NOUNS))
        or nxt in PLACE_SUFFIXES
        or (
            prev is not None
            and prev.lower_ == "of"
            and start > 1
            and (doc[start - 2].lower_ in PLACE_NOUNS or _distance_from(doc, start - 2))
        )
    )


def _distance_from(doc: Doc, compass: int) -> bool:
    """'35km south of X', 'some 40 miles north-west of X': a distance and a direction measured from X make
    X a point on the map, a place (the capital is then the town, not the government)."""
    if compass > 2 and doc[compass - 1].text == "-" and doc[compass - 2].lower_ in COMPASS_DIRECTIONS:
        compass -= 2  # "north-west" written as three tokens
    if compass < 1 or doc[compass].lower_ not in COMPASS_DIRECTIONS:
        return False
    unit = doc[compass - 1]
    if unit.text == ")" and compass > 1:
        unit = doc[compass - 2]  # "150 kilometres (93 miles) south of X"
    return unit.like_num or unit.lower_ in DISTANCE_UNITS


def _route_from(doc: Doc, to: int) -> bool:
    """'a flight from X to Y' read token by token: 'to' follows 'from' and one name, and that 'from'
    hangs off a word of movement. The parser often hangs the 'to' elsewhere ("the downing of the flight
    from X to Y": on "downing"), which hid the route's second end."""
    i = to - 1
    while i > 0 and to - i <= 4 and doc[i].text[:1].isupper() and doc[i].is_alpha:
        i -= 1
    if i == to - 1 or doc[i].lower_ != "from":
        return False
    head = doc[i].head
    return head.lemma_ in MOTION_WORDS or head.lower_ in MOTION_WORDS


def after_person_title(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    """The name follows a capitalised personal title ("President", "Chancellor", "Wing Commander")."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if not prev.text[:1].isupper() and not (start > 1 and doc[start - 2].text[:1].isupper()):
        return False  # a lower-case title counts after a body's name: "Kremlin spokesman X", "AU Commission chairman X"
    two = f"{doc[start - 2].lower_} {prev.lower_}" if start > 1 else ""
    # "Mr Clinton", "Mrs Ruiz": an honorific names a person, though a town somewhere has the name (round 16)
    return prev.lower_ in gaz.person_titles or two in gaz.person_titles or prev.lower_ in HONORIFICS


def titled_city(span: Span, gaz: Gazetteer) -> bool:
    """The title before the name is the first word of a town's name ("General Santos", "Prince George")."""
    return span.start > 0 and f"{span.doc[span.start - 1].text} {span.text}" in gaz.cities


def is_toponym(span: Span, gaz: Gazetteer) -> bool:
    """A name that starts with a toponym word ("Khan Shaykhun", "Deir Hafer") and has no body word."""
    return (
        len(span) > 1 and span[0].text in gaz.place_prefixes and not any(t.lower_ in ORG_WORDS for t in span)
    )


def strong_locative(doc: Doc, start: int, end: int) -> bool:
    """Stricter test for names the model tagged PERSON: only prepositions and nouns of place count."""
    prev = doc[start - 1].lower_ if start > 0 else ""
    nxt = doc[end].lower_ if end < len(doc) else ""
    return (
        prev in PLACE_PREPS
        or prev in PLACE_NOUNS
        or nxt in PLACE_SUFFIXES
        or (prev == "of" and start > 1 and doc[start - 2].lower_ in PLACE_NOUNS)
        or (prev == "of" and start > 1 and doc[start - 2].lower_ in TOWN_FACILITIES)  # "the outskirts of X"
    )


def framing_capital(doc: Doc, start: int, end: int) -> bool:
    """'In Washington, the White House said ...': a fronted capital frames its government's statement."""
    root = doc[start:end].root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.i == root.sent.start
        and end < len(doc)
        and doc[end].text == ","
        and prep.head.lemma_ in SPEECH_OR_ACTION
        # "In X, which fell to the rebels, ...", "In X, where ...": a relative clause describes the town
        and not (end + 1 < len(doc) and doc[end + 1].lower_ in {"which", "where"})
    )


def in_title_case_headline(span: Span) -> bool:
    """The span's line is a headline in title case: four longer words or more, nearly all capitalised
    ("Ministers Discuss Ceasefire in Phone Call"). The pipeline ends headlines with a full stop, so a
    stop says nothing; running text has a lower-case verb."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    line = [t for t in doc[start:end] if not t.is_space]
    words = [t for t in line if t.is_alpha and len(t) > 3]
    if len(words) < 4 or any(t.is_lower and t.pos_ in {"VERB", "AUX"} for t in line):
        return False
    return sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def crumb_sentences(doc: Doc) -> set[int]:
    """Starts of sentences that are navigation breadcrumbs ("Outlet > World > Region"): no entities there."""
    if CRUMB_MARKS.isdisjoint(texts(doc)):
        return set()  # no marker word anywhere: no sentence to scan token by token
    return {s.start for s in doc.sents if sum(t.text in CRUMB_MARKS for t in s) >= 2}


def is_publisher(text: str, publisher: str, gaz: Gazetteer) -> bool:
    """The outlet's own name (or its first word, as the model often cuts it) is boilerplate, not an actor."""
    if not publisher or gaz.lookup(text) is not None:
        return False
    name = normalize_name(text)
    return bool(name) and (name == publisher or publisher.startswith(name + " "))


def joined_persons(span: Span) -> bool:
    """ "Ortega and Bravo" labelled as one body: each side of the "and" is a person the article names
    elsewhere (in full or by surname), so the span is two people, not an organisation."""
    ands = [t.i - span.start for t in span if t.lower_ == "and"]
    if len(ands) != 1 or not 0 < ands[0] < len(span) - 1:
        return False
    people = set()
    for ent in span.doc.ents:
        if ent.label_ == "PERSON" and not (ent.start < span.end and span.start < ent.end):
            words = [t.text for t in ent if t.text not in {"'s", "’s"}]
            people.update({" ".join(words), words[-1]} if words else set())
    left, right = span[: ands[0]].text, span[ands[0] + 1 :].text
    return left in people and right in people


def common_noun_as_name(tok: Token, label: str | None, common_nouns: Collection[str]) -> bool:
    """A lone capitalised common noun the model took for a name: the first word of a sentence modifying
    a lower-case noun ("Shrapnel wounds were ..."), or a PERSON the text writes with "the" somewhere
    ("the Elder"): people's names take no article."""
    if tok.lower_ not in common_nouns:
        return False
    if (
        tok.is_sent_start
        and tok.dep_ in {"compound", "amod"}
        and tok.head.is_lower
        and tok.head.pos_ == "NOUN"
    ):
        return True
    if (
        tok.is_sent_start
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].pos_ in {"AUX", "VERB"}
        and not (label == "ORG" and tok.lower_ in BODY_NOUN_NAMES)  # "Congress voted": the body acts
        and label not in {"GPE", "LOC"}  # "Darfur remains ...": WordNet lists places too
        and not any(t.text == tok.text and not t.is_sent_start for t in tok.doc)
    ):
        return True  # "Gunfire was heard": a noun opening a sentence; a surname ("Price said") recurs mid-sentence
    return label == "PERSON" and any(
        t.text == tok.text and t.i > 0 and t.doc[t.i - 1].lower_ == "the" for t in tok.doc
    )


def led_by_person(span: Span) -> bool:
    """A multi-word proper name after "the government/administration/regime of", with no body word:
    the leader whose government it is ("the government of Ana Ruiz Pereda"). Countries after "of" are
    gazetteer names and never reach this test."""
    if len(span) < 2 or span.start < 2 or any(t.lower_ in ORG_WORDS or not t.is_title for t in span):
        return False
    of, head = span.doc[span.start - 1], span.doc[span.start - 2]
    return of.lower_ == "of" and head.lower_ in {"government", "administration", "regime", "cabinet"}
