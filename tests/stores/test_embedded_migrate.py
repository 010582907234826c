"""An old single-file embedded store (`KG_HOME/graph.json`, format 1) is migrated on open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import StoreUnavailable
from graph.model import Extraction
from graph.records import GraphRecords
from graph.store import RelationFilter
from graph.stores.embedded import EmbeddedStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extractions"


def _old_format() -> dict[str, object]:
    """What main's JSON store wrote: every record of both fixtures, merged, as model dumps."""
    ents: dict[str, dict[str, object]] = {}
    rels: dict[str, dict[str, object]] = {}
    evts: dict[str, dict[str, object]] = {}
    arts = []
    for name in ("kyiv-talks.json", "warsaw-pledge.json"):
        rec = GraphRecords.from_extraction(
            Extraction.model_validate(json.loads((FIXTURES / name).read_text()))
        )
        arts.append(rec.article.model_dump(mode="json"))
        for e in rec.entities:
            ents.setdefault(e.id, e.model_dump(mode="json"))
        for r in rec.relations:
            if r.id in rels:
                rels[r.id]["evidence"] += r.model_dump(mode="json")["evidence"]  # type: ignore[operator]
            else:
                rels[r.id] = r.model_dump(mode="json")
        for ev in rec.events:
            evts.setdefault(ev.id, ev.model_dump(mode="json"))
    return {
        "format": 1,
        "entities": list(ents.values()),
        "relations": list(rels.values()),
        "events": list(evts.values()),
        "articles": arts,
    }


def test_old_graph_json_is_migrated_on_open(tmp_path: Path) -> None:
    old = _old_format()
    (tmp_path / "graph.json").write_text(json.dumps(old))
    store = EmbeddedStore(tmp_path / "graph.json")
    s = store.stats()
    assert (s.entities, s.relations, s.events, s.articles) == (6, 5, 2, 2)
    allied = store.relations(RelationFilter(types=["ALLIED_WITH"])).items
    assert allied[0].evidence_count == 2
    assert store.cypher("MATCH (c:Country) RETURN count(*) AS n").rows == [[3]]
    store.close()
    assert not (tmp_path / "graph.json").exists()
    assert (tmp_path / "graph.json.migrated").exists()
    again = EmbeddedStore(tmp_path / "graph.json")  # nothing imported twice
    assert again.stats() == s
    again.close()


def test_unreadable_old_file_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "graph.json").write_text("{not json")
    store = EmbeddedStore(tmp_path / "graph.json")
    with pytest.raises(StoreUnavailable) as err:
        store.stats()
    assert "re-ingest" in (err.value.hint or "")
    store.close()
