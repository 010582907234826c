"""Names an article declares to be one ("which X calls Y", "known as", an acronym spelled out) are one node
across articles, on both stores: the pipeline puts the second name among the entity's aliases, and
ingest finds a later article's lone use of either name through them. Texts are our own."""

from __future__ import annotations

import pytest

from graph.model import Article
from graph.resolve import Resolver, ingest
from graph.store import GraphStore
from loaders.pipeline import Extractor
from loaders.source import SourceArticle


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def extract(extractor: Extractor, slug: str, text: str) -> object:
    art = Article(id=f"article:{slug}", url=f"https://example.org/declared/{slug}", published="2023-03-02")
    return extractor.extract(SourceArticle(article=art, text=text))


def test_a_local_name_in_one_report_is_the_place_of_another(store: GraphStore, extractor: Extractor) -> None:
    first = extract(
        extractor,
        "reef-1",
        "Chinese coast guard ships entered waters near the Senkaku Islands on Friday. Japan protested, and "
        "the ships stayed near the islands, which Beijing calls the Diaoyu Islands, for two days.",
    )
    second = extract(extractor, "reef-2", "Chinese fishing boats returned to the Diaoyu Islands on Monday.")
    ingest(store, [first, second], resolver=Resolver(store))  # type: ignore[list-item]
    places = [h.entity for h in store.search_entities(None, "place", limit=100).items]
    assert [e.name for e in places] == ["Senkaku Islands"], [(e.name, e.aliases) for e in places]


def test_an_acronyms_long_name_and_its_short_form_are_one_group_across_reports(
    store: GraphStore, extractor: Extractor
) -> None:
    first = extract(
        extractor,
        "onlf-1",
        "The army said the Ogaden National Liberation Front (ONLF) had attacked an oil field. "
        "Ogaden Liberation rebels denied the claim on Tuesday.",
    )
    second = extract(
        extractor, "onlf-2", "The ONLF said on Wednesday that it would join the talks in Nairobi."
    )
    ingest(store, [first, second], resolver=Resolver(store))  # type: ignore[list-item]
    bodies = [
        h.entity
        for kind in ("organization", "armed_group")
        for h in store.search_entities(None, kind, limit=100).items
    ]
    named = [e for e in bodies if "Ogaden" in e.name or "ONLF" in e.name]
    assert [e.name for e in named] == ["Ogaden National Liberation Front"], [(e.name, e.kind) for e in named]
