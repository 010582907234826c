"""Alliance blocs on the signed actor graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.cache import VersionCache, version_cache
from api.deps import StoreDep
from api.schemas import DATE_PATTERN
from graph.analytics import AllianceReport, alliance_blocs

router = APIRouter(prefix="/alliances", tags=["alliances"])


@router.get("", response_model=AllianceReport)
def alliances(
    store: StoreDep,
    cache: Annotated[VersionCache, Depends(version_cache)],
    since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
) -> AllianceReport:
    """Blocs (cooperative components), hostile bloc pairs and structural balance."""
    return cache.get(store, ("alliances", since, until), lambda: alliance_blocs(store, since, until))
