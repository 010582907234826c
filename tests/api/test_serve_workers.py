"""`kg serve --workers 2`: two uvicorn worker processes on one port, on each store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.model import Extraction
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "extractions"


def _serve_and_ask(env: dict[str, str]) -> list[Any]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            for _ in range(300):
                try:
                    if c.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.2)
            answers = []
            for _ in range(6):  # several connections: both workers answer
                with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as fresh:
                    r = fresh.get("/api/v1/entities", params={"q": "kyiv"})
                    assert r.status_code == 200
                    answers.append([i["id"] for i in r.json()["items"]])
                    assert fresh.get("/api/v1/alliances").status_code == 200
            return answers
    finally:
        proc.terminate()
        proc.wait(30)


def test_two_workers_embedded(tmp_path: Path) -> None:
    env = {**os.environ, "KG_HOME": str(tmp_path), "KG_STORE": "embedded"}
    env.pop("NEO4J_URI", None)
    subprocess.run(
        [sys.executable, "-m", "api.cli", "ingest", str(FIXTURES)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    answers = _serve_and_ask(env)
    assert all(a == ["country:ukraine"] for a in answers)


@pytest.mark.neo4j
def test_two_workers_neo4j(neo4j_store: Any, neo4j_service: dict[str, str], tmp_path: Path) -> None:
    neo4j_store.upsert(
        [Extraction.model_validate(json.loads(p.read_text())) for p in sorted(FIXTURES.glob("*.json"))]
    )
    env = {**os.environ, **neo4j_service, "KG_HOME": str(tmp_path), "KG_STORE": "neo4j"}
    answers = _serve_and_ask(env)
    assert all(a == ["country:ukraine"] for a in answers)
