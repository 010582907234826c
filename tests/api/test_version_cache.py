"""The API's per-version cache: one computation per graph version, however many requests ask."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

from api.cache import VersionCache
from graph.model import Extraction
from graph.stores.embedded import EmbeddedStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"


def load(name: str) -> Extraction:
    return Extraction.model_validate(json.loads((FIXTURES / name).read_text()))


def test_computed_once_per_version(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.json")
    store.upsert([load("kyiv-talks.json")])
    cache = VersionCache()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        time.sleep(0.05)  # long enough for every thread below to arrive while it runs
        return store.stats().entities

    results: list[Any] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get(store, "n", compute))) for _ in range(16)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [5] * 16 and len(calls) == 1
    assert cache.get(store, ("other", None), lambda: "x") == "x"  # keys are separate
    store.upsert([load("warsaw-pledge.json")])  # a new version: computed again, with the new graph
    assert cache.get(store, "n", compute) == 6 and len(calls) == 2
    assert cache.get(store, "n", compute) == 6 and len(calls) == 2
