"""The lexer of user Cypher (graph/cypher_guard.py): tokens that know where a keyword really stands.

Strings with escapes, `backtick` names (doubled backticks), `//` and `/* */` comments (dropped),
`$params`, words, numbers and brackets. While lexing it enforces the token count and the nesting depth,
where brackets and prefix operators (`NOT`, unary `-`/`+`) both count: deep nesting is what made the
engines' parsers crash or take tens of seconds (docs/security.md). Outside strings, names and comments
only printable ASCII is accepted, so no engine can read a keyword this lexer did not see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.errors import QueryError

MAX_TOKENS = 1_000
MAX_DEPTH = 64

_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_ASCII_SPACE = " \t\n\r\f"
# After these an operand is expected, so a `-` or `+` there is a prefix (unary) operator.
_OPERAND_AFTER = frozenset("([{,=>+*/%^:")
_OPERAND_AFTER_WORDS = frozenset(
    {"RETURN", "WHERE", "AND", "OR", "XOR", "NOT", "WITH", "IN", "THEN", "ELSE", "WHEN", "CASE", "UNWIND"}
    | {"SKIP", "LIMIT", "BY", "CONTAINS", "STARTS", "ENDS"}
)
# A number ends where a letter that cannot belong to it starts, so `1SET` lexes as `1`, `SET`.
_NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class Token:
    """One lexical token: `kind` is word, string, name (backticked), param, number, punct."""

    kind: str
    text: str
    pos: int
    depth: int


def _refuse_char(query: str, i: int) -> QueryError:
    ch = query[i]
    what = "a backslash" if ch == "\\" else f"the character U+{ord(ch):04X}"
    return QueryError(
        f"{what} at offset {i} is not allowed outside strings and `backtick` names",
        hint="write keywords and names in ASCII; quote other names with backticks",
        offset=i,
    )


def _end_of_string(query: str, i: int) -> int:
    quote, j, n = query[i], i + 1, len(query)
    while j < n:
        if query[j] == "\\":
            j += 2
            continue
        if query[j] == quote:
            return j + 1
        j += 1
    raise QueryError(f"the string starting at offset {i} is not closed", offset=i)


def _end_of_backticks(query: str, i: int) -> int:
    j, n = i + 1, len(query)
    while j < n:
        if query[j] == "`":
            if j + 1 < n and query[j + 1] == "`":  # a doubled backtick is an escaped one
                j += 2
                continue
            return j + 1
        j += 1
    raise QueryError(f"the `name` starting at offset {i} is not closed", offset=i)


def tokenize(query: str) -> list[Token]:
    """Lex `query` (comments dropped); refuses unclosed strings, comments and brackets, and depth."""
    tokens: list[Token] = []
    stack: list[str] = []
    prefixes = [0]  # prefix operators seen per open bracket level (index 0: outside any bracket)
    last_prefix = -1  # offset of the last token counted as a prefix operator
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        start = i
        if ch in _ASCII_SPACE:
            i += 1
        elif query.startswith("//", i):
            j = query.find("\n", i)
            i = n if j < 0 else j + 1
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            if j < 0:
                raise QueryError(f"the comment starting at offset {i} is not closed", offset=i)
            i = j + 2
        elif ch in "'\"":
            j = _end_of_string(query, i)
            tokens.append(Token("string", query[i:j], i, len(stack)))
            i = j
        elif ch == "`":
            j = _end_of_backticks(query, i)
            tokens.append(Token("name", query[i:j], i, len(stack)))
            i = j
        elif ch == "$":
            j = i + 1
            if j < n and query[j] == "`":
                k = _end_of_backticks(query, j)
                name = query[j + 1 : k - 1].replace("``", "`")
            else:
                k = j
                while k < n and (query[k].isascii() and (query[k].isalnum() or query[k] == "_")):
                    k += 1
                name = query[j:k]
            if not name:
                raise QueryError(f"a `$` without a parameter name at offset {i}", offset=i)
            tokens.append(Token("param", name, i, len(stack)))
            i = k
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            j = i + 1
            while j < n and query[j].isascii() and (query[j].isalnum() or query[j] == "_"):
                j += 1
            tokens.append(Token("word", query[i:j], i, len(stack)))
            i = j
        elif ch.isascii() and ch.isdigit():
            m = _NUMBER.match(query, i)
            j = m.end() if m else i + 1
            tokens.append(Token("number", query[i:j], i, len(stack)))
            i = j
        elif ch in _OPEN:
            stack.append(ch)
            prefixes.append(0)
            _check_depth(len(stack) + sum(prefixes), i)
            tokens.append(Token("punct", ch, i, len(stack) - 1))
            i += 1
        elif ch in _CLOSE:
            if not stack or stack[-1] != _CLOSE[ch]:
                raise QueryError(f"the bracket {ch!r} at offset {i} does not close anything", offset=i)
            stack.pop()
            prefixes.pop()
            tokens.append(Token("punct", ch, i, len(stack)))
            i += 1
        elif ch.isascii() and ch.isprintable() and ch != "\\":
            tokens.append(Token("punct", ch, i, len(stack)))
            i += 1
        else:
            raise _refuse_char(query, i)
        if len(tokens) > MAX_TOKENS:
            raise QueryError(
                f"the query has more than {MAX_TOKENS:,} tokens",
                hint="pass long lists as parameters: UNWIND $items AS x",
                limit=MAX_TOKENS,
            )
        if tokens and tokens[-1].pos >= start and _is_prefix_operator(tokens, last_prefix):
            # `NOT NOT ... x` and `- - ... 1` nest like brackets in a parser: count them as depth.
            last_prefix = tokens[-1].pos
            prefixes[-1] += 1
            _check_depth(len(stack) + sum(prefixes), tokens[-1].pos)
    if stack:
        raise QueryError(f"the bracket {stack[-1]!r} is not closed")
    return tokens


def _check_depth(depth: int, offset: int) -> None:
    if depth > MAX_DEPTH:
        raise QueryError(
            f"the query nests deeper than {MAX_DEPTH} levels (brackets and prefix operators, offset {offset})",
            hint="flatten the expression; deep nesting is refused before any engine parses it",
            limit=MAX_DEPTH,
        )


def _is_prefix_operator(tokens: list[Token], last_prefix: int) -> bool:
    """The last token is `NOT`, or a `-`/`+` where an operand is expected (not `IS NOT`, not an arrow)."""
    tok = tokens[-1]
    prev = tokens[-2] if len(tokens) > 1 else None
    if tok.kind == "word" and tok.text.upper() == "NOT":
        return not (prev is not None and prev.kind == "word" and prev.text.upper() == "IS")
    if tok.kind != "punct" or tok.text not in "-+":
        return False
    if prev is None:
        return True
    if prev.kind == "punct":
        return prev.text in _OPERAND_AFTER or (prev.text in "-+" and prev.pos == last_prefix)
    return prev.kind == "word" and prev.text.upper() in _OPERAND_AFTER_WORDS
