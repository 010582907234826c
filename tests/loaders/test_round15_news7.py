"""Round 15 entities on bench/news7 half A: sentences of our own for each construction (news7 helper)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds


def _aliases(ex: Extraction) -> dict[str, list[str]]:
    return {e.name: list(e.aliases) for e in ex.entities}


def test_a_named_war_is_no_body(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Historians call it the Chaco War. Veterans of the Paraguayan Civil War and of the "
        "Indo-Ruritanian War of 1965 marched in Asuncion on Sunday."
    )
    names = set(kinds(ex))
    assert not any("War" in n for n in names), names


def test_a_headline_printed_twice_gives_only_the_names_the_story_writes(
    run: Callable[[str], Extraction],
) -> None:
    ex = run(
        "Okonkwo Quits in Ruritania 'Quiet Coup'\n"
        "Published on Sunday, May 4, 2003 by Reuters\n"
        "Okonkwo Quits in Ruritania 'Quiet Coup'\n\n"
        "President Emeka Okonkwo announced his resignation on Sunday, bowing to protesters."
    )
    names = set(kinds(ex))
    assert any("Okonkwo" in n for n in names), names
    assert not any("Quits" in n for n in names), names


def test_an_irregular_verb_on_a_headline_is_no_name(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Bolivian President Forced To Resign, Interim President Sworn in\n"
        "Resignation Sends Shock Waves Through Tin Markets; (Read photo caption within) *Torres in Army "
        "Custody; __\n"
        "LA PAZ, Bolivia (Reuters) - Bolivian army officers forced President Juan Torres to resign on Friday."
    )
    names = set(kinds(ex))
    assert "Juan Torres" in names, names
    assert "Sworn" not in names, names


def test_bare_service_branches_are_no_bodies_of_their_own(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Peruvian officers forced the president out on Friday. Senior officers from all branches of the "
        "military -- Army, Navy, Air Force and National Guard -- backed the Peruvian transition."
    )
    names = set(kinds(ex))
    assert "Peru" in names, names
    assert not names & {"Army", "Navy", "Air Force", "National Guard", "Air Force and National Guard"}, names


def test_a_leader_named_on_his_administration_is_no_person(run: Callable[[str], Extraction]) -> None:
    ex = run("In Washington, a Carter administration spokesman said the embargo would stay.")
    assert "Carter" not in kinds(ex), kinds(ex)


def test_a_capital_described_by_a_relative_clause_is_the_town(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "In Kabul, which fell to the rebels in the morning, the treaty was signed by the two commanders."
    )
    found = kinds(ex)
    assert found.get("Kabul") == "place", found
    assert "Afghanistan" not in found, found


def test_the_streets_of_a_capital_are_the_town(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The coup was launched while the president was abroad. As tanks rolled through the streets of Lima, "
        "a call from the president was broadcast on state television."
    )
    found = kinds(ex)
    assert found.get("Lima") == "place", found
    assert "Peru" not in found, found


def test_a_body_set_up_under_a_name_is_one_entity(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Officers set up a junta under the name of the National Salvation Council. The junta nominated a "
        "retired general to be interim prime minister."
    )
    names = set(kinds(ex))
    assert "National Salvation Council" in names, names
    assert "junta" not in names, names
    assert "junta" in _aliases(ex)["National Salvation Council"], _aliases(ex)


def test_a_states_command_named_by_its_bearing_is_the_state(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Ruritanian commander of India's Eastern Command, Lieutenant General Ram Singh, accepted the "
        "surrender. Sudan's Rapid Support Forces fought on."
    )
    found = kinds(ex)
    assert "Eastern Command" not in found, found
    assert "Eastern Command" in _aliases(ex)["India"], _aliases(ex)
    assert "Rapid Support Forces" in found, found


def test_a_two_word_title_opens_a_persons_name(run: Callable[[str], Extraction]) -> None:
    ex = run("The junta nominated Privy Councillor Somchai Wongsawat, a former judge, to be prime minister.")
    found = kinds(ex)
    assert found.get("Somchai Wongsawat") == "person", found
    assert not any("Privy" in n for n in found), found


def test_a_town_named_person_shown_by_leading_or_age(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Officers ushered in a transition government led by Carmona. Carmona pledged that those responsible "
        "would be brought to justice."
    )
    assert kinds(ex).get("Carmona") == "person", kinds(ex)


def test_a_party_named_by_its_country_and_a_particle_is_a_body(run: Callable[[str], Extraction]) -> None:
    ex = run("Militias from Bangladesh Jamaat-e-Islami killed dozens of villagers.")
    assert kinds(ex).get("Bangladesh Jamaat-e-Islami") == "organization", kinds(ex)


def test_names_before_plural_sectors_are_places(run: Callable[[str], Extraction]) -> None:
    ex = run("I covered the war in the Uri and Poonch sectors of Kashmir as a correspondent.")
    found = kinds(ex)
    assert found.get("Uri") == "place", found
    assert found.get("Poonch") == "place", found


def test_a_pair_of_peoples_is_no_body(run: Callable[[str], Extraction]) -> None:
    ex = run("The visit was meant to warm Indo-Pak ties, and Sino-Indian relations were also discussed.")
    assert not any("-" in n for n in kinds(ex)), kinds(ex)


def test_a_state_bodys_building_is_no_place_of_that_name(run: Callable[[str], Extraction]) -> None:
    ex = run("The exiles were treated at a U.S. Navy hospital. Britain said it would help.")
    found = kinds(ex)
    assert "U.S. Navy" not in found, found
    assert found.get("United States") == "country", found


def test_an_islands_description_is_no_place_of_its_own(run: Callable[[str], Extraction]) -> None:
    ex = run("The exiles flew on to the American Pacific island of Saipan on Tuesday.")
    assert not any("island" in n for n in kinds(ex)), kinds(ex)
