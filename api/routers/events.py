"""Events with their evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import StoreDep
from api.routers.convert import json_response
from api.schemas import DATE_PATTERN, EventPage
from graph.model import EventType
from graph.store import EventFilter

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=EventPage)
def list_events(
    store: StoreDep,
    type: Annotated[list[EventType] | None, Query()] = None,
    actor: Annotated[str | None, Query(max_length=300)] = None,
    place: Annotated[str | None, Query(max_length=300)] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Events by PLOVER type, participant, place (ids or names) and date window, in date order."""
    who = store.find_entity(actor).id if actor else None
    where = store.find_entity(place).id if place else None
    page = store.events(
        EventFilter(types=type, actor=who, place=where, since=since, until=until), limit=limit, offset=offset
    )
    return json_response(EventPage(items=page.items, total=page.total, limit=limit, offset=offset))
