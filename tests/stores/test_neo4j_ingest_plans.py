"""The Neo4j ingest statements keep the plans their cost was measured with (docs/neo4j.md, Ingest).

The relation and mention statements find their entities by element id (`NodeByElementIdSeek`). A
small change of the statement text makes the planner drop the seek: with `AND s.id = row[0]` added it
plans a locking unique-index seek on `id` and a filter, which measured 6.6 s of server CPU for one
batch's relation statements against 0.36 s. These tests read Neo4j's own plan of each statement and
fail on an index seek or scan in place of the element-id seek, or on an extra Eager barrier.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.model import RELATION_TYPES
from graph.stores import neo4j_queries as Q

pytestmark = pytest.mark.neo4j

SCANS = ("NodeByLabelScan", "AllNodesScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan")


def _operators(plan: Any) -> list[str]:
    return [str(plan["operatorType"]).split("@")[0]] + [
        op for c in plan.get("children", []) for op in _operators(c)
    ]


def _plan(store: Any, query: str) -> list[str]:
    with store.driver.session(database=store.database) as s:
        summary = s.run("EXPLAIN " + query, rows=[]).consume()
    assert summary.plan is not None
    return _operators(summary.plan)


@pytest.mark.parametrize("rtype", RELATION_TYPES)
def test_relation_merge_seeks_its_ends_by_element_id(neo4j_store: Any, rtype: str) -> None:
    ops = _plan(neo4j_store, Q.MERGE_RELATIONS[rtype])
    assert ops.count("NodeByElementIdSeek") == 2, ops
    # The MERGE itself may look the relation up by its own id index (DirectedRelationshipIndexSeek, chosen
    # once the database has statistics); what must not come back is a node index seek for the ends.
    assert not [op for op in ops if op in SCANS or (op.startswith("Node") and "IndexSeek" in op)], ops
    assert sum(op.startswith("Eager") for op in ops) <= 1, ops  # the read of the stored evidence


def test_relation_create_seeks_its_ends_by_element_id_without_eager(neo4j_store: Any) -> None:
    # One statement for every type (the type is dynamic): still no scan and no Eager.
    ops = _plan(neo4j_store, Q.CREATE_RELATIONS)
    assert ops.count("NodeByElementIdSeek") == 2, ops
    assert "Create" in ops and not [op for op in ops if op in SCANS or "IndexSeek" in op], ops
    assert not [op for op in ops if op.startswith("Eager")], ops


@pytest.mark.parametrize("query", [Q.MERGE_NEW_ARTICLES, Q.MERGE_KNOWN_ARTICLES, Q.ADD_DEGREES])
def test_mentions_seek_their_entities_by_element_id(neo4j_store: Any, query: str) -> None:
    ops = _plan(neo4j_store, query)
    assert "NodeByElementIdSeek" in ops, ops
    assert not [op for op in ops if op in SCANS], ops
    assert not [op for op in ops if op.startswith("Eager")], ops


def test_ingest_finds_entities_stored_by_an_earlier_batch(neo4j_store: Any) -> None:
    """A later batch's relations and mentions reach entities it did not write (element ids from EXISTING)."""
    from graph.model import Extraction

    def extraction(n: int, rel: str) -> Extraction:
        return Extraction.model_validate(
            {
                "article": {"url": f"https://example.org/plans/{n}", "published": "2024-03-0" + str(n)},
                "entities": [
                    {"name": "Northland", "kind": "country"},
                    {"name": "Southland", "kind": "country"},
                ],
                "relations": [
                    {"source": "Northland", "type": rel, "target": "Southland", "evidence": f"Line {n}."}
                ],
            }
        )

    first = neo4j_store.upsert([extraction(1, "STRUCK")])
    assert len(first.entities_added) == 2
    second = neo4j_store.upsert([extraction(2, "STRUCK"), extraction(3, "THREATENED")])
    assert second.entities_added == [] and len(second.relations_added) == 1
    assert second.evidence_added == 2
    rows = neo4j_store.cypher(
        "MATCH (e:Entity)-[:MENTIONED_IN]->(a:Article) RETURN e.name AS e, a.url AS a ORDER BY e, a"
    )
    assert len(rows.rows) == 6  # two entities in each of three articles
    degrees = neo4j_store.cypher("MATCH (e:Entity) RETURN e.name AS n, e.degree AS d ORDER BY n")
    assert degrees.rows == [["Northland", 2], ["Southland", 2]]  # STRUCK and THREATENED, each end


def test_relations_to_new_entities_are_created_once(neo4j_store: Any) -> None:
    """A relation with an end new to the graph is CREATEd (CREATE_RELATIONS); loading it again adds nothing."""
    from graph.model import Extraction

    def extraction(n: int, names: list[str]) -> Extraction:
        return Extraction.model_validate(
            {
                "article": {"url": f"https://example.org/create/{n}", "published": "2024-04-0" + str(n)},
                "entities": [{"name": x, "kind": "country"} for x in names],
                "relations": [
                    {"source": names[0], "type": "ALLIED_WITH", "target": x, "evidence": f"Pact {n} {x}."}
                    for x in names[1:]
                ],
            }
        )

    neo4j_store.upsert([extraction(1, ["Westmark", "Eastmark"])])
    batch = [extraction(2, ["Westmark", "Eastmark", "Midmark"]), extraction(3, ["Midmark", "Eastmark"])]
    report = neo4j_store.upsert(batch)
    assert report.entities_added == ["country:midmark"] and len(report.relations_added) == 2
    assert report.evidence_added == 3
    again = neo4j_store.upsert(batch)
    assert again.evidence_added == 0 and again.relations_added == []
    rows = neo4j_store.cypher(
        "MATCH (a:Entity)-[r:ALLIED_WITH]->(b:Entity) RETURN a.name AS a, b.name AS b, r.evidence_count AS n "
        "ORDER BY a, b"
    )
    assert rows.rows == [["Eastmark", "Midmark", 1], ["Eastmark", "Westmark", 2], ["Midmark", "Westmark", 1]]
    degrees = neo4j_store.cypher("MATCH (e:Entity) RETURN e.name AS n, e.degree AS d ORDER BY n")
    assert degrees.rows == [["Eastmark", 2], ["Midmark", 2], ["Westmark", 2]]
