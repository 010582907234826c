"""Round 15: three and four batches in flight (KG_NEO4J_INGEST_IN_FLIGHT allows 1-4) write what one
batch after the other writes.

With more than two in flight, a batch's busy set is the entities of every batch still in flight, and its
second phase waits for all of them to commit. Round 15 measured 3 against the default 2
(docs/neo4j.md); these tests hold the settings it allows to the same graph and report.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from graph.model import Extraction
from graph.results import UpsertReport
from graph.stores import neo4j_upsert
from graph.stores.neo4j_batch import BatchRows

pytestmark = pytest.mark.neo4j

PEOPLE = ["Ansel Quorn", "Brisa Teal", "Corvin Hale", "Dara Muir", "Edo Fenwick", "Fia Lorne", "Gus Arlen"]
TYPES = ["MET_WITH", "SUPPORTS", "CONDEMNED"]


def _extraction(n: int) -> Extraction:
    """Article `n`: three people of a small pool, two relations, so that neighbouring batches share some
    entities and not others (rows in both phases)."""
    names = [PEOPLE[(n * 2 + k) % len(PEOPLE)] for k in range(3)]
    return Extraction.model_validate(
        {
            "article": {"url": f"http://round15.test/{n}", "published": f"2031-03-{1 + n % 27:02d}"},
            "entities": [{"name": name, "kind": "person"} for name in names],
            "relations": [
                {
                    "source": names[k],
                    "type": TYPES[(n + k) % len(TYPES)],
                    "target": names[k + 1],
                    "evidence": f"Bulletin {n}, item {k}: {names[k]} and {names[k + 1]} spoke at length.",
                }
                for k in range(2)
            ],
        }
    )


def _dump(store: Any) -> tuple[list[Any], list[Any]]:
    with store.driver.session(database=store.database) as s:
        nodes = s.run(
            "MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY coalesce(n.id, '')"
        ).data()
        rels = s.run(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p "
            "ORDER BY a, t, b, coalesce(r.id, '')"
        ).data()
    for n in nodes:
        n["p"].pop("ingested_at", None)
        n["l"] = sorted(n["l"])
    return nodes, rels


@pytest.mark.parametrize("in_flight", [3, 4])
def test_more_batches_in_flight_write_what_one_at_a_time_writes(
    neo4j_store: Any, monkeypatch: pytest.MonkeyPatch, in_flight: int
) -> None:
    data = [_extraction(n) for n in range(21)]
    sequential = neo4j_upsert.upsert(neo4j_store.conn, data, batch_size=2, in_flight=1)
    expected = _dump(neo4j_store)
    neo4j_store.clear()

    # Each batch holds its transaction open a while after its statements: the next ones read before it
    # commits, and several are open at once.
    busy_sizes: list[int] = []

    def slow(
        rows: BatchRows, busy: frozenset[str], committed: Any, sent: threading.Event, tx: Any
    ) -> UpsertReport:
        busy_sizes.append(len(busy))
        try:
            return rows.write(tx, busy, committed)
        finally:
            sent.set()
            time.sleep(0.15)

    monkeypatch.setattr(neo4j_upsert, "_write", slow)
    more = neo4j_upsert.upsert(neo4j_store.conn, data, batch_size=2, in_flight=in_flight)
    assert len(busy_sizes) == 11 and all(busy_sizes[1:])
    # A batch started with more than one other open: its busy set is more than one batch's entities.
    assert max(busy_sizes) > max(len(BatchRows.of(data[i : i + 2]).entities) for i in range(0, 21, 2))
    assert _dump(neo4j_store) == expected
    assert sorted(more.relations_added) == sorted(sequential.relations_added)
    assert sorted(set(more.entities_added)) == sorted(set(sequential.entities_added))
    assert more.evidence_added == sequential.evidence_added == 21 * 2
    with neo4j_store.driver.session(database=neo4j_store.database) as s:
        wrong = s.run(
            "MATCH (e:Entity) WITH e, COUNT { (e)-[:MET_WITH|SUPPORTS|CONDEMNED]-() } AS d "
            "WHERE d <> e.degree RETURN e.id AS id"
        ).data()
        twice = s.run(
            "MATCH ()-[r]->() WHERE r.id IS NOT NULL WITH r.id AS id, count(*) AS n WHERE n > 1 RETURN id"
        ).data()
    assert wrong == [] and twice == []
