"""Round 8 (issue 9): general constructions of events, each checked on sentences written for it
(docs/extraction-rounds.md "Round 8"); kept only where dev's held half and bench/news B did not drop. Every
sentence here is our own. Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type


def test_a_stated_lapse_dates_the_earlier_event(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # "N hours / days after X": X happened that long before the day of the clause it is attached to
    evs = events("Chad declared a truce on Wednesday, 48 hours after Sudan launched an offensive in Darfur.")
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2021-06-07"]
    evs = events("Mali expelled the envoy on 5 June, two days after Niger shelled the border town of Ayorou.")
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2021-06-03"]


def test_an_earlier_event_keeps_its_own_date(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # a guard: the "after" clause's own date phrase stays its date (the lapse and month rules come after it)
    evs = events("Chad recalled its envoy on Wednesday after Sudan attacked the town of Adre on Monday.")
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2021-06-07"]


def test_talks_before_an_announcement_are_of_its_month(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # "after talks, X announced on <day>": the talks came before that day; the month is what is known
    evs = events("After talks between Chad and Sudan in Geneva, Chad announced a truce on 3 May.")
    assert [e.date for e in of_type(evs, "CONSULT")] == ["2021-05"]


def test_an_accusation_needs_an_accuser(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # residents, witnesses or an unnamed report tell what happened; they accuse nobody
    for text in (
        "Residents said Chadian troops shelled the market in Abeche on Monday.",
        "Witnesses told reporters that Chadian troops had looted the town of Abeche.",
    ):
        assert not of_type(events(text), "ACCUSE"), text
    # a side's voice named only by its office still accuses, and so does a named speaker
    evs = of_type(
        events("A rebel leader said Chadian troops shelled the market in Abeche on Monday."), "ACCUSE"
    )
    assert [e.targets for e in evs] == [["Chad"]]
    evs = of_type(events("Niger said Chadian troops shelled the market in Abeche on Monday."), "ACCUSE")
    assert [(e.actors, e.targets) for e in evs] == [(["Niger"], ["Chad"])]


def test_laying_the_blame_in_reported_speech_accuses(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # "X said Y was behind / responsible for <an act>": X accuses Y
    for text in (
        "Niger said Chad was behind the attack on the border post.",
        "Mali said Chad's troops were responsible for the massacre in Gao.",
    ):
        evs = of_type(events(text), "ACCUSE")
        assert [e.targets for e in evs] == [["Chad"]], text
    # no act or wrongdoing laid on Y, a denial, or the speaker's own act: no accusation
    for text in (
        "Mali said Chad was responsible for security in Gao.",
        "Mali said Chad was not behind the attack.",
        "Mali said it was behind the raid on Gao.",
    ):
        assert not of_type(events(text), "ACCUSE"), text


def test_described_as_an_act_of_aggression_accuses(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # "described / denounced <act> as an act of <wrongdoing>": the predicate's "of" object counts
    evs = of_type(events("Mali described the Chadian raid as an act of aggression."), "ACCUSE")
    assert [(e.actors, e.targets) for e in evs] == [(["Mali"], ["Chad"])]
    assert not of_type(events("Mali described the Chadian raid as an act of courage."), "ACCUSE")


def test_opening_fire_on_x_is_an_assault(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = of_type(events("Chadian troops opened fire on the rebels in Abeche on Monday."), "ASSAULT")
    assert [(e.actors, e.targets) for e in evs] == [(["Chad"], ["rebels"])]
    # opening anything else is no assault
    assert not of_type(events("Chad opened its border with Sudan on Monday."), "ASSAULT")


def test_the_towns_of_x_and_y_are_both_targets(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # a plural container noun ("the towns of") and its coordinated names
    evs = of_type(events("Chad's army retook the towns of Abeche and Adre on Monday."), "ASSAULT")
    assert [sorted(e.targets) for e in evs] == [["Abeche", "Adre"]]


def test_a_state_body_named_by_its_country(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # "the authorities in X" speak for X; "Sudanese troops in Chad" stay Sudan's
    evs = of_type(events("The authorities in Niger said Chadian troops shelled Ayorou on Monday."), "ACCUSE")
    assert [(e.actors, e.targets) for e in evs] == [(["Niger"], ["Chad"])]
    evs = of_type(events("Sudanese troops in Chad attacked the rebels on Monday."), "ASSAULT")
    assert [e.actors for e in evs] == [["Sudan"]]


def test_places_held_by_x_make_x_a_target(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = of_type(events("Chadian troops shelled two villages held by the FACT rebels on Monday."), "ASSAULT")
    assert [(e.actors, e.targets) for e in evs] == [(["Chad"], ["FACT rebels"])]


def test_battles_on_the_border_between_a_and_b(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # the sides of the line fought on are the clash's actors
    evs = of_type(events("Gun battles raged on the border between Chad and Sudan on Monday."), "ASSAULT")
    assert [sorted(e.actors) for e in evs] == [["Chad", "Sudan"]]
    # a road between two towns names no sides
    evs = of_type(events("Clashes erupted on the road between Abeche and Adre on Monday."), "ASSAULT")
    assert all(not e.actors for e in evs)


def test_a_joint_call_is_one_request(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = of_type(events("Chad and Niger urged both sides to stop the fighting on Monday."), "REQUEST")
    assert [sorted(e.actors) for e in evs] == [["Chad", "Niger"]]
    # reactions stay each actor's own
    evs = of_type(events("Chad and Niger condemned the Malian raid on Monday."), "ACCUSE")
    assert sorted(a for e in evs for a in e.actors) == ["Chad", "Niger"] and len(evs) == 2


def test_fighting_between_a_and_b_hung_on_its_date(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # the parser hangs "between" on the date phrase: its sides are still the clash's actors
    evs = of_type(
        events("Fighting broke out on 15 April between Chadian troops and the FACT rebels."), "ASSAULT"
    )
    assert [(sorted(e.actors), e.date) for e in evs] == [(["Chad", "FACT rebels"], "2021-04-15")]


def test_a_promised_noun_tells_the_event(events: Callable[[str], list[ExtractedEvent]]) -> None:
    # "vowed continued cooperation": a cooperation of the day the vow was made, no support event
    evs = events("Chad and Niger vowed continued military cooperation against the rebels on Monday.")
    assert not of_type(evs, "SUPPORT")
    assert [(sorted(e.actors), e.date) for e in of_type(evs, "COOPERATE")] == [
        (["Chad", "Niger"], "2021-06-07")
    ]
    # a promise of support is still support
    assert of_type(events("Ghana vowed its full support for Togo on Monday."), "SUPPORT")
