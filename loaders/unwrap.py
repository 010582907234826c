"""Undo hard wrapping: wire copy and e-mailed text break every line at a fixed width.

Text copied off a web page has one paragraph per line. Wire copy, mailing-list and terminal text
("plain text, 70 columns") instead breaks each paragraph into lines of about the same width, often
with no blank line between paragraphs. Read line by line, every such line looked like a paragraph of
its own, and a short one ("Donetsk,") like a headline, so no sentence of the article was whole.

The decision is made for the whole text, from the shape of its lines, never from words: a text is
hard-wrapped when its lines are narrow (nine in ten at most `MAX_WIDTH` characters), there are enough
of them, and most lines that run on into another line stop without closing punctuation while being
long (a menu of short labels is not prose). In such a text a line joins the next one unless it
closes a paragraph: a blank line follows, it ends a sentence short of the width (the last line of a
paragraph), or it is short and unpunctuated (a headline, a byline or a label). A sentence that ends
a full line may end a paragraph or not; joining it to the next one costs nothing, since spaCy splits
the sentences again.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from statistics import median

MAX_WIDTH = 110  # hard wrapping is at 60-80 columns; a paragraph per line is much longer
MIN_LINES = 6  # fewer lines say too little about their shape
CLOSERS = (".", "?", "!", '"', "”", "'", "’", ":", ")")
LAST_LINE = 0.75  # a sentence ending before this share of the width closes its paragraph
LABEL = 0.5  # an unpunctuated line shorter than this share of the width stands alone


def is_hard_wrapped(lines: list[str]) -> bool:
    """Whether `lines` (the text's lines, blank ones included) were broken at a fixed width."""
    filled = [ln.strip() for ln in lines if ln.strip()]
    if len(filled) < MIN_LINES:
        return False
    lengths = sorted(len(ln) for ln in filled)
    if lengths[int(0.9 * (len(lengths) - 1))] > MAX_WIDTH:
        return False
    runs_on = [
        ln.strip()
        for ln, nxt in pairwise(lines)
        if ln.strip() and nxt.strip() and not ln.strip().endswith(CLOSERS)
    ]
    # Most lines run on into the next one, and they are prose lines, not menu labels.
    return len(runs_on) >= len(filled) // 2 and median(len(ln) for ln in runs_on) >= 40


def logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """The lines of `text` with a hard-wrapped text's paragraphs joined, each with its offset in `text`."""
    physical: list[tuple[str, int]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        physical.append((raw.rstrip("\r\n"), offset))
        offset += len(raw)
    if not is_hard_wrapped([ln for ln, _ in physical]):
        yield from physical
        return
    width = max(len(ln.strip()) for ln, _ in physical)
    parts: list[str] = []
    start = 0
    for i, (raw, at) in enumerate(physical):
        line = raw.strip()
        if not line:
            continue
        if not parts:
            start = at
        parts.append(line)
        nxt = physical[i + 1][0].strip() if i + 1 < len(physical) else ""
        if not nxt or closes_paragraph(line, nxt, width):
            yield join(parts), start
            parts = []
    if parts:
        yield join(parts), start


def join(parts: list[str]) -> str:
    """One paragraph from its lines; a word broken after its hyphen ("pro-" / "Russian") is rejoined."""
    out = parts[0]
    for part in parts[1:]:
        glue = "" if broken_word(out) else " "
        out += glue + part
    return out


def closes_paragraph(line: str, nxt: str, width: int) -> bool:
    """Whether `line` ends its paragraph although `nxt` follows it without a blank line.

    A sentence closes a paragraph when it stops well short of the width, or when the next line's first
    word would have fitted after it (the writer broke the line, not the wrapping); an unpunctuated line
    does only when it is short (a headline or a byline: the first line of a dateline story can be
    short too, so the fit test would cut it off its sentence).
    """
    if broken_word(line):
        return False
    word = nxt.split()[0]
    fits = len(line) + 1 + len(word) <= width
    if line.endswith(CLOSERS):
        return len(line) < LAST_LINE * width or fits
    return len(line) < LABEL * width or (fits and word[0].isupper())


def broken_word(line: str) -> bool:
    """A line ending inside a hyphenated word ("pro-"), not with a dash (" -")."""
    return len(line) > 1 and line.endswith("-") and line[-2].isalpha()
