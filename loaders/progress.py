"""Progress of long runs on the terminal (rich): inputs done, articles, articles/s, errors and ETA."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class RunProgress:
    """A progress line over the inputs of a run; a no-op when `enabled` is False (pipes, --json)."""

    def __init__(
        self, console: Console, total: int, *, label: str = "ingesting", enabled: bool = True
    ) -> None:
        self.started = time.monotonic()
        self.articles = 0
        self.errors = 0
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("inputs · {task.fields[articles]} articles · {task.fields[rate]} articles/s"),
            TextColumn("· [red]{task.fields[errors]} errors[/]"),
            TextColumn("· ETA"),
            TimeRemainingColumn(),
            console=console,
            disable=not enabled,
        )
        self.task = self.progress.add_task(label, total=total, articles=0, rate="0.0", errors=0)

    def __enter__(self) -> RunProgress:
        self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.progress.stop()

    @property
    def rate(self) -> float:
        """Articles per second since the start."""
        return self.articles / max(time.monotonic() - self.started, 1e-9)

    def set_total(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def update(self, *, inputs: int = 0, articles: int = 0, errors: int = 0) -> None:
        self.articles += articles
        self.errors += errors
        self.progress.update(
            self.task,
            advance=inputs,
            articles=self.articles,
            rate=f"{self.rate:.1f}",
            errors=self.errors,
        )
