"""The embedded store's Cypher answers exactly as Neo4j does on the same graph, or refuses clearly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.errors import UnsupportedQuery
from graph.model import Extraction

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"

# (query, params, ordered?) — each exercises a feature of the documented subset (docs/cypher.md).
QUERIES: list[tuple[str, dict[str, Any], bool]] = [
    ("MATCH (e:Entity) RETURN count(*) AS n", {}, True),
    ("MATCH (e:Entity) RETURN count(*)", {}, True),
    ("MATCH (c:Country) RETURN c.name ORDER BY c.name", {}, True),
    ("MATCH (e:Entity) WHERE e.kind = 'country' RETURN e.name", {}, False),
    ("MATCH (e:Entity) WHERE e.name = $name RETURN e.id, e.kind", {"name": "Poland"}, False),
    (
        "MATCH (e:Entity) WHERE e.id IN $ids RETURN e.name ORDER BY e.name",
        {"ids": ["country:russia", "place:kharkiv"]},
        True,
    ),
    ("MATCH (p:Person) RETURN p.name, p.titles", {}, False),
    ("MATCH (p:Place) RETURN p.name, p.aliases", {}, False),
    ("MATCH (o:Organization) RETURN o", {}, False),
    ("MATCH (a)-[r:STRUCK]->(b) RETURN a.name, b.name, r.evidence_count", {}, False),
    ("MATCH (a:Country)-[r:ALLIED_WITH]-(b:Country) RETURN a.name, b.name", {}, False),
    (
        "MATCH (a:Entity)-[r]-(b:Entity) WHERE a.name = 'Poland' RETURN type(r) AS t, b.name ORDER BY t",
        {},
        True,
    ),
    ("MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS t, count(*) AS n ORDER BY t", {}, True),
    ("MATCH (a:Entity)-[:SUPPORTS|ALLIED_WITH]-(b:Entity) RETURN DISTINCT a.name ORDER BY a.name", {}, True),
    (
        "MATCH (a:Entity {id: 'person:volodymyr-zelensky'})-[*1..2]-(b:Entity) RETURN DISTINCT b.name ORDER BY b.name",
        {},
        True,
    ),
    (
        "MATCH (a:Entity {id: 'person:volodymyr-zelensky'})-[rs:AFFILIATED_WITH|ALLIED_WITH*2]-(b) RETURN b.name, size(rs)",
        {},
        False,
    ),
    ("MATCH (a:Entity)--(b:Entity)--(c:Entity) WHERE a.name = 'Volodymyr Zelensky' RETURN c.name", {}, False),
    ("MATCH (x:Country)<-[:AFFILIATED_WITH]-(p:Person) RETURN x.name, p.name", {}, False),
    ("MATCH (e:Event)-[:LOCATED_AT]->(p:Place) RETURN e.type, p.name, e.evidence_count, e.date", {}, False),
    ("MATCH (a:Entity)-[:ACTOR_IN]->(e:Event)-[:TARGETS]->(t) RETURN a.name, e.type, t.name", {}, False),
    ("MATCH (e:Event)-[:REPORTED_IN]->(a:Article) RETURN e.type, count(a) AS n ORDER BY e.type", {}, True),
    (
        "MATCH (e:Entity)-[:MENTIONED_IN]->(a:Article) WITH a, count(e) AS n RETURN a.title, n ORDER BY a.title",
        {},
        True,
    ),
    ("OPTIONAL MATCH (x:ArmedGroup) RETURN x", {}, False),
    ("MATCH (c:Country) OPTIONAL MATCH (c)-[r:STRUCK]->(t) RETURN c.name, t.name", {}, False),
    ("MATCH (c:Country) WITH c WHERE c.name STARTS WITH 'U' RETURN c.name", {}, False),
    ("MATCH (e:Entity) WHERE e.name CONTAINS 'an' AND NOT e.kind = 'place' RETURN e.name", {}, False),
    ("MATCH (e:Entity) RETURN e.kind AS kind, count(*) AS n ORDER BY n DESC, kind LIMIT 2", {}, True),
    ("MATCH (e:Entity) RETURN e.name ORDER BY e.name SKIP 2 LIMIT 2", {}, True),
    ("MATCH (e:Entity) WHERE 'Warsaw' IN e.aliases RETURN e.name", {}, False),
    ("MATCH (e:Entity) RETURN toLower(e.name) AS low, size(e.aliases) AS n ORDER BY low", {}, True),
    ("MATCH (e:Entity) RETURN collect(e.name) AS names", {}, False),
    ("MATCH ()-[r:ALLIED_WITH]->() RETURN r.dates, r.first_seen, r.last_seen", {}, False),
    (
        "MATCH ()-[r]->() RETURN r.id, r.evidence_count, r.article_ids, r.evidence, r.confidence, r.titles",
        {},
        False,
    ),
    ("MATCH (e:Event) RETURN e.id, e.evidence_count, e.article_ids, e.dates, e.evidence", {}, False),
    ("MATCH (e:Entity) WHERE e.country_code IS NULL RETURN e.name", {}, False),
    ("MATCH (e:Entity) RETURN e.name, CASE WHEN e.kind = 'country' THEN 1 ELSE 0 END AS c", {}, False),
    ("UNWIND [1, 2, 3] AS x RETURN x * 2 AS y", {}, True),
    ("MATCH (a:Country), (b:Country) WHERE a.name < b.name RETURN a.name, b.name", {}, False),
]


def _canon(rows: list[list[Any]], ordered: bool) -> list[str]:
    def norm(v: Any) -> Any:
        if isinstance(v, list) and not ordered:
            return (
                sorted(json.dumps(x, sort_keys=True) for x in v)
                if all(not isinstance(x, list) for x in v)
                else v
            )
        return v

    out = [json.dumps([norm(v) for v in row], sort_keys=True) for row in rows]
    return out if ordered else sorted(out)


@pytest.fixture
def loaded(embedded_store: Any, neo4j_store: Any) -> tuple[Any, Any]:
    for store in (embedded_store, neo4j_store):
        store.upsert(
            [
                Extraction.model_validate(json.loads((FIXTURES / f).read_text()))
                for f in sorted(p.name for p in FIXTURES.glob("*.json"))
            ]
        )
    return embedded_store, neo4j_store


@pytest.mark.neo4j
def test_at_least_25_queries() -> None:
    assert len(QUERIES) >= 25


@pytest.mark.neo4j
@pytest.mark.parametrize(("query", "params", "ordered"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_same_answer_on_both_stores(
    loaded: tuple[Any, Any], query: str, params: dict[str, Any], ordered: bool
) -> None:
    embedded, neo4j = loaded
    want = neo4j.cypher(query, params)
    got = embedded.cypher(query, params)
    assert got.columns == want.columns
    assert want.rows, "the differential query should return something"
    assert _canon(got.rows, ordered) == _canon(want.rows, ordered)


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (a)-[*]-(b) RETURN a",  # unbounded: would differ in cost and depth
        "MATCH (n:Entity) RETURN substring(n.name, 0, 2)",  # 1-based in LadybugDB
        "MATCH (n:Entity) RETURN labels(n)",
        "MATCH p = shortestPath((a:Entity)-[*..3]-(b:Entity)) RETURN p",
        "MATCH (n:Entity) WHERE n:Country RETURN n.name",
    ],
)
def test_outside_the_subset_is_refused_clearly(embedded_store: Any, query: str) -> None:
    embedded_store.upsert([Extraction.model_validate(json.loads((FIXTURES / "kyiv-talks.json").read_text()))])
    with pytest.raises(UnsupportedQuery) as err:
        embedded_store.cypher(query)
    assert "Neo4j" in str(err.value)
    # CALL is refused on both stores before any engine (QueryRefused, 403): tests/security/.
