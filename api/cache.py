"""Work that depends only on the graph's version, computed once per version and shared by requests.

Alliance blocs, balance, counts and the alliance page read the whole graph; under load every request
recomputed them. `VersionCache.get(store, key, compute)` asks the store for its `version()` (one cheap
call) and returns the value computed for that version, computing it once however many requests ask at
the same time (one lock per key). A new version drops everything computed for the old one. It sits in
the API, over the `GraphStore` protocol: the stores know nothing of it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

from graph.store import GraphStore

T = TypeVar("T")


class VersionCache:
    """Values keyed by (version, key); at most `max_entries` per version (oldest dropped first)."""

    def __init__(self, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self._version: str | None = None
        self._values: dict[Hashable, Any] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, store: GraphStore, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key` at the store's current version, computing it at most once."""
        version = store.version()
        with self._guard:
            if version != self._version:
                self._version, self._values, self._locks = version, {}, {}
            if key in self._values:
                self.hits += 1
                return self._values[key]  # type: ignore[no-any-return]
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one computation per key; the others wait for it
            with self._guard:
                if self._version == version and key in self._values:
                    self.hits += 1
                    return self._values[key]  # type: ignore[no-any-return]
            value = compute()
            with self._guard:
                self.misses += 1
                if self._version == version:
                    if len(self._values) >= self.max_entries:
                        self._values.pop(next(iter(self._values)))
                    self._values[key] = value
            return value


async def version_cache(request: Request) -> VersionCache:
    """The app's cache (created with the app; async: no I/O, no trip through the thread pool)."""
    return request.app.state.version_cache  # type: ignore[no-any-return]
