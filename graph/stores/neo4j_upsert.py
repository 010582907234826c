"""The Neo4j store's ingest loop: batches of extractions written one transaction each, the next batch's
rows built while the server writes this one (the rows and their writing are graph/stores/neo4j_batch.py).
"""

from __future__ import annotations

import gc
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice

from neo4j import ManagedTransaction

from graph.model import Extraction
from graph.results import UpsertReport
from graph.stores.neo4j_batch import BatchRows
from graph.stores.neo4j_connection import WRITE_RETRY_SECONDS, Neo4jConnection


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's automatic cyclic garbage collection held off for an ingest, a young collection per batch.

    A batch allocates some ten containers per relation (its rows, the driver's messages), all alive
    until the batch is written. They outlived the young generations, so the collector ran its full
    passes again and again over everything the process holds (the caller's extractions included) and
    found little to free: 60% of the row building's CPU with 10,000 extractions in memory (2.6-3.4 s
    with it, 1.04 s without), and more while the driver writes (docs/neo4j.md). Reference counting
    frees the rows as before. What only the collector frees, the driver's results (they hold reference
    cycles, and through them the rows they sent: ~60,000 lists a batch of 1,000), is collected by
    `collect_young` after every batch, which looks only at what was allocated since the last one.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collect_young() -> None:
    """Free the reference cycles the last batch left (see `collector_paused`)."""
    gc.collect(1)


def next_rows(items: Iterator[Extraction], size: int) -> BatchRows | None:
    """The rows of the next `size` extractions, or None when there are none left."""
    batch = list(islice(items, size))
    return BatchRows.of(batch) if batch else None


@dataclass
class InFlight:
    """A batch handed to a writer thread: its result, and what a later batch must know while it runs."""

    future: Future[UpsertReport]
    sent: threading.Event  # set once its statements have all run: it is committing (or failed)
    articles: frozenset[str]
    entities: frozenset[str]


def upsert(
    conn: Neo4jConnection, extractions: Iterable[Extraction], batch_size: int = 200, in_flight: int = 1
) -> UpsertReport:
    """Merge extractions in batches: one `UNWIND ... MERGE` round trip per record kind and batch.

    Each batch is one transaction. With `in_flight` 2, a batch's transaction starts (in a second
    session) as soon as the previous one's statements have all run, while that one commits: its rows
    that touch none of the previous batch's entities run at once, the others once that batch has
    committed (BatchRows.write), so neither waits for the other's locks. A batch that shares an article
    with one still in flight waits for it to commit before it starts. Round 14 (docs/neo4j.md): 2, the
    store's default, was faster than 1 in every idle pair measured; 1 writes one batch after the other.
    """
    report = UpsertReport()
    items = iter(extractions)
    # The next batch's rows are built (Python) while the server writes this one (the driver waits
    # on its socket without the GIL): the two overlap instead of taking turns.
    with (
        collector_paused(),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-rows") as pool,
        ThreadPoolExecutor(max_workers=max(1, in_flight), thread_name_prefix="kg-write") as writers,
    ):
        flights: deque[InFlight] = deque()
        try:
            pending = pool.submit(next_rows, items, batch_size)
            while (rows := pending.result()) is not None:
                pending = pool.submit(next_rows, items, batch_size)
                articles = frozenset(rows.articles)
                while flights and (len(flights) >= in_flight or any(f.articles & articles for f in flights)):
                    report.add(flights.popleft().future.result())
                for f in flights:
                    f.sent.wait()
                busy = frozenset().union(*(f.entities for f in flights))
                sent = threading.Event()
                committed = partial(wait, [f.future for f in flights])
                work = partial(_write, rows, busy, committed, sent)
                # managed: retried on transient errors (deadlocks between writers)
                if in_flight > 1:
                    future = writers.submit(conn.write, work, WRITE_RETRY_SECONDS)
                else:  # one at a time, in this thread
                    future = Future()
                    future.set_result(conn.write(work, WRITE_RETRY_SECONDS))
                flights.append(InFlight(future, sent, articles, frozenset(rows.entities)))
                del rows
                collect_young()
            while flights:
                report.add(flights.popleft().future.result())
        finally:
            for f in flights:  # a batch failed: wait for the others before raising
                f.future.exception()
    return report


def _write(
    rows: BatchRows,
    busy: frozenset[str],
    committed: Callable[[], object],
    sent: threading.Event,
    tx: ManagedTransaction,
) -> UpsertReport:
    try:
        return rows.write(tx, busy, committed)
    finally:
        sent.set()
