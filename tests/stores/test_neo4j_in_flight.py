"""Two batches in flight (`in_flight=2`) write the same graph and report as one batch after the other.

A batch's transaction starts while the previous one commits: its `EXISTING` read does not see what
that one wrote, so everything it decides from that read (an entity is new, so its relations are
CREATEd; an article is new, so its mentions are CREATEd; the added/merged report) must hold once the
other commits. The hook below holds each batch's transaction open for a while after its statements
have run, so the next batch always reads before the previous one commits and meets its locks: the
window is there in every batch, not by luck of timing.
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

NAMES = [
    ("Valoria", "country"),
    ("Ostreva", "country"),
    ("Karsk Front", "armed_group"),
    ("Mira Telund", "person"),
    ("Harbor Union", "organization"),
    ("Denrik Oss", "person"),
    ("Lune Valley", "place"),
]
TYPES = ["SUPPORTS", "MET_WITH", "OPPOSES", "ALLIED_WITH"]


def _extraction(n: int, article: int | None = None) -> Extraction:
    """Article `n` (or `article`): four entities of a small pool and three relations among them, so that
    consecutive batches share entities, relations and events."""
    a = n if article is None else article
    ents = [NAMES[(n + k) % len(NAMES)] for k in (0, 1, 2, 3)]
    rels = [
        {
            "source": ents[k][0],
            "type": TYPES[(n + k) % len(TYPES)],
            "target": ents[k + 1][0],
            "evidence": f"Dispatch {a} line {k}: {ents[k][0]} and {ents[k + 1][0]} were seen together.",
        }
        for k in range(3)
    ]
    return Extraction.model_validate(
        {
            "article": {"url": f"http://inflight.test/{a}", "published": f"2030-02-{1 + a % 27:02d}"},
            "entities": [
                {"name": name, "kind": kind, "aliases": [f"{name} side {n % 3}"] if k == 0 else []}
                for k, (name, kind) in enumerate(ents)
            ],
            "relations": rels,
            "events": [
                {
                    "type": "ASSAULT",
                    "date": "2030-02-01",
                    "actors": [ents[2][0]] if ents[2][1] == "armed_group" else [ents[0][0]],
                    "targets": [ents[1][0]],
                    "evidence": f"Dispatch {a}: an attack was reported on the first of February.",
                }
            ],
        }
    )


@pytest.fixture
def held_commits(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """Each batch's transaction stays open 0.15 s after its statements have run (and the next batch was
    told it may start): the next batch reads before this one commits. Records each batch's busy set."""
    seen: list[frozenset[str]] = []

    def slow_write(
        rows: BatchRows, busy: frozenset[str], committed: Any, sent: threading.Event, tx: Any
    ) -> UpsertReport:
        seen.append(busy)
        try:
            return rows.write(tx, busy, committed)
        finally:
            sent.set()
            time.sleep(0.15)

    monkeypatch.setattr(neo4j_upsert, "_write", slow_write)
    return seen


