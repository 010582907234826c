"""Property-based run of the OpenAPI schema: no request, however odd, may produce a 500."""

from __future__ import annotations

import json
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from api.app import create_app
from graph.model import Extraction
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"
_home = Path(__file__).resolve().parents[2] / ".actorgraph-test" / "schemathesis"
_home.mkdir(parents=True, exist_ok=True)
_store = EmbeddedStore(_home / "graph.json")
_store.clear()
_store.upsert([Extraction.model_validate(json.loads(p.read_text())) for p in sorted(FIXTURES.glob("*.json"))])
# The write endpoint keeps its key so generated articles do not run extraction thousands of times.
_app = create_app(store=_store, settings=Settings(KG_HOME=_home, KG_API_KEY="k", KG_QUERY_TIMEOUT=5.0))
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:300]}"
    )
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            return
        assert {"status", "code", "message"} <= body.keys(), body
