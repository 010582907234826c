"""Parquet files of article records (the columns of a JSON Lines record: `text` or `html`, `title`,
`url`, `published`, `source`, `id`), streamed a row group at a time with pyarrow (the `spark` extra).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from graph.errors import BadArticle, KGError
from loaders.readers.records import from_record
from loaders.source import ReadFailure, SourceArticle

COLUMNS = ("id", "title", "source", "url", "published", "text", "html")


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith(".parquet")


def read(path: Path, *, max_bytes: int, meta: Path | None = None) -> Iterator[SourceArticle | ReadFailure]:
    """Each row as an article; a bad row is a `ReadFailure` and the file goes on."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise BadArticle(
            "reading Parquet needs pyarrow", path=str(path), hint="pip install 'actorgraph[spark]'"
        ) from exc
    try:
        pf = pq.ParquetFile(path)
        columns = [c for c in COLUMNS if c in pf.schema_arrow.names]
        batches = pf.iter_batches(batch_size=256, columns=columns)
        n = 0
        for batch in batches:
            for row in batch.to_pylist():
                where = f"{path}[{n}]"
                n += 1
                record = {k: str(v) for k, v in row.items() if v is not None}
                try:
                    yield from_record(record, max_bytes=max_bytes, where=where)
                except KGError as exc:
                    yield ReadFailure(where, exc)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise BadArticle(f"is not a readable Parquet file: {exc}", path=str(path)) from exc
