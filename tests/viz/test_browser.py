"""The views in headless Chromium: no console error, a real time axis, readable blocs, offline docs.

The demo graph is the example articles ingested with the real extraction pipeline (`kg ingest`).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.conftest import LiveServer, seed
from viz import write_view

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser

LABEL_BOXES = """() => { const ns = agNetwork.body.nodes;
  return agNetwork.body.nodeIndices.filter(id => ns[id].options.label)
    .map(id => { const s = ns[id].labelModule.size; return [id, s.left, s.top, s.width, s.height]; }); }"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The example articles, ingested as a new user does (`kg ingest examples/articles`)."""
    from graph.stores.factory import open_store

    home = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "KG_HOME": str(home), "KG_STORE": "embedded"}
    kg = Path(sys.executable).parent / "kg"
    subprocess.run(
        [str(kg), "ingest", str(ROOT / "examples" / "articles")], env=env, check=True, capture_output=True
    )
    store = open_store(Settings(KG_HOME=home, KG_STORE="embedded"))
    yield store
    store.close()


class Watch:
    """Console errors, page errors, failed requests and HTTP errors of one page."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        page.on(
            "console",
            lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        page.on(
            "response", lambda r: self.problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None
        )


def wait_js(page: Any, cond: str, timeout_ms: int = 30_000) -> None:
    """Poll a JS condition inside the page: the views' CSP forbids the eval `wait_for_function` uses."""
    page.evaluate(
        "() => new Promise((ok, fail) => { const t0 = Date.now(); const t = setInterval(() => {"
        f" if ({cond}) {{ clearInterval(t); ok(true); }}"
        f" else if (Date.now() - t0 > {timeout_ms}) {{ clearInterval(t); fail(new Error({json.dumps(cond)})); }}"
        " }, 20); })"
    )


def _open(browser: Any, url: str, ready: str = "window.agReady === true") -> tuple[Any, Watch]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    watch = Watch(page)
    page.goto(url)
    wait_js(page, ready)
    return page, watch


def _overlaps(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    out = []
    for i, (a, ax, ay, aw, ah) in enumerate(boxes):
        for b, bx, by, bw, bh in boxes[i + 1 :]:
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                out.append((a, b))
    return out


def test_demo_alliance_map_labels_apart_and_blocs_separable(
    browser: Any, demo: GraphStore, tmp_path: Path
) -> None:
    report = write_view(demo, "alliances", tmp_path / "a.html")
    page, watch = _open(browser, (tmp_path / "a.html").as_uri())
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) == report.nodes > 20  # every actor labelled on the demo graph
    assert _overlaps(boxes) == []
    blocs = [b for b in page.evaluate("agBlocs()") if len(b["members"]) > 1]
    assert len(blocs) >= 2
    pos = page.evaluate("agNetwork.getPositions()")
    centres = [
        (
            sum(pos[m]["x"] for m in b["members"]) / len(b["members"]),
            sum(pos[m]["y"] for m in b["members"]) / len(b["members"]),
        )
        for b in blocs
    ]
    for i, b in enumerate(blocs):
        for m in b["members"]:
            p = (pos[m]["x"], pos[m]["y"])
            assert all(math.dist(p, centres[i]) < math.dist(p, c) for j, c in enumerate(centres) if j != i), m
    # The search box focuses an actor.
    page.fill("#search", blocs[0]["members"][0].split(":", 1)[1].replace("-", " ")[:5])
    page.press("#search", "Enter")
    selected = page.evaluate("agNetwork.getSelectedNodes()")
    assert len(selected) == 1 and "(" in page.inner_text("#info")
    assert watch.problems == []
    page.close()


