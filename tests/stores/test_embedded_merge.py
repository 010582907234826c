"""`merge_entities` on the embedded store: relations, event roles and names move onto the kept entity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.errors import NotFound
from graph.model import Extraction, event_id
from graph.store import EventFilter, RelationFilter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"
KEEP, DROP = "person:volodymyr-zelensky", "person:v-zelensky"


def _duplicate() -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": "https://example.org/dup", "published": "2022-03-12"},
            "entities": [
                {"name": "V. Zelensky", "kind": "person", "aliases": ["Mr Zelensky"]},
                {"name": "Ukraine", "kind": "country"},
                {"name": "Poland", "kind": "country"},
            ],
            "relations": [
                {"source": "V. Zelensky", "type": "AFFILIATED_WITH", "target": "Ukraine",
                 "evidence": "V. Zelensky spoke for his country."},
            ],
            "events": [
                {"type": "CONSULT", "date": "2022-03-12", "actors": ["V. Zelensky", "Poland"],
                 "evidence": "V. Zelensky phoned the Polish leader."}
            ],
        }
    )  # fmt: skip


@pytest.fixture
def loaded(embedded_store: Any) -> Any:
    embedded_store.upsert(
        [Extraction.model_validate(json.loads((FIXTURES / f).read_text())) for f in ("kyiv-talks.json",)]
    )
    embedded_store.upsert([_duplicate()])
    return embedded_store


def test_merge_moves_relations_events_and_names(loaded: Any) -> None:
    before = loaded.stats()
    kept = loaded.merge_entities(KEEP, DROP)
    assert kept.id == KEEP and {"V. Zelensky", "Mr Zelensky"} <= set(kept.aliases)
    with pytest.raises(NotFound):
        loaded.get_entity(DROP)
    rels = loaded.relations(RelationFilter(source=KEEP, types=["AFFILIATED_WITH"])).items
    assert len(rels) == 1 and rels[0].evidence_count == 2  # the two relations met: evidence unioned
    events = loaded.events(EventFilter(actor=KEEP, types=["CONSULT"])).items
    assert len(events) == 1 and events[0].actors == sorted([KEEP, "country:poland"])
    assert events[0].id == event_id("CONSULT", "2022-03-12", [KEEP, "country:poland"], None, [])
    after = loaded.stats()
    assert (after.entities, after.relations) == (before.entities - 1, before.relations - 1)
    assert loaded.cypher("MATCH (p:Person) RETURN p.id AS id").rows == [[KEEP]]


def test_merge_is_idempotent_and_checks_ids(loaded: Any) -> None:
    first = loaded.merge_entities(KEEP, DROP)
    version = loaded.version()
    again = loaded.merge_entities(KEEP, DROP)
    assert again == first
    assert loaded.stats() == loaded.stats()
    assert version != "" and loaded.merge_entities(KEEP, KEEP) == first
    with pytest.raises(NotFound):
        loaded.merge_entities("person:nobody", DROP)
