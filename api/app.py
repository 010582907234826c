"""The FastAPI app: the graph API under /api/v1, OpenAPI at /docs, the HTML views at / and /views."""

from __future__ import annotations

import gc
import importlib.util
import socket
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import errors
from api.cache import VersionCache
from api.deps import ReadAllowed
from api.response_cache import ResponseCache
from api.routers import (
    alliances,
    articles,
    cypher,
    docs,
    entities,
    events,
    health,
    paths,
    relations,
    stats,
    subgraph,
)
from api.search_warmer import SearchWarmer
from graph.errors import ConfigError
from graph.settings import Settings, get_settings
from graph.store import GraphStore

API_PREFIX = "/api/v1"


class BodyLimit:
    """Refuse request bodies above `limit` bytes with the API's 413 shape, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(send, int(declared))
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(seen)
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge as exc:
            await self._too_large(send, exc.size)

    async def _too_large(self, send: Send, size: int) -> None:
        response = errors.error_response(
            413,
            "too_large",
            f"request body is {size:,} bytes, above the limit of {self.limit:,}",
            hint="raise KG_MAX_BODY_BYTES or split the input",
        )
        await response({"type": "http"}, _noop_receive, send)  # type: ignore[arg-type]


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


async def _noop_receive() -> Message:
    return {"type": "http.disconnect"}


def _lazy_extractor() -> Callable[[], Any]:
    lock = threading.Lock()
    holder: dict[str, Any] = {}

    def get() -> Any:
        with lock:
            if "x" not in holder:
                from loaders.pipeline import Extractor

                holder["x"] = Extractor()
            return holder["x"]

    return get


def create_app(store: GraphStore | None = None, settings: Settings | None = None) -> FastAPI:
    """The app; the store is opened once in the lifespan (or the one given is used) and injected."""
    settings = settings or get_settings()
    if settings.read_key_required and settings.api_key is None:
        raise ConfigError(
            "KG_READ_KEY_REQUIRED=true but KG_API_KEY is not set: there is no key to require",
            hint="set KG_API_KEY, or unset KG_READ_KEY_REQUIRED",
        )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Sync endpoints run in anyio's thread pool: size it for concurrent clients (most wait on I/O).
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.api_threads
        owned = store is None
        if owned:
            from graph.stores.factory import open_store

            # Searches may use what was kept at a version seen within the TTL: the bound cached answers
            # already have (docs/api.md, "Throughput").
            app.state.store = open_store(settings, version_ttl=settings.api_version_ttl)
        else:
            app.state.store = store
        # What exists now (modules, the app, the store's driver: ~70k objects) lives as long as the
        # server, yet every full collection of the cyclic GC walks it: 20-100 ms with the GIL held, each
        # one a stall for every request in flight (docs/api.md, "Throughput"). Frozen, it is left out of
        # collections; what requests allocate is collected as before.
        gc.collect()
        gc.freeze()
        warmer = app.state.search_warmer = (
            SearchWarmer(app.state.store, settings.api_search_prepare_gap).start()
            if settings.api_search_prepare_gap > 0
            else None
        )
        try:
            yield
        finally:
            if warmer is not None:
                warmer.stop()
            gc.unfreeze()
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="Actorgraph",
        version="0.1.0",
        description="A knowledge graph of who did what to whom, read from news.",
        lifespan=lifespan,
        docs_url=None,  # served by api.routers.docs with the vendored assets, not from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.version_cache = VersionCache()
    app.state.extractor = _lazy_extractor()
    errors.install(app)
    app.include_router(health.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=docs.STATIC_DIR), name="static")
    # KG_READ_KEY_REQUIRED puts every read (API and views) behind the key; Cypher and writes always
    # need it when KG_API_KEY is set (docs/security.md).
    for module in (stats, entities, relations, events, paths, alliances, subgraph, articles):
        app.include_router(module.router, prefix=API_PREFIX, dependencies=[ReadAllowed])
    app.include_router(cypher.router, prefix=API_PREFIX)
    if importlib.util.find_spec("api.routers.views") is not None:
        from api.routers import views

        app.include_router(views.router, dependencies=[ReadAllowed])
    # Innermost of the middlewares: CORS and the body limit still apply to cached answers.
    app.add_middleware(
        ResponseCache, max_bytes=settings.api_cache_mb * 1024 * 1024, ttl=settings.api_version_ttl
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["*"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def serve(host: str = "127.0.0.1", port: int = 8000, reload: bool = False, workers: int = 1) -> None:
    """Run the app with uvicorn (`kg serve`); `workers` > 1 runs that many processes on one port."""
    import uvicorn

    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        from api.listening import NoDelayConfig, WorkerListener, reserve_port

        # Worker processes import the app themselves: uvicorn needs the factory's import path.
        config = NoDelayConfig(
            "api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="info"
        )
        # A listening socket per worker on the shared port (SO_REUSEPORT), so connections spread over
        # the workers instead of going mostly to one (api/listening.py).
        if not hasattr(socket, "SO_REUSEPORT"):  # not on Windows: one socket shared, as uvicorn does
            Multiprocess(config, sockets=[config.bind_socket()]).run()
            return
        with reserve_port(host, port):
            listener = WorkerListener(host, port, config.backlog)
            Multiprocess(config, sockets=[listener]).run()  # type: ignore[list-item]
        return
    uvicorn.run(create_app(), host=host, port=port, reload=reload, log_level="info")
