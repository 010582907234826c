"""Hostile Cypher against both stores, over real HTTP and through `kg query` (issue 12).

Nothing may read a file (a canary file holds a secret), fetch a URL (a canary HTTP server on loopback
counts requests), list or kill transactions (an open transaction of another client must survive),
write (the counts stay), or take the server down (`/health` answers within the issue's 1 s after every
query). Every refusal is a 4xx in the one error shape.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from graph.settings import Settings

from .conftest import LiveServer, seed
from .test_cli import kg, kg_env  # noqa: F401  (kg_env: the fixture, each store)

AUTH = {"Authorization": "Bearer s3cret"}
SECRET = "canary-" + hashlib.sha1(b"actorgraph hostile suite").hexdigest()
HEALTH_LIMIT_S = 1.0  # issue 12: /health stays under 1 s throughout


class Canary:
    """A loopback HTTP server that records every request it gets (none is the passing answer)."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                body = f"{SECRET}\n".encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    c = Canary()
    yield c
    c.close()


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.csv"
    path.write_text(f"{SECRET},1\n")
    return path


def hostile(secret: Path, port: int) -> list[tuple[str, dict[str, Any], int, str]]:
    """(query, params, HTTP status, error code): the issue's queries and variants."""
    url = f"http://127.0.0.1:{port}"
    deep = "RETURN " + "(" * 3000 + "1" + ")" * 3000
    return [
        # files and URLs (issue 12, 1)
        ("LOAD CSV FROM 'file:///proc/self/environ' AS r RETURN r", {}, 403, "query_refused"),
        (f"LOAD CSV FROM 'file://{secret}' AS r RETURN r", {}, 403, "query_refused"),
        ("load csv from 'file:///etc/passwd' as r return r", {}, 403, "query_refused"),
        (f"LOAD /* x */ CSV WITH HEADERS FROM '{url}/a' AS r RETURN r", {}, 403, "query_refused"),
        (f"MATCH (n) WITH n LIMIT 1 LOAD CSV FROM '{url}/b' AS r RETURN r", {}, 403, "query_refused"),
        ("LOAD CSV FROM $u AS r RETURN r", {"u": f"{url}/c"}, 403, "query_refused"),
        (f"RETURN 1 AS x UNION LOAD CSV FROM '{url}/d' AS x RETURN x", {}, 403, "query_refused"),
        # procedures and subqueries
        ("CALL dbms.components() YIELD name RETURN name", {}, 403, "query_refused"),
        ("CALL dbms.listConfig()", {}, 403, "query_refused"),
        ("call db.labels()", {}, 403, "query_refused"),
        ("MATCH (n) CALL { WITH n RETURN n AS m } RETURN m", {}, 403, "query_refused"),
        ("MATCH (n) WITH n CALL db.ping() YIELD success RETURN success", {}, 403, "query_refused"),
        # other clients' transactions, users, databases (issue 12, 2)
        ("SHOW TRANSACTIONS", {}, 403, "query_refused"),
        ("SHOW TRANSACTIONS YIELD transactionId RETURN transactionId", {}, 403, "query_refused"),
        ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", {}, 403, "query_refused"),
        ("SHOW USERS", {}, 403, "query_refused"),
        ("USE system SHOW DATABASES", {}, 403, "query_refused"),
        ("DROP DATABASE neo4j", {}, 403, "query_refused"),
        ("ALTER USER neo4j SET PASSWORD 'x'", {}, 403, "write_refused"),
        ("CYPHER runtime=slotted MATCH (n) RETURN n", {}, 403, "query_refused"),
        ("EXPLAIN MATCH (n) RETURN n", {}, 403, "query_refused"),
        ("PROFILE MATCH (n) RETURN n", {}, 403, "query_refused"),
        # writes, also hidden in subqueries, UNION, a second statement, FOREACH
        ("MATCH (n) DETACH DELETE n", {}, 403, "write_refused"),
        ("RETURN 1 AS x UNION ALL MATCH (n) SET n.x = 1 RETURN 1 AS x", {}, 403, "write_refused"),
        ("MATCH (n) WHERE EXISTS { MATCH (n) CREATE (m) } RETURN n", {}, 403, "write_refused"),
        ("MATCH (n) FOREACH (x IN [1] | CREATE (:Entity)) RETURN n", {}, 403, "write_refused"),
        ("RETURN 1; MATCH (n) DELETE n", {}, 403, "write_refused"),
        ("MATCH (n) /* RETURN n */ REMOVE n.name RETURN n", {}, 403, "write_refused"),
        ("RETURN '\\'' AS a MERGE (x:Entity {id: 'x'}) RETURN x", {}, 403, "write_refused"),
        ("MATCH (n) RETURN n.name AS name, 1SET n.x = 1", {}, 403, "write_refused"),
        # size and nesting (issue 12, 3 and 4)
        ("RETURN " + "(" * 300 + "1" + ")" * 300 + " AS x", {}, 400, "query_error"),
        (deep, {}, 400, "query_error"),
        ("RETURN " + "(" * 5000 + "1" + ")" * 5000, {}, 400, "query_error"),
        ("RETURN " + "[" * 200 + "]" * 200 + " AS x", {}, 400, "query_error"),
        ("RETURN " + "NOT " * 500 + "true AS x", {}, 400, "query_error"),
        ("RETURN " + "-" * 500 + "1 AS x", {}, 400, "query_error"),
        ("RETURN " + "+".join(["1"] * 3000) + " AS x", {}, 400, "query_error"),
        ("RETURN 1 AS x " + "// padding\n" * 1000, {}, 400, "query_error"),
        ("RETURN '" + "x" * 15_000 + "' AS s", {}, 400, "query_error"),
        # Unicode and escape tricks: only ASCII outside strings and `names`
        ("MATCH (n) \\u0053ET n.x = 1 RETURN n", {}, 400, "query_error"),
        ("MATCH (n)\u00a0SET n.x = 1 RETURN n", {}, 400, "query_error"),
        ("CRE\u200bATE (n) RETURN n", {}, 400, "query_error"),
        ("\uff23\uff32\uff25\uff21\uff34\uff25 (n) RETURN n", {}, 400, "query_error"),
        # a lone surrogate in the query: the request schema refuses it (the guard too, for `kg query`)
        ("RETURN '\ud800' AS s", {}, 422, "invalid_input"),
        # parameters: missing, huge integers, surrogates
        ("RETURN $missing AS x", {}, 400, "query_error"),
        ("MATCH (n:Entity) WHERE n.id = $id RETURN n.name AS name", {"other": 1}, 400, "query_error"),
        ("RETURN $n AS n", {"n": 2**64}, 400, "query_error"),
        ("RETURN $n AS n", {"n": [1, {"a": -(2**70)}]}, 400, "query_error"),
        ("RETURN 18446744073709551616 AS n", {}, 400, "query_error"),
        ("RETURN $s AS s", {"s": "\udc80"}, 400, "query_error"),
    ]


