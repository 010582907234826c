"""The guard's lexer and checks on their own: where a keyword really stands (no store needed)."""

from __future__ import annotations

import pytest

from graph.cypher_guard import MAX_DEPTH, check_query, tokenize
from graph.errors import QueryError, QueryRefused, WriteRefused


@pytest.mark.parametrize(
    "query",
    [
        "RETURN 'MATCH (n) DETACH DELETE n' AS s",
        'RETURN "it\\"s // not a comment; CREATE" AS s',
        "RETURN `a``CREATE``b` AS x",
        "RETURN 1 AS x /* CALL dbms.killQuery() */",
        "MATCH (n:Entity) RETURN n.set AS s, n {.load} AS m, {call: 1} AS c",
        "MATCH (n) WHERE n.name IS NOT NULL AND NOT n.x = -1 RETURN n.name AS name",
        "MATCH (a)<-[:ALLIED_WITH*1..3]-(b)--(c)-->(d) RETURN count(*) AS n",
        "MATCH (n) WHERE EXISTS { MATCH (n)--() } RETURN count { (n)--() } AS degree",
        "RETURN 1 AS x UNION ALL RETURN 2 AS x",
        "RETURN $`odd name` AS x",
        "RETURN 1 AS x;",
    ],
)
def test_reading_queries_pass(query: str) -> None:
    check_query(query, {"odd name": 1})


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("RETURN '\\'' AS a CREATE (n) RETURN n", WriteRefused),
        ("RETURN `a``` AS a SET a.x = 1 RETURN a", WriteRefused),
        ("RETURN 1 AS x // ok\nMERGE (n) RETURN n", WriteRefused),
        ("MATCH (n) RETURN n.x AS x, 0x1F SET n.x = 1", WriteRefused),
        ("WITH 1 AS x CALL { RETURN 2 AS y } RETURN y", QueryRefused),
        ("MATCH (n) WITH n LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", QueryRefused),
        ("RETURN 1 AS x; RETURN 2 AS y", QueryRefused),
        ("START DATABASE neo4j", QueryRefused),
        ("MATCH (n) RETURN n /* open", QueryError),
        ("RETURN 'open", QueryError),
        ("RETURN (1 AS x", QueryError),
        ("RETURN 1) AS x", QueryError),
        ("RETURN\u2003 1 AS x", QueryError),
        ("RETURN 1 AS x\\", QueryError),
        ("MATCH (n) RETURN n.x UNION", QueryError),
    ],
)
def test_refused_with_the_right_error(query: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        check_query(query)


def test_depth_counts_brackets_and_prefix_operators() -> None:
    at_limit = "RETURN " + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH + " AS x"
    check_query(at_limit)
    for over in (
        "RETURN " + "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1) + " AS x",
        "RETURN " + "NOT " * (MAX_DEPTH + 1) + "true AS x",
        "RETURN " + "(NOT " * (MAX_DEPTH // 2 + 1) + "true" + ")" * (MAX_DEPTH // 2 + 1) + " AS x",
        "RETURN " + "- " * (MAX_DEPTH + 1) + "1 AS x",
    ):
        with pytest.raises(QueryError, match="nests deeper"):
            check_query(over)


def test_tokens_keep_strings_names_and_params_whole() -> None:
    kinds = [(t.kind, t.text) for t in tokenize("MATCH (n {id: $id}) RETURN n.`x y` AS `z`, 'a''b'")]
    assert ("param", "id") in kinds and ("name", "`x y`") in kinds and ("string", "'a'") in kinds
    assert ("word", "MATCH") in kinds and ("punct", "{") in kinds


def test_parameters_are_checked() -> None:
    with pytest.raises(QueryError, match=r"\$b"):
        check_query("RETURN $a AS a, $b AS b", {"a": 1})
    for bad in (2**63, -(2**63) - 1, float("inf"), "\udc00", {1: "x"}, object()):
        with pytest.raises(QueryError):
            check_query("RETURN $a AS a", {"a": bad})
    assert check_query("RETURN $a AS a", {"a": [-(2**63), 2**63 - 1, "ü", None, {"k": 1.5}]})
