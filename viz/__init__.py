"""Interactive HTML views of the graph: self-contained pages (vis-network, vis-timeline inlined)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from graph.store import GraphStore


@dataclass
class ViewReport:
    """What `write_view` wrote."""

    path: Path
    nodes: int
    edges: int
    omitted: int


def write_view(
    store: GraphStore,
    view: Literal["alliances", "actor", "timeline"],
    out: Path,
    *,
    name: str | None = None,
    since: str | None = None,
    until: str | None = None,
    depth: int = 1,
    types: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    physics: bool = False,
) -> ViewReport:
    """Render a view and write it atomically to `out` (one HTML file, no other files, no requests)."""
    from viz.views import actor_page, alliance_page, timeline_page

    if view == "alliances":
        page = alliance_page(store, since=since, until=until, types=types, kinds=kinds, physics=physics)
    elif view == "actor":
        page = actor_page(
            store,
            name or "",
            depth=depth,
            since=since,
            until=until,
            types=types,
            kinds=kinds,
            physics=physics,
        )
    else:
        page = timeline_page(store, since=since, until=until, types=types)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".view-", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(page.html)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; a view is for sharing
    os.replace(tmp, out)
    return ViewReport(out, page.nodes, page.edges, page.omitted)
