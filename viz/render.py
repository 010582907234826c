"""Turn nodes and edges into one self-contained HTML page: vis-network inlined, no request at all.

The network is built with pyvis (its node and edge options), then written with the project's own
template: pyvis's templates load Bootstrap and, outside `in_line` mode, vis-network from a CDN, and a
view must open from disk with no network.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pyvis.network import Network

TEMPLATE = files("viz") / "templates" / "view.html"


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    lib = Path(str(files("pyvis"))) / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


def build_network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> Network:
    """A pyvis network holding the nodes and edges (with fixed positions and physics off)."""
    net = Network(directed=True, cdn_resources="in_line")
    for n in nodes:
        attrs = {k: v for k, v in n.items() if k not in {"id", "label"}}
        net.add_node(n["id"], label=n["label"], **attrs)
    for e in edges:
        attrs = {k: v for k, v in e.items() if k not in {"from", "to"}}
        net.add_edge(e["from"], e["to"], **attrs)
    return net


def render(
    title: str,
    subtitle: str,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    legend: list[dict[str, str]],
    *,
    omitted: str = "",
    physics: bool = False,
) -> str:
    """The HTML page for a view."""
    net = build_network(nodes, edges)
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "legend": legend,
        "types": sorted({e.get("rtype", "") for e in edges if e.get("rtype")}),
        "kinds": sorted({n.get("kind", "") for n in nodes if n.get("kind")}),
        "physics": physics,
    }
    js, css = _vis_assets()
    # JSON inside <script>: '</' must not close the tag early.
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    page = TEMPLATE.read_text(encoding="utf-8")
    page = page.replace("{{TITLE}}", html.escape(title))
    # The big inlined pieces last and once, so nothing inside them is ever taken for a placeholder.
    for key, value in (
        ("{{SUBTITLE}}", html.escape(subtitle)),
        ("{{OMITTED}}", html.escape(omitted)),
        ("{{VIS_CSS}}", css),
        ("{{DATA}}", payload),
        ("{{VIS_JS}}", js),
    ):
        page = page.replace(key, value, 1)
    return page
