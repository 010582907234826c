"""`kg ingest`, `kg watch`, `kg backfill` and `kg extract`: articles in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.table import Table

from api.cli_base import app, err, handles_errors, open_cli_store, out, print_json
from graph.errors import InvalidInput

# --------------------------------------------------------------------------------------- ingest


@app.command()
@handles_errors
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, globs, WARC/ARC archives, http(s) URLs, or - for standard input."
        ),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="An RSS/Atom feed URL: ingest its entries not yet seen."),
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Skip inputs a previous (interrupted) run already finished.")
    ] = False,
    workers: Annotated[int, typer.Option(help="spaCy worker processes.")] = 0,
    batch_size: Annotated[int, typer.Option(help="Articles per store write.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles (text, HTML, JSON, JSON Lines, WARC, URLs, feeds) or extraction files into the graph."""
    from graph.settings import get_settings
    from loaders import inputs

    settings = get_settings()
    if not paths and not feed:
        raise InvalidInput("nothing to ingest", hint="pass article files, folders, URLs or --feed URL")
    store = open_cli_store()
    try:
        with _progress(as_json) as progress:
            summary = inputs.ingest(
                store,
                paths or [],
                feeds=feed or [],
                settings=settings,
                workers=workers or settings.workers,
                batch_size=batch_size or settings.batch_size,
                resume=resume,
                progress=progress,
            )
        stats = store.stats()
    finally:
        store.close()
    if summary.read == 0 and not summary.skipped_inputs and not feed:
        raise InvalidInput(
            f"nothing to ingest in {' '.join(paths or [])}", hint="pass article files or folders"
        )
    _report_ingest(summary, stats, as_json)


def _progress(as_json: bool) -> Any:
    from loaders.progress import RunProgress

    return RunProgress(err, 0, enabled=not as_json and err.is_terminal)


def _report_ingest(summary: Any, stats: Any, as_json: bool) -> None:
    report, failures = summary.report, summary.failures
    data: dict[str, Any] = {
        "read": summary.read,
        "ingested": len(report.articles_added) + len(report.articles_merged),
        "skipped_inputs": summary.skipped_inputs,
        "failed": [{"path": f.path, "error": f.error.message} for f in failures],
        "added": {
            k: len(getattr(report, f"{k}_added")) for k in ("articles", "entities", "relations", "events")
        },
        "merged": {
            k: len(getattr(report, f"{k}_merged")) for k in ("articles", "entities", "relations", "events")
        },
        "evidence_added": report.evidence_added,
        "store": stats.model_dump(include={"entities", "relations", "events", "articles"}),
    }
    if as_json:
        print_json(data)
    else:
        table = Table(title="kg ingest", show_header=True)
        for col in ("", "articles", "entities", "relations", "events"):
            table.add_column(col, justify="right" if col else "left")
        for row in ("added", "merged"):
            table.add_row(row, *(str(data[row][k]) for k in ("articles", "entities", "relations", "events")))
        table.add_row(
            "in store", *(str(data["store"][k]) for k in ("articles", "entities", "relations", "events"))
        )
        out.print(table)
        if summary.skipped_inputs:
            err.print(f"skipped {summary.skipped_inputs} input(s) finished by an earlier run (--resume)")
        for f in failures:
            err.print(f"[red]failed:[/] {f.error.message}", highlight=False, soft_wrap=True)
    if failures:
        raise typer.Exit(InvalidInput.exit_code)


@app.command()
@handles_errors
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs to follow.")],
    every: Annotated[str, typer.Option(help="Time between two reads of the feeds: 30s, 15m, 2h.")] = "15m",
    rounds: Annotated[int, typer.Option(help="Stop after this many reads (0: run until interrupted).")] = 0,
) -> None:
    """Follow feeds: ingest new entries every interval; a state file under KG_HOME survives restarts."""
    from graph.settings import get_settings
    from loaders import inputs
    from loaders.feeds import parse_interval

    settings = get_settings()
    interval = parse_interval(every)
    store = open_cli_store()
    try:
        for result in inputs.watch(store, feeds, settings=settings, interval=interval, rounds=rounds):
            state = (
                "not modified" if result.not_modified else f"{result.stored}/{result.new} new entries stored"
            )
            err.print(f"{result.feed}: {state}", highlight=False, soft_wrap=True)
            for f in result.failures:
                err.print(f"[red]failed:[/] {f.error.message}", highlight=False, soft_wrap=True)
    except KeyboardInterrupt:
        err.print("stopped")
    finally:
        store.close()


@app.command()
@handles_errors
def backfill(
    paths: Annotated[
        list[str], typer.Argument(help="A corpus: WARC files, JSONL, Parquet, or folders of them.")
    ],
    master: Annotated[
        str, typer.Option(help="Spark master: local[N], spark://host:7077, yarn...")
    ] = "local[2]",
    writers: Annotated[
        int | None,
        typer.Option(
            help="Tasks writing to Neo4j at once. Default: every task writes as it extracts (streaming);"
            " fewer than the cores: extract first, then write from this many partitions."
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per store write.")] = 0,
    resume: Annotated[bool, typer.Option(help="Skip inputs a previous run finished.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Extract a corpus on Spark (mapPartitions) and write it into Neo4j, as `kg ingest` would."""
    from graph.settings import get_settings
    from loaders.backfill import BackfillOptions, run_backfill

    settings = get_settings()
    opts = BackfillOptions(
        master=master, writers=writers, batch_size=batch_size or settings.batch_size, resume=resume
    )
    with _progress(as_json) as progress:
        summary = run_backfill(paths, opts, settings=settings, progress=progress)
    store = open_cli_store()
    try:
        stats = store.stats()
    finally:
        store.close()
    _report_ingest(summary, stats, as_json)


# -------------------------------------------------------------------------------------- extract


@app.command()
@handles_errors
def extract(
    file: Annotated[str, typer.Argument(help="An article file (text, HTML, JSON) or - for standard input.")],
    meta: Annotated[Path | None, typer.Option(help="Metadata JSON: source, url, published, title.")] = None,
    fmt: Annotated[Literal["json"], typer.Option("--format", help="Output format.")] = "json",
) -> None:
    """Extract entities, relations and events from one article and print them (no store)."""
    from graph.settings import get_settings
    from loaders.pipeline import Extractor
    from loaders.readers import read_one

    src = read_one(file, str(meta) if meta else None, max_bytes=get_settings().max_article_bytes)
    extraction = Extractor().extract(src)
    print_json(extraction.model_dump(mode="json", exclude_none=True))
