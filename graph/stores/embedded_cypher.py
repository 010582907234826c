"""Read-only user Cypher for the embedded store: a guarded rewrite, then LadybugDB on the store itself.

Before it runs, the query is checked (embedded_cypher_guard.py) and rewritten so that it means what it
would mean on Neo4j (embedded_cypher_rewrite.py: kind labels become the `kind` property of the one
`Entity` table), or is refused with `UnsupportedQuery`; it never answers differently in silence. It then
runs here on its own connection of the process's read-only handle, under the engine's time limit and a
watchdog: no lock is shared with other queries. Its results take Neo4j's shape in
embedded_cypher_results.py. The supported subset is documented in docs/cypher.md.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any

from graph.errors import QueryError, QueryTimeout, UnsupportedQuery
from graph.results import CypherResult
from graph.stores.embedded_cypher_guard import mask
from graph.stores.embedded_cypher_results import return_columns, to_plain
from graph.stores.embedded_cypher_rewrite import prepare

__all__ = ["prepare", "run_prepared"]


def engine_error(exc: RuntimeError, timeout: float) -> QueryError:
    """The `KGError` for an engine failure: past the time limit, out of memory, a missing parameter."""
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    low = msg.lower()
    if "interrupt" in low or "timeout" in low:
        return QueryTimeout(f"the query ran past its time limit of {timeout:g} s")
    if "buffer" in low or "memory" in low:
        return QueryError(
            f"the query needs more memory than the embedded store allows: {msg}",
            hint="narrow the pattern or aggregate earlier; KG_EMBEDDED_MEMORY_MB sets the limit",
        )
    if "Parameter" in msg and "not found" in msg:
        return QueryError(f"missing parameter: {msg}", hint="pass it with --param KEY=VALUE")
    return UnsupportedQuery(f"the embedded store could not run this query: {msg}")


def run_prepared(
    conn: Any,
    rewritten: str,
    query: str,
    params: Mapping[str, Any],
    row_limit: int | None,
    timeout: float | None,
) -> CypherResult:
    """Run a prepared query on its own connection: engine time limit, plus a watchdog that interrupts.

    The engine checks its clock between chunks of work; the watchdog interrupts the connection from
    outside as well, so a query gets its time limit and a little more, never unbounded time.
    """
    missing = sorted(set(re.findall(r"\$([A-Za-z_]\w*)", mask(query))) - set(params))
    if missing:
        # LadybugDB would read a missing parameter as null; Neo4j refuses the query. Refuse too.
        raise QueryError(
            f"missing parameter: ${missing[0]}", hint="pass it with --param KEY=VALUE or in `params`"
        )
    if timeout is None or timeout <= 0:
        from graph.settings import get_settings

        timeout = get_settings().query_timeout
    conn.set_query_timeout(max(1, int(timeout * 1000)))
    watchdog = threading.Timer(timeout + 0.5, conn.interrupt)
    watchdog.daemon = True
    watchdog.start()
    try:
        try:
            result = conn.execute(rewritten, dict(params))
        except RuntimeError as exc:
            raise engine_error(exc, timeout) from exc
        except (ValueError, TypeError, OverflowError, IndexError, KeyError) as exc:
            # LadybugDB converts parameters in Python and raises plain errors for values it cannot bind.
            raise QueryError(
                f"the query's parameters cannot be used: {exc}", hint="check --param values and types"
            ) from exc
        names = list(result.get_column_names())
        cols = return_columns(query)
        if cols is None or len(cols) != len(names):
            cols = names
        rows: list[list[Any]] = []
        truncated = False
        try:
            while result.has_next():
                row = result.get_next()
                if row_limit is not None and len(rows) >= row_limit:
                    truncated = True
                    break
                rows.append([to_plain(v) for v in row])
        except RuntimeError as exc:
            raise engine_error(exc, timeout) from exc
        return CypherResult(columns=cols, rows=rows, truncated=truncated)
    finally:
        watchdog.cancel()
