"""The writer lease: the one read-write LadybugDB handle a process keeps across write batches.

LadybugDB allows one read-write handle per database. A write takes the exclusive `store.lock`, runs one
transaction on this process's read-write handle (opened on first use, automatic checkpoints off, then
kept), commits it to the WAL and bumps the version. Closing the handle after every batch would
checkpoint every time, and a checkpoint rewrites every node group the WAL touched (docs/embedded.md).
So the WAL is checkpointed explicitly once it outgrows `max(checkpoint_mb, database file / 32)`, and the
lease ends (checkpoint, close, bump) when another process asks for it (it touches `want-write` and
retries), after `hold_s` seconds without a write, and at `close()` / process exit.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from graph.errors import StoreUnavailable
from graph.stores.embedded_handles import MIB, ConnectionPool, checkpoint
from graph.stores.embedded_locking import StoreLock

log = logging.getLogger(__name__)

WANT_FILE = "want-write"


class LeaseBusy(Exception):
    """Another process holds the read-write handle (the writer lease)."""


class WriterLease:
    """This process's read-write handle, its writes, checkpoints and hand-over."""

    def __init__(
        self,
        lock: StoreLock,
        open_rw: Callable[[], Any],
        drop_reader: Callable[[], None],
        min_free_mb: int = 64,
        checkpoint_mb: int = 8,
        hold_s: float = 30.0,
        wait_s: float = 120.0,
    ) -> None:
        self.lock = lock
        self.want_path = lock.dir / WANT_FILE
        self._open_rw = open_rw
        self._drop_reader = drop_reader
        self.min_free_mb = min_free_mb
        self.checkpoint_mb = checkpoint_mb
        self.hold_s = hold_s
        self.wait_s = wait_s
        self.handle: Any = None  # the read-write handle while this process holds the lease
        self.pool = ConnectionPool()  # reads on `handle` while this process holds the lease
        self._rw_lock = threading.RLock()  # this process's writes and the lease's end, one at a time
        self._last_write = 0.0
        self._watcher: threading.Thread | None = None

    def _check_space(self) -> None:
        """Refuse to start a write on a nearly full disk: LadybugDB aborts the process when a WAL write
        fails, so a full disk must be caught before the engine sees it."""
        st = os.statvfs(self.lock.dir)
        free_mb = st.f_bavail * st.f_frsize // MIB
        if free_mb < self.min_free_mb:
            raise StoreUnavailable(
                f"only {free_mb} MiB free where the embedded store lives ({self.lock.dir}); "
                f"writes need at least {self.min_free_mb} MiB",
                hint="free disk space (KG_EMBEDDED_MIN_FREE_MB sets the margin); nothing was written",
                store="embedded",
                path=str(self.lock.dir),
            )

    def _acquire(self) -> Any:
        """The read-write handle, opened if this process does not hold it; called under the lock.

        Raises `LeaseBusy` when another process holds the lease (LadybugDB's own file lock)."""
        if self.handle is not None:
            return self.handle
        try:
            self.handle = self._open_rw()
        except StoreUnavailable as exc:
            if "lock" in str(exc).lower():
                raise LeaseBusy from exc
            raise
        with contextlib.suppress(OSError):
            self.want_path.unlink()  # whoever asked, it is ours now; a waiter asks again
        if self._watcher is None:
            atexit.register(self.release)  # a clean exit leaves no WAL to replay
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(target=self._watch, name="kg-store-lease", daemon=True)
            self._watcher.start()
        return self.handle

    def _wal_mb(self) -> float:
        try:
            return self.lock.wal_path.stat().st_size / MIB
        except OSError:
            return 0.0

    def _maybe_checkpoint(self) -> None:
        """Checkpoint once the WAL outgrows max(checkpoint_mb, 1/32 of the database file). Two costs meet
        here: a checkpoint rewrites what the WAL touched (it grows with the graph, so a longer WAL
        amortises it), but reads and lookups over many uncheckpointed batches slow down (measured: 12 s
        a batch right after a checkpoint, 35 s ten batches later at 300k relations), and a reader's
        open replays the WAL."""
        try:
            db_mb = self.lock.db_path.stat().st_size / MIB
        except OSError:
            db_mb = 0.0
        if self._wal_mb() > max(self.checkpoint_mb, db_mb / 32):
            t = time.perf_counter()
            checkpoint(self.handle)
            self.lock.bump()  # readers move on to the checkpointed file
            log.info("checkpointed the embedded store (%.0f MB) in %.1f s", db_mb, time.perf_counter() - t)

    def _end(self) -> None:
        """End the lease: checkpoint, close the read-write handle, bump. Caller holds `_rw_lock` and
        the exclusive file lock."""
        if self.handle is None:
            return
        db, self.handle = self.handle, None
        self.pool.close()
        try:
            checkpoint(db)
        finally:
            with contextlib.suppress(Exception):
                db.close()
            self.lock.bump()

    def release(self) -> None:
        """Give up the writer lease now (at close, at exit, when asked, when idle)."""
        with self._rw_lock:
            if self.handle is None:
                return
            with self.lock.locked(exclusive=True), contextlib.suppress(Exception):
                self._end()

    def _watch(self) -> None:
        """While this process holds the lease: hand it over when another process asks, or when idle."""
        while True:
            time.sleep(0.05)
            with self._rw_lock:
                if self.handle is None:
                    return
                asked = self.want_path.exists()
                idle = time.monotonic() - self._last_write > self.hold_s
            if asked or idle:
                self.release()
                return

    def _drop_writer(self) -> None:
        """After a failed write: close the read-write handle without trusting it, replay from disk."""
        db, self.handle = self.handle, None
        self.pool.close()
        if db is not None:
            with contextlib.suppress(Exception):
                db.close()
        with contextlib.suppress(Exception):
            self._drop_reader()
            self._open_rw().close()  # replay or drop what the failed write left

    @contextlib.contextmanager
    def write(self) -> Iterator[Any]:
        """One transaction under the exclusive lock, committed to the WAL, or rolled back.

        Waits (at most `wait_s`) while another process holds the writer lease, asking it to hand over."""
        import ladybug

        deadline = time.monotonic() + self.wait_s
        with self._rw_lock:
            while True:
                with self.lock.locked(exclusive=True):
                    self._check_space()
                    self._drop_reader()  # no read of this process may use the old pages after this write
                    try:
                        db = self._acquire()
                    except LeaseBusy:
                        db = None
                    if db is not None:
                        conn = ladybug.Connection(db)
                        try:
                            conn.execute("BEGIN TRANSACTION")
                            yield conn
                            conn.execute("COMMIT")
                        except BaseException:
                            with contextlib.suppress(Exception):
                                conn.execute("ROLLBACK")
                            with contextlib.suppress(Exception):
                                conn.close()
                            self._drop_writer()
                            self.lock.bump()
                            raise
                        with contextlib.suppress(Exception):
                            conn.close()
                        self._last_write = time.monotonic()
                        self.lock.bump()
                        self._maybe_checkpoint()
                        if self.want_path.exists():
                            self._end()
                        return
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"another process has been writing the embedded store at {self.lock.dir} "
                        f"for more than {self.wait_s:.0f} s",
                        hint="retry when the other ingest has finished",
                        store="embedded",
                        path=str(self.lock.dir),
                    )
                with contextlib.suppress(OSError):
                    self.want_path.touch()
                time.sleep(0.05)
