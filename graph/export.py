"""Whole-graph export as JSON or GraphML, shared by both stores."""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx

from graph.errors import InvalidInput
from graph.model import Article
from graph.results import Subgraph


def export_graph(sub: Subgraph, articles: list[Article], fmt: str) -> str:
    """Serialise a subgraph and its articles; `fmt` is "json" or "graphml"."""
    if fmt == "json":
        data = sub.model_dump(mode="json")
        data["articles"] = [a.model_dump(mode="json") for a in articles]
        return json.dumps(data, ensure_ascii=False, indent=1)
    if fmt == "graphml":
        return _graphml(sub, articles)
    raise InvalidInput(f"unknown export format {fmt!r}", hint="use json or graphml")


def _flat(value: Any) -> Any:
    """GraphML holds scalars only: lists become JSON text, None is dropped by the caller."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _attrs(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _flat(v) for k, v in data.items() if v is not None}


def _graphml(sub: Subgraph, articles: list[Article]) -> str:
    g = nx.MultiDiGraph()
    for e in sub.entities:
        g.add_node(e.id, node_type="Entity", **_attrs(e.model_dump(mode="json", exclude={"id"})))
    for art in articles:
        g.add_node(art.id, node_type="Article", **_attrs(art.model_dump(mode="json", exclude={"id"})))
    for ev in sub.events:
        data = ev.model_dump(mode="json", exclude={"id", "actors", "targets", "location", "evidence"})
        data["evidence"] = [x.model_dump(mode="json") for x in ev.evidence]
        g.add_node(ev.id, node_type="Event", **_attrs(data))
        for a in ev.actors:
            g.add_edge(a, ev.id, key=f"{ev.id}:actor:{a}", type="ACTOR_IN")
        for t in ev.targets:
            g.add_edge(ev.id, t, key=f"{ev.id}:target:{t}", type="TARGETS")
        if ev.location:
            g.add_edge(ev.id, ev.location, key=f"{ev.id}:at", type="LOCATED_AT")
    for r in sub.relations:
        g.add_edge(
            r.source,
            r.target,
            key=r.id,
            id=r.id,
            type=r.type,
            symmetric=r.symmetric,
            evidence_count=r.evidence_count,
            **_attrs(
                {
                    "first_seen": r.first_seen,
                    "last_seen": r.last_seen,
                    "titles": r.titles or None,
                    "evidence": [x.model_dump(mode="json") for x in r.evidence],
                }
            ),
        )
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
