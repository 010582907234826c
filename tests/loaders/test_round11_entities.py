"""Round 11 entity rules (one-word short forms, a country's police and junta, two people joined by "and",
middle names, common nouns taken for names, leaders after "the government of", places reached by movement,
companies named by their trade), on sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from graph.model import Extraction
from loaders.entities.context import led_by_person
from loaders.pipeline import load_nlp
from tests.loaders.extracted import kinds


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def aliases(ex: Extraction) -> dict[str, list[str]]:
    return {e.name: e.aliases for e in ex.entities}


def test_a_one_word_plural_inside_a_long_name_is_that_body(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Popular Falcons of Western Azania (PFWA) attacked a convoy on Monday. "
        "Officials said the Falcons had lost ground since March."
    )
    found = kinds(ex)
    assert "Falcons" not in found, found
    assert "Falcons" in aliases(ex).get("Popular Falcons of Western Azania", []), aliases(ex)


def test_a_country_police_force_is_the_country(run: Callable[[str], Extraction]) -> None:
    ex = run("Ghana Police said on Tuesday that they had arrested two suspects in Accra.")
    found = kinds(ex)
    assert "Ghana Police" not in found, found
    assert found.get("Ghana") == "country", found


def test_a_government_noun_is_no_town_of_that_name(run: Callable[[str], Extraction]) -> None:
    ex = run("Lagos's Police Chief, Ade Bello, described the raid as a crime.")
    assert "Police" not in kinds(ex), kinds(ex)


def test_two_people_joined_by_and_are_no_organisation(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "President Tomas Ortega met his rival Luis Bravo in Lima on Monday. "
        "Ortega and Bravo agreed to hold new talks next month."
    )
    found = kinds(ex)
    assert "Ortega and Bravo" not in found, found
    assert found.get("Tomas Ortega") == "person", found


def test_a_lone_middle_name_is_the_three_word_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Colonel Jean Mba Obame led the coup on Wednesday. Supporters of Mba marched through the capital."
    )
    found = kinds(ex)
    assert "Mba" not in found, found
    assert "Mba" in aliases(ex).get("Jean Mba Obame", []), aliases(ex)


def test_a_capitalised_noun_modifying_a_noun_is_no_name(run: Callable[[str], Extraction]) -> None:
    ex = run("Gunmen stormed a hotel in Mogadishu on Friday.\n\nShrapnel wounds were treated at a clinic.")
    assert "Shrapnel" not in kinds(ex), kinds(ex)


def test_a_leader_after_government_of_is_a_person(nlp: Language) -> None:
    doc = nlp("Soldiers seized power from the elected government of Ana Ruiz Pereda last year.")
    name = next(i for i, t in enumerate(doc) if t.text == "Ana")
    assert led_by_person(doc[name : name + 3])
    assert not led_by_person(doc[name - 2 : name])  # "government of": not a name after it
    body = nlp("Talks with the government of National Unity Council resumed.")
    start = next(i for i, t in enumerate(body) if t.text == "National")
    assert not led_by_person(body[start : start + 3])  # "Council" is a body's word


def test_a_junta_of_a_country_is_the_country(run: Callable[[str], Extraction]) -> None:
    ex = run("The Malian junta expelled the French ambassador on Monday.")
    found = kinds(ex)
    assert found.get("Mali") == "country", found
    assert not any("junta" in name for name in found), found


def test_a_company_noun_names_an_organisation(run: Callable[[str], Extraction]) -> None:
    ex = run("The European Union banned the Belarusian state airline Belavia from its airspace.")
    assert kinds(ex).get("Belavia") == "organization", kinds(ex)


def test_an_emotional_adjective_is_no_part_of_a_collective_name(run: Callable[[str], Extraction]) -> None:
    ex = run("Troops shelled the village of Karum on Sunday, killing 12 innocent civilians, the mayor said.")
    found = kinds(ex)
    assert not any("civilians" in name for name in found), found
    assert found.get("Karum") == "place", found


def test_factions_of_a_people_are_an_armed_group_not_a_country(run: Callable[[str], Extraction]) -> None:
    ex = run("Hamas and two other Palestinian factions fired rockets at Israel on Monday.")
    found = kinds(ex)
    assert found.get("Palestinian factions") == "armed_group", found
    assert "Palestine" not in found, found
    plain = kinds(run("Clashes between rival factions broke out in Tripoli on Monday."))
    assert not any("factions" in name for name in plain), plain


def test_every_name_listed_after_a_plural_place_noun_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run("Shells landed near the cities of Varden, Oskel, and Brimo on Tuesday.")
    found = kinds(ex)
    assert {found.get(n) for n in ("Varden", "Oskel", "Brimo")} == {"place"}, found
