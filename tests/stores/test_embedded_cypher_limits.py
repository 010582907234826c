"""Embedded Cypher execution: every query time-limited, value bombs refused, no lock shared by queries."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

import pytest

from graph.errors import QueryError, QueryTimeout, UnsupportedQuery
from graph.model import Extraction
from graph.stores.embedded import EmbeddedStore

HEAVY = (
    "MATCH (a:Entity), (b:Entity), (c:Entity), (d:Entity) "
    "WHERE a.name < b.name AND b.name < c.name AND c.name < d.name RETURN count(*) AS n"
)


def _country(i: int) -> dict[str, Any]:
    return {"name": f"Land {i}", "kind": "country"}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """300 entities: a four-way cross product (8e9 rows) cannot finish in any time limit."""
    store = EmbeddedStore(tmp_path_factory.mktemp("limits") / "graph.json")
    store.upsert(
        [
            Extraction.model_validate(
                {
                    "article": {"url": f"https://example.org/l/{n}", "published": "2024-01-01"},
                    "entities": [_country(n * 10 + i) for i in range(10)],
                    "relations": [
                        {"source": f"Land {n * 10}", "type": "SUPPORTS", "target": f"Land {n * 10 + i}"}
                        for i in range(1, 10)
                    ],
                }
            )
            for n in range(30)
        ]
    )
    yield store
    store.close()


def test_value_bombs_are_refused_before_the_engine(big: Any) -> None:
    for q in (
        "RETURN size(repeat('x', 1000000000)) AS n",
        "RETURN lpad('x', 1000000000, 'y') AS s",
        "UNWIND range(1, 1000000000) AS x RETURN count(*)",
    ):
        with pytest.raises(UnsupportedQuery):
            big.cypher(q)


def test_deep_nesting_is_refused_not_crashing(big: Any) -> None:
    with pytest.raises(QueryError):
        big.cypher("RETURN " + "(" * 3000 + "1" + ")" * 3000)
    assert big.cypher("RETURN 1 AS x").rows == [[1]]


def test_a_heavy_query_times_out_with_a_reason(big: Any) -> None:
    with pytest.raises(QueryTimeout) as err:
        big.cypher(HEAVY, timeout=1.0)
    assert err.value.status == 408 and "time limit" in err.value.message


def test_a_heavy_query_does_not_block_the_others(big: Any) -> None:
    order: list[str] = []
    started = threading.Event()

    def heavy() -> None:
        started.set()
        with contextlib.suppress(QueryTimeout):
            big.cypher(HEAVY, timeout=4.0)
        order.append("heavy")

    t = threading.Thread(target=heavy)
    t.start()
    started.wait()
    for _ in range(5):
        assert big.cypher("MATCH (e:Entity {id: 'country:land-3'}) RETURN e.name AS n").rows == [["Land 3"]]
        assert big.search_entities("land 1", limit=1).total > 0
    order.append("light")
    t.join()
    assert order == ["light", "heavy"]


def test_every_query_gets_the_default_time_limit(big: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.settings import get_settings

    monkeypatch.setattr(get_settings(), "query_timeout", 1.0)
    with pytest.raises(QueryTimeout):
        big.cypher(HEAVY)  # no timeout given: the setting applies


def test_missing_parameter_is_an_error_not_null(big: Any) -> None:
    with pytest.raises(QueryError):
        big.cypher("MATCH (e:Entity) WHERE e.name = $nope RETURN e.id")


def test_store_path_layout(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.json")
    store.stats()
    names = {p.name for p in (tmp_path / "graph.lbug").iterdir()}
    assert {"graph.lbug", "store.lock", "version"} <= names
    v1 = store.version()
    store.upsert([Extraction.model_validate({"article": {"url": "https://example.org/v"}})])
    assert store.version() != v1
    store.close()
