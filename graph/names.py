"""Name keys for resolving actors across articles: tokens, transliteration-insensitive keys, acronyms.

Romanised names vary in regular ways (Sergei/Sergey/Sergej, Gaddafi/Qaddafi/Kadhafi, al-Assad/Assad,
Muammar/Moammar). Rather than list variants, a name is reduced to a *phonetic form* per token, where the
letters romanisation systems disagree on are folded together, and to a *skeleton* (consonants only) used
to find candidates cheaply; candidates are then checked with rapidfuzz on the phonetic forms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from graph.model import normalize_name

# Arabic, Dutch, German, French, Spanish and Italian articles and "son of" particles: romanisations keep
# or drop them ("Bashar al-Assad" / "Bashar Assad"), so they never decide a match.
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "as",
        "ash",
        "at",
        "ar",
        "an",
        "az",
        "ul",
        "bin",
        "ibn",
        "bint",
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "la",
        "le",
    ]
)
# The Arabic article as romanised before a name ("al-Jufra", "ash-Shuayrat", "el-Fasher"): news writes a
# place with and without it.
ARABIC_ARTICLES = frozenset(["al", "el", "ad", "ar", "as", "ash", "at", "an", "az"])


def without_arabic_article(normalised: str) -> str:
    """A normalised name without a leading Arabic article ("al jufra" -> "jufra"); a name that is only
    the article stays as it is."""
    first, _, rest = normalised.partition(" ")
    return rest if first in ARABIC_ARTICLES and rest else normalised


# Words that do not count in an acronym ("Organisation of the Petroleum Exporting Countries" -> OPEC).
ACRONYM_STOPWORDS = frozenset(["of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le"])
# Descriptive prefixes of a collective actor ("Kurdish-led", "Iranian-backed"): the actor is what follows.
DESCRIPTOR = re.compile(
    r"^(?:[\w'\u2019]+-(?:led|backed|allied|aligned|supported|sponsored|funded|affiliated|dominated|"
    r"controlled|linked|based|run|trained|armed|influenced)\s+)+",
    re.IGNORECASE,
)
# Generic heads that follow a group's own name ("Houthi rebels" is the Houthis).
GENERIC_HEADS = frozenset(
    [
        "rebels",
        "rebel",
        "militia",
        "militias",
        "militants",
        "fighters",
        "insurgents",
        "forces",
        "movement",
        "group",
    ]
)
# Words that make a place name the administrative area around it ("Homs province", "Donetsk region"):
# news writes the area and its namesake city interchangeably.
ADMIN_AREAS = ("province", "governorate", "oblast", "prefecture", "region")
# British and American spellings of one word ("Defence"/"Defense", "Theatre"/"Theater", "Labour").
_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"([^aeiou])re$"), r"\1er"),
    (re.compile(r"our$"), "or"),
)
# Ordered substitutions: digraphs first, then single letters romanisations swap freely.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("tch", "ch"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("kh", "k"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("g", "k"),
    ("c", "k"),
    ("w", "v"),
    ("j", "i"),
    ("y", "i"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "i"),
    ("ei", "i"),
    ("ii", "i"),
    ("x", "ks"),
    ("z", "s"),
)
_VOWELS = re.compile(r"[aeiou]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def phonetic(token: str) -> str:
    """A token with the letters romanisations disagree on folded ("qaddafi" and "gaddafi" -> "kadafi")."""
    text = token.lower()
    for pattern, repl in _SPELLINGS:
        text = pattern.sub(repl, text)
    for a, b in _FOLDS:
        text = text.replace(a, b)
    text = _DOUBLE.sub(r"\1", text)
    if len(text) > 4 and text.endswith("s"):  # plural and possessive artefacts ("Houthis", "Gaddafis")
        text = text[:-1]
    return text


@lru_cache(maxsize=100_000)
def skeleton(token: str) -> str:
    """First letter plus consonants of the phonetic form: a coarse block key for candidate lookup."""
    ph = phonetic(token)
    return _DOUBLE.sub(r"\1", ph[:1] + _VOWELS.sub("", ph[1:]))


@lru_cache(maxsize=100_000)
def tokens(name: str) -> tuple[str, ...]:
    """Normalised words of a name without particles (kept when the name is nothing but particles)."""
    words = normalize_name(name).split()
    core = tuple(w for w in words if w not in PARTICLES)
    return core or tuple(words)


# A generational suffix ends a person's name but is not the surname: "Teodoro Locsin Jr." is "Locsin"
# again later in the story. Only surname matching skips it; a whole name keeps it ("X Jr." and "X Sr."
# are two people).
GENERATIONAL_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def surname(name: str) -> str:
    """The last word of a name that is not a generational suffix, as written ("Locsin" of "Teodoro
    Locsin Jr.")."""
    words = name.split()
    while len(words) > 1 and normalize_name(words[-1]) in GENERATIONAL_SUFFIXES:
        words.pop()
    return words[-1] if words else name


def last_words(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The normalised last word of a name, and the surname before a generational suffix when it ends in
    one: what a shorter form of the name may end in."""
    if not toks:
        return ()
    core = list(toks)
    while len(core) > 1 and core[-1] in GENERATIONAL_SUFFIXES:
        core.pop()
    return (toks[-1],) if core[-1] == toks[-1] else (toks[-1], core[-1])


def phonetic_key(name: str) -> str:
    """Transliteration-insensitive key of a whole name ("Sergey Lavrov" == "Sergei Lavrov")."""
    return " ".join(phonetic(t) for t in tokens(name))


def acronym(name: str) -> str:
    """Initials of the significant words ("Syrian Democratic Forces" -> "sdf"); "" for one-word names."""
    words = [w for w in normalize_name(name).split() if w not in ACRONYM_STOPWORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def looks_like_acronym(name: str) -> bool:
    """An all-capital single word of 2 to 6 letters ("SDF", "IRGC")."""
    return bool(re.fullmatch(r"[A-Z]{2,6}", name.strip()))


def core_names(name: str) -> list[str]:
    """The actor inside a descriptive phrase, fullest first, without `name` itself:
    "Kurdish-led Syrian Democratic Forces" -> ["Syrian Democratic Forces", "Syrian Democratic"],
    "Iranian-backed Houthi rebels" -> ["Houthi rebels", "Houthi"]."""
    core = DESCRIPTOR.sub("", name.strip())
    out = [core]
    words = core.split()
    if len(words) >= 2 and normalize_name(words[-1]) in GENERIC_HEADS:
        out.append(" ".join(words[:-1]))
        if len(words) >= 3:  # "Shiite Houthi rebels": the word before the generic head names the group
            out.append(words[-2])
    return [c for c in out if normalize_name(c) and normalize_name(c) != normalize_name(name)]


def area_forms(name: str) -> list[str]:
    """The other names of a place and its administrative area: "Homs province" -> ["Homs", "Homs
    governorate", ...]; "Homs" -> ["Homs province", "Homs governorate", ...]."""
    words = name.split()
    base = " ".join(words[:-1]) if len(words) >= 2 and words[-1].lower() in ADMIN_AREAS else name
    return [
        n for n in [base, *(f"{base} {a}" for a in ADMIN_AREAS)] if normalize_name(n) != normalize_name(name)
    ]


def same_token(a: str, b: str, threshold: float = 75.0) -> bool:
    """Two words are one name in two romanisations: equal phonetic forms, or one consonant skeleton and
    close phonetic forms ("muamar" / "moamar"). Vowels vary between romanisations, consonants rarely do."""
    pa, pb = phonetic(a), phonetic(b)
    if pa == pb:
        return True
    if min(len(pa), len(pb)) < 4 or skeleton(a) != skeleton(b):
        return False  # short words differ by one letter too easily ("Kim" / "Kin")
    return fuzz.ratio(pa, pb) >= threshold


def is_variant(a: str, b: str) -> bool:
    """Same words in the same order, each pair a romanisation variant ("Muammar Gaddafi" / "Moammar Qaddafi")."""
    ta, tb = tokens(a), tokens(b)
    return len(ta) == len(tb) and all(same_token(x, y) for x, y in zip(ta, tb, strict=True))


def is_short_form(short: str, full: str) -> bool:
    """`short` names `full` by fewer of its words, keeping the last one (surname or head noun).

    "Putin" / "Vladimir Putin", "Assad" / "Bashar al-Assad", "Recep Erdogan" / "Recep Tayyip Erdogan".
    """
    ts, tf = tokens(short), tokens(full)
    while len(tf) > 1 and tf[-1] in GENERATIONAL_SUFFIXES and ts and ts[-1] not in GENERATIONAL_SUFFIXES:
        tf = tf[:-1]  # "Locsin" / "Teodoro Locsin Jr."
    if not ts or len(ts) >= len(tf) or not same_token(ts[-1], tf[-1]):
        return False
    i = 0  # the other words of `short` appear in `full` in order
    for word in ts[:-1]:
        while i < len(tf) - 1 and not same_token(word, tf[i]):
            i += 1
        if i >= len(tf) - 1:
            return False
        i += 1
    return True


def is_family_name_first(short: str, full: str) -> bool:
    """One word that is the first of a longer person's name: family names first ("Xi" / "Xi Jinping",
    "Kim" / "Kim Jong Un"). Only ever joined when one full name in the graph has it (docs/resolution.md)."""
    ts, tf = tokens(short), tokens(full)
    return len(ts) == 1 and len(tf) >= 2 and same_token(ts[0], tf[0])


def similarity(a: str, b: str) -> float:
    """0-100 similarity of two names' phonetic keys (rapidfuzz token-sort ratio)."""
    return float(fuzz.token_sort_ratio(phonetic_key(a), phonetic_key(b)))
