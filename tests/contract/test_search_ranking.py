"""Entity search ranks the same on both stores: exact, prefix, word, fuzzy; then degree, name, id."""

from __future__ import annotations

from typing import Any

import pytest

from graph import search
from graph.model import Extraction
from graph.search import candidate_stems, is_candidate, lucene_escape, lucene_stem_query, tier

# Invented names, chosen so that one query meets several tiers at once.
ENTITIES = [
    {"name": "Terra", "kind": "country", "aliases": ["Old Terra"]},
    {"name": "Nova Terra", "kind": "country", "aliases": ["Terran Union"]},
    {"name": "Terra Nova Front", "kind": "armed_group"},
    {"name": "Terranova", "kind": "place"},
    {"name": "Novak Terrell", "kind": "person"},
    {"name": "Norvania", "kind": "country", "aliases": ["Norvanian Republic"]},
    {"name": "Northvale", "kind": "place"},
    {"name": "Marisol Quent", "kind": "person", "aliases": ["Quent"]},
]
# Degrees: Norvania 3, Terra Nova Front 2, Nova Terra 2, Terranova 1, Terra 1, Quent 1.
RELATIONS = [
    ("Norvania", "STRUCK", "Terra Nova Front", "Norvanian jets struck a camp of the front."),
    ("Norvania", "ALLIED_WITH", "Nova Terra", "Norvania and Nova Terra signed a pact."),
    ("Norvania", "SUPPORTS", "Marisol Quent", "Norvania backed Quent's bid."),
    ("Terra Nova Front", "STRUCK", "Terranova", "The front shelled the town of Terranova."),
    ("Nova Terra", "ALLIED_WITH", "Terra", "Nova Terra and Terra renewed their treaty."),
]

QUERIES = [
    "terra",  # exact Terra; prefixes; a word of Nova Terra; fuzzy Terrell?
    "Terra",
    "TERRA nova",
    "nova",
    "norv",  # short: no fuzzy tier
    "norvana",  # a typo: fuzzy only
    "northvail",
    "quent",
    "marisol q",
    "zzzz",
    "",
]


def _graph() -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/search", "published": "2024-05-01"},
            "entities": ENTITIES,
            "relations": [{"source": s, "type": t, "target": o, "evidence": e} for s, t, o, e in RELATIONS],
        }
    )


def _answer(store: Any, q: str, kind: str | None = None, limit: int = 20, offset: int = 0) -> Any:
    page = store.search_entities(q, kind=kind, limit=limit, offset=offset)
    return page.total, [(h.entity.id, h.degree) for h in page.items]


@pytest.fixture
def loaded(embedded_store: Any, neo4j_store: Any) -> tuple[Any, Any]:
    for store in (embedded_store, neo4j_store):
        store.upsert([_graph()])
    return embedded_store, neo4j_store


@pytest.mark.neo4j
@pytest.mark.parametrize("q", QUERIES)
def test_same_ranking_on_both_stores(loaded: tuple[Any, Any], q: str) -> None:
    embedded, neo4j = loaded
    assert _answer(embedded, q) == _answer(neo4j, q)
    assert _answer(embedded, q, limit=2, offset=1) == _answer(neo4j, q, limit=2, offset=1)
    assert _answer(embedded, q, kind="country") == _answer(neo4j, q, kind="country")


@pytest.mark.neo4j
def test_tiers_in_order(loaded: tuple[Any, Any]) -> None:
    for store in loaded:
        total, hits = _answer(store, "terra")
        ids = [i for i, _ in hits]
        assert ids[0] == "country:terra"  # exact beats a better-connected prefix match
        # prefix tier by degree, then name: Nova Terra (alias Terran Union, 2), Terra Nova Front (2), Terranova (1)
        assert ids[1:4] == ["country:nova-terra", "armed_group:terra-nova-front", "place:terranova"]
        assert "person:novak-terrell" not in ids[:4]
        assert total == len(ids)
        # a typo finds its entity only through the fuzzy tier; a short query never goes fuzzy
        assert _answer(store, "norvana")[1][0][0] == "country:norvania"
        assert _answer(store, "nor")[1] and "country:norvania" in [i for i, _ in _answer(store, "nor")[1]]
        assert _answer(store, "zzzz") == (0, [])
        # an alias that is a whole key is exact
        assert _answer(store, "quent")[1][0][0] == "person:marisol-quent"
        # paging: the same order, split
        full = _answer(store, "terra")[1]
        assert _answer(store, "terra", limit=2, offset=2)[1] == full[2:4]


