"""Response models of the API (the domain models are reused where they fit)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from graph.model import Entity, Event, Relation
from graph.search import BROAD_CANDIDATES

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    store: str
    message: str | None = None
    # "ready": no search meets a cold stem at the current graph version; "warming" (not prepared yet),
    # "stale" (the graph changed since), "off" (past the bound, or not asked), "unavailable" (docs/api.md).
    search: str | None = None


class EntityItem(BaseModel):
    id: str
    name: str
    kind: str
    aliases: list[str]
    degree: int


class EntityPage(BaseModel):
    items: list[EntityItem]
    total: int
    limit: int
    offset: int
    capped: bool = Field(
        default=False,
        description=f"a broad query (every word begins words of more than {BROAD_CANDIDATES:,} entities): only "
        f"its exact matches and the {BROAD_CANDIDATES:,} most connected entities were ranked, and `total` "
        "counts those",
    )


class EntityDetail(BaseModel):
    entity: Entity
    relations: dict[str, list[Relation]] = Field(description="relations at this entity, by type")
    events: list[Event]


class Node(BaseModel):
    id: str
    label: str
    kind: str


class Edge(BaseModel):
    id: str
    source: str
    target: str
    type: str
    evidence_count: int
    first_seen: str | None = None
    last_seen: str | None = None


class Graph(BaseModel):
    nodes: list[Node]
    edges: list[Edge]
    events: list[Event] = Field(default_factory=list)


class RelationOut(BaseModel):
    id: str
    type: str
    source: str
    target: str
    evidence_count: int
    first_seen: str | None
    last_seen: str | None
    titles: list[str]
    evidence: list[dict[str, Any]]


class RelationPage(BaseModel):
    items: list[RelationOut]
    total: int
    limit: int
    offset: int


class EventPage(BaseModel):
    items: list[Event]
    total: int
    limit: int
    offset: int


class PathOut(BaseModel):
    length: int
    nodes: list[Node]
    edges: list[Edge]


class PathsOut(BaseModel):
    source: str
    target: str
    paths: list[PathOut]


class CypherIn(BaseModel):
    query: str = Field(min_length=1, max_length=20_000)
    params: dict[str, Any] = Field(default_factory=dict)


class ArticleIn(BaseModel):
    """One article: `text` or `html`, with its metadata."""

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


class IngestOut(BaseModel):
    articles: int
    added: dict[str, list[str]]
    merged: dict[str, list[str]]
    evidence_added: int
