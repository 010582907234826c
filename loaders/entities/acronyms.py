"""Long names spelled out before their acronym, and short forms made of the long name's own words.

"the Liberation Tigers of Tamil Eelam (LTTE)": the model often cuts such a name at "of"; the bracketed
acronym says where it starts. "Tamil Tiger rebels" in the same article is a short form of it: every word
of the short form (singular or plural) is a word of the long name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from graph.model import EntityKind, normalize_name
from loaders.doc_words import tokens_in
from loaders.entities.candidates import Candidate
from loaders.entities.lexicon import ARMED_WORDS, LED_PARTICIPLES, ORG_WORDS

CONNECTORS = frozenset({"of", "the", "and", "for", "al", "el"})
INITIAL_PREPS = frozenset({"in", "for", "on"})  # prepositions some acronyms spell (round 15, ent7)
MAX_NAME_WORDS = 10
# Nouns of members after a group's name ("Tamil Tiger rebels"): not words of the name itself
MEMBER_NOUNS = frozenset({"rebels", "fighters", "militants", "guerrillas", "insurgents", "snipers", "forces"})
BODY_KINDS = frozenset({"organization", "armed_group"})


def acronym_candidates(doc: Doc) -> list[Candidate]:
    """The capitalised words before "(ABC)" whose initials spell the acronym, as one name."""
    out = []
    for tok in tokens_in(doc, {"("}, 1, -2):  # the opening bracket the test below looks for
        abbr = doc[tok.i + 1]
        if not (tok.text == "(" and doc[tok.i + 2].text == ")" and abbr.is_alpha and abbr.is_upper):
            continue
        if not 2 <= len(abbr.text) <= 8:
            continue
        initials = ""
        start = tok.i
        for k in range(tok.i - 1, max(-1, tok.i - 1 - MAX_NAME_WORDS), -1):
            word = doc[k]
            if (
                word.lower_ in INITIAL_PREPS
                and initials
                and abbr.text.endswith(word.text[0].upper() + initials)
            ):
                initials = word.text[0].upper() + initials  # "Mission in South Sudan (UNMISS)": its "I"
                continue
            if word.lower_ in CONNECTORS and initials:
                continue
            if not (word.is_alpha and word.text[:1].isupper()):
                break
            initials = word.text[0].upper() + initials
            start = k
            if initials == abbr.text:
                out.append(Candidate(start, tok.i, "ORG", None, "acronym", 3))
                break
    return out


@lru_cache(maxsize=8192)
def _words(key: str) -> tuple[str, ...]:
    """The words of a key's name, singular, without a members' noun after the name (cached: the pairwise
    search below asks for every key's words once per other key)."""
    words = [
        w[:-1] if w.endswith("s") and len(w) > 3 else w for w in normalize_name(key.split("|", 1)[1]).split()
    ]
    return tuple(w for w in words if w + "s" not in MEMBER_NOUNS)


def _distinctive_word(key: str) -> bool:
    """A one-word name that can stand for a longer name ("the Tigers"): a capitalised plural that is no
    generic word of bodies ("Forces", "Guards", "Party" may be any body's)."""
    name = key.split("|", 1)[1]
    return (
        name[:1].isupper()
        and name.isalpha()
        and name.endswith("s")
        and len(name) > 4
        and name.lower() not in ORG_WORDS
        and not ARMED_WORDS.search(name)
    )


def _inner_word(word: str, long: str) -> bool:
    """`word` is inside a long name of three words or more, neither its first nor its last word:
    "Tigers" in "Liberation Tigers of Tamil Eelam", not "Liberation" nor "Eelam"."""
    words = _words(long)
    return len(words) >= 3 and word in words[1:-1]


def join_word_short_forms(keymap: dict[str, str], kinds: dict[str, EntityKind]) -> None:
    """'Tamil Tigers' -> 'Liberation Tigers of Tamil Eelam': a name of two or more words, all of them
    words of exactly one longer body's name in the article, is that body (an armed group if either is).
    A one-word plural name ("the Tigers") joins only when it is an inner word of that long name."""
    # One-word forms last, once the longer short forms ("Tamil Tiger rebels") have joined their long name
    for short in sorted(keymap, key=lambda k: (len(_words(k)) == 1, len(_words(k)))):
        if keymap[short] != short or kinds[short] not in BODY_KINDS | {"person"}:
            continue
        words = _words(short)
        if len(words) < 2 and not _distinctive_word(short):
            continue
        hits = [
            k
            for k in keymap
            if keymap[k] == k
            and k != short
            and kinds[k] in BODY_KINDS
            and len(_words(k)) > len(words)
            and set(words) <= set(_words(k))
            and not LED_PARTICIPLES & set(_words(k))  # "X-linked militants" is not X
        ]
        if len(hits) != 1 or (len(words) == 1 and not _inner_word(words[0], hits[0])):
            continue
        long = hits[0]
        if "armed_group" in {kinds[short], kinds[long]}:
            kinds[long] = "armed_group"
        for k, v in keymap.items():
            if v == short:
                keymap[k] = long
