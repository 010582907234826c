"""Readers: files, folders, globs and standard input to `SourceArticle`s (or ready extractions).

One module per format: `text`, `html`, `records` (JSON and JSON Lines). A bad file becomes a
`ReadFailure` naming it, and reading goes on with the next.
"""

from __future__ import annotations

import glob
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import BadArticle, KGError
from graph.model import Extraction
from loaders.readers import html, parquet, records, text, warc
from loaders.readers.decode import decode
from loaders.readers.meta import load_meta, make_article
from loaders.readers.records import from_record
from loaders.source import ReadFailure, SourceArticle

log = logging.getLogger(__name__)

SKIP_SUFFIXES = (".meta.json",)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl"}


ReadResult = SourceArticle | Extraction | ReadFailure


def _reader_for(path: Path):  # type: ignore[no-untyped-def]
    if warc.is_archive(path):
        return warc.read
    if parquet.is_parquet(path):
        return parquet.read
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return records.read
    if suffix in HTML_SUFFIXES:
        return html.read
    return text.read


def _expand(paths: Iterable[str]) -> Iterator[Path | str]:
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and not f.name.endswith(SKIP_SUFFIXES):
                    yield f
        elif any(c in p for c in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield Path(p)  # reported as missing below
            yield from (Path(m) for m in matches if Path(m).is_file() and not m.endswith(SKIP_SUFFIXES))
        else:
            yield path


def expand_inputs(paths: Iterable[str]) -> list[Path | str]:
    """The inputs `paths` name: files (folders and globs expanded) and `-`, in order."""
    return list(_expand(paths))


def read_input(item: Path | str, *, max_bytes: int) -> Iterator[ReadResult]:
    """Everything in one input; failures are yielded, not raised. Archives are streamed record by record."""
    if item == "-":
        try:
            yield read_stdin(max_bytes=max_bytes)
        except KGError as exc:
            yield ReadFailure("-", exc)
        return
    path = Path(item)
    if not path.exists():
        yield ReadFailure(str(path), BadArticle("no such file or folder", path=str(path)))
        return
    try:
        if warc.is_archive(path) or parquet.is_parquet(path):  # streamed: can be larger than memory
            yield from _reader_for(path)(path, max_bytes=max_bytes)
        else:  # listed first so that a file failing midway yields nothing half-read
            yield from list(_reader_for(path)(path, max_bytes=max_bytes))
    except KGError as exc:
        yield ReadFailure(str(path), exc)
    except (RecursionError, ValueError, TypeError, UnicodeError, LookupError) as exc:
        # A reader bug or a pathological file must cost this file only, never the whole ingest.
        log.warning("reading %s failed: %r", path, exc)
        yield ReadFailure(str(path), BadArticle(f"cannot be read ({type(exc).__name__})", path=str(path)))


def read_paths(paths: Iterable[str], *, max_bytes: int) -> Iterator[ReadResult]:
    """Everything readable under `paths`; failures are yielded, not raised, so the rest goes on."""
    for item in _expand(paths):
        yield from read_input(item, max_bytes=max_bytes)


def read_one(path: str, meta: str | None = None, *, max_bytes: int) -> SourceArticle:
    """Exactly one article from a file (or `-`), for `kg extract`; errors are raised."""
    if path == "-":
        src = read_stdin(max_bytes=max_bytes)
    else:
        p = Path(path)
        if not p.is_file():
            raise BadArticle("no such file", path=path)
        got = list(_reader_for(p)(p, max_bytes=max_bytes, meta=Path(meta) if meta else None))
        arts = [g for g in got if isinstance(g, SourceArticle)]
        if len(got) != 1 or not arts:
            raise BadArticle(f"holds {len(got)} records; `kg extract` takes one article", path=path)
        src = arts[0]
    if meta and path == "-":
        src = SourceArticle(
            article=make_article(load_meta(Path(meta)), src.text, "-"), text=src.text, path="-"
        )
    return src


def read_stdin(*, max_bytes: int) -> SourceArticle:
    """One article from standard input: HTML or plain text."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    body = decode(data, "<stdin>", max_bytes)
    if html.looks_like_html(body):
        return html.html_to_article(body, {}, "<stdin>")
    return SourceArticle(article=make_article({}, body, "<stdin>"), text=body, path="<stdin>")


__all__ = [
    "ReadFailure",
    "ReadResult",
    "expand_inputs",
    "from_record",
    "read_input",
    "read_one",
    "read_paths",
    "read_stdin",
]
