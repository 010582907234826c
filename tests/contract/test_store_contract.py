"""One contract suite for every `GraphStore`: it runs on the embedded store and on the real Neo4j."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from graph.errors import NotFound, QueryError, WriteRefused
from graph.model import Extraction, entity_id
from graph.store import EventFilter, GraphStore, RelationFilter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"


def load(name: str) -> Extraction:
    return Extraction.model_validate(json.loads((FIXTURES / name).read_text()))


def both(store: Any) -> GraphStore:
    store.upsert([load("kyiv-talks.json"), load("warsaw-pledge.json")])
    return store  # type: ignore[no-any-return]


def test_is_a_graph_store(store: Any) -> None:
    assert isinstance(store, GraphStore)
    store.ping()


def test_upsert_reports_added_then_merged(store: Any) -> None:
    first = store.upsert([load("kyiv-talks.json")])
    assert len(first.entities_added) == 5 and not first.entities_merged
    assert first.evidence_added == 5
    second = store.upsert([load("warsaw-pledge.json")])
    assert "country:ukraine" in second.entities_merged
    assert "organization:european-union" in second.entities_added
    assert len(second.relations_added) == 1 and len(second.relations_merged) == 1
    assert len(second.events_merged) == 1 and len(second.events_added) == 1


def test_reloading_changes_nothing(store: Any) -> None:
    both(store)
    before = store.stats()
    rels_before = store.relations(limit=100).items
    report = store.upsert([load("warsaw-pledge.json"), load("kyiv-talks.json")])
    assert report.evidence_added == 0
    assert store.stats() == before
    assert [r.evidence_count for r in store.relations(limit=100).items] == [
        r.evidence_count for r in rels_before
    ]


def test_merging_keeps_both_pieces_of_evidence(store: Any) -> None:
    both(store)
    s = store.stats()
    assert (s.entities, s.relations, s.events, s.articles) == (6, 5, 2, 2)
    allied = store.relations(RelationFilter(types=["ALLIED_WITH"])).items
    assert len(allied) == 1  # given both ways round, stored once
    assert allied[0].evidence_count == 2
    assert allied[0].first_seen == "2022-03-10" and allied[0].last_seen == "2022-03-11"
    shelling = store.events(EventFilter(types=["ASSAULT"])).items
    assert len(shelling) == 1 and shelling[0].evidence_count == 2
    assert shelling[0].actors == ["country:russia"] and shelling[0].location == "place:kharkiv"


def test_entities_merge_aliases_across_articles(store: Any) -> None:
    both(store)
    kharkiv = store.get_entity("place:kharkiv")
    assert "Kharkov" in kharkiv.aliases
    ukraine = store.get_entity("country:ukraine")
    assert {"Ukrainian", "Kyiv", "Ukrainian government"} <= set(ukraine.aliases)


def test_get_and_find(store: Any) -> None:
    both(store)
    assert store.get_entity("country:poland").name == "Poland"
    with pytest.raises(NotFound):
        store.get_entity("country:atlantis")
    assert store.find_entity("warsaw").id == "country:poland"  # alias, any case
    assert store.find_entity("ZELENSKY").id == "person:volodymyr-zelensky"
    assert store.find_entity("Kharkív").id == "place:kharkiv"  # accents ignored
    with pytest.raises(NotFound):
        store.find_entity("Nowhere")


def test_search_by_name_alias_kind_and_paging(store: Any) -> None:
    both(store)
    page = store.search_entities("kyi")
    assert [h.entity.id for h in page.items] == ["country:ukraine"]
    countries = store.search_entities(kind="country", limit=2)
    assert countries.total == 3 and len(countries.items) == 2
    rest = store.search_entities(kind="country", limit=2, offset=2)
    assert len(rest.items) == 1
    ids = {h.entity.id for h in countries.items + rest.items}
    assert ids == {"country:ukraine", "country:russia", "country:poland"}
    degrees = [h.degree for h in store.search_entities(limit=10).items]
    assert degrees == sorted(degrees, reverse=True)


def test_neighbors_depth_types_and_dates(store: Any) -> None:
    both(store)
    one = store.neighbors("country:poland", depth=1)
    assert {e.id for e in one.entities} == {"country:poland", "country:ukraine"}
    two = store.neighbors("country:poland", depth=2)
    assert "person:volodymyr-zelensky" in {e.id for e in two.entities}
    only_support = store.neighbors("country:poland", depth=2, types=["SUPPORTS"])
    assert {r.type for r in only_support.relations} == {"SUPPORTS"}
    late = store.neighbors("country:russia", depth=1, since="2022-03-11")
    assert {r.type for r in late.relations} == {"CONDEMNED"}
    with pytest.raises(NotFound):
        store.neighbors("country:atlantis")


def test_relation_filters(store: Any) -> None:
    both(store)
    by_source = store.relations(RelationFilter(source="country:russia")).items
    assert [r.type for r in by_source] == ["STRUCK"]
    sym = store.relations(RelationFilter(source="country:ukraine", types=["ALLIED_WITH"])).items
    assert len(sym) == 1  # a symmetric relation is found from either side
    around = store.relations(RelationFilter(entity="country:russia")).items
    assert {r.type for r in around} == {"STRUCK", "CONDEMNED"}
    window = store.relations(RelationFilter(until="2022-03-10")).items
    assert "CONDEMNED" not in {r.type for r in window}
    page = store.relations(limit=2, offset=0)
    assert page.total == 5 and len(page.items) == 2


def test_event_filters(store: Any) -> None:
    both(store)
    assert store.events(EventFilter(actor="country:russia")).total == 2  # actor in one, target in other
    assert store.events(EventFilter(place="place:kharkiv")).total == 1
    assert store.events(EventFilter(since="2022-03-10")).total == 1
    dates = [e.date for e in store.events().items]
    assert dates == sorted(dates)


def test_shortest_paths(store: Any) -> None:
    both(store)
    paths = store.shortest_paths("person:volodymyr-zelensky", "country:poland")
    assert len(paths) == 2  # via ALLIED_WITH or via SUPPORTS: two shortest paths of two hops
    assert all(
        [e.id for e in p.entities] == ["person:volodymyr-zelensky", "country:ukraine", "country:poland"]
        for p in paths
    )
    assert store.shortest_paths("country:russia", "country:poland") == []
    assert store.shortest_paths("person:volodymyr-zelensky", "country:poland", max_hops=1) == []


def test_subgraph(store: Any) -> None:
    both(store)
    sub = store.subgraph(["country:russia", "place:kharkiv", "country:unknown"])
    assert {e.id for e in sub.entities} == {"country:russia", "place:kharkiv"}
    assert [r.type for r in sub.relations] == ["STRUCK"]
    assert {e.type for e in sub.events} == {"ASSAULT", "ACCUSE"}


def test_export_json_and_graphml(store: Any) -> None:
    both(store)
    data = json.loads(store.export("json"))
    assert len(data["entities"]) == 6 and len(data["relations"]) == 5
    assert len(data["events"]) == 2 and len(data["articles"]) == 2
    root = ET.fromstring(store.export("graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 6 + 2 + 2


def test_articles_all_or_by_id(store: Any) -> None:
    both(store)
    everything = store.articles()
    assert len(everything) == 2 and [a.id for a in everything] == sorted(a.id for a in everything)
    first = everything[0]
    assert [a.id for a in store.articles([first.id, "article:unknown"])] == [first.id]
    assert store.articles([first.id])[0].title == first.title and first.title
    assert store.articles([]) == []


def test_clear(store: Any) -> None:
    both(store)
    store.clear()
    s = store.stats()
    assert (s.entities, s.relations, s.events, s.articles) == (0, 0, 0, 0)


def test_cypher_reads_and_refuses_writes(store: Any) -> None:
    both(store)
    res = store.cypher(
        "MATCH (c:Country) WHERE c.name STARTS WITH $p RETURN c.name AS name ORDER BY name", {"p": "P"}
    )
    assert res.columns == ["name"] and res.rows == [["Poland"]]
    before = store.stats()
    for q in (
        "CREATE (:Entity {id: 'x'})",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Entity) SET n.name = 'x'",
        "MERGE (n:Entity {id: 'country:russia'}) SET n.kind = 'place'",
        "MATCH (n:Entity) REMOVE n.name",
    ):
        with pytest.raises(WriteRefused):
            store.cypher(q)
    assert store.stats() == before
    with pytest.raises(QueryError):
        store.cypher("MATCH (n RETURN n")


def test_cypher_row_limit(store: Any) -> None:
    both(store)
    res = store.cypher("MATCH (e:Entity) RETURN e.id ORDER BY e.id", row_limit=2)
    assert len(res.rows) == 2 and res.truncated


def test_bad_extraction_is_rejected_before_the_store() -> None:
    with pytest.raises(ValueError, match="not listed"):
        Extraction.model_validate(
            {
                "article": {"url": "https://example.org/x"},
                "entities": [{"name": "Chad", "kind": "country"}],
                "relations": [{"source": "Chad", "type": "STRUCK", "target": "Sudan"}],
            }
        )
    assert entity_id("country", "Côte d’Ivoire") == "country:cote-d-ivoire"


def _article(url: str, entities: list[dict[str, Any]]) -> Extraction:
    return Extraction.model_validate(
        {"article": {"url": url, "published": "2022-05-01"}, "entities": entities, "relations": []}
    )


def test_known_entity_takes_new_aliases_titles_and_place_once(store: Any) -> None:
    """A second article adds what it knows about an entity; what was stored first is kept."""
    store.upsert(
        [
            _article(
                "https://example.org/t/1", [{"name": "Marta Quill", "kind": "person", "aliases": ["Quill"]}]
            )
        ]
    )
    more = {
        "name": "Marta Quill",
        "kind": "person",
        "aliases": ["Mrs Quill", "M. Quill", "Quill"],
        "titles": ["Envoy"],
        "country_code": "NO",
        "lat": 59.9,
        "lon": 10.7,
    }
    report = store.upsert([_article("https://example.org/t/2", [more])])
    assert report.entities_merged == ["person:marta-quill"] and not report.entities_added
    later = {
        **more,
        "aliases": ["Envoy Quill"],
        "titles": ["Minister"],
        "country_code": "SE",
        "lat": 1.0,
        "lon": 2.0,
    }
    store.upsert([_article("https://example.org/t/3", [later])])
    store.upsert([_article("https://example.org/t/3", [later])])  # a re-load changes nothing
    e = store.get_entity("person:marta-quill")
    assert e.aliases == ["Quill", "Mrs Quill", "M. Quill", "Envoy Quill"]
    assert e.titles == ["Envoy", "Minister"]
    assert (e.country_code, e.lat, e.lon) == ("NO", 59.9, 10.7)
    res = store.cypher("MATCH (e:Entity {id: 'person:marta-quill'}) RETURN e.alias_keys AS k")
    assert res.rows == [[["envoy quill", "m quill", "mrs quill", "quill"]]]


def _strike(url: str, actor: str, target: str, killed: int | None, sentence: str) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {
                "url": url,
                "title": sentence,
                "source": "Actorgraph fixtures",
                "published": "2023-05-02",
            },
            "entities": [
                {"name": actor, "kind": "armed_group"},
                {"name": "Tessaly", "kind": "place"},
                {"name": target, "kind": "organization"},
            ],
            "relations": [],
            "events": [
                {
                    "type": "ASSAULT",
                    "date": "2023-05-01",
                    "location": "Tessaly",
                    "actors": [actor],
                    "targets": [target],
                    "killed": killed,
                    "evidence": sentence,
                }
            ],
        }
    )


def test_merge_entities_folds_events_like_merge_events(store: Any) -> None:
    """Both stores fold the events that meet after an entity merge with graph/merging.fold_event."""
    store.upsert(
        [
            _strike(
                "https://example.org/f/a", "Red Hand", "Harbour Guard", None, "Red Hand raided the port."
            ),
            _strike(
                "https://example.org/f/b",
                "Red Hand Brigade",
                "Port Authority",
                4,
                "The brigade hit the docks.",
            ),
        ]
    )
    keep, drop = entity_id("armed_group", "Red Hand"), entity_id("armed_group", "Red Hand Brigade")
    before = {e.actors[0]: e for e in store.events(EventFilter(types=["ASSAULT"])).items}
    store.merge_entities(keep, drop)
    events = store.events(EventFilter(types=["ASSAULT"])).items
    assert len(events) == 1
    ev = events[0]
    assert ev.id == before[keep].id and ev.actors == [keep]
    assert ev.merged_from == [before[drop].id]  # the audit trail of fold_event
    assert ev.killed == 4 and ev.evidence_count == 2
    assert sorted(ev.targets) == sorted([*before[keep].targets, *before[drop].targets])
    store.merge_entities(keep, drop)  # idempotent
    assert [e.model_dump() for e in store.events(EventFilter(types=["ASSAULT"])).items] == [ev.model_dump()]
