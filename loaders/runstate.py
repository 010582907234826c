"""State files under `$KG_HOME/state/`: finished inputs of a run, so an interrupted run can resume.

An input is a file (keyed by its absolute path, size and modification time, so an edited file is read
again) or a URL. A run marks inputs finished only after everything read from them is in the store;
re-running with `--resume` skips them. Inputs read but not yet written are read again, which adds no
evidence twice because every store write is idempotent. Writes are atomic (temporary file + rename).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


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
