"""One real-world event, one node: four reports of one strike, written for this test, on both stores."""

from __future__ import annotations

from typing import Any

import pytest

from graph.errors import NotFound
from graph.event_merge import dates_compatible, window_of
from graph.model import Extraction
from graph.resolve import Resolver, ingest
from graph.store import EventFilter, GraphStore

US = {"name": "United States", "kind": "country", "aliases": ["US", "American", "Washington"]}
SYRIA = {"name": "Syria", "kind": "country", "aliases": ["Syrian", "Damascus"]}
RUSSIA = {"name": "Russia", "kind": "country", "aliases": ["Moscow"]}
BASE = {"name": "Shayrat airbase", "kind": "place", "aliases": ["Shayrat", "the airbase"]}


def report(
    slug: str, published: str, entities: list[dict[str, Any]], events: list[dict[str, Any]]
) -> Extraction:
    return Extraction.model_validate(
        {
            "article": {"url": f"https://example.org/strike/{slug}", "published": published, "title": slug},
            "entities": entities,
            "events": events,
        }
    )


def strike(**fields: Any) -> dict[str, Any]:
    return {"type": "ASSAULT", "actors": ["United States"], **fields}


def four_reports(next_day: str | None = "2017-04-08") -> list[Extraction]:
    """A dated report; "the attack" the next day (dated to its publication day by a plain extractor, or
    undated as a definite reference); "the US strike on Syria" two days later; "last week's strike" (a
    date range)."""
    return [
        report(
            "dated",
            "2017-04-07",
            [US, SYRIA, BASE],
            [
                strike(
                    date="2017-04-07",
                    location="Shayrat airbase",
                    targets=["Shayrat airbase", "Syria"],
                    evidence="American destroyers fired a salvo of cruise missiles at Shayrat airbase early on Friday.",
                )
            ],
        ),
        report(
            "next-day",
            "2017-04-08",
            [US, SYRIA],
            [
                strike(
                    date=next_day,
                    targets=["Syria"],
                    evidence="Damascus said the attack killed soldiers and civilians.",
                )
            ],
        ),
        report(
            "two-days",
            "2017-04-09",
            [US, SYRIA, RUSSIA],
            [
                strike(
                    date="2017-04-09",
                    targets=["Syria"],
                    evidence="Moscow called the US strike on Syria a breach of international law.",
                ),
                {
                    "type": "ACCUSE",
                    "date": "2017-04-09",
                    "actors": ["Russia"],
                    "targets": ["United States"],
                    "evidence": "Moscow called the US strike on Syria a breach of international law.",
                },
            ],
        ),
        report(
            "next-week",
            "2017-04-12",
            [US, BASE],
            [
                strike(
                    date_range=["2017-04-03", "2017-04-09"],
                    targets=["Shayrat airbase"],
                    evidence="Satellite pictures show runways at the airbase intact after last week's US missile strike.",
                )
            ],
        ),
    ]


@pytest.mark.parametrize("next_day", ["2017-04-08", None])
@pytest.mark.parametrize("order", ["as-published", "reversed"])
def test_four_reports_of_one_strike_make_one_node(
    store: GraphStore, order: str, next_day: str | None
) -> None:
    reports = four_reports(next_day)
    if order == "reversed":
        reports.reverse()
    for ex in reports:  # one article at a time, as a feed would bring them
        ingest(store, [ex], resolver=Resolver(store))
    assaults = store.events(EventFilter(types=["ASSAULT"])).items
    assert len(assaults) == 1
    node = assaults[0]
    assert node.date == "2017-04-07"
    assert len(node.evidence) == 4
    assert len({e.article_id for e in node.evidence}) == 4
    assert len(node.merged_from) >= 3
    assert store.events(EventFilter(types=["ACCUSE"])).total == 1

    # Re-ingesting every report changes nothing.
    before = store.stats()
    ingest(store, four_reports(next_day), resolver=Resolver(store))
    assert store.stats() == before
    assert store.events(EventFilter(types=["ASSAULT"])).items[0].evidence_count == 4


def test_reference_before_the_dated_report(store: GraphStore) -> None:
    """ "the attack" (undated) is ingested before the report that dates the strike."""
    dated, reference = four_reports(next_day=None)[:2]
    ingest(store, [reference], resolver=Resolver(store))
    ingest(store, [dated], resolver=Resolver(store))
    (node,) = store.events(EventFilter(types=["ASSAULT"])).items
    assert node.date == "2017-04-07" and node.evidence_count == 2


def test_distinct_strikes_stay_apart(store: GraphStore) -> None:
    ingest(
        store,
        [
            report(
                "first",
                "2017-04-07",
                [US, BASE],
                [
                    strike(
                        date="2017-04-07",
                        location="Shayrat airbase",
                        evidence="Missiles hit the airbase on Friday.",
                    )
                ],
            ),
            report(
                "second",
                "2017-04-20",
                [US, BASE],
                [
                    strike(
                        date="2017-04-20",
                        location="Shayrat airbase",
                        evidence="A second raid hit the base on Thursday.",
                    )
                ],
            ),
            # A month-dated mention fits both days, which are too far apart to be one event.
            report(
                "month",
                "2017-05-02",
                [US, BASE],
                [
                    strike(
                        date="2017-04",
                        location="Shayrat airbase",
                        evidence="Strikes on the base in April did little.",
                    )
                ],
            ),
            # Another actor, the same place and day: not the same event.
            report(
                "other",
                "2017-04-07",
                [RUSSIA, BASE],
                [
                    {
                        "type": "ASSAULT",
                        "date": "2017-04-07",
                        "actors": ["Russia"],
                        "location": "Shayrat airbase",
                        "evidence": "Russian jets struck near the base.",
                    }
                ],
            ),
        ],
        resolver=Resolver(store),
    )
    assert store.events(EventFilter(types=["ASSAULT"])).total == 4


def test_merge_events_contract(store: GraphStore) -> None:
    store.upsert(four_reports()[:2])
    a, b = store.events(EventFilter(types=["ASSAULT"])).items
    kept = store.merge_events(a.id, b.id)
    assert kept.id == a.id and b.id in kept.merged_from
    assert {x.key for x in kept.evidence} == {x.key for x in (*a.evidence, *b.evidence)}
    assert store.merge_events(a.id, b.id).evidence_count == kept.evidence_count  # idempotent
    with pytest.raises(NotFound):
        store.merge_events(a.id, "event:nothing")
    with pytest.raises(NotFound):
        store.merge_events("event:nothing", a.id)


def test_date_windows() -> None:
    day, month = window_of("2017-04-07"), window_of("2017-04")
    assert day and month and dates_compatible(day, month)
    later = window_of("2017-04-10")
    assert later and not dates_compatible(day, later)
    assert window_of("2017") is None and window_of(None) is None
    week = window_of(None, ("2017-04-03", "2017-04-09"))
    assert week and dates_compatible(week, day) and not dates_compatible(week, window_of("2017-04-12") or day)
