"""Read-only user Cypher for the embedded store: a guarded rewrite, then LadybugDB on the store itself.

Before it runs, the query is checked and rewritten so that it means what it would mean on Neo4j (kind
labels become the `kind` property of the one `Entity` table), or is refused with `UnsupportedQuery`; it
never answers differently in silence. It then runs on its own connection of the process's read-only
handle, under the engine's time limit and a watchdog: no lock is shared with other queries. The
supported subset is documented in docs/cypher.md.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from graph.errors import QueryError, QueryTimeout, UnsupportedQuery, WriteRefused
from graph.model import KIND_LABELS, RELATION_TYPES
from graph.results import CypherResult

KIND_TABLES = list(KIND_LABELS.values())
KIND_OF_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
NODE_LABELS = {*KIND_TABLES, "Entity", "Event", "Article"}
LINK_TYPES = ("ACTOR_IN", "TARGETS", "LOCATED_AT", "REPORTED_IN", "MENTIONED_IN")
REL_TYPES = {*RELATION_TYPES, *LINK_TYPES}

WRITE_WORDS = {
    "CREATE",
    "MERGE",
    "SET",
    "DELETE",
    "DETACH",
    "REMOVE",
    "DROP",
    "ALTER",
    "COPY",
    "LOAD",
    "FOREACH",
}
UNSUPPORTED_WORDS = {
    "CALL": "procedure calls",
    "INSTALL": "extensions",
    "ATTACH": "attaching databases",
    "USE": "switching databases",
    "IMPORT": "imports",
    "EXPORT": "exports",
    "BEGIN": "explicit transactions",
    "COMMIT": "explicit transactions",
    "ROLLBACK": "explicit transactions",
    "CHECKPOINT": "checkpoints",
    "UNION": "UNION",
}
# Functions whose meaning differs between LadybugDB and Neo4j (1-based substrings, internal ids, ...).
UNSUPPORTED_FUNCS = {
    "substring",
    "left",
    "right",
    "id",
    "elementid",
    "labels",
    "shortestpath",
    "allshortestpaths",
    "keys",
    "properties",
    "startnode",
    "endnode",
    "nodes",
    "relationships",
    "range",
    "split",
    "reverse",
    "tostring",
}

_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_CLAUSE = re.compile(r"\b(OPTIONAL\s+MATCH|MATCH|WHERE|WITH|RETURN|UNWIND|ORDER\s+BY|SKIP|LIMIT)\b", re.I)


def _mask(query: str) -> str:
    """The query with string literals, escaped names and comments blanked (same length)."""

    def blank(m: re.Match[str]) -> str:
        s = m.group(0)
        if s.startswith(("//", "/*")):
            return " " * len(s)
        return s[0] + "_" * (len(s) - 2) + s[-1]

    return _STRING.sub(blank, query)


def check_read_only(query: str) -> None:
    """Raise `WriteRefused` for writing clauses and `UnsupportedQuery` for clauses outside the subset."""
    masked = _mask(query)
    words = {w.upper() for w in re.findall(r"[A-Za-z_]+", masked)}
    # Property keys and variables are words too; only clause positions matter, so look for the keyword
    # followed by something other than ':' / '.' (a property access or a map key).
    for word in sorted(WRITE_WORDS & words):
        if re.search(rf"(?<![.\w$]){word}\b(?!\s*:)", masked, re.I):
            raise WriteRefused()
    for word, what in UNSUPPORTED_WORDS.items():
        if word in words and re.search(rf"(?<![.\w$]){word}\b(?!\s*:)", masked, re.I):
            raise UnsupportedQuery(f"the embedded store does not run {what} ({word})")


def _rewrite_labels(query: str, masked: str) -> str:
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


def _rel_segments(masked: str) -> list[re.Match[str]]:
    return list(re.finditer(r"-\s*\[([^\]]*)\]\s*-|<?--|--?>", masked))


def _rewrite_rels(query: str) -> str:
    """Check relationship types, require bounds on variable length, and give it Neo4j's trail semantics."""
    masked = _mask(query)
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


def _unique_rels(query: str) -> str:
    """Neo4j never uses one relationship twice in a MATCH; add that condition for multi-hop patterns."""
    masked = _mask(query)
    clauses = list(_CLAUSE.finditer(masked))
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


