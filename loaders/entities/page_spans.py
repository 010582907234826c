"""Spans that a web page's form runs into names (round 14, issue 9): title-case headlines, hashtags,
lists written with commas; and a language after "in", which the model reads as a place.

The small model reads capitals as names, so a headline in title case ("Militias Intensify Terror in X",
"Y Flown to Z") gives it runs of capitalised words that are no name, and a page's list of brands
("including A, B, C") one name with commas inside. Each function returns the span's new end; an end at
the start drops the span.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from loaders.entities.context import in_title_case_headline
from loaders.entities.lexicon import LANGUAGE_NAMES, LEGAL_SUFFIXES
from loaders.gazetteer import Gazetteer

LIST_LABELS = frozenset({"ORG", "PERSON", "FAC"})
OPENING_QUOTES = frozenset({"'", "\u2018", '"', "\u201c"})
NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al"})


def headline_name_end(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """A name on a title-case headline line counts only as far as the article writes it elsewhere: "Y
    Flown" is cut to "Y" when the story says "Y", and "Militias Intensify Terror" (the story says
    "militias") is dropped; a lone English word the story never writes ("Disagrees") is dropped. A
    gazetteer name stands."""
    span = doc[start:end]
    if gaz.lookup(span.text) is not None or not in_title_case_headline(span):
        return end
    first, last = start, end
    while first > 0 and "\n" not in doc[first - 1].text:
        first -= 1
    while last < len(doc) and "\n" not in doc[last].text:
        last += 1
    line = doc[first:last]
    # a page that prints its headline twice (a print view, a repost) writes the name only in the headline
    rest = "\n".join(x for x in doc.text.split("\n") if x.strip() != line.text.strip())
    if end - start == 1:  # "President Disagrees": a capitalised word the story never writes is no name
        word = doc[start].lower_
        common = _common_noun(word, gaz) or _common_verb(word, gaz) or word in gaz.verb_forms
        return start if common and not _written_in(doc[start].text, rest) else end
    for cut in range(end, start, -1):
        if (
            doc[cut - 1].is_alpha
            and _written_in(doc[start:cut].text, rest)
            and not all(_common_noun(t.lower_, gaz) for t in doc[start:cut])
        ):
            return cut  # "Rebels" of "Rebels Overrun X" is a capitalised noun opening a sentence, no name
    return start


def _common_noun(word: str, gaz: Gazetteer) -> bool:
    """A WordNet noun, singular or in a regular plural ("rebels", "militias")."""
    nouns = gaz.common_nouns
    return (
        word in nouns
        or (word.endswith("s") and word[:-1] in nouns)
        or (word.endswith("es") and word[:-2] in nouns)
    )


def _common_verb(word: str, gaz: Gazetteer) -> bool:
    """An English verb in a regular inflection ("disagrees", "intensified", "storming")."""
    verbs = gaz.common_verbs
    return any(
        word.endswith(e) and word[: len(word) - len(e)] in verbs for e in ("", "s", "es", "d", "ed", "ing")
    )


def _written_in(name: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def is_hashtag(doc: Doc, start: int) -> bool:
    """'#CityProtests': a hashtag files a post under a topic; it names no actor."""
    prev = doc[start - 1] if start > 0 else None
    return doc[start].text.startswith("#") or (prev is not None and prev.text == "#" and not prev.whitespace_)


def list_name_end(doc: Doc, start: int, end: int, label: str) -> int:
    """'including Acme, Bolt and Cove': the model's one body or person with a comma inside is the
    first name of a list ("X, Inc." keeps its legal form); 'X Y "Nick"': a person's name ends before
    the quoted nickname."""
    if label not in LIST_LABELS:
        return end
    if label == "PERSON":
        quote = next((k for k in range(start + 2, end) if doc[k].text in OPENING_QUOTES), None)
        if quote is not None:
            return quote
    for k in range(start + 1, end - 1):
        nxt = doc[k + 1]
        if (
            doc[k].text == ","
            and nxt.text[:1].isupper()
            and nxt.text.rstrip(".").lower() not in LEGAL_SUFFIXES
        ):
            return k
    return end


def spoken_language(doc: Doc, start: int, end: int) -> bool:
    """'the statement in Farsi', 'a message in Swahili': a language named after "in", ending its phrase."""
    return (
        end - start == 1
        and start > 0
        and doc[start - 1].lower_ == "in"
        and doc[start].lower_ in LANGUAGE_NAMES
        and (end == len(doc) or doc[end].pos_ not in {"NOUN", "PROPN"})
    )


def is_nickname(doc: Doc, start: int, end: int) -> bool:
    """ "X Y 'Nick'": one quoted word right after a person's name is the person's nickname, no name of a
    place or another person."""
    if end - start != 1 or start < 2 or end >= len(doc):
        return False
    quote, before = doc[start - 1], doc[start - 2]
    return (
        quote.text in OPENING_QUOTES
        and doc[end].text in {"'", "\u2019", '"', "\u201d"}
        and before.ent_type_ == "PERSON"
        and before.is_title
    )


def is_shouted_slogan(doc: Doc, start: int, end: int) -> bool:
    """'RUSSIANS GO HOME!': a run of upper-case words in a line written all in capitals that holds a
    function word no name has ("go", "now", "out", "with"): a slogan or a shouted headline, no name
    ("BANK OF X" keeps its "of")."""
    span = doc[start:end]
    if len(span) < 2 or not all(t.is_upper for t in span if t.is_alpha):
        return False  # the span's own case first: the sentence is read only for an all-capitals span
    return all(t.is_upper for t in span.sent if t.is_alpha) and any(
        t.lower_ in STOP_WORDS and t.lower_ not in NAME_FUNCTION_WORDS for t in span
    )
