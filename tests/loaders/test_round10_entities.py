"""Round 10 entity rules (loaders/entities/place_phrases.py, alias_cues.py, acronyms.py, the territory kind in loaders/gazetteer.py,
"X's <ministry>"), on sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds


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


def test_a_ministry_is_named_with_its_state_after_a_possessive(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "According to a statement from Peru's defence ministry, Chilean troops crossed the border. "
        "Chile's defence ministry denied it."
    )
    found = kinds(ex)
    assert "defence ministry" not in found, found
    assert found.get("Peru's defence ministry") == "organization", found


def test_a_name_declared_with_known_as_is_the_group_it_renames(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Fighting spread across Mali on Monday. The pro-government militias, known as the Dozo Hunters "
        "Brotherhood, attacked a market near Mopti."
    )
    found = {e.name: e.aliases for e in ex.entities}
    assert "pro-government militias" not in found, found
    assert "pro-government militias" in found.get("Dozo Hunters Brotherhood", []), found


def test_a_local_name_given_with_which_x_calls_is_the_place_named_before(
    run: Callable[[str], Extraction],
) -> None:
    ex = run(
        "Chinese coast guard ships entered waters near the Senkaku Islands on Friday. Japan protested, and "
        "the ships stayed near the islands, which Beijing calls the Diaoyu Islands, for two days."
    )
    places = {e.name: e.aliases for e in ex.entities if e.kind == "place"}
    assert "Diaoyu Islands" not in places, places
    assert "Diaoyu Islands" in places.get("Senkaku Islands", []), places


def test_a_short_form_made_of_the_long_names_words_is_that_group(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The army said the Ogaden National Liberation Front (ONLF) had attacked an oil field. "
        "Ogaden Liberation rebels denied the claim on Tuesday."
    )
    found = {e.name: e.aliases for e in ex.entities}
    assert "Ogaden Liberation" not in found and "Ogaden Liberation rebels" not in found, found
    assert any("Ogaden Liberation" in a for a in found.get("Ogaden National Liberation Front", [])), found


def test_a_lone_given_name_read_as_a_place_is_the_one_person_it_starts(
    run: Callable[[str], Extraction],
) -> None:
    ex = run(
        "Ethiopian Prime Minister Abiy Ahmed met Eritrean President Isaias Afwerki on Sunday. "
        "Speaking in Asmara, Isaias said the border would open."
    )
    found = {e.name: e.aliases for e in ex.entities}
    assert "Isaias" not in found, found
    assert "Isaias" in found.get("Isaias Afwerki", []), found
