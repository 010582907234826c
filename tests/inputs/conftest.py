"""Fixtures of the input tests: a loopback HTTP server, article pages and feeds written for them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.inputs.webserver import Page, TestServer


@pytest.fixture
def server() -> Iterator[TestServer]:
    with TestServer() as srv:
        srv.routes["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        yield srv


PLACES = ["Norland", "Estmark", "Valoria", "Castria", "Bremia", "Ostrava", "Lumeria", "Dravia"]


def article_html(n: int, *, title: str | None = None) -> bytes:
    """A news page written for these tests; each `n` gives different actors and sentences."""
    a, b = PLACES[n % len(PLACES)], PLACES[(n + 3) % len(PLACES)]
    title = title or f"Talks number {n} between officials"
    body = (
        f"<html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="Loopback News">'
        f'<meta name="date" content="2024-03-{n % 28 + 1:02d}"></head><body>'
        f"<nav>Home | World | Sport</nav><article><h1>{title}</h1>"
        f"<p>Russia condemned the sanctions imposed by the European Union on Tuesday, report {n} said.</p>"
        f"<p>Officials from France met their counterparts from Germany in Paris to discuss the {a} and "
        f"{b} question, item {n}.</p>"
        f"<p>The meeting lasted for several hours and ended without a joint statement on point {n}.</p>"
        "</article><footer>Copyright Loopback News</footer></body></html>"
    )
    return body.encode("utf-8")


def rss(server: TestServer, count: int, *, prefix: str = "/news/") -> bytes:
    items = "".join(
        f"<item><title>Report {n}</title><link>{server.url(f'{prefix}{n}')}</link>"
        f"<guid>urn:loopback:{prefix}{n}</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>'
        f"<link>{server.url('/')}</link><description>test feed</description>{items}</channel></rss>"
    ).encode()
