"""The embedded store's user Cypher rewritten to mean on LadybugDB what it would mean on Neo4j.

Kind labels become the `kind` property of the one `Entity` table, variable-length patterns get Neo4j's
trail semantics and an upper bound, multi-hop patterns never use one relationship twice, and only
functions that mean the same on both engines pass. `prepare` checks and rewrites a query; no engine is
involved.
"""

from __future__ import annotations

import re

from graph.errors import QueryError, UnsupportedQuery
from graph.stores.embedded_cypher_guard import (
    ALLOWED_FUNCS,
    CLAUSE,
    KEYWORDS,
    KIND_OF_LABEL,
    KIND_TABLES,
    NODE_LABELS,
    REL_TYPES,
    UNSUPPORTED_FUNCS,
    check_read_only,
    mask,
)


def rewrite_labels(query: str, masked: str) -> str:
    """Map Neo4j labels onto the one `Entity` table: `(c:Country {...})` is `(c:Entity {kind: 'country', ...})`."""
    out: list[str] = []
    pos = 0
    # A node pattern: '(' optional variable, then one or more ':Label', then maybe a property map.
    for m in re.finditer(r"\(\s*([A-Za-z_]\w*)?\s*((?::\s*`?[A-Za-z_]\w*`?\s*)+)(\{)?", masked):
        labels = [lbl.strip("` ") for lbl in m.group(2).split(":") if lbl.strip("` ")]
        unknown = [lbl for lbl in labels if lbl not in NODE_LABELS]
        if unknown:
            raise QueryError(
                f"unknown node label {unknown[0]!r}",
                hint=f"labels are {', '.join(sorted(NODE_LABELS))}",
            )
        kinds = [lbl for lbl in labels if lbl in KIND_TABLES]
        others = [lbl for lbl in labels if lbl in ("Event", "Article")]
        if len(set(kinds)) > 1 or (others and (kinds or "Entity" in labels)) or len(set(others)) > 1:
            raise UnsupportedQuery("a node with two different kind labels matches nothing; use one label")
        out.append(query[pos : m.start(2)])
        if others:
            out.append(f":{others[0]} ")
        else:
            out.append(":Entity ")
        if kinds:
            cond = f"kind: '{KIND_OF_LABEL[kinds[0]]}'"
            out.append(f"{{{cond}, " if m.group(3) else f"{{{cond}}} ")
        elif m.group(3):
            out.append("{")
        pos = m.end()
    out.append(query[pos:])
    return "".join(out)


def rewrite_rels(query: str) -> str:
    """Check relationship types, require bounds on variable length, and give it Neo4j's trail semantics."""
    masked = mask(query)
    out: list[str] = []
    var_length: list[str] = []
    pos = 0
    for m in re.finditer(r"\[([^\]]*)\]", masked):
        body = m.group(1)
        if ":" in body:
            types = re.split(r"\s*\|\s*:?\s*", body.split(":", 1)[1].split("*")[0].split("{")[0].strip())
            bad = [t for t in types if t.strip("` ") and t.strip("` ") not in REL_TYPES]
            if bad:
                raise QueryError(
                    f"unknown relationship type {bad[0]!r}", hint=f"types are {', '.join(sorted(REL_TYPES))}"
                )
        if "*" in body:
            star = re.search(r"\*\s*(\d*)\s*(\.\.)?\s*(\d*)", body)
            assert star is not None
            lo, dots, hi = star.group(1), star.group(2), star.group(3)
            if not hi and (dots or not lo):
                raise UnsupportedQuery(
                    "variable-length patterns need an upper bound on the embedded store (e.g. *1..4)"
                )
            if not dots:  # *3 means exactly 3
                lo = hi = lo or hi
            start = m.start(1) + star.start()
            end = m.start(1) + star.end()
            out.append(query[pos:start])
            out.append(f"* TRAIL {lo or 1}..{hi}")
            pos = end
            var = re.match(r"\s*([A-Za-z_]\w*)", body)
            if var and not body.strip().startswith((":", "*")):
                var_length.append(var.group(1))
    out.append(query[pos:])
    rewritten = "".join(out)
    # A variable-length relationship is a list in Neo4j (size) and a recursive rel in LadybugDB (length).
    for name in var_length:
        rewritten = re.sub(rf"\bsize\s*\(\s*{name}\s*\)", f"length({name})", rewritten)
    return rewritten