@pytest.mark.neo4j
def test_query_syntax_is_harmless(loaded: tuple[Any, Any]) -> None:
    for q in ["ter*", "terra~", '"terra', "terra AND nova", "(terra)", "a:b", "\\", "+-!", "NOT terra"]:
        embedded, neo4j = loaded
        assert _answer(embedded, q) == _answer(neo4j, q)


def test_rank_agrees_with_tier() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from graph.search import Candidate, rank

    words = st.sampled_from(["terra", "nova", "terran", "norvania", "quent", "ter", "novak", "xyz"])
    key = st.lists(words, min_size=1, max_size=3).map(" ".join)
    keys = st.lists(st.one_of(key, st.just("")), min_size=1, max_size=3)  # a name key may be empty

    @settings(max_examples=200, deadline=None)
    @given(q=st.lists(words, min_size=1, max_size=2).map(" ".join), all_keys=st.lists(keys, max_size=6))
    def check(q: str, all_keys: list[list[str]]) -> None:
        cands = [Candidate(f"x:{i}", f"n{i}", tuple(k), i % 3) for i, k in enumerate(all_keys)]
        ranked = rank(q, cands)
        assert sorted(c.id for _, c in ranked) == sorted(c.id for c in cands if tier(q, c.keys) is not None)
        assert all(t == tier(q, c.keys) for t, c in ranked)

    check()


def test_pure_tiers() -> None:
    assert tier("terra", ["terra", "old terra"]) == 0
    assert tier("terra", ["terranova"]) == 1
    assert tier("terra", ["nova terra"]) == 2
    assert tier("terra nova", ["the terra nova front", "x"]) == 2
    assert tier("norvana", ["norvania"]) == 3
    assert tier("nor", ["xnor"]) is None  # short queries are never fuzzy
    assert tier("", ["terra"]) is None
    assert lucene_escape("a:b*") == "a\\:b\\*"
    assert lucene_stem_query("ter") == "name_key:ter* OR alias_keys:ter*"
    assert candidate_stems("terra nova") == ["nov", "ter"]  # longest first, then by letter
    assert candidate_stems("al al q") == ["al", "q"]  # short: the words themselves, once each
    # every stem in the name, or every stem in the aliases taken together
    assert is_candidate(["ter", "nov"], ("terra nova front", "tnf"))
    assert is_candidate(["ter", "nov"], ("x", "old terra", "nova"))
    assert not is_candidate(["ter", "nov"], ("terra", "nova"))


@pytest.mark.neo4j
def test_names_sort_by_code_points_on_both_stores(embedded_store: Any, neo4j_store: Any) -> None:
    # Same tier, same degree: the name decides. U+FF5E comes before U+1F600 in code points but after it
    # in UTF-16 code units (a surrogate pair starts with 0xD83D), the order Neo4j gives parameter strings;
    # both stores must give the code point order, with a query (ranked in Neo4j's engine, in Python on
    # embedded) and without (browsed by Cypher and by SQLite).
    names = [
        ("Camp \uff5e North", "place"),
        ("Camp \U0001f600 North", "armed_group"),
        ("Camp North", "person"),
    ]
    graph = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/utf16"},
            "entities": [{"name": n, "kind": k} for n, k in names],
        }
    )
    expected = ["Camp North", "Camp \uff5e North", "Camp \U0001f600 North"]
    for store in (embedded_store, neo4j_store):
        store.upsert([graph])
        assert [h.entity.name for h in store.search_entities("camp north").items] == expected
        assert [h.entity.name for h in store.search_entities(None).items] == expected
        assert [h.entity.name for h in store.search_entities("camp", limit=1, offset=1).items] == expected[
            1:2
        ]


