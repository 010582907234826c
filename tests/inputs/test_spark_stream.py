"""The streaming writer's parts without Spark: extraction ahead in a thread, and turns to write."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.model import Article, Extraction
from loaders.spark_stream import AheadExtraction, write_turn


def outcomes(count: int, fail_at: int | None = None) -> Iterator[tuple[str, Extraction | str]]:
    for n in range(count):
        if n == fail_at:
            yield ("fail", f"record {n}\tbroken")
            continue
        yield ("ok", Extraction(article=Article(id=f"article:{n}")))


def test_batches_come_in_order_with_failures_aside() -> None:
    ahead = AheadExtraction(outcomes(7, fail_at=3), batch_size=2)
    try:
        batches = [[ex.article.id for ex in batch] for batch in ahead]
    finally:
        ahead.close()
    assert batches == [["article:0", "article:1"], ["article:2", "article:4"], ["article:5", "article:6"]]
    assert ahead.fails == ["record 3\tbroken"] and ahead.articles == 6


def test_an_extraction_error_reaches_the_task_and_an_early_stop_frees_the_thread() -> None:
    def failing() -> Iterator[tuple[str, Extraction | str]]:
        yield from outcomes(3)
        raise RuntimeError("spaCy gave up")

    ahead = AheadExtraction(failing(), batch_size=2)
    with pytest.raises(RuntimeError, match="spaCy gave up"):
        list(ahead)
    ahead.close()

    endless = AheadExtraction(outcomes(10_000), batch_size=1)
    next(iter(endless))  # a write failed after the first batch: the queue stays full
    endless.close()
    assert not endless.thread.is_alive()


def test_writers_take_turns(tmp_path: Path) -> None:
    lock = str(tmp_path / "write.lock")
    inside: list[int] = []
    overlap = threading.Event()

    def writer() -> None:
        for _ in range(5):
            with write_turn(lock):
                inside.append(1)
                if len(inside) > 1:
                    overlap.set()
                time.sleep(0.01)
                inside.pop()

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not overlap.is_set()
    with write_turn(None):  # a cluster: no shared file, no turn
        pass
