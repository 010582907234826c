"""Property maps of the stored schema, shared by both stores so that Cypher sees the same values.

A relation's or event's evidence is one property, `evidence`: a JSON list of
`{"sentence", "article_id", "date", "confidence"}` serialised once per write, next to the summaries Cypher
users filter on (`evidence_count`, `first_seen`, `last_seen`, `article_ids`, `dates`). One string instead
of six parallel lists lets a merge be a plain `SET` of values computed in Python (docs/neo4j.md).
Dates are ISO strings; lists never hold null (Neo4j cannot store it). Absent scalars are None.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from graph.model import Article, Entity, Event, Evidence, Relation, normalize_name

# Cypher-visible evidence properties and their LadybugDB column types (the embedded Cypher mirror).
EVIDENCE_COLUMNS = {
    "evidence_count": "INT64",
    "article_ids": "STRING[]",
    "dates": "STRING[]",
    "evidence": "STRING",
}


def _str(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def evidence_item_json(sentence: str | None, article_id: str, date: str | None, confidence: float) -> str:
    """One piece of evidence as the JSON object `evidence_json` writes (from plain values)."""
    return (
        f'{{"sentence":{_str(sentence)},"article_id":{_str(article_id)},"date":{_str(date)},'
        f'"confidence":{confidence!r}}}'
    )


def _evidence_item(e: Evidence) -> str:
    return evidence_item_json(e.sentence, e.article_id, e.date, e.confidence)


def evidence_json(evidence: list[Evidence]) -> str:
    """The evidence list as the compact JSON string both stores keep.

    Written out with json's own string escaping: byte for byte what `json.dumps(..., ensure_ascii=False,
    separators=(",", ":"))` gives, at a fifth of its cost (one call per relation at ingest).
    """
    if len(evidence) == 1:
        return "[" + _evidence_item(evidence[0]) + "]"
    return "[" + ",".join(_evidence_item(e) for e in evidence) + "]"


def evidence_props(evidence: list[Evidence]) -> dict[str, Any]:
    """The evidence as one JSON string, plus its count, distinct articles and distinct dates."""
    if len(evidence) == 1:  # the common case at ingest: no sets to build and sort
        e = evidence[0]
        return {
            "evidence_count": 1,
            "article_ids": [e.article_id],
            "dates": [e.date] if e.date else [],
            "evidence": evidence_json(evidence),
        }
    return {
        "evidence_count": len(evidence),
        "article_ids": sorted({e.article_id for e in evidence}),
        "dates": sorted({e.date for e in evidence if e.date}),
        "evidence": evidence_json(evidence),
    }


def evidence_from_props(props: dict[str, Any]) -> list[Evidence]:
    """The inverse of `evidence_props` (values were validated when they were written)."""
    raw = props.get("evidence")
    return [Evidence.model_construct(**item) for item in json.loads(raw)] if raw else []


def entity_props(e: Entity) -> dict[str, Any]:
    """An entity node's properties."""
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "aliases": list(e.aliases),
        "name_key": normalize_name(e.name),
        "alias_keys": sorted({normalize_name(a) for a in e.aliases} - {""}),
        "country_code": e.country_code,
        "titles": list(e.titles),
        "lat": e.lat,
        "lon": e.lon,
    }


def relation_props(r: Relation) -> dict[str, Any]:
    """A typed relationship's properties (summaries computed once here, not in Cypher)."""
    ev = evidence_props(r.evidence)
    dates = ev["dates"]
    return {
        "id": r.id,
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "titles": list(r.titles),
        "confidence": float(r.confidence),
        **ev,
    }


def event_props(e: Event) -> dict[str, Any]:
    """An event node's properties."""
    return {
        "id": e.id,
        "type": e.type,
        "label": e.label,
        "date": e.date,
        "date_precision": e.date_precision,
        "killed": e.killed,
        "wounded": e.wounded,
        "quantity": e.quantity,
        **evidence_props(e.evidence),
    }


def article_props(a: Article) -> dict[str, Any]:
    """An article node's properties."""
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "published": a.published,
        "ingested_at": a.ingested_at.isoformat() if a.ingested_at else None,
    }
