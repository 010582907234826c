"""The lazy resolver index (buckets read from the embedded store's key table) answers like the full one."""

from __future__ import annotations

from typing import Any

from graph.entity_index import EntityIndex
from graph.model import Extraction

NAMES = [
    ("Mohammed Karimov", "person"),
    ("Muhammad Karimov", "person"),
    ("Karimov", "person"),
    ("Anton Velsky", "person"),
    ("Northern Liberation Front", "armed_group"),
    ("NLF", "armed_group"),
    ("Liberation Front", "armed_group"),
    ("Harbour Guard", "organization"),
    ("Port of Tessaly Harbour Guard", "organization"),
    ("Tessaly", "place"),
    ("Velsky", "organization"),
]


def _extraction(i: int, names: list[tuple[str, str]]) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": f"https://example.org/idx/{i}", "published": "2024-01-02"},
            "entities": [{"name": n, "kind": k} for n, k in names],
            "relations": [],
        }
    )


def _answers(index: EntityIndex) -> list[list[str]]:
    out = []
    for name, kind in [*NAMES, ("M. Karimov", "person"), ("Front", "armed_group"), ("Guard", "organization")]:
        out.append([e.id for e in index.by_name(name)])
        out.append([e.id for e in index.variants(name, kind)])
        out.append([e.id for e in index.fuller_names(name, kind)])
        out.append([e.id for e in index.short_nodes(name, [kind], True)])
        out.append([e.id for e in index.by_acronym(name, kind)])
    return out


def test_lazy_index_gives_the_full_index_answers(embedded_store: Any) -> None:
    store = embedded_store
    store.upsert([_extraction(i, NAMES[i::3]) for i in range(3)])
    full, lazy = EntityIndex.from_store(store), EntityIndex.for_resolution(store)
    assert lazy is not full and not lazy.ents  # nothing read before it is asked
    assert _answers(lazy) == _answers(full)
    assert any(_answers(full))  # the names do meet: the comparison is not between empty answers


def test_lazy_index_respects_its_own_adds_and_removes(embedded_store: Any) -> None:
    store = embedded_store
    store.upsert([_extraction(0, NAMES)])
    full, lazy = EntityIndex.from_store(store), EntityIndex.for_resolution(store)
    for index in (full, lazy):
        kept = index.get("person:mohammed-karimov")
        assert kept is not None
        index.remove("person:muhammad-karimov")
        index.add(kept.model_copy(update={"aliases": ["Muhammad Karimov", "Mo Karimov"]}))
    assert lazy.get("person:muhammad-karimov") is None
    assert _answers(lazy) == _answers(full)
