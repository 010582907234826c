"""LadybugDB handles of the embedded store: how a database is opened, sized, and its connections reused.

The cross-process protocol that decides *when* a handle is opened or closed is `embedded_db.StoreFiles`
(reads) and `embedded_lease.WriterLease` (the read-write handle); this module only knows the files.
"""

from __future__ import annotations

import contextlib
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.errors import StoreUnavailable

DB_FILE = "graph.lbug"
WAL_SUFFIX = ".wal"
MIB = 1024**2
# Each open handle reserves this much address space up front (LadybugDB's default is 8 TiB, so a process
# ran out of its 128 TiB after about eight stores, each with a writer and a reader handle). 1 TiB per
# handle is far beyond any graph this store is meant for and lets one process hold dozens open.
MAX_DB_BYTES = 1024**4

READ_SLOT_MB = 32  # working memory of one read in the engine (a neighbours or path read took 17-20 MiB)
# Engine threads per statement of the store's own reads. The store's reads are small walks from an
# index look-up; with two threads each statement paid for handing work between them (at 489k
# relations a 1-hop neighbours call used ~1.3x the CPU, and its wall time on a loaded machine was
# 2-3x its CPU), and a server's concurrency comes from its reader slots, not from one statement.
# Scans (stats, export) measured no slower on one thread on 2 cores.
READ_THREADS = 1


def buffer_pool_bytes(db_path: Path, cap_mb: int, writing: bool, readers: int = 4) -> int:
    """Sized to the graph: twice the database file plus working room, at most `cap_mb`.

    A write transaction keeps its new rows in the pool until commit, so writes get more room (a batch of
    a few thousand extractions needs ~100 MiB); every read slot (the store's and user Cypher's) gets
    `READ_SLOT_MB`. The pool is reserved address space, used as needed.
    """
    size = db_path.stat().st_size if db_path.exists() else 0
    room = ((256 if writing else 0) + 64 + 2 * readers * READ_SLOT_MB) * MIB
    return int(min(2 * size + room, cap_mb * MIB))


def open_database(db_path: Path, read_only: bool, cap_mb: int, readers: int) -> Any:
    """A LadybugDB handle on `db_path`; an engine refusal is a `StoreUnavailable` with its reason."""
    import ladybug

    try:
        return ladybug.Database(
            str(db_path),
            read_only=read_only,
            # A torn WAL tail is a transaction that never committed (killed writer, full disk):
            # replay what committed and drop the tail instead of refusing to open.
            throw_on_wal_replay_failure=False,
            auto_checkpoint=read_only,  # the writer checkpoints explicitly (`WriterLease`)
            buffer_pool_size=buffer_pool_bytes(db_path, cap_mb, not read_only, readers),
            max_db_size=MAX_DB_BYTES,
        )
    except RuntimeError as exc:
        raise StoreUnavailable(
            f"the embedded store at {db_path} cannot be opened: {str(exc).splitlines()[0]}",
            hint="if the disk is full, free space; otherwise restore from an export",
            path=str(db_path),
        ) from exc


def checkpoint(db: Any) -> None:
    """Write the WAL of the read-write handle `db` into the database file."""
    import ladybug

    conn = ladybug.Connection(db)
    try:
        conn.execute("CHECKPOINT")
    finally:
        with contextlib.suppress(Exception):
            conn.close()


# `Connection.prepare` is deprecated in favour of `execute(query)`, which prepares and caches too but first
# rewrites the query and normalises every parameter with regular expressions: ~85 us per statement of a
# read (51 us of them normalising), 7% of a 1-hop neighbours call's CPU at 489k relations (round 7).
warnings.filterwarnings("ignore", message="The use of separate prepare", category=DeprecationWarning)
MAX_PREPARED = 256  # statements kept per connection (type filters make a statement per combination)


def plain_parameters(params: dict[str, Any]) -> bool:
    """Strings and non-empty lists of strings only: what a statement prepared once binds the same way
    every time (the engine infers a parameter's type from its value)."""
    return all(
        isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(x, str) for x in v))
        for v in params.values()
    )


class PreparedConnection:
    """A pooled connection that prepares each of the store's statements once and runs it prepared."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.prepared: dict[tuple[str, tuple[tuple[str, bool], ...]], Any] = {}

    def execute(self, query: str, params: dict[str, Any] | None = None) -> Any:
        params = params or {}
        if not plain_parameters(params):
            return self.conn.execute(query, params)
        key = (query, tuple(sorted((k, isinstance(v, list)) for k, v in params.items())))
        statement = self.prepared.get(key)
        if statement is None:
            if len(self.prepared) >= MAX_PREPARED:
                self.prepared.clear()
            statement = self.prepared[key] = self.conn.prepare(query)
        return self.conn.execute(statement, params)

    def close(self) -> None:
        self.prepared.clear()
        self.conn.close()


class ConnectionPool:
    """Idle connections of one database handle, reused by the store's own reads.

    A LadybugDB connection keeps the statements it prepared, so reusing one saves the planning that a
    new connection repeats on every read (about a third of a neighbours call). A connection is used by
    one thread at a time (taken, then given back), and all of them are closed before their handle:
    `close()` is called only where no read of this process can be running on the handle (under the
    exclusive file lock, or when the version moved, which needs a write, which needs that lock).
    """

    def __init__(self) -> None:
        self._idle: list[PreparedConnection] = []
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def connection(self, db: Any) -> Iterator[PreparedConnection]:
        import ladybug

        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            raw = ladybug.Connection(db)
            raw.set_max_threads_for_exec(READ_THREADS)
            conn = PreparedConnection(raw)
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(Exception):
                conn.close()  # not trusted after a failure: a new one next time
            raise
        with self._lock:
            self._idle.append(conn)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            with contextlib.suppress(Exception):
                conn.close()
