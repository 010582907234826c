"""Read-only Cypher for the embedded store: a LadybugDB mirror of the graph plus a guarded rewrite.

LadybugDB (an embedded Kuzu-lineage Cypher engine) runs the query on an in-memory copy of the graph,
rebuilt when the graph changed. Before it runs, the query is checked and rewritten so that it means
what it would mean on Neo4j, or is refused with `UnsupportedQuery`; it never answers differently in
silence. The supported subset is documented in docs/cypher.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from graph.errors import QueryError, QueryTimeout, UnsupportedQuery, WriteRefused
from graph.model import KIND_LABELS, RELATION_TYPES, CypherResult
from graph.stores.props import (
    EVIDENCE_COLUMNS,
    article_props,
    entity_props,
    event_props,
    relation_props,
)

if TYPE_CHECKING:
    from graph.stores.embedded import EmbeddedStore

KIND_TABLES = list(KIND_LABELS.values())
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
    """Map Neo4j labels onto LadybugDB tables: `:Entity` is the union of kind tables; names escaped."""
    out: list[str] = []
    pos = 0
    # A node pattern: '(' optional variable, then one or more ':Label'.
    for m in re.finditer(r"\(\s*([A-Za-z_]\w*)?\s*((?::\s*`?[A-Za-z_]\w*`?\s*)+)", masked):
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
        tables = kinds or others or KIND_TABLES
        out.append(query[pos : m.start(2)])
        out.append(":" + ":".join(f"`{t}`" for t in tables) + " ")
        pos = m.end(2)
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


def _rewrite_funcs(query: str, masked: str) -> str:
    for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", masked):
        name = m.group(1).lower()
        if name in UNSUPPORTED_FUNCS:
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


class CypherMirror:
    """An in-memory LadybugDB copy of an embedded store, rebuilt when the store's version changes."""

    def __init__(self) -> None:
        self._db: Any = None
        self._conn: Any = None
        self._version = -1

    def close(self) -> None:
        """Drop the mirror."""
        if self._conn is not None:
            self._conn.close()
        self._db = self._conn = None
        self._version = -1

    def run(
        self,
        store: EmbeddedStore,
        version: int,
        query: str,
        params: Mapping[str, Any],
        row_limit: int | None,
        timeout: float | None,
    ) -> CypherResult:
        """Check, rewrite and run `query`; rows as plain values, truncated at `row_limit`."""
        if not query or not query.strip():
            raise QueryError("the query is empty")
        check_read_only(query)
        rewritten = _unique_rels(_rewrite_rels(query))
        rewritten = _rewrite_funcs(rewritten, _mask(rewritten))
        rewritten = _rewrite_labels(rewritten, _mask(rewritten))
        if version != self._version:
            self._build(store)
            self._version = version
        conn = self._conn
        conn.set_query_timeout(int((timeout or 0) * 1000))
        try:
            result = conn.execute(rewritten, dict(params))
        except RuntimeError as exc:
            msg = str(exc).splitlines()[0]
            if "interrupt" in msg.lower() or "timeout" in msg.lower():
                raise QueryTimeout(f"the query ran past its time limit of {timeout} s") from exc
            if "Parameter" in msg and "not found" in msg:
                raise QueryError(f"missing parameter: {msg}", hint="pass it with --param KEY=VALUE") from exc
            raise UnsupportedQuery(f"the embedded store could not run this query: {msg}") from exc
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
        while result.has_next():
            row = result.get_next()
            if row_limit is not None and len(rows) >= row_limit:
                truncated = True
                break
            rows.append([to_plain(v) for v in row])
        return CypherResult(columns=cols, rows=rows, truncated=truncated)

    def _build(self, store: EmbeddedStore) -> None:
        import ladybug

        self.close()
        self._db = ladybug.Database(
            None, buffer_pool_size=4 * 1024**3
        )  # virtual; var-length scans over many tables need room
        conn = ladybug.Connection(self._db)
        ent_cols = (
            "id STRING, name STRING, kind STRING, aliases STRING[], name_key STRING, alias_keys STRING[], "
            "country_code STRING, titles STRING[], lat DOUBLE, lon DOUBLE, PRIMARY KEY(id)"
        )
        ev_cols = ", ".join(f"{k} {t}" for k, t in EVIDENCE_COLUMNS.items())
        for t in KIND_TABLES:
            conn.execute(f"CREATE NODE TABLE `{t}`({ent_cols})")
        conn.execute(
            "CREATE NODE TABLE Event(id STRING, type STRING, label STRING, date STRING, date_precision STRING, "
            f"killed INT64, wounded INT64, quantity INT64, {ev_cols}, PRIMARY KEY(id))"
        )
        conn.execute(
            "CREATE NODE TABLE Article(id STRING, title STRING, source STRING, url STRING, published STRING, "
            "ingested_at STRING, PRIMARY KEY(id))"
        )
        pairs = ", ".join(f"FROM `{a}` TO `{b}`" for a in KIND_TABLES for b in KIND_TABLES)
        for rtype in RELATION_TYPES:
            conn.execute(
                f"CREATE REL TABLE {rtype}({pairs}, id STRING, first_seen STRING, last_seen STRING, "
                f"titles STRING[], confidence DOUBLE, {ev_cols})"
            )
        to_kinds = ", ".join(f"FROM Event TO `{t}`" for t in KIND_TABLES)
        from_kinds = ", ".join(f"FROM `{t}` TO Event" for t in KIND_TABLES)
        conn.execute(f"CREATE REL TABLE ACTOR_IN({from_kinds})")
        conn.execute(f"CREATE REL TABLE TARGETS({to_kinds})")
        conn.execute(f"CREATE REL TABLE LOCATED_AT({to_kinds})")
        conn.execute("CREATE REL TABLE REPORTED_IN(FROM Event TO Article)")
        conn.execute(
            "CREATE REL TABLE MENTIONED_IN(" + ", ".join(f"FROM `{t}` TO Article" for t in KIND_TABLES) + ")"
        )

        label = {e.id: KIND_LABELS[e.kind] for e in store._ents.values()}
        by_table: dict[str, list[dict[str, Any]]] = {t: [] for t in KIND_TABLES}
        for e in store._ents.values():
            by_table[label[e.id]].append(_full(entity_props(e), ENTITY_KEYS))
        for t, rows in by_table.items():
            _insert_nodes(conn, f"`{t}`", rows)
        _insert_nodes(conn, "Event", [_full(event_props(e), EVENT_KEYS) for e in store._evts.values()])
        _insert_nodes(conn, "Article", [_full(article_props(a), ARTICLE_KEYS) for a in store._arts.values()])

        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for r in store._rels.values():
            key = (r.type, label[r.source], label[r.target])
            groups.setdefault(key, []).append(
                {"s": r.source, "t": r.target, "p": _full(relation_props(r), REL_KEYS)}
            )
        for (rtype, a, b), rows in groups.items():
            sets = ", ".join(f"{k}: r.p.{k}" for k in REL_KEYS)
            conn.execute(
                f"UNWIND $rows AS r MATCH (a:`{a}` {{id: r.s}}), (b:`{b}` {{id: r.t}}) CREATE (a)-[:{rtype} {{{sets}}}]->(b)",
                {"rows": rows},
            )
        links: dict[tuple[str, str, str], list[dict[str, str]]] = {}
        for ev in store._evts.values():
            for a in ev.actors:
                links.setdefault(("ACTOR_IN", label[a], "Event"), []).append({"s": a, "t": ev.id})
            for t in ev.targets:
                links.setdefault(("TARGETS", "Event", label[t]), []).append({"s": ev.id, "t": t})
            if ev.location:
                links.setdefault(("LOCATED_AT", "Event", label[ev.location]), []).append(
                    {"s": ev.id, "t": ev.location}
                )
            for art in ev.article_ids:
                if art in store._arts:
                    links.setdefault(("REPORTED_IN", "Event", "Article"), []).append({"s": ev.id, "t": art})
        for e in store._ents.values():
            for art in e.article_ids:
                if art in store._arts:
                    links.setdefault(("MENTIONED_IN", label[e.id], "Article"), []).append(
                        {"s": e.id, "t": art}
                    )
        for (rtype, a, b), rows in links.items():
            ta = a if a in ("Event", "Article") else f"`{a}`"
            tb = b if b in ("Event", "Article") else f"`{b}`"
            conn.execute(
                f"UNWIND $rows AS r MATCH (a:{ta} {{id: r.s}}), (b:{tb} {{id: r.t}}) CREATE (a)-[:{rtype}]->(b)",
                {"rows": rows},
            )
        self._conn = conn


ENTITY_KEYS = (
    "id",
    "name",
    "kind",
    "aliases",
    "name_key",
    "alias_keys",
    "country_code",
    "titles",
    "lat",
    "lon",
)
EV_KEYS = tuple(EVIDENCE_COLUMNS)
EVENT_KEYS = ("id", "type", "label", "date", "date_precision", "killed", "wounded", "quantity", *EV_KEYS)
ARTICLE_KEYS = ("id", "title", "source", "url", "published", "ingested_at")
REL_KEYS = ("id", "first_seen", "last_seen", "titles", "confidence", *EV_KEYS)


def _full(props: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: props.get(k) for k in keys}


def _insert_nodes(conn: Any, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    keys = list(rows[0])
    sets = ", ".join(f"{k}: r.{k}" for k in keys)
    for i in range(0, len(rows), 5000):
        conn.execute(f"UNWIND $rows AS r CREATE (:{table} {{{sets}}})", {"rows": rows[i : i + 5000]})
