"""The embedded search index keeps each stem's candidates per generation (graph/stores/embedded_stems.py)
and, prepared (`prepare_search`), answers every stem from memory: the same pages and totals as a store
that reads the index for each query, and it follows writes."""

from __future__ import annotations

from pathlib import Path

from graph import search as entity_search
from graph.model import Extraction
from graph.stores.embedded import EmbeddedStore

NAMES = ["Tarn Valley", "Tarnish Guild", "Guild of Tarn", "Valley Watch", "Tara Vale", "Varn", "Vale Tarn"]
QUERIES = ["tarn", "t", "ta", "va", "guild tarn", "tarn val", "valey", "tarnsh guild", "zz", "vale"]


def _extraction(names: list[str], url: str) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": url},
            "entities": [
                {"name": n, "kind": "place" if i % 2 else "organization", "aliases": [n.split()[0] + " X"]}
                for i, n in enumerate(names)
            ],
        }
    )


def _answers(store: EmbeddedStore) -> list[object]:
    return [
        (q, kind, page.total, [h.entity.id for h in page.items])
        for q in QUERIES
        for kind in (None, "place")
        for page in [store.search_entities(q, kind=kind, limit=3, offset=1)]
    ]


def test_a_prepared_index_answers_as_one_that_reads_and_follows_writes(
    tmp_path: Path, monkeypatch: object
) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(entity_search, "BROAD_CANDIDATES", 4)  # "t", "ta", "va" are broad here
    prepared, plain = EmbeddedStore(tmp_path / "a.json"), EmbeddedStore(tmp_path / "b.json")
    for store in (prepared, plain):
        store.upsert([_extraction(NAMES, "https://example.org/tests/stems-1")])
    assert prepared.prepare_search(load=False) == "stale"
    assert prepared.prepare_search() == "ready"
    calls: list[str] = []
    read = prepared.search_index._stem
    prepared.search_index._stem = lambda *a: calls.append(a[1]) or read(*a)  # type: ignore[method-assign]
    assert _answers(prepared) == _answers(plain)
    assert calls == []  # every stem from the prepared rows
    more = _extraction(["Tarnow Gate"], "https://example.org/tests/stems-2")
    for store in (prepared, plain):
        store.upsert([more])
    assert prepared.prepare_search(load=False) == "stale"
    assert _answers(prepared) == _answers(plain)  # read from the index again at the new generation
    assert calls
    assert prepared.prepare_search() == "ready"
    assert _answers(prepared) == _answers(plain)
    small = EmbeddedStore(tmp_path / "a.json")
    small.search_index.stems.max_members = 3  # past the bound the graph is not read whole
    assert small.prepare_search() == "off"