def _page(store: Any, q: str | None, kind: str | None = None, limit: int = 20, offset: int = 0) -> Any:
    page = store.search_entities(q, kind=kind, limit=limit, offset=offset)
    return page.total, page.capped, [(h.entity.id, h.degree) for h in page.items]


@pytest.mark.neo4j
def test_broad_queries_rank_the_most_connected(
    loaded: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "n" begins words of 5 entities: past a cap of 3 it is broad, and only the 3 most connected
    # (Norvania 3, Nova Terra 2, Terra Nova Front 2) and the exact matches are ranked.
    monkeypatch.setattr(search, "BROAD_CANDIDATES", 3)
    embedded, neo4j = loaded
    for store in loaded:
        assert _page(store, "n") == (
            3,
            True,
            [("country:norvania", 3), ("country:nova-terra", 2), ("armed_group:terra-nova-front", 2)],
        )
        assert _page(store, "nor")[:2] == (2, False)  # 2 candidates: ranked in full, not capped
    for q in ["n", "t", "te", "terra", "no", "nova", "quent", "zzzz", "n t"]:
        for kind in (None, "country", "place"):
            assert _page(embedded, q, kind) == _page(neo4j, q, kind), (q, kind)
            assert _page(embedded, q, kind, limit=1, offset=1) == _page(neo4j, q, kind, limit=1, offset=1)


@pytest.mark.neo4j
def test_broad_queries_find_exact_matches(loaded: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    # With a cap of 0 every query that has a candidate is broad and no entity is "most connected":
    # only exact matches (by name, or by an alias) are left, found through their own lookup.
    monkeypatch.setattr(search, "BROAD_CANDIDATES", 0)
    for store in loaded:
        assert _page(store, "terra") == (1, True, [("country:terra", 1)])
        assert _page(store, "Quent") == (1, True, [("person:marisol-quent", 1)])  # an alias
        assert _page(store, "old terra") == (1, True, [("country:terra", 1)])  # an alias of two words
        assert _page(store, "terra", kind="place") == (0, True, [])
        assert _page(store, "zzzz") == (0, False, [])


@pytest.mark.neo4j
def test_browsing_follows_new_writes(loaded: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    # The most connected entities are kept per graph version: a write that changes degrees shows at once,
    # and pages past the kept ones are counted in full; both stores agree.
    monkeypatch.setattr(search, "BROAD_CANDIDATES", 4)
    embedded, neo4j = loaded
    before = _page(neo4j, None)
    assert before == _page(embedded, None) and before[2][0] == ("country:norvania", 3)
    for store in loaded:  # "n" is broad (5 candidates): the 4 most connected are ranked, and kept
        assert [i for i, _ in _page(store, "n")[2]] == [
            "country:norvania",
            "country:nova-terra",
            "armed_group:terra-nova-front",
        ]
    more = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/search-more"},
            "entities": [{"name": "Northvale", "kind": "place"}, {"name": "Terra", "kind": "country"}],
            "relations": [
                {"source": "Northvale", "type": t, "target": o, "evidence": "Northvale sent envoys."}
                for t, o in [
                    ("MET_WITH", "Terra"),
                    ("SUPPORTS", "Terra"),
                    ("OPPOSES", "Terra"),
                    ("ACCUSED", "Terra"),
                ]
            ],
        }
    )
    for store in loaded:
        store.upsert([more])
    after = _page(neo4j, None)
    assert after == _page(embedded, None)
    assert after[2][:3] == [("country:terra", 5), ("place:northvale", 4), ("country:norvania", 3)]
    for store in loaded:  # the new version's most connected: Northvale now among them
        assert _page(store, "n")[2] == [
            ("place:northvale", 4),
            ("country:norvania", 3),
            ("country:nova-terra", 2),
        ]
    for offset in range(0, 9, 2):
        assert _page(neo4j, None, limit=3, offset=offset) == _page(embedded, None, limit=3, offset=offset)
        assert _page(neo4j, None, kind="country", limit=3, offset=offset) == _page(
            embedded, None, kind="country", limit=3, offset=offset
        )


@pytest.mark.neo4j
def test_narrow_search_follows_new_writes(loaded: tuple[Any, Any]) -> None:
    # Neo4j keeps the rows of a stem's candidates per graph version (graph/stores/neo4j_search.py): a
    # write that adds a candidate, an alias or degrees shows in the next search, the same on both stores.
    embedded, neo4j = loaded
    for q in ["norv", "norvania", "nor", "terra"]:  # asked twice: the second answer from kept rows
        assert _page(neo4j, q) == _page(neo4j, q) == _page(embedded, q), q
    more = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/search-narrow"},
            "entities": [
                {"name": "Norvan Coast", "kind": "place"},
                {"name": "Terranova", "kind": "place", "aliases": ["Norvik"]},
            ],
            "relations": [
                {"source": "Norvan Coast", "type": "MET_WITH", "target": "Terranova", "evidence": "They met."}
            ],
        }
    )
    for store in loaded:
        store.upsert([more])
    for q in ["norv", "norvania", "nor", "terra"]:
        for kind in (None, "place"):
            assert _page(neo4j, q, kind) == _page(embedded, q, kind), (q, kind)
    assert ("place:norvan-coast", 1) in _page(neo4j, "norv")[2]
    assert ("place:terranova", 2) in _page(neo4j, "norv")[2]  # by its new alias, with its new degree


