"""`kg ingest URL --feed URL` and `kg watch` as a user runs them, against a loopback server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.inputs.conftest import article_html, rss
from tests.inputs.webserver import Page, TestServer

ROOT = Path(__file__).resolve().parents[2]


def kg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_cli_ingests_urls_and_feeds_then_watch_finds_nothing_new(server: TestServer, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = Page(rss(server, 3), etag='"f3"', content_type="application/rss+xml")
    for n in range(3):
        server.routes[f"/news/{n}"] = Page(article_html(n))
    server.routes["/solo"] = Page(article_html(9, title="A page on its own"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(KG_HOME=str(tmp_path / "home"), KG_STORE="embedded")

    proc = kg(
        env, "ingest", server.url("/solo"), server.url("/broken"), "--feed", server.url("/feed.xml"), "--json"
    )
    assert proc.returncode == 2, proc.stderr  # one URL failed: reported, the rest stored
    summary = json.loads(proc.stdout)
    assert summary["store"]["articles"] == 4
    assert [f["path"] for f in summary["failed"]] == [server.url("/broken")]

    proc = kg(env, "watch", server.url("/feed.xml"), "--every", "1s", "--rounds", "1")
    assert proc.returncode == 0, proc.stderr
    assert "not modified" in proc.stderr
    assert server.hits_for("/feed.xml")[-1].status == 304
    assert sum(1 for h in server.hits if h.path.startswith("/news/")) == 3  # no page fetched twice
