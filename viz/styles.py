"""Colours and line styles: relation families, entity kinds, alliance blocs; and the legend."""

from __future__ import annotations

from typing import Any

FAMILY = {
    "ALLIED_WITH": "cooperative",
    "SUPPORTS": "cooperative",
    "CONDEMNED": "hostile",
    "ACCUSED": "hostile",
    "STRUCK": "hostile",
    "OPPOSES": "hostile",
    "THREATENED": "hostile",
    "SPOKE_WITH": "contact",
    "MET_WITH": "contact",
    "AFFILIATED_WITH": "structural",
    "LOCATED_IN": "structural",
    "CONTROLS": "structural",
}
FAMILY_STYLE: dict[str, dict[str, Any]] = {
    "cooperative": {"color": "#1a9850", "dashes": False, "label": "cooperative (ALLIED_WITH, SUPPORTS)"},
    "hostile": {
        "color": "#d73027",
        "dashes": False,
        "label": "hostile (CONDEMNED, ACCUSED, STRUCK, OPPOSES, THREATENED)",
    },
    "contact": {"color": "#7f8fa6", "dashes": [6, 4], "label": "contact (SPOKE_WITH, MET_WITH)"},
    "structural": {
        "color": "#b8b8b8",
        "dashes": [2, 4],
        "label": "structural (AFFILIATED_WITH, LOCATED_IN, CONTROLS)",
    },
}
KIND_STYLE: dict[str, dict[str, Any]] = {
    "country": {"color": "#4575b4", "shape": "dot"},
    "person": {"color": "#fdae61", "shape": "diamond"},
    "organization": {"color": "#74add1", "shape": "square"},
    "armed_group": {"color": "#a50026", "shape": "triangle"},
    "group": {"color": "#abd9e9", "shape": "triangleDown"},
    "place": {"color": "#999999", "shape": "dot"},
    "event": {"color": "#542788", "shape": "star"},
}
BLOC_COLORS = [
    "#4575b4",
    "#d73027",
    "#1a9850",
    "#984ea3",
    "#ff7f00",
    "#a65628",
    "#f781bf",
    "#377eb8",
    "#4daf4a",
    "#e41a1c",
]
SYMMETRIC = {"ALLIED_WITH", "SPOKE_WITH", "MET_WITH"}


def legend(by_bloc: bool) -> list[dict[str, str]]:
    """Legend rows: what each colour, shape and line style means."""
    rows = [
        {"swatch": s["color"], "style": "dashed" if s["dashes"] else "solid", "text": s["label"]}
        for s in FAMILY_STYLE.values()
    ]
    if by_bloc:
        rows.append(
            {
                "swatch": "",
                "style": "",
                "text": "node colour: alliance bloc (cooperative component); shape: kind",
            }
        )
    else:
        rows += [
            {"swatch": s["color"], "style": "node", "text": k.replace("_", " ")}
            for k, s in KIND_STYLE.items()
        ]
    rows.append(
        {
            "swatch": "",
            "style": "",
            "text": "node size: number of relations; edge width: pieces of evidence; arrows: directed types",
        }
    )
    return rows
