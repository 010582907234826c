"""A one-word name the model read as a place, which the article writes as a person.

The small model labels short personal names that are also towns somewhere ("Kim", a town in Colorado)
or that it does not know (a surname alone in a headline) as places. Within one article such a name is
a person when the text writes it as one and never as a place: a relative "who" after it ("X, who
said"), a verb of speech it is the subject of ("X said", "X told reporters"), or the first or last word
of a person's full name in the same article ("X" of "X Jong Un"). A word the gazetteer knows as a
country, capital or named place, or one written after a place preposition ("in X", "near X"), stays a
place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.model import EntityKind
from loaders.entities.lexicon import LOCATIVE_PREPS, set_of
from loaders.gazetteer import Gazetteer
from loaders.mentions import Mention
from loaders.relations.lexicon import words

SPEECH_VERBS = words("speech_verbs") | set_of("person_act_verbs")


def _person_cue(doc: Doc, m: Mention) -> bool:
    """The mention is written as a person: 'X, who ...' or the subject of a verb of speech or feeling."""
    if m.end + 1 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].lower_ == "who":
        return True
    root = doc[m.start : m.end].root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS


def _located(doc: Doc, m: Mention) -> bool:
    return m.start > 0 and doc[m.start - 1].lower_ in LOCATIVE_PREPS


def retype_person_words(
    doc: Doc, raw: list[Mention], surfaces: dict[str, list[str]], kinds: dict[str, EntityKind], gaz: Gazetteer
) -> None:
    """Re-key one-word place mentions that the article writes as a person (`raw`, `surfaces`, `kinds`
    updated in place; the person key is then joined to a full name by the coreference step)."""
    full_words: set[str] = set()  # first and last words of the persons named in full
    for k, kind in kinds.items():
        parts = k.split("|", 1)[1].split()
        if kind == "person" and len(parts) > 1:
            full_words.update((parts[0], parts[-1]))
    by_key: dict[str, list[Mention]] = {}
    for m in raw:
        if m.kind == "place" and m.how in {"ner", "city"} and m.end - m.start == 1:
            by_key.setdefault(m.key, []).append(m)
    for key, ms in by_key.items():
        name = key.split("|", 1)[1]
        if gaz.lookup(name) is not None or name in gaz.capitals or any(_located(doc, m) for m in ms):
            continue
        if name not in full_words and not any(_person_cue(doc, m) for m in ms):
            continue
        new = f"person|{name}"
        for m in ms:
            m.key, m.kind = new, "person"
        surfaces.setdefault(new, []).extend(surfaces.pop(key))
        kinds.pop(key)
        kinds[new] = "person"