def _degrees(store: Any) -> dict[str, int]:
    """Every entity's degree as browsing reports it (the stored one on Neo4j)."""
    return {h.entity.id: h.degree for h in store.search_entities(None, limit=100).items}


def _counted(store: Any) -> dict[str, int]:
    """Every entity's degree counted from its relations, the definition."""
    rels = store.relations(limit=1000).items
    return {
        h.entity.id: sum(h.entity.id in (r.source, r.target) for r in rels)
        for h in store.search_entities(None, limit=100).items
    }


@pytest.mark.neo4j
def test_degrees_stay_exact_through_reloads_and_merges(loaded: tuple[Any, Any]) -> None:
    embedded, neo4j = loaded
    more = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/search-merge"},
            "entities": [
                {"name": "Terra", "kind": "country"},
                {"name": "Terran Republic", "kind": "country"},
                {"name": "Northvale", "kind": "place"},
            ],
            "relations": [
                {
                    "source": "Terran Republic",
                    "type": "SUPPORTS",
                    "target": "Northvale",
                    "evidence": "It aided.",
                },
                {
                    "source": "Terran Republic",
                    "type": "ALLIED_WITH",
                    "target": "Terra",
                    "evidence": "A pact.",
                },
                {
                    "source": "Terra",
                    "type": "SUPPORTS",
                    "target": "Northvale",
                    "evidence": "Terra aided too.",
                },
            ],
        }
    )
    for store in loaded:
        store.upsert([_graph(), more])  # a re-load of the first article changes no degree
        assert _degrees(store)["country:norvania"] == 3
        assert _degrees(store) == _counted(store)
    assert _degrees(embedded) == _degrees(neo4j)
    assert _answer(embedded, "terra") == _answer(neo4j, "terra")
    # The merge folds SUPPORTS Northvale into one relation and drops the ALLIED_WITH loop between the
    # two: Terra's and Northvale's degrees change, on both stores (Neo4j stores degrees; the embedded
    # search index re-indexes the kept entity's neighbourhood).
    for store in loaded:
        store.merge_entities("country:terra", "country:terran-republic")
        assert _degrees(store) == _counted(store)
        assert _degrees(store)["place:northvale"] == 1
    assert _degrees(embedded) == _degrees(neo4j)


