"""Article pages from the web: fetch a URL, extract its main text and metadata with trafilatura."""

from __future__ import annotations

from typing import Any

from graph.errors import KGError
from loaders.fetch import Fetcher, FetchFailed
from loaders.readers.decode import decode
from loaders.readers.html import html_to_article
from loaders.source import ReadFailure, SourceArticle

PAGE_TYPES = {"text/html", "application/xhtml+xml", ""}  # "": servers that send no Content-Type


def is_url(value: str) -> bool:
    """True for what `kg ingest` should fetch rather than open."""
    return value.startswith(("http://", "https://"))


def page_article(fetcher: Fetcher, url: str, meta: dict[str, Any] | None = None) -> SourceArticle:
    """The article at `url`: title, date and site name from the page; `meta` (e.g. a feed entry) wins.

    The URL kept is the one after redirects, so two links to one page give one article id.
    """
    resp = fetcher.get(url)
    if resp.content_type not in PAGE_TYPES:
        raise FetchFailed(url, f"is {resp.content_type}, not an HTML page", status=resp.status)
    body = _text(resp.body, resp.charset, url, fetcher.policy.max_bytes)
    info = {**(meta or {}), "url": resp.url}
    return html_to_article(body, info, url)


def read_urls(fetcher: Fetcher, urls: list[str]) -> list[SourceArticle | ReadFailure]:
    """Each URL's article, or a `ReadFailure` saying why not; one bad URL never stops the others."""
    out: list[SourceArticle | ReadFailure] = []
    for url in urls:
        try:
            out.append(page_article(fetcher, url))
        except KGError as exc:
            out.append(ReadFailure(url, exc))
    return out


def _text(body: bytes, charset: str | None, url: str, max_bytes: int) -> str:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header is common: fall back to sniffing
    return decode(body, url, max_bytes)
