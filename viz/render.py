"""Turn view data into one self-contained HTML page: the vis library inlined, no request at all.

The network views are built with pyvis (its node and edge options) and written with the project's own
template: pyvis's templates load Bootstrap and, outside `in_line` mode, vis-network from a CDN, and a
view must open from disk with no network. The timeline inlines vis-timeline, vendored from npm into
viz/static (scripts/vendor.sh). A served page may call its own server (connect-src 'self': expanding
neighbours, recomputing blocs); a page written to a file may not call anything.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pyvis.network import Network

TEMPLATES = files("viz") / "templates"
STATIC = Path(str(files("viz") / "static"))
CSP_FILE = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;"
CSP_SERVED = CSP_FILE + " connect-src 'self';"


@lru_cache(maxsize=1)
def _vis_network() -> tuple[str, str]:
    lib = Path(str(files("pyvis"))) / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


@lru_cache(maxsize=1)
def _vis_timeline() -> tuple[str, str]:
    return (STATIC / "vis-timeline-graph2d.min.js").read_text(encoding="utf-8"), (
        STATIC / "vis-timeline-graph2d.min.css"
    ).read_text(encoding="utf-8")


def build_network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> Network:
    """A pyvis network holding the nodes and edges (with fixed positions and physics off)."""
    net = Network(directed=True, cdn_resources="in_line")
    for n in nodes:
        attrs = {k: v for k, v in n.items() if k not in {"id", "label"}}
        net.add_node(n["id"], label=n["label"], **attrs)
    for e in edges:
        attrs = {k: v for k, v in e.items() if k not in {"from", "to"}}
        net.add_edge(e["from"], e["to"], **attrs)
    for n in net.nodes:
        if n.pop("hideLabel", False):
            n.pop("label", None)  # over the label cap: vis draws no label, the name stays for search
    return net


def payload(data: dict[str, Any]) -> str:
    """JSON for inside <script>: '</' must not close the tag early."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _fill(template: str, title: str, subtitle: str, omitted: str, served: bool, big: dict[str, str]) -> str:
    page = (TEMPLATES / template).read_text(encoding="utf-8")
    page = page.replace("{{CSP}}", CSP_SERVED if served else CSP_FILE)
    page = page.replace("{{TITLE}}", html.escape(title))
    # The big inlined pieces last and once, so nothing inside them is ever taken for a placeholder.
    for key, value in (
        ("{{SUBTITLE}}", html.escape(subtitle)),
        ("{{OMITTED}}", html.escape(omitted)),
        *big.items(),
    ):
        page = page.replace(key, value, 1)
    return page


def render(
    title: str,
    subtitle: str,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    legend: list[dict[str, str]],
    *,
    omitted: str = "",
    physics: bool = False,
    served: bool = False,
    extra: dict[str, Any] | None = None,
) -> str:
    """The HTML page for a network view (alliance map or actor)."""
    from viz.views import API, style_tables

    net = build_network(nodes, edges)
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "legend": legend,
        "types": sorted({e.get("rtype", "") for e in edges if e.get("rtype")}),
        "kinds": sorted({n.get("kind", "") for n in nodes if n.get("kind")}),
        "physics": physics,
        "served": served,
        "api": API,
        **style_tables(),
        **(extra or {}),
    }
    js, css = _vis_network()
    big = {"{{VIS_CSS}}": css, "{{DATA}}": payload(data), "{{VIS_JS}}": js}
    return _fill("view.html", title, subtitle, omitted, served, big)


def render_timeline(title: str, subtitle: str, data: dict[str, Any], *, omitted: str, served: bool) -> str:
    """The HTML page for the event timeline."""
    js, css = _vis_timeline()
    big = {"{{VIS_CSS}}": css, "{{DATA}}": payload({**data, "served": served}), "{{VIS_JS}}": js}
    return _fill("timeline.html", title, subtitle, omitted, served, big)