@pytest.mark.neo4j
def test_graphs_without_stored_degrees_get_them_once(neo4j_store: Any) -> None:
    from graph.stores import neo4j_queries as Q
    from graph.stores.neo4j import Neo4jStore

    def marked() -> bool:
        with neo4j_store.driver.session() as s:
            return bool(s.run(Q.SCHEMA_MARKER_EXISTS, name=Q.SCHEMA_MARKER).single(strict=True)["n"])

    assert marked()  # the fixture's store opened the database
    neo4j_store.upsert([_graph()])
    with neo4j_store.driver.session() as s:  # a graph written before the property (and the marker)
        s.run("MATCH (e:Entity) REMOVE e.degree").consume()
        s.run(f"DROP INDEX {Q.SCHEMA_MARKER}").consume()
    reopened = Neo4jStore(neo4j_store.driver, database=neo4j_store.database)
    assert marked()
    assert _degrees(reopened)["country:norvania"] == 3
    assert _degrees(reopened) == _counted(reopened)
    # Marked: the next start-up does not scan the entities again (a degree removed now stays missing).
    with neo4j_store.driver.session() as s:
        s.run("MATCH (e:Entity {id: 'country:norvania'}) REMOVE e.degree").consume()
    Neo4jStore(neo4j_store.driver, database=neo4j_store.database)
    with neo4j_store.driver.session() as s:
        row = s.run("MATCH (e:Entity {id: 'country:norvania'}) RETURN e.degree AS d").single(strict=True)
    assert row["d"] is None
    # The marker is not part of the graph: no node carries its label, and clear() leaves it.
    reopened.clear()
    assert marked()
    assert reopened.stats().entities == 0


@pytest.mark.neo4j
def test_search_trusting_a_recent_version_answers_the_same_and_follows_writes(
    loaded: tuple[Any, Any],
) -> None:
    # With a version TTL (the API passes KG_API_VERSION_TTL), a stem whose candidates were kept at the
    # version a read saw within the TTL is answered without a round trip; the answers stay the contract's.
    import time

    from graph.stores.neo4j import Neo4jStore

    embedded, neo4j = loaded
    trusting = Neo4jStore(neo4j.driver, database=neo4j.database, version_ttl=1.0)
    reads: list[str] = []
    read_at = trusting.conn.read_at

    def counted(query: str, **params: Any) -> Any:
        reads.append(query)
        return read_at(query, **params)

    trusting.conn.read_at = counted  # type: ignore[method-assign]
    asked = [q for q in QUERIES if q]
    for q in asked:
        for kind in (None, "country"):
            assert _answer(trusting, q, kind) == _answer(embedded, q, kind), (q, kind)
    reads.clear()
    for q in asked:  # again, within the TTL: from what was kept, the same answers
        assert _answer(trusting, q) == _answer(embedded, q), q
    assert reads == []
    # A write through the trusting store shows at once; one through another connection once the TTL
    # has passed since the last read.
    mine = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/trust-1"},
            "entities": [{"name": "Terrace Hills", "kind": "place"}],
        }
    )
    trusting.upsert([mine])
    embedded.upsert([mine])
    assert ("place:terrace-hills", 0) in _answer(trusting, "terra")[1]
    assert _answer(trusting, "terra") == _answer(embedded, "terra")
    other = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/trust-2"},
            "entities": [{"name": "Terravale", "kind": "place"}],
        }
    )
    neo4j.upsert([other])
    embedded.upsert([other])
    time.sleep(1.1)
    assert ("place:terravale", 0) in _answer(trusting, "terra")[1]
    assert _answer(trusting, "terra") == _answer(embedded, "terra")


