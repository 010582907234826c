"""Ingestion: articles in, extracted and merged into the graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep, WriteAllowed
from api.schemas import ArticleIn, IngestOut
from graph.errors import InvalidInput
from graph.resolve import ingest, open_resolver
from graph.results import UpsertReport
from loaders.readers import from_record

router = APIRouter(prefix="/articles", tags=["articles"])
KINDS = ("articles", "entities", "relations", "events")


@router.post("", response_model=IngestOut, status_code=201, dependencies=[WriteAllowed])
async def post_articles(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    body: Annotated[ArticleIn | list[ArticleIn], Body()],
) -> IngestOut:
    """Extract one article or a list (text or HTML with metadata) and merge them into the graph."""
    records = body if isinstance(body, list) else [body]
    if not records:
        raise InvalidInput("no articles in the body", hint="send an object or a non-empty list")
    if len(records) > 100:
        raise InvalidInput(
            f"{len(records)} articles in one request; the limit is 100", hint="split the batch"
        )
    sources = [
        from_record(
            r.model_dump(exclude_none=True), max_bytes=settings.max_article_bytes, where=f"articles[{i}]"
        )
        for i, r in enumerate(records)
    ]

    def work() -> UpsertReport:
        extractor = request.app.state.extractor()
        extractions = list(extractor.extract_many(sources))
        return ingest(store, extractions, resolver=open_resolver(store, settings), resolve=settings.resolve)

    report = await run_in_threadpool(work)
    return IngestOut(
        articles=len(sources),
        added={k: getattr(report, f"{k}_added") for k in KINDS},
        merged={k: getattr(report, f"{k}_merged") for k in KINDS},
        evidence_added=report.evidence_added,
    )
