"""Mentions of one real-world event fold into one: same type, compatible dates, shared participants."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from graph.model import ExtractedEvent
from loaders.dates import parse_iso
from loaders.events.lexicon import STATE_ORGANS
from loaders.mentions import Mention

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
# Types whose mentions tell one act of its parties (the others are each actor's own reaction, split per
# actor in `loaders.events`): a same-day mention that names no actor is that day's act of the one that does.
JOINT = {"ASSAULT", "COERCE", "CONSULT", "AGREE", "COOPERATE", "RETREAT", "CONCEDE", "REQUEST"}


def keys(ms: Iterable[Mention]) -> list[str]:
    """Canonical names of mentions, first occurrence order."""
    seen: list[str] = []
    for m in ms:
        key = str(m.key)
        if key not in seen:
            seen.append(key)
    return seen


def compatible(
    a: ExtractedEvent,
    a_dated: bool,
    b: ExtractedEvent,
    b_dated: bool,
    sides: Mapping[str, set[str]] | None = None,
) -> bool:
    """Two mentions may be one event: same type, dates that agree, participants or place in common.
    `sides` maps a person to the bodies they are affiliated with: "the Treasury Secretary announced
    sanctions" and "the US sanctioned" share a side."""
    if a.type != b.type:
        return False
    # A mention with no date of its own ("the bombing killed 12") may refer to a dated one.
    if (
        a_dated
        and b_dated
        and a.date
        and b.date
        and not (a.date.startswith(b.date) or b.date.startswith(a.date))
    ):
        return False
    if a.type == "ASSAULT" and a_dated != b_dated and weeks_apart(a.date, b.date):
        # "fighting broke out on 15 April ... the two sides have kept battling": weeks after the stated
        # day, a report's fighting is that day's news, not the outbreak retold
        return False
    if a.type not in SYMMETRIC and (set(a.actors) & set(b.targets) or set(b.actors) & set(a.targets)):
        return False  # roles reversed: "X accused Y" and "Y accused X" are two events
    pa = {*a.actors, *a.targets, *([a.location] if a.location else [])}
    pb = {*b.actors, *b.targets, *([b.location] if b.location else [])}
    if a.type == "ASSAULT" and a.location and b.location:
        return a.location == b.location
    if (
        a.type == "ASSAULT"
        and a.evidence == b.evidence
        and (a.date == b.date or not (a_dated and b_dated))
        and not (a.actors and b.actors)
    ):
        # "a drone strike near C killed P": one sentence telling the strike and the killing it did is one
        # attack, though the strike names only the place and the killing only the victim
        return True
    if a.type in JOINT and (a_dated or b_dated) and a.date == b.date and bool(a.actors) != bool(b.actors):
        # "X bombed Y on Friday ... rockets struck the port on Friday": a report of the day's attack
        # that names no attacker is the attack of that day that names one; so for arrests, talks, ...
        return True
    if a.type == "ASSAULT" and not b_dated and b.date is None and claimed(a, b):
        # "gunmen stormed a hotel in C on Monday ... X claimed responsibility for the attack": the
        # undated reference names who did the attack the text told with no attacker
        return True
    aa, ba = set(a.actors), set(b.actors)
    if sides:
        aa |= {s for x in a.actors for s in sides.get(x, ())}
        ba |= {s for x in b.actors for s in sides.get(x, ())}
        pa |= aa
        pb |= ba
    if len(a.actors) > 1 and len(b.actors) > 1 and not set(a.actors) & set(b.actors):
        # "Russia's and America's ministers spoke" and "Russia's and Iran's army chiefs spoke": two pairs
        # with one side in common are two talks; the same pair of sides is one
        return len(aa & ba) > 1
    return bool(pa & pb) and (not a.actors or not b.actors or bool(aa & ba))


def merge_events(
    events: list[tuple[ExtractedEvent, bool]],
    sides: Mapping[str, set[str]] | None = None,
    weak: Collection[int] = (),
) -> list[ExtractedEvent]:
    """One event per real-world event: fold compatible mentions into the first. `weak` holds the ids of
    mentions dated only by the report's day (a headline told before any day is stated): a later undated
    mention dated by its paragraph gives the event its day."""
    out: list[tuple[ExtractedEvent, list[bool]]] = []  # event, [dated]
    for ev, dated in events:
        for kept, state in out:
            if not compatible(kept, state[0], ev, dated, sides):
                continue
            kept.actors = dedupe([*kept.actors, *ev.actors])
            kept.targets = [t for t in dedupe([*kept.targets, *ev.targets]) if t not in kept.actors]
            kept.location = kept.location or ev.location
            if dated and (not state[0] or (ev.date and kept.date and len(ev.date) > len(kept.date))):
                kept.date = ev.date
                state[0] = True
            elif not dated and not state[0] and id(kept) in weak and id(ev) not in weak:
                kept.date = ev.date or kept.date
            elif kept.date is None and not state[0]:
                kept.date = ev.date  # "Y's bombing" told first, undated: the day of the mention that tells it
            kept.confidence = max(kept.confidence, ev.confidence)  # as sure as its surest mention
            kept.killed = kept.killed or ev.killed
            kept.wounded = kept.wounded or ev.wounded
            break
        else:
            out.append((ev, [dated]))
    return [ev for ev, _ in out]


def dedupe(xs: list[str]) -> list[str]:
    """Unique, in order."""
    return list(dict.fromkeys(xs))


def weeks_apart(a: str | None, b: str | None) -> bool:
    """Two full days more than two weeks apart."""
    da, db = parse_iso(a), parse_iso(b)
    return (
        da is not None and db is not None and len(a or "") == len(b or "") == 10 and abs((da - db).days) > 14
    )


def claimed(told: ExtractedEvent, reference: ExtractedEvent) -> bool:
    """`reference` names only an attacker (an undated "the attack" that X claimed), `told` no attacker."""
    return (
        not told.actors
        and bool(told.targets or told.location)
        and bool(reference.actors)
        and not (reference.targets or reference.location)
    )


def own_side_accused(ev: ExtractedEvent, sides: Mapping[str, set[str]]) -> bool:
    """An accusation whose every accused is the accuser's own side ("the Pentagon said US forces struck X",
    "Defence Minister Y said Y's country's troops shelled Z"): a report of its own act, no accusation.
    A side is what a person is affiliated with, or the state an organ speaks for."""
    if ev.type != "ACCUSE" or not ev.actors or not ev.targets:
        return False
    own = {s for a in ev.actors for s in sides.get(a, set())}
    own |= {STATE_ORGANS[a] for a in ev.actors if a in STATE_ORGANS}
    return all(t in own for t in ev.targets)