@pytest.mark.neo4j
def test_entities_found_by_id_within_a_trusted_version_need_no_read_and_follow_writes(
    loaded: tuple[Any, Any],
) -> None:
    # A store with a version TTL keeps the entities it found by id at the version a read saw within the
    # TTL (a path request resolves both ends): the same entities as a read, copies, and a write through
    # the store is seen at once (compared with reads by a store that keeps nothing).
    from graph.stores.neo4j import Neo4jStore

    embedded, neo4j = loaded
    trusting = Neo4jStore(neo4j.driver, database=neo4j.database, version_ttl=30.0)
    ids = [h.entity.id for h in embedded.search_entities(None, limit=50).items]
    for i in ids:
        assert trusting.find_entity(i) == neo4j.find_entity(i), i
    reads: list[str] = []
    read_at, read = trusting.conn.read_at, trusting.conn.read

    def counted_at(query: str, **params: Any) -> Any:
        reads.append(query)
        return read_at(query, **params)

    def counted(query: str, **params: Any) -> Any:
        reads.append(query)
        return read(query, **params)

    trusting.conn.read_at = counted_at  # type: ignore[method-assign]
    trusting.conn.read = counted  # type: ignore[method-assign]
    for i in ids:
        assert trusting.find_entity(i) == neo4j.find_entity(i), i
    assert reads == []
    first = embedded.find_entity("Norvania").id
    mine = trusting.find_entity(first)
    mine.aliases.append("changed by the caller")
    assert trusting.find_entity(first) == neo4j.find_entity(first)  # a copy was handed out
    more = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/trust-3"},
            "entities": [{"name": "Norvania", "kind": "country", "aliases": ["Second Name Here"]}],
        }
    )
    trusting.upsert([more])
    embedded.upsert([more])
    assert "Second Name Here" in trusting.find_entity(first).aliases
    assert trusting.find_entity(first) == neo4j.find_entity(first)


@pytest.mark.neo4j
def test_a_prepared_store_answers_the_same_without_reading_candidates_and_follows_writes(
    loaded: tuple[Any, Any],
) -> None:
    # `prepare_search` reads every entity's search row once (api/search_warmer.py runs it in the
    # background): afterwards no search at that version reads candidates (a trusting store: no read at
    # all), every answer is the contract's, and a write makes it "stale" until prepared again.
    from graph.stores import neo4j_queries as Q
    from graph.stores.neo4j import Neo4jStore

    embedded, neo4j = loaded
    store = Neo4jStore(neo4j.driver, database=neo4j.database, version_ttl=30.0)
    assert store.prepare_search(load=False) == "stale"
    assert store.prepare_search() == "ready"
    reads: list[str] = []
    read_at, read = store.conn.read_at, store.conn.read

    def counted_at(query: str, **params: Any) -> Any:
        reads.append(query)
        return read_at(query, **params)

    store.conn.read_at = counted_at  # type: ignore[method-assign]
    store.conn.read = lambda query, **params: reads.append(query) or read(query, **params)  # type: ignore[method-assign]
    asked = [q for q in QUERIES if q] + ["t", "te", "no", "qu", "terr", "zz"]
    for q in asked:
        for kind in (None, "country", "person"):
            assert _answer(store, q, kind) == _answer(embedded, q, kind), (q, kind)
            assert _answer(store, q, kind, limit=2, offset=1) == _answer(embedded, q, kind, limit=2, offset=1)
    assert Q.SEARCH_CANDIDATES not in reads and Q.SEARCH_CANDIDATE_IDS not in reads
    # Untrusting (no TTL), a prepared store reads the ids (the version) but never the rows.
    plain = Neo4jStore(neo4j.driver, database=neo4j.database)
    assert plain.prepare_search() == "ready"
    plain_reads: list[str] = []
    plain_read_at = plain.conn.read_at
    plain.conn.read_at = lambda query, **p: plain_reads.append(query) or plain_read_at(query, **p)  # type: ignore[method-assign]
    for q in asked:
        assert _answer(plain, q) == _answer(embedded, q), q
    assert Q.SEARCH_CANDIDATES not in plain_reads
    # A write from another connection: stale; the answers follow it (read cold as before); ready again.
    other = Extraction.model_validate(
        {
            "article": {"url": "https://example.org/tests/prepared"},
            "entities": [{"name": "Terrapin", "kind": "place"}],
        }
    )
    neo4j.upsert([other])
    embedded.upsert([other])
    assert plain.prepare_search(load=False) == "stale"
    assert ("place:terrapin", 0) in _answer(plain, "terra")[1]
    assert _answer(plain, "terra") == _answer(embedded, "terra")
    assert plain.prepare_search() == "ready"
    assert _answer(plain, "terrapin") == _answer(embedded, "terrapin")
    # Past what the memo keeps, the graph is not read whole.
    small = Neo4jStore(neo4j.driver, database=neo4j.database)
    small._search_rows.max_rows = 3
    assert small.prepare_search() == "off"
    assert embedded.prepare_search() == "ready"
