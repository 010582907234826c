"""Concurrent writers all land: threads upserting the same relation, event and entity at once lose nothing.

A merge reads what is stored and writes back the union; two writers that both read before either writes
would each write a union without the other's mention (a lost update). Each writer below brings its own
articles, so every mention is distinct and the final counts are exact.
"""

from __future__ import annotations

import threading
from typing import Any

from graph.model import Extraction
from graph.store import EventFilter, RelationFilter

WRITERS = 6
ARTICLES_EACH = 3


def extraction(writer: int, n: int) -> Extraction:
    sentence = f"Writer {writer} reports, in dispatch {n}, that Arcadia armed the Borduria rebels."
    return Extraction.model_validate(
        {
            "article": {"url": f"http://race.test/{writer}/{n}", "published": "2031-05-0" + str(n + 1)},
            "entities": [
                {"name": "Arcadia", "kind": "country", "aliases": [f"Arcadian side {writer}"]},
                {"name": "Borduria rebels", "kind": "armed_group"},
                {"name": "Borduria", "kind": "country"},
                {"name": f"Envoy {writer}", "kind": "person"},
            ],
            "relations": [
                {"source": "Arcadia", "type": "SUPPORTS", "target": "Borduria rebels", "evidence": sentence},
                # A relation of each writer's own, on the shared entity: its degree counts every one.
                {"source": "Arcadia", "type": "MET_WITH", "target": f"Envoy {writer}", "evidence": sentence},
            ],
            "events": [
                {
                    "type": "ASSAULT",
                    "date": "2031-05-01",
                    "actors": ["Borduria rebels"],
                    "targets": ["Borduria"],
                    "evidence": f"Writer {writer}, dispatch {n}: the rebels attacked Borduria on 1 May.",
                }
            ],
        }
    )


def test_concurrent_upserts_of_one_relation_all_land(store: Any) -> None:
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            barrier.wait()
            for n in range(ARTICLES_EACH):  # one article per batch: as many read-merge-writes as possible
                store.upsert([extraction(writer, n)], batch_size=1)
        except BaseException as exc:  # reported below, in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    total = WRITERS * ARTICLES_EACH
    (rel,) = store.relations(RelationFilter(types=["SUPPORTS"])).items
    assert rel.evidence_count == total
    assert len({e.article_id for e in rel.evidence}) == total
    (event,) = store.events(EventFilter(types=["ASSAULT"])).items
    assert event.evidence_count == total
    arcadia = store.find_entity("Arcadia")
    assert {f"Arcadian side {w}" for w in range(WRITERS)} <= set(arcadia.aliases)
    assert store.stats().articles == total
    hits = store.search_entities("arcadia").items
    assert [(h.entity.id, h.degree) for h in hits] == [("country:arcadia", 1 + WRITERS)]
