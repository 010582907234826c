"""`kg view`, `kg serve` and `kg neo4j start|stop|status`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from api.cli_base import app, err, handles_errors, neo4j_app, open_cli_store, out, print_json
from graph.errors import InvalidInput

# ----------------------------------------------------------------------------------- views, API


@app.command()
@handles_errors
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
    store = open_cli_store()
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
@handles_errors
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
@handles_errors
def neo4j_start() -> None:
    """Build (first time: downloads jars from Maven Central) and start Neo4j; prints NEO4J_URI."""
    from graph.neo4j_server.launcher import start_from_settings
    from graph.settings import get_settings

    uri = start_from_settings(get_settings())
    out.print(f"export NEO4J_URI={uri}")


@neo4j_app.command("stop")
@handles_errors
def neo4j_stop() -> None:
    """Stop the bundled Neo4j."""
    from graph.neo4j_server.launcher import stop_from_settings
    from graph.settings import get_settings

    stop_from_settings(get_settings())
    err.print("stopped")


@neo4j_app.command("status")
@handles_errors
def neo4j_status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Say whether the bundled Neo4j runs, where, and where its log is."""
    from dataclasses import asdict

    from graph.neo4j_server.launcher import status_from_settings
    from graph.settings import get_settings

    st = status_from_settings(get_settings())
    data = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(st).items()}
    if as_json:
        print_json(data)
    else:
        for k, v in data.items():
            out.print(f"{k}: {v}")
    if not st.running:
        raise typer.Exit(1)
