"""Public bodies written in lower case: "the election commission declared", "president of the
transitional committee".

The small model tags a body only when its name is capitalised, but news often names a country's own
commission, council or court by a lower-case description, and the gold lists it when it acts or someone
holds an office in it. A description is a candidate when it has at least one lower-case modifier before a
body noun (data: `body_heads`), is definite ("the ...", or after a possessive), and either speaks or acts
(subject of a verb of `speech_or_action`) or is the body of an office ("head of the ..."). A named body with
the same head in the article ("the Independent Electoral Commission") makes the description its re-mention,
so none is proposed then.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Token

from loaders.doc_words import tokens_in
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import (
    BODY_HEADS,
    JOINING_PARTICLES,
    MEDIA_DESCRIPTORS,
    ORG_WORDS,
    OWNED_BODY_HEADS,
    OWNER_PARTICIPLES,
    SPEECH_OR_ACTION,
    VAGUE_MODIFIERS,
)
from loaders.gazetteer import Gazetteer


def lower_body_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Definite lower-case descriptions of a body that acts or has an office holder."""
    named = {e.root.lower_ for e in doc.ents if e.label_ == "ORG" and e.root.text[:1].isupper()}
    out = []
    for tok in tokens_in(doc, BODY_HEADS):
        if tok.lower_ not in BODY_HEADS or not tok.is_lower or tok.lower_ in named:
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if prev.is_lower and prev.is_alpha and prev.dep_ in {"amod", "compound"} and prev.head.i >= start:
                start -= 1
            else:
                break
        while start < tok.i and doc[start].lower_ in VAGUE_MODIFIERS:
            start += 1
        if start == tok.i or start == 0:
            continue
        before = doc[start - 1]
        if before.lower_ != "the" and before.text not in {"'s", "\u2019s"}:
            continue  # "a parliamentary committee": not one body the article names
        if tok.lower_ == "ministry" and before.lower_ != "the":
            continue  # "Iran's foreign ministry condemned": the state speaks (held fell when it did not)
        if not (_acts(tok) or _office_body(tok, gaz)):
            continue
        name = doc[start : tok.i + 1].text
        out.append(Candidate(start, tok.i + 1, "organization", name, "body", 1))
    return out


def _acts(tok: Token) -> bool:
    """The body is the subject of a verb of saying or acting ("the commission declared")."""
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in SPEECH_OR_ACTION


def _office_body(tok: Token, gaz: Gazetteer) -> bool:
    """The body follows an office title and "of" ("president of the transitional committee")."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lower_ in gaz.titles
        and prep.head.i == prep.i - 1
    )


def coordinated_body_candidates(doc: Doc) -> list[Candidate]:
    """'the Foreign Affairs and Defence Committee', 'the Science and Technology Ministry': one body whose
    name coordinates two fields before its head. The model cuts it at "and" into a body without a body
    word ("Foreign Affairs") and one with it; the first part names no body of its own."""
    ents = [e for e in doc.ents if e.label_ == "ORG"]
    out = []
    for a, b in pairwise(ents):
        if (
            b.start == a.end + 1
            and doc[a.end].lower_ == "and"
            and b[-1].lower_ in ORG_WORDS
            and not any(t.lower_ in ORG_WORDS for t in a)
            and all(t.is_title for t in a)
        ):
            out.append(Candidate(a.start, b.end, "ORG", None, "ner", 2))
    return out


def owned_body_candidates(doc: Doc) -> list[Candidate]:
    """'the Hamas-run Gaza health ministry', 'the Kremlin-backed Donetsk administration': the words between
    a side's "-run/-backed" and a body noun name a body of its own, which is the actor of its clause; the
    side keeps its own mention (the model often tags the body as nothing and the side as the speaker)."""
    out = []
    n = len(doc)
    for tok in tokens_in(doc, OWNER_PARTICIPLES, 2, n - 1):
        if tok.lower_ not in OWNER_PARTICIPLES or doc[tok.i - 1].text != "-" or doc[tok.i - 1].whitespace_:
            continue
        if not doc[tok.i - 2].text[:1].isupper():
            continue  # "state-run television X": no side named, the outlet's own name follows
        end = tok.i + 1
        while end < n and end - tok.i <= 4 and doc[end].lower_ not in OWNED_BODY_HEADS:
            if not (doc[end].pos_ in {"PROPN", "NOUN", "ADJ"} and doc[end].is_alpha):
                break
            end += 1
        if end < n and doc[end].lower_ in OWNED_BODY_HEADS and doc[end].tag_ in {"NN", "NNP"} and end > tok.i:
            while end + 1 < n and doc[end + 1].lower_ in OWNED_BODY_HEADS:
                end += 1  # "television channel"
            out.append(
                Candidate(tok.i + 1, end + 1, "organization", doc[tok.i + 1 : end + 1].text, "body", 3)
            )
    return out


AGENCY_HEADS = frozenset({"agency", "watchdog"})


def agency_of_body_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'the U.N. nuclear agency', 'the UN refugee agency': a body's agency named by its parent and its
    field is a body of its own, not the parent (the parent's acronym only says whose agency it is)."""
    out = []
    n = len(doc)
    for tok in doc:
        hit = gaz.lookup(tok.text)
        if hit is None or hit[0] != "organization" or not tok.text[:1].isupper():
            continue
        end = tok.i + 1
        while end < n and end - tok.i <= 3 and doc[end].is_lower and doc[end].is_alpha:
            if doc[end].lower_ in MEDIA_DESCRIPTORS and doc[end].lower_ not in AGENCY_HEADS:
                break  # "the Reuters news agency": an outlet described, no agency of a body
            if doc[end].lower_ in AGENCY_HEADS and end > tok.i + 1:
                out.append(Candidate(tok.i, end + 1, "organization", doc[tok.i : end + 1].text, "body", 3))
                break
            end += 1
    return out


def party_name_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'supporters of the Ruritania Tehreek-e-Adl party', 'the Bharatiya Nava Dal party': the capitalised run
    before a lower-case "party" is the party's whole name, with a country's name that opens it and joined
    connectives; the model cuts such names short and an armed-sounding first word made them militias
    (round 16). Two name words at least; a lone "Labour party" is left to the model."""
    out = []
    for tok in doc:
        if tok.text != "party" or tok.i < 2:
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            joined = prev.text == "-" and not prev.whitespace_
            particle = prev.lower_ in JOINING_PARTICLES and prev.is_lower and doc[start - 2].text == "-"
            if (prev.is_title and prev.pos_ in {"PROPN", "ADJ", "NOUN"}) or joined or particle:
                start -= 1
            else:
                break
        while start < tok.i and not doc[start].is_title:
            start += 1
        words = [t for t in doc[start : tok.i] if t.is_title]
        if len(words) < 2 or gaz.lookup(doc[start : tok.i].text) is not None:
            continue
        if all(gaz.lookup(t.text) is not None for t in words):
            continue  # "the Kenya Uganda party": names of states, no party's name
        out.append(Candidate(start, tok.i, "organization", doc[start : tok.i].text, "party", 5))
    return out


def body_of_state_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'the Confederation of Indigenous Nationalities of Ruritania (CONIR)': a body's name that runs on
    over "of <country>" before its bracketed acronym is one name; the model stops before the country,
    and the acronym then went to the country (round 16)."""
    out = []
    for ent in doc.ents:
        k = ent.end
        if ent.label_ != "ORG" or k + 3 >= len(doc) or doc[k].lower_ != "of":
            continue
        for width in (3, 2, 1):
            end = k + 1 + width
            hit = gaz.lookup(doc[k + 1 : end].text)
            if hit is None or hit[0] not in {"country", "place"} or end + 2 >= len(doc):
                continue
            if doc[end].text == "(" and doc[end + 1].is_upper and doc[end + 2].text == ")":
                out.append(Candidate(ent.start, end, "ORG", None, "ner", 3))
            break
    return out


def possessive_body_candidates(doc: Doc) -> list[Candidate]:
    """ "the Ruritanian United Workers' Party": the model ends one body at the plural possessive's apostrophe
    and opens another after it; the two are one name (round 16)."""
    ents = [e for e in doc.ents if e.label_ == "ORG"]
    out = []
    for a, b in pairwise(ents):
        if b.start == a.end and a[-1].text in {"'", "\u2019"} and b[0].is_title:
            out.append(Candidate(a.start, b.end, "ORG", None, "ner", 3))
    return out
