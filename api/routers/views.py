"""The HTML views served by the API, and an index page linking them and the API docs.

Served pages may call back to this server (connect-src 'self'): the alliance map fetches
`/views/alliances/data` for a new time window, the actor view the API's neighbours of a clicked node.
"""

from __future__ import annotations

import html
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from api.cache import VersionCache, version_cache
from api.deps import StoreDep
from api.schemas import DATE_PATTERN
from graph.model import EntityKind, EventType, RelationType

router = APIRouter(tags=["views"])

Since = Annotated[str | None, Query(pattern=DATE_PATTERN)]
Types = Annotated[list[RelationType] | None, Query()]
EventTypes = Annotated[list[EventType] | None, Query()]
Kinds = Annotated[list[EntityKind] | None, Query()]


@router.get("/", response_class=HTMLResponse)
def index(store: StoreDep) -> str:
    """Links to the views and the API documentation, with the graph's counts."""
    s = store.stats()
    top = store.search_entities(limit=12).items
    actors = "".join(
        f'<li><a href="/views/actors/{html.escape(h.entity.id)}">{html.escape(h.entity.name)}</a> ({h.degree})</li>'
        for h in top
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Actorgraph</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:760px;margin:40px auto;padding:0 16px;color:#222}}</style></head>
<body><h1>Actorgraph</h1>
<p>{s.entities} entities, {s.relations} relations, {s.events} events from {s.articles} articles ({html.escape(store.kind)} store).</p>
<ul><li><a href="/views/alliances">Alliance map</a></li><li><a href="/views/timeline">Event timeline</a></li>
<li><a href="/docs">API documentation</a> (<a href="/redoc">ReDoc</a>, <a href="/openapi.json">OpenAPI</a>)</li></ul>
<h2>Most connected actors</h2><ul>{actors}</ul></body></html>"""


@router.get("/views/alliances", response_class=HTMLResponse)
async def alliances(
    store: StoreDep,
    cache: Annotated[VersionCache, Depends(version_cache)],
    since: Since = None,
    until: Since = None,
    types: Types = None,
    kinds: Kinds = None,
    physics: bool = False,
) -> str:
    """The alliance map as an interactive page."""
    from viz.views import alliance_page

    key = ("alliance_page", since, until, tuple(types or ()), tuple(kinds or ()), physics)
    page = await run_in_threadpool(
        cache.get,
        store,
        key,
        lambda: alliance_page(
            store, since=since, until=until, types=types, kinds=kinds, physics=physics, served=True
        ),
    )
    return page.html


@router.get("/views/alliances/data")
async def alliances_data(
    store: StoreDep,
    cache: Annotated[VersionCache, Depends(version_cache)],
    since: Since = None,
    until: Since = None,
    types: Types = None,
    kinds: Kinds = None,
) -> dict[str, Any]:
    """The alliance map of one time window (nodes with positions, edges, blocs, hostile bloc pairs),
    as the page draws it: what the page's time window asks for."""
    from viz.views import alliance_data

    key = ("alliance_data", since, until, tuple(types or ()), tuple(kinds or ()))
    amap = await run_in_threadpool(
        cache.get,
        store,
        key,
        lambda: alliance_data(store, since=since, until=until, types=types, kinds=kinds),
    )
    out = amap.as_dict()
    for n in out["nodes"]:
        if n.pop("hideLabel", False):
            n.pop("label", None)
    return out


@router.get("/views/actors/{entity_id}", response_class=HTMLResponse)
async def actor(
    store: StoreDep,
    entity_id: str,
    depth: Annotated[int, Query(ge=1, le=4)] = 1,
    since: Since = None,
    until: Since = None,
    types: Types = None,
    kinds: Kinds = None,
    physics: bool = False,
) -> str:
    """One actor's neighbourhood (id or name) as an interactive page; a click expands a node."""
    from viz.views import actor_page

    page = await run_in_threadpool(
        actor_page,
        store,
        entity_id,
        depth=depth,
        since=since,
        until=until,
        types=types,
        kinds=kinds,
        physics=physics,
        served=True,
    )
    return page.html


@router.get("/views/timeline", response_class=HTMLResponse)
async def timeline(
    store: StoreDep, since: Since = None, until: Since = None, types: EventTypes = None
) -> str:
    """The event timeline as an interactive page."""
    from viz.views import timeline_page

    page = await run_in_threadpool(timeline_page, store, since=since, until=until, types=types, served=True)
    return page.html
