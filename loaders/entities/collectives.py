"""Collective actors named by a noun phrase: "Iraqi Shiite militias", "ethnic Armenian forces", "the Saudi-led coalition"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from loaders.doc_words import lowers, texts, tokens_in
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import (
    EQUIPMENT_NOUNS,
    FORCE_NOUNS,
    GENERIC_COLLECTIVES,
    GOVERNMENT_NOUNS,
    LED_HEADS,
    LED_PARTICIPLES,
    PEOPLE_NAMED_HEADS,
    STATELESS_PEOPLE_ADJECTIVES,
    VAGUE_MODIFIERS,
    VEHICLE_MAKERS,
)
from loaders.gazetteer import Gazetteer


def collective_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    out = []
    for tok in tokens_in(doc, gaz.collectives):
        kind = gaz.collectives.get(tok.lower_)
        if kind is None or tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"compound", "amod"}:
            continue
        if tok.tag_ not in {"NNS", "NNPS"} and tok.lower_ not in {"junta", "opposition", "community", "west"}:
            continue
        # "the international community", "Western governments": multiword heads first
        if tok.i > 0 and f"{doc[tok.i - 1].lower_} {tok.lower_}" in gaz.collectives:
            kind = gaz.collectives[f"{doc[tok.i - 1].lower_} {tok.lower_}"]
        left = tok.i
        for child in sorted(tok.lefts, key=lambda t: -t.i):
            if (
                child.dep_ in {"amod", "compound", "nmod"}
                and child.i == left - 1
                and child.pos_ in {"ADJ", "PROPN", "NOUN"}
                and not gerund_with_object(child)
            ):
                left = child.i
        left = _name_start(doc, left, tok.i)
        # Modifiers that are only quantities or vague adjectives are not part of a name.
        while left < tok.i and doc[left].lower_ in VAGUE_MODIFIERS:
            left += 1
        if any(t.lower_ in EQUIPMENT_NOUNS or t.lower_ in VEHICLE_MAKERS for t in doc[left : tok.i]):
            continue  # "jet fighters", "MiG fighters": aircraft, not fighting men
        if left == tok.i and tok.lower_ in GENERIC_COLLECTIVES:
            continue  # "fighters", "residents" alone name nobody in particular
        if tok.lower_ in PEOPLE_NAMED_HEADS and not any(t.ent_type_ == "NORP" for t in doc[left : tok.i]):
            continue
        named = gaz.lookup(doc[left : tok.i].text) if left < tok.i else None
        if named is not None and named[0] == "country" and tok.lower_ in GOVERNMENT_NOUNS:
            # "the Malian junta": a state's ruling body is the state (GUIDE), not a group of its own
            out.append(Candidate(left, tok.i + 1, "country", named[1], "collective", 3))
            continue
        if named is not None and named[0] in {"armed_group", "organization"}:
            # "Houthi fighters", "Hezbollah militants": the members stand for their group
            out.append(Candidate(left, tok.i + 1, named[0], named[1], "collective", 3))
            continue
        if kind == "armed_group" and _group_name(doc[left : tok.i], gaz):
            # "Ansar Dine fighters": the members stand for the group the name before them names
            out.append(Candidate(left, tok.i, kind, None, "collective", 3))  # over the model's PERSON
            continue
        out.append(Candidate(left, tok.i + 1, kind, None, "collective", 1))
    out += _named_forces(doc, gaz)
    out += _ethnic_forces(doc, gaz) + _community_forces(doc, gaz) + _led_collectives(doc, gaz)
    return out + _people_before_group(doc, gaz)


# how the words of a name hang together in the parse ("Ansar" on "Dine", "al" and "-" on "Adl")
NAME_LINKS = frozenset({"compound", "nmod", "flat", "punct", "amod"})


def _name_start(doc: Doc, left: int, head: int) -> int:
    """'Ansar Dine fighters', 'Jaish al-Adl gunmen': the parser hangs a name's first words on its last
    one, not on the members' noun, so a proper-noun run before the noun is read back whole (words and the
    hyphens of its particles whose head lies inside the run)."""
    if left == head or doc[left].pos_ != "PROPN":
        return left
    while left > 0:
        prev = doc[left - 1]
        if not (left <= prev.head.i <= head) or prev.dep_ not in NAME_LINKS:
            break
        name_word = prev.pos_ == "PROPN" and prev.text[:1].isupper()
        if not name_word and prev.tag_ != "HYPH" and prev.lower_ != "al":
            break
        left -= 1
    return left if doc[left].tag_ != "HYPH" else left + 1


def _named_forces(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'Ansar Dine forces', 'Jaish al-Adl troops': a force noun that is no collective of its own after a
    group's name; the model often reads the name as a person's."""
    out = []
    for tok in tokens_in(doc, FORCE_NOUNS, start=1):
        if tok.lower_ not in FORCE_NOUNS or tok.tag_ != "NNS" or tok.lower_ in gaz.collectives:
            continue
        left = tok.i
        while left > 0 and doc[left - 1].head.i == tok.i and doc[left - 1].dep_ == "compound":
            left -= 1
        left = _name_start(doc, left, tok.i)
        if left < tok.i and _group_name(doc[left : tok.i], gaz):
            out.append(Candidate(left, tok.i, "armed_group", None, "collective", 3))
    return out