def unique_rels(query: str) -> str:
    """Neo4j never uses one relationship twice in a MATCH; add that condition for multi-hop patterns."""
    masked = mask(query)
    clauses = list(CLAUSE.finditer(masked))
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) applied right to left
    counter = 0
    for i, c in enumerate(clauses):
        if "MATCH" not in c.group(1).upper():
            continue
        end = clauses[i + 1].start() if i + 1 < len(clauses) else len(masked)
        segs = list(re.finditer(r"\[([^\]]*)\]|(?<![\]\w])(<?-->?)(?![\[\w])", masked[c.end() : end]))
        # Split by ',' at depth 0 into separate path patterns: uniqueness holds across the whole MATCH.
        names: list[str] = []
        for s in segs:
            if s.group(1) is not None:
                body = s.group(1)
                if "*" in body:
                    continue  # trails are unique within; across parts Neo4j rules differ little here
                var = re.match(r"\s*([A-Za-z_]\w*)", body)
                if var and not body.strip().startswith(":"):
                    names.append(var.group(1))
                else:
                    counter += 1
                    name = f"__r{counter}"
                    names.append(name)
                    a = c.end() + s.start(1)
                    edits.append((a, a, name))
            else:
                counter += 1
                name = f"__r{counter}"
                names.append(name)
                a, b = c.end() + s.start(2), c.end() + s.end(2)
                arrow = s.group(2)
                left = "<-" if arrow.startswith("<") else "-"
                right = "->" if arrow.endswith(">") else "-"
                edits.append((a, b, f"{left}[{name}]{right}"))
        if len(names) < 2:
            # nothing to constrain; drop the names we planned for this clause
            edits = [e for e in edits if not (c.end() <= e[0] < end)]
            continue
        cond = " AND ".join(f"{x} <> {y}" for j, x in enumerate(names) for y in names[j + 1 :])
        nxt = clauses[i + 1] if i + 1 < len(clauses) else None
        if nxt is not None and nxt.group(1).upper() == "WHERE":
            w_end = clauses[i + 2].start() if i + 2 < len(clauses) else len(masked)
            edits.append((nxt.end(), nxt.end(), f" ({cond}) AND ("))
            edits.append((w_end, w_end, ") "))
        else:
            edits.append((end, end, f" WHERE {cond} "))
    for a, b, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        query = query[:a] + text + query[b:]
    return query


def rewrite_funcs(query: str, masked: str) -> str:
    """Refuse functions off the allow-list; `type(r)` is LadybugDB's `label(r)`."""
    for m in re.finditer(r"(?<![.\w$:])([A-Za-z_]\w*)\s*\(", masked):
        name = m.group(1).lower()
        if name in KEYWORDS:
            continue
        if name in UNSUPPORTED_FUNCS or name not in ALLOWED_FUNCS:
            raise UnsupportedQuery(f"the embedded store does not support the function {m.group(1)}()")
    return re.sub(r"\btype\s*\(", "label(", query, flags=re.I)


MAX_NESTING = 100


def prepare(query: str) -> str:
    """Check `query` (read-only, inside the subset) and rewrite it for LadybugDB; no engine involved."""
    if not query or not query.strip():
        raise QueryError("the query is empty")
    depth = deepest = 0
    for ch in mask(query):
        depth += ch in "([{"
        depth -= ch in ")]}"
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        # The engine's recursive parser overflows the stack (a segfault) at a few thousand levels.
        raise QueryError(
            f"the query nests {deepest} levels of brackets; the embedded store allows {MAX_NESTING}",
            hint="flatten the expression",
        )
    check_read_only(query)
    rewritten = unique_rels(rewrite_rels(query))
    rewritten = rewrite_funcs(rewritten, mask(rewritten))
    return rewrite_labels(rewritten, mask(rewritten))
