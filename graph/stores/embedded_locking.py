"""The embedded store's cross-process lock and version counter (docs/embedded.md, "The writer keeps its handle").

Every process that reads or writes the store takes `store.lock` with `flock`: shared for a read,
exclusive for a write, entered through a turnstile (`store.gate`) so a waiting writer is not starved.
`flock` locks belong to open file descriptions, so threads of one process exclude each other too, and
closing the descriptor releases the lock, also when the process dies. The version (`version` file plus
the database's and WAL's change stamps) tells readers of any process that a write landed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from graph.errors import StoreUnavailable
from graph.stores.embedded_handles import DB_FILE, WAL_SUFFIX

LOCK_FILE = "store.lock"
GATE_FILE = "store.gate"  # the turnstile in front of `store.lock` that gives waiting writers priority
VERSION_FILE = "version"


class StoreLock:
    """`store.lock` with its turnstile, and the version counter, of the store in `directory`."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.lock_path = directory / LOCK_FILE
        self.gate_path = directory / GATE_FILE
        self.version_path = directory / VERSION_FILE
        self.db_path = directory / DB_FILE
        self.wal_path = directory / (DB_FILE + WAL_SUFFIX)
        self._held = threading.local()  # this thread's shared locks (a nested read skips the gate)

    def read_depth(self) -> int:
        """How many shared locks this thread holds now (0: not inside a read)."""
        return int(getattr(self._held, "depth", 0))

    def fd(self, path: Path) -> int:
        """A descriptor of one of the store's lock files, created if missing."""
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
    def locked(self, exclusive: bool) -> Iterator[None]:
        """`store.lock`, shared or exclusive, entered through a turnstile (`store.gate`).

        `flock` does not favour writers: reads that overlap one another (a busy server's threads) would
        keep a writer waiting for ever. So a writer holds the gate exclusively while it waits for the
        lock, and a reader passes the gate (shared, released at once) before it takes its shared lock:
        once a writer waits, new reads queue behind it, and the reads already running finish first. A
        read nested in another read of the same thread skips the gate (the writer waits for the outer
        one, which would otherwise wait for the writer)."""
        depth = self.read_depth()
        gate = self.fd(self.gate_path) if exclusive or depth == 0 else None
        try:
            fd = self.fd(self.lock_path)
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

    def bump(self) -> None:
        """Next counter value, written by rename (the exclusive lock is held, so no one races us)."""
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

    def temp_files(self) -> list[Path]:
        """Version temp files a writer killed mid-bump leaves behind."""
        return list(self.dir.glob(f".{VERSION_FILE}.*.tmp"))
