"""Article metadata: the `NAME.meta.json` sidecar, or fields of a record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.errors import BadArticle
from graph.model import Article, article_id

META_KEYS = ("title", "source", "url", "published")


def sidecar(path: Path) -> Path:
    """The metadata file beside an article: `x.txt` -> `x.meta.json`."""
    return path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")


def load_meta(path: Path | None) -> dict[str, Any]:
    """Metadata from a JSON file, or {} when there is none."""
    if path is None or not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise BadArticle(
            f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", path=str(path)
        ) from exc
    if not isinstance(data, dict):
        raise BadArticle("metadata must be a JSON object", path=str(path))
    return data


def make_article(meta: dict[str, Any], text: str, where: str | None) -> Article:
    """An `Article` from metadata; its id hashes the URL, or the text when there is no URL."""
    fields = {k: meta.get(k) for k in META_KEYS if meta.get(k) not in (None, "")}
    published = fields.get("published")
    if isinstance(published, str):
        fields["published"] = normalise_date(published)
    try:
        return Article(id=meta.get("id") or article_id(fields.get("url"), text), **fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise BadArticle(f"bad metadata {'.'.join(map(str, err['loc']))}: {err['msg']}", path=where) from exc


def normalise_date(value: str) -> str | None:
    """A publication date in any common form as YYYY-MM-DD (dateparser), or None."""
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    import dateparser

    parsed = dateparser.parse(
        value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    )
    return parsed.date().isoformat() if parsed else None
