"""Progress and resumption: an interrupted ingest resumes, skips finished inputs, duplicates nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from graph.stores.embedded import EmbeddedStore
from loaders.progress import RunProgress
from loaders.readers import expand_inputs, read_input
from loaders.runner import IngestRun
from loaders.runstate import FinishedInputs

SENTENCES = [
    "Russia condemned the sanctions imposed by the European Union on Tuesday.",
    "France and Germany signed a defence agreement in Berlin on Monday.",
    "Turkish troops attacked Kurdish militias near the Syrian border town of Kobani.",
    "Iran accused Israel of carrying out an air strike on its embassy in Damascus.",
    "The United States imposed new sanctions on North Korea after a missile test.",
]


class Interrupted(Exception):
    pass


class FailingStore:
    """Delegates to a real store, and fails on the n-th write, as a killed run would stop."""

    def __init__(self, store: Any, fail_on: int) -> None:
        self.store, self.fail_on, self.calls = store, fail_on, 0
        self.kind = store.kind

    def upsert(self, batch: Any, batch_size: int = 200) -> Any:
        self.calls += 1
        if self.calls == self.fail_on:
            raise Interrupted("stopped mid-run")
        return self.store.upsert(batch, batch_size=batch_size)

    def __getattr__(self, name: str) -> Any:  # reads and merges go to the real store
        return getattr(self.store, name)


def corpus(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, sentence in enumerate(SENTENCES):
        (folder / f"a{n}.txt").write_text(f"Report {n}\n\n{sentence}\n", encoding="utf-8")
    return sorted(folder.iterdir())


def ingest(store: Any, files: list[Path], state: FinishedInputs | None, *, resume: bool) -> Any:
    run = IngestRun(store, batch_size=2, finished=state)
    return run.run(
        list(expand_inputs(map(str, files))), lambda i: read_input(i, max_bytes=100_000), resume=resume
    )


def test_interrupted_ingest_resumes_without_duplicates(tmp_path: Path) -> None:
    files = corpus(tmp_path)
    state_path = tmp_path / "state" / "ingest.json"
    store = EmbeddedStore(tmp_path / "graph.json")
    with pytest.raises(Interrupted):
        ingest(FailingStore(store, fail_on=2), files, FinishedInputs(state_path), resume=False)
    # Only inputs whose articles were all written are finished: the first file, not the second.
    assert FinishedInputs(state_path).is_finished(files[0])
    assert not FinishedInputs(state_path).is_finished(files[1])
    assert store.stats().articles == 2

    summary = ingest(store, files, FinishedInputs(state_path), resume=True)
    assert summary.skipped_inputs == 1 and summary.read == 4
    again = ingest(store, files, FinishedInputs(state_path), resume=True)
    assert again.skipped_inputs == 5 and again.read == 0

    fresh = EmbeddedStore(tmp_path / "fresh.json")
    ingest(fresh, files, None, resume=False)
    assert store.stats() == fresh.stats()  # same counts and evidence as one clean run
    store.close()
    fresh.close()


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    files = corpus(tmp_path)
    state = FinishedInputs(tmp_path / "state.json")
    state.mark([files[0]])
    assert state.is_finished(files[0])
    files[0].write_text("Report 0\n\nChina and Russia held joint naval exercises.\n", encoding="utf-8")
    assert not FinishedInputs(tmp_path / "state.json").is_finished(files[0])


def test_progress_counts_articles_errors_and_rate(tmp_path: Path) -> None:
    corpus(tmp_path)
    (tmp_path / "articles" / "empty.txt").write_text("", encoding="utf-8")
    console = Console(record=True, force_terminal=True, width=160)
    store = EmbeddedStore(tmp_path / "graph.json")
    inputs = list(expand_inputs([str(tmp_path / "articles")]))
    with RunProgress(console, len(inputs)) as progress:
        run = IngestRun(store, batch_size=2, progress=progress)
        run.run(inputs, lambda i: read_input(i, max_bytes=100_000), resume=False)
    assert progress.articles == 5 and progress.errors == 1 and progress.rate > 0
    text = console.export_text()
    assert "6/6" in text and "5 articles" in text and "1 errors" in text and "ETA" in text
    store.close()
