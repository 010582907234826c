"""Cues from a name's own shape and its other mentions that override the small model's label (round 15,
second wave): a person's name written with a family particle or shortened elsewhere to a surname the
model reads as a person, an acronym the model read as a person, and a party named with its political
side before it. Read by kinds.py."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from loaders.doc_words import doc_text
from loaders.entities.lexicon import (
    BODY_SEATS,
    BUILDING_NOUNS,
    FACILITY_SUFFIXES,
    GOVERNMENT_NOUNS,
    ORG_WORDS,
    set_of,
)
from loaders.gazetteer import PLACE_SUFFIXES, Gazetteer

FAMILY_PARTICLES = set_of("family_particles")  # "da", "dos", "bin", "van": inside persons' names
POLITICAL_SIDES = set_of("political_sides")  # "the opposition X", "the ruling X": a party
PLURAL_ARTICLES = set_of("plural_articles")  # "Los X": a Spanish plural article opens no person's name


def _plain_name_words(span: Span, gaz: Gazetteer | None) -> bool:
    """Every word a capitalised name word, none a body's word nor (with `gaz`) an English common noun."""
    return all(
        t.text[:1].isupper()
        and t.text.replace("-", "").isalpha()
        and t.lower_ not in ORG_WORDS
        and (gaz is None or t.lower_ not in gaz.common_nouns)
        for t in span
    )


def particle_person(span: Span, gaz: Gazetteer) -> bool:
    """'Luiz Inacio Lula da Silva', 'Ana Maria dos Santos': capitalised name words on both sides of one
    lower-case family particle, none of them a body's word or an English noun, is a person's name the
    model may read as a body ("Banco do X", "Cartel de Y" have a noun; "Frente de Z" a body's word)."""
    if not 3 <= len(span) <= 6 or gaz.lookup(span.text) is not None:
        return False
    particles = [t.i - span.start for t in span if t.lower_ in FAMILY_PARTICLES and t.is_lower]
    if len(particles) != 1 or particles[0] == 0 or particles[0] == len(span) - 1:
        return False
    k = particles[0]
    if k > 3 or len(span) - k - 1 > 2 or any(gaz.lookup(t.text) is not None for t in span):
        return False  # "Fuerzas Armadas Revolucionarias de Colombia": a body's long name, a country
    # a surname after the particle may be an English noun too ("Silva")
    return _plain_name_words(span[:k], gaz) and _plain_name_words(span[k + 1 :], None)


def surname_written_as_person(span: Span, gaz: Gazetteer) -> bool:
    """'spoke with Recep Tayyip Erdogan ... Erdogan offered': a run of two to four plain name words the
    model read as a body, whose last word the text writes alone elsewhere as a person, is that person."""
    if not 2 <= len(span) <= 4 or gaz.lookup(span.text) is not None:
        return False
    if not _plain_name_words(span, gaz) or span[-1].text in gaz.capitals or gaz.lookup(span[-1].text):
        return False
    last = span[-1].text
    return any(
        e.label_ == "PERSON" and len(e) == 1 and e[0].text == last and e.start != span.end - 1
        for e in span.doc.ents
    )


