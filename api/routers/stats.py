"""Counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.cache import VersionCache, version_cache
from api.deps import StoreDep
from graph.results import Stats

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep, cache: Annotated[VersionCache, Depends(version_cache)]) -> Stats:
    """Entities, distinct typed relations, events and articles."""
    return cache.get(store, "stats", store.stats)
