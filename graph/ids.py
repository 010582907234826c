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


@lru_cache(maxsize=200_000)
def entity_id(kind: str, name: str) -> str:
    """Readable id from kind and normalised canonical name: ``country:russia``, ``person:sergei-lavrov``."""
    key = normalize_name(name).replace(" ", "-")
    if not key:
        raise ValueError(f"entity name {name!r} has no letters or digits")
    return f"{kind}:{key}"


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
