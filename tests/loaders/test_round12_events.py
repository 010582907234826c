"""Round 12: a side driven out of a place, a step phrase on the verb an act complements
(docs/extraction-rounds.md "Round 12: events"). Every sentence here is our own. Articles are published on
Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_driving_a_side_out_of_a_place_is_an_assault(events: Events) -> None:
    evs = events("On Monday the Somali army drove al-Shabaab out of the town of Jowhar.")
    assaults = of_type(evs, "ASSAULT")
    assert len(assaults) == 1 and "al-Shabab" in assaults[0].targets
    assert assaults[0].date == "2021-06-07"


def test_forcing_a_side_from_its_positions_is_an_assault(events: Events) -> None:
    evs = events("On Tuesday Ethiopian troops forced the Eritrean army from its positions near Badme.")
    assaults = of_type(evs, "ASSAULT")
    assert len(assaults) == 1 and "Eritrea" in assaults[0].targets
    assert assaults[0].date == "2021-06-08"


def test_a_passive_driving_out_with_its_agent_is_the_agents_assault(events: Events) -> None:
    evs = events("The rebels were pushed out of Goma by Congolese troops on Sunday.")
    assert len(of_type(evs, "ASSAULT")) == 1


def test_forcing_from_power_or_to_act_and_agentless_passives_are_no_assault(events: Events) -> None:
    evs = events(
        "The generals forced President Omar al-Bashir from power on Monday. "
        "On Monday Kenya forced Uganda to reopen the border crossing at Busia. "
        "Hundreds of fighters who were driven from Kismayo regrouped in Afmadow on Monday."
    )
    assert not of_type(evs, "ASSAULT")


def test_a_step_phrase_on_an_aspect_verb_dates_the_act_it_governs(events: Events) -> None:
    # "began shelling": the step phrase hangs on "began", the trigger is its complement
    evs = events(
        "On 3 March 2019, Azerbaijani officials met Armenian envoys in Vienna. "
        "The next day, Azerbaijani artillery began shelling Stepanakert."
    )
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2019-03-04"]


def test_a_step_phrase_dates_an_act_that_follows_on_from_another(events: Events) -> None:
    evs = events(
        "On 3 March 2019, Azerbaijani officials met Armenian envoys in Vienna. "
        "Two days later, Azerbaijani jets started to bomb Stepanakert."
    )
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["2019-03-05"]
