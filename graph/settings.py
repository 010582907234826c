"""One settings object, read from the environment once through `get_settings()`; nothing at import."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Environment variables: Neo4j's conventions (`NEO4J_*`) and Actorgraph's own (`KG_*`)."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", populate_by_name=True)

    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: SecretStr = Field(default=SecretStr("actorgraph"), alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")

    store: Literal["embedded", "neo4j"] | None = Field(default=None, alias="KG_STORE")
    home: Path = Field(default=Path(".actorgraph"), alias="KG_HOME")

    # Launcher for the bundled Neo4j (kg neo4j start|stop|status).
    neo4j_port: int = Field(default=7687, alias="KG_NEO4J_PORT")
    # Empty: sized from the machine's memory (graph/neo4j_server/tuning.py); else a size such as 2g.
    neo4j_heap: str = Field(default="", alias="KG_NEO4J_HEAP")
    neo4j_pagecache: str = Field(default="", alias="KG_NEO4J_PAGECACHE")

    # Cross-article resolution at ingest (docs/resolution.md): the user's alias file, and a switch.
    aliases_file: Path | None = Field(default=None, alias="KG_ALIASES")
    resolve: bool = Field(default=True, alias="KG_RESOLVE")

    # The learned relation classifier (docs/extraction.md, "Learned relations"): on or off, and its
    # probability threshold (None: the one stored with the weights).
    learned_relations: bool = Field(default=True, alias="KG_LEARNED_RELATIONS")
    learned_threshold: float | None = Field(default=None, ge=0.0, le=1.0, alias="KG_LEARNED_THRESHOLD")
    # The learned event filter (docs/learned-events.md): keeps or drops each rule event; its threshold
    # (None: the one stored with the weights).
    learned_events: bool = Field(default=False, alias="KG_LEARNED_EVENTS")
    learned_events_threshold: float | None = Field(
        default=None, ge=0.0, le=1.0, alias="KG_LEARNED_EVENTS_THRESHOLD"
    )

    # Embedded store: the most memory LadybugDB may take per process, and the free disk a write needs.
    embedded_memory_mb: int = Field(default=1024, alias="KG_EMBEDDED_MEMORY_MB")
    embedded_min_free_mb: int = Field(default=64, alias="KG_EMBEDDED_MIN_FREE_MB")
    # The writer keeps its read-write handle across batches and checkpoints its WAL past this size
    # (or a quarter of the database file), and hands the handle back after this many idle seconds.
    embedded_checkpoint_mb: int = Field(default=8, alias="KG_EMBEDDED_CHECKPOINT_MB")
    embedded_write_hold_s: float = Field(default=30.0, alias="KG_EMBEDDED_WRITE_HOLD_S")
    # Engine reads one process runs at once (and as many user Cypher queries); more threads queue.
    embedded_readers: int = Field(default=4, ge=1, le=64, alias="KG_EMBEDDED_READERS")

    # Input limits and batching.
    max_article_bytes: int = Field(default=5_000_000, alias="KG_MAX_ARTICLE_BYTES")
    batch_size: int = Field(default=200, alias="KG_BATCH_SIZE")
    workers: int = Field(default=1, alias="KG_WORKERS")

    # API.
    api_key: SecretStr | None = Field(default=None, alias="KG_API_KEY")
    cors_origins: list[str] = Field(default=[], alias="KG_CORS_ORIGINS")
    read_key_required: bool = Field(default=False, alias="KG_READ_KEY_REQUIRED")
    max_body_bytes: int = Field(default=10_000_000, alias="KG_MAX_BODY_BYTES")
    query_timeout: float = Field(default=10.0, alias="KG_QUERY_TIMEOUT")
    query_row_limit: int = Field(default=10_000, alias="KG_QUERY_ROW_LIMIT")
    # Threads for the sync routes, per worker: 16 measured higher throughput and a lower tail than 64 on
    # both stores at 64 clients (docs/api.md, round 8): fewer threads contend less for the GIL with the
    # event loop that answers cached hits.
    api_threads: int = Field(default=16, ge=1, le=1024, alias="KG_API_THREADS")
    # Read answers kept per graph version (api/response_cache.py): memory for them (0: no cache) and how
    # long a version token is trusted before the store is asked again (the staleness bound, seconds).
    api_cache_mb: int = Field(default=64, ge=0, le=65536, alias="KG_API_CACHE_MB")
    api_version_ttl: float = Field(default=1.0, ge=0.0, le=60.0, alias="KG_API_VERSION_TTL")
    # Least seconds between two whole-graph preparations of search (api/search_warmer.py); 0: none.
    api_search_prepare_gap: float = Field(default=30.0, ge=0.0, le=86400.0, alias="KG_API_SEARCH_PREPARE_GAP")
    neo4j_pool_size: int = Field(default=100, ge=1, le=1000, alias="KG_NEO4J_POOL_SIZE")
    # Neo4j ingest batches in flight at once (graph/stores/neo4j_upsert.py): with 2, a batch's transaction
    # runs while the previous one commits (each batch stays one transaction); 1 writes one after the other.
    # 2 was faster in every idle pair measured (docs/neo4j.md, round 14).
    neo4j_ingest_in_flight: int = Field(default=2, ge=1, le=4, alias="KG_NEO4J_INGEST_IN_FLIGHT")

    @property
    def store_kind(self) -> Literal["embedded", "neo4j"]:
        """`KG_STORE` if set, else neo4j when `NEO4J_URI` is set, else embedded."""
        if self.store:
            return self.store
        return "neo4j" if self.neo4j_uri else "embedded"

    @property
    def embedded_path(self) -> Path:
        return self.home / "graph.json"

    @property
    def aliases_path(self) -> Path:
        """`KG_ALIASES`, else `$KG_HOME/aliases.toml`."""
        return self.aliases_file or self.home / "aliases.toml"

    @property
    def neo4j_home(self) -> Path:
        return self.home / "neo4j"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings()
