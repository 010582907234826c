"""The Neo4j store's ingest loop: batches of extractions written one transaction each, the next batch's
rows built while the server writes this one (the rows and their writing are graph/stores/neo4j_batch.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice

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


def upsert(conn: Neo4jConnection, extractions: Iterable[Extraction], batch_size: int = 200) -> UpsertReport:
    """Merge extractions in batches: one `UNWIND ... MERGE` round trip per record kind and batch."""
    report = UpsertReport()
    items = iter(extractions)
    # The next batch's rows are built (Python) while the server writes this one (the driver waits
    # on its socket without the GIL): the two overlap instead of taking turns.
    with collector_paused(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-rows") as pool:
        pending = pool.submit(next_rows, items, batch_size)
        while (rows := pending.result()) is not None:
            pending = pool.submit(next_rows, items, batch_size)
            # managed: retried on transient errors (deadlocks between writers)
            report.add(conn.write(rows.write, retry_seconds=WRITE_RETRY_SECONDS))
            del rows
            collect_young()
    return report
