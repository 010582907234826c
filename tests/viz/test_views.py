"""Views: what they contain (no browser), then how they behave in headless Chromium."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from graph.model import Extraction
from graph.stores.embedded import EmbeddedStore
from viz import write_view

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"


@pytest.fixture
def seeded(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "graph.json")
    store.upsert(
        [Extraction.model_validate(json.loads(p.read_text())) for p in sorted(FIXTURES.glob("*.json"))]
    )
    return store


def data_of(html: str) -> dict[str, Any]:
    start = html.index("const DATA = ") + len("const DATA = ")
    return json.loads(html[start : html.index(";\n", start)].replace("<\\/", "</"))


def test_alliance_view_content(seeded: EmbeddedStore, tmp_path: Path) -> None:
    report = write_view(seeded, "alliances", tmp_path / "a.html")
    html = (tmp_path / "a.html").read_text()
    data = data_of(html)
    ids = {n["id"] for n in data["nodes"]}
    assert "place:kharkiv" not in ids  # places are not actors
    assert {"country:poland", "country:ukraine", "country:russia"} <= ids
    assert report.nodes == len(data["nodes"]) and report.edges == len(data["edges"])
    allied = next(e for e in data["edges"] if e["rtype"] == "ALLIED_WITH")
    assert allied["arrows"] == "" and allied["width"] == 3  # symmetric; two pieces of evidence
    assert "Kyiv called Poland its closest ally." in allied["title"] and "2 article(s)" in allied["title"]
    colours = {n["id"]: n["color"] for n in data["nodes"]}
    assert (
        colours["country:poland"] == colours["country:ukraine"] != colours["country:russia"]
    )  # bloc colours
    import re

    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing loads from elsewhere
    assert "<link" not in html.lower()


def test_filters_limit_and_escaping(seeded: EmbeddedStore, tmp_path: Path) -> None:
    seeded.upsert(
        [
            Extraction.model_validate(
                {
                    "article": {"url": "https://example.org/x", "published": "2022-03-12"},
                    "entities": [
                        {"name": "Poland", "kind": "country"},
                        {"name": "Lithuania", "kind": "country"},
                    ],
                    "relations": [
                        {
                            "source": "Lithuania",
                            "type": "SUPPORTS",
                            "target": "Poland",
                            "evidence": "<script>alert(1)</script> backs Warsaw",
                        }
                    ],
                }
            )
        ]
    )
    only = write_view(seeded, "alliances", tmp_path / "s.html", types=["SUPPORTS"], since="2022-03-12")
    data = data_of((tmp_path / "s.html").read_text())
    assert {e["rtype"] for e in data["edges"]} == {"SUPPORTS"} and only.edges == 1
    assert "<script>alert(1)</script>" not in (tmp_path / "s.html").read_text()  # escaped in the payload
    actor = write_view(seeded, "actor", tmp_path / "r.html", name="Warsaw", depth=2)
    assert actor.nodes >= 3
    write_view(seeded, "timeline", tmp_path / "t.html")
    tdata = data_of((tmp_path / "t.html").read_text())
    events = tdata["events"]
    assert len(events) == 2 and events[0]["start"] <= events[1]["start"]  # date order
    assert all(len(e["start"]) == 10 for e in events)  # partial dates placed at their first day


def test_node_limit_keeps_the_most_connected(tmp_path: Path) -> None:
    from viz.views import alliance_page

    store = EmbeddedStore(tmp_path / "big.json")
    ents = [{"name": f"Country {i:03d}", "kind": "country"} for i in range(60)]
    rels = [
        {"source": "Country 000", "type": "ALLIED_WITH", "target": f"Country {i:03d}"} for i in range(1, 60)
    ]
    store.upsert(
        [
            Extraction.model_validate(
                {"article": {"url": "https://example.org/big"}, "entities": ents, "relations": rels}
            )
        ]
    )
    page = alliance_page(store, limit=20)
    assert page.nodes == 20 and page.omitted == 40
    assert "40 less connected node(s) left out" in page.html


# ------------------------------------------------------------------------------------- browser


def _check_page(
    browser: Any, url: str, expect_nodes: int, expect_edges: int, hover_id: str, evidence: str, shot: Path
) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    requests: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function("window.agReady === true", timeout=30_000)
    assert not errors and not failed
    assert requests == [url]  # the page itself and nothing else: no CDN, no fonts, no API calls
    counts = page.evaluate("[agNetwork.body.nodeIndices.length, agNetwork.body.edgeIndices.length]")
    assert counts == [expect_nodes, expect_edges]
    # Hover shows the tooltip; a click shows the evidence in the side panel.
    xy = page.evaluate(
        f"(() => {{ const p = agNetwork.getPositions(['{hover_id}'])['{hover_id}']; return agNetwork.canvasToDOM(p); }})()"
    )
    page.mouse.move(xy["x"], xy["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    page.mouse.click(xy["x"], xy["y"])
    page.evaluate("agNetwork.selectEdges([agEdges.getIds()[0]])")
    edge_id = page.evaluate(
        "agEdges.getIds().find(id => agEdges.get(id).info.includes(" + json.dumps(evidence) + "))"
    )
    assert edge_id, "an edge carries the evidence sentence"
    pos = page.evaluate(
        f"(() => {{ const e = agEdges.get({json.dumps(edge_id)}); const p = agNetwork.getPositions([e.from, e.to]);"
        " const a = agNetwork.canvasToDOM(p[e.from]), b = agNetwork.canvasToDOM(p[e.to]); return {x: (a.x+b.x)/2, y: (a.y+b.y)/2}; })()"
    )
    page.mouse.click(pos["x"], pos["y"])
    assert evidence in page.inner_text("#info")
    png = page.screenshot(path=str(shot))
    page.close()
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB").resize((300, 200))
    assert len(set(img.get_flattened_data())) > 20  # drawn nodes, edges and text, not a blank page


@pytest.mark.browser
def test_file_views_in_chromium(browser: Any, seeded: EmbeddedStore, tmp_path: Path) -> None:
    report = write_view(seeded, "alliances", tmp_path / "alliances.html")
    _check_page(
        browser,
        (tmp_path / "alliances.html").as_uri(),
        report.nodes,
        report.edges,
        "country:poland",
        "Kyiv called Poland its closest ally.",
        tmp_path / "a.png",
    )


@pytest.mark.browser
@pytest.mark.parametrize("store_kind", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_served_views_in_chromium(
    browser: Any, store_kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    import httpx

    from api.app import create_app
    from graph.settings import Settings
    from tests.api.conftest import LiveServer, seed

    store = request.getfixturevalue(f"{store_kind}_store")
    seed(store)
    with LiveServer(create_app(store=store, settings=Settings(KG_HOME=tmp_path))) as srv:
        index = httpx.get(srv.url + "/").text
        assert "/views/alliances" in index and "/docs" in index
        _check_page(
            browser,
            srv.url + "/views/alliances",
            5,
            4,  # ALLIED_WITH, SUPPORTS, CONDEMNED, AFFILIATED_WITH among the five actors
            "country:poland",
            "Kyiv called Poland its closest ally.",
            tmp_path / "s.png",
        )
        _check_page(
            browser,
            srv.url + "/views/actors/country:russia?depth=1",
            3,
            2,
            "country:russia",
            "Russian artillery shelled Kharkiv overnight.",
            tmp_path / "r.png",
        )
        resp = httpx.get(srv.url + "/views/timeline")
        assert resp.status_code == 200 and "Event timeline" in resp.text
        assert httpx.get(srv.url + "/views/actors/country:atlantis").status_code == 404
