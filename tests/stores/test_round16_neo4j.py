"""Round 16 (docs/neo4j.md, "Round 16"): the relation statements seek their ends by element id without a
label filter, and the stored degree through the ingest's MERGE path stays exact.

The element ids come from EXISTING and MERGE_ENTITIES in the same transaction, so the nodes are entities;
the plans must keep the seek and show no `Filter` on `:Entity` after it. The article statements keep the
label (without it their plan gains an Eager; test_neo4j_ingest_plans.py fails on that).

Relations between entities an earlier batch stored go through MERGE_RELATIONS, which adds 1 to both
ends only when its MERGE creates the relation (the CREATE path is covered by
test_neo4j_ingest_plans.py). Round 16 measured moving those per-row degree SETs into the batch's summed
ADD_DEGREES and did not keep it; this test holds either form to the same counts: each new relation once,
a known relation with new evidence and a re-load nothing, and every degree equal to a recount.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.model import Extraction
from graph.stores import neo4j_queries as Q

pytestmark = pytest.mark.neo4j


def _walk(plan: Any) -> list[tuple[str, str]]:
    own = (str(plan["operatorType"]).split("@")[0], str(plan.get("args", {}).get("Details", "")))
    return [own] + [op for c in plan.get("children", []) for op in _walk(c)]


@pytest.mark.parametrize(
    "query",
    [Q.MERGE_RELATIONS["STRUCK"], Q.CREATE_RELATIONS, Q.ADD_DEGREES],
    ids=["merge", "create", "degrees"],
)
def test_element_id_seeks_have_no_label_filter(neo4j_store: Any, query: str) -> None:
    with neo4j_store.driver.session(database=neo4j_store.database) as s:
        plan = s.run("EXPLAIN " + query, rows=[]).consume().plan
    ops = _walk(plan)
    assert any(name == "NodeByElementIdSeek" for name, _ in ops), ops
    assert not [(n, d) for n, d in ops if n == "Filter" and ":Entity" in d], ops
    assert not [n for n, _ in ops if n == "Eager"] or query in Q.MERGE_RELATIONS.values(), ops


def _extraction(n: int, pairs: list[tuple[str, str, str]], sentence: str = "") -> Extraction:
    names = sorted({x for s, _, t in pairs for x in (s, t)})
    return Extraction.model_validate(
        {
            "article": {"url": f"https://example.org/r16/{n}", "published": f"2024-05-{n:02d}"},
            "entities": [{"name": x, "kind": "country"} for x in names],
            "relations": [
                {"source": s, "type": rel, "target": t, "evidence": sentence or f"Note {n} {s} {t}."}
                for s, rel, t in pairs
            ],
        }
    )


def _degrees(store: Any) -> dict[str, int]:
    rows = store.cypher("MATCH (e:Entity) RETURN e.name AS n, e.degree AS d ORDER BY n").rows
    return {n: d for n, d in rows}


def _recount(store: Any) -> dict[str, int]:
    rows = store.cypher(f"MATCH (e:Entity) RETURN e.name AS n, {Q.DEGREE_COUNT} AS d ORDER BY n").rows
    return {n: d for n, d in rows}


def test_merge_path_degrees_are_counted_once(neo4j_store: Any) -> None:
    # Batch 1 stores the entities; batch 2's relations join entities stored before it, so they MERGE.
    neo4j_store.upsert(
        [_extraction(1, [("Aland", "ALLIED_WITH", "Borland"), ("Corland", "STRUCK", "Dorland")])]
    )
    batch = [
        _extraction(2, [("Aland", "STRUCK", "Corland"), ("Borland", "STRUCK", "Corland")]),
        _extraction(3, [("Aland", "THREATENED", "Dorland"), ("Aland", "STRUCK", "Corland")]),
        _extraction(4, [("Aland", "ALLIED_WITH", "Borland")]),  # known relation, new evidence
    ]
    report = neo4j_store.upsert(batch)
    assert len(report.relations_added) == 3 and len(report.relations_merged) == 1
    expected = {"Aland": 3, "Borland": 2, "Corland": 3, "Dorland": 2}
    assert _degrees(neo4j_store) == expected == _recount(neo4j_store)
    again = neo4j_store.upsert(batch)  # a re-load: every MERGE matches
    assert again.relations_added == [] and again.evidence_added == 0
    assert _degrees(neo4j_store) == expected
    rows = neo4j_store.cypher(
        "MATCH (:Entity {name: 'Aland'})-[r:ALLIED_WITH]->(:Entity {name: 'Borland'}) RETURN r.evidence_count AS n"
    ).rows
    assert rows == [[2]]
