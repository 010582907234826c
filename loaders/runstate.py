"""State files under `$KG_HOME/state/`: finished inputs of a run, so an interrupted run can resume.

An input is a file (keyed by its absolute path, size and modification time, so an edited file is read
again) or a URL. A run marks inputs finished only after everything read from them is in the store;
re-running with `--resume` skips them. Inputs read but not yet written are read again, which adds no
evidence twice because every store write is idempotent. Writes are atomic (temporary file + rename).
A state file that one process keeps rewriting for its whole life (the feed state of `kg watch`) is
also held under a `StateLock`, so that a second process cannot read it, race it, and lose entries.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

from graph.errors import StateLocked


def input_key(item: Path | str) -> str | None:
    """The identity of an input in a state file; None for standard input, which is never skipped."""
    if item == "-":
        return None
    if isinstance(item, str) and item.startswith(("http://", "https://")):
        return item
    path = Path(item)
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"


def write_json_atomic(path: Path, data: Any) -> None:
    """Replace `path` with `data` as JSON so that a reader or a crash never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_json(path: Path, default: Any) -> Any:
    """A state file's content, or `default` when there is none (or it is unreadable: start afresh)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return default


class FinishedInputs:
    """The inputs a kind of run has finished, persisted in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = read_json(path, {})
        self.keys: set[str] = set(data.get("finished", [])) if isinstance(data, dict) else set()

    def is_finished(self, item: Path | str) -> bool:
        key = input_key(item)
        return key is not None and key in self.keys

    def mark(self, items: list[Path | str]) -> None:
        """Record inputs as finished (and save at once)."""
        keys = {k for k in map(input_key, items) if k is not None}
        if keys - self.keys:
            self.keys |= keys
            write_json_atomic(self.path, {"finished": sorted(self.keys)})


class StateLock:
    """An exclusive lock on a state file, held from before it is read until its owner is done with it.

    The lock is a `flock` on a sidecar `<name>.lock`, not on the state file itself: a save replaces the
    state file by rename, and a lock on the old inode would not exclude a process that opens the new
    one. The kernel drops the lock when its process dies (`kill -9` included), so no stale lock is left
    to clean up. The holder writes its pid into the lock file, for the message of the one refused.
    """

    def __init__(self, state_path: Path, holder: str) -> None:
        self.path = state_path.with_name(state_path.name + ".lock")
        self.state_path = state_path
        self.holder = holder  # what the lock is held for, in the error message
        self.fd: int | None = None

    def acquire(self) -> None:
        """Take the lock at once, or raise `StateLocked` naming the process that has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StateLocked(
                f"{self.state_path} is in use by another process (pid {owner}): {self.holder} needs it alone",
                hint="one `kg watch` (or `kg ingest --feed`) per KG_HOME at a time: stop the other one, "
                "or give this one its own KG_HOME",
                path=str(self.state_path),
                pid=owner,
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> StateLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
