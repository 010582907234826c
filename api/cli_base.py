"""What every `kg` command shares: the typer app, logging set-up, error rendering, the store, JSON out.

`handles_errors` is the only place that turns `KGError`s into exit codes. The commands live in
`api/cli_ingest.py`, `api/cli_graph.py` and `api/cli_serve.py`; `api/cli.py` registers them.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from graph.errors import KGError

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


def handles_errors(fn: F) -> F:
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


def open_cli_store() -> GraphStore:
    """The store KG_STORE names, opened for one command (imported late: `kg --help` stays fast)."""
    from graph.stores.factory import open_store

    return open_store()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
