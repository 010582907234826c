"""The user's read-only Cypher on Neo4j: Neo4j's own plan as a second wall, results as plain JSON.

The first wall, `graph.cypher_guard.check_query`, runs in `Neo4jStore.cypher` before this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import Query
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError

from graph.errors import QueryError, QueryRefused, QueryTimeout, WriteRefused
from graph.results import CypherResult
from graph.stores import neo4j_queries as Q
from graph.stores.neo4j_connection import Neo4jConnection

INTERNAL_ENTITY_PROPS = ("degree",)


def to_plain(value: Any) -> Any:
    """Driver values as plain JSON: nodes and relationships as their properties (as the embedded store)."""
    if isinstance(value, neo4j.graph.Node):
        # `Entity.degree` is the store's ranking key (docs/neo4j.md), not part of the schema both stores
        # show: a whole node reads the same as on the embedded store.
        hidden = INTERNAL_ENTITY_PROPS if "Entity" in value.labels else ()
        return {k: to_plain(v) for k, v in dict(value).items() if k not in hidden}
    if isinstance(value, neo4j.graph.Relationship):
        return {k: to_plain(v) for k, v in dict(value).items()}
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_user_cypher(
    conn: Neo4jConnection,
    query: str,
    params: Mapping[str, Any] | None,
    row_limit: int | None,
    timeout: float | None,
) -> CypherResult:
    """Run an already guarded query in a READ session after a check of Neo4j's own plan."""
    try:
        with conn.read_session() as s:
            check_plan(s, query, dict(params or {}), timeout)
            result = s.run(Query(query, timeout=timeout), dict(params or {}))  # type: ignore[arg-type]
            cols = list(result.keys())
            rows: list[list[Any]] = []
            truncated = False
            for record in result:
                if row_limit is not None and len(rows) >= row_limit:
                    truncated = True
                    break
                rows.append([to_plain(v) for v in record.values()])
            result.consume()
    except AuthError as exc:
        conn.fail(exc)
    except ClientError as exc:
        code = exc.code or ""
        if (
            "AccessMode" in code
            or "ForbiddenOnReadOnlyDatabase" in code
            or "WriteOnReadOnlyAccessDbException" in code
        ):
            raise WriteRefused() from exc
        if "TransactionTimedOut" in code or "Timeout" in code:
            raise QueryTimeout(f"the query ran past its time limit of {timeout} s") from exc
        if "Procedure" in code and (
            "write" in (exc.message or "").lower() or "not allowed" in (exc.message or "").lower()
        ):
            raise WriteRefused() from exc
        raise QueryError(f"Neo4j rejected the query: {exc.message}", code=code) from exc
    except Neo4jError as exc:
        if "Timeout" in (exc.code or "") or "timed out" in (exc.message or "").lower():
            raise QueryTimeout(f"the query ran past its time limit of {timeout} s") from exc
        if "AccessMode" in (exc.code or ""):
            raise WriteRefused() from exc
        raise QueryError(f"Neo4j rejected the query: {exc.message}", code=exc.code) from exc
    except (DriverError, OSError) as exc:
        conn.fail(exc)
    return CypherResult(columns=cols, rows=rows, truncated=truncated)


def check_plan(s: neo4j.Session, query: str, params: dict[str, Any], timeout: float | None) -> None:
    """Neo4j's parser and planner as the second wall: a read-only plan without refused operators."""
    summary = s.run(Query(Q.explain(query), timeout=timeout), params).consume()  # type: ignore[arg-type]
    if summary.query_type in Q.WRITE_QUERY_TYPES:
        raise WriteRefused(f"Neo4j plans this query as {summary.query_type!r}: it would write")
    if summary.query_type != Q.READ_ONLY_QUERY_TYPE:  # "s": schema and system commands
        raise QueryRefused(f"Neo4j plans this query as {summary.query_type!r}, not as a read")
    operators: list[str] = []
    todo = [summary.plan] if summary.plan else []
    while todo:
        node = todo.pop()
        operators.append(str(node.get("operatorType", "")).split("@")[0])
        todo.extend(node.get("children") or [])
    refused = sorted({op for op in operators if op.startswith(Q.REFUSED_PLAN_OPERATORS)})
    if refused:
        raise QueryRefused(f"Neo4j's plan for this query uses refused operators: {', '.join(refused)}")
