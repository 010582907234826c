"""Bytes to text for article files: size limit first, then binary detection, then decoding."""

from __future__ import annotations

from pathlib import Path

from graph.errors import BadArticle, TooLarge

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; `TooLarge` is raised from its size before anything is read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BadArticle(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    if size > max_bytes:
        raise TooLarge(str(path), size, max_bytes)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadArticle(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc


def decode(data: bytes, where: str | None, max_bytes: int | None = None) -> str:
    """Decode article bytes: BOMs honoured, then UTF-8, then cp1252 when the bytes look like text."""
    if max_bytes is not None and len(data) > max_bytes:
        raise TooLarge(where or "input", len(data), max_bytes)
    if not data.strip():
        raise BadArticle("is empty", path=where, hint="an article needs some text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise BadArticle(f"is not valid {enc}: {exc.reason}", path=where) from exc
    if b"\x00" in data[:8192]:
        raise BadArticle(
            "looks binary (NUL bytes), not an article", path=where, hint="pass text, HTML or JSON"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Old Windows pages: cp1252 decodes almost anything, so only accept it when the result is text.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise BadArticle(
                "is neither UTF-8 nor Windows-1252 text", path=where, hint="re-save it as UTF-8"
            ) from exc
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise BadArticle("looks binary (control characters), not an article", path=where)
    return text
