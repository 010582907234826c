"""Open the store the settings ask for: the embedded default, or Neo4j when configured."""

from __future__ import annotations

from graph.errors import StoreAuthError, StoreUnavailable
from graph.settings import Settings, get_settings
from graph.store import GraphStore


def open_store(settings: Settings | None = None, version_ttl: float = 0.0) -> GraphStore:
    """The active store: `KG_STORE`, else Neo4j when `NEO4J_URI` is set, else embedded under `KG_HOME`.
    `version_ttl`: how long a Neo4j store may trust the graph version its last read saw (the API passes
    its `KG_API_VERSION_TTL`, the staleness bound it documents; 0 asks every time)."""
    settings = settings or get_settings()
    if settings.store_kind == "neo4j":
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

        from graph.stores.neo4j import Neo4jStore

        if not settings.neo4j_uri:
            raise StoreUnavailable(
                "KG_STORE=neo4j but NEO4J_URI is not set",
                hint="set NEO4J_URI (for the bundled server: `kg neo4j start` prints it)",
            )
        # A server that is down must give a clear 503 within 2 s (docs/security.md): connecting gives up
        # after 1 s, waiting for a pooled connection after 2 s, and managed reads stop retrying after
        # 0.5 s (one retry at most). Writes choose their own, longer retry time in the store.
        driver = GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
            connection_timeout=1.0,
            connection_acquisition_timeout=2.0,
            max_transaction_retry_time=0.5,
            # At least one connection per API thread, so that no request waits for a connection.
            max_connection_pool_size=max(settings.neo4j_pool_size, settings.api_threads),
        )
        try:
            driver.verify_connectivity()
        except AuthError as exc:
            driver.close()
            raise StoreAuthError(
                f"Neo4j at {settings.neo4j_uri} refused the credentials of user {settings.neo4j_user!r}",
                hint="set NEO4J_PASSWORD (and NEO4J_USER) to the server's; the bundled server keeps the "
                "password it was first started with",
                store="neo4j",
                uri=settings.neo4j_uri,
            ) from exc
        except (ServiceUnavailable, Neo4jError, OSError) as exc:
            driver.close()
            raise StoreUnavailable(
                f"Neo4j at {settings.neo4j_uri} is not reachable: {exc}",
                hint="start it with `kg neo4j start`, or unset NEO4J_URI to use the embedded store",
                store="neo4j",
                uri=settings.neo4j_uri,
            ) from exc
        return Neo4jStore(
            driver,
            database=settings.neo4j_database,
            owns_driver=True,
            version_ttl=version_ttl,
            ingest_in_flight=settings.neo4j_ingest_in_flight,
        )
    from graph.stores.embedded import EmbeddedStore

    return EmbeddedStore(
        settings.embedded_path,
        buffer_pool_mb=settings.embedded_memory_mb,
        min_free_mb=settings.embedded_min_free_mb,
        checkpoint_mb=settings.embedded_checkpoint_mb,
        hold_s=settings.embedded_write_hold_s,
        readers=settings.embedded_readers,
    )
