"""Is the store reachable?"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.schemas import Health
from graph.errors import KGError

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(store: StoreDep) -> Health | JSONResponse:
    """Store kind and whether it answers; 503 with the reason when it does not."""
    try:
        store.ping()
    except KGError as exc:
        body = Health(status="unavailable", store=store.kind, message=exc.message)
        return JSONResponse(body.model_dump(), status_code=503)
    return Health(status="ok", store=store.kind)
