"""Resolve the date an event happened from news phrasing, against the publication date.

"on Friday", "early on Tuesday", "Tuesday's attack" (the most recent such weekday on or before
publication), "yesterday", "a day after", "last week/month", "N days/weeks/months ago", "at the weekend", "on 4 April",
"April 4, 2017", "in March", "on this day in 1986" (the publication's day, that year).
Explicit calendar dates go through dateparser; weekday arithmetic is done here because news uses a
weekday to mean the latest one before the report, which generic parsers do not assume.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Names from `calendar` (English: the process never changes LC_TIME).
WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9

_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]{2,8})\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_MONTH_YEAR = re.compile(
    r"\b(?i:in|since|during|by|of|until)\s+(?:early\s+|late\s+|mid-)?([A-Z][a-z]{2,8})(?:\s+(\d{4}))?\b"
)
# a sentence may open with its date ("In March 2014, ..."), so the preposition's case is free
_YEAR = re.compile(r"\b(?i:in)\s+((?:19|20)\d{2})\b")
# "On this day in 1986" (anniversary pages): the publication's month and day, in that year
THIS_DAY = re.compile(r"\bon this (?:day|date) in (?P<year>1[89]\d\d|20\d\d)\b", re.I)
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)
_RELATIVE = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "overnight": 0,
    "last night": -1,
    "a day earlier": -1,
    "the day before": -1,
    "a day before": -1,
}
# Small counts written out (dates, lapses and casualty counts read them); vague quantities ("dozens")
# are no number.
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# compiled once (resolve_date runs for every sentence and event mention), tried in the order above
_RELATIVE_RX = [(re.compile(rf"\b{phrase}\b"), delta) for phrase, delta in _RELATIVE.items()]
_WEEK = re.compile(r"\b(last|this|earlier this|past) week\b")
_COUNT = rf"(?P<n>an?|{'|'.join(NUMBER_WORDS)}|\d{{1,2}})"
_COUNTS = {"a": 1, "an": 1} | NUMBER_WORDS
# "three days ago" is a day; "two weeks ago", "a month ago" are a week or a month back, not a day of it
_AGO = re.compile(rf"\b{_COUNT} (?P<unit>day|week|month)s? ago\b")
# the weekend just past ("last weekend", "at the weekend"), a day the GUIDE calls ambiguous: the month
# (or year) that holds both its days, never one day of them
_WEEKEND = re.compile(r"\b(?:last|this|past|the) weekend\b")
_LAST_MONTH = re.compile(r"\blast month\b")
_THIS_MONTH = re.compile(r"\bthis month\b")
_LAST_YEAR = re.compile(r"\blast year\b")
# What every phrase above needs somewhere in the text: a digit (calendar dates, years), a capitalised
# month name or abbreviation ("in March"), or a time word (weekdays, "today", "overnight", "last week",
# "this morning", "two days ago" ...). Most sentences have none, and one search rejects them instead of
# the twenty above (resolve_date runs for every sentence and event mention).
_ANY_DATE = re.compile(
    rf"\d|{'|'.join(sorted({m[:3].title() for m in MONTHS}))}|(?i:day|night|morning|afternoon|evening|week|month|year)"
)


def parse_iso(value: str | None) -> date | None:
    """A YYYY-MM-DD string as a date, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def last_weekday(name: str, ref: date) -> date:
    """The latest `name`-day on or before `ref`."""
    back = (ref.weekday() - WEEKDAYS.index(name.lower())) % 7
    return ref - timedelta(days=back)


def _calendar(day: int, month: int, year: int | None, ref: date | None) -> str | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        if ref is None:
            return None
        year = ref.year
        try:
            if date(year, month, day) > ref + timedelta(days=1):
                year -= 1  # "on 28 December" read in January is last year's
        except ValueError:
            return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve_date(text: str, published: str | None) -> str | None:
    """The most specific date the phrase states, resolved against `published`; None if it states none."""
    if not _ANY_DATE.search(text):
        return None
    ref = parse_iso(published)
    anniversary = THIS_DAY.search(text) if ref is not None else None
    if anniversary and ref is not None:
        try:
            return ref.replace(year=int(anniversary.group(1))).isoformat()
        except ValueError:  # 29 February in a year without one
            return anniversary.group(1)
    for rx, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        for m in rx.finditer(text):
            d, mon = (m.group(1), m.group(2)) if order == "dm" else (m.group(2), m.group(1))
            month = MONTHS.get(mon.lower())
            if month:
                year = int(m.group(3)) if m.group(3) else None
                found = _calendar(int(d), month, year, ref)
                if found:
                    return found
    low = text.lower()
    if ref is not None:
        wd = _WEEKDAY.search(text)
        if wd:
            day = last_weekday(wd.group(1), ref)
            if re.search(rf"\blast\s+{wd.group(1).lower()}", low) and day == ref:
                day -= timedelta(days=7)
            return day.isoformat()
        for rx, delta in _RELATIVE_RX:
            if rx.search(low):
                return (ref + timedelta(days=delta)).isoformat()
        ago = _AGO.search(low)
        if ago:
            n = _COUNTS.get(ago.group("n")) or int(ago.group("n"))
            unit = ago.group("unit")
            if unit == "day":
                return (ref - timedelta(days=n)).isoformat()
            if unit == "week":
                monday = ref - timedelta(days=ref.weekday() + 7 * n)
                return week_range(monday, monday + timedelta(days=6))
            back = ref.replace(day=1)
            for _ in range(n):
                back = (back - timedelta(days=1)).replace(day=1)
            return back.strftime("%Y-%m")
        if _WEEKEND.search(low):
            sunday = ref - timedelta(days=(ref.weekday() + 1) % 7)
            return week_range(sunday - timedelta(days=1), sunday)
        week = _WEEK.search(low)
        if week:  # a week is a range: the month (or year) that holds all of it, never one day of it
            monday = ref - timedelta(days=ref.weekday())
            if week.group(1) == "last":
                monday -= timedelta(days=7)
            span = week_range(monday, min(monday + timedelta(days=6), ref))
            if span is not None:
                return span
        if _LAST_MONTH.search(low):
            first = ref.replace(day=1) - timedelta(days=1)
            return first.strftime("%Y-%m")
        if _THIS_MONTH.search(low):
            return ref.strftime("%Y-%m")
        if _LAST_YEAR.search(low):
            return str(ref.year - 1)
    my = _MONTH_YEAR.search(text)
    if my and MONTHS.get(my.group(1).lower()):
        month = MONTHS[my.group(1).lower()]
        if my.group(2):
            return f"{int(my.group(2)):04d}-{month:02d}"
        if ref is not None:
            year = ref.year if month <= ref.month else ref.year - 1
            return f"{year:04d}-{month:02d}"
    y = _YEAR.search(text)
    if y:
        return y.group(1)
    return None


def week_range(start: date, end: date) -> str | None:
    """The most specific partial date that holds every day from `start` to `end` (None across a new year)."""
    if (start.year, start.month) == (end.year, end.month):
        return start.strftime("%Y-%m")
    return str(end.year) if start.year == end.year else None


def shift(day: str | None, days: int) -> str | None:
    """`day` moved by `days` (for "a day after X")."""
    d = parse_iso(day)
    return (d + timedelta(days=days)).isoformat() if d else None
