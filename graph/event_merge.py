"""One real-world event, one node: merging event mentions across articles at ingest (docs/resolution.md).

After an article is written, each of its event mentions is compared with the stored events of the same
PLOVER type near its date. Two are one event when their dates are compatible (two days at most 2 days
apart, for time zones and reporting; a month or an explicit range such as "last week" that holds the
day), nothing contradicts (no disjoint actors, no disjoint targets-or-place) and something agrees (a
shared target or place, or the same actors where neither gives one). A mention with exactly one such
event is merged with it through `GraphStore.merge_events`; the node with the more precise date is kept,
every mention stays as evidence (article and sentence) and the dropped ids go to `merged_from`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from graph.ids import is_article_scoped
from graph.model import Event, EventType, Evidence, ExtractedEvent, Extraction, event_id, normalize_name
from graph.store import EventFilter, GraphStore

log = logging.getLogger(__name__)

DAY_TOLERANCE = 2  # days between two day-dated reports of one event
REFERENCE_DAYS = 7  # an undated definite reference ("the attack") points to an event this recent
RANGE_SLACK = 1  # days a range or month may be missed by (time zones)
_PRECISION = {"day": 3, "month": 2, "year": 1}

Window = tuple[date, date]


def window_of(value: str | None, date_range: tuple[str, str] | None = None) -> Window | None:
    """The days an event may have happened on: a day, a month, an explicit range; None for a year or nothing."""
    if date_range:
        return date.fromisoformat(date_range[0]), date.fromisoformat(date_range[1])
    if not value or len(value) == 4:
        return None  # a year is too vague to say two reports are one event
    if len(value) == 7:
        first = date.fromisoformat(value + "-01")
        nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return first, nxt - timedelta(days=1)
    day = date.fromisoformat(value)
    return day, day


def dates_compatible(a: Window, b: Window) -> bool:
    """Two days within `DAY_TOLERANCE`; otherwise the spans overlap (with `RANGE_SLACK`)."""
    if a[0] == a[1] and b[0] == b[1]:
        return abs((a[0] - b[0]).days) <= DAY_TOLERANCE
    slack = timedelta(days=RANGE_SLACK)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def roles_compatible(a: Event, b: Event) -> bool:
    """Nothing contradicts and something agrees (see the module docstring). One article's generic crowd
    ("protesters", an article-scoped id) is no other article's, so it neither contradicts nor agrees."""
    actors_a = {x for x in a.actors if not is_article_scoped(x)}
    actors_b = {x for x in b.actors if not is_article_scoped(x)}
    where_a = set(a.targets) | ({a.location} if a.location else set())
    where_b = set(b.targets) | ({b.location} if b.location else set())
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    if where_a and where_b:
        return bool(where_a & where_b)
    if where_a or where_b:  # one report gives no target or place: the actors must agree
        return bool(actors_a & actors_b)
    # Neither gives one (talks, calls): the same actors, all of them.
    return bool(actors_a) and actors_a == actors_b


def _rank(e: Event) -> tuple[int, int, int]:
    """Finer date first, then the earlier day, then more evidence."""
    day = -date.fromisoformat(e.date).toordinal() if e.date and e.date_precision == "day" else 0
    return _PRECISION.get(e.date_precision or "", 0), day, len(e.evidence)


def _day(e: Event) -> Window:
    d = date.fromisoformat(e.date or "")
    return d, d


def _mention_ids(
    ex: Extraction, xe: ExtractedEvent, redirect: Mapping[str, str]
) -> tuple[list[str], list[str], str | None]:
    index = ex.name_index()

    def eid(name: str) -> str:
        i = index[normalize_name(name)].id
        while i in redirect:
            i = redirect[i]
        return i

    return (
        [eid(a) for a in xe.actors],
        [eid(t) for t in xe.targets],
        eid(xe.location) if xe.location else None,
    )


def _nearby(
    store: GraphStore, etype: EventType, ids: list[str], place: str | None, win: Window
) -> dict[str, Event]:
    # Stored months and ranges compare by prefix in the filter, so a few days either side is enough.
    since = (win[0] - timedelta(days=DAY_TOLERANCE + RANGE_SLACK)).isoformat()
    until = (win[1] + timedelta(days=DAY_TOLERANCE + RANGE_SLACK)).isoformat()
    found: dict[str, Event] = {}
    filters = [EventFilter(types=[etype], actor=i, since=since, until=until) for i in ids]
    if place:
        filters.append(EventFilter(types=[etype], place=place, since=since, until=until))
    for flt in filters:
        for e in store.events(flt, limit=500).items:
            found[e.id] = e
    return found


