"""Round 13: protests and coercion whose crowd is a count ("hundreds of demonstrators") (docs/extraction-rounds.md
"Round 13: protests"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_a_count_of_a_crowd_stands_for_the_crowd(events: Events) -> None:
    evs = events("Hundreds of demonstrators marched on the Egyptian embassy in Amman on Sunday.")
    assert [e.actors for e in of_type(evs, "PROTEST")] == [["demonstrators"]]
    evs = events("Thousands of protesters rallied in Lagos on Monday against Nigeria's fuel prices.")
    assert [e.actors for e in of_type(evs, "PROTEST")] == [["protesters"]]


def test_a_count_of_troops_names_no_crowd(events: Events) -> None:
    # only a group entity is taken through the count: a state's troops are no crowd
    evs = events("Thousands of soldiers marched in Hanoi on Tuesday.")
    assert all("soldiers" not in e.actors for e in evs)


def test_crowd_control_is_coercion(events: Events) -> None:
    # tear gas, water cannon, rubber bullets against a crowd: coercion by the police's country, no assault
    evs = events("Chilean police fired tear gas at protesters in Santiago on Friday.")
    assert [e.actors for e in of_type(evs, "COERCE")] == [["Chile"]]
    assert not of_type(evs, "ASSAULT")
    evs = events("Serbian police used water cannon against demonstrators in Belgrade on Sunday.")
    assert [e.actors for e in of_type(evs, "COERCE")] == [["Serbia"]]
    assert not of_type(evs, "ASSAULT")


def test_dispersing_a_crowd_is_coercion(events: Events) -> None:
    evs = events("Georgian police dispersed the protesters outside parliament in Tbilisi on Thursday.")
    assert [e.actors for e in of_type(evs, "COERCE")] == [["Georgia"]]
    evs = events("Peruvian police broke up the rally in Lima on Saturday.")
    assert [e.actors for e in of_type(evs, "COERCE")] == [["Peru"]]
    # breaking a truce is no dispersal
    evs = events("Armenia broke the ceasefire on Monday, Azerbaijan said.")
    assert not of_type(evs, "COERCE")


def test_a_crowds_own_acts_are_a_protest(events: Events) -> None:
    evs = events("Protesters burned flags outside the Danish embassy in Islamabad on Friday.")
    assert [e.actors for e in of_type(evs, "PROTEST")] == [["protesters"]]
    evs = events("Hundreds of students gathered outside parliament in Bishkek on Monday.")
    assert [e.location for e in of_type(evs, "PROTEST")] == ["Bishkek"]
    # the same verbs of soldiers or a state are no protest
    evs = events("Ukrainian soldiers burned the bridge near Kherson on Monday.")
    assert not of_type(evs, "PROTEST")


def test_forcing_someone_to_act_is_coercion(events: Events) -> None:
    evs = events("Greek fighter jets forced a Turkish cargo plane to land in Athens on Tuesday.")
    assert [e.actors for e in of_type(evs, "COERCE")] == [["Greece"]]
    evs = events("Indian warships compelled the Somali pirates to surrender on Friday.")
    assert [e.actors for e in of_type(evs, "COERCE")] == [["India"]]
    # being forced to flee names no coercer: no event of that type
    evs = events("Thousands were forced to flee the fighting in Goma on Monday.")
    assert not of_type(evs, "COERCE")
