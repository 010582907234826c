"""The read-only guard of the embedded store's user Cypher: which words, labels, types and functions a query
may use. A query that writes is refused with `WriteRefused`, one outside the subset with `UnsupportedQuery`
(docs/cypher.md): it never answers differently from Neo4j in silence.
"""

from __future__ import annotations

import re

from graph.errors import UnsupportedQuery, WriteRefused
from graph.model import KIND_LABELS, RELATION_TYPES

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


STRING_OR_COMMENT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
CLAUSE = re.compile(r"\b(OPTIONAL\s+MATCH|MATCH|WHERE|WITH|RETURN|UNWIND|ORDER\s+BY|SKIP|LIMIT)\b", re.I)


def mask(query: str) -> str:
    """The query with string literals, escaped names and comments blanked (same length)."""

    def blank(m: re.Match[str]) -> str:
        s = m.group(0)
        if s.startswith(("//", "/*")):
            return " " * len(s)
        return s[0] + "_" * (len(s) - 2) + s[-1]

    return STRING_OR_COMMENT.sub(blank, query)


def check_read_only(query: str) -> None:
    """Raise `WriteRefused` for writing clauses and `UnsupportedQuery` for clauses outside the subset."""
    masked = mask(query)
    words = {w.upper() for w in re.findall(r"[A-Za-z_]+", masked)}
    # Property keys and variables are words too; only clause positions matter, so look for the keyword
    # followed by something other than ':' / '.' (a property access or a map key).
    for word in sorted(WRITE_WORDS & words):
        if re.search(rf"(?<![.\w$]){word}\b(?!\s*:)", masked, re.I):
            raise WriteRefused()
    for word, what in UNSUPPORTED_WORDS.items():
        if word in words and re.search(rf"(?<![.\w$]){word}\b(?!\s*:)", masked, re.I):
            raise UnsupportedQuery(f"the embedded store does not run {what} ({word})")
