"""The `kg` command: ingest, extract, query, export, view, serve, and run the bundled Neo4j.

This is the only module that turns `KGError`s into exit codes.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import InvalidInput, KGError

if TYPE_CHECKING:
    from graph.store import GraphStore

app = typer.Typer(
    name="kg",
    help="Actorgraph: turn news into a knowledge graph of who did what to whom.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
neo4j_app = typer.Typer(
    help="Run the bundled Neo4j Community server (Bolt on 127.0.0.1).", no_args_is_help=True
)
app.add_typer(neo4j_app, name="neo4j")

out = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])
LOG_LEVELS = ("WARNING", "INFO", "DEBUG")


@app.callback()
def _configure(
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="Log progress details (-v), or debug (-vv).")
    ] = 0,
) -> None:
    """Logging to stderr: warnings by default, `-v` info, `-vv` debug, or `KG_LOG_LEVEL`."""
    from rich.logging import RichHandler

    level = os.environ.get("KG_LOG_LEVEL", "").upper() or LOG_LEVELS[min(verbose, len(LOG_LEVELS) - 1)]
    if level not in logging.getLevelNamesMapping():
        raise typer.BadParameter(f"KG_LOG_LEVEL={level!r} is not a logging level (DEBUG, INFO, WARNING, ...)")
    # Rich on a terminal; plain one-line records when stderr is a file or a pipe (logs, CI), unwrapped.
    handler: logging.Handler
    if err.is_terminal:
        handler = RichHandler(console=err, show_path=False, rich_tracebacks=False)
        fmt = "%(name)s: %(message)s"
    else:
        handler = logging.StreamHandler(sys.stderr)
        fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=level, format=fmt, handlers=[handler], force=True)
    # Libraries that log every request or Spark stage stay at warnings unless debugging.
    if level != "DEBUG":
        for noisy in ("httpx", "httpcore", "neo4j", "py4j", "urllib3"):
            logging.getLogger(noisy).setLevel(logging.WARNING)


def _handles_errors(fn: F) -> F:
    """Render project errors as one red line plus a hint, with the error's own exit code."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KGError as exc:
            err.print(f"[bold red]error:[/] {exc.message}", highlight=False, soft_wrap=True)
            if exc.hint:
                err.print(f"[dim]hint: {exc.hint}[/]", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _store() -> GraphStore:
    from graph.stores.factory import open_store

    return open_store()


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# --------------------------------------------------------------------------------------- ingest


@app.command()
@_handles_errors
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
    store = _store()
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
        _print_json(data)
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
@_handles_errors
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
    store = _store()
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
@_handles_errors
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
    store = _store()
    try:
        stats = store.stats()
    finally:
        store.close()
    _report_ingest(summary, stats, as_json)


# -------------------------------------------------------------------------------------- extract


@app.command()
@_handles_errors
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
    _print_json(extraction.model_dump(mode="json", exclude_none=True))


# ------------------------------------------------------------------------------ stats and query


@app.command()
@_handles_errors
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Count entities, relations (distinct typed), events and articles in the active store."""
    store = _store()
    try:
        s = store.stats()
    finally:
        store.close()
    if as_json:
        _print_json(s.model_dump())
        return
    table = Table(title=f"kg stats ({store.kind} store)")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("entities", "relations", "events", "articles", "evidence"):
        table.add_row(key, str(getattr(s, key)))
    for group in ("entities_by_kind", "relations_by_type", "events_by_type"):
        for k, v in sorted(getattr(s, group).items()):
            table.add_row(f"  {k}", str(v), style="dim")
    out.print(table)


def _parse_params(raw: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in raw:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InvalidInput(
                f"--param {item!r} is not KEY=VALUE", hint="e.g. --param name=Russia --param n=5"
            )
        try:  # numbers, booleans, lists and null as JSON; anything else is a string
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


@app.command()
@_handles_errors
def query(
    cypher: Annotated[str, typer.Argument(help="A read-only Cypher query.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="KEY=VALUE (JSON values).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    limit: Annotated[int | None, typer.Option(help="Row limit (default KG_QUERY_ROW_LIMIT).")] = None,
) -> None:
    """Run a read-only Cypher query on the active store (writes are refused)."""
    from graph.settings import get_settings

    settings = get_settings()
    store = _store()
    try:
        result = store.cypher(
            cypher,
            _parse_params(param or []),
            row_limit=limit or settings.query_row_limit,
            timeout=settings.query_timeout,
        )
    finally:
        store.close()
    if as_json:
        _print_json(result.model_dump())
        return
    table = Table(
        *result.columns, title=f"{len(result.rows)} row(s)" + (" (truncated)" if result.truncated else "")
    )
    for row in result.rows:
        table.add_row(
            *(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str) for v in row)
        )
    out.print(table)


@app.command()
@_handles_errors
def export(
    fmt: Annotated[Literal["json", "graphml"], typer.Option("--format", help="json or graphml.")] = "json",
    out_file: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: standard output).")
    ] = None,
) -> None:
    """Write the whole graph as JSON or GraphML, to standard output or to --out (never inside KG_HOME)."""
    from graph.settings import get_settings

    if out_file is not None:
        _refuse_store_target(out_file, get_settings().home)
    store = _store()
    try:
        text = store.export(fmt)
    finally:
        store.close()
    if out_file is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    out_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_file.with_name(out_file.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out_file)
    err.print(f"wrote {out_file} ({len(text.encode()):,} bytes)")


def _refuse_store_target(target: Path, home: Path) -> None:
    """An export inside KG_HOME could replace the store's own files (graph.json was the old default)."""
    resolved, store_home = target.expanduser().resolve(), home.expanduser().resolve()
    if resolved == store_home or store_home in resolved.parents:
        raise InvalidInput(
            f"--out {target} is inside the store's directory KG_HOME ({store_home})",
            hint="export to a path outside KG_HOME, or omit --out to write to standard output",
        )


@app.command()
@_handles_errors
def clear(yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False) -> None:
    """Remove everything from the active store."""
    store = _store()
    try:
        if not yes and not typer.confirm(f"Remove everything from the {store.kind} store?"):
            raise typer.Exit(1)
        store.clear()
    finally:
        store.close()
    err.print("cleared")


# ------------------------------------------------------------------------------ resolution


@app.command()
@_handles_errors
def merge(
    keep: Annotated[str, typer.Argument(help="The entity to keep: name, alias or id.")],
    drop: Annotated[str, typer.Argument(help="The entity merged into it and deleted: name, alias or id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the kept entity as JSON.")] = False,
) -> None:
    """Merge DROP into KEEP and record DROP's names in the alias file, so re-ingesting keeps them one."""
    from graph.aliases import load_aliases
    from graph.settings import get_settings

    settings = get_settings()
    aliases = load_aliases(settings.aliases_path)  # a malformed file fails before anything changes
    store = _store()
    try:
        a, b = store.find_entity(keep), store.find_entity(drop)
        if a.id == b.id:
            raise InvalidInput(f"{keep!r} and {drop!r} are one entity already ({a.id})")
        kept = store.merge_entities(a.id, b.id)
    finally:
        store.close()
    aliases.add(kept.name, kept.kind, [b.name, *b.aliases])
    aliases.save()
    if as_json:
        _print_json(kept.model_dump(mode="json"))
    else:
        err.print(f"merged {b.id} into {kept.id}; recorded in {settings.aliases_path}", highlight=False)


@app.command()
@_handles_errors
def duplicates(
    min_score: Annotated[float, typer.Option(help="Only pairs scoring at least this (0-100).")] = 0.0,
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List likely duplicate actors with the reason and a score; merge them with `kg merge KEEP DROP`."""
    from graph.aliases import load_aliases
    from graph.duplicates import find_duplicates
    from graph.settings import get_settings

    aliases = load_aliases(get_settings().aliases_path)
    store = _store()
    try:
        pairs = find_duplicates(store, aliases, min_score)[:limit]
    finally:
        store.close()
    if as_json:
        _print_json(
            [
                {
                    "score": d.score,
                    "reason": d.reason,
                    "keep": d.keep.model_dump(mode="json"),
                    "drop": d.drop.model_dump(mode="json"),
                }
                for d in pairs
            ]
        )
        return
    table = Table(title=f"{len(pairs)} likely duplicate pair(s)")
    for col in ("score", "keep", "drop", "reason"):
        table.add_column(col, justify="right" if col == "score" else "left")
    for d in pairs:
        table.add_row(
            f"{d.score:.0f}", f"{d.keep.name} ({d.keep.id})", f"{d.drop.name} ({d.drop.id})", d.reason
        )
    out.print(table)


# ----------------------------------------------------------------------------------- views, API


@app.command()
@_handles_errors
def view(
    kind: Annotated[Literal["alliances", "actor", "timeline"], typer.Argument(help="Which view.")],
    name: Annotated[str | None, typer.Argument(help="Entity name or id, for the actor view.")] = None,
    out_file: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("view.html"),
    since: Annotated[str | None, typer.Option(help="Only evidence on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only evidence on or before YYYY-MM-DD.")] = None,
    depth: Annotated[int, typer.Option(help="Hops around the actor.")] = 1,
    types: Annotated[str | None, typer.Option(help="Relation types, comma-separated.")] = None,
    kinds: Annotated[str | None, typer.Option(help="Entity kinds, comma-separated.")] = None,
    physics: Annotated[bool, typer.Option(help="Start with physics on.")] = False,
) -> None:
    """Write an interactive HTML view: the alliance map, one actor's network, or the event timeline."""
    from viz import write_view

    if kind == "actor" and not name:
        raise InvalidInput("`kg view actor` needs an entity name or id", hint='e.g. kg view actor "Russia"')
    store = _store()
    try:
        report = write_view(
            store,
            kind,
            out_file,
            name=name,
            since=since,
            until=until,
            depth=depth,
            types=_split(types),
            kinds=_split(kinds),
            physics=physics,
        )
    finally:
        store.close()
    if kind == "timeline":
        shown = f"{report.nodes} events" + (f" ({report.omitted} undated left out)" if report.omitted else "")
    else:
        shown = f"{report.nodes} nodes, {report.edges} edges" + (
            f" ({report.omitted} left out)" if report.omitted else ""
        )
    err.print(f"wrote {out_file}: {shown}")


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


@app.command()
@_handles_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes (uvicorn); each opens the store.")
    ] = 1,
) -> None:
    """Serve the graph API (/api/v1, /docs) and the HTML views with uvicorn."""
    from api.app import serve as run

    run(host=host, port=port, workers=workers)


