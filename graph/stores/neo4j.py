"""The Neo4j store: the official driver, batched `UNWIND ... MERGE` writes, read-only user Cypher.

`Neo4jStore` is the `GraphStore` (graph/store.py); the work is done by the modules beside it:
neo4j_connection.py (sessions, retries, driver errors as `KGError`s), neo4j_schema.py (constraints,
indexes, the degree back-fill), neo4j_batch.py and neo4j_upsert.py (ingest), neo4j_merge.py (merging
entities and events), neo4j_reads.py (graph reads), neo4j_search.py (entity search, its rows kept by
neo4j_row_memo.py), neo4j_cypher.py (the user's Cypher).
All their Cypher is in neo4j_queries.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from neo4j import Driver

from graph.cypher_guard import check_query
from graph.model import Article, Entity, EntityKind, Event, Extraction, Relation, RelationType
from graph.results import CypherResult, EntityHit, Page, Path, Stats, Subgraph, UpsertReport
from graph.search import BroadCache
from graph.store import EventFilter, ExportFormat, RelationFilter
from graph.stores import neo4j_merge, neo4j_reads, neo4j_row_memo, neo4j_search, neo4j_upsert
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_connection import Neo4jConnection
from graph.stores.neo4j_cypher import run_user_cypher
from graph.stores.neo4j_schema import open_schema


class Neo4jStore:
    """A `GraphStore` on a Neo4j server reached through the driver it is handed."""

    kind: Literal["neo4j"] = "neo4j"

    def __init__(
        self,
        driver: Driver,
        database: str = "neo4j",
        owns_driver: bool = False,
        version_ttl: float = 0.0,
        ingest_in_flight: int = 2,
    ) -> None:
        # version_ttl > 0 (the API's KG_API_VERSION_TTL): searches may answer from what was kept at the
        # version a read saw less than that long ago (Neo4jConnection.trusted_version).
        self.conn = Neo4jConnection(driver, database, version_ttl)
        self.owns_driver = owns_driver
        # Batches an ingest may have in flight at once (graph/stores/neo4j_upsert.py, KG_NEO4J_INGEST_IN_FLIGHT):
        # 2 was faster than 1 in every idle pair of bench/ingest.py (docs/neo4j.md, round 14).
        self.ingest_in_flight = ingest_in_flight
        open_schema(self.conn)
        self._broad = BroadCache()  # the most connected entities and broad queries, per graph version
        self._search_rows = neo4j_row_memo.RowMemo()  # search candidates' rows, per graph version
        self._entities = neo4j_reads.EntityMemo()  # entities found by id, per graph version

    # The driver and database live on the connection: setting either here (a test swaps in a driver to a
    # server that went away) changes them for every call, as when they were the store's own attributes.
    @property
    def driver(self) -> Driver:
        """The driver the store was handed."""
        return self.conn.driver

    @driver.setter
    def driver(self, driver: Driver) -> None:
        self.conn.driver = driver

    @property
    def database(self) -> str:
        """The database the store reads and writes."""
        return self.conn.database

    @database.setter
    def database(self, database: str) -> None:
        self.conn.database = database

    # ---------------------------------------------------------------------------- writes

    def upsert(self, extractions: Iterable[Extraction], batch_size: int = 200) -> UpsertReport:
        """Merge extractions in batches: one `UNWIND ... MERGE` round trip per record kind and batch."""
        return neo4j_upsert.upsert(self.conn, extractions, batch_size, self.ingest_in_flight)

    def merge_entities(self, keep_id: str, drop_id: str) -> Entity:
        """Move `drop_id`'s relations, event roles and names onto `keep_id` in one transaction."""
        return neo4j_merge.merge_entities(self.conn, keep_id, drop_id)

    def merge_events(self, keep_id: str, drop_id: str) -> Event:
        """Fold event `drop_id` into `keep_id` in one transaction."""
        return neo4j_merge.merge_events(self.conn, keep_id, drop_id)

    def clear(self) -> None:
        """Remove every node and relationship."""
        self.conn.write_many([Q.CLEAR])

    # ----------------------------------------------------------------------------- reads

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        return neo4j_reads.get_entity(self.conn, entity_id)

    def find_entity(self, name_or_id: str) -> Entity:
        """By id, exact normalised name, or alias; the most connected wins."""
        return neo4j_reads.find_entity(self.conn, name_or_id, self._entities)

    def search_entities(
        self, q: str | None = None, kind: EntityKind | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntityHit]:
        """Names and aliases by tier (exact, prefix, word, fuzzy), then degree: graph/search.py."""
        return neo4j_search.search_entities(self.conn, self._search_rows, self._broad, q, kind, limit, offset)

    def prepare_search(self, load: bool = True) -> str:
        """Whether searches meet no cold stem at the current version; with `load`, make it so (one read
        of every entity's search row): neo4j_search.prepare_search."""
        return neo4j_search.prepare_search(self.conn, self._search_rows, load)

    def neighbors(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[RelationType] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Subgraph:
        """Entities within `depth` hops over typed relations (either direction) and those relations."""
        return neo4j_reads.neighbors(self.conn, entity_id, depth, types, since, until)

    def relations(
        self, flt: RelationFilter | None = None, limit: int = 100, offset: int = 0
    ) -> Page[Relation]:
        """Relations matching the filter, ordered by id."""
        return neo4j_reads.relations(self.conn, flt, limit, offset)

    def events(self, flt: EventFilter | None = None, limit: int = 100, offset: int = 0) -> Page[Event]:
        """Events matching the filter, by date then id."""
        return neo4j_reads.events(self.conn, flt, limit, offset)

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 4, limit: int = 10
    ) -> list[Path]:
        """All shortest paths (up to `limit`) over typed relations, ignoring direction."""
        return neo4j_reads.shortest_paths(self.conn, source_id, target_id, max_hops, limit)

    def subgraph(self, ids: Iterable[str]) -> Subgraph:
        """The given entities, the relations among them and the events that involve them."""
        return neo4j_reads.subgraph(self.conn, ids)

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all when None), ordered by id."""
        return neo4j_reads.articles(self.conn, ids)

    def stats(self) -> Stats:
        """Counts; `relations` is distinct typed relations."""
        return neo4j_reads.stats(self.conn)

    def export(self, fmt: ExportFormat = "json") -> str:
        """The whole graph as JSON or GraphML."""
        return neo4j_reads.export(self.conn, fmt)

    def cypher(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        row_limit: int | None = None,
        timeout: float | None = None,
    ) -> CypherResult:
        """Run the user's query in a READ session after the guard and a check of Neo4j's own plan."""
        return run_user_cypher(self.conn, query, check_query(query, params), row_limit, timeout)

    # ------------------------------------------------------------------------ plumbing

    def version(self) -> str:
        """The database's last committed transaction, as the bookmark a read returns (one round trip)."""
        return self.conn.version()

    def ping(self) -> None:
        """Raise `StoreUnavailable` unless the server answers (one auto-commit query, no retries)."""
        self.conn.ping()

    def close(self) -> None:
        """Close the driver if this store owns it."""
        if self.owns_driver:
            self.driver.close()
