"""Round 13: the less frequent event types on unseen news (docs/extraction-rounds.md "Round 13: less frequent
event types"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_a_retreat_takes_the_place_it_leaves(events: Events) -> None:
    # "from X", "from the town of X", "evacuated its forces out of X" (parsed out -> of -> X): the place left
    evs = events("Sudanese troops began withdrawing from Kassala on Monday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Kassala"]
    evs = events("Eritrean soldiers withdrew from the town of Mekelle on Tuesday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Mekelle"]
    evs = events("Russia withdrew its troops out of Kherson on Wednesday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Kherson"]


def test_other_types_take_no_place_from_from(events: Events) -> None:
    # only a retreat leaves a place: a sending's "from" is where the troops came from, no site
    evs = events("Turkey sent troops from Ankara to the Syrian border on Monday.")
    assert all(e.location != "Ankara" for e in evs)


def test_mobilising_constructions(events: Events) -> None:
    # calling up reservists and massing troops are mobilisations; "called on Tuesday" asks nothing
    evs = events("Serbia called up 20,000 reservists on Monday.")
    assert [e.actors for e in of_type(evs, "MOBILIZE")] == [["Serbia"]]
    assert not of_type(evs, "REQUEST")
    evs = events("Belarus massed tanks near the Polish border on Friday.")
    assert [e.actors for e in of_type(evs, "MOBILIZE")] == [["Belarus"]]


def test_leaving_and_pulling_forces_retreat(events: Events) -> None:
    evs = events("Malian army units left the town of Kidal on Tuesday.")
    assert [e.actors for e in of_type(evs, "RETREAT")] == [["Mali"]]
    evs = events("The Burmese junta pulled its soldiers off the streets of Mandalay on Friday.")
    assert len(of_type(evs, "RETREAT")) == 1
    # a person or a vehicle leaving is no side's retreat
    assert not of_type(events("The Malian president left Bamako on Tuesday."), "RETREAT")


def test_coercion_constructions(events: Events) -> None:
    for text in (
        "Nepal slapped a curfew on Pokhara on Saturday.",
        "Uganda put opposition leader Kizza Besigye under house arrest on Monday.",
        "Zimbabwe rounded up dozens of opposition activists on Tuesday.",
        "Belarus jailed the journalist Ihar Losik on Thursday.",
    ):
        assert len(of_type(events(text), "COERCE")) == 1, text


def test_turning_down_is_a_rejection(events: Events) -> None:
    evs = events("Moscow turned down Kyiv's offer of a prisoner swap on Friday.")
    assert [(e.actors, e.targets) for e in of_type(evs, "REJECT")] == [(["Russia"], ["Ukraine"])]


def test_an_act_noun_asked_for_is_not_done(events: Events) -> None:
    evs = events("Ukraine demanded the withdrawal of Russian troops from Zaporizhzhia on Monday.")
    assert not of_type(evs, "RETREAT")
    evs = events("Japan requested an emergency meeting of the Security Council on Tuesday.")
    assert not of_type(evs, "CONSULT")
    evs = events("Peru asked for the deployment of peacekeepers on Saturday.")
    assert not of_type(evs, "MOBILIZE")


def test_pulling_forces_back_or_out_retreats_from_the_place(events: Events) -> None:
    evs = events("Eritrean soldiers pulled out of Mekelle on Tuesday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Mekelle"]
    evs = events("Armenian troops pulled back from the village of Tegh on Wednesday.")
    assert [e.location for e in of_type(evs, "RETREAT")] == ["Tegh"]


def test_seeking_help_declining_and_inking(events: Events) -> None:
    evs = events("Chad sought Nigeria's help against the insurgents on Monday.")
    assert [(e.actors, e.targets) for e in of_type(evs, "REQUEST")] == [(["Chad"], ["Nigeria"])]
    assert len(of_type(events("Ghana declined the invitation to the summit on Monday."), "REJECT")) == 1
    assert not of_type(events("The Ghanaian embassy declined to comment on Monday."), "REJECT")
    evs = events("Ghana and Togo inked a border accord in Accra on Monday.")
    assert [sorted(e.actors) for e in of_type(evs, "AGREE")] == [["Ghana", "Togo"]]
