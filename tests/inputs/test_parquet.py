"""Parquet article records through `kg ingest`'s readers (the same columns as JSON Lines)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from loaders.readers import read_paths
from loaders.source import ReadFailure, SourceArticle


def test_rows_become_articles_and_bad_rows_fail_alone(tmp_path: Path) -> None:
    rows = [
        {
            "url": "http://p.test/1",
            "title": "Pact",
            "published": "2024-01-09",
            "text": "France and Germany signed a pact.",
            "html": None,
        },
        {"url": "http://p.test/2", "title": "Empty", "published": None, "text": None, "html": None},
        {
            "url": "http://p.test/3",
            "title": None,
            "published": None,
            "text": None,
            "html": "<p>Iran accused Israel of a strike.</p>",
        },
    ]
    path = tmp_path / "part-0000.snappy.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    got = list(read_paths([str(tmp_path)], max_bytes=100_000))
    assert isinstance(got[0], SourceArticle) and got[0].article.url == "http://p.test/1"
    assert got[0].article.published == "2024-01-09"
    assert isinstance(got[1], ReadFailure) and "needs a `text` or an `html`" in got[1].error.message
    assert isinstance(got[2], SourceArticle) and "Iran accused Israel" in got[2].text


def test_not_parquet_is_a_read_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.parquet"
    path.write_text("not parquet", encoding="utf-8")
    (failure,) = list(read_paths([str(path)], max_bytes=100_000))
    assert isinstance(failure, ReadFailure) and "not a readable Parquet" in failure.error.message
