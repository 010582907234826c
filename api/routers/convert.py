"""Domain objects to API shapes, shared by the routers."""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel

from api.schemas import Edge, Graph, Node, RelationOut
from graph.model import Entity, Relation
from graph.results import Subgraph


def json_response(body: BaseModel) -> Response:
    """A response model's JSON, serialised here, in the route's worker thread.

    A sync route that returns the model instead makes FastAPI validate it again in a second trip through
    the thread pool and serialise it on the event loop, where it holds up every other request (under 64
    clients the loop and the pool queues are where cheap requests wait). The route keeps its
    `response_model` for the OpenAPI schema; the body is the same bytes FastAPI would send.
    """
    return Response(body.model_dump_json(by_alias=True), media_type="application/json")


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
