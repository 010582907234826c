"""The Neo4j store's schema: constraints and indexes, and the one-off back-fill of stored degrees."""

from __future__ import annotations

import logging

from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_connection import DRIVER_FAILURES, Neo4jConnection

logger = logging.getLogger(__name__)


def open_schema(conn: Neo4jConnection) -> None:
    """Constraints and indexes (`IF NOT EXISTS`: cheap when present), then the one-off back-fills
    unless the database's schema marker says they ran (docs/neo4j.md, "Stored degree")."""
    try:
        with conn.session() as s:
            for stmt in Q.SCHEMA:
                s.run(stmt).consume()
            if s.run(Q.SCHEMA_MARKER_EXISTS, name=Q.SCHEMA_MARKER).single(strict=True)["n"]:
                return
            logger.info("%s: back-filling stored degrees (once per database)", conn.where)
            s.run(Q.BACKFILL_DEGREE).consume()  # only entities that lack it
            s.run(Q.CREATE_SCHEMA_MARKER).consume()  # after the back-fill: a failed one runs again
    except DRIVER_FAILURES as exc:
        conn.fail(exc)
