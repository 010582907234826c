"""Fixtures shared by the extraction tests: one real pipeline per module and one-call runners.
The helpers that read an extraction are in `extracted.py`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import ExtractedEvent, Extraction
from loaders.pipeline import Extractor
from tests.loaders.extracted import extract_with


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def run(extractor: Extractor) -> Callable[[str], Extraction]:
    """Extract one text as an article published on 10 June 2021 (a Thursday)."""
    return extract_with(extractor, "2021-06-10")


@pytest.fixture
def events(run: Callable[[str], Extraction]) -> Callable[[str], list[ExtractedEvent]]:
    """The events of one text, as `run` extracts it."""
    return lambda text: run(text).events