def _dump(store: Any) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with its properties (but the ingest time), in a stable order."""
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


def _totals(report: UpsertReport) -> dict[str, int]:
    return {
        "articles_added": len(report.articles_added),
        "entities_added": len(set(report.entities_added)),
        "entities_merged": len(report.entities_merged),
        "relations_added": len(set(report.relations_added)),
        "events_added": len(set(report.events_added)),
        "evidence_added": report.evidence_added,
    }


def test_two_batches_in_flight_write_what_one_at_a_time_writes(
    neo4j_store: Any, held_commits: list[frozenset[str]]
) -> None:
    data = [_extraction(n) for n in range(24)]
    sequential = neo4j_upsert.upsert(neo4j_store.conn, data, batch_size=3, in_flight=1)
    expected = _dump(neo4j_store)
    neo4j_store.clear()
    held_commits.clear()

    both = neo4j_upsert.upsert(neo4j_store.conn, data, batch_size=3, in_flight=2)
    # Every batch but the first started while the previous one held its transaction open.
    assert len(held_commits) == 8 and all(held_commits[1:]), held_commits
    assert _dump(neo4j_store) == expected
    assert _totals(both) == _totals(sequential)
    stats = neo4j_store.stats()
    assert len(set(both.entities_added)) == stats.entities == len(both.entities_added)
    assert len(both.relations_added) == stats.relations
    assert both.evidence_added == stats.evidence == 24 * 4  # three relation mentions and one event each


def test_no_relation_twice_no_evidence_lost_and_degrees_exact(
    neo4j_store: Any, held_commits: list[frozenset[str]]
) -> None:
    data = [_extraction(n) for n in range(20)]
    neo4j_upsert.upsert(neo4j_store.conn, data, batch_size=2, in_flight=2)
    with neo4j_store.driver.session(database=neo4j_store.database) as s:
        twice = s.run(
            "MATCH ()-[r]->() WHERE r.id IS NOT NULL WITH r.id AS id, count(*) AS n WHERE n > 1 RETURN id"
        ).data()
        evidence = s.run("MATCH (:Entity)-[r]->(:Entity) RETURN sum(r.evidence_count) AS n").single()
        wrong = s.run(
            "MATCH (e:Entity) WITH e, COUNT { (e)-[:SUPPORTS|MET_WITH|OPPOSES|ALLIED_WITH]-() } AS d "
            "WHERE d <> e.degree RETURN e.id AS id, e.degree AS stored, d"
        ).data()
        mentions = s.run("MATCH (:Entity)-[m:MENTIONED_IN]->(:Article) RETURN count(m) AS n").single()
        ev = s.run("MATCH (ev:Event) RETURN ev.evidence_count AS n").data()
    assert twice == []
    assert evidence is not None and evidence["n"] == 20 * 3
    assert wrong == []
    assert mentions is not None and mentions["n"] == 20 * 4
    assert sum(x["n"] for x in ev) == 20


def test_a_batch_sharing_an_article_with_one_in_flight_waits_for_it(
    neo4j_store: Any, held_commits: list[frozenset[str]]
) -> None:
    # Article 0 comes again (a second extraction of it) in the next batch: had that batch started while
    # the first was open, it would have taken the article as new and CREATEd its mentions a second time.
    data = [_extraction(0), _extraction(1, article=0), _extraction(2)]
    report = neo4j_upsert.upsert(neo4j_store.conn, data, batch_size=1, in_flight=2)
    assert held_commits[1] == frozenset()  # it waited for the first to commit: nothing busy
    assert held_commits[2]  # the third shares no article with the second: it went in flight
    with neo4j_store.driver.session(database=neo4j_store.database) as s:
        pairs = s.run(
            "MATCH (e:Entity)-[m:MENTIONED_IN]->(a:Article) WITH e, a, count(m) AS n WHERE n > 1 RETURN e.id"
        ).data()
    assert pairs == []
    assert report.articles_added.count(report.articles_added[0]) == 1
    assert len(report.articles_merged) == 1


def test_a_failed_batch_raises_after_the_other_in_flight_finished(
    neo4j_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def failing(
        rows: BatchRows, busy: frozenset[str], committed: Any, sent: threading.Event, tx: Any
    ) -> UpsertReport:
        calls.append(1)
        try:
            if len(calls) == 2:
                raise ValueError("the second batch fails")
            return rows.write(tx, busy, committed)
        finally:
            sent.set()

    monkeypatch.setattr(neo4j_upsert, "_write", failing)
    with pytest.raises(ValueError, match="second batch"):
        neo4j_upsert.upsert(neo4j_store.conn, [_extraction(n) for n in range(6)], batch_size=2, in_flight=2)
    # The first batch committed whole; the failed one left nothing (one transaction each).
    assert neo4j_store.stats().articles in (2, 4)


# Three and four batches in flight (KG_NEO4J_INGEST_IN_FLIGHT allows 1-4; round 15 measured 3 against the
# default 2, docs/neo4j.md): a batch's busy set is the entities of every batch still in flight, and its
# second phase waits for all of them to commit; the graph and report equal one batch after the other.
POOL = ["Ansel Quorn", "Brisa Teal", "Corvin Hale", "Dara Muir", "Edo Fenwick", "Fia Lorne", "Gus Arlen"]
POOL_TYPES = ["MET_WITH", "SUPPORTS", "CONDEMNED"]


def _pool_extraction(n: int) -> Extraction:
    """Article `n`: three people of a small pool, two relations, so that neighbouring batches share some
    entities and not others (rows in both phases)."""
    names = [POOL[(n * 2 + k) % len(POOL)] for k in range(3)]
    return Extraction.model_validate(
        {
            "article": {"url": f"http://round15.test/{n}", "published": f"2031-03-{1 + n % 27:02d}"},
            "entities": [{"name": name, "kind": "person"} for name in names],
            "relations": [
                {
                    "source": names[k],
                    "type": POOL_TYPES[(n + k) % len(POOL_TYPES)],
                    "target": names[k + 1],
                    "evidence": f"Bulletin {n}, item {k}: {names[k]} and {names[k + 1]} spoke at length.",
                }
                for k in range(2)
            ],
        }
    )


@pytest.mark.parametrize("in_flight", [3, 4])
def test_more_batches_in_flight_write_what_one_at_a_time_writes(
    neo4j_store: Any, monkeypatch: pytest.MonkeyPatch, in_flight: int
) -> None:
    data = [_pool_extraction(n) for n in range(21)]
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
