"""Whole responses of the read endpoints, kept per graph version (docs/api.md, "Throughput").

Every read answer is a function of the graph, so while `GraphStore.version()` stays the same an answer
computed once can be sent again byte for byte. `ResponseCache` is an ASGI middleware: a hit never
enters FastAPI (no routing, validation or serialisation, no thread, no store call) and costs tens of
microseconds; a miss runs the app and keeps a 200 answer under (version, request).

Asking the version is itself a store call (a round trip on Neo4j), so `VersionClock` keeps the token for
`ttl` seconds. The staleness bound: an answer reflects every write committed more than `ttl` seconds
before the request (`KG_API_VERSION_TTL`, default 1 s), and every write sent through this process at once
(any request other than a read drops the token when it ends). Without a version (the store is down)
nothing is cached and the request goes to the app, which answers with the store's error.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import OrderedDict
from typing import Any

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.store import GraphStore

CACHED_PREFIXES = ("/api/v1/", "/views/")
NOT_CACHED = ("/api/v1/articles",)  # writes
CYPHER = "/api/v1/cypher"  # a POST, but it only reads: cached by its body, unless it asks for chance or time
# Functions whose value is not fixed by the graph. Matched on the raw body, so a string literal naming
# one only makes the query uncached (never a wrong answer).
NONDETERMINISTIC = re.compile(
    rb"\b(rand|randomuuid|timestamp|datetime|localdatetime|date|time|localtime)\s*\(", re.IGNORECASE
)
CACHE_HEADER = b"x-kg-cache"


class VersionClock:
    """The store's version token, asked again only when it is older than `ttl` seconds or dropped."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._token: str | None = None
        self._asked_at = -math.inf
        self._dropped_at = -math.inf
        self._lock = threading.Lock()

    def fresh(self) -> str | None:
        """The token if it may still be used, without asking the store."""
        now = time.monotonic()
        if self._asked_at > self._dropped_at and now - self._asked_at < self.ttl:
            return self._token
        return None

    def current(self, store: GraphStore) -> str:
        """The token, asking the store once for all the threads that need a new one."""
        with self._lock:
            token = self.fresh()
            if token is None:
                asked = time.monotonic()  # a drop during the call leaves the answer stale
                token = store.version()
                self._token, self._asked_at = token, asked
            return token

    def drop(self) -> None:
        """Forget the token (a write went through this process)."""
        self._dropped_at = time.monotonic()


class ResponseCache:
    """Cache 200 answers of GET reads (and read-only Cypher) per version, at most `max_bytes` in all."""

    def __init__(self, app: ASGIApp, max_bytes: int, ttl: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_entry = max(1, max_bytes // 8)  # one answer may not crowd out the rest
        self.clock = VersionClock(ttl)
        self._entries: OrderedDict[tuple[Any, ...], tuple[str, int, list[Any], bytes]] = OrderedDict()
        self._size = 0
        self._version: str | None = None
        self._guard = threading.Lock()
        self.hits = 0
        self.misses = 0

    def _cacheable(self, method: str, path: str) -> bool:
        if method == "GET":
            return (path == "/" or path.startswith(CACHED_PREFIXES)) and not path.startswith(NOT_CACHED)
        return method == "POST" and path == CYPHER

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        if not self._cacheable(method, path):
            try:
                await self.app(scope, receive, send)
            finally:
                if method not in ("GET", "HEAD", "OPTIONS"):
                    self.clock.drop()
            return
        body = b""
        if method == "POST":
            body, receive = await _read_body(receive)
            if NONDETERMINISTIC.search(body):
                await self.app(scope, receive, send)
                return
        store: GraphStore | None = getattr(scope["app"].state, "store", None)
        version = self.clock.fresh()
        if version is None and store is not None:
            try:
                version = await anyio.to_thread.run_sync(self.clock.current, store)
            except Exception:  # the app answers with the store's own error shape
                version = None
        if version is None:
            await self.app(scope, receive, send)
            return
        # Every Authorization header, in order: the same credentials as the request that was cached.
        auth = tuple(v for k, v in scope["headers"] if k == b"authorization")
        key = (method, path, scope["query_string"], auth, body)
        with self._guard:
            if version != self._version:  # answers of older versions can never be sent again
                self._version = version
                self._entries.clear()
                self._size = 0
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version:
                self._entries.move_to_end(key)
                self.hits += 1
        if entry is not None and entry[0] == version:
            _, status, head, content = entry
            await send(
                {"type": "http.response.start", "status": status, "headers": [*head, (CACHE_HEADER, b"hit")]}
            )
            await send({"type": "http.response.body", "body": content})
            return
        await self._miss(scope, receive, send, key, version)

    async def _miss(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[Any, ...], version: str
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message.get("headers", []), (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and size <= self.max_entry:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if not message.get("more_body", False) and start is not None and start["status"] == 200:
                    self._put(key, (version, 200, list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        with self._guard:
            self.misses += 1
        await self.app(scope, receive, keep)

    def _put(self, key: tuple[Any, ...], entry: tuple[str, int, list[Any], bytes]) -> None:
        cost = len(entry[3]) + 512
        if cost > self.max_entry:
            return
        with self._guard:
            if entry[0] != self._version:
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old[3]) + 512
            self._entries[key] = entry
            self._size += cost
            while self._size > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped[3]) + 512


async def _read_body(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body (bounded by the BodyLimit middleware outside), and a receive that replays it."""
    parts = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(parts)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay
