"""Screenshots of the three views for the README: the example articles ingested, served on loopback,
photographed in headless Chromium (Debian's /usr/bin/chromium).

    python scripts/screenshot.py   # writes docs/img/{alliances,timeline,actor}.png
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
log = logging.getLogger("screenshot")


def wait_js(page: object, cond: str) -> None:
    page.evaluate(  # type: ignore[attr-defined]
        "() => new Promise(ok => { const t = setInterval(() => { if ("
        + cond
        + ") { clearInterval(t); ok(true); } }, 20); })"
    )


def main() -> None:
    from playwright.sync_api import sync_playwright

    from api.app import create_app
    from graph.settings import Settings
    from graph.stores.factory import open_store

    home = Path(tempfile.mkdtemp())
    env = {**os.environ, "KG_HOME": str(home), "KG_STORE": "embedded"}
    kg = Path(sys.executable).parent / "kg"
    subprocess.run(
        [str(kg), "ingest", str(ROOT / "examples" / "articles")], env=env, check=True, capture_output=True
    )
    settings = Settings(KG_HOME=home, KG_STORE="embedded")
    store = open_store(settings)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(store=store, settings=settings), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    actor = store.find_entity("Syria").id
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 900})
        page.goto(url + "/views/alliances")
        wait_js(page, "window.agReady === true")
        # Frame the blocs: the members of blocs with two or more actors, and what sits between them.
        page.evaluate(
            "() => { const ids = agBlocs().filter(b => b.members.length > 1).flatMap(b => b.members);"
            " agNetwork.fit({nodes: ids, animation: false}); agNetwork.moveTo({scale: agNetwork.getScale() * 0.8, animation: false}); }"
        )
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / "alliances.png"))
        page.goto(url + "/views/timeline")
        wait_js(page, "window.agReady === true")
        page.evaluate("() => agTimeline.setWindow('2016-10-01', '2018-06-01', {animation: false})")
        first = page.evaluate("() => DATA.events.find(e => e.evidence.length && e.start >= '2017').id")
        page.evaluate(f"() => {{ agTimeline.setSelection(['{first}']); agShowEvent('{first}'); }}")
        page.wait_for_timeout(400)
        page.screenshot(path=str(out / "timeline.png"))
        page.goto(f"{url}/views/actors/{actor}?depth=1")
        wait_js(page, "window.agReady === true")
        grown = page.evaluate(
            "() => agExpand(agNodes.getIds().find(id => id !== DATA.root && agNodes.get(id).kind === 'country'))"
        )
        page.evaluate("() => agNetwork.fit({animation: false})")
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / "actor.png"))
        browser.close()
    server.should_exit = True
    log.info("wrote docs/img/alliances.png, timeline.png, actor.png (actor view grew by %s nodes)", grown)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    main()
