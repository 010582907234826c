"""Driver records as the model's objects: the store's own reads (user Cypher: neo4j_cypher.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.model import Article, Entity, Event, Relation
from graph.stores.props import evidence_from_props

ENTITY_FIELDS = ("id", "name", "kind", "aliases", "country_code", "titles", "lat", "lon")


def entity_from_node(node: Any) -> Entity:
    """An `Entity` node as the model's entity (its stored `degree` left out)."""
    props = dict(node)
    return Entity(**{k: props.get(k) for k in ENTITY_FIELDS if props.get(k) is not None})


def relation_from_row(row: Mapping[str, Any]) -> Relation:
    """A row of `r` (the relationship's properties), `type`, `s` and `t` (its ends' ids) as a relation."""
    props = row["r"]
    return Relation(
        id=props["id"],
        type=row["type"],
        source=row["s"],
        target=row["t"],
        titles=list(props.get("titles") or []),
        evidence=evidence_from_props(props),
    )


def event_from_node(node: Any, links: Mapping[str, Any] | None) -> Event:
    """An `Event` node and its links (`location`, `actors`, `targets`: ids) as the model's event."""
    props = dict(node)
    return Event(
        id=props["id"],
        type=props["type"],
        label=props.get("label"),
        date=props.get("date"),
        date_precision=props.get("date_precision"),
        killed=props.get("killed"),
        wounded=props.get("wounded"),
        quantity=props.get("quantity"),
        location=(links or {}).get("location"),
        actors=sorted((links or {}).get("actors") or []),
        targets=sorted((links or {}).get("targets") or []),
        evidence=evidence_from_props(props),
        merged_from=list(props.get("merged_from") or []),
    )


def article_from_node(node: Any) -> Article:
    """An `Article` node as the model's article."""
    props = dict(node)
    return Article(**{k: v for k, v in props.items() if v is not None})
