"""Property maps of the stored schema, shared by both stores so that Cypher sees the same values.

Dates are ISO strings; lists never hold null (Neo4j cannot store it), so a missing sentence or date
inside the parallel evidence lists is "". Absent scalars are None (not set in Neo4j).
"""

from __future__ import annotations

from typing import Any

from graph.model import Article, Entity, Event, Evidence, Relation, normalize_name


def evidence_props(evidence: list[Evidence]) -> dict[str, Any]:
    """Parallel lists for a relation's or event's evidence, plus its count and articles."""
    return {
        "evidence_count": len(evidence),
        "article_ids": sorted({e.article_id for e in evidence}),
        "ev_keys": [e.key for e in evidence],
        "ev_sentences": [e.sentence or "" for e in evidence],
        "ev_articles": [e.article_id for e in evidence],
        "ev_dates": [e.date or "" for e in evidence],
        "ev_confidences": [float(e.confidence) for e in evidence],
    }


def evidence_from_props(props: dict[str, Any]) -> list[Evidence]:
    """The inverse of `evidence_props`."""
    return [
        Evidence(sentence=s or None, article_id=a, date=d or None, confidence=c)
        for s, a, d, c in zip(
            props.get("ev_sentences") or [],
            props.get("ev_articles") or [],
            props.get("ev_dates") or [],
            props.get("ev_confidences") or [],
            strict=False,
        )
    ]


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
    """A typed relationship's properties."""
    return {
        "id": r.id,
        "first_seen": r.first_seen,
        "last_seen": r.last_seen,
        "titles": list(r.titles),
        "confidence": float(r.confidence),
        **evidence_props(r.evidence),
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
