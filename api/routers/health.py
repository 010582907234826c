"""Is the store reachable, and is search prepared?"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.schemas import Health
from graph.errors import KGError

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(store: StoreDep, request: Request) -> Health | JSONResponse:
    """Store kind and whether it answers (503 with the reason when it does not), and whether searches
    are prepared for the current graph version (`search`: api/search_warmer.py)."""
    warmer = getattr(request.app.state, "search_warmer", None)
    search = warmer.state if warmer is not None else "off"
    try:
        store.ping()
    except KGError as exc:
        body = Health(status="unavailable", store=store.kind, message=exc.message, search=search)
        return JSONResponse(body.model_dump(), status_code=503)
    return Health(status="ok", store=store.kind, search=search)
