"""The project's exceptions: one root, narrow subclasses that carry their data and an HTTP status.

Backends translate their own exceptions into these with ``raise ... from``; the API renders them with
one handler; only the CLI turns them into exit codes.
"""

from __future__ import annotations

from typing import Any


class KGError(Exception):
    """Root of every error Actorgraph raises on purpose."""

    status: int = 500
    code: str = "internal_error"
    exit_code: int = 1

    def __init__(self, message: str, *, hint: str | None = None, **data: Any) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.data = data

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message

    def to_dict(self) -> dict[str, Any]:
        """The one error shape of the API and of `--json` output."""
        out: dict[str, Any] = {"status": self.status, "code": self.code, "message": self.message}
        if self.hint:
            out["hint"] = self.hint
        if self.data:
            out["detail"] = self.data
        return out


class InvalidInput(KGError):
    """Input that cannot be used: malformed JSON, bad parameter, unknown type."""

    status = 422
    code = "invalid_input"
    exit_code = 2


class BadArticle(InvalidInput):
    """An article file or record that cannot be read (empty, binary, undecodable, malformed)."""

    code = "bad_article"

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        super().__init__(f"{path}: {message}" if path else message, hint=hint, path=path)
        self.path = path


class TooLarge(InvalidInput):
    """Input above a configured size limit."""

    status = 413
    code = "too_large"

    def __init__(self, what: str, size: int, limit: int) -> None:
        super().__init__(
            f"{what} is {size:,} bytes, above the limit of {limit:,}",
            hint="raise KG_MAX_ARTICLE_BYTES or split the input",
            size=size,
            limit=limit,
        )


class NotFound(KGError):
    """An id or name that the store does not hold."""

    status = 404
    code = "not_found"
    exit_code = 3

    def __init__(self, what: str, key: str) -> None:
        super().__init__(
            f"no {what} {key!r} in the graph",
            hint="search with `kg query` or GET /api/v1/entities?q=",
            what=what,
            key=key,
        )


class QueryError(KGError):
    """A Cypher query that cannot run: syntax, unsupported on this store, time or row limit."""

    status = 400
    code = "query_error"
    exit_code = 2


class WriteRefused(QueryError):
    """A query that tries to write through the read-only Cypher entry point."""

    status = 403
    code = "write_refused"

    def __init__(
        self, message: str = "this Cypher entry point is read-only; the query tries to write"
    ) -> None:
        super().__init__(message, hint="load data with `kg ingest` or POST /api/v1/articles")


class QueryRefused(QueryError):
    """A query outside the reading subset that could reach past the graph: files, URLs, procedures,
    other clients' transactions, administration (docs/security.md)."""

    status = 403
    code = "query_refused"

    def __init__(self, message: str) -> None:
        super().__init__(
            message,
            hint="user Cypher may only read the graph: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, "
            "RETURN, ORDER BY, SKIP, LIMIT, UNION (docs/security.md)",
        )


class UnsupportedQuery(QueryError):
    """Cypher outside the subset the embedded store supports."""

    code = "unsupported_query"

    def __init__(self, message: str) -> None:
        super().__init__(
            message,
            hint="the embedded store supports a documented subset of Cypher (docs/cypher.md); "
            "for full Cypher use the Neo4j store: `kg neo4j start` and set NEO4J_URI",
        )


class QueryTimeout(QueryError):
    """A query that ran past its time limit."""

    status = 408
    code = "query_timeout"


class StoreUnavailable(KGError):
    """The graph store cannot be reached or opened."""

    status = 503
    code = "store_unavailable"
    exit_code = 4


class StoreAuthError(StoreUnavailable):
    """The store answered but refused our credentials (a running server, the wrong password)."""

    code = "store_auth_failed"


class StoreError(KGError):
    """The store failed while doing something it should be able to do."""

    status = 500
    code = "store_error"
    exit_code = 5


class ConfigError(KGError):
    """Settings that contradict each other or point nowhere."""

    status = 500
    code = "config_error"
    exit_code = 6


class Unauthorized(KGError):
    """A write without the configured API key."""

    status = 401
    code = "unauthorized"


class ModelMissing(KGError):
    """The spaCy model (or other offline data) is not installed."""

    status = 503
    code = "model_missing"
    exit_code = 6


class LauncherError(KGError):
    """The bundled Neo4j launcher could not build, start or stop the server."""

    status = 500
    code = "launcher_error"
    exit_code = 7


class StateLocked(KGError):
    """A state file under KG_HOME that another running process holds (a second `kg watch` on it)."""

    status = 409
    code = "state_locked"
    exit_code = 8
