"""Read-only Cypher."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep
from api.schemas import CypherIn
from graph.model import CypherResult

router = APIRouter(prefix="/cypher", tags=["cypher"])


@router.post("", response_model=CypherResult, responses={403: {"description": "the query writes"}})
async def cypher(store: StoreDep, settings: SettingsDep, body: CypherIn) -> CypherResult:
    """Run a read-only query with the configured time and row limits; writes are refused (403)."""
    return await run_in_threadpool(
        store.cypher,
        body.query,
        body.params,
        row_limit=settings.query_row_limit,
        timeout=settings.query_timeout,
    )
