"""The embedded store's files: a LadybugDB database under `KG_HOME`, shared by several processes.

LadybugDB lets one process open a database read-write and any number open it read-only; a read-only
handle replays the committed WAL when it opens but neither sees later commits nor survives a checkpoint
rewriting pages under it. So every process follows one protocol around an OS file lock (`flock` on
`store.lock`, `embedded_locking.StoreLock`) and a version counter:

* a **write** takes the lock exclusively, runs one transaction on the process's read-write handle,
  commits it to the WAL and bumps the version counter, then releases the lock. The read-write handle
  is *kept* across batches and checkpointed explicitly (`embedded_lease.WriterLease`);
* a **read** takes the lock shared (reads never wait for each other) and runs on the process's
  read-write handle when it holds the lease, else on its cached read-only handle, reopened when the
  version moved (that open replays the committed WAL).

A read-only handle is therefore never used across a write. `flock` locks belong to open file
descriptions, so threads of one process (the API server reading and ingesting) exclude each other too.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.errors import StoreUnavailable
from graph.stores.embedded_handles import DB_FILE, ConnectionPool, open_database
from graph.stores.embedded_lease import WriterLease
from graph.stores.embedded_locking import StoreLock
from graph.stores.embedded_schema import schema
from graph.stores.slots import FairSlots

log = logging.getLogger(__name__)


class StoreFiles:
    """The database, its lock and its version counter in one directory; read and write sessions."""

    def __init__(
        self,
        directory: Path,
        buffer_pool_mb: int = 1024,
        min_free_mb: int = 64,
        checkpoint_mb: int = 8,
        hold_s: float = 30.0,
        wait_s: float = 120.0,
        readers: int = 4,
    ) -> None:
        self.dir = directory
        self.lock = StoreLock(directory)
        self.db_path = self.lock.db_path
        self.wal_path = self.lock.wal_path
        self.version_path = self.lock.version_path
        self.buffer_pool_mb = buffer_pool_mb
        # Reads of this process that run in the engine at once. Every statement takes working memory
        # from the handle's buffer pool (10-20 MiB for a neighbours or path read, whatever the graph's
        # size), so 8 concurrent reads filled the 139 MiB pool of a small graph and most of a 64-thread
        # server's reads failed ("the buffer pool is full"); and on 2 cores more engine calls at once
        # only share the same CPU. So threads beyond these wait their turn, before the file lock. User
        # Cypher has slots of its own: a slow query (up to its time limit) never holds up the store's reads.
        self.readers = max(1, readers)
        # First come, first served: a plain semaphore let threads reading in a loop keep every slot
        # while a write waited for one to read back what it wrote (tests/stores/test_embedded_reads.py).
        self._slots = FairSlots(self.readers)
        self._cypher_slots = FairSlots(self.readers)
        self._ro: Any = None  # the process's read-only handle, shared by its reading threads
        self._ro_version: str | None = None
        self._ro_pool = ConnectionPool()  # reads on `_ro`
        self._reopen = threading.Lock()
        self.lease = WriterLease(
            self.lock,
            open_rw=lambda: self.open(read_only=False),
            drop_reader=self.drop_reader,
            min_free_mb=min_free_mb,
            checkpoint_mb=checkpoint_mb,
            hold_s=hold_s,
            wait_s=wait_s,
        )

    def version(self) -> str:
        """Counter of committed writes plus the database file's change time: cheap, cross-process."""
        return self.lock.version()

    def open(self, read_only: bool) -> Any:
        """A new handle on the database, its buffer pool sized to the graph (`buffer_pool_bytes`)."""
        return open_database(self.db_path, read_only, self.buffer_pool_mb, self.readers)

    def drop_reader(self) -> None:
        """Forget the read-only handle (it is reopened on the next read)."""
        with self._reopen:
            self._ro_pool.close()
            if self._ro is not None:
                with contextlib.suppress(Exception):
                    self._ro.close()
            self._ro = None
            self._ro_version = None

    def leftovers(self) -> list[Path]:
        """Files a failed or killed writer can leave: LadybugDB's WAL, shadow and checkpoint files (all
        named `graph.lbug.*`), and our version temp files."""
        return [*self.lock.temp_files(), *self.dir.glob(f"{DB_FILE}.*")]

    def recover(self) -> None:
        """Remove our temp files; let LadybugDB replay or drop its WAL and shadow pages (open + close).

        Called at start and after a failed write. A WAL may hold a committed batch whose checkpoint did
        not finish, so it is never deleted by hand: opening read-write is what replays it.
        """
        if self.lease.handle is not None or not self.leftovers():
            return
        with self.lock.locked(exclusive=True):
            for tmp in self.lock.temp_files():
                with contextlib.suppress(OSError):
                    tmp.unlink()
            if any(p.name.startswith(DB_FILE + ".") for p in self.leftovers()):
                self.drop_reader()
                with contextlib.suppress(StoreUnavailable):
                    self.open(read_only=False).close()
                    log.info("recovered the embedded store at %s after an interrupted write", self.dir)

    def release(self) -> None:
        """Give up the writer lease now (at close, at exit, when asked, when idle)."""
        self.lease.release()

    @contextlib.contextmanager
    def write(self) -> Iterator[Any]:
        """One transaction under the exclusive lock, committed to the WAL, or rolled back
        (`WriterLease.write`: waits while another process holds the lease, asking it to hand over)."""
        with self.lease.write() as conn:
            yield conn

    @contextlib.contextmanager
    def _reader_slot(self, fresh: bool) -> Iterator[None]:
        """One of the `readers` slots for an outermost read (a nested read runs in its caller's)."""
        if self.lock.read_depth():
            yield
            return
        slots = self._cypher_slots if fresh else self._slots
        slots.acquire()
        try:
            yield
        finally:
            slots.release()

    @contextlib.contextmanager
    def read(self, fresh: bool = False) -> Iterator[Any]:
        """A connection on the latest committed state, under the shared lock.

        The store's own reads reuse pooled connections (their prepared statements survive); `fresh`
        gives a connection of its own, closed after (user Cypher: its own time limit and interrupt)."""
        import ladybug

        with self._reader_slot(fresh), self.lock.locked(exclusive=False):
            if self.lease.handle is not None:  # this process holds the writer lease: read on its handle
                db, pool = self.lease.handle, self.lease.pool
            else:
                now = self.version()
                with self._reopen:
                    if self._ro is None or self._ro_version != now:
                        self._ro_pool.close()
                        if self._ro is not None:
                            with contextlib.suppress(Exception):
                                self._ro.close()
                        self._ro = self.open(read_only=True)
                        self._ro_version = now
                    db, pool = self._ro, self._ro_pool
            if not fresh:
                with pool.connection(db) as pooled:
                    yield pooled
                return
            conn = ladybug.Connection(db)
            try:
                yield conn
            finally:
                with contextlib.suppress(Exception):
                    conn.close()

    def create(self) -> None:
        """Create the database and its schema once (idempotent: `IF NOT EXISTS`)."""
        if self.db_path.exists() and self.version_path.exists():
            return
        with self.write() as conn:
            for stmt in schema():
                conn.execute(stmt)
        log.info("created the embedded store at %s", self.db_path)