# Functions that mean the same on both engines; any other is refused rather than answered differently
# (or, like LadybugDB's repeat(), used to build a value no time limit can interrupt).
ALLOWED_FUNCS = {
    "count", "collect", "sum", "avg", "min", "max", "stdev", "size", "length", "coalesce", "tolower",
    "toupper", "type", "trim", "ltrim", "rtrim", "abs", "ceil", "floor", "round", "sign", "sqrt",
    "tointeger", "tofloat", "toboolean", "head", "last", "any", "all", "none", "single", "exists",
}  # fmt: skip
KEYWORDS = {
    "match", "optional", "where", "with", "return", "unwind", "and", "or", "xor", "not", "in", "as",
    "distinct", "case", "when", "then", "else", "end", "by", "order", "skip", "limit", "is", "null",
    "contains", "starts", "ends", "asc", "desc", "ascending", "descending",
}  # fmt: skip


def _rewrite_funcs(query: str, masked: str) -> str:
    for m in re.finditer(r"(?<![.\w$:])([A-Za-z_]\w*)\s*\(", masked):
        name = m.group(1).lower()
        if name in KEYWORDS:
            continue
        if name in UNSUPPORTED_FUNCS or name not in ALLOWED_FUNCS:
            raise UnsupportedQuery(f"the embedded store does not support the function {m.group(1)}()")
    return re.sub(r"\btype\s*\(", "label(", query, flags=re.I)


def return_columns(query: str) -> list[str] | None:
    """Column names as Neo4j gives them: the alias, else the expression text of each RETURN item."""
    masked = _mask(query)
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


MAX_NESTING = 100


def prepare(query: str) -> str:
    """Check `query` (read-only, inside the subset) and rewrite it for LadybugDB; no engine involved."""
    if not query or not query.strip():
        raise QueryError("the query is empty")
    depth = deepest = 0
    for ch in _mask(query):
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
    rewritten = _unique_rels(_rewrite_rels(query))
    rewritten = _rewrite_funcs(rewritten, _mask(rewritten))
    return _rewrite_labels(rewritten, _mask(rewritten))


def _engine_error(exc: RuntimeError, timeout: float) -> QueryError:
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    low = msg.lower()
    if "interrupt" in low or "timeout" in low:
        return QueryTimeout(f"the query ran past its time limit of {timeout:g} s")
    if "buffer" in low or "memory" in low:
        return QueryError(
            f"the query needs more memory than the embedded store allows: {msg}",
            hint="narrow the pattern or aggregate earlier; KG_EMBEDDED_MEMORY_MB sets the limit",
        )
    if "Parameter" in msg and "not found" in msg:
        return QueryError(f"missing parameter: {msg}", hint="pass it with --param KEY=VALUE")
    return UnsupportedQuery(f"the embedded store could not run this query: {msg}")


def run_prepared(
    conn: Any,
    rewritten: str,
    query: str,
    params: Mapping[str, Any],
    row_limit: int | None,
    timeout: float | None,
) -> CypherResult:
    """Run a prepared query on its own connection: engine time limit, plus a watchdog that interrupts.

    The engine checks its clock between chunks of work; the watchdog interrupts the connection from
    outside as well, so a query gets its time limit and a little more, never unbounded time.
    """
    missing = sorted(set(re.findall(r"\$([A-Za-z_]\w*)", _mask(query))) - set(params))
    if missing:
        # LadybugDB would read a missing parameter as null; Neo4j refuses the query. Refuse too.
        raise QueryError(
            f"missing parameter: ${missing[0]}", hint="pass it with --param KEY=VALUE or in `params`"
        )
    if timeout is None or timeout <= 0:
        from graph.settings import get_settings

        timeout = get_settings().query_timeout
    conn.set_query_timeout(max(1, int(timeout * 1000)))
    watchdog = threading.Timer(timeout + 0.5, conn.interrupt)
    watchdog.daemon = True
    watchdog.start()
    try:
        try:
            result = conn.execute(rewritten, dict(params))
        except RuntimeError as exc:
            raise _engine_error(exc, timeout) from exc
        except (ValueError, TypeError, OverflowError, IndexError, KeyError) as exc:
            # LadybugDB converts parameters in Python and raises plain errors for values it cannot bind.
            raise QueryError(
                f"the query's parameters cannot be used: {exc}", hint="check --param values and types"
            ) from exc
        names = list(result.get_column_names())
        cols = return_columns(query)
        if cols is None or len(cols) != len(names):
            cols = names
        rows: list[list[Any]] = []
        truncated = False
        try:
            while result.has_next():
                row = result.get_next()
                if row_limit is not None and len(rows) >= row_limit:
                    truncated = True
                    break
                rows.append([to_plain(v) for v in row])
        except RuntimeError as exc:
            raise _engine_error(exc, timeout) from exc
        return CypherResult(columns=cols, rows=rows, truncated=truncated)
    finally:
        watchdog.cancel()
