"""Read answers cached per graph version (api/response_cache.py), over real HTTP on both stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from api.app import create_app
from api.response_cache import VersionClock
from graph.model import Extraction
from graph.settings import Settings

from .conftest import LiveServer, seed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"
AUTH = {"Authorization": "Bearer k"}


def _extra() -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": "https://example.org/cache-test", "title": "A visit"},
            "entities": [
                {"name": "Chile", "kind": "country"},
                {"name": "Peru", "kind": "country"},
            ],
            "relations": [{"source": "Chile", "type": "SUPPORTS", "target": "Peru"}],
        }
    )


def _serve(store: Any, tmp_path: Path, **env: Any) -> LiveServer:
    settings = Settings(KG_HOME=tmp_path, KG_API_KEY="k", KG_QUERY_TIMEOUT=5.0, **env)
    return LiveServer(create_app(store=store, settings=settings))


def test_a_read_is_answered_from_the_cache_until_the_graph_moves(store: Any, tmp_path: Path) -> None:
    seed(store)
    with _serve(store, tmp_path, KG_API_VERSION_TTL=0.0) as srv, httpx.Client(base_url=srv.url) as c:
        first = c.get("/api/v1/entities", params={"q": "kyiv"})
        again = c.get("/api/v1/entities", params={"q": "kyiv"})
        assert (first.headers["x-kg-cache"], again.headers["x-kg-cache"]) == ("miss", "hit")
        assert again.content == first.content and again.headers["content-type"] == "application/json"
        other = c.get("/api/v1/entities", params={"q": "warsaw"})  # the query string is in the key
        assert other.headers["x-kg-cache"] == "miss" and other.json() != first.json()
        before = c.get("/api/v1/stats").json()
        store.upsert([_extra()])  # a write behind the API's back: with a TTL of 0 it is seen at once
        after = c.get("/api/v1/stats")
        assert after.headers["x-kg-cache"] == "miss"
        assert after.json()["entities"] == before["entities"] + 2
        assert c.get("/health").headers.get("x-kg-cache") is None  # reachability is never cached


def test_the_version_is_trusted_for_the_ttl_and_dropped_by_writes_through_the_api(
    store: Any, tmp_path: Path
) -> None:
    seed(store)
    with _serve(store, tmp_path, KG_API_VERSION_TTL=60.0) as srv, httpx.Client(base_url=srv.url) as c:
        before = c.get("/api/v1/stats").json()
        store.upsert([_extra()])  # another process's write: not seen while the token is trusted
        stale = c.get("/api/v1/stats")
        assert stale.headers["x-kg-cache"] == "hit" and stale.json() == before
        # Any write request through this server drops the token (even one refused, here a 422).
        assert c.post("/api/v1/articles", json=[], headers=AUTH).status_code == 422
        fresh = c.get("/api/v1/stats")
        assert fresh.headers["x-kg-cache"] == "miss" and fresh.json()["entities"] == before["entities"] + 2


def test_cypher_is_cached_by_its_body_unless_it_asks_for_chance_or_time(store: Any, tmp_path: Path) -> None:
    seed(store)
    with _serve(store, tmp_path) as srv, httpx.Client(base_url=srv.url) as c:
        count = {"query": "MATCH (e:Entity) RETURN count(e) AS n"}
        assert c.post("/api/v1/cypher", json=count, headers=AUTH).headers["x-kg-cache"] == "miss"
        hit = c.post("/api/v1/cypher", json=count, headers=AUTH)
        assert hit.headers["x-kg-cache"] == "hit" and hit.json()["rows"] == [[6]]
        params = {
            "query": "MATCH (e:Entity {id: $id}) RETURN e.name AS name",
            "params": {"id": "country:poland"},
        }
        assert c.post("/api/v1/cypher", json=params, headers=AUTH).json()["rows"] == [["Poland"]]
        params["params"] = {"id": "country:ukraine"}  # the parameters are part of the body, so of the key
        assert c.post("/api/v1/cypher", json=params, headers=AUTH).json()["rows"] == [["Ukraine"]]
        chance = {"query": "RETURN rand() AS r"}
        answers = [c.post("/api/v1/cypher", json=chance, headers=AUTH) for _ in range(3)]
        assert all("x-kg-cache" not in a.headers for a in answers)
        if store.kind == "neo4j":  # the embedded store refuses rand() (docs/embedded.md): a 400 each time
            assert len({a.json()["rows"][0][0] for a in answers}) == 3
        else:
            assert [a.status_code for a in answers] == [400] * 3
        # The key is part of the key: a cached 200 is never sent to a request without it.
        assert c.post("/api/v1/cypher", json=count).status_code == 401


def test_a_cached_read_is_not_sent_to_a_request_without_the_read_key(
    embedded_store: Any, tmp_path: Path
) -> None:
    seed(embedded_store)
    with (
        _serve(embedded_store, tmp_path, KG_READ_KEY_REQUIRED=True) as srv,
        httpx.Client(base_url=srv.url) as c,
    ):
        assert c.get("/api/v1/stats", headers=AUTH).status_code == 200
        assert c.get("/api/v1/stats", headers=AUTH).headers["x-kg-cache"] == "hit"
        assert c.get("/api/v1/stats").status_code == 401
        assert c.get("/api/v1/stats", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_errors_are_not_cached_and_the_cache_can_be_turned_off(embedded_store: Any, tmp_path: Path) -> None:
    seed(embedded_store)
    with _serve(embedded_store, tmp_path) as srv, httpx.Client(base_url=srv.url) as c:
        for _ in range(2):
            missing = c.get("/api/v1/entities/country:atlantis")
            assert missing.status_code == 404 and missing.headers["x-kg-cache"] == "miss"
    with _serve(embedded_store, tmp_path, KG_API_CACHE_MB=0) as srv, httpx.Client(base_url=srv.url) as c:
        for _ in range(2):
            assert "x-kg-cache" not in c.get("/api/v1/stats").headers


def test_a_clock_dropped_while_the_store_answers_asks_again() -> None:
    class SlowStore:
        def __init__(self) -> None:
            self.n = 0
            self.clock: VersionClock | None = None

        def version(self) -> str:
            self.n += 1
            if self.n == 1 and self.clock is not None:
                self.clock.drop()  # a write ends while the first answer is on its way
            return str(self.n)

    store = SlowStore()
    clock = VersionClock(ttl=60.0)
    store.clock = clock
    assert clock.current(store) == "1"  # type: ignore[arg-type]
    assert clock.fresh() is None  # the answer predates the write: not trusted
    assert clock.current(store) == "2"  # type: ignore[arg-type]
    assert clock.fresh() == "2"


def test_requests_share_one_version_question_that_does_not_wait_for_route_threads() -> None:
    import asyncio
    import threading
    import time

    import anyio.to_thread

    class CountingStore:
        def __init__(self) -> None:
            self.n = 0

        def version(self) -> str:
            self.n += 1
            time.sleep(0.05)
            return str(self.n)

    store = CountingStore()
    clock = VersionClock(ttl=0.6)

    async def main() -> None:
        # Every route thread is busy with a slow read: the question must not queue behind it.
        anyio.to_thread.current_default_thread_limiter().total_tokens = 1
        busy = threading.Event()
        held = asyncio.ensure_future(anyio.to_thread.run_sync(busy.wait))
        await asyncio.sleep(0.01)
        try:
            got = await asyncio.wait_for(
                asyncio.gather(*(clock.token(store) for _ in range(10))),  # type: ignore[arg-type]
                timeout=5,
            )
            assert got == ["1"] * 10 and store.n == 1  # one question for all the waiting requests
            await asyncio.sleep(0.35)  # past half the TTL: the kept token, asked again in the background
            assert await clock.token(store) == "1"  # type: ignore[arg-type]
            await asyncio.sleep(0.2)
            assert store.n == 2 and clock.fresh() == "2"
            clock.drop()  # a write through this process: the next request waits for a new answer
            assert await clock.token(store) == "3"  # type: ignore[arg-type]
        finally:
            busy.set()
            await held

    asyncio.run(main())


def test_every_read_family_is_sent_again_byte_for_byte(tmp_path: Path) -> None:
    from graph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "g" / "graph.json")
    store.upsert(
        [Extraction.model_validate(json.loads(p.read_text())) for p in sorted(FIXTURES.glob("*.json"))]
    )
    with _serve(store, tmp_path) as srv, httpx.Client(base_url=srv.url) as c:
        paths = ["/api/v1/alliances", "/api/v1/events", "/views/alliances", "/"]
        first = [c.get(p) for p in paths]
        again = [c.get(p) for p in paths]
        assert [a.headers["x-kg-cache"] for a in again] == ["hit"] * len(paths)
        assert [a.content for a in again] == [f.content for f in first]
    store.close()
