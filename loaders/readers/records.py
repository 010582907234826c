"""JSON and JSON Lines: article records (`text` or `html` with metadata) or extraction files."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.errors import BadArticle, InvalidInput, KGError
from graph.model import Article, Extraction, article_id
from loaders.readers.decode import decode, read_bytes
from loaders.readers.html import html_to_article
from loaders.readers.meta import make_article
from loaders.source import ReadFailure, SourceArticle

EXTRACTION_KEYS = {"entities", "relations", "events"}


def _valid_unicode(value: Any) -> Any:
    """A JSON string may hold a lone surrogate (`"\\ud800"`), which cannot be stored or hashed as UTF-8:
    replace it with U+FFFD, as a decoder does with bad bytes."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


def from_record(record: Any, *, max_bytes: int, where: str | None = None) -> SourceArticle:
    """An article from a record: `text` or `html`, with `title`, `url`, `published`, `source`."""
    if not isinstance(record, dict):
        raise BadArticle("an article record must be a JSON object", path=where)
    record = {k: _valid_unicode(v) for k, v in record.items()}
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise BadArticle("an article record needs a `text` or an `html` string", path=where)
    body = text if isinstance(text, str) else html
    assert isinstance(body, str)
    if len(body.encode("utf-8", "replace")) > max_bytes:
        from graph.errors import TooLarge

        raise TooLarge(where or "article", len(body.encode("utf-8", "replace")), max_bytes)
    if not body.strip():
        raise BadArticle("is empty", path=where, hint="an article needs some text")
    meta = {k: record[k] for k in ("id", "title", "source", "url", "published") if record.get(k)}
    if isinstance(text, str):
        return SourceArticle(article=make_article(meta, text, where), text=text, path=where)
    return html_to_article(body, meta, where)


def to_extraction(data: dict[str, Any], where: str) -> Extraction:
    """An extraction file (GUIDE JSON, optionally with `article`) as an `Extraction`."""
    data = dict(data)
    if "article" not in data:
        url = data.get("url")
        ident = data.get("id")
        data["article"] = {
            "id": article_id(url, None) if url else f"article:{ident or Path(where).stem}",
            "title": data.get("title"),
            "source": data.get("source"),
            "url": url,
            "published": data.get("published"),
        }
    try:
        return Extraction.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(map(str, err["loc"]))
        raise InvalidInput(f"{where}: not a valid extraction ({loc}: {err['msg']})", path=where) from exc


def read(
    path: Path, *, max_bytes: int, meta: Path | None = None
) -> Iterator[SourceArticle | Extraction | ReadFailure]:
    """Articles or extractions from a `.json` (object or array) or `.jsonl` file."""
    where = str(path)
    text = decode(read_bytes(path, max_bytes), where)
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield _guarded(partial(_from_line, line, f"{where}:{n}", max_bytes), f"{where}:{n}")
        return
    data = _parse(text, where)
    if not isinstance(data, list):
        yield _one(data, where, max_bytes)
        return
    for i, item in enumerate(data):  # one bad record does not lose the others
        yield _guarded(partial(_one, item, f"{where}[{i}]", max_bytes), f"{where}[{i}]")


def _guarded(
    make: Callable[[], SourceArticle | Extraction], where: str
) -> SourceArticle | Extraction | ReadFailure:
    try:
        return make()
    except KGError as exc:
        return ReadFailure(where, exc)


def _from_line(line: str, where: str, max_bytes: int) -> SourceArticle | Extraction:
    return _one(_parse(line, where), where, max_bytes)


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadArticle(
            f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", path=where
        ) from exc
    except RecursionError as exc:  # `[[[[...]]]]` thousands deep: the parser's stack, not our data
        raise BadArticle("JSON nested too deeply to read", path=where) from exc


def _one(item: Any, where: str, max_bytes: int) -> SourceArticle | Extraction:
    if isinstance(item, dict) and EXTRACTION_KEYS & item.keys() and "text" not in item and "html" not in item:
        return to_extraction(item, where)
    return from_record(item, max_bytes=max_bytes, where=where)


__all__ = ["Article", "from_record", "read", "to_extraction"]
