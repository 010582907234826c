"""Counts."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from graph.model import Stats

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep) -> Stats:
    """Entities, distinct typed relations, events and articles."""
    return store.stats()