def _group_name(run: Span, gaz: Gazetteer) -> bool:
    """A name of two or more proper nouns that is no place, people or known name ("Ansar Dine", not
    "North Kivu" nor "Bosnian Serb"); a name the model labels ORG is left to its own candidate."""
    words = [t for t in run if t.tag_ != "HYPH"]
    return (
        len(words) >= 2
        and all(t.pos_ == "PROPN" for t in words)
        and not any(t.ent_type_ in {"GPE", "LOC", "FAC", "NORP", "ORG"} for t in run)  # ORG: the model's span
        and not any(t.text in STATELESS_PEOPLE_ADJECTIVES for t in words)
        and not any(gaz.lookup(t.text) is not None or t.text in gaz.cities for t in words)
        and gaz.lookup(run.text) is None
        and run.text not in gaz.cities
        and not _titled(run, gaz)
    )


def _titled(run: Span, gaz: Gazetteer) -> bool:
    """The name's last word follows a title somewhere in the article ("General Khalifa Haftar"): a
    person, whose forces are his side, not a group of that name."""
    last = run[-1].text
    doc = run.doc
    return any(
        t.text == last and any(doc[j].lower_ in gaz.titles for j in range(max(0, t.i - 4), t.i)) for t in doc
    )


def _people_word(tok: Token, gaz: Gazetteer) -> bool:
    """A people's adjective ("Lebanese", "Kurdish"), not a country's own name."""
    if not tok.text[:1].isupper():
        return False
    if tok.text in STATELESS_PEOPLE_ADJECTIVES or tok.ent_type_ == "NORP":
        return True
    hit = gaz.lookup(tok.text)
    return hit is not None and hit[0] == "country" and hit[1] != tok.text


def _people_before_group(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'Lebanese Hezbollah fighters', 'Kurdish Peshmerga forces', 'Somali al-Shabab militants': a people's
    adjective before a known group's name (and its members' noun) is that group, not the people's state
    nor a body of its own."""
    out = []
    n = len(doc)
    words = texts(doc)
    for tok in (doc[i] for i in range(*slice(None, n - 1).indices(n)) if words[i][:1].isupper()):
        if not _people_word(tok, gaz):  # (its first test: a capital, read above from the words)
            continue
        end = None
        for j in range(tok.i + 2, min(n, tok.i + 6) + 1):
            hit = gaz.lookup(doc[tok.i + 1 : j].text)
            if hit is not None and hit[0] == "armed_group":
                end, canonical = j, hit[1]
        if end is None:
            continue
        member = doc[end].lower_ if end < n else ""
        if (member in FORCE_NOUNS or gaz.collectives.get(member) == "armed_group") and doc[end].tag_ == "NNS":
            end += 1  # "fighters", "militants", "forces"
        out.append(Candidate(tok.i, end, "armed_group", canonical, "collective", 3))
    return out


def gerund_with_object(tok: Token) -> bool:
    """'accused of bombing civilians', 'for shelling residents': after a preposition, an -ing word before
    the collective is a verb and the collective its object, not a modifier of its name."""
    return (
        tok.lower_.endswith("ing")
        and tok.i > 0
        and tok.doc[tok.i - 1].pos_ == "ADP"
        and (tok.tag_ == "VBG" or tok.pos_ == "NOUN")
    )


def _community_forces(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'Kurdish forces', 'Kurdish peshmerga forces': forces named after a people without a state of that
    name are an armed group. A country's demonym ("Syrian forces") is that country, found elsewhere."""
    out = []
    for tok in tokens_in(doc, {"forces"}):
        if tok.lower_ != "forces" or tok.tag_ != "NNS" or tok.dep_ in {"compound", "amod"}:
            continue
        left = tok.i
        while left > 0 and tok.i - left < 3 and doc[left - 1].dep_ in {"amod", "compound", "nmod"}:
            left -= 1
        first = doc[left]
        if (
            left == tok.i
            or first.ent_type_ != "NORP"
            or first.dep_ != "amod"
            or any(gaz.lookup(doc[left:k].text) is not None for k in range(left + 1, tok.i + 1))
        ):  # "North Vietnamese forces": a demonym of two words is a country's too
            continue  # a people's adjective ("Kurdish"), not a leader's name ("Haftar forces")
        # "Kurdish peshmerga forces", "Kurdish Peshmerga forces": the people's adjective before a known
        # group's name is that group, so a later "the peshmerga" is the same actor
        named = gaz.lookup(doc[left + 1 : tok.i].text) if left + 1 < tok.i else None
        if named is not None and named[0] == "armed_group":
            out.append(Candidate(left, tok.i + 1, "armed_group", named[1], "collective", 3))
            continue
        if any(not (t.is_lower or t.ent_type_ == "NORP") for t in doc[left + 1 : tok.i]):
            continue  # "Kurdish Regional Government forces": a named body's forces
        out.append(Candidate(left, tok.i + 1, "armed_group", None, "collective", 2))
    return out


