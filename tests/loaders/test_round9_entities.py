"""Round 9 entity rules (loaders/gazetteer.py, loaders/entities/rementions.py), on sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds, rels


def test_a_lower_case_particle_name_opening_a_sentence_is_still_the_known_group(
    run: Callable[[str], Extraction],
) -> None:
    ex = run("Al-Shabaab gunmen attacked a police post near Baidoa. Al-Shabaab later claimed the raid.")
    found = kinds(ex)
    assert found.get("al-Shabab") == "armed_group", found
    assert "Al-Shabaab" not in found


def test_the_kingdom_is_the_one_kingdom_the_article_named(run: Callable[[str], Extraction]) -> None:
    ex = run("Jordan closed its airspace on Saturday. The kingdom condemned Israel for the strikes.")
    assert ("Jordan", "CONDEMNED", "Israel") in rels(ex), rels(ex)


def test_the_kingdom_after_two_kingdoms_is_nobody(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Jordan and Saudi Arabia closed their airspace on Saturday. "
        "The kingdom condemned Israel for the strikes."
    )
    assert not any(r.type == "CONDEMNED" for r in ex.relations), rels(ex)


def test_the_ministry_is_the_ministry_named_before(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Russian Defence Ministry released a statement on Sunday. "
        "The ministry accused Ukraine of shelling Donetsk."
    )
    assert ("Russian Defence Ministry", "ACCUSED", "Ukraine") in rels(ex), rels(ex)


def test_the_group_is_the_armed_group_named_just_before(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Hezbollah said on Monday that it had buried three of its commanders. "
        "Hours later the group fired rockets at Kiryat Shmona."
    )
    assert ("Hezbollah", "STRUCK", "Kiryat Shmona") in rels(ex), rels(ex)


def test_the_group_beside_a_second_body_is_nobody(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Hezbollah said on Monday that the United Nations had failed Lebanon. "
        "Hours later the group fired rockets at Kiryat Shmona."
    )
    assert not any(r.type == "STRUCK" and r.target == "Kiryat Shmona" for r in ex.relations), rels(ex)


def test_the_name_after_an_area_noun_and_of_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run("The army recaptured Tarhuna, in the western province of Jufra, after heavy fighting.")
    assert kinds(ex).get("Jufra") == "place", kinds(ex)


def test_names_coordinated_before_a_plural_place_noun_are_places(run: Callable[[str], Extraction]) -> None:
    ex = run("Rebels hold parts of the neighbouring Homs, Hama and Tartus provinces.")
    found = kinds(ex)
    assert all(found.get(n) == "place" for n in ("Homs", "Hama", "Tartus")), found


def test_a_name_coordinated_with_a_person_is_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "North Korean leader Kim Jong Un test-fired a missile. "
        "The statement said the deal between Kim and Donald Trump was dead."
    )
    found = kinds(ex)
    assert "Kim" not in found, found
    assert found.get("Kim Jong Un") == "person"


def test_two_person_entities_that_touch_are_one_long_name(run: Callable[[str], Extraction]) -> None:
    ex = run("Gunmen loyal to President Mohamed Abdi Farah Yusuf stormed the port.")
    persons = [e.name for e in ex.entities if e.kind == "person"]
    assert persons == ["Mohamed Abdi Farah Yusuf"], persons


def test_common_nouns_capitalised_by_a_headline_are_no_place(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Rebels Seize Border Crossing As Talks Stall\n"
        "Rebels seized the Nasib border crossing on Monday, a rebel commander said."
    )
    assert "Border Crossing" not in kinds(ex), kinds(ex)


def test_a_one_word_body_after_a_place_preposition_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run("Rebels seized the crossing on Monday. Government troops withdrew towards Daraa.")
    assert kinds(ex).get("Daraa") == "place", kinds(ex)


def test_a_body_described_as_the_main_opposition_takes_that_alias(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Popular Front, an alliance of Venezuelan opposition parties, called for new elections on Monday."
    )
    front = next(e for e in ex.entities if e.name == "Popular Front")
    assert "Venezuelan opposition" in front.aliases, front


def test_both_ends_of_a_route_are_places_whatever_the_parse(run: Callable[[str], Extraction]) -> None:
    ex = run("Prosecutors studied the hijacking of the flight from Lagos to Accra after the incident.")
    assert kinds(ex).get("Accra") == "place", kinds(ex)


def test_a_message_from_one_capital_to_another_is_between_governments(
    run: Callable[[str], Extraction],
) -> None:
    ex = run("A message from Moscow to Kyiv warned of retaliation.")
    assert kinds(ex).get("Ukraine") == "country" and "Kyiv" not in kinds(ex), kinds(ex)


def test_a_name_whose_apposition_is_an_office_is_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Samantha Power, the United States ambassador to the United Nations, showed photographs "
        "that she said proved the claim."
    )
    assert kinds(ex).get("Samantha Power") == "person", kinds(ex)
    assert ("Samantha Power", "AFFILIATED_WITH", "United States") in rels(ex)
