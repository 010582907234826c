"""`GraphStore.version()`: the same while nothing is written, a new token after every committed write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.model import Extraction

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"


def load(name: str) -> Extraction:
    return Extraction.model_validate(json.loads((FIXTURES / name).read_text()))


def test_version_moves_with_writes_only(store: Any) -> None:
    v0 = store.version()
    assert isinstance(v0, str) and v0
    store.upsert([load("kyiv-talks.json")])
    v1 = store.version()
    assert v1 != v0
    store.search_entities("kyiv")
    store.stats()
    assert store.version() == v1  # reads change nothing
    store.upsert([load("warsaw-pledge.json")])
    v2 = store.version()
    assert v2 not in (v0, v1)
    store.clear()
    assert store.version() not in (v0, v1, v2)


import pytest  # noqa: E402


@pytest.mark.neo4j
def test_neo4j_version_sees_writes_from_another_driver(
    neo4j_store: Any, neo4j_service: dict[str, str]
) -> None:
    from neo4j import GraphDatabase

    from graph.stores.neo4j import Neo4jStore

    before = neo4j_store.version()
    other = GraphDatabase.driver(
        neo4j_service["NEO4J_URI"], auth=(neo4j_service["NEO4J_USER"], neo4j_service["NEO4J_PASSWORD"])
    )
    try:
        Neo4jStore(other).upsert([load("kyiv-talks.json")])  # another connection pool, as another process
    finally:
        other.close()
    assert neo4j_store.version() != before
