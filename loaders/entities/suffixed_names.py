"""Names told by the word beside them: a place suffix ("Shayrat airbase"), a settlement noun ("the town of
Rastan"), a group suffix ("the Libya Dawn militia"), a joined connective ("Lashkar-e-Taiba")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loaders.doc_words import fine_tags, lowers, tokens_in
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import (
    AREA_NOUNS,
    ARMED_NAME_WORDS,
    COMPASS_ADJECTIVES,
    GROUP_SUFFIXES,
    JOINING_PARTICLES,
    SETTLEMENT_NOUNS,
)
from loaders.gazetteer import PLACE_SUFFIXES, Gazetteer


def suffix_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """A proper name followed by a place word ("Shayrat airbase", "Idlib province") is a place.

    Not when the name is a country's or a body's ("near the Azerbaijan border", "an RSF camp"): that
    phrase is a description, and the country or body is the entity.
    """
    out = []
    for tok in tokens_in(doc, PLACE_SUFFIXES):
        if (
            tok.lower_ in PLACE_SUFFIXES
            and tok.i > 0
            and doc[tok.i - 1].pos_ == "PROPN"
            and doc[tok.i - 1].text[:1].isupper()
        ):
            start = tok.i - 1
            while start > 0:
                prev = doc[start - 1]
                if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ != "NORP":
                    start -= 1
                elif (
                    prev.text == "-" and start > 1 and doc[start - 2].pos_ == "PROPN" and not prev.whitespace_
                ):
                    start -= 2  # "Wagah-Attari border"
                else:
                    break
            if (
                tok.lower_ in SETTLEMENT_NOUNS
                and tok.i + 2 < len(doc)
                and doc[tok.i + 1].lower_ == "of"
                and doc[tok.i + 2].text[:1].isupper()
            ):
                continue  # "the West Bank town of X": the region locates X, the noun is X's, not a name
            base = doc[start : tok.i].text
            hit = gaz.lookup(base)
            if (hit is not None and hit[0] != "place") or (base.isupper() and len(base) <= 6):
                continue
            parts = [p.strip() for p in base.split("-")]
            if len(parts) > 1 and all((gaz.lookup(p) or ("", ""))[0] == "country" for p in parts):
                continue  # "the Kyrgyz-Tajik border", "the Iran-Iraq border": the two states, no place name
            end = tok.i + 1
            if tok.lower_ == "air":
                if end >= len(doc) or doc[end].lower_ not in {"base", "field"}:
                    continue  # "Wizz Air", "Royal Jordanian Air": an airline; "X air base" is the place
                end += 1
            out.append(Candidate(start, end, "place", None, "suffix", 4))
    return (
        out
        + group_suffix_candidates(doc, gaz)
        + town_of_candidates(doc, gaz)
        + joined_name_candidates(doc)
        + coordinated_place_candidates(doc, gaz)
    )


def joined_name_candidates(doc: Doc) -> list[Candidate]:
    """A word for a fighting body, a hyphenated connective and a name ("Jaish-e Mohammad",
    "Lashkar-e-Taiba") is one armed group, written with or without a space after the connective; the
    model cuts it at the hyphen and calls the first word a person."""
    out = []
    for tok in tokens_in(doc, ARMED_NAME_WORDS, 0, len(doc) - 3):  # the test's first word only
        dash, part = doc[tok.i + 1], doc[tok.i + 2]
        if not (
            tok.lower_ in ARMED_NAME_WORDS
            and tok.text[:1].isupper()
            and dash.text == "-"
            and not tok.whitespace_
            and not dash.whitespace_
            and part.lower_ in JOINING_PARTICLES
            and part.text.islower()
        ):
            continue
        i = tok.i + 3
        if i < len(doc) and doc[i].text == "-" and not part.whitespace_:
            i += 1
        end = i
        while end < len(doc) and end - i < 3 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end > i:
            out.append(Candidate(tok.i, end, "armed_group", doc[tok.i : end].text, "joined", 5))
    return out


SETTLEMENT_OR_AREA_NOUNS = SETTLEMENT_NOUNS | AREA_NOUNS  # the union once, not at every plural noun


def town_of_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'the town of Rastan', 'the city of Jizan', 'the province of Jufra': the name after a settlement or
    area noun and 'of' is a place, unless it is already known as something else ('the capital of Syria')."""
    out = []
    forms, tags = lowers(doc), fine_tags(doc)  # a settlement or area word, or a plural: no other token
    for tok in (doc[i] for i, w in enumerate(forms) if w in SETTLEMENT_OR_AREA_NOUNS or tags[i] == "NNS"):
        plural = tok.tag_ == "NNS" and tok.lemma_.lower() in SETTLEMENT_OR_AREA_NOUNS
        if tok.lower_ not in SETTLEMENT_NOUNS and tok.lower_ not in AREA_NOUNS and not plural:
            continue
        for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            objects = [p for p in of.children if p.dep_ == "pobj"]
            if plural:  # "the cities of A, B, and C": every conjunct, labelled by the model or not
                objects += [c for p in objects for c in p.conjuncts]
            for name in (p for p in objects if p.pos_ == "PROPN"):
                start = min(t.i for t in name.subtree if t.pos_ == "PROPN" or t.text == "-")
                # "the X region of central Mali": a bearing is no part of the name (the model tags it
                # a proper noun); the country stays the country
                while start < name.i and doc[start].lower_ in COMPASS_ADJECTIVES:
                    start += 1
                if start <= of.i or any(t.pos_ not in {"PROPN", "PUNCT"} for t in doc[start : name.i + 1]):
                    continue
                if gaz.lookup(doc[start : name.i + 1].text) is not None:
                    continue
                out.append(Candidate(start, name.i + 1, "place", None, "suffix", 4))
    return out


