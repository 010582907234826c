"""Records read from the embedded store, kept for one graph version (docs/embedded.md, "Read memo").

An entity read by id costs two statements (node, articles), a few tenths of a millisecond of CPU each
whatever the graph's size, and an API server reads the same few entities again and again (a path
request reads both ends twice: to resolve them, then to search). While `StoreFiles.version()` stays
the same the answer cannot change, so it is kept here; a new version drops everything. Values are kept
as tuples and every `get` builds a new model, so a caller that changes what it got changes nothing
here.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from typing import Any

from graph.model import Entity

MAX_ENTRIES = 20_000  # an entity with a few dozen articles is ~1 KB here: tens of MB at most


def frozen_entity(e: Entity) -> tuple[tuple[tuple[str, Any], ...], frozenset[str]]:
    """An entity as immutable values, with the fields that were set (model_dump_json is the same)."""
    fields = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in e.__dict__.items())
    return fields, frozenset(e.model_fields_set)


def thawed_entity(value: tuple[tuple[tuple[str, Any], ...], frozenset[str]]) -> Entity:
    """A new `Entity` from `frozen_entity`'s values (fresh lists)."""
    fields, fields_set = value
    values: dict[str, Any] = {k: list(v) if isinstance(v, tuple) else v for k, v in fields}
    return Entity.model_construct(set(fields_set), **values)


class VersionMemo:
    """Values by key for one version; a value of another version is never returned."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._version: str | None = None
        self._values: dict[Hashable, Any] = {}
        self._lock = threading.Lock()

    def get(self, version: str, key: Hashable) -> Any:
        with self._lock:
            return self._values.get(key) if version == self._version else None

    def put(self, version: str, key: Hashable, value: Any) -> None:
        # The last version put wins: a slow read of an older version only costs the newer ones misses.
        with self._lock:
            if version != self._version:
                self._version, self._values = version, {}
            if len(self._values) >= self.max_entries:
                self._values.clear()
            self._values[key] = value
