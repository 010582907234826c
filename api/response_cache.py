"""Whole responses of the read endpoints, kept per graph version (docs/api.md, "Throughput").

Every read answer is a function of the graph, so while `GraphStore.version()` stays the same an answer
computed once can be sent again byte for byte. `ResponseCache` is an ASGI middleware: a hit never
enters FastAPI (no routing, validation or serialisation, no thread, no store call) and costs tens of
microseconds; a miss runs the app and keeps a 200 answer under (version, request).

Asking the version is itself a store call (a round trip on Neo4j), so `VersionClock` keeps the token for
`ttl` seconds, and asks again ahead of expiry on a thread limiter of its own (under steady load no request
waits for it, and the question never queues behind the route threads). The staleness bound: an answer
reflects every write committed more than `ttl` seconds before the request (`KG_API_VERSION_TTL`, default
1 s), and every write sent through this process at once (any request other than a read drops the token
when it ends). Without a version (the store is down)
nothing is cached and the request goes to the app, which answers with the store's error.
"""

from __future__ import annotations

import asyncio
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
        self._asking: tuple[float, asyncio.Future[str]] | None = None  # (asked at, answer) under way
        self._limiter = anyio.CapacityLimiter(2)

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

    async def token(self, store: GraphStore) -> str:
        """The token for a request arriving now, waiting only when the kept one may not be used.

        A kept token past half its `ttl` is asked again in the background (the request uses the kept one,
        still within the bound). A request that finds none joins the question already under way when that
        question started within `ttl` before it arrived (its answer is as good as one asked now), else asks
        anew. Questions run on a thread limiter of their own: under load every route thread may be busy
        with a slow read, and a question queued behind them stalled every request of the process (hits
        included) once per `ttl`.
        """
        now = time.monotonic()
        token = self.fresh()
        if token is not None:
            if now - self._asked_at > self.ttl / 2 and self._asking is None:
                self._ask(store, now)
            return token
        asking = self._asking
        if asking is None or now - asking[0] >= self.ttl:
            asking = self._ask(store, now)
        return await asyncio.shield(asking[1])

    def _ask(self, store: GraphStore, now: float) -> tuple[float, asyncio.Future[str]]:
        """Start asking the store (at `now`) for the token; kept as `_asking` until it answers."""

        async def ask() -> str:
            try:
                return await anyio.to_thread.run_sync(self._ask_store, store, limiter=self._limiter)
            finally:
                if self._asking is asking:
                    self._asking = None

        asking = (now, asyncio.ensure_future(ask()))
        asking[1].add_done_callback(_retrieve)  # a failure is the waiting requests' to handle, or nobody's
        self._asking = asking
        return asking

    def _ask_store(self, store: GraphStore) -> str:
        asked = time.monotonic()  # a drop during the call leaves the answer stale
        token = store.version()
        with self._lock:
            if asked >= self._asked_at:
                self._token, self._asked_at = token, asked
        return token


def _retrieve(future: asyncio.Future[str]) -> None:
    """Mark a background question's failure as seen (the requests that waited for it got it)."""
    if not future.cancelled():
        future.exception()


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
        version = None
        if store is not None:
            try:
                version = await self.clock.token(store)
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
