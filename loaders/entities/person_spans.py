"""Persons the small model labels as bodies, and names it runs on past (round 16, issue 9).

Heads of state of smaller countries are often unknown to the model: "Ruritania's Ana Pereda met ...",
"Ana Pereda welcomed the envoy" come out as organisations, and "Ana Pereda in Zenda" as one body that
runs past its name. Each test reads the construction, not a list of names:

- `possessed_person`: two or three name words after a country's possessive ("Ruritania's Ana Pereda"),
  no word of which is an English noun, a body word or a known name, are a person (a body so introduced
  has a body word: "Ruritania's Electoral Commission").
- `named_actor`: two or three such words that speak or act ("Ana Pereda welcomed ...") are a person; a
  body that speaks has a body word, an acronym or a gazetteer name.
- `place_run_end`: a name labelled as one body or person that runs on over a locative preposition and a
  known town or country ("Ana Pereda in Zenda") ends before the preposition; the town is found on its own.
- `name_word_candidates`: the first or last word of a person named in full, written alone and unlabelled
  ("Abiy said" after "Abiy Ahmed"), is a person's mention, which coreference joins to the full name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import LOCATIVE_PREPS, MEDIA_WORDS, NAME_PARTICLES, ORG_WORDS, SPEECH_OR_ACTION
from loaders.gazetteer import Gazetteer

POSSESSIVE = frozenset({"'s", "’s"})


def _name_words(span: Span, gaz: Gazetteer) -> bool:
    """Two or three capitalised words, none an English noun, a body or media word, or a known name."""
    words = [t for t in span if t.text != "-"]
    if not 2 <= len(words) <= 3 or gaz.lookup(span.text) is not None:
        return False
    return all(_name_word(t, gaz) for t in words)


def _name_word(tok: Token, gaz: Gazetteer) -> bool:
    text = tok.text.replace("-", "")
    return (
        tok.is_title
        and text.isalpha()
        and not tok.is_upper
        and tok.lower_ not in ORG_WORDS
        and tok.lower_ not in MEDIA_WORDS
        and tok.lower_ not in NAME_PARTICLES
        and tok.lower_ not in gaz.common_nouns
        and tok.lemma_.lower() not in gaz.common_nouns
        and gaz.lookup(tok.text) is None
        and tok.text not in gaz.cities
    )


def possessed_person(span: Span, gaz: Gazetteer) -> bool:
    """'Ruritania's Ana Pereda': name words after a country's possessive."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in POSSESSIVE:
        return False
    owner = gaz.lookup(doc[span.start - 2].text)
    return owner is not None and owner[0] == "country" and _name_words(span, gaz)


def named_actor(span: Span, gaz: Gazetteer) -> bool:
    """'Ana Pereda welcomed the envoy': name words that are the subject of a verb of speech or action."""
    return (
        span.root.dep_ in {"nsubj", "nsubjpass"}
        and span.root.head.lemma_ in SPEECH_OR_ACTION
        and _name_words(span, gaz)
    )


def place_run_end(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """'Ana Pereda in Zenda': the end before a locative preposition followed by a known town or country."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in LOCATIVE_PREPS and doc[k].is_lower:
            rest = doc[k + 1 : end].text
            if rest in gaz.cities or rest in gaz.capitals or gaz.lookup(rest) is not None:
                return k
            return end
    return end


def name_word_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Unlabelled lone first or last words of persons the model named in full ("Abiy said")."""
    parts: set[str] = set()
    for ent in doc.ents:
        words = [t for t in ent if t.is_alpha]
        person = ent.label_ == "PERSON" or (
            ent.label_ == "ORG" and (possessed_person(ent, gaz) or named_actor(ent, gaz))
        )
        if person and len(words) >= 2 and all(t.is_title for t in words):
            parts.update(t.text for t in (words[0], words[-1]) if len(t) > 2 and _name_word(t, gaz))
    out: list[Candidate] = []
    for tok in doc:
        if tok.text not in parts or tok.ent_type_ or tok.pos_ != "PROPN":
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (prev is not None and prev.is_title and prev.pos_ == "PROPN") or (
            nxt is not None and nxt.is_title and nxt.pos_ == "PROPN"
        ):
            continue  # part of a longer name written here
        out.append(Candidate(tok.i, tok.i + 1, "PERSON", None, "ner", 1))
    return out


def cut_place_runs(doc: Doc, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """The model's body and person spans with `place_run_end` applied."""
    out = []
    for c in cands:
        if c.how == "ner" and c.kind in {"ORG", "PERSON"}:
            end = place_run_end(doc, c.start, c.end, gaz)
            if end != c.end:
                c = Candidate(c.start, end, c.kind, c.canonical, c.how, c.prio)
        out.append(c)
    return out


def possessed_name_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Persons after a country's possessive whatever the model's label ("Ruritania's Ana Pereda in Zenda"
    labelled a work of art): the span up to a locative preposition, when `possessed_person` holds."""
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}:
            continue
        end = place_run_end(doc, ent.start, ent.end, gaz)
        if end > ent.start and possessed_person(doc[ent.start : end], gaz):
            out.append(Candidate(ent.start, end, "PERSON", None, "ner", 3))
    return out
