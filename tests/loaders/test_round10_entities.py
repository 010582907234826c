"""Round 10 entity rules (loaders/entities/place_phrases.py, the territory kind in loaders/gazetteer.py,
'junta' as the state, "X's <ministry>"), on sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds


def test_a_compass_part_of_a_country_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run("Rwandan artillery shelled villages in northern Burundi on Monday, officials said.")
    found = kinds(ex)
    assert found.get("northern Burundi") == "place", found
    assert found.get("Rwanda") == "country", found


def test_a_compass_word_before_a_demonym_is_no_region(run: Callable[[str], Extraction]) -> None:
    ex = run("Officials in Kampala said northern Ugandan towns were calm on Monday.")
    assert not any(n.startswith("northern") for n in kinds(ex)), kinds(ex)


def test_a_town_facility_named_with_the_town_as_possessor_is_a_place(
    run: Callable[[str], Extraction],
) -> None:
    ex = run(
        "Jets bombed Kigali's international airport on Sunday and hit depots in Kigali's western suburbs."
    )
    found = kinds(ex)
    assert found.get("Kigali's international airport") == "place", found
    assert found.get("Kigali's western suburbs") == "place", found


def test_a_territory_with_a_country_code_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run("The storm hit Guam on Tuesday before Japan issued warnings.")
    found = kinds(ex)
    assert found.get("Guam") == "place", found
    assert found.get("Japan") == "country", found


def test_a_junta_is_its_country(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Thailand's ruling generals met in Bangkok. The Thai junta said it would hold elections, "
        "and the military junta later freed two activists."
    )
    found = kinds(ex)
    assert not any("junta" in n for n in found), found
    assert found.get("Thailand") == "country", found


def test_a_ministry_is_named_with_its_state_after_a_possessive(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "According to a statement from Peru's defence ministry, Chilean troops crossed the border. "
        "Chile's defence ministry denied it."
    )
    found = kinds(ex)
    assert "defence ministry" not in found, found
    assert found.get("Peru's defence ministry") == "organization", found
