"""Anniversary pieces: a report that retells a day long past ("On this day in 1986, ...", "Twenty years
after the start of the air strikes, ..."). Its news is the old day, not the day of publication: undated
mentions take the old day, and the old day a sentence states is the story's day, not background.
"""

from __future__ import annotations

import re

from loaders.dates import THIS_DAY  # "On this day in 1986": the page's month and day, that year
from loaders.events.lexicon import ANNIVERSARY_YEARS

# "Twenty years after", "30 years ago", "fifty years on", "25 years since"
YEARS_BACK = re.compile(
    rf"\b(?P<n>{'|'.join(sorted(ANNIVERSARY_YEARS, key=len, reverse=True))}|\d{{2,3}})[- ]years?"
    r"\s+(?:after|ago|on|since)\b",
    re.I,
)
# how much of the text's start may open the retelling (a byline, a headline and the first paragraph)
OPENING = 700


def anniversary_day(text: str, published: str | None) -> str | None:
    """The old day an anniversary piece retells, from its opening: "on this day in YEAR" with the page's
    month and day."""
    m = THIS_DAY.search(text[:OPENING])
    if m is None or published is None or len(published) < len("2000-01-01"):
        return None
    return f"{m['year']}{published[4:10]}"


def years_back(text: str, published: str | None) -> int | None:
    """The count of years an anniversary piece opens with ("Twenty years after ..."): ten or more, since
    "two years after the war began" opens ordinary news."""
    m = YEARS_BACK.search(text[:OPENING])
    if m is None or published is None:
        return None
    n = m["n"].lower()
    years = ANNIVERSARY_YEARS.get(n) or (int(n) if n.isdigit() else 0)
    return years if years >= 10 else None


def retold_day(stated: str, published: str | None, years: int | None) -> bool:
    """A full day stated in an anniversary piece is the story's when its year lies the opening's count of
    years (give or take one) before the page's."""
    if years is None or published is None or len(stated) < len("2000-01-01"):
        return False
    return abs(int(published[:4]) - int(stated[:4]) - years) <= 1


def on_this_day(date: str | None, text: str, old_day: str | None) -> str | None:
    """ "On this day in 1986, X struck Y": the year the sentence states is the old day itself."""
    if old_day is None or date != old_day[:4] or THIS_DAY.search(text) is None:
        return None
    return old_day
