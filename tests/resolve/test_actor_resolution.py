"""Actors resolved across articles at ingest, on both stores (graph/resolve.py).

The articles are the tests' own short reports; each extraction is what the pipeline hands to ingest.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.aliases import AliasFile
from graph.errors import NotFound
from graph.model import Entity, Extraction
from graph.resolve import Resolver, ingest
from graph.store import GraphStore, RelationFilter


def person(name: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "kind": "person", "aliases": list(aliases)}


def ent(name: str, kind: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "kind": kind, "aliases": list(aliases)}


def rel(source: str, rtype: str, target: str, evidence: str) -> dict[str, Any]:
    return {"source": source, "type": rtype, "target": target, "evidence": evidence}


def article(
    slug: str,
    published: str,
    entities: list[dict[str, Any]],
    relations: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": f"https://example.org/resolve/{slug}", "published": published, "title": slug},
            "entities": entities,
            "relations": relations or [],
            "events": events or [],
        }
    )


def persons(store: GraphStore, word: str) -> list[Entity]:
    return [h.entity for h in store.search_entities(word, "person", limit=100).items]


def all_entities(store: GraphStore) -> list[Entity]:
    return [h.entity for h in store.search_entities(None, None, limit=1000).items]


RUSSIA = ent("Russia", "country")
TURKEY = ent("Turkey", "country")
IRAN = ent("Iran", "country")


def lavrov_articles() -> list[Extraction]:
    return [
        article(
            "lavrov-ankara",
            "2021-06-30",
            [person("Sergei Lavrov"), RUSSIA, TURKEY],
            [
                rel(
                    "Sergei Lavrov",
                    "AFFILIATED_WITH",
                    "Russia",
                    "Russia's foreign minister Sergei Lavrov flew to Ankara.",
                ),
                rel(
                    "Sergei Lavrov",
                    "MET_WITH",
                    "Turkey",
                    "Sergei Lavrov held talks with Turkish officials on Wednesday.",
                ),
            ],
        ),
        article(
            "lavrov-statement",
            "2021-07-02",
            [person("Lavrov"), RUSSIA, IRAN],
            [
                rel(
                    "Lavrov",
                    "AFFILIATED_WITH",
                    "Russia",
                    "Lavrov, Moscow's top diplomat, spoke after the meeting.",
                ),
                rel("Lavrov", "SPOKE_WITH", "Iran", "Lavrov said he had phoned his Iranian colleague."),
            ],
        ),
        article(
            "lavrov-call",
            "2021-07-05",
            [person("Sergey Lavrov"), IRAN],
            [
                rel(
                    "Sergey Lavrov",
                    "SPOKE_WITH",
                    "Iran",
                    "Sergey Lavrov discussed the nuclear file with Tehran by phone.",
                )
            ],
        ),
    ]


def test_full_name_surname_and_variant_are_one_node(store: GraphStore) -> None:
    ingest(store, lavrov_articles(), resolver=Resolver(store))
    found = persons(store, "lavrov")
    assert [e.name for e in found] == ["Sergei Lavrov"]
    node = found[0]
    assert {"Lavrov", "Sergey Lavrov"} <= set(node.aliases)
    spoke = store.relations(RelationFilter(types=["SPOKE_WITH"], entity=node.id)).items
    assert len(spoke) == 1 and spoke[0].evidence_count == 2
    assert not any(e.kind == "organization" for e in all_entities(store))


def test_later_full_name_absorbs_earlier_short_node(store: GraphStore) -> None:
    """Ingest order does not matter: "Lavrov" and "Sergey Lavrov" first, "Sergei Lavrov" last."""
    articles = lavrov_articles()
    ingest(store, [articles[1]], resolver=Resolver(store))
    assert [e.name for e in persons(store, "lavrov")] == ["Lavrov"]
    ingest(store, [articles[2], articles[0]], resolver=Resolver(store))
    found = persons(store, "lavrov")
    assert len(found) == 1 and found[0].name in {"Sergei Lavrov", "Sergey Lavrov"}
    node = found[0]
    rels = store.relations(RelationFilter(entity=node.id)).items
    assert {r.type for r in rels} == {"AFFILIATED_WITH", "SPOKE_WITH", "MET_WITH"}
    affiliated = [r for r in rels if r.type == "AFFILIATED_WITH"]
    assert len(affiliated) == 1 and affiliated[0].evidence_count == 2
    with pytest.raises(NotFound):
        store.get_entity("person:lavrov")


def test_reingest_changes_nothing(store: GraphStore) -> None:
    ingest(store, lavrov_articles(), resolver=Resolver(store))
    before = store.stats()
    report = ingest(store, lavrov_articles(), resolver=Resolver(store))
    assert store.stats() == before
    assert report.entities_added == [] and report.evidence_added == 0


def test_two_full_names_leave_a_surname_alone(store: GraphStore) -> None:
    ingest(
        store,
        [
            article("kim-1", "2020-01-02", [person("Kim Jong Un"), person("Kim Yo Jong")]),
            article("kim-2", "2020-01-03", [person("Kim")]),
        ],
        resolver=Resolver(store),
    )
    assert sorted(e.name for e in persons(store, "kim")) == ["Kim", "Kim Jong Un", "Kim Yo Jong"]


def test_contradicting_affiliation_keeps_people_apart(store: GraphStore) -> None:
    uk, us = ent("United Kingdom", "country"), ent("United States", "country")
    ingest(
        store,
        [
            article(
                "pm",
                "2020-03-01",
                [person("Boris Johnson"), uk],
                [
                    rel(
                        "Boris Johnson",
                        "AFFILIATED_WITH",
                        "United Kingdom",
                        "Prime Minister Boris Johnson spoke.",
                    )
                ],
            ),
            article(
                "senator",
                "2020-03-02",
                [person("Johnson"), us],
                [
                    rel(
                        "Johnson",
                        "AFFILIATED_WITH",
                        "United States",
                        "Senator Johnson of the US Senate objected.",
                    )
                ],
            ),
        ],
        resolver=Resolver(store),
    )
    assert sorted(e.name for e in persons(store, "johnson")) == ["Boris Johnson", "Johnson"]


def test_transliterations_and_particles(store: GraphStore) -> None:
    syria = ent("Syria", "country")
    ingest(
        store,
        [
            article("libya-1", "2011-03-01", [person("Muammar Gaddafi")]),
            article("libya-2", "2011-03-02", [person("Moammar Qaddafi")]),
            article("libya-3", "2011-03-03", [person("Kadhafi")]),
            article("syria-1", "2017-04-01", [person("Bashar Assad"), syria]),
            article("syria-2", "2017-04-02", [person("Bashar al-Assad"), syria]),
            article("syria-3", "2017-04-03", [person("Assad")]),
        ],
        resolver=Resolver(store),
    )
    libya = [e for e in all_entities(store) if e.kind == "person" and "Assad" not in e.name]
    assert [e.name for e in libya] == ["Muammar Gaddafi"]
    assert {"Moammar Qaddafi", "Kadhafi"} <= set(libya[0].aliases)
    assad = persons(store, "assad")
    assert [e.name for e in assad] == ["Bashar al-Assad"]
    assert {"Bashar Assad", "Assad"} <= set(assad[0].aliases)


def test_collectives_descriptors_acronyms_and_kind_artefacts(store: GraphStore) -> None:
    ingest(
        store,
        [
            article(
                "sdf-1",
                "2019-10-01",
                [ent("Syrian Democratic Forces", "armed_group"), person("Sergei Lavrov")],
            ),
            article("sdf-2", "2019-10-02", [ent("Kurdish-led Syrian Democratic Forces", "armed_group")]),
            article("sdf-3", "2019-10-03", [ent("SDF", "armed_group"), ent("Houthis", "armed_group")]),
            article("yemen", "2019-10-04", [ent("Iranian-backed Houthi rebels", "armed_group")]),
            article("demo", "2019-10-05", [ent("Lavrov", "organization")]),
        ],
        resolver=Resolver(store),
    )
    names = sorted(e.name for e in all_entities(store))
    assert names == ["Houthis", "Sergei Lavrov", "Syrian Democratic Forces"]


def test_alias_file_applies_at_every_ingest(store: GraphStore) -> None:
    aliases = AliasFile()
    aliases.add("Recep Tayyip Erdogan", "person", ["Sultan of Ankara"])
    aliases.distinct.append(["Kim Jong Un", "Kim Jong Il"])
    ingest(
        store,
        [
            article(
                "tr",
                "2020-05-01",
                [person("Sultan of Ankara"), TURKEY],
                [
                    rel(
                        "Sultan of Ankara",
                        "AFFILIATED_WITH",
                        "Turkey",
                        "The Sultan of Ankara, as critics call him, spoke.",
                    )
                ],
            ),
            article("kp", "2020-05-02", [person("Kim Jong Un"), person("Kim Jong Il")]),
        ],
        resolver=Resolver(store, aliases),
    )
    node = store.find_entity("Sultan of Ankara")
    assert node.id == "person:recep-tayyip-erdogan"
    assert len(persons(store, "kim jong")) == 2


def test_a_place_and_its_administrative_area_are_one_node(store: GraphStore) -> None:
    """ "Ravenna province" joins the one place "Ravenna" in the graph (either order, any area word);
    with both the town and the area already apart in the graph, a third form stays alone."""
    ingest(
        store,
        [
            article("floods-1", "2023-05-17", [ent("Ravenna", "place"), ent("Italy", "country")]),
            article("floods-2", "2023-05-18", [ent("Ravenna province", "place")]),
            article("floods-3", "2023-05-19", [ent("Forli region", "place")]),
            article("floods-4", "2023-05-20", [ent("Forli", "place")]),
            article("floods-5", "2023-05-21", [ent("Cesena", "place"), ent("Cesena province", "place")]),
        ],
        resolver=Resolver(store),
    )
    places = {e.name: e for e in all_entities(store) if e.kind == "place"}
    assert sorted(places) == ["Cesena", "Forli region", "Ravenna"]
    assert "Ravenna province" in places["Ravenna"].aliases
    assert "Forli" in places["Forli region"].aliases
    # the town and its area already apart in the graph (written without resolution): a third form
    # has two candidates and joins neither
    ingest(
        store,
        [article("lugo-1", "2023-06-01", [ent("Lugo", "place"), ent("Lugo province", "place")])],
        resolve=False,
    )
    ingest(store, [article("lugo-2", "2023-06-02", [ent("Lugo region", "place")])], resolver=Resolver(store))
    lugo = sorted(e.name for e in all_entities(store) if e.name.startswith("Lugo"))
    assert lugo == ["Lugo", "Lugo province", "Lugo region"]


def test_a_town_is_not_joined_to_an_unrelated_area(store: GraphStore) -> None:
    """Only the administrative words join: "Gaza City" and "Gaza", "Cesena" and "Cesena airport" stay apart."""
    ingest(
        store,
        [
            article("g-1", "2023-10-10", [ent("Gaza", "place"), ent("Cesena", "place")]),
            article("g-2", "2023-10-11", [ent("Gaza City", "place"), ent("Cesena airport", "place")]),
        ],
        resolver=Resolver(store),
    )
    assert sorted(e.name for e in all_entities(store)) == ["Cesena", "Cesena airport", "Gaza", "Gaza City"]


def test_one_body_read_as_two_kinds_is_one_node(store: GraphStore) -> None:
    """An organisation in one article and an armed group (spelled otherwise) in the next are one body;
    a crowd ("group") is left to itself."""
    ingest(
        store,
        [
            article("sahel-1", "2022-02-01", [ent("Hayat Tahrir al-Sham", "organization")]),
            article("sahel-2", "2022-02-02", [ent("Hayat Tahreer al-Sham", "armed_group")]),
            article(
                "sahel-3",
                "2022-02-03",
                [ent("Hayat Tahrir al-Sham", "armed_group"), ent("Hayat Tahrir al-Sham supporters", "group")],
            ),
        ],
        resolver=Resolver(store),
    )
    bodies = [e for e in all_entities(store) if e.kind in {"organization", "armed_group"}]
    assert [(e.name, e.kind) for e in bodies] == [("Hayat Tahrir al-Sham", "organization")]
    assert "Hayat Tahreer al-Sham" in bodies[0].aliases
    assert [e.name for e in all_entities(store) if e.kind == "group"] == ["Hayat Tahrir al-Sham supporters"]


def test_a_body_an_article_describes_as_the_opposition_joins_that_crowd(store: GraphStore) -> None:
    """'the National Front, a Ruritanian opposition alliance' gives the Front the alias 'Ruritanian
    opposition' (loaders/entities/descriptions.py): the crowd of that name, before or after, is the Front."""
    front = ent("National Front", "organization", "Ruritanian opposition")
    ingest(
        store,
        [
            article("opp-1", "2022-03-01", [ent("Ruritanian opposition", "group")]),
            article("opp-2", "2022-03-02", [front]),
            article("opp-3", "2022-03-03", [ent("Freedonian opposition", "group")]),
        ],
        resolver=Resolver(store),
    )
    names = sorted((e.name, e.kind) for e in all_entities(store))
    assert names == [("Freedonian opposition", "group"), ("National Front", "organization")], names


def test_the_crowd_named_as_a_stored_body_s_description_joins_it(store: GraphStore) -> None:
    front = ent("National Front", "organization", "Ruritanian opposition")
    ingest(
        store,
        [
            article("opp-5", "2022-03-05", [front]),
            article("opp-6", "2022-03-06", [ent("Ruritanian opposition", "group")]),
        ],
        resolver=Resolver(store),
    )
    names = sorted((e.name, e.kind) for e in all_entities(store))
    assert names == [("National Front", "organization")], names


def test_a_surname_joins_a_full_name_with_a_generational_suffix(store: GraphStore) -> None:
    """ "Mendoza" of one report is "Carlos Mendoza Jr." of another: the suffix is not the surname."""
    articles = [
        article("jr-1", "2022-05-01", [person("Carlos Mendoza Jr."), ent("Honduras", "country")]),
        article("jr-2", "2022-05-02", [person("Mendoza"), ent("Honduras", "country")]),
    ]
    ingest(store, articles, resolver=Resolver(store))
    found = persons(store, "mendoza")
    assert [e.name for e in found] == ["Carlos Mendoza Jr."], found
    assert "Mendoza" in found[0].aliases