# Tricky but harmless: must run and give these rows on both stores.
ALLOWED = [
    ("RETURN 'LOAD CSV FROM file:///etc/passwd' AS s", {}, [["LOAD CSV FROM file:///etc/passwd"]]),
    ("RETURN 1 AS `DELETE` // CALL dbms.components()\n", {}, [[1]]),
    ("MATCH (c:Country {name: $n}) RETURN c.id AS id", {"n": "Poland"}, [["country:poland"]]),
    ("RETURN {set: 1, load: 2}.load AS x", {}, [[2]]),
    ("RETURN -9223372036854775808 AS n", {}, [[-(2**63)]]),
]


def post_cypher(client: httpx.Client, query: str, params: dict[str, Any]) -> httpx.Response:
    """JSON with ASCII escapes, so a lone surrogate travels as `\\ud800` as an attacker would send it."""
    body = json.dumps({"query": query, "params": params})
    return client.post("/api/v1/cypher", content=body, headers={"content-type": "application/json"})


def _health_fast(client: httpx.Client) -> None:
    start = time.monotonic()
    resp = client.get("/health", timeout=10)
    assert resp.status_code == 200 and resp.json()["status"] == "ok"
    assert time.monotonic() - start < HEALTH_LIMIT_S, "/health slowed down under hostile Cypher"


@pytest.fixture
def open_tx(request: pytest.FixtureRequest, store: Any) -> Iterator[Any]:
    """On Neo4j, another client's open transaction that TERMINATE must not be able to kill."""
    if store.kind != "neo4j":
        yield None
        return
    driver = request.getfixturevalue("neo4j_driver")
    with driver.session() as session:
        tx = session.begin_transaction()
        tx.run("RETURN 1").consume()
        yield tx
        tx.rollback()


def test_hostile_cypher_over_http(
    store: Any, tmp_path: Path, canary: Canary, secret_file: Path, open_tx: Any
) -> None:
    seed(store)
    settings = Settings(KG_HOME=tmp_path, KG_API_KEY="s3cret", KG_QUERY_TIMEOUT=5.0)
    with (
        LiveServer(create_app(store=store, settings=settings)) as srv,
        httpx.Client(base_url=srv.url, timeout=60, headers=AUTH) as client,
    ):
        before = client.get("/api/v1/stats").json()
        for query, params, status, code in hostile(secret_file, canary.port):
            resp = post_cypher(client, query, params)
            assert resp.status_code == status, (query[:80], resp.text[:300])
            body = resp.json()
            assert body["code"] == code and body["message"], (query[:80], body)
            assert SECRET not in resp.text and "root:" not in resp.text
            _health_fast(client)
        for query, params, rows in ALLOWED:
            resp = post_cypher(client, query, params)
            assert resp.status_code == 200, (query, resp.text[:300])
            assert resp.json()["rows"] == rows
        assert client.get("/api/v1/stats").json() == before  # nothing written
        assert srv.thread.is_alive()
    assert canary.hits == []  # no URL was fetched
    if open_tx is not None:  # the other client's transaction was neither listed away nor killed
        assert open_tx.run("RETURN 2 AS x").single()["x"] == 2


# Through the CLI: the most dangerous of the above (a process each, so a subset).
CLI_CASES = (0, 1, 4, 8, 12, 14, 22, 31, 32, 39, 44, 46)


def test_hostile_cypher_through_kg_query(kg_env: dict[str, str], canary: Canary, secret_file: Path) -> None:  # noqa: F811
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"
    kg(kg_env, "ingest", str(fixtures / "kyiv-talks.json"))
    before = kg(kg_env, "stats", "--json").stdout
    cases = hostile(secret_file, canary.port)
    for i in CLI_CASES:
        query, params, _, _ = cases[i]
        args = [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
        proc = kg(kg_env, "query", query, *args, check=False)
        assert proc.returncode == 2, (query[:80], proc.returncode, proc.stderr[-500:])
        assert "error:" in proc.stderr and "Traceback" not in proc.stderr
        assert SECRET not in proc.stdout + proc.stderr
    assert kg(kg_env, "stats", "--json").stdout == before
    assert canary.hits == []
