"""Search readiness: a background thread that has the store prepare every search stem once per graph
version (`GraphStore.prepare_search`), so that no request meets a cold stem.

On Neo4j the first query of a stem at a graph version read its ~1,000 candidates' rows (12 ms of server
CPU at 100k entities, against ~5 ms warm) and the queries that met stems first paid it. Preparing reads
every entity's search row once (~3 s wall at 100k entities, load 4; streamed, so the cyclic GC runs
no full collection) and answers each stem from memory after. The thread starts with the app, asks once a `poll` (one cheap
`version()` round trip) whether the graph changed, and prepares again after a change, but not sooner
than `gap` seconds after its last preparation: a graph written to all the time is read whole at most
once per `gap`, and searches between read cold stems as before. Each `kg serve` worker keeps its own
(bounded by graph/stores/neo4j_row_memo.MEMO_ROWS). `/health` reports the state (docs/api.md).
"""

from __future__ import annotations

import logging
import threading
import time

from graph.errors import KGError
from graph.store import GraphStore

log = logging.getLogger(__name__)


class SearchWarmer:
    """Runs `store.prepare_search` in a daemon thread; `state` is its latest answer ("warming" before)."""

    def __init__(self, store: GraphStore, gap: float, poll: float = 1.0) -> None:
        self.store, self.gap, self.poll = store, gap, poll
        self.state = "warming"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="search-warmer", daemon=True)

    def start(self) -> SearchWarmer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        last = -float("inf")
        while not self._stop.is_set():
            load = time.monotonic() - last >= self.gap
            began = time.monotonic()
            try:
                state = self.store.prepare_search(load=load)
            except KGError as exc:  # the store went away: say so, and ask again later
                log.warning("search preparation failed: %s", exc.message)
                state = "unavailable"
            except Exception:  # a bug must not end the thread: /health would say "warming" forever
                if self.state != "unavailable":  # logged once per failure run, not once a poll
                    log.exception("search preparation failed unexpectedly")
                state = "unavailable"
            if load and state != "unavailable":  # tried (or found ready): not again within `gap`
                last = began
                if state == "ready" and self.state != "ready":
                    log.info("search prepared in %.1f s", time.monotonic() - began)
            if not (state == "stale" and self.state == "off"):  # "off" holds until tried again
                self.state = state
            self._stop.wait(self.poll)
