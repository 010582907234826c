"""Fixtures shared by the extraction tests: one real pipeline per module and a one-call runner."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import Article, Extraction
from loaders.pipeline import Extractor
from loaders.source import SourceArticle


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def run(extractor: Extractor) -> Callable[[str], Extraction]:
    """Extract one text as an article published on 10 June 2021."""

    def go(text: str) -> Extraction:
        art = Article(id="article:test", published="2021-06-10")
        return extractor.extract(SourceArticle(article=art, text=text))

    return go
