"""The embedded store's files: a LadybugDB database under `KG_HOME`, shared by several processes.

LadybugDB lets one process open a database read-write and any number open it read-only; a read-only
handle replays the committed WAL when it opens but neither sees later commits nor survives a checkpoint
rewriting pages under it. So every process follows one protocol around an OS file lock (`flock` on
`store.lock`) and a version counter:

* a **write** takes the lock exclusively, runs one transaction on the process's read-write handle,
  commits it to the WAL and bumps the version counter, then releases the lock. The read-write handle
  is *kept* across batches (the writer lease; automatic checkpoints off), so a batch costs its own
  statements and WAL records, not a checkpoint that rewrites every node group it touched;
* the WAL is **checkpointed** explicitly under the exclusive lock once it outgrows
  `max(checkpoint_mb, database file / 32)`, so the checkpoint cost per batch stays bounded;
* the lease ends (checkpoint, close, bump) when another process asks for it (it touches `want-write`
  and retries), after `hold_s` seconds without a write, and at `close()` / process exit;
* a **read** takes the lock shared (reads never wait for each other) and runs on the process's
  read-write handle when it holds the lease, else on its cached read-only handle, reopened when the
  version moved (that open replays the committed WAL).

A read-only handle is therefore never used across a write. `flock` locks belong to open file
descriptions, so threads of one process (the API server reading and ingesting) exclude each other too.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.errors import StoreUnavailable
from graph.stores.embedded_schema import schema
from graph.stores.slots import FairSlots

log = logging.getLogger(__name__)

DB_FILE = "graph.lbug"
LOCK_FILE = "store.lock"
GATE_FILE = "store.gate"  # the turnstile in front of `store.lock` that gives waiting writers priority
VERSION_FILE = "version"
WANT_FILE = "want-write"
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


class _Busy(Exception):
    """Another process holds the read-write handle (the writer lease)."""


class ConnectionPool:
    """Idle connections of one database handle, reused by the store's own reads.

    A LadybugDB connection keeps the statements it prepared, so reusing one saves the planning that a
    new connection repeats on every read (about a third of a neighbours call). A connection is used by
    one thread at a time (taken, then given back), and all of them are closed before their handle:
    `close()` is called only where no read of this process can be running on the handle (under the
    exclusive file lock, or when the version moved, which needs a write, which needs that lock).
    """

    def __init__(self) -> None:
        self._idle: list[Any] = []
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def connection(self, db: Any) -> Iterator[Any]:
        import ladybug

        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = ladybug.Connection(db)
            conn.set_max_threads_for_exec(READ_THREADS)
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
        self.db_path = directory / DB_FILE
        self.wal_path = directory / (DB_FILE + WAL_SUFFIX)
        self.lock_path = directory / LOCK_FILE
        self.gate_path = directory / GATE_FILE
        self._held = threading.local()  # this thread's shared locks (a nested read skips the gate)
        self.version_path = directory / VERSION_FILE
        self.want_path = directory / WANT_FILE
        self.buffer_pool_mb = buffer_pool_mb
        self.min_free_mb = min_free_mb
        self.checkpoint_mb = checkpoint_mb
        self.hold_s = hold_s
        self.wait_s = wait_s
        self._rw: Any = None  # the writer lease: a read-write handle kept across batches
        self._rw_lock = threading.RLock()  # this process's writes and the lease's end, one at a time
        self._last_write = 0.0
        self._watcher: threading.Thread | None = None
        self._ro: Any = None  # the process's read-only handle, shared by its reading threads
        self._ro_version: str | None = None
        self._ro_pool = ConnectionPool()  # reads on `_ro`
        self._rw_pool = ConnectionPool()  # reads on `_rw` while this process holds the lease
        self._reopen = threading.Lock()
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

    # ---------------------------------------------------------------------------- locking

    def _fd(self, path: Path) -> int:
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreUnavailable(
                f"the embedded store at {self.dir} cannot be opened: {exc}",
                hint="point KG_HOME at a writable directory",
                store="embedded",
                path=str(self.dir),
            ) from exc

    @contextlib.contextmanager
    def _locked(self, exclusive: bool) -> Iterator[None]:
        """`store.lock`, shared or exclusive, entered through a turnstile (`store.gate`).

        `flock` does not favour writers: reads that overlap one another (a busy server's threads) would
        keep a writer waiting for ever. So a writer holds the gate exclusively while it waits for the
        lock, and a reader passes the gate (shared, released at once) before it takes its shared lock:
        once a writer waits, new reads queue behind it, and the reads already running finish first. A
        read nested in another read of the same thread skips the gate (the writer waits for the outer
        one, which would otherwise wait for the writer)."""
        depth = getattr(self._held, "depth", 0)
        gate = self._fd(self.gate_path) if exclusive or depth == 0 else None
        try:
            fd = self._fd(self.lock_path)
        except BaseException:
            if gate is not None:
                os.close(gate)
            raise
        try:
            if gate is not None:
                fcntl.flock(gate, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            if gate is not None:
                os.close(gate)  # through the turnstile: let the next one in
                gate = None
            self._held.depth = depth + (not exclusive)
            try:
                yield
            finally:
                self._held.depth = depth
        finally:
            if gate is not None:
                os.close(gate)
            os.close(fd)  # closing the descriptor releases the lock, also when the process dies

    # ---------------------------------------------------------------------------- version

    def version(self) -> str:
        """Counter of committed writes plus the database file's change time: cheap, cross-process."""
        try:
            counter = self.version_path.read_text().strip() or "0"
        except OSError:
            counter = "0"
        stamps = []
        for path in (self.db_path, self.wal_path):  # committed batches live in the WAL until a checkpoint
            try:
                st = path.stat()
                stamps.append(f"{st.st_mtime_ns}.{st.st_size}")
            except OSError:
                stamps.append("none")
        return f"{counter}:{':'.join(stamps)}"

    def _bump(self) -> None:
        """Next counter value, written by rename (the lock is held, so no one races us)."""
        try:
            n = int(self.version_path.read_text().strip() or "0")
        except (OSError, ValueError):
            n = 0
        tmp = self.version_path.with_name(f".{VERSION_FILE}.{os.getpid()}.tmp")
        try:
            tmp.write_text(str(n + 1))
            os.replace(tmp, self.version_path)
        except OSError:
            # The data is committed; the file's change time in the token still moves readers on.
            with contextlib.suppress(OSError):
                tmp.unlink()

    # ---------------------------------------------------------------------------- sessions

    def _open(self, read_only: bool) -> Any:
        import ladybug

        try:
            return ladybug.Database(
                str(self.db_path),
                read_only=read_only,
                # A torn WAL tail is a transaction that never committed (killed writer, full disk):
                # replay what committed and drop the tail instead of refusing to open.
                throw_on_wal_replay_failure=False,
                auto_checkpoint=read_only,  # the writer checkpoints explicitly (`_maybe_checkpoint`)
                buffer_pool_size=buffer_pool_bytes(
                    self.db_path, self.buffer_pool_mb, not read_only, self.readers
                ),
                max_db_size=MAX_DB_BYTES,
            )
        except RuntimeError as exc:
            raise StoreUnavailable(
                f"the embedded store at {self.db_path} cannot be opened: {str(exc).splitlines()[0]}",
                hint="if the disk is full, free space; otherwise restore from an export",
                path=str(self.db_path),
            ) from exc

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
        return [*self.dir.glob(f".{VERSION_FILE}.*.tmp"), *self.dir.glob(f"{DB_FILE}.*")]

    def recover(self) -> None:
        """Remove our temp files; let LadybugDB replay or drop its WAL and shadow pages (open + close).

        Called at start and after a failed write. A WAL may hold a committed batch whose checkpoint did
        not finish, so it is never deleted by hand: opening read-write is what replays it.
        """
        if self._rw is not None or not self.leftovers():
            return
        with self._locked(exclusive=True):
            for tmp in self.dir.glob(f".{VERSION_FILE}.*.tmp"):
                with contextlib.suppress(OSError):
                    tmp.unlink()
            if any(p.name.startswith(DB_FILE + ".") for p in self.leftovers()):
                self.drop_reader()
                with contextlib.suppress(StoreUnavailable):
                    self._open(read_only=False).close()
                    log.info("recovered the embedded store at %s after an interrupted write", self.dir)

    def _check_space(self) -> None:
        """Refuse to start a write on a nearly full disk: LadybugDB aborts the process when a WAL write
        fails, so a full disk must be caught before the engine sees it."""
        st = os.statvfs(self.dir)
        free_mb = st.f_bavail * st.f_frsize // MIB
        if free_mb < self.min_free_mb:
            raise StoreUnavailable(
                f"only {free_mb} MiB free where the embedded store lives ({self.dir}); "
                f"writes need at least {self.min_free_mb} MiB",
                hint="free disk space (KG_EMBEDDED_MIN_FREE_MB sets the margin); nothing was written",
                store="embedded",
                path=str(self.dir),
            )

    def _acquire(self) -> Any:
        """The read-write handle, opened if this process does not hold it; called under the lock.

        Raises `_Busy` when another process holds the lease (LadybugDB's own file lock)."""
        if self._rw is not None:
            return self._rw
        try:
            self._rw = self._open(read_only=False)
        except StoreUnavailable as exc:
            if "lock" in str(exc).lower():
                raise _Busy from exc
            raise
        with contextlib.suppress(OSError):
            self.want_path.unlink()  # whoever asked, it is ours now; a waiter asks again
        if self._watcher is None:
            atexit.register(self.release)  # a clean exit leaves no WAL to replay
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(target=self._watch, name="kg-store-lease", daemon=True)
            self._watcher.start()
        return self._rw

    def _checkpoint(self) -> None:
        """Write the WAL into the database file (under the exclusive lock), then move readers on."""
        import ladybug

        conn = ladybug.Connection(self._rw)
        try:
            conn.execute("CHECKPOINT")
        finally:
            with contextlib.suppress(Exception):
                conn.close()
        self._bump()

    def _wal_mb(self) -> float:
        try:
            return self.wal_path.stat().st_size / MIB
        except OSError:
            return 0.0

    def _maybe_checkpoint(self) -> None:
        """Checkpoint once the WAL outgrows max(checkpoint_mb, 1/32 of the database file). Two costs meet
        here: a checkpoint rewrites what the WAL touched (it grows with the graph, so a longer WAL
        amortises it), but reads and lookups over many uncheckpointed batches slow down (measured: 12 s
        a batch right after a checkpoint, 35 s ten batches later at 300k relations), and a reader's
        open replays the WAL."""
        try:
            db_mb = self.db_path.stat().st_size / MIB
        except OSError:
            db_mb = 0.0
        if self._wal_mb() > max(self.checkpoint_mb, db_mb / 32):
            t = time.perf_counter()
            self._checkpoint()
            log.info("checkpointed the embedded store (%.0f MB) in %.1f s", db_mb, time.perf_counter() - t)

    def _release(self) -> None:
        """End the lease: checkpoint, close the read-write handle, bump. Caller holds `_rw_lock` and
        the exclusive file lock."""
        if self._rw is None:
            return
        db, self._rw = self._rw, None
        self._rw_pool.close()
        try:
            import ladybug

            conn = ladybug.Connection(db)
            try:
                conn.execute("CHECKPOINT")
            finally:
                with contextlib.suppress(Exception):
                    conn.close()
        finally:
            with contextlib.suppress(Exception):
                db.close()
            self._bump()

    def release(self) -> None:
        """Give up the writer lease now (at close, at exit, when asked, when idle)."""
        with self._rw_lock:
            if self._rw is None:
                return
            with self._locked(exclusive=True), contextlib.suppress(Exception):
                self._release()

    def _watch(self) -> None:
        """While this process holds the lease: hand it over when another process asks, or when idle."""
        while True:
            time.sleep(0.05)
            with self._rw_lock:
                if self._rw is None:
                    return
                asked = self.want_path.exists()
                idle = time.monotonic() - self._last_write > self.hold_s
            if asked or idle:
                self.release()
                return

    def _drop_writer(self) -> None:
        """After a failed write: close the read-write handle without trusting it, replay from disk."""
        db, self._rw = self._rw, None
        self._rw_pool.close()
        if db is not None:
            with contextlib.suppress(Exception):
                db.close()
        with contextlib.suppress(Exception):
            self.drop_reader()
            self._open(read_only=False).close()  # replay or drop what the failed write left

    @contextlib.contextmanager
    def write(self) -> Iterator[Any]:
        """One transaction under the exclusive lock, committed to the WAL, or rolled back.

        Waits (at most `wait_s`) while another process holds the writer lease, asking it to hand over."""
        import ladybug

        deadline = time.monotonic() + self.wait_s
        with self._rw_lock:
            while True:
                with self._locked(exclusive=True):
                    self._check_space()
                    self.drop_reader()  # no read of this process may use the old pages after this write
                    try:
                        db = self._acquire()
                    except _Busy:
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
                            self._bump()
                            raise
                        with contextlib.suppress(Exception):
                            conn.close()
                        self._last_write = time.monotonic()
                        self._bump()
                        self._maybe_checkpoint()
                        if self.want_path.exists():
                            self._release()
                        return
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"another process has been writing the embedded store at {self.dir} "
                        f"for more than {self.wait_s:.0f} s",
                        hint="retry when the other ingest has finished",
                        store="embedded",
                        path=str(self.dir),
                    )
                with contextlib.suppress(OSError):
                    self.want_path.touch()
                time.sleep(0.05)

    @contextlib.contextmanager
    def _reader_slot(self, fresh: bool) -> Iterator[None]:
        """One of the `readers` slots for an outermost read (a nested read runs in its caller's)."""
        if getattr(self._held, "depth", 0):
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

        with self._reader_slot(fresh), self._locked(exclusive=False):
            if self._rw is not None:  # this process holds the writer lease: read on its handle
                db, pool = self._rw, self._rw_pool
            else:
                now = self.version()
                with self._reopen:
                    if self._ro is None or self._ro_version != now:
                        self._ro_pool.close()
                        if self._ro is not None:
                            with contextlib.suppress(Exception):
                                self._ro.close()
                        self._ro = self._open(read_only=True)
                        self._ro_version = now
                    db, pool = self._ro, self._ro_pool
            if not fresh:
                with pool.connection(db) as conn:
                    yield conn
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
