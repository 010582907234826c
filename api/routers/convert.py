"""Domain objects to API shapes, shared by the routers."""

from __future__ import annotations

from api.schemas import Edge, Graph, Node, RelationOut
from graph.model import Entity, Relation, Subgraph


def node(e: Entity) -> Node:
    return Node(id=e.id, label=e.name, kind=e.kind)


def edge(r: Relation) -> Edge:
    return Edge(
        id=r.id,
        source=r.source,
        target=r.target,
        type=r.type,
        evidence_count=r.evidence_count,
        first_seen=r.first_seen,
        last_seen=r.last_seen,
    )


def relation(r: Relation) -> RelationOut:
    return RelationOut(
        id=r.id,
        type=r.type,
        source=r.source,
        target=r.target,
        evidence_count=r.evidence_count,
        first_seen=r.first_seen,
        last_seen=r.last_seen,
        titles=r.titles,
        evidence=[e.model_dump(mode="json") for e in r.evidence],
    )


def graph(sub: Subgraph) -> Graph:
    return Graph(
        nodes=[node(e) for e in sub.entities], edges=[edge(r) for r in sub.relations], events=sub.events
    )
