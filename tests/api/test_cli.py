"""The `kg` command end to end, as a user runs it: a real subprocess on each store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "extractions"
KG = [sys.executable, "-m", "api.cli"]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def kg_env(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    """Environment for `kg` on each store, starting from an empty graph."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env["KG_HOME"] = str(tmp_path / "home")
    env["KG_STORE"] = request.param
    if request.param == "neo4j":
        env.update(request.getfixturevalue("neo4j_service"))
        request.getfixturevalue("neo4j_store")  # clears the database before and after
    return env


def kg(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*KG, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def stats(env: dict[str, str]) -> dict[str, int]:
    return json.loads(kg(env, "stats", "--json").stdout)


def test_ingest_merges_and_is_idempotent(kg_env: dict[str, str]) -> None:
    kg(kg_env, "ingest", str(FIXTURES / "kyiv-talks.json"), str(FIXTURES / "warsaw-pledge.json"))
    first = stats(kg_env)
    # Six actors and places; Ukraine-Poland ALLIED_WITH given both ways is one relation; the Kharkiv
    # shelling reported by both articles is one event.
    assert {k: first[k] for k in ("entities", "relations", "events", "articles")} == {
        "entities": 6,
        "relations": 5,
        "events": 2,
        "articles": 2,
    }
    kg(kg_env, "ingest", str(FIXTURES / "warsaw-pledge.json"))
    assert stats(kg_env) == first  # counts and evidence unchanged

    rows = json.loads(
        kg(
            kg_env,
            "query",
            "MATCH (a:Country)-[r:ALLIED_WITH]-(b:Country) WHERE a.name = $name RETURN b.name AS ally, r.evidence_count AS n",
            "--param",
            "name=Poland",
            "--json",
        ).stdout
    )
    assert rows["rows"] == [["Ukraine", 2]]


def test_query_counts_with_where(kg_env: dict[str, str]) -> None:
    kg(kg_env, "ingest", str(FIXTURES / "kyiv-talks.json"), str(FIXTURES / "warsaw-pledge.json"))
    result = json.loads(
        kg(kg_env, "query", "MATCH (e:Entity) WHERE e.kind = 'country' RETURN count(*) AS n", "--json").stdout
    )
    assert result["columns"] == ["n"]
    assert result["rows"] == [[3]]


def test_write_query_is_refused_and_writes_nothing(kg_env: dict[str, str]) -> None:
    kg(kg_env, "ingest", str(FIXTURES / "kyiv-talks.json"))
    before = stats(kg_env)
    for query in (
        "CREATE (n:Entity {id: 'x', name: 'X'}) RETURN n",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Entity) SET n.name = 'hacked' RETURN n",
    ):
        proc = kg(kg_env, "query", query, check=False)
        assert proc.returncode != 0
        assert "read-only" in proc.stderr or "refused" in proc.stderr.lower(), proc.stderr
    assert stats(kg_env) == before


def test_bad_input_is_reported_and_loses_nothing(kg_env: dict[str, str], tmp_path: Path) -> None:
    kg(kg_env, "ingest", str(FIXTURES / "kyiv-talks.json"))
    before = stats(kg_env)
    bad = tmp_path / "broken.json"
    bad.write_text('{"entities": [', encoding="utf-8")
    proc = kg(kg_env, "ingest", str(bad), check=False)
    assert proc.returncode != 0
    assert "broken.json" in proc.stderr
    assert stats(kg_env) == before


def test_export_json_and_graphml(kg_env: dict[str, str], tmp_path: Path) -> None:
    kg(kg_env, "ingest", str(FIXTURES / "kyiv-talks.json"), str(FIXTURES / "warsaw-pledge.json"))
    out_json = tmp_path / "g.json"
    kg(kg_env, "export", "--format", "json", "--out", str(out_json))
    data = json.loads(out_json.read_text())
    assert len(data["entities"]) == 6
    out_xml = tmp_path / "g.graphml"
    kg(kg_env, "export", "--format", "graphml", "--out", str(out_xml))
    import networkx as nx

    assert nx.read_graphml(out_xml).number_of_nodes() >= 6


def test_unknown_store_setting_is_a_clear_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(KG_HOME=str(tmp_path), KG_STORE="neo4j", NEO4J_URI="bolt://127.0.0.1:1")
    proc = kg(env, "stats", check=False)
    assert proc.returncode == 4
    assert "not reachable" in proc.stderr and "kg neo4j start" in proc.stderr


def test_verbose_logs_go_to_stderr_and_bad_level_is_refused(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(KG_HOME=str(tmp_path / "home"), KG_STORE="embedded")
    quiet = kg(env, "stats", "--json")
    assert "created the embedded store" not in quiet.stderr  # warnings only by default
    env["KG_HOME"] = str(tmp_path / "home2")
    loud = kg(env, "-v", "stats", "--json")
    assert "created the embedded store" in loud.stderr
    assert json.loads(loud.stdout)["entities"] == 0  # stdout stays machine-readable
    env["KG_LOG_LEVEL"] = "chatty"
    bad = kg(env, "stats", check=False)
    assert bad.returncode == 2 and "KG_LOG_LEVEL" in bad.stderr
