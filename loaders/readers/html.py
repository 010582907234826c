"""HTML pages: main text and metadata through trafilatura (menus, footers and ads dropped)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.errors import BadArticle
from loaders.readers.decode import decode, read_bytes
from loaders.readers.meta import load_meta, make_article, sidecar
from loaders.source import SourceArticle


def looks_like_html(text: str) -> bool:
    """True for markup, judged from the start of the text."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head or "<p>" in head or "<div" in head
    )


def html_to_article(html: str, meta: dict[str, Any], where: str | None) -> SourceArticle:
    """Main text and metadata of a page; `meta` (sidecar or record fields) wins over the page's own."""
    import trafilatura

    if "<html" not in html[:2000].lower():
        html = f"<html><body><article>{html}</article></body></html>"  # a fragment, as in API records
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise BadArticle("has no readable main text", path=where, hint="is it an article page?")
    page = trafilatura.extract_metadata(html)
    found: dict[str, Any] = {}
    if page is not None:
        found = {"title": page.title, "source": page.sitename, "url": page.url, "published": page.date}
    info = {**{k: v for k, v in found.items() if v}, **meta}
    title = info.get("title")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    return SourceArticle(article=make_article(info, text, where), text=text, path=where)


def read(path: Path, *, max_bytes: int, meta: Path | None = None) -> Iterator[SourceArticle]:
    """One article from an HTML file."""
    html = decode(read_bytes(path, max_bytes), str(path))
    yield html_to_article(html, load_meta(meta or sidecar(path)), str(path))
