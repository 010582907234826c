"""One ingest run: inputs -> readers -> extraction -> batched store writes, with progress and resume.

Used by `kg ingest` (files, folders, archives, URLs) and by feeds (`kg ingest --feed`, `kg watch`).
Inputs are read lazily, one batch of articles in memory at a time, so a large archive streams. An
input is marked finished (`FinishedInputs`) once everything read from it has been written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.model import Extraction
from graph.resolve import ingest as resolve_and_write
from graph.resolve import open_resolver
from graph.results import UpsertReport
from graph.settings import Settings
from loaders.source import ReadFailure, SourceArticle

if TYPE_CHECKING:
    from graph.store import GraphStore
    from loaders.pipeline import Extractor
    from loaders.progress import RunProgress
    from loaders.runstate import FinishedInputs

log = logging.getLogger(__name__)

Item = SourceArticle | Extraction | ReadFailure
Input = Path | str


@dataclass
class RunSummary:
    """What a run read, wrote and could not read."""

    report: UpsertReport = field(default_factory=UpsertReport)
    read: int = 0
    skipped_inputs: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


class IngestRun:
    """Batches articles across inputs; extracts and writes each batch; marks inputs when written."""

    def __init__(
        self,
        store: GraphStore,
        *,
        batch_size: int = 200,
        workers: int = 1,
        finished: FinishedInputs | None = None,
        progress: RunProgress | None = None,
        extractor: Callable[[], Extractor] | None = None,
        settings: Settings | None = None,
        resolve: bool = True,
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.workers = workers
        self.finished = finished
        self.progress = progress
        self._make_extractor = extractor
        self._extractor: Extractor | None = None
        self.resolver = open_resolver(store, settings) if resolve else None
        self.summary = RunSummary()
        self._batch: list[SourceArticle | Extraction] = []
        self._read_inputs: list[Input] = []  # read to the end, waiting for their last batch to be written

    def run(
        self, inputs: Iterable[Input], read: Callable[[Input], Iterator[Item]], *, resume: bool
    ) -> RunSummary:
        """Read every input (skipping finished ones when `resume`) and write what they hold."""
        for item in inputs:
            if resume and self.finished is not None and self.finished.is_finished(item):
                self.summary.skipped_inputs += 1
                self._tick(inputs=1)
                continue
            self.add(read(item))
            self.input_done(item)
        self.flush()
        return self.summary

    def add(self, items: Iterable[Item]) -> None:
        """Queue articles (writing every full batch); failures are recorded and counted."""
        for got in items:
            self.summary.read += 1
            if isinstance(got, ReadFailure):
                self.summary.failures.append(got)
                log.warning("%s", got.error.message)
                self._tick(errors=1)
                continue
            self._batch.append(got)
            if len(self._batch) >= self.batch_size:
                self.flush()

    def input_done(self, item: Input) -> None:
        """Everything of `item` has been queued: it is finished at the next write."""
        self._read_inputs.append(item)
        self._tick(inputs=1)

    def flush(self) -> None:
        """Extract and write the queued batch, then mark the inputs read so far as finished."""
        batch, self._batch = self._batch, []
        if batch:
            ready = [b for b in batch if isinstance(b, Extraction)]
            sources = [b for b in batch if isinstance(b, SourceArticle)]
            if sources:
                ready += list(self.extractor.extract_many(sources, workers=self.workers))
            # The one write path (graph/resolve.py): actors resolved across articles, event mentions merged.
            self.summary.report.add(
                resolve_and_write(
                    self.store, ready, self.batch_size, self.resolver, resolve=self.resolver is not None
                )
            )
            self._tick(articles=len(batch))
        if self.finished is not None and self._read_inputs:
            self.finished.mark(self._read_inputs)
        self._read_inputs = []

    @property
    def extractor(self) -> Extractor:
        """Loaded on the first article that needs it (extraction files and failures do not)."""
        if self._extractor is None:
            if self._make_extractor is not None:
                self._extractor = self._make_extractor()
            else:
                from loaders.pipeline import Extractor

                self._extractor = Extractor()
        return self._extractor

    def _tick(self, *, inputs: int = 0, articles: int = 0, errors: int = 0) -> None:
        if self.progress is not None:
            self.progress.update(inputs=inputs, articles=articles, errors=errors)