def group_suffix_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """A proper name followed by a group word ("the Libya Dawn militia") is an armed group, unless the
    name alone is already a known actor ("the Houthi militia" is the Houthis)."""
    out = []
    for tok in tokens_in(doc, GROUP_SUFFIXES):
        if tok.lower_ not in GROUP_SUFFIXES or tok.i == 0:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
        if start == tok.i or tok.i - start > 4:
            continue
        base = doc[start : tok.i].text
        if gaz.lookup(base) is not None or doc[start].ent_type_ == "NORP":
            continue
        out.append(Candidate(start, tok.i + 1, "armed_group", doc[start : tok.i + 1].text, "suffix", 4))
    return out


def coordinated_place_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'the Homs, Hama and Tartus provinces', 'the Lachin and Kelbajar districts': names coordinated before
    a plural place noun are each a place (the model reads them as bodies), unless known as something else."""
    out = []
    tags = fine_tags(doc)
    for tok in (doc[i] for i, tag in enumerate(tags) if tag == "NNS"):  # the test below wants a plural
        lemma = tok.lemma_.lower()
        if tok.tag_ != "NNS" or not (
            lemma in PLACE_SUFFIXES or lemma in SETTLEMENT_NOUNS or lemma in AREA_NOUNS
        ):
            continue
        spans: list[tuple[int, int]] = []
        end = tok.i
        while True:
            start = end
            while start > 0 and _name_word(doc[start - 1]):
                start -= 1
            if start == end:
                break
            spans.append((start, end))
            end = start
            while end > 0 and doc[end - 1].text in {",", "and"}:
                end -= 1
            if end == start:
                break
        if len(spans) < 2:
            continue
        for start, end in spans:
            hit = gaz.lookup(doc[start:end].text)
            if hit is None or hit[0] == "place":
                out.append(Candidate(start, end, "place", None, "suffix", 4))
    return out


def _name_word(tok: Token) -> bool:
    """A capitalised word inside a sentence: a proper noun, or one the tagger took for a plural ("Homs")."""
    return tok.text[:1].isupper() and tok.is_alpha and (tok.pos_ == "PROPN" or not tok.is_sent_start)
