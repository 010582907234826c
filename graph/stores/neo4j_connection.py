"""The Neo4j store's connection: sessions on the driver it is handed, retries, and driver errors as `KGError`s."""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, TypeVar

import neo4j
from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import StoreAuthError, StoreError, StoreUnavailable
from graph.stores import neo4j_queries as Q

T = TypeVar("T")

# Reads fail fast when the server is down (the driver's setting, graph/stores/factory.py); a batch
# write may wait longer for a deadlock between concurrent writers to clear.
WRITE_RETRY_SECONDS = 15.0

# What the driver raises when the server, the network or the session fails (not the user's query).
DRIVER_FAILURES = (Neo4jError, DriverError, OSError)


class Neo4jConnection:
    """One database on a driver: the sessions the store reads and writes in, failures mapped once."""

    def __init__(self, driver: Driver, database: str = "neo4j", version_ttl: float = 0.0) -> None:
        self.driver = driver
        self.database = database
        # How long the version a read saw may be trusted without asking (0: never; the API passes its
        # KG_API_VERSION_TTL): see `trusted_version`.
        self.version_ttl = version_ttl
        self._seen: tuple[str, float] = ("", -math.inf)  # the latest version a read saw, and when it began
        self._wrote_at = -math.inf  # when a write through this connection last ended
        self.where = "Neo4j"
        # The address is only for messages; ping() and every call report real failures.
        with contextlib.suppress(Exception):
            self.where = f"Neo4j at {driver.get_server_info().address}"

    def fail(self, exc: Exception) -> NoReturn:
        """Raise the `KGError` for a driver failure: bad credentials, no server, or anything else."""
        if isinstance(exc, AuthError):
            raise StoreAuthError(
                f"{self.where} refused the credentials: {exc.message}",
                hint="NEO4J_USER / NEO4J_PASSWORD differ from the server's (for the bundled server: "
                "the password it was first started with)",
                store="neo4j",
            ) from exc
        if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
            raise StoreUnavailable(
                f"{self.where} is not reachable: {exc}",
                hint="start it with `kg neo4j start`, or check NEO4J_URI and NEO4J_PASSWORD",
                store="neo4j",
            ) from exc
        raise StoreError(f"{self.where} failed: {exc}") from exc

    def trusted_version(self) -> str | None:
        """The version the latest read saw, if it began less than `version_ttl` seconds ago and after this
        connection's last write: an answer from data kept at that version reflects every write committed
        more than `version_ttl` before it, and every write through this connection. None otherwise."""
        version, began = self._seen
        if began > self._wrote_at and time.monotonic() - began < self.version_ttl:
            return version
        return None

    def _saw(self, version: str, began: float) -> str:
        if began > self._seen[1]:
            self._seen = (version, began)
        return version

    def _wrote(self) -> None:
        self._wrote_at = time.monotonic()

    def session(self, **config: Any) -> neo4j.Session:
        """A session on this database, notifications off (the caller maps its failures)."""
        if config.get("default_access_mode") != neo4j.READ_ACCESS:
            self._wrote()  # the caller may write (schema statements): kept versions are not trusted
        return self.driver.session(database=self.database, notifications_min_severity="OFF", **config)

    def read_session(self) -> neo4j.Session:
        """A READ session: the server refuses writes in it."""
        return self.session(default_access_mode=neo4j.READ_ACCESS)

    def read(self, query: str, **params: Any) -> list[neo4j.Record]:
        """The records of one read query."""
        # Auto-commit in a READ session: one round trip (RUN + PULL); a managed read transaction adds
        # BEGIN and COMMIT and measured 3x slower per call (docs/neo4j.md). Reads are never retried.
        try:
            with self.read_session() as s:
                return list(s.run(query, params))
        except DRIVER_FAILURES as exc:
            self.fail(exc)

    def read_at(self, query: str, **params: Any) -> tuple[list[neo4j.Record], str]:
        """A read and the version it saw (the bookmark of its transaction, as `version()` reads it)."""
        began = time.monotonic()
        try:
            with self.read_session() as s:
                records = list(s.run(query, params))
                return records, self._saw(",".join(sorted(s.last_bookmarks().raw_values)), began)
        except DRIVER_FAILURES as exc:
            self.fail(exc)

    def read_each(self, query: str, consume: Callable[[Iterator[Any]], T], **params: Any) -> tuple[T, str]:
        """`consume` applied to one read's rows (the first column of each) as they stream in, and the
        version it saw: for a read too large to hold as records (each one a tracked object until freed)."""
        began = time.monotonic()
        try:
            with self.read_session() as s:
                result = consume(r[0] for r in s.run(query, params))
                return result, self._saw(",".join(sorted(s.last_bookmarks().raw_values)), began)
        except DRIVER_FAILURES as exc:
            self.fail(exc)

    def write(self, work: Callable[[ManagedTransaction], T], retry_seconds: float | None = None) -> T:
        """`work` in a managed write transaction: retried on transient errors (deadlocks between
        writers), for up to `retry_seconds` when given, else the driver's setting."""
        config = {} if retry_seconds is None else {"max_transaction_retry_time": retry_seconds}
        try:
            with self.session(**config) as s:
                return s.execute_write(work)
        except DRIVER_FAILURES as exc:
            self.fail(exc)
        finally:
            self._wrote()

    def write_many(self, statements: list[str]) -> None:
        """Auto-commit statements, one after the other, in one session."""
        try:
            with self.session() as s:
                for stmt in statements:
                    s.run(stmt).consume()
        except DRIVER_FAILURES as exc:
            self.fail(exc)
        finally:
            self._wrote()

    def version(self) -> str:
        """The database's last committed transaction, as the bookmark a read returns.

        Neo4j hands every transaction, read ones included, a bookmark naming the latest committed
        transaction: one round trip, and it moves with every write from any process.
        """
        began = time.monotonic()
        try:
            with self.read_session() as s:
                s.run(Q.PING).consume()
                return self._saw(",".join(sorted(s.last_bookmarks().raw_values)), began)
        except DRIVER_FAILURES as exc:
            self.fail(exc)

    def ping(self) -> None:
        """Raise `StoreUnavailable` unless the server answers (one auto-commit query, no retries)."""
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
                s.run(Q.PING).consume()
        except DRIVER_FAILURES as exc:
            self.fail(exc)
