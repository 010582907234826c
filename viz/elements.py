"""Nodes and edges of the network views as vis-network items (dicts), with their evidence texts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import RELATION_SIGN, Entity, Relation
from viz.styles import FAMILY, FAMILY_STYLE, KIND_STYLE, SYMMETRIC


@dataclass
class ViewPage:
    """A rendered view and what it shows."""

    html: str
    nodes: int
    edges: int
    omitted: int


def evidence_text(r: Relation, names: dict[str, str], articles: dict[str, str]) -> str:
    head = f"{names.get(r.source, r.source)} {r.type} {names.get(r.target, r.target)}"
    arts = len(r.article_ids)
    lines = [head, f"{r.evidence_count} piece(s) of evidence from {arts} article(s)"]
    if r.titles:
        lines.append("title: " + ", ".join(r.titles))
    for ev in r.evidence[:5]:
        lines.append(
            f'- "{ev.sentence or ""}" ({articles.get(ev.article_id, ev.article_id)}, {ev.date or "undated"})'
        )
    return "\n".join(lines)


def node_size(degree: int) -> float:
    """Radius in px: grows with degree, capped so big nodes do not cover their neighbours' labels."""
    return 8.0 + 2.0 * min(degree, 10)


def node_item(
    e: Entity, degree: int, xy: tuple[float, float], *, color: str | None, labelled: bool, physics: bool
) -> dict[str, Any]:
    style = KIND_STYLE.get(e.kind, KIND_STYLE["place"])
    info = [
        f"{e.name} ({e.kind.replace('_', ' ')})",
        f"{degree} relation(s) shown; {len(e.article_ids)} article(s)",
    ]
    if e.aliases:
        info.append("also: " + ", ".join(e.aliases[:8]))
    if e.titles:
        info.append("titles: " + ", ".join(e.titles))
    item: dict[str, Any] = {
        "id": e.id,
        "label": e.name,
        "name": e.name,
        "kind": e.kind,
        "shape": style["shape"],
        "color": color or style["color"],
        "size": node_size(degree),
        "degree": degree,
        "x": xy[0],
        "y": xy[1],
        "physics": physics,
        "title": "\n".join(info),
        "info": "\n".join(info),
    }
    if not labelled:
        item["hideLabel"] = True  # above the label cap: the name shows on hover and in search
    return item


def edge_item(r: Relation, names: dict[str, str], articles: dict[str, str]) -> dict[str, Any]:
    fam = FAMILY_STYLE[FAMILY[r.type]]
    text = evidence_text(r, names, articles)
    return {
        "from": r.source,
        "to": r.target,
        "id": r.id,
        "rtype": r.type,
        "sign": RELATION_SIGN.get(r.type, 0),
        "count": r.evidence_count,
        "dates": [ev.date for ev in r.evidence],
        "color": fam["color"],
        "dashes": fam["dashes"],
        "width": 1 + min(r.evidence_count, 8),
        "arrows": "" if r.type in SYMMETRIC else "to",
        "title": text,
        "info": text,
        "first": r.first_seen,
        "last": r.last_seen,
    }
