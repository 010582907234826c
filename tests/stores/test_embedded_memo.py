"""The embedded store's per-version memo of entities: never stale, never shared with callers."""

from __future__ import annotations

from pathlib import Path

from graph.model import Extraction
from graph.stores.embedded import EmbeddedStore


def mention(url: str, aliases: list[str]) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": url, "published": "2024-05-06"},
            "entities": [
                {"name": "Harbour Guild", "kind": "organization", "aliases": aliases},
                {"name": "River Council", "kind": "organization"},
            ],
            "relations": [
                {
                    "source": "Harbour Guild",
                    "type": "SUPPORTS",
                    "target": "River Council",
                    "evidence": "The Harbour Guild backed the River Council.",
                }
            ],
        }
    )


GUILD = "organization:harbour-guild"


def test_an_entity_read_again_is_equal_and_a_change_to_it_stays_with_the_caller(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.json")
    try:
        store.upsert([mention("https://example.org/memo/1", [])])
        first = store.get_entity(GUILD)
        again = store.get_entity(GUILD)  # from the memo: same version
        assert again.model_dump_json() == first.model_dump_json()
        first.aliases.append("changed by a caller")
        first.article_ids.clear()
        third = store.get_entity(GUILD)
        assert third.aliases == [] and len(third.article_ids) == 1
    finally:
        store.close()


def test_a_write_from_this_store_or_another_is_seen_at_once(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.json")
    other = EmbeddedStore(tmp_path / "graph.json")  # another handle on the same files
    try:
        store.upsert([mention("https://example.org/memo/1", [])])
        assert store.get_entity(GUILD).aliases == []
        store.upsert([mention("https://example.org/memo/2", ["The Guild"])])
        seen = store.get_entity(GUILD)
        assert seen.aliases == ["The Guild"] and len(seen.article_ids) == 2
        store.close()  # hands the writer lease over
        other.upsert([mention("https://example.org/memo/3", ["Guild of the Harbour"])])
        other.close()
        after = store.get_entity(GUILD)
        assert "Guild of the Harbour" in after.aliases and len(after.article_ids) == 3
        paths = store.shortest_paths(GUILD, "organization:river-council")
        assert paths[0].entities[0].model_dump_json() == after.model_dump_json()
    finally:
        store.close()
        other.close()
