"""What `kg ingest` and `kg watch` run: files, archives, URLs and feeds into a store.

Files and archives go through the readers, URLs through `loaders.web`, feeds through `loaders.feeds`;
all of them through one `IngestRun` (batched extraction and writes, progress, finished inputs).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import KGError
from loaders.feeds import FeedResult, FeedState, read_feed
from loaders.fetch import Fetcher, FetchPolicy
from loaders.readers import expand_inputs, read_input
from loaders.runner import IngestRun, Input, Item, RunSummary
from loaders.runstate import FinishedInputs
from loaders.source import ReadFailure, SourceArticle
from loaders.web import is_url, page_article

if TYPE_CHECKING:
    from graph.settings import Settings
    from graph.store import GraphStore
    from loaders.progress import RunProgress

log = logging.getLogger(__name__)


def state_dir(settings: Settings) -> Path:
    """Where runs keep their state files."""
    return settings.home / "state"


def feeds_state(settings: Settings) -> Path:
    """The state file of feeds (seen entries, validators), shared by `kg ingest --feed` and `kg watch`."""
    return state_dir(settings) / "feeds.json"


def fetch_policy(settings: Settings) -> FetchPolicy:
    """The fetch policy, with the article size limit of the settings."""
    return FetchPolicy(max_bytes=settings.max_article_bytes)


def ingest(
    store: GraphStore,
    paths: list[str],
    *,
    settings: Settings,
    feeds: list[str] | None = None,
    workers: int = 1,
    batch_size: int = 200,
    resume: bool = False,
    progress: RunProgress | None = None,
    fetcher: Fetcher | None = None,
) -> RunSummary:
    """Ingest files, folders, archives and URLs, then feeds; failures are in the summary."""
    files = [p for p in paths if not is_url(p)]
    urls = [p for p in paths if is_url(p)]
    inputs: list[Input] = [*expand_inputs(files), *urls]
    finished = FinishedInputs(state_dir(settings) / f"ingest-{store.kind}.json")
    run = IngestRun(
        store, batch_size=batch_size, workers=workers, finished=finished, progress=progress, settings=settings
    )
    if progress is not None:
        progress.set_total(len(inputs) + len(feeds or []))
    own = fetcher is None and bool(urls or feeds)
    fetch = fetcher or (Fetcher(fetch_policy(settings)) if urls or feeds else None)
    max_bytes = settings.max_article_bytes

    def read(item: Input) -> Iterator[Item]:
        if isinstance(item, str) and is_url(item):
            assert fetch is not None
            try:
                yield page_article(fetch, item)
            except KGError as exc:
                yield ReadFailure(item, exc)
            return
        yield from read_input(item, max_bytes=max_bytes)

    with contextlib.ExitStack() as stack:
        if own and fetch is not None:
            stack.callback(fetch.close)
        state = None
        if feeds:  # taken first: a watcher on this KG_HOME stops the run before it does any work
            state = stack.enter_context(FeedState.locked(feeds_state(settings), "kg ingest --feed"))
        run.run(inputs, read, resume=resume)
        if state is not None and feeds:
            assert fetch is not None
            for feed in feeds:
                result = read_feed(fetch, feed, state, lambda arts: _write_now(run, arts))
                run.summary.failures.extend(result.failures)
                if progress is not None:
                    progress.update(inputs=1, errors=len(result.failures))
    return run.summary


def _write_now(run: IngestRun, articles: list[SourceArticle]) -> None:
    """Feed entries are written before the feed state records them as seen."""
    run.add(articles)
    run.flush()


def watch(
    store: GraphStore,
    feeds: list[str],
    *,
    settings: Settings,
    interval: float,
    rounds: int = 0,
    fetcher: Fetcher | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[FeedResult]:
    """Read every feed each `interval` seconds, `rounds` times (0: forever), yielding each result."""
    with contextlib.ExitStack() as stack:
        # The feed state is this watcher's alone while it runs: a second one fails here, at once.
        state = stack.enter_context(FeedState.locked(feeds_state(settings), "kg watch"))
        fetch = fetcher or Fetcher(fetch_policy(settings))
        if fetcher is None:
            stack.callback(fetch.close)
        run = IngestRun(store, batch_size=settings.batch_size, workers=1, settings=settings)
        done = 0
        while True:
            started = time.monotonic()
            for feed in feeds:
                try:
                    yield read_feed(fetch, feed, state, lambda arts: _write_now(run, arts))
                except KGError as exc:  # the store failed: say so, and try again next round
                    yield FeedResult(feed, failures=[ReadFailure(feed, exc)])
            done += 1
            if rounds and done >= rounds:
                return
            sleep(max(0.0, interval - (time.monotonic() - started)))
