"""WARC and ARC archives (`.warc`, `.warc.gz`, `.arc`, `.arc.gz`): HTML responses as articles.

Records are streamed with warcio's `ArchiveIterator` (bench/warc.py measured it against fastwarc; the
figures and the choice are in docs/inputs.md): only the current record is in memory, and a record's
payload is read only when it is an HTML response within the size limit, so memory stays flat on
archives of any size. The record's target URI and WARC date are the article's URL and publication
date unless the page states its own date. Each bad record is a `ReadFailure`; the archive goes on.
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from graph.errors import BadArticle, KGError, TooLarge
from loaders.readers.decode import decode
from loaders.readers.html import html_to_article
from loaders.source import ReadFailure, SourceArticle

log = logging.getLogger(__name__)

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_archive(path: Path) -> bool:
    """True for the file names this reader takes."""
    return path.name.lower().endswith(SUFFIXES)


def read(path: Path, *, max_bytes: int, meta: Path | None = None) -> Iterator[SourceArticle | ReadFailure]:
    """Every HTML response in the archive, in file order; other records are skipped unread."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = path.open("rb")
    except OSError as exc:
        raise BadArticle(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    with stream:
        _check_signature(stream, path)
        try:
            records = ArchiveIterator(stream, arc2warc=True)
            for n, record in enumerate(records):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                status = record.http_headers.get_statuscode() or ""
                if ctype not in HTML_TYPES or not status.startswith("2"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{n}" + (f" ({url})" if url else "")
                try:
                    yield _article(record, url, where, max_bytes)
                except KGError as exc:
                    yield ReadFailure(where, exc)
        except ArchiveLoadFailed as exc:
            raise BadArticle(f"is not a readable WARC/ARC archive: {exc}", path=str(path)) from exc


def _check_signature(stream: BinaryIO, path: Path) -> None:
    """Refuse files that are not archives: warcio would read any text as ARC records of junk."""
    head = stream.read(2)
    try:
        if head == b"\x1f\x8b":
            with gzip.open(path, "rb") as unzipped:
                head = unzipped.read(16)
        else:
            head += stream.read(14)
    except (OSError, EOFError) as exc:
        raise BadArticle(f"is not a readable WARC/ARC archive: {exc}", path=str(path)) from exc
    stream.seek(0)
    if not head.lstrip().startswith((b"WARC/", b"filedesc://")):
        raise BadArticle(
            "is not a readable WARC/ARC archive (no WARC/ARC header at its start)",
            path=str(path),
            hint="WARC files start with WARC/1.0 or WARC/1.1, ARC files with filedesc://",
        )


def _article(record, url: str | None, where: str, max_bytes: int) -> SourceArticle:  # type: ignore[no-untyped-def]
    length = record.http_headers.get_header("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise TooLarge(where, int(length), max_bytes)  # the payload is never read
    stream = record.content_stream()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(where, len(data), max_bytes)
    html = decode(data, where)
    meta = {"url": url}
    date = record.rec_headers.get_header("WARC-Date")
    page = html_to_article(html, {k: v for k, v in meta.items() if v}, where)
    if date and not page.article.published:  # the crawl date stands in when the page has none
        page = page.model_copy(update={"article": page.article.model_copy(update={"published": date[:10]})})
    return page
