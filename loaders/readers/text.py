"""Plain-text articles (`.txt`, `.md`, anything not HTML or JSON)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from loaders.readers.decode import decode, read_bytes
from loaders.readers.meta import load_meta, make_article, sidecar
from loaders.source import SourceArticle


def read(path: Path, *, max_bytes: int, meta: Path | None = None) -> Iterator[SourceArticle]:
    """One article: the file's text, metadata from `meta` or the `NAME.meta.json` beside it."""
    text = decode(read_bytes(path, max_bytes), str(path))
    info = load_meta(meta or sidecar(path))
    if "title" not in info:
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        if first and len(first) < 200:
            info = {**info, "title": first}
    yield SourceArticle(article=make_article(info, text, str(path)), text=text, path=str(path))
