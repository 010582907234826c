"""One process at a time owns the feed state of a KG_HOME: real `kg watch` and `kg ingest --feed`
processes against a loopback server."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.errors import StateLocked
from loaders.feeds import FeedState
from tests.inputs.conftest import article_html, rss
from tests.inputs.webserver import Page, TestServer

ROOT = Path(__file__).resolve().parents[2]
KG = [sys.executable, "-m", "api.cli"]


def serve(server: TestServer, count: int) -> None:
    server.routes["/feed.xml"] = Page(
        rss(server, count), etag=f'"n{count}"', content_type="application/rss+xml"
    )
    for n in range(count):
        server.routes[f"/news/{n}"] = Page(article_html(n))


def kg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)


def wait_for_line(proc: subprocess.Popen[str], text: str, timeout: float = 300) -> str:
    """Read the process's stderr until a line contains `text` (the first round is done)."""
    assert proc.stderr is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sel.select(timeout=1.0):
            line = proc.stderr.readline()
            if not line:
                break
            seen.append(line)
            if text in line:
                return line
    raise AssertionError(f"no line with {text!r} from the watcher:\n{''.join(seen)}")


def news_hits(server: TestServer) -> int:
    return sum(1 for h in server.hits if h.path.startswith("/news/"))


def test_second_watcher_and_feed_ingest_are_refused_while_one_watches(
    server: TestServer, tmp_path: Path
) -> None:
    serve(server, 3)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(KG_HOME=str(tmp_path / "home"), KG_STORE="embedded", COLUMNS="400")
    feed = server.url("/feed.xml")
    first = subprocess.Popen(
        [*KG, "watch", feed, "--every", "1h"], env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for_line(first, "3/3 new entries stored")
        serve(server, 5)  # two new entries: only the running watcher may take them

        second = kg(env, "watch", feed, "--rounds", "1")
        assert second.returncode == StateLocked.exit_code, second.stderr
        assert f"pid {first.pid}" in second.stderr and "in use by another process" in second.stderr

        once = kg(env, "ingest", "--feed", feed, "--json")
        assert once.returncode == StateLocked.exit_code, once.stderr
        assert "in use by another process" in once.stderr
        assert news_hits(server) == 3  # neither of them fetched an entry
        assert len(server.hits_for("/feed.xml")) == 1
    finally:
        first.send_signal(signal.SIGKILL)  # the kernel drops the lock with the process: none left stale
        first.wait(timeout=60)

    after = kg(env, "watch", feed, "--rounds", "1")
    assert after.returncode == 0, after.stderr
    assert "2/2 new entries stored" in after.stderr
    assert news_hits(server) == 5  # the killed watcher's saved state: nothing fetched twice
    seen = json.loads((tmp_path / "home" / "state" / "feeds.json").read_text())["seen"][feed]
    assert len(seen) == 5


def test_the_lock_is_per_state_file_and_released_after_use(tmp_path: Path) -> None:
    path = tmp_path / "state" / "feeds.json"
    with FeedState.locked(path, "test one") as state:
        state.seen["f"] = {"a"}
        state.save()
        with pytest.raises(StateLocked) as refused, FeedState.locked(path, "test two"):
            pass
        assert refused.value.data["pid"] == str(os.getpid())
        with FeedState.locked(tmp_path / "other" / "feeds.json", "another home"):
            pass  # another KG_HOME is another lock
    with FeedState.locked(path, "test three") as again:
        assert again.seen == {"f": {"a"}}
