"""POST /api/v1/articles resolves actors across articles (graph.resolve.ingest), on both stores."""

from __future__ import annotations

import httpx

AUTH = {"Authorization": "Bearer s3cret"}


def test_posted_variant_joins_the_known_leader(live: httpx.Client) -> None:
    article = {
        "text": "Ukrainian President Volodymyr Zelenskyy told reporters in Kyiv on Tuesday "
        "that Poland had pledged more air defence systems.",
        "url": "https://example.org/tests/zelenskyy",
        "published": "2022-03-15",
        "title": "Kyiv briefing",
    }
    resp = live.post("/api/v1/articles", json=article, headers=AUTH)
    assert resp.status_code == 201, resp.text
    people = live.get("/api/v1/entities", params={"q": "zelensk", "kind": "person"}).json()["items"]
    assert [p["id"] for p in people] == ["person:volodymyr-zelensky"]
    assert "Volodymyr Zelenskyy" in people[0]["aliases"]