def acronym_as_person(span: Span) -> bool:
    """'rigged by ZANU-PF': one word written in capitals alone and joined by a hyphen, in a line that is not
    shouted, is a body's acronym, not a person's name. A short one without a hyphen may be a person's
    ("MBS", "AMLO"), so it keeps the model's label."""
    letters = [c for c in span.text if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    if " " in span.text or "." in span.text or "-" not in span.text:
        return False  # "JOHN SMITH/AFP", "D.M.", "AMLO": a person's name in capitals, initials
    line = [t for t in span.sent if t.is_alpha and len(t) > 1]
    return any(t.is_lower or t.is_title for t in line)


def political_side_party(span: Span) -> bool:
    """'the opposition Movement for Democratic Change', 'the ruling X Party': a name after a political
    side is a party, though its words (movement, front) may name armed bodies too; "the armed
    opposition X" is still armed."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in POLITICAL_SIDES:
        return False
    return not (span.start > 1 and doc[span.start - 2].lower_ == "armed")


def _person_word(doc: Doc, i: int) -> bool:
    """Token `i` is a person's name word: labelled PERSON, or the last word of a PERSON elsewhere."""
    tok = doc[i]
    return tok.ent_type_ == "PERSON" or (
        tok.is_title and any(e.label_ == "PERSON" and e[-1].text == tok.text for e in doc.ents)
    )


def person_before_cue(doc: Doc, cue_start: int) -> int | None:
    """The index of the person's name word right before an alias cue, a comma between ("Mohamed X Y,
    known as ..." or "Widodo, known as ..."), or None."""
    k = cue_start - 1 if cue_start > 0 and doc[cue_start - 1].text == "," else cue_start
    return k - 1 if k > 0 and _person_word(doc, k - 1) else None


def nickname_after_person(span: Span) -> bool:
    """'Mohamed X Y, known as Farmaajo': one capitalised word right after "(also) known as" that follows
    a person's name and a comma is that person's nickname, whatever the model read it as."""
    doc = span.doc
    if len(span) != 1 or not span[0].is_title or span.start < 4 or doc[span.start - 1].lower_ != "as":
        return False
    k = span.start - 2
    while k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    if doc[k].lower_ != "known":
        return False
    start = k - 1 if doc[k - 1].pos_ == "ADV" else k
    return person_before_cue(doc, start) is not None


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def plural_noun_opening(span: Span, gaz: Gazetteer) -> bool:
    """'Gunmen attacked a police station': a plural English noun opening a sentence before its verb, which
    the model read as a place, is no name, when the text never writes it capitalised mid-sentence and
    the gazetteer knows no place by it ("Maldives" and "Highlands" stay)."""
    if len(span) != 1 or not span[0].is_sent_start or span[0].tag_ not in {"NNS", "NNPS"}:
        return False
    tok = span[0]
    if not tok.lower_.endswith("s") and not tok.lower_.endswith("men"):
        return False
    if gaz.lookup(tok.text) is not None or tok.text in gaz.capitals or tok.text in gaz.cities:
        return False
    doc = span.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in {"AUX", "VERB"}:
        return False
    return _singular(tok.lower_) in gaz.common_nouns and not any(
        t.text == tok.text and not t.is_sent_start for t in doc
    )


def seat_as_body(doc: Doc, text: str) -> str | None:
    """'The European Union said Brussels would freeze assets': a capital that is the seat of a body the
    text names, in a text that never names the capital's own country, stands for the body, not its
    country; the body's name, or None."""
    seat = BODY_SEATS.get(text)
    if seat is None:
        return None
    words = {t.text for t in doc}
    body_names = seat["body_names"]
    country_names = seat["country_names"]
    assert isinstance(body_names, list) and isinstance(country_names, list)
    named = any(n in words if " " not in n else n in doc_text(doc) for n in body_names)
    if not named or any(n in words for n in country_names):
        return None
    return str(seat["body"])


def person_name_end(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """'Denis Sassou Nguesso backed him', labelled 'Denis Sassou': the person's span ends in a compound
    whose head is the next word, a capitalised proper noun no entity holds, no English noun and no
    gazetteer name; that word is the name's last. The new end."""
    while (
        end < len(doc)
        and end - start < 5
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].tag_ == "NNP"
        and doc[end].is_title
        and doc[end].is_alpha
        and not doc[end].ent_type_
        and (doc[end].lower_ not in gaz.common_nouns or _surname_noun(doc, start, end, gaz))
        and gaz.lookup(doc[end].text) is None
        and doc[end].text not in gaz.capitals
    ):
        end += 1
    return end


def _surname_noun(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """'Dean Rusk', 'Ana Baker': after a lone given name, a surname that is also an English noun, when it
    heads the name and is no word of bodies, places, buildings or titles (round 16)."""
    word = doc[end].lower_
    return (
        end - start == 1
        and not doc[end].is_sent_start
        and doc[end].dep_ not in {"compound", "amod"}
        and word not in gaz.titles
        and word not in ORG_WORDS
        and word not in GOVERNMENT_NOUNS
        and word not in BUILDING_NOUNS
        and word not in PLACE_SUFFIXES
        and word not in FACILITY_SUFFIXES
    )


def relative_who(span: Span, gaz: Gazetteer) -> bool:
    """'X Y, who lives in Z': two to four plain name words the model read as a body, followed by ", who",
    name a person; bodies take "which" ("Human Rights Watch, who" has English nouns and stays)."""
    doc = span.doc
    if not 2 <= len(span) <= 4 or span.end + 1 >= len(doc) or gaz.lookup(span.text) is not None:
        return False
    return (
        doc[span.end].text == ","
        and doc[span.end + 1].lower_ == "who"
        and _plain_name_words(span, gaz)
        and not any(gaz.lookup(t.text) is not None for t in span)
    )


def plural_article_band(span: Span, gaz: Gazetteer) -> bool:
    """'Los Choneros and Los Lobos fought for control': a name the model read as a person that opens with
    a Spanish plural article is a band (gangs and cartels are named so), not a person; a town so named
    ("Los Angeles") is known to the gazetteer."""
    text = span.text
    return (
        len(span) >= 2
        and span[0].text in PLURAL_ARTICLES
        and gaz.lookup(text) is None
        and text not in gaz.cities
        and text not in gaz.capitals
    )
