"""`loaders.fetch` against a real HTTP server on loopback: politeness, limits, retries, conditionals."""

from __future__ import annotations

import pytest

from loaders.fetch import USER_AGENT, Fetcher, FetchFailed, FetchPolicy, Validators
from tests.inputs.webserver import Page, TestServer

FAST = FetchPolicy(min_interval=0.0, backoff=0.01, retries=2, timeout=5.0)


def make(policy: FetchPolicy = FAST, **kw: object) -> tuple[Fetcher, list[float]]:
    slept: list[float] = []
    return Fetcher(policy, sleep=slept.append, **kw), slept  # type: ignore[arg-type]


def test_sends_user_agent_and_reads_robots_first(server: TestServer) -> None:
    server.routes["/a"] = Page(b"<p>hello</p>")
    fetcher, _ = make()
    resp = fetcher.get(server.url("/a"))
    assert resp.status == 200 and resp.body == b"<p>hello</p>"
    assert [h.path for h in server.hits] == ["/robots.txt", "/a"]
    assert server.hits_for("/a")[0].headers["user-agent"] == USER_AGENT


def test_robots_disallow_is_reported_without_fetching(server: TestServer) -> None:
    server.routes["/private/x"] = Page(b"secret")
    fetcher, _ = make()
    with pytest.raises(FetchFailed, match=r"robots\.txt"):
        fetcher.get(server.url("/private/x"))
    assert server.hits_for("/private/x") == []


def test_missing_robots_allows_everything(server: TestServer) -> None:
    del server.routes["/robots.txt"]
    server.routes["/private/x"] = Page(b"open")
    fetcher, _ = make()
    assert fetcher.get(server.url("/private/x")).body == b"open"


def test_404_fails_at_once_and_500_is_retried_with_backoff(server: TestServer) -> None:
    server.routes["/boom"] = Page(b"oops", status=500)
    fetcher, slept = make()
    with pytest.raises(FetchFailed, match="HTTP 404") as missing:
        fetcher.get(server.url("/gone"))
    assert missing.value.http_status == 404 and len(server.hits_for("/gone")) == 1
    with pytest.raises(FetchFailed, match="HTTP 500"):
        fetcher.get(server.url("/boom"))
    assert len(server.hits_for("/boom")) == 3  # one try and two retries
    assert slept == [0.01, 0.02]  # exponential back-off


def test_retry_after_is_honoured(server: TestServer) -> None:
    server.routes["/busy"] = Page(b"later", status=503, headers={"Retry-After": "7"})
    fetcher, slept = make(FetchPolicy(min_interval=0.0, backoff=0.01, retries=1, max_backoff=60))
    with pytest.raises(FetchFailed):
        fetcher.get(server.url("/busy"))
    assert slept == [7.0]


def test_redirects_are_followed_and_bounded(server: TestServer) -> None:
    server.routes["/old"] = Page(status=301, location="/mid")
    server.routes["/mid"] = Page(status=302, location="/new")
    server.routes["/new"] = Page(b"<p>moved</p>")
    server.routes["/loop"] = Page(status=302, location="/loop")
    fetcher, _ = make()
    resp = fetcher.get(server.url("/old"))
    assert resp.url == server.url("/new") and resp.body == b"<p>moved</p>"
    with pytest.raises(FetchFailed, match="more than 5 redirects"):
        fetcher.get(server.url("/loop"))
    assert len(server.hits_for("/loop")) == 6


def test_slow_response_times_out_and_is_reported(server: TestServer) -> None:
    server.routes["/slow"] = Page(b"late", delay=1.5)
    fetcher, _ = make(FetchPolicy(min_interval=0.0, timeout=0.3, retries=1, backoff=0.01))
    with pytest.raises(FetchFailed, match="timed out"):
        fetcher.get(server.url("/slow"))
    assert len(server.hits_for("/slow")) == 2  # a timeout is transient: retried once


def test_huge_responses_are_cut_at_the_limit(server: TestServer) -> None:
    server.routes["/declared"] = Page(b"x" * 300_000)
    server.routes["/streamed"] = Page(stream_bytes=50_000_000)
    fetcher, _ = make(FetchPolicy(min_interval=0.0, max_bytes=100_000, retries=0))
    with pytest.raises(FetchFailed, match="300,000 bytes, above the limit"):
        fetcher.get(server.url("/declared"))
    with pytest.raises(FetchFailed, match="more than 100,000 bytes"):
        fetcher.get(server.url("/streamed"))  # no Content-Length: stopped while streaming


def test_conditional_requests_give_304_without_body(server: TestServer) -> None:
    server.routes["/feed"] = Page(b"<rss/>", etag='"v1"', content_type="application/rss+xml")
    validators = Validators()
    fetcher, _ = make()
    first = fetcher.get(server.url("/feed"), validators=validators)
    second = fetcher.get(server.url("/feed"), validators=validators)
    assert first.body == b"<rss/>" and not first.not_modified
    assert second.not_modified and second.body == b""
    hits = server.hits_for("/feed")
    assert "if-none-match" not in hits[0].headers and hits[1].headers["if-none-match"] == '"v1"'
    assert [h.status for h in hits] == [200, 304]


def test_per_host_rate_limit_spaces_requests() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    with TestServer() as srv:
        srv.routes["/robots.txt"] = Page(b"", content_type="text/plain")
        srv.routes["/p"] = Page(b"ok")
        fetcher = Fetcher(FetchPolicy(min_interval=2.0), sleep=sleep, clock=lambda: now[0])
        for _ in range(3):
            fetcher.get(srv.url("/p"))
    assert slept == [2.0, 2.0, 2.0]  # robots.txt, then three pages, two seconds apart


def test_unreachable_host_is_a_fetch_failure() -> None:
    with TestServer() as srv:
        url = srv.url("/x")
    fetcher, _ = make(FetchPolicy(min_interval=0.0, retries=1, backoff=0.01, obey_robots=False))
    with pytest.raises(FetchFailed, match="network error"):
        fetcher.get(url)
    with pytest.raises(FetchFailed, match="not an http"):
        fetcher.get("ftp://127.0.0.1/file")


def test_robots_server_error_disallows_the_site(server: TestServer) -> None:
    server.routes["/robots.txt"] = Page(b"down", status=503, content_type="text/plain")
    server.routes["/a"] = Page(b"<p>hello</p>")
    fetcher, _ = make()
    with pytest.raises(FetchFailed, match=r"robots\.txt unavailable"):
        fetcher.get(server.url("/a"))
    assert server.hits_for("/a") == []