def test_file_alliance_window_recomputes_blocs_like_the_api(
    browser: Any, demo: GraphStore, tmp_path: Path
) -> None:
    from graph.analytics import alliance_blocs

    write_view(demo, "alliances", tmp_path / "a.html")
    page, watch = _open(browser, (tmp_path / "a.html").as_uri())
    years = sorted({m[:4] for m in page.evaluate("months")})
    assert len(years) >= 3
    windows = [(f"{y}-01-01", f"{y}-12-31") for y in years] + [
        (f"{years[0]}-06-15", f"{years[-1]}-02-10"),
        ("", ""),
    ]
    for since, until in windows:
        done = page.evaluate("window.agWindowDone || 0")
        page.fill("#since", since)
        page.fill("#until", until)
        page.dispatch_event("#until", "change")
        wait_js(page, f"(window.agWindowDone || 0) > {done}")
        got = sorted(sorted(b["members"]) for b in page.evaluate("agBlocs()"))
        want = alliance_blocs(demo, since or None, until or None)
        assert got == sorted(sorted(m.id for m in b.members) for b in want.blocs), (since, until)
    assert watch.problems == []
    page.close()


def test_timeline_real_axis_and_evidence(browser: Any, demo: GraphStore, tmp_path: Path) -> None:
    report = write_view(demo, "timeline", tmp_path / "t.html")
    page, watch = _open(browser, (tmp_path / "t.html").as_uri())
    events = page.evaluate("DATA.events")
    assert len(events) == report.nodes > 20
    # Where the page drew each item it shows (items scrolled out of view are not drawn).
    drawn = page.evaluate(
        """() => Object.entries(agTimeline.itemSet.items)
          .filter(([id, it]) => it.dom && it.dom.box && it.dom.box.isConnected && it.displayed)
          .map(([id, it]) => { const r = it.dom.line.getBoundingClientRect(); return [id, r.left]; })"""
    )
    start = {e["id"]: e["start"] for e in events}
    placed = sorted((start[i], x) for i, x in drawn)
    assert len({d[:4] for d, _ in placed}) >= 3
    # Different dates at different x, in date order: x grows with the date.
    for (d1, x1), (d2, x2) in itertools.pairwise(placed):
        assert x1 <= x2 + 1, (d1, d2)
        if d2[:4] != d1[:4]:
            assert x1 < x2, (d1, d2)
    axis = page.inner_text(".vis-time-axis.vis-foreground")
    assert re.search(r"\b(19|20)\d\d\b", axis)  # the axis shows dates
    lanes = page.evaluate("agTimeline.groupsData.getIds()")
    assert set(lanes) == {e["type"] for e in events}
    # Lanes by actor; then back. A click on an item shows its evidence sentence and source.
    page.check("input[value=actor]")
    actor_lanes = page.evaluate("agTimeline.groupsData.getIds()")
    assert {a for e in events for a in e["actors"]} <= set(actor_lanes)
    page.check("input[value=type]")
    target = next(e for e in events if e["evidence"] and e["evidence"][0]["sentence"])
    page.evaluate("id => { agTimeline.focus(id, {animation: false}); }", target["id"])
    page.wait_for_timeout(300)
    box = page.evaluate(
        "id => { const r = agTimeline.itemSet.items[id].dom.box.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }",
        target["id"],
    )
    page.mouse.click(*box)
    info = page.inner_text("#info")
    assert target["evidence"][0]["sentence"][:40] in info and target["evidence"][0]["source"] in info
    # Zoom from decades to hours.
    page.evaluate("agTimeline.setWindow('1990-01-01', '2030-01-01', {animation: false})")
    page.evaluate("agTimeline.setWindow('2022-03-01T10:00', '2022-03-01T14:00', {animation: false})")
    w = page.evaluate("(() => { const w = agTimeline.getWindow(); return w.end - w.start; })()")
    assert w <= 5 * 3600 * 1000
    assert watch.problems == []
    page.close()


@pytest.fixture
def seeded_store(embedded_store: GraphStore) -> GraphStore:
    seed(embedded_store)
    return embedded_store


