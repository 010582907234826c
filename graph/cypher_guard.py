"""The gate every user Cypher query passes before any engine sees it (both stores).

User Cypher (`kg query`, `POST /api/v1/cypher`, `GraphStore.cypher`) may only read the graph. A regex
cannot tell a keyword from the same word in a string, a comment or a backtick name, so the query is
lexed first (graph/cypher_lexer.py: strings with escapes, backtick names, comments, parameters, words,
numbers, brackets), then checked on the tokens:

1. size limits before anything else: characters, then (while lexing) tokens and nesting depth (a deep
   query crashed the embedded engine and took Neo4j's parser tens of seconds);
2. outside strings, backtick names and comments only printable ASCII: no Unicode whitespace, format
   characters or backslash escapes that an engine might read differently from this lexer;
3. a clause-level parse: the statement, and each part of a `UNION`, is a sequence of reading clauses
   (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT) ending in RETURN;
4. words that start a writing or dangerous clause are refused wherever they stand as a keyword, so a
   subquery cannot hide them (`CALL { ... }`, `EXISTS { ... }`, `FOREACH`);
5. every `$parameter` the query uses must be given, and parameter values must be plain JSON with
   integers inside 64 bits and bounded nesting.

The decisions and the threat model are in docs/security.md.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from graph.cypher_lexer import MAX_DEPTH, Token, tokenize
from graph.errors import QueryError, QueryRefused, WriteRefused

__all__ = ["MAX_DEPTH", "MAX_QUERY_CHARS", "check_params", "check_query", "tokenize"]

MAX_QUERY_CHARS = 10_000
MAX_PARAM_BYTES = 1_000_000
INT64 = 2**63

WRITE_WORDS = frozenset(
    {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH", "INSERT"}
)
# Words that start a clause outside the reading subset, with what they would do.
REFUSED_WORDS = {
    "LOAD": "LOAD CSV reads files and URLs",
    "CALL": "CALL runs procedures and subqueries",
    "SHOW": "SHOW lists transactions, users and settings",
    "TERMINATE": "TERMINATE kills other clients' transactions",
    "USE": "USE switches databases",
    "FINISH": "FINISH is not in the reading subset",
}
STATEMENT_STARTS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN"})
# Statement prefixes and administration commands, refused only where a statement starts (elsewhere the
# same words may be variable names).
ADMIN_WORDS = frozenset(
    {
        "EXPLAIN",
        "PROFILE",
        "CYPHER",
        "DROP",
        "ALTER",
        "GRANT",
        "DENY",
        "REVOKE",
        "START",
        "STOP",
        "ENABLE",
        "RENAME",
        "BEGIN",
        "COMMIT",
        "ROLLBACK",
        "DEALLOCATE",
        "REALLOCATE",
        "DRYRUN",
    }
)


def _is_keyword(tokens: list[Token], k: int) -> bool:
    """A word in keyword position: not a property key (`n.set`), label (`:Show`) or map key (`{set: 1}`)."""
    prev = tokens[k - 1].text if k > 0 else ""
    nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return prev not in (".", ":") and nxt != ":"


def _int_literal(text: str) -> int | None:
    digits = text.replace("_", "")
    try:
        if digits[:2] in ("0x", "0X"):
            return int(digits[2:], 16)
        if digits[:2] == "0o":
            return int(digits[2:], 8)
        return int(digits) if digits.isdigit() else None
    except ValueError:
        return None


def _check_words(tokens: list[Token]) -> None:
    for k, tok in enumerate(tokens):
        value = _int_literal(tok.text) if tok.kind == "number" else None
        if value is not None and value > INT64:  # 2**63 itself is allowed as `-9223372036854775808`
            raise QueryError(
                f"the integer {tok.text[:30]} at offset {tok.pos} is outside the 64-bit range",
                hint="Cypher integers are 64-bit",
            )
        if tok.kind != "word" or not _is_keyword(tokens, k):
            continue
        word = tok.text.upper()
        if word in WRITE_WORDS:
            raise WriteRefused(
                f"this Cypher entry point is read-only; {word} at offset {tok.pos} would write"
            )
        if word in REFUSED_WORDS:
            raise QueryRefused(f"{word} at offset {tok.pos} is refused: {REFUSED_WORDS[word]}")


def _check_clauses(tokens: list[Token]) -> None:
    """Each UNION part starts with a reading clause and returns rows; no second statement."""
    parts: list[list[Token]] = [[]]
    for k, tok in enumerate(tokens):
        if tok.depth == 0 and tok.kind == "punct" and tok.text == ";":
            if k != len(tokens) - 1:
                raise QueryRefused("one statement per query: text after `;` is refused")
            continue
        if tok.depth == 0 and tok.kind == "word" and tok.text.upper() == "UNION":
            parts.append([])
            continue
        parts[-1].append(tok)
    for part in parts:
        if part and part[0].kind == "word" and part[0].text.upper() == "ALL" and len(parts) > 1:
            part = part[1:]
        if not part:
            raise QueryError("an empty query (or UNION part)")
        first = part[0]
        word = first.text.upper() if first.kind == "word" else ""
        if word in ADMIN_WORDS:
            raise QueryRefused(
                f"{word} at offset {first.pos} is refused: only reading queries run here "
                "(MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN)"
            )
        if word not in STATEMENT_STARTS:
            raise QueryRefused(
                f"the query starts with {first.text[:40]!r}; a reading query starts with MATCH, "
                "OPTIONAL MATCH, WITH, UNWIND or RETURN"
            )
        top = [t.text.upper() for t in part if t.depth == 0 and t.kind == "word"]
        if "RETURN" not in top:
            raise QueryError("a reading query ends with RETURN", hint="add RETURN with the columns you want")


def _check_value(name: str, value: Any, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise QueryError(f"parameter ${name} nests deeper than {MAX_DEPTH} levels")
    if isinstance(value, bool) or value is None or isinstance(value, str):
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise QueryError(f"parameter ${name} is not valid Unicode (a lone surrogate)") from exc
        return
    if isinstance(value, int):
        if not -INT64 <= value < INT64:
            raise QueryError(
                f"parameter ${name} is outside the 64-bit integer range",
                hint="Cypher integers are 64-bit; pass a float or a string",
            )
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise QueryError(f"parameter ${name} is not a finite number")
        return
    if isinstance(value, list | tuple):
        for v in value:
            _check_value(name, v, depth + 1)
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise QueryError(f"parameter ${name} has a map key that is not a string")
            _check_value(name, v, depth + 1)
        return
    raise QueryError(f"parameter ${name} has a type Cypher cannot take ({type(value).__name__})")


def check_params(used: set[str], params: Mapping[str, Any]) -> None:
    """Every used parameter is given; values are plain JSON within 64-bit integers and bounded size."""
    missing = sorted(used - set(params))
    if missing:
        raise QueryError(
            f"missing parameter(s): {', '.join('$' + m for m in missing)}",
            hint="pass them with --param KEY=VALUE or in the request's `params`",
            missing=missing,
        )
    for name, value in params.items():
        _check_value(name, value)
    try:
        size = len(json.dumps(dict(params), default=str))
    except (TypeError, ValueError, RecursionError) as exc:
        raise QueryError(f"the parameters cannot be read: {exc}") from exc
    if size > MAX_PARAM_BYTES:
        raise QueryError(f"the parameters are {size:,} bytes, above the limit of {MAX_PARAM_BYTES:,}")


def check_query(query: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Refuse anything but a bounded reading query with all its parameters; return the parameters."""
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(query):,} characters, above the limit of {MAX_QUERY_CHARS:,}",
            hint="pass large values as parameters",
            limit=MAX_QUERY_CHARS,
        )
    try:
        query.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise QueryError("the query is not valid Unicode (a lone surrogate)") from exc
    tokens = tokenize(query)
    if not tokens:
        raise QueryError("the query is empty (only comments)")
    _check_words(tokens)
    _check_clauses(tokens)
    given = dict(params or {})
    check_params({t.text for t in tokens if t.kind == "param"}, given)
    return given
