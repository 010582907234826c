"""`kg merge` and `kg duplicates` as a user runs them (a real subprocess on each store), and the
`merge_entities` contract: relation and event ids recomputed, evidence unioned, idempotent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graph.errors import NotFound
from graph.model import Extraction, relation_id
from graph.store import EventFilter, GraphStore, RelationFilter

ROOT = Path(__file__).resolve().parents[2]
KG = [sys.executable, "-m", "api.cli"]
KOREA = {"name": "North Korea", "kind": "country", "aliases": ["Pyongyang"]}
SOUTH = {"name": "South Korea", "kind": "country", "aliases": ["Seoul"]}


def extraction(
    slug: str, people: list[str], relations: list[dict[str, Any]], events: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "article": {
            "url": f"https://example.org/korea/{slug}",
            "published": "2020-06-1" + slug[-1],
            "title": slug,
        },
        "entities": [KOREA, SOUTH, *({"name": p, "kind": "person", "aliases": []} for p in people)],
        "relations": relations,
        "events": events or [],
    }


def korea_articles() -> list[dict[str, Any]]:
    return [
        extraction(
            "a1",
            ["Kim Jong Un", "Kim Yo Jong"],
            [
                {
                    "source": "Kim Jong Un",
                    "type": "AFFILIATED_WITH",
                    "target": "North Korea",
                    "evidence": "North Korean leader Kim Jong Un inspected a factory.",
                },
                {
                    "source": "Kim Yo Jong",
                    "type": "AFFILIATED_WITH",
                    "target": "North Korea",
                    "evidence": "His sister Kim Yo Jong issued a statement.",
                },
            ],
        ),
        extraction(
            "a2",
            ["Kim"],
            [
                {
                    "source": "Kim",
                    "type": "THREATENED",
                    "target": "South Korea",
                    "evidence": "Kim warned Seoul it would pay for the leaflets.",
                }
            ],
            [
                {
                    "type": "THREATEN",
                    "date": "2020-06-12",
                    "actors": ["Kim"],
                    "targets": ["South Korea"],
                    "evidence": "Kim warned Seoul it would pay for the leaflets.",
                }
            ],
        ),
    ]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def kg_env(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env["KG_HOME"] = str(tmp_path / "home")
    env["KG_STORE"] = request.param
    if request.param == "neo4j":
        env.update(request.getfixturevalue("neo4j_service"))
        request.getfixturevalue("neo4j_store")  # clears the database before and after
    return env


def kg(env: dict[str, str], *args: str) -> str:
    proc = subprocess.run([*KG, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"kg {' '.join(args)}: {proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_duplicates_then_merge_survives_reingest(kg_env: dict[str, str], tmp_path: Path) -> None:
    files = []
    for i, data in enumerate(korea_articles()):
        path = tmp_path / f"korea-{i}.json"
        path.write_text(json.dumps(data))
        files.append(str(path))
    kg(kg_env, "ingest", *files)
    pairs = json.loads(kg(kg_env, "duplicates", "--json"))
    short = [p for p in pairs if p["drop"]["name"] == "Kim"]
    assert {p["keep"]["name"] for p in short} == {"Kim Jong Un", "Kim Yo Jong"}
    assert all("shared by 2" in p["reason"] and p["score"] < 50 for p in short)

    kept = json.loads(kg(kg_env, "merge", "Kim Jong Un", "Kim", "--json"))
    assert kept["id"] == "person:kim-jong-un" and "Kim" in kept["aliases"]
    assert "Kim" in (Path(kg_env["KG_HOME"]) / "aliases.toml").read_text()
    assert not [p for p in json.loads(kg(kg_env, "duplicates", "--json")) if p["drop"]["name"] == "Kim"]

    kg(kg_env, "clear", "--yes")
    kg(kg_env, "ingest", *reversed(files))
    rows = json.loads(kg(kg_env, "query", "MATCH (p:Person) RETURN p.name AS name ORDER BY name", "--json"))[
        "rows"
    ]
    assert rows == [["Kim Jong Un"], ["Kim Yo Jong"]]
    threat = json.loads(
        kg(kg_env, "query", "MATCH (p:Person)-[:THREATENED]->(c) RETURN p.id, c.id", "--json")
    )["rows"]
    assert threat == [["person:kim-jong-un", "country:south-korea"]]


def test_merge_entities_contract(store: GraphStore) -> None:
    store.upsert(Extraction.model_validate(a) for a in korea_articles())
    store.upsert(
        [
            Extraction.model_validate(
                extraction(
                    "a3",
                    ["Kim Jong Un"],
                    [
                        {
                            "source": "Kim Jong Un",
                            "type": "THREATENED",
                            "target": "South Korea",
                            "evidence": "Kim Jong Un threatened Seoul again on Friday.",
                        }
                    ],
                )
            )
        ]
    )
    kept = store.merge_entities("person:kim-jong-un", "person:kim")
    assert kept.id == "person:kim-jong-un" and "Kim" in kept.aliases
    with pytest.raises(NotFound):
        store.get_entity("person:kim")
    rid = relation_id("THREATENED", "person:kim-jong-un", "country:south-korea")
    threats = store.relations(RelationFilter(types=["THREATENED"])).items
    assert [r.id for r in threats] == [rid]
    assert threats[0].evidence_count == 2  # both articles' sentences, unioned
    events = store.events(EventFilter(types=["THREATEN"])).items
    assert len(events) == 1 and events[0].actors == ["person:kim-jong-un"]
    assert store.events(EventFilter(actor="person:kim-jong-un")).total == 1
    # Idempotent, and clear errors for ids that were never there.
    assert store.merge_entities("person:kim-jong-un", "person:kim").id == "person:kim-jong-un"
    with pytest.raises(NotFound):
        store.merge_entities("person:kim-jong-un", "person:nobody")
    with pytest.raises(NotFound):
        store.merge_entities("person:nobody", "person:kim-yo-jong")
    assert store.stats().entities == 4