def _ethnic_forces(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'ethnic Armenian forces': a community's fighters are an armed group, not the state of that name."""
    out = []
    for tok in tokens_in(doc, {"ethnic"}):
        if tok.lower_ != "ethnic" or tok.i + 2 >= len(doc):
            continue
        end = tok.i + 2
        while end < len(doc) and end - tok.i <= 3 and doc[end].lower_ not in FORCE_NOUNS:
            end += 1
        if end < len(doc) and doc[end].lower_ in FORCE_NOUNS and doc[end].pos_ == "NOUN":
            out.append(Candidate(tok.i, end + 1, "armed_group", None, "collective", 4))
    return out


JOINED_LED = re.compile(r"^([A-Z][\w.]*?)-(?:led|backed)$")


def _led_collectives(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'the Saudi-led coalition', 'Iran-backed militias': one collective actor named by the whole phrase.

    The mention covers only the head noun, so the leader's own mention stays for the relation finder.
    """
    out = []
    words, forms = texts(doc), lowers(doc)
    for i, word in enumerate(words):
        if not "A" <= word[:1] <= "Z" and forms[i] not in LED_PARTICIPLES:
            continue  # neither test below can pass: JOINED_LED opens with [A-Z]
        tok = doc[i]
        joined = JOINED_LED.match(tok.text)
        if joined is not None:
            # "U.S.-led" is one token: the leader is named inside it, and the token stands for the leader
            hit = gaz.lookup(joined.group(1))
            if hit is None:
                continue
            out.append(Candidate(tok.i, tok.i + 1, hit[0], hit[1], "gazetteer", 3))
        elif (
            tok.lower_ not in LED_PARTICIPLES
            or tok.i < 2
            or doc[tok.i - 1].text != "-"
            or not doc[tok.i - 2].text[:1].isupper()
        ):
            continue
        head = tok.i + 1
        while head < len(doc) and head - tok.i <= 3 and doc[head].lower_ not in LED_HEADS:
            if not (doc[head].pos_ in {"ADJ", "PROPN"} or doc[head].lower_ in {"military", "arab"}):
                break
            head += 1
        if head >= len(doc) or doc[head].lower_ not in LED_HEADS:
            continue
        # "Iranian-backed Houthi rebels" are the Houthis, "Kurdish-led Syrian Democratic Forces" the SDF: a
        # named group keeps its name (the backer is a relation, not part of the name)
        inner = doc[tok.i + 1 : head + 1]
        known = gaz.lookup(inner.text) or (
            gaz.lookup(doc[tok.i + 1 : head].text) if head > tok.i + 1 else None
        )
        if known is not None and known[0] in {"armed_group", "organization"}:
            out.append(Candidate(tok.i + 1, head + 1, known[0], known[1], "collective", 4))
            continue
        if len(inner) > 1 and all(t.text[:1].isupper() for t in inner):
            continue  # a proper name of its own: spaCy's entity or the gazetteer names it
        start = tok.i if joined is not None else tok.i - 2
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN":
            start -= 1
        name = doc[start : head + 1].text
        out.append(Candidate(tok.i + 1, head + 1, LED_HEADS[doc[head].lower_], name, "led", 4))
    return out
