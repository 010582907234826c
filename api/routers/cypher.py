"""Read-only Cypher."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep, WriteAllowed
from api.schemas import CypherIn
from graph.results import CypherResult

router = APIRouter(prefix="/cypher", tags=["cypher"])


# Cypher only reads, but it is the most powerful read (any pattern, any aggregation, bounded only by the
# guard and the time limit), so it takes the same key as writes whenever KG_API_KEY is set.
@router.post(
    "",
    response_model=CypherResult,
    dependencies=[WriteAllowed],
    responses={
        401: {"description": "KG_API_KEY is set and the bearer key is missing or wrong"},
        403: {"description": "the query writes or reaches past the graph (LOAD CSV, CALL, SHOW, ...)"},
    },
)
async def cypher(store: StoreDep, settings: SettingsDep, body: CypherIn) -> CypherResult:
    """Run a reading query with the configured time and row limits; anything else is refused (403)."""
    return await run_in_threadpool(
        store.cypher,
        body.query,
        body.params,
        row_limit=settings.query_row_limit,
        timeout=settings.query_timeout,
    )
