"""A generic collective ("protesters", "the militants") is each article's own node, on both stores.

The articles are the tests' own short reports (graph/ids.py `is_generic_collective`, docs/resolution.md).
"""

from __future__ import annotations

from graph.duplicates import find_duplicates
from graph.ids import GENERIC_COLLECTIVE_HEADS, entity_id, is_article_scoped, is_generic_collective
from graph.model import Entity, Extraction
from graph.resolve import Resolver, ingest
from graph.store import GraphStore, RelationFilter
from loaders.gazetteer import load_gazetteer


def report(slug: str, crowd: str, country: str, sentence: str) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": f"https://example.org/crowds/{slug}", "published": "2022-03-01"},
            "entities": [
                {"name": crowd, "kind": "group", "aliases": []},
                {"name": country, "kind": "country", "aliases": []},
                {"name": "Kurdish fighters", "kind": "armed_group", "aliases": []},
            ],
            "relations": [{"source": crowd, "type": "OPPOSES", "target": country, "evidence": sentence}],
            "events": [
                {"type": "PROTEST", "date": "2022-03-01", "actors": [crowd], "location": country},
            ],
        }
    )


def crowds(store: GraphStore) -> list[Entity]:
    hits = store.search_entities("protesters", "group", limit=100).items
    return [store.get_entity(h.entity.id) for h in hits]


ARTICLES = [
    report("lima", "Protesters", "Peru", "Protesters marched against the government of Peru on Tuesday."),
    report("minsk", "protesters", "Belarus", "In Minsk, protesters rallied against the Belarus leadership."),
]


def test_generic_collective_names() -> None:
    for name in ["Protesters", "the militants", "thousands of demonstrators", "armed groups", "Civilians"]:
        assert is_generic_collective(name), name
    for name in ["Armenian protesters", "Houthi rebels", "Free Syrian Army", "Hezbollah", "Kurdish fighters"]:
        assert not is_generic_collective(name), name


def test_gazetteer_collective_heads_are_generic() -> None:
    """The loaders' one-word collective heads are all article-scoped; named multiword ones ("the West",
    "international community") are one actor everywhere."""
    heads = {h for h in load_gazetteer().collectives if " " not in h}
    assert heads <= GENERIC_COLLECTIVE_HEADS


def test_ids_are_deterministic_and_article_scoped() -> None:
    a, b = ARTICLES
    assert a.entities[0].id == entity_id("group", "Protesters", a.article.id)
    assert a.entities[0].id != b.entities[0].id and is_article_scoped(a.entities[0].id)
    assert a.entities[0].id.startswith("group:protesters@")
    again = report("lima", "Protesters", "Peru", "Protesters marched against the government of Peru.")
    assert again.entities[0].id == a.entities[0].id
    assert a.entities[2].id == b.entities[2].id == "armed_group:kurdish-fighters"


def articles_of(store: GraphStore, name: str) -> list[int]:
    """For each node called `name` (any case), how many articles mention it (Cypher, both stores)."""
    query = (
        "MATCH (e:Entity)-[:MENTIONED_IN]->(a:Article) WHERE toLower(e.name) = $name "
        "RETURN e.id AS id, count(a) AS n ORDER BY id"
    )
    return [row[1] for row in store.cypher(query, {"name": name}).rows]


def test_two_articles_crowds_are_two_nodes(store: GraphStore) -> None:
    ingest(store, ARTICLES, resolver=Resolver(store))
    found = crowds(store)
    assert len(found) == 2 and all(is_article_scoped(e.id) for e in found)
    assert articles_of(store, "protesters") == [1, 1]
    for e in found:
        opposed = store.relations(RelationFilter(types=["OPPOSES"], entity=e.id)).items
        assert len(opposed) == 1
    assert articles_of(store, "kurdish fighters") == [2]
    assert not [d for d in find_duplicates(store) if "protesters" in d.keep.name.lower()]


def test_reingest_is_idempotent(store: GraphStore) -> None:
    ingest(store, ARTICLES, resolver=Resolver(store))
    before = store.stats()
    again = ingest(store, ARTICLES, resolver=Resolver(store))
    assert store.stats() == before and again.entities_added == []


def test_plain_upsert_also_keeps_them_apart(store: GraphStore) -> None:
    store.upsert(ARTICLES)
    assert len(crowds(store)) == 2


def test_one_protest_reported_twice_is_still_one_event(store: GraphStore) -> None:
    """Two reports of one protest, each with its own crowd node, meet on the place and the day."""
    square = [
        report("square-1", "protesters", "Peru", "Protesters filled the main square of Peru's capital."),
        report("square-2", "Protesters", "Peru", "In Peru, protesters gathered in the capital's square."),
    ]
    ingest(store, square, resolver=Resolver(store))
    assert len(crowds(store)) == 2
    protests = store.events().items
    assert len(protests) == 1 and len(protests[0].actors) == 2


def test_merging_one_articles_crowd_into_another_twice_is_idempotent(store: GraphStore) -> None:
    """A user who decides two reports' crowds are one merges them; the same merge again changes nothing
    (the kept node's alias holds the name, the dropped id holds the article too)."""
    store.upsert(ARTICLES)
    keep, drop = sorted(e.id for e in crowds(store))
    store.merge_entities(keep, drop)
    after = store.stats()
    store.merge_entities(keep, drop)
    assert store.stats() == after and [e.id for e in crowds(store)] == [keep]
