"""Relations with their evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import StoreDep
from api.routers.convert import json_response, relation
from api.schemas import DATE_PATTERN, RelationPage
from graph.model import RelationType
from graph.store import RelationFilter

router = APIRouter(prefix="/relations", tags=["relations"])


@router.get("", response_model=RelationPage)
def list_relations(
    store: StoreDep,
    type: Annotated[list[RelationType] | None, Query()] = None,
    source: Annotated[str | None, Query(max_length=300)] = None,
    target: Annotated[str | None, Query(max_length=300)] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Relations by type, end (id or name) and date window, with evidence."""
    src = store.find_entity(source).id if source else None
    tgt = store.find_entity(target).id if target else None
    page = store.relations(
        RelationFilter(types=type, source=src, target=tgt, since=since, until=until),
        limit=limit,
        offset=offset,
    )
    return json_response(
        RelationPage(items=[relation(r) for r in page.items], total=page.total, limit=limit, offset=offset)
    )
