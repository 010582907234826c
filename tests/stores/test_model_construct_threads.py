"""Building graph records never parses Python source, so concurrent writers cannot trip CPython 3.11's
non-thread-safe AST converter (gh-106905: "AST constructor recursion depth mismatch").

`model_construct` inspects the signature of a field's `default_factory` on every call, and for a builtin
such as `list` that means `ast.parse`. Writers build records in their own threads, so the model keeps
plain `[]`/`{}` defaults; these tests fail if a builtin factory comes back.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Any

import pytest

from graph.model import Article, Entity, Event, Evidence, Extraction, Relation
from graph.records import GraphRecords
from graph.results import UpsertReport


@pytest.fixture
def no_source_parsing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    calls: list[object] = []
    parse = ast.parse

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0] if args else kwargs.get("source"))
        return parse(*args, **kwargs)

    monkeypatch.setattr(ast, "parse", counting)
    yield
    monkeypatch.undo()  # before asserting: pytest's own reporting parses source
    assert calls == [], f"ast.parse ran while building graph records: {calls[:3]}"


def sample() -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": "http://threads.test/1", "published": "2031-02-03"},
            "entities": [
                {"name": "Arcadia", "kind": "country"},
                {"name": "Borduria", "kind": "country"},
            ],
            "relations": [
                {
                    "source": "Arcadia",
                    "type": "CONDEMNED",
                    "target": "Borduria",
                    "evidence": "Arcadia condemned Borduria for the shelling.",
                }
            ],
            "events": [
                {"type": "ASSAULT", "actors": ["Borduria"], "evidence": "Borduria shelled the border town."}
            ],
        }
    )


@pytest.mark.usefixtures("no_source_parsing")
def test_records_are_built_without_parsing_source() -> None:
    records = GraphRecords.from_extraction(sample())
    (rel,) = records.relations
    assert rel.evidence[0].sentence.startswith("Arcadia condemned")
    assert len(records.entities) == 2
    assert len(records.events) == 1


@pytest.mark.usefixtures("no_source_parsing")
@pytest.mark.parametrize("model", [Entity, Relation, Event, Evidence, Article, UpsertReport])
def test_constructing_with_defaults_parses_no_source(model: type[Any]) -> None:
    built = model.model_construct()
    for name, field in model.model_fields.items():
        if isinstance(field.default, list | dict):
            value = getattr(built, name)
            assert value == field.default
            assert value is not field.default  # each instance gets its own copy