def _undated(store: GraphStore, etype: EventType, ids: list[str], place: str | None) -> dict[str, Event]:
    """Undated events of this type at one of these entities (events list by date, undated first)."""
    filters = [EventFilter(types=[etype], actor=i) for i in ids[:1]]
    if place and not filters:
        filters.append(EventFilter(types=[etype], place=place))
    found: dict[str, Event] = {}
    for flt in filters:
        for e in store.events(flt, limit=200).items:
            if e.date is None:
                found[e.id] = e
    return found


def event_window(e: Event) -> Window | None:
    """A stored event's span: from its date; for an undated one, `REFERENCE_DAYS` up to the days its
    reports were published (the evidence dates), as for an undated mention."""
    win = window_of(e.date)
    if win is not None or e.date:
        return win
    days = sorted(date.fromisoformat(x.date) for x in e.evidence if x.date and len(x.date) == 10)
    if not days or days[-1] - timedelta(days=REFERENCE_DAYS) > days[0]:
        return None
    return days[-1] - timedelta(days=REFERENCE_DAYS), days[0]


def _reference_window(xe: ExtractedEvent, published: str | None) -> Window | None:
    """An undated mention in a dated article ("the attack", "last week's strike" when extraction gives
    no range) points to a recent event: the `REFERENCE_DAYS` up to the publication day."""
    if xe.node_date or xe.date_range or not published or len(published) != 10:
        return None
    pub = date.fromisoformat(published)
    return pub - timedelta(days=REFERENCE_DAYS), pub


def _fits_other_days(store: GraphStore, vague: Event, win: Window | None, days: list[Event]) -> bool:
    """True when a month-, range- or un-dated event also fits a day-dated event far from `days`."""
    if win is None:
        return True
    ids = list(dict.fromkeys([*vague.actors[:1], *vague.targets[:1]]))
    for other in _nearby(store, vague.type, ids, vague.location, win).values():
        if other.date_precision != "day" or not roles_compatible(vague, other):
            continue
        if dates_compatible(win, _day(other)) and any(
            not dates_compatible(_day(other), _day(d)) for d in days
        ):
            return True
    return False


def merge_event_mentions(
    store: GraphStore, extractions: Iterable[Extraction], redirect: Mapping[str, str] | None = None
) -> set[str]:
    """Merge each written mention's node with its one compatible stored event; the ids merged away."""
    redirect = redirect or {}
    gone: set[str] = set()
    for ex in extractions:
        for xe in ex.events:
            win = window_of(xe.node_date, xe.date_range) or _reference_window(xe, ex.article.published)
            if win is None:
                continue
            actors, targets, place = _mention_ids(ex, xe, redirect)
            key = Evidence.model_construct(sentence=xe.evidence, article_id=ex.article.id).key
            natural = event_id(xe.type, xe.node_date, actors, place, targets)
            near = _nearby(store, xe.type, list(dict.fromkeys([*actors[:1], *targets[:1]])), place, win)
            # The date filter leaves undated nodes out (this mention's own, or an earlier reference).
            near |= _undated(store, xe.type, [*actors[:1], *targets[:1]], place)
            holders = sorted(
                (e for e in near.values() if key in {x.key for x in e.evidence}),
                key=lambda e: (e.id != natural, e.id),
            )
            if not holders:
                continue
            own = holders[0]
            own_win = win if own.date == xe.node_date else event_window(own)
            if own_win is None:
                continue
            cands = [
                e
                for e in near.values()
                if e.id != own.id
                and (w := event_window(e)) is not None
                and dates_compatible(own_win, w)
                and roles_compatible(own, e)
            ]
            if not cands:
                continue
            cluster = [own, *cands]
            days = [e for e in cluster if e.date_precision == "day"]
            vague = [
                (e, own_win if e is own else event_window(e)) for e in cluster if e.date_precision != "day"
            ]
            if any(not dates_compatible(_day(a), _day(b)) for a in days for b in days) or any(
                _fits_other_days(store, e, w, days) for e, w in vague
            ):
                log.info("event %s: compatible events too far apart, left apart", own.id)
                continue
            # Reports follow events: the earliest day is the event's, a later one is more likely the
            # day of reporting; then the more reported node.
            keep = max(cluster, key=lambda e: (*_rank(e), e.id != own.id, e.id))
            for drop in cluster:
                if drop.id != keep.id and drop.id not in gone:
                    log.info("merging event %s into %s", drop.id, keep.id)
                    store.merge_events(keep.id, drop.id)
                    gone.add(drop.id)
    return gone
