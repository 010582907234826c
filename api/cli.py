"""The `kg` command: ingest, extract, query, export, view, serve, and run the bundled Neo4j.

Importing this module registers every command on `app` (the console script's entry point); the
commands are grouped by what they touch in `api/cli_ingest.py`, `api/cli_graph.py` and
`api/cli_serve.py`, around the shared parts in `api/cli_base.py`.
"""

from __future__ import annotations

# Importing registers the commands; the import order is their order in `kg --help`.
# isort: off
from api import cli_ingest, cli_graph, cli_serve  # noqa: F401

# isort: on
from api.cli_base import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point for `python -m api.cli`."""
    app()


if __name__ == "__main__":
    main()
