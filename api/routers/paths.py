"""Shortest paths between two entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import StoreDep
from api.routers.convert import edge, json_response, node
from api.schemas import PathOut, PathsOut

router = APIRouter(prefix="/paths", tags=["paths"])


@router.get("", response_model=PathsOut)
def paths(
    store: StoreDep,
    from_: Annotated[str, Query(alias="from", min_length=1, max_length=300, description="id or name")],
    to: Annotated[str, Query(min_length=1, max_length=300, description="id or name")],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
) -> Response:
    """All shortest paths (up to 10) between two entities over typed relations."""
    a, b = store.find_entity(from_), store.find_entity(to)
    found = store.shortest_paths(a.id, b.id, max_hops=max_hops)
    body = PathsOut(
        source=a.id,
        target=b.id,
        paths=[
            PathOut(
                length=p.length, nodes=[node(e) for e in p.entities], edges=[edge(r) for r in p.relations]
            )
            for p in found
        ],
    )
    return json_response(body)
