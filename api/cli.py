"""The `kg` command: ingest, extract, query, export, view, serve, and run the bundled Neo4j.

This is the only module that turns `KGError`s into exit codes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import InvalidInput, KGError

if TYPE_CHECKING:
    from graph.model import Extraction
    from graph.store import GraphStore
    from loaders.source import SourceArticle

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


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@app.command()
@_handles_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")],
    workers: Annotated[int, typer.Option(help="spaCy worker processes.")] = 0,
    batch_size: Annotated[int, typer.Option(help="Articles per store write.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles (text, HTML, JSON, JSON Lines) or extraction JSON files and merge them into the graph."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph.model import Extraction, UpsertReport
    from graph.settings import get_settings
    from loaders.readers import ReadFailure, read_paths
    from loaders.source import SourceArticle

    settings = get_settings()
    workers = workers or settings.workers
    batch_size = batch_size or settings.batch_size
    items = list(read_paths(paths, max_bytes=settings.max_article_bytes))
    if not items:
        raise InvalidInput(f"nothing to ingest in {' '.join(paths)}", hint="pass article files or folders")
    failures = [i for i in items if isinstance(i, ReadFailure)]
    ready = [i for i in items if isinstance(i, Extraction)]
    sources = [i for i in items if isinstance(i, SourceArticle)]
    store = _store()
    report = UpsertReport()
    try:
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=as_json or not err.is_terminal,
        ) as progress:
            task = progress.add_task("ingesting", total=len(ready) + len(sources))
            for batch in _batches(iter(ready), batch_size):
                report.add(store.upsert(batch, batch_size=batch_size))
                progress.advance(task, len(batch))
            if sources:
                for batch in _batches(_extract(sources, workers), batch_size):
                    report.add(store.upsert(batch, batch_size=batch_size))
                    progress.advance(task, len(batch))
        stats = store.stats()
    finally:
        store.close()
    summary: dict[str, Any] = {
        "read": len(items),
        "ingested": len(report.articles_added) + len(report.articles_merged),
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
        _print_json(summary)
    else:
        table = Table(title="kg ingest", show_header=True)
        for col in ("", "articles", "entities", "relations", "events"):
            table.add_column(col, justify="right" if col else "left")
        for row in ("added", "merged"):
            table.add_row(
                row, *(str(summary[row][k]) for k in ("articles", "entities", "relations", "events"))
            )
        table.add_row(
            "in store", *(str(summary["store"][k]) for k in ("articles", "entities", "relations", "events"))
        )
        out.print(table)
        for f in failures:
            err.print(f"[red]failed:[/] {f.error.message}", highlight=False, soft_wrap=True)
    if failures:
        raise typer.Exit(InvalidInput.exit_code)


def _extract(sources: list[SourceArticle], workers: int) -> Iterator[Extraction]:
    from loaders.pipeline import Extractor

    extractor = Extractor()
    yield from extractor.extract_many(sources, workers=workers)


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
    out_file: Annotated[Path, typer.Option("--out", help="File to write.")] = Path("graph.json"),
) -> None:
    """Write the whole graph as JSON or GraphML."""
    store = _store()
    try:
        text = store.export(fmt)
    finally:
        store.close()
    out_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_file.with_name(out_file.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out_file)
    err.print(f"wrote {out_file} ({len(text.encode()):,} bytes)")


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
) -> None:
    """Serve the graph API (/api/v1, /docs) and the HTML views with uvicorn."""
    from api.app import serve as run

    run(host=host, port=port)


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
