"""The Neo4j store's batch records, built straight from extractions, agree with the pydantic records.

`BatchRecords` (graph/stores/neo4j_rows.py) resolves names without `GraphRecords.from_extraction`; this
checks, on articles written for the test, that both give the same entities, relations and evidence,
including the cases where resolution does something: aliases, titles, an entity listed twice, a
symmetric relation given both ways, a relation of an entity with itself, a sentence given twice.
"""

from __future__ import annotations

import json
from typing import Any

from graph.model import Extraction, Relation
from graph.records import GraphRecords, merge_evidence
from graph.stores.neo4j_queries import RELATION_ROW
from graph.stores.neo4j_rows import BatchRecords
from graph.stores.props import entity_props, relation_props


def _articles() -> list[Extraction]:
    raw: list[dict[str, Any]] = [
        {
            "article": {"url": "https://example.org/rows/1", "published": "2024-03-02"},
            "entities": [
                {"name": "Northland", "kind": "country", "aliases": ["North Land", "Northland", ""]},
                {"name": "Mira Kell", "kind": "person", "titles": ["Foreign Minister"]},
                {"name": "Mira Kell", "kind": "person", "aliases": ["M. Kell"], "titles": ["Envoy"]},
                {"name": "Southmark", "kind": "country", "country_code": "SM", "lat": 1.5, "lon": 2.5},
            ],
            "relations": [
                {"source": "Northland", "type": "ALLIED_WITH", "target": "Southmark", "evidence": "One."},
                {"source": "Southmark", "type": "ALLIED_WITH", "target": "Northland", "evidence": "Two."},
                {"source": "Southmark", "type": "ALLIED_WITH", "target": "Northland", "evidence": "Two."},
                {"source": "North Land", "type": "THREATENED", "target": "Northland", "evidence": "Self."},
                {
                    "source": "Mira Kell",
                    "type": "AFFILIATED_WITH",
                    "target": "Northland",
                    "evidence": "Kell speaks.",
                    "title": "Foreign Minister",
                    "confidence": 0.5,
                    "date": "2024-02",
                },
            ],
            "events": [
                {"type": "CONSULT", "actors": ["Mira Kell"], "location": "Southmark", "evidence": "Met."}
            ],
        },
        {
            "article": {"url": "https://example.org/rows/2"},
            "entities": [
                {
                    "name": "Northland",
                    "kind": "country",
                    "aliases": ["The Northlanders"],
                    "country_code": "NL",
                },
                {"name": "Southmark", "kind": "country", "lat": 9.0},
                {"name": "Mira Kell", "kind": "person", "titles": ["Envoy", "Minister"]},
            ],
            "relations": [
                {"source": "Northland", "type": "ALLIED_WITH", "target": "Southmark", "evidence": "One."},
                {"source": "Mira Kell", "type": "AFFILIATED_WITH", "target": "Northland", "title": "Envoy"},
            ],
            "events": [
                {"type": "CONSULT", "actors": ["Mira Kell"], "location": "Southmark", "evidence": "Met."}
            ],
        },
    ]
    return [Extraction.model_validate(x) for x in raw]


def _expected(batch: list[Extraction]) -> tuple[dict[str, Any], dict[str, Relation]]:
    """The batch merged the way the store did it before: pydantic records, then unions per id."""
    entities: dict[str, dict[str, Any]] = {}
    relations: dict[str, Relation] = {}
    for ex in batch:
        rec = GraphRecords.from_extraction(ex)
        for e in rec.entities:
            q = entity_props(e)
            p = entities.setdefault(e.id, q)
            if p is not q:
                p["aliases"] = p["aliases"] + [a for a in q["aliases"] if a not in p["aliases"]]
                p["alias_keys"] = sorted({*p["alias_keys"], *q["alias_keys"]})
                p["titles"] = p["titles"] + [t for t in q["titles"] if t not in p["titles"]]
                for k in ("country_code", "lat", "lon"):
                    if p[k] is None:
                        p[k] = q[k]
        for r in rec.relations:
            old = relations.setdefault(r.id, r)
            if old is not r:
                old.evidence = merge_evidence(old.evidence, r.evidence)
                old.titles = old.titles + [t for t in r.titles if t not in old.titles]
    return entities, relations


def test_batch_records_match_the_pydantic_records() -> None:
    batch = _articles()
    got = BatchRecords.of(batch)
    entities, relations = _expected(batch)
    assert got.entities == entities
    assert entities["country:northland"]["aliases"] == ["North Land", "The Northlanders"]
    assert set(got.relations) == set(relations)
    for rid, rel in relations.items():
        props = relation_props(rel)
        row = dict(zip(RELATION_ROW, got.relations[rid].row(), strict=True))
        assert row["source"] == rel.source and row["target"] == rel.target
        for col in RELATION_ROW[2:]:
            assert row[col] == props[col], (rid, col)
    allied = next(r for r in relations.values() if r.type == "ALLIED_WITH")
    assert [e.sentence for e in allied.evidence] == ["One.", "Two.", "One."]  # one per article and sentence
    assert not any(r.source == r.target for r in relations.values())
    [event] = got.events.values()
    assert [e.sentence for e in event.evidence] == ["Met.", "Met."] and event.location == "country:southmark"


def test_merge_with_stored_evidence_adds_only_what_is_missing() -> None:
    [rel] = [r for r in BatchRecords.of(_articles()).relations.values() if r.type == "ALLIED_WITH"]
    stored = [{"sentence": "Two.", "article_id": rel.evidence[1][1], "date": "2024-03-02", "confidence": 1.0}]
    merged = rel.merged_with(stored, ["Chair"])
    assert [m[0] for m in merged.evidence] == ["Two.", "One.", "One."]
    assert merged.titles == ["Chair"]
    # A re-load: the batch's evidence is all stored already.
    again = rel.merged_with(json.loads(merged.row()[-1]), merged.titles)
    assert again.evidence == merged.evidence and again.titles == ["Chair"]
