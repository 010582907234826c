"""JSON Lines inputs of the Spark backfill, cut into byte ranges at line starts that tasks read.

The driver only seeks: it cuts each file into about `parts` ranges in proportion to its size, each
starting at the beginning of a line, and Spark distributes the ranges (`parallelize`). A task reads its
range with plain Python and parses each line as `kg ingest` does (loaders/readers/records.py). This
replaces a DataFrame read (`spark.read.json` then `repartition`), whose query planning and shuffle cost
seconds per wave that no extra core shortens (docs/inputs.md). A gzipped file cannot be cut: it is one
range. Like the other file inputs, the files must be readable at the same path by the executors.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from graph.errors import BadArticle, KGError
from loaders.readers import from_record
from loaders.source import ReadFailure, SourceArticle

Chunk = tuple[str, int, int]  # path, first byte, byte after the last (-1: to the end)


def _gzipped(path: str) -> bool:
    return path.lower().endswith(".gz")


def cut(paths: list[Path], parts: int) -> list[Chunk]:
    """About `parts` ranges over all `paths`, in proportion to their sizes, cut at line starts."""
    sizes = {str(p): p.stat().st_size for p in paths}
    total = sum(sizes.values()) or 1
    chunks: list[Chunk] = []
    for path, size in sizes.items():
        if _gzipped(path) or size == 0:
            chunks.append((path, 0, -1))
            continue
        pieces = max(1, math.ceil(parts * size / total))
        starts = [0]
        with open(path, "rb") as fh:
            for k in range(1, pieces):
                fh.seek(max(starts[-1], size * k // pieces))
                fh.readline()  # to the start of the next line
                if (pos := fh.tell()) >= size:
                    break
                if pos > starts[-1]:
                    starts.append(pos)
        ends = [*starts[1:], size]
        chunks.extend((path, start, end) for start, end in zip(starts, ends, strict=True))
    return chunks


def _lines(path: str, start: int, end: int) -> Iterator[tuple[int, bytes]]:
    fh: IO[bytes] = gzip.open(path, "rb") if _gzipped(path) else Path(path).open("rb")  # type: ignore[assignment]  # noqa: SIM115
    with fh:
        fh.seek(start)
        pos = start
        for line in fh:
            if end >= 0 and pos >= end:
                return
            yield pos, line
            pos += len(line)


def chunk_articles(chunks: Iterable[Chunk], max_bytes: int) -> Iterator[SourceArticle | ReadFailure]:
    """The article records of a task's ranges; a bad line is a failure naming its file and byte."""
    for path, start, end in chunks:
        try:
            for pos, raw in _lines(path, start, end):
                line = raw.decode("utf-8", "replace").lstrip("\ufeff")
                if not line.strip():
                    continue
                where = f"{path} at byte {pos}"
                try:
                    record = json.loads(line)
                    if isinstance(record, dict) and isinstance(record.get("url"), str) and record["url"]:
                        where = record["url"]
                    yield from_record(record, max_bytes=max_bytes, where=where)
                except json.JSONDecodeError as exc:
                    yield ReadFailure(where, BadArticle(f"malformed JSON: {exc.msg}", path=where))
                except KGError as exc:
                    yield ReadFailure(where, exc)
        except (OSError, EOFError) as exc:  # unreadable, or a truncated or corrupt gzip
            yield ReadFailure(path, BadArticle(f"cannot be read: {exc}", path=path))