# ------------------------------------------------------------------------------------ neo4j


@neo4j_app.command("start")
@_handles_errors
def neo4j_start() -> None:
    """Build (first time: downloads jars from Maven Central) and start Neo4j; prints NEO4J_URI."""
    from graph.neo4j_server.launcher import start_from_settings
    from graph.settings import get_settings

    uri = start_from_settings(get_settings())
    out.print(f"export NEO4J_URI={uri}")


@neo4j_app.command("stop")
@_handles_errors
def neo4j_stop() -> None:
    """Stop the bundled Neo4j."""
    from graph.neo4j_server.launcher import stop_from_settings
    from graph.settings import get_settings

    stop_from_settings(get_settings())
    err.print("stopped")


@neo4j_app.command("status")
@_handles_errors
def neo4j_status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Say whether the bundled Neo4j runs, where, and where its log is."""
    from dataclasses import asdict

    from graph.neo4j_server.launcher import status_from_settings
    from graph.settings import get_settings

    st = status_from_settings(get_settings())
    data = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(st).items()}
    if as_json:
        _print_json(data)
    else:
        for k, v in data.items():
            out.print(f"{k}: {v}")
    if not st.running:
        raise typer.Exit(1)


def main() -> None:
    """Entry point for `python -m api.cli`."""
    app()


if __name__ == "__main__":
    main()
