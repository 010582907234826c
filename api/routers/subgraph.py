"""Subgraphs and whole-graph export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import StoreDep
from api.routers.convert import graph, json_response
from api.schemas import Graph
from graph.errors import InvalidInput

router = APIRouter(tags=["subgraph"])


@router.get("/subgraph", response_model=Graph)
def subgraph(store: StoreDep, ids: Annotated[list[str], Query(min_length=1, max_length=1000)]) -> Response:
    """Entities (repeat `ids` or separate with commas), the relations among them, their events."""
    wanted = [i.strip() for part in ids for i in part.split(",") if i.strip()]
    if not wanted:
        raise InvalidInput("ids is empty", hint="pass ?ids=country:russia,country:syria")
    return json_response(graph(store.subgraph(wanted)))


@router.get("/export", responses={200: {"content": {"application/json": {}, "application/graphml+xml": {}}}})
def export(store: StoreDep, format: Literal["json", "graphml"] = "json") -> Response:
    """The whole graph as JSON or GraphML."""
    media = "application/json" if format == "json" else "application/graphml+xml"
    return Response(store.export(format), media_type=media)
