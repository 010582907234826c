"""The streaming write of the Spark backfill (loaders/backfill.py): each task writes its own extractions.

A task extracts in a background thread, up to `AHEAD` batches ahead of its writes, and writes each
batch with `Neo4jStore.upsert` from the task's thread. Two things keep the cores busy:
- extraction never waits for a write: while a batch is being written (or waits its turn), the next
  ones are extracted;
- in local mode, where the tasks share one machine (and usually Neo4j's), the tasks take turns to
  write (`flock` on a file the driver names). Concurrent writers of the same entities wait for each
  other inside Neo4j anyway (a MERGE locks its node before reading it), and a task blocked on a Neo4j
  lock holds its core idle; a task blocked on its turn keeps extracting. On a cluster there is no
  shared file: writers run concurrently, bounded by the task slots or `--writers`.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import queue
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from graph.model import Extraction
from graph.results import UpsertReport
from loaders.spark_tasks import Neo4jTarget, executor_password

log = logging.getLogger(__name__)

AHEAD = 2  # batches extracted ahead of the writes: bounded memory, and enough to cover a write
_END = object()


@contextmanager
def write_turn(lock_path: str | None) -> Iterator[None]:
    """Exclusive use of Neo4j among the tasks of this machine (local mode); nothing on a cluster."""
    if lock_path is None:
        yield
        return
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # blocks without the GIL: the extraction thread runs on
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


class AheadExtraction:
    """A task's outcomes consumed in a thread, as batches of extractions in a bounded queue."""

    def __init__(self, outcomes: Iterable[tuple[str, Extraction | str]], batch_size: int) -> None:
        self.outcomes, self.batch_size = outcomes, batch_size
        self.fails: list[str] = []
        self.seconds = 0.0  # spent producing outcomes: reading, extracting (spaCy's load included)
        self.articles = 0
        self.batches: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="kg-extract-ahead", daemon=True)
        self.thread.start()

    def _put(self, item: Any) -> bool:
        while not self.stop.is_set():
            try:
                self.batches.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        batch: list[Extraction] = []
        try:
            it = iter(self.outcomes)
            while not self.stop.is_set():
                t0 = time.perf_counter()
                got = next(it, None)
                self.seconds += time.perf_counter() - t0
                if got is None:
                    break
                value = got[1]
                if not isinstance(value, Extraction):
                    self.fails.append(value)
                    continue
                self.articles += 1
                batch.append(value)
                if len(batch) >= self.batch_size:
                    if not self._put(batch):
                        return
                    batch = []
            if batch and not self._put(batch):
                return
            self._put(_END)
        except BaseException as exc:  # handed to the task's thread, which raises it
            self._put(exc)

    def __iter__(self) -> Iterator[list[Extraction]]:
        while (item := self.batches.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        """Stop the thread (a failed write must not leave it blocked in a reused Python worker)."""
        self.stop.set()
        self.thread.join(timeout=30)


def write_stream(
    outcomes: Iterable[tuple[str, Extraction | str]],
    target: Neo4jTarget,
    batch_size: int,
    turn: str | None = None,
) -> Iterator[tuple[str, str]]:
    """Write a partition's extractions in batches as they come: `("report", JSON)`, its failures, and
    `("timing", JSON)` (where the task's time went, logged by the driver)."""
    from neo4j import GraphDatabase

    from graph.stores.neo4j import Neo4jStore

    started, waited, writing = time.time(), 0.0, 0.0
    report = UpsertReport()
    ahead = AheadExtraction(outcomes, batch_size)
    driver = GraphDatabase.driver(target.uri, auth=(target.user, executor_password()))
    try:
        store = Neo4jStore(driver, database=target.database)
        for batch in ahead:
            t0 = time.perf_counter()
            with write_turn(turn):
                t1 = time.perf_counter()
                report.add(store.upsert(batch, batch_size=batch_size))
            waited, writing = waited + t1 - t0, writing + time.perf_counter() - t1
    finally:
        ahead.close()
        driver.close()
    yield ("report", report.model_dump_json())
    for line in ahead.fails:
        yield ("fail", line)
    timing = {
        "start": started,
        "end": time.time(),
        "extract": ahead.seconds,
        "turn": waited,
        "write": writing,
        "articles": ahead.articles,
        "pid": os.getpid(),
    }
    yield ("timing", json.dumps(timing))


def log_task_timings(timings: list[dict[str, Any]], began: float, ended: float, built: float) -> None:
    """One line per task: when it ran within the wave, its articles, its time extracting and writing;
    and the wave's time outside the tasks (planning, reading the input, starting Python workers)."""
    if not timings:
        return
    t0 = min(t["start"] for t in timings)
    log.info(
        "wave: %.1f s to plan, first task %.1f s after the wave began, last one ended %.1f s before its end",
        built,
        t0 - began,
        ended - max(t["end"] for t in timings),
    )
    for t in sorted(timings, key=lambda t: t["start"]):
        wall = t["end"] - t["start"]
        log.info(
            "task pid %s: %.1f-%.1f s, %d articles, %.1f s extracting, %.1f s waiting for its turn to "
            "write, %.1f s writing, %.1f s of its own wall time",
            t["pid"],
            t["start"] - t0,
            t["end"] - t0,
            t["articles"],
            t["extract"],
            t["turn"],
            t["write"],
            wall,
        )
