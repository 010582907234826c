"""The `GraphStore` protocol: what the API, the CLI and the views may ask of a graph store.

Shaped by the domain, not by a backend: no Cypher crosses it except through `cypher()`, the read-only
escape hatch for users. `EmbeddedStore` (networkx) and `Neo4jStore` implement it; `tests/contract/`
runs one suite on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Article, Entity, EntityKind, Event, EventType, Extraction, Relation, RelationType
from graph.results import CypherResult, EntityHit, Page, Path, Stats, Subgraph, UpsertReport

ExportFormat = Literal["json", "graphml"]


class RelationFilter(BaseModel):
    """Which relations to list. Dates compare with the evidence dates (YYYY-MM-DD prefixes)."""

    model_config = ConfigDict(extra="forbid")

    types: list[RelationType] | None = None
    source: str | None = Field(default=None, description="entity id at either end for symmetric types")
    target: str | None = None
    entity: str | None = Field(default=None, description="entity id at either end")
    since: str | None = None
    until: str | None = None


class EventFilter(BaseModel):
    """Which events to list: by type, participant (actor or target), place and date window."""

    model_config = ConfigDict(extra="forbid")

    types: list[EventType] | None = None
    actor: str | None = Field(default=None, description="entity id among actors or targets")
    place: str | None = Field(default=None, description="entity id of the location")
    since: str | None = None
    until: str | None = None


@runtime_checkable
class GraphStore(Protocol):
    """A knowledge graph of actors, places, events and the articles that report them."""

    @property
    def kind(self) -> Literal["embedded", "neo4j"]:
        """Which backend this is."""
        ...

    def upsert(self, extractions: Iterable[Extraction], batch_size: int = 200) -> UpsertReport:
        """Merge extractions in batches; loading the same extraction twice changes nothing."""
        ...

    def merge_entities(self, keep_id: str, drop_id: str) -> Entity:
        """Move every relation, event role and alias of `drop_id` onto `keep_id` and delete `drop_id`.

        Evidence is unioned, relation and event ids are recomputed deterministically (two that become
        one merge), `drop_id`'s name joins the aliases. `NotFound` for an unknown `keep_id`, or an unknown
        `drop_id` that is not already merged into it; merging again changes nothing.
        """
        ...

    def merge_events(self, keep_id: str, drop_id: str) -> Event:
        """Fold event `drop_id` into `keep_id`: evidence, actors, targets unioned, the place kept (or
        taken), the more precise date kept, `drop_id` (and its own `merged_from`) appended to
        `merged_from`, `drop_id` deleted. `NotFound` for an unknown id unless already merged; idempotent."""
        ...

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id; `NotFound` if there is none."""
        ...

    def find_entity(self, name_or_id: str) -> Entity:
        """An entity by id, exact name or alias (case- and accent-insensitive); `NotFound` if none."""
        ...

    def search_entities(
        self, q: str | None = None, kind: EntityKind | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntityHit]:
        """Entities matching `q` by name or alias (case- and accent-insensitive): exact, prefix, word and
        fuzzy matches in that order, then by degree, name and id (graph/search.py); all by degree without q.
        """
        ...

    def prepare_search(self, load: bool = True) -> str:
        """ "ready" when no search at the current graph version needs to read its candidates from the
        store cold; otherwise "stale" (and with `load`, prepare them now: may take seconds), or "off"
        when the graph is past what the store prepares (docs/api.md, "Search readiness")."""
        ...

    def neighbors(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[RelationType] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Subgraph:
        """The entity's neighbourhood to `depth` hops over typed relations (either direction)."""
        ...

    def relations(
        self, flt: RelationFilter | None = None, limit: int = 100, offset: int = 0
    ) -> Page[Relation]:
        """Relations matching the filter, with their evidence, ordered by id."""
        ...

    def events(self, flt: EventFilter | None = None, limit: int = 100, offset: int = 0) -> Page[Event]:
        """Events matching the filter, with their evidence, ordered by date then id."""
        ...

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 4, limit: int = 10
    ) -> list[Path]:
        """All shortest paths (up to `limit`) between two entities over typed relations."""
        ...

    def subgraph(self, ids: Iterable[str]) -> Subgraph:
        """The entities with these ids, the relations among them and the events that involve them."""
        ...

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all of them when `ids` is None), ordered by id."""
        ...

    def stats(self) -> Stats:
        """Counts of entities, distinct typed relations, events and articles."""
        ...

    def export(self, fmt: ExportFormat = "json") -> str:
        """The whole graph as JSON (`Subgraph` shape plus articles) or GraphML."""
        ...

    def clear(self) -> None:
        """Remove everything."""
        ...

    def cypher(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        row_limit: int | None = None,
        timeout: float | None = None,
    ) -> CypherResult:
        """Run a read-only Cypher query; `WriteRefused` for writes, `QueryError` otherwise."""
        ...

    def version(self) -> str:
        """An opaque, cheap token that changes whenever a committed write lands, from any process."""
        ...

    def ping(self) -> None:
        """Return if the store is reachable; raise `StoreUnavailable` otherwise."""
        ...

    def close(self) -> None:
        """Release connections and flush what is pending."""
        ...
