"""A real uvicorn server on a free loopback port, over each store."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from api.app import create_app
from graph.model import Extraction
from graph.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a background thread; `url` is its base address."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def seed(store: Any) -> None:
    store.upsert(
        [Extraction.model_validate(json.loads(p.read_text())) for p in sorted(FIXTURES.glob("*.json"))]
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(KG_HOME=tmp_path, KG_API_KEY="s3cret", KG_MAX_BODY_BYTES=200_000, KG_QUERY_TIMEOUT=5.0)


@pytest.fixture
def live(store: Any, settings: Settings) -> Iterator[httpx.Client]:
    """An HTTP client against the app serving a seeded store (each store in turn)."""
    seed(store)
    with (
        LiveServer(create_app(store=store, settings=settings)) as srv,
        httpx.Client(base_url=srv.url, timeout=60) as client,
    ):
        yield client
