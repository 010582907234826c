"""`kg stats`, `kg query`, `kg export`, `kg clear`, `kg merge` and `kg duplicates`: the graph."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.table import Table

from api.cli_base import app, err, handles_errors, open_cli_store, out, print_json
from graph.errors import InvalidInput

# ------------------------------------------------------------------------------ stats and query


@app.command()
@handles_errors
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Count entities, relations (distinct typed), events and articles in the active store."""
    store = open_cli_store()
    try:
        s = store.stats()
    finally:
        store.close()
    if as_json:
        print_json(s.model_dump())
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
@handles_errors
def query(
    cypher: Annotated[str, typer.Argument(help="A read-only Cypher query.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="KEY=VALUE (JSON values).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    limit: Annotated[int | None, typer.Option(help="Row limit (default KG_QUERY_ROW_LIMIT).")] = None,
) -> None:
    """Run a read-only Cypher query on the active store (writes are refused)."""
    from graph.settings import get_settings

    settings = get_settings()
    store = open_cli_store()
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
        print_json(result.model_dump())
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
@handles_errors
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
    store = open_cli_store()
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
@handles_errors
def clear(yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False) -> None:
    """Remove everything from the active store."""
    store = open_cli_store()
    try:
        if not yes and not typer.confirm(f"Remove everything from the {store.kind} store?"):
            raise typer.Exit(1)
        store.clear()
    finally:
        store.close()
    err.print("cleared")


# ------------------------------------------------------------------------------ resolution


@app.command()
@handles_errors
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
    store = open_cli_store()
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
        print_json(kept.model_dump(mode="json"))
    else:
        err.print(f"merged {b.id} into {kept.id}; recorded in {settings.aliases_path}", highlight=False)


@app.command()
@handles_errors
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
    store = open_cli_store()
    try:
        pairs = find_duplicates(store, aliases, min_score)[:limit]
    finally:
        store.close()
    if as_json:
        print_json(
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
