"""The embedded store's user Cypher results shaped like Neo4j's: column names and plain JSON values."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from graph.stores.embedded_cypher_guard import mask


def return_columns(query: str) -> list[str] | None:
    """Column names as Neo4j gives them: the alias, else the expression text of each RETURN item."""
    masked = mask(query)
    ret = list(re.finditer(r"\bRETURN\b", masked, re.I))
    if not ret:
        return None
    start = ret[-1].end()
    stop = re.search(r"\b(ORDER\s+BY|SKIP|LIMIT)\b", masked[start:], re.I)
    end = start + stop.start() if stop else len(masked)
    body_masked = masked[start:end]
    body = query[start:end]
    if re.match(r"\s*DISTINCT\b", body_masked, re.I):
        skip = re.match(r"\s*DISTINCT\b", body_masked, re.I)
        assert skip is not None
        body, body_masked = body[skip.end() :], body_masked[skip.end() :]
    items, depth, last = [], 0, 0
    for i, ch in enumerate(body_masked):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append((body[last:i], body_masked[last:i]))
            last = i + 1
    items.append((body[last:], body_masked[last:]))
    cols = []
    for text, text_masked in items:
        alias = re.search(r"\bAS\s+(`[^`]+`|[A-Za-z_]\w*)\s*$", text_masked, re.I)
        if alias:
            cols.append(text[alias.start(1) : alias.end(1)].strip("`"))
        else:
            cols.append(text.strip())
    if any(c == "*" for c in cols):
        return None
    return cols


def to_plain(value: Any) -> Any:
    """LadybugDB values as plain JSON, shaped like the Neo4j store's: nodes and relationships as properties."""
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {
                "nodes": [to_plain(n) for n in value["_NODES"]],
                "relationships": [to_plain(r) for r in value["_RELS"]],
            }
        if "_LABEL" in value or "_ID" in value:
            return {k: to_plain(v) for k, v in value.items() if not k.startswith("_") and v is not None}
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
