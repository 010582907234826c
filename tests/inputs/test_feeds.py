"""URLs and feeds end to end on loopback: fetch, extract, store; a second run fetches nothing new."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.settings import Settings
from loaders import inputs
from loaders.feeds import FeedState, parse_interval
from loaders.fetch import Fetcher, FetchPolicy
from tests.inputs.conftest import article_html, rss
from tests.inputs.webserver import Page, TestServer

POLICY = FetchPolicy(min_interval=0.0, retries=1, backoff=0.01, timeout=5.0)


def settings(tmp_path: Path) -> Settings:
    return Settings(KG_HOME=tmp_path / "home")  # type: ignore[call-arg]


def serve_feed(server: TestServer, count: int) -> None:
    server.routes["/feed.xml"] = Page(
        rss(server, count), etag=f'"n{count}"', content_type="application/rss+xml"
    )
    for n in range(count):
        server.routes[f"/news/{n}"] = Page(article_html(n))


def run(store: Any, tmp_path: Path, **kw: Any) -> inputs.RunSummary:
    with Fetcher(POLICY) as fetcher:
        return inputs.ingest(store, kw.pop("paths", []), settings=settings(tmp_path), fetcher=fetcher, **kw)


def test_url_is_fetched_with_trafilatura_metadata(
    server: TestServer, embedded_store: Any, tmp_path: Path
) -> None:
    server.routes["/story"] = Page(status=301, location="/news/7")
    server.routes["/news/7"] = Page(article_html(7, title="Envoys meet in Paris"))
    summary = run(embedded_store, tmp_path, paths=[server.url("/story"), server.url("/missing")])
    assert [f.path for f in summary.failures] == [server.url("/missing")]
    assert "HTTP 404" in summary.failures[0].error.message
    (article,) = _articles(embedded_store)
    assert article["url"] == server.url("/news/7")  # after the redirect
    assert article["title"] == "Envoys meet in Paris"
    assert article["source"] == "Loopback News"
    assert article["published"] == "2024-03-08"
    assert embedded_store.stats().entities >= 3 and embedded_store.stats().evidence > 0


def _articles(store: Any) -> list[dict[str, Any]]:
    import json

    return list(json.loads(store.export("json"))["articles"])


def test_feed_of_100_entries_is_ingested_once(
    server: TestServer, embedded_store: Any, tmp_path: Path
) -> None:
    serve_feed(server, 100)
    first = run(embedded_store, tmp_path, feeds=[server.url("/feed.xml")])
    assert first.failures == [] and len(first.report.articles_added) == 100
    assert embedded_store.stats().articles == 100
    pages_before = sum(1 for h in server.hits if h.path.startswith("/news/"))
    assert pages_before == 100

    second = run(embedded_store, tmp_path, feeds=[server.url("/feed.xml")])
    feed_hits = server.hits_for("/feed.xml")
    assert feed_hits[-1].headers.get("if-none-match") == '"n100"' and feed_hits[-1].status == 304
    assert sum(1 for h in server.hits if h.path.startswith("/news/")) == pages_before  # nothing new
    assert second.report.articles_added == [] and second.report.evidence_added == 0

    # The feed gains two entries: only those two pages are fetched.
    serve_feed(server, 102)
    third = run(embedded_store, tmp_path, feeds=[server.url("/feed.xml")])
    assert len(third.report.articles_added) == 2
    assert sum(1 for h in server.hits if h.path.startswith("/news/")) == pages_before + 2
    assert embedded_store.stats().articles == 102


def test_failed_entries_are_retried_next_run(server: TestServer, embedded_store: Any, tmp_path: Path) -> None:
    serve_feed(server, 5)
    server.routes["/news/3"] = Page(b"down", status=500, content_type="text/plain")
    server.routes["/news/4"] = Page(b"x" * 200, content_type="image/png")
    first = run(embedded_store, tmp_path, feeds=[server.url("/feed.xml")])
    assert sorted(f.path.rsplit("/", 1)[1] for f in first.failures) == ["3", "4"]
    assert embedded_store.stats().articles == 3
    state = FeedState(tmp_path / "home" / "state" / "feeds.json")
    assert len(state.seen[server.url("/feed.xml")]) == 3

    server.routes["/news/3"] = Page(article_html(3))
    server.routes["/news/4"] = Page(article_html(4))
    second = run(embedded_store, tmp_path, feeds=[server.url("/feed.xml")])
    assert "if-none-match" not in server.hits_for("/feed.xml")[-1].headers  # a full read, not a 304
    assert second.failures == [] and len(second.report.articles_added) == 2
    assert embedded_store.stats().articles == 5


def test_watch_survives_a_restart_without_refetching(
    server: TestServer, embedded_store: Any, tmp_path: Path
) -> None:
    serve_feed(server, 4)
    slept: list[float] = []
    with Fetcher(POLICY) as fetcher:
        results = list(
            inputs.watch(
                embedded_store,
                [server.url("/feed.xml")],
                settings=settings(tmp_path),
                interval=900,
                rounds=2,
                fetcher=fetcher,
                sleep=slept.append,
            )
        )
    assert [r.stored for r in results] == [4, 0] and results[1].not_modified
    assert len(slept) == 1 and 0 < slept[0] <= 900
    serve_feed(server, 6)
    with Fetcher(POLICY) as fetcher:  # a new process: only the state file remembers
        (after,) = inputs.watch(
            embedded_store,
            [server.url("/feed.xml")],
            settings=settings(tmp_path),
            interval=900,
            rounds=1,
            fetcher=fetcher,
        )
    assert after.new == 2 and after.stored == 2
    assert sum(1 for h in server.hits if h.path.startswith("/news/")) == 6
    assert embedded_store.stats().articles == 6


def test_not_a_feed_and_bad_interval(server: TestServer, embedded_store: Any, tmp_path: Path) -> None:
    server.routes["/notfeed"] = Page(b"\x00\x01binary", content_type="application/octet-stream")
    summary = run(embedded_store, tmp_path, feeds=[server.url("/notfeed"), server.url("/nofeed")])
    messages = [f.error.message for f in summary.failures]
    assert "not an RSS or Atom feed" in messages[0] and "HTTP 404" in messages[1]
    assert parse_interval("15m") == 900 and parse_interval("2h") == 7200 and parse_interval("30") == 30
    import pytest

    from graph.errors import InvalidInput

    with pytest.raises(InvalidInput):
        parse_interval("soon")
