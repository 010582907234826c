"""Deterministic ids: the same actor, relation, event or article reported twice gets one id.

Names are compared by `normalize_name` (case, accents, punctuation and a possessive ignored); ids are
readable for entities (``country:russia``) and short hashes for the rest.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from graph.ontology import SYMMETRIC_TYPES, DatePrecision


@lru_cache(maxsize=200_000)  # pure, and called for the same few names again and again
def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name ("Bashar al-Assad's" -> "bashar al assad")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]s\b", "", text)
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def digest(*parts: str) -> str:
    """A 16-hex-digit hash of the parts (joined by a unit separator, so part boundaries count)."""
    # surrogatepass: a lone surrogate from a JSON escape still hashes, never raises.
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


# Nouns of a crowd or of fighters that name nobody in particular: "protesters" or "terrorists" in two
# articles are two crowds (Armenian protesters, Venezuelan ones), so their node is the article's own
# (`entity_id(..., scope=article)`). Holds the heads of the gazetteer's collectives
# (loaders/data/gazetteer.json; tests/resolve/test_generic_collectives.py keeps the two in step).
GENERIC_COLLECTIVE_HEADS = frozenset(
    [
        "protesters",
        "protestors",
        "demonstrators",
        "civilians",
        "refugees",
        "residents",
        "opposition",
        "activists",
        "medics",
        "militia",
        "militias",
        "militiamen",
        "rebels",
        "rebel",
        "insurgents",
        "insurgent",
        "fighters",
        "militants",
        "jihadists",
        "jihadist",
        "guerrillas",
        "paramilitaries",
        "paramilitary",
        "separatists",
        "junta",
        "mercenaries",
        "factions",
        "gangs",
        "bandits",
        "maoists",
        "naxals",
        "naxalites",
        "gunmen",
        "terrorists",
        "soldiers",
        "troops",
        "forces",
        "crowds",
        "mourners",
        "students",
        "workers",
        "villagers",
        "rescue workers",
        "rebel groups",
        "armed groups",
    ]
)
# Words before the head that still name no one: quantities and vague adjectives ("thousands of
# protesters" is read as "thousands protesters" by normalize_name, "many civilians", "armed men").
_VAGUE = frozenset(
    [
        "some",
        "many",
        "several",
        "thousands",
        "hundreds",
        "dozens",
        "of",
        "few",
        "more",
        "most",
        "other",
        "angry",
        "local",
        "armed",
        "alleged",
        "suspected",
        "unidentified",
        "remaining",
        "fellow",
    ]
)


@lru_cache(maxsize=200_000)
def is_generic_collective(name: str) -> bool:
    """A crowd named only by its noun ("Protesters", "the militants", "thousands of demonstrators"),
    without a proper name, a people or a place: such a name means another crowd in each article."""
    words = normalize_name(name).split()
    while words and " ".join(words) not in GENERIC_COLLECTIVE_HEADS and words[0] in _VAGUE:
        words = words[1:]
    return bool(words) and " ".join(words) in GENERIC_COLLECTIVE_HEADS


@lru_cache(maxsize=200_000)
def entity_id(kind: str, name: str, scope: str | None = None) -> str:
    """Readable id from kind and normalised canonical name: ``country:russia``, ``person:sergei-lavrov``.

    With `scope` (an article id) and a generic collective name, the id is the article's own:
    ``group:protesters@3f2a9c1b0d4e``; every other name ignores `scope`.
    """
    key = normalize_name(name).replace(" ", "-")
    if not key:
        raise ValueError(f"entity name {name!r} has no letters or digits")
    if scope and is_generic_collective(name):
        return f"{kind}:{key}@{scope.rpartition(':')[2][:12]}"
    return f"{kind}:{key}"


def is_article_scoped(entity_id: str) -> bool:
    """The id is one article's generic collective (never joined across articles)."""
    return "@" in entity_id


def relation_id(rtype: str, source_id: str, target_id: str) -> str:
    """Id of the typed relation; symmetric types are ordered so either direction gives one id."""
    if rtype in SYMMETRIC_TYPES and target_id < source_id:
        source_id, target_id = target_id, source_id
    return f"rel:{digest(rtype, source_id, target_id)}"


def event_id(
    etype: str, when: str | None, actor_ids: list[str], location_id: str | None, target_ids: list[str]
) -> str:
    """Id from what identifies the real-world event: type, date, actors and place.

    Targets only count when there is no place, so two reports that name the same strike's place but list
    its targets differently still meet on one node.
    """
    where = location_id or ",".join(sorted(set(target_ids)))
    return f"event:{digest(etype, when or '', ','.join(sorted(set(actor_ids))), where)}"


def article_id(url: str | None, text: str | None) -> str:
    """Article id: a hash of the URL when there is one, else of the text."""
    if url:
        return f"article:{digest('url', url.strip())}"
    if text is None:
        raise ValueError("an article needs a url or a text to have an id")
    return f"article:{digest('text', text.strip())}"


def date_precision(value: str | None) -> DatePrecision | None:
    """Precision of a contract date string ("2017-04" -> "month")."""
    if value is None:
        return None
    return {10: "day", 7: "month", 4: "year"}[len(value)]  # type: ignore[return-value]


def covering_date(lo: str, hi: str) -> str | None:
    """The finest partial date holding both days: the day, the month, the year, or None."""
    for size in (10, 7, 4):
        if lo[:size] == hi[:size]:
            return lo[:size]
    return None
