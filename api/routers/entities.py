"""Entities: search, one entity with its relations and events, its neighbourhood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import StoreDep
from api.routers.convert import graph, json_response
from api.schemas import DATE_PATTERN, EntityDetail, EntityItem, EntityPage, Graph
from graph.model import EntityKind, RelationType
from graph.store import EventFilter, RelationFilter

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=EntityPage)
def search(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="name or alias, any case or accents")] = None,
    kind: EntityKind | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Entities by name or alias: exact, then prefix, word and fuzzy matches; most connected first in each."""
    page = store.search_entities(q, kind, limit=limit, offset=offset)
    items = [
        EntityItem(
            id=h.entity.id, name=h.entity.name, kind=h.entity.kind, aliases=h.entity.aliases, degree=h.degree
        )
        for h in page.items
    ]
    return json_response(
        EntityPage(items=items, total=page.total, limit=limit, offset=offset, capped=page.capped)
    )


@router.get("/{entity_id}", response_model=EntityDetail)
def get_entity(store: StoreDep, entity_id: str) -> Response:
    """One entity with its relations grouped by type and the events it takes part in."""
    entity = store.get_entity(entity_id)
    rels = store.relations(RelationFilter(entity=entity_id), limit=1000).items
    grouped: dict[str, list] = {}
    for r in rels:
        grouped.setdefault(r.type, []).append(r)
    events = store.events(EventFilter(actor=entity_id), limit=1000).items
    at_place = store.events(EventFilter(place=entity_id), limit=1000).items
    seen = {e.id for e in events}
    return json_response(
        EntityDetail(
            entity=entity, relations=grouped, events=[*events, *(e for e in at_place if e.id not in seen)]
        )
    )


@router.get("/{entity_id}/neighbors", response_model=Graph)
def neighbors(
    store: StoreDep,
    entity_id: str,
    depth: Annotated[int, Query(ge=1, le=4)] = 1,
    types: Annotated[list[RelationType] | None, Query()] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
) -> Response:
    """The neighbourhood to `depth` hops as nodes and edges."""
    return json_response(
        graph(store.neighbors(entity_id, depth=depth, types=types, since=since, until=until))
    )
