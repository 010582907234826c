"""Round 13: a common noun with a name in apposition stands for that name (docs/extraction-rounds.md "Round 13:
names in apposition"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent, Extraction
from tests.loaders.extracted import of_type, rels, rels_of_type


def test_a_body_named_in_apposition_acts(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events(
        "A separatist militia, the Ambazonia Defence Forces, ambushed a patrol near Bamenda on Friday."
    )
    assert any("Ambazonia Defence Forces" in e.actors for e in of_type(evs, "ASSAULT"))
    evs = events("An armed group, the Tigray Defence Force, seized the town of Mekele.")
    assert any("Tigray Defence Force" in e.actors for e in of_type(evs, "ASSAULT"))


def test_coordinated_names_in_apposition(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = of_type(events("Its two neighbours, Chad and Niger, condemned the coup in Mali."), "ACCUSE")
    assert {a for e in evs for a in e.actors} >= {"Chad", "Niger"}


def test_an_office_holder_named_in_apposition(run: Callable[[str], Extraction]) -> None:
    ex = run("Peru's president, Alberto Ruiz, accused Bolivia of arming the smugglers.")
    assert ("Alberto Ruiz", "ACCUSED", "Bolivia") in rels(ex)
    ex = run("Ghana's foreign minister, Kwame Osei, met his Nigerian counterpart, Paul Agbeko, in Accra.")
    assert ("Kwame Osei", "MET_WITH", "Paul Agbeko") in rels(ex)


def test_the_holder_of_a_loyalty_named_in_apposition(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Fighters loyal to the warlord, Omar Dabbashi, attacked the port of Zawiya.")
    assert any("Omar Dabbashi" in e.actors for e in of_type(evs, "ASSAULT"))


def test_a_spokesman_named_in_apposition_speaks_for_his_body(run: Callable[[str], Extraction]) -> None:
    # the GUIDE keeps the body as the speaker; the named spokesman is only affiliated to it
    ex = run("The Kenyan army's spokesman, Colonel David Ochieng, accused Somalia of shelling the border.")
    assert ("Kenya", "ACCUSED", "Somalia") in rels(ex)
    assert not any(s == "David Ochieng" for s, _, _ in rels_of_type(ex, "ACCUSED"))
    assert all("David Ochieng" not in e.actors for e in ex.events)


def test_a_vessel_named_in_apposition_is_no_actor(run: Callable[[str], Extraction]) -> None:
    ex = run("A Greek frigate, the Hydra, fired on a smuggling boat off Crete.")
    assert all("Hydra" not in e.actors for e in ex.events)
    assert not any("Hydra" in (s, t) for s, _, t in rels(ex))


def test_a_group_that_names_itself(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events(
        "A little-known group calling itself the Sahel Martyrs Brigade attacked a police post on Monday."
    )
    assert any("Sahel Martyrs Brigade" in e.actors for e in of_type(evs, "ASSAULT"))
    evs = events(
        "A group that calls itself the Free Delta Army threatened to attack oil facilities in Rivers state."
    )
    assert any("Free Delta Army" in e.actors for e in of_type(evs, "THREATEN"))
