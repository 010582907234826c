"""What stores answer: search hits, pages, subgraphs, paths, counts, upsert reports and Cypher rows."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from graph.model import Entity, Event, Relation, StrictModel


class EntityHit(StrictModel):
    """A search result: the entity and its degree (number of typed relations)."""

    entity: Entity
    degree: int = 0


class Subgraph(StrictModel):
    """Entities, the relations among them and the events that involve them."""

    entities: list[Entity] = []
    relations: list[Relation] = []
    events: list[Event] = []


class Path(StrictModel):
    """A path between two entities: nodes in order and the relation taken at each hop."""

    entities: list[Entity]
    relations: list[Relation]

    @property
    def length(self) -> int:
        return len(self.relations)


T = TypeVar("T")


class Page(StrictModel, Generic[T]):
    """One page of a longer list."""

    items: list[T]
    total: int
    limit: int
    offset: int
    # Only entity search sets it: a broad query ranked its exact matches and the most connected entities
    # only, and `total` counts those (graph/search.py).
    capped: bool = False


class Stats(StrictModel):
    """Counts in a store. `relations` counts distinct typed relations (a symmetric one once)."""

    entities: int
    relations: int
    events: int
    articles: int
    entities_by_kind: dict[str, int] = {}
    relations_by_type: dict[str, int] = {}
    events_by_type: dict[str, int] = {}
    evidence: int = 0


class UpsertReport(StrictModel):
    """What one batch of upserts did: ids added and ids merged into existing records."""

    articles_added: list[str] = []
    articles_merged: list[str] = []
    entities_added: list[str] = []
    entities_merged: list[str] = []
    relations_added: list[str] = []
    relations_merged: list[str] = []
    events_added: list[str] = []
    events_merged: list[str] = []
    evidence_added: int = 0

    def add(self, other: UpsertReport) -> None:
        """Fold another report into this one."""
        for name in type(self).model_fields:
            if name == "evidence_added":
                self.evidence_added += other.evidence_added
            else:
                getattr(self, name).extend(getattr(other, name))


class CypherResult(StrictModel):
    """Rows of a read-only Cypher query: plain JSON values (nodes and relationships as dicts)."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False


# pydantic caches parametrised generic models weakly: a `Page[EntityHit]` that no live object holds is
# rebuilt at the next use, which costs 1-10 ms (measured in a search under load). The stores' pages are
# kept here for the life of the process.
_PAGE_TYPES = (Page[EntityHit], Page[Relation], Page[Event])