@pytest.mark.parametrize("store_kind", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_served_pages_no_console_error_and_grow(
    browser: Any, store_kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    store = request.getfixturevalue(f"{store_kind}_store")
    seed(store)
    with LiveServer(create_app(store=store, settings=Settings(KG_HOME=tmp_path))) as srv:
        for path in ("/", "/views/timeline", "/views/alliances", "/views/actors/Volodymyr%20Zelensky"):
            ready = "document.readyState === 'complete'" if path == "/" else "window.agReady === true"
            page, watch = _open(browser, srv.url + path, ready)
            page.wait_for_timeout(200)
            if path == "/views/timeline":
                href = page.get_attribute("#allianceLink", "href")
                assert href and re.fullmatch(
                    r"/views/alliances\?since=\d{4}-\d\d-\d\d&until=\d{4}-\d\d-\d\d", href
                )
                assert page.locator("#allianceLink").is_visible()
            if path == "/views/alliances":
                # A served window asks the server, which recomputes blocs and layout.
                done = page.evaluate("window.agWindowDone || 0")
                page.fill("#since", "2022-03-10")
                page.fill("#until", "2022-03-12")
                page.dispatch_event("#until", "change")
                wait_js(page, f"(window.agWindowDone || 0) > {done}")
                want = httpx.get(
                    srv.url + "/views/alliances/data", params={"since": "2022-03-10", "until": "2022-03-12"}
                ).json()
                assert sorted(page.evaluate("agNodes.getIds()")) == sorted(n["id"] for n in want["nodes"])
                assert "since=2022-03-10" in page.url
            if path.startswith("/views/actors/"):
                before = page.evaluate("agNodes.length")
                # Click a neighbour: its own neighbours come from the API and join the page.
                shown = set(page.evaluate("agNodes.getIds()"))

                def grows(i: str, shown: set[str] = shown) -> bool:
                    g = httpx.get(f"{srv.url}/api/v1/entities/{i}/neighbors").json()
                    return any(n["id"] not in shown for n in g["nodes"])

                root = page.evaluate("DATA.root")
                other = next(i for i in sorted(shown) if i != root and grows(i))
                xy = page.evaluate(f"agNetwork.canvasToDOM(agNetwork.getPositions(['{other}'])['{other}'])")
                page.mouse.click(xy["x"], xy["y"])
                wait_js(page, f"agNodes.length > {before}")
                assert "added around" in page.inner_text("#expandHint")
            assert watch.problems == [], path
            page.close()


def test_docs_offline_list_every_operation(browser: Any, embedded_store: GraphStore, tmp_path: Path) -> None:
    with LiveServer(create_app(store=embedded_store, settings=Settings(KG_HOME=tmp_path))) as srv:
        spec = httpx.get(srv.url + "/openapi.json").json()
        ops = {
            op["operationId"]
            for item in spec["paths"].values()
            for op in item.values()
            if isinstance(op, dict) and "operationId" in op
        }
        assert len(ops) > 10
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        outside: list[str] = []

        def only_loopback(route: Any) -> None:
            if route.request.url.startswith(srv.url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_loopback)
        watch = Watch(page)
        page.goto(srv.url + "/docs")
        page.wait_for_selector(".opblock", timeout=30_000)
        shown = page.eval_on_selector_all(".opblock", "els => els.map(e => e.id)")
        assert len(shown) == len(ops)
        assert all(any(op in s for s in shown) for op in ops)
        page.goto(srv.url + "/redoc")
        page.wait_for_selector("[data-section-id^='operation/']", timeout=30_000)
        redoc_ops = page.eval_on_selector_all(
            "[data-section-id^='operation/']", "els => els.map(e => e.dataset.sectionId)"
        )
        assert {s.split("/", 1)[1] for s in redoc_ops} >= ops
        assert outside == [] and watch.problems == []
        assert httpx.get(srv.url + "/favicon.ico").headers["content-type"] == "image/x-icon"
        page.close()
