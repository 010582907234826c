"""The story's running day: a stated day near the report carries on to the sentences after it, until a
new paragraph or a date long before the report (background) breaks the thread.
"""

from __future__ import annotations

from spacy.tokens import Span

from loaders.dates import parse_iso


def narrative_date(stated: str | None, published: str | None) -> str | None:
    """A stated date that later sentences continue from: a day near the report ("on Wednesday ...
    Within minutes, X said"). A year or a day long before it is background ("besieged in 2012", "the
    war that began in March 2011"): what follows is news again, dated by the report."""
    if stated is None or len(stated) < len("2000-01-01"):
        return None
    return stated if days_apart(stated, published) <= 31 else None


def days_apart(day: str, published: str | None) -> int:
    """Days between a stated day and the report's (0 when the report has no date)."""
    a, b = parse_iso(day), parse_iso(published)
    return abs((b - a).days) if a is not None and b is not None else 0


# Tokens a paragraph's leftover may put before a blank line inside a sentence: the closing quote of the
# paragraph before ('"\n\nThe leaders said ...', the parser ran the two together).
LEFTOVER = 2


def new_paragraph(sent: Span) -> bool:
    """The sentence starts a paragraph (a blank line before it or at its start, or after a closing
    quote or bracket of the paragraph before that the parser ran into it)."""
    prev = sent.doc[sent.start - 1] if sent.start > 0 else None
    if sent[0].is_space or (prev is not None and "\n" in prev.text + prev.whitespace_):
        return True
    head = sent[: LEFTOVER + 1]
    return any(
        "\n\n" in t.text + t.whitespace_
        and all(u.is_punct or u.is_space for u in head[: t.i - sent.start + 1])
        for t in head
    )
