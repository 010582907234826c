"""Open the store the settings ask for: the embedded default, or Neo4j when configured."""

from __future__ import annotations

from graph.errors import StoreUnavailable
from graph.settings import Settings, get_settings
from graph.store import GraphStore


def open_store(settings: Settings | None = None) -> GraphStore:
    """The active store: `KG_STORE`, else Neo4j when `NEO4J_URI` is set, else embedded under `KG_HOME`."""
    settings = settings or get_settings()
    if settings.store_kind == "neo4j":
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        from graph.stores.neo4j import Neo4jStore

        if not settings.neo4j_uri:
            raise StoreUnavailable(
                "KG_STORE=neo4j but NEO4J_URI is not set",
                hint="set NEO4J_URI (for the bundled server: `kg neo4j start` prints it)",
            )
        # Short timeouts: a server that is down should give a clear 503 in seconds, not after a minute.
        driver = GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
            connection_timeout=5,
            max_transaction_retry_time=10,
            # At least one connection per API thread, so that no request waits for a connection.
            max_connection_pool_size=max(settings.neo4j_pool_size, settings.api_threads),
            connection_acquisition_timeout=10,
        )
        try:
            driver.verify_connectivity()
        except (ServiceUnavailable, Neo4jError, OSError) as exc:
            driver.close()
            raise StoreUnavailable(
                f"Neo4j at {settings.neo4j_uri} is not reachable: {exc}",
                hint="start it with `kg neo4j start`, or unset NEO4J_URI to use the embedded store",
                store="neo4j",
                uri=settings.neo4j_uri,
            ) from exc
        return Neo4jStore(driver, database=settings.neo4j_database, owns_driver=True)
    from graph.stores.embedded import EmbeddedStore

    return EmbeddedStore(settings.embedded_path)
