"""Every endpoint through real HTTP, on the embedded store and on the real Neo4j."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from api.app import create_app
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore

from .conftest import LiveServer

AUTH = {"Authorization": "Bearer s3cret"}


def assert_error(resp: httpx.Response, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["status"] == status and body["code"] == code and body["message"]


def test_health_and_stats(live: httpx.Client) -> None:
    assert live.get("/health").json()["status"] == "ok"
    stats = live.get("/api/v1/stats").json()
    assert (stats["entities"], stats["relations"], stats["events"], stats["articles"]) == (6, 5, 2, 2)


def test_health_says_when_search_is_prepared(live: httpx.Client) -> None:
    # The app's search warmer (api/search_warmer.py) prepares the store's search in the background: /health
    # says "warming" until then, "ready" once no search meets a cold stem at the current version.
    import time

    deadline = time.monotonic() + 30
    state = live.get("/health").json()["search"]
    while state == "warming" and time.monotonic() < deadline:
        time.sleep(0.05)
        state = live.get("/health").json()["search"]
    assert state == "ready"
    assert live.get("/api/v1/entities", params={"q": "kyiv"}).json()["total"] == 1


def test_entity_search_detail_and_neighbors(live: httpx.Client) -> None:
    page = live.get("/api/v1/entities", params={"q": "KYÍV"}).json()  # accents and case ignored
    assert [i["id"] for i in page["items"]] == ["country:ukraine"]
    assert {"id", "name", "kind", "aliases", "degree"} <= page["items"][0].keys()
    assert live.get("/api/v1/entities", params={"kind": "country", "limit": 2}).json()["total"] == 3
    detail = live.get("/api/v1/entities/country:poland").json()
    assert set(detail["relations"]) == {"ALLIED_WITH", "SUPPORTS"}
    hood = live.get(
        "/api/v1/entities/country:poland/neighbors",
        params={"depth": 2, "types": ["ALLIED_WITH", "AFFILIATED_WITH"]},
    ).json()
    assert {n["id"] for n in hood["nodes"]} == {
        "country:poland",
        "country:ukraine",
        "person:volodymyr-zelensky",
    }
    assert_error(live.get("/api/v1/entities/country:atlantis"), 404, "not_found")
    assert_error(
        live.get("/api/v1/entities/country:poland/neighbors", params={"depth": 9}), 422, "invalid_input"
    )


def test_relations_events_and_paging(live: httpx.Client) -> None:
    rels = live.get("/api/v1/relations", params={"type": "ALLIED_WITH"}).json()
    assert rels["total"] == 1 and rels["items"][0]["evidence_count"] == 2
    assert {e["date"] for e in rels["items"][0]["evidence"]} == {"2022-03-10", "2022-03-11"}
    by_name = live.get("/api/v1/relations", params={"source": "Russia"}).json()
    assert [r["type"] for r in by_name["items"]] == ["STRUCK"]
    page = live.get("/api/v1/relations", params={"limit": 2, "offset": 4}).json()
    assert page["total"] == 5 and len(page["items"]) == 1
    ev = live.get("/api/v1/events", params={"actor": "Russia", "since": "2022-03-10"}).json()
    assert [e["type"] for e in ev["items"]] == ["ACCUSE"]
    assert live.get("/api/v1/events", params={"place": "Kharkiv"}).json()["items"][0]["evidence"][0][
        "sentence"
    ]
    assert_error(live.get("/api/v1/events", params={"since": "March 2022"}), 422, "invalid_input")
    assert_error(live.get("/api/v1/relations", params={"type": "LOVES"}), 422, "invalid_input")


def test_paths_alliances_subgraph_export(live: httpx.Client) -> None:
    paths = live.get("/api/v1/paths", params={"from": "Zelensky", "to": "Warsaw"}).json()
    assert paths["target"] == "country:poland" and paths["paths"][0]["length"] == 2
    assert_error(live.get("/api/v1/paths", params={"from": "Zelensky", "to": "Atlantis"}), 404, "not_found")
    report = live.get("/api/v1/alliances").json()
    bloc = report["bloc_of"]
    assert bloc["country:poland"] == bloc["country:ukraine"] != bloc["country:russia"]
    assert report["balance"]["signed_ties"] == 2  # Poland-Ukraine, EU-Russia (places are not actors)
    sub = live.get("/api/v1/subgraph", params={"ids": "country:russia,place:kharkiv"}).json()
    assert [e["type"] for e in sub["edges"]] == ["STRUCK"]
    assert live.get("/api/v1/export", params={"format": "graphml"}).text.startswith("<?xml")
    assert len(live.get("/api/v1/export").json()["entities"]) == 6


def test_cypher_reads_and_refuses_writes(live: httpx.Client) -> None:
    ok = live.post(
        "/api/v1/cypher",
        json={"query": "MATCH (c:Country) WHERE c.name = $n RETURN c.id AS id", "params": {"n": "Poland"}},
        headers=AUTH,
    )
    assert ok.json()["rows"] == [["country:poland"]]
    before = live.get("/api/v1/stats").json()
    for q in (
        "MATCH (n) DETACH DELETE n",
        "CREATE (:Entity {id: 'x'})",
        "MATCH (n:Entity) SET n.name = 'x' RETURN n",
    ):
        assert_error(live.post("/api/v1/cypher", json={"query": q}, headers=AUTH), 403, "write_refused")
    assert live.get("/api/v1/stats").json() == before
    assert_error(live.post("/api/v1/cypher", json={"query": ""}, headers=AUTH), 422, "invalid_input")
    assert live.post("/api/v1/cypher", json={"query": "MATCH (n RETURN n"}, headers=AUTH).status_code == 400
    # Cypher is a read, but the most powerful one: it takes the key whenever KG_API_KEY is set.
    assert_error(live.post("/api/v1/cypher", json={"query": "RETURN 1 AS x"}), 401, "unauthorized")


def test_post_articles_needs_the_key_and_merges(live: httpx.Client) -> None:
    article = {
        "text": "Poland and Ukraine signed a defence pact on Monday. Russia condemned the pact.",
        "url": "https://example.org/tests/pact",
        "published": "2022-03-14",
        "title": "Pact signed",
    }
    assert_error(live.post("/api/v1/articles", json=article), 401, "unauthorized")
    first = live.post("/api/v1/articles", json=article, headers=AUTH)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["articles"] == 1 and "country:poland" in body["merged"]["entities"]
    again = live.post("/api/v1/articles", json=[article], headers=AUTH).json()
    assert again["evidence_added"] == 0 and again["merged"]["articles"]
    assert_error(live.post("/api/v1/articles", json={"title": "no body"}, headers=AUTH), 422, "bad_article")
    assert_error(
        live.post(
            "/api/v1/articles", content=b"{not json", headers={**AUTH, "content-type": "application/json"}
        ),
        422,
        "invalid_input",
    )


def test_oversized_body_is_413(live: httpx.Client) -> None:
    big = {"text": "Chad and Sudan. " * 20_000}
    assert_error(live.post("/api/v1/articles", json=big, headers=AUTH), 413, "too_large")
    assert live.get("/api/v1/stats").json()["articles"] == 2


def test_unknown_route_is_404_in_the_same_shape(live: httpx.Client) -> None:
    assert_error(live.get("/api/v1/nothing-here"), 404, "not_found")


def test_embedded_store_down_is_503(tmp_path: Any) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    store = EmbeddedStore(blocker / "graph.json")  # its directory is a file: nothing can be written
    with (
        LiveServer(create_app(store=store, settings=Settings(KG_HOME=tmp_path))) as srv,
        httpx.Client(base_url=srv.url) as c,
    ):
        resp = c.get("/health")
        assert resp.status_code == 503
        assert resp.json()["store"] == "embedded" and "not-a-directory" in resp.json()["message"]


@pytest.mark.neo4j
def test_neo4j_down_is_503(neo4j_driver: Any, tmp_path: Any) -> None:
    from neo4j import GraphDatabase

    from graph.stores.neo4j import Neo4jStore
    from tests.conftest import free_port

    store = Neo4jStore(neo4j_driver)
    gone = GraphDatabase.driver(
        f"bolt://127.0.0.1:{free_port()}",
        auth=("neo4j", "x"),
        connection_timeout=2,
        max_transaction_retry_time=2,
    )
    store.driver = gone  # the server went away after start-up
    try:
        with (
            LiveServer(create_app(store=store, settings=Settings(KG_HOME=tmp_path))) as srv,
            httpx.Client(base_url=srv.url) as c,
        ):
            health = c.get("/health")
            assert health.status_code == 503 and health.json()["store"] == "neo4j"
            down = c.get("/api/v1/stats")
            assert_error(down, 503, "store_unavailable")
            assert "Neo4j" in down.json()["message"]
    finally:
        gone.close()
