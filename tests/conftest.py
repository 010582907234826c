"""Session fixtures that start real services, and fresh stores for each test.

Neo4j: the tests use `KG_TEST_NEO4J_URI` (or `NEO4J_URI`) when set (`make test` starts the bundled
server with `kg neo4j start` before pytest); otherwise the session starts the bundled launcher itself on a
free port. A Neo4j that cannot be started is an error, never a skip. With `KG_NO_SKIPS=1` (CI) any
skipped test fails the run.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def neo4j_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A real Neo4j: `KG_TEST_NEO4J_URI`/`NEO4J_URI` if set, else one this session starts and stops."""
    uri = os.environ.get("KG_TEST_NEO4J_URI") or os.environ.get("NEO4J_URI")
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "actorgraph")
    launcher = None
    if not uri:
        from graph.neo4j_server.launcher import Launcher

        home = tmp_path_factory.mktemp("neo4j-home")
        launcher = Launcher(home=home, port=free_port(), password=password)
        uri = launcher.start(wait=180.0)
    yield {
        "NEO4J_URI": uri,
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
        "NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE", "neo4j"),
    }
    if launcher is not None:
        launcher.stop()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_service: dict[str, str]) -> Iterator[object]:
    """A driver connected to the session's real Neo4j."""
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(
        neo4j_service["NEO4J_URI"], auth=(neo4j_service["NEO4J_USER"], neo4j_service["NEO4J_PASSWORD"])
    )
    driver.verify_connectivity()
    yield driver
    driver.close()


@pytest.fixture
def neo4j_store(neo4j_driver: object) -> Iterator[object]:
    """A cleared `Neo4jStore` on the session's Neo4j."""
    from graph.stores.neo4j import Neo4jStore

    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    store = Neo4jStore(neo4j_driver, database=database)  # type: ignore[arg-type]
    store.clear()
    yield store
    store.clear()


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[object]:
    """A fresh `EmbeddedStore` persisted under a temporary directory."""
    from graph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "graph.json")
    yield store
    store.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> object:
    """Each store in turn: the contract suite runs once per backend."""
    return request.getfixturevalue(f"{request.param}_store")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under KG_NO_SKIPS=1 a skipped test fails the run: CI must exercise every test."""
    if not os.environ.get("KG_NO_SKIPS"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        print(f"\nKG_NO_SKIPS: {skipped} test(s) were skipped; CI requires none")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
