"""Round 12 entity rules (loaders/entities/state_units.py, bodies.py, the carrier and maker words in
candidates.py, titled names, alias cues; one event guard in loaders/events/blame.py), on sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent, Extraction
from tests.loaders.extracted import kinds, of_type, rels


def test_a_guard_unit_of_a_state_is_the_state(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Soldiers of Togo's Presidential Guard sealed off the palace in Lome on Friday. "
        "The Presidential Guard later said Togo's leader was safe."
    )
    found = kinds(ex)
    assert "Presidential Guard" not in found, found
    togo = next(e for e in ex.entities if e.name == "Togo")
    assert "Presidential Guard" in togo.aliases, togo.aliases


def test_a_guard_unit_joins_the_country_the_article_is_about(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Chad's army said the Republican Guard had taken the airport in N'Djamena. "
        "Chad's government said the vote was postponed and Chad closed its borders with Sudan."
    )
    found = kinds(ex)
    assert "Republican Guard" not in found, found


def test_a_company_before_a_carrier_noun_is_the_operator(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "A Wizz Air plane bound for Milan was escorted by fighter jets, and a Lufthansa airliner "
        "returned to Frankfurt after the alert."
    )
    found = kinds(ex)
    assert found.get("Wizz Air") == "organization", found
    assert found.get("Lufthansa") == "organization", found


def test_an_aircraft_maker_is_no_actor(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "An Embraer jet of Kenya Airways landed in Nairobi, and an Airbus operated by Qatar Airways "
        "was diverted to Doha."
    )
    found = kinds(ex)
    assert "Embraer" not in found and "Airbus" not in found, found
    assert found.get("Qatar Airways") == "organization", found


def test_a_lower_case_body_that_acts_or_holds_an_office(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The national election commission declared the ruling party the winner on Monday. "
        "General Amadou Diallo, head of the transitional council, promised a vote next year."
    )
    found = kinds(ex)
    assert found.get("national election commission") == "organization", found
    assert found.get("transitional council") == "organization", found


def test_a_lower_case_body_that_is_only_mentioned_is_not_proposed(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "A parliamentary committee will study the bill. The Independent Electoral Commission said "
        "the electoral commission would publish results on Friday."
    )
    found = kinds(ex)
    assert "parliamentary committee" not in found, found
    assert "electoral commission" not in found, found


def test_two_demonyms_before_border_name_no_place(run: Callable[[str], Extraction]) -> None:
    ex = run("Guards exchanged fire on the Uzbek-Kyrgyz border, and shells fell near the Iran-Iraq border.")
    found = kinds(ex)
    assert not any("border" in name for name in found), found
    assert found.get("Uzbekistan") == "country", found


def test_initials_without_stops_after_a_title(run: Callable[[str], Extraction]) -> None:
    ex = run("Police said the road was closed, police spokesman Superintendent RK Gunaratne told reporters.")
    found = kinds(ex)
    assert found.get("RK Gunaratne") == "person", found


def test_a_title_led_run_before_a_name_is_one_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Lieutenant Colonel Jean-Pierre Mbaye Ndiaye was sworn in. Crowds cheered General Brice Clothaire "
        "Oligui Nguema in Libreville."
    )
    found = kinds(ex)
    assert found.get("Jean-Pierre Mbaye Ndiaye") == "person", found
    assert not any(k == "organization" for k in found.values()), found


def test_a_lower_case_title_after_a_body_marks_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run("AU Commission chairman Moussa Faki Mahamat called on both sides to return to talks.")
    assert kinds(ex).get("Moussa Faki Mahamat") == "person", kinds(ex)


def test_a_town_after_outskirts_of_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run("Forces loyal to the general shelled the outskirts of Misrata overnight.")
    assert kinds(ex).get("Misrata") == "place", kinds(ex)


def test_gangs_and_bandits_are_armed_collectives(run: Callable[[str], Extraction]) -> None:
    ex = run("Armed gangs attacked a police station in Kano, and bandits kidnapped 30 pupils in Kaduna.")
    found = kinds(ex)
    assert found.get("gangs") == "armed_group", found
    assert found.get("bandits") == "armed_group", found


def test_an_alias_cue_on_a_known_short_form_joins_nothing_else(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "UN experts said thousands of troops had crossed. The Southern African Development Community, "
        "known as SADC, ended its mission."
    )
    un = next(e for e in ex.entities if e.name == "United Nations")
    assert "SADC" not in un.aliases, un.aliases


def test_a_spokesman_reporting_his_own_body_accuses_no_one(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    evs = events(
        "The navy sank three rebel boats near the coast on Monday, navy spokesman Captain Ravi Perera said."
    )
    assert not of_type(evs, "ACCUSE"), evs
    evs = events("Army spokesman Colonel Ali Hassan said the rebels attacked a convoy on Monday.")
    assert of_type(evs, "ACCUSE"), evs


def test_a_name_before_a_media_descriptor_is_an_outlet(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The strike killed two guards, according to Iran's Tasnim news agency. "
        "Turkish Army Radio said the convoy had turned back."
    )
    found = kinds(ex)
    assert found.get("Tasnim") == "organization", found
    assert found.get("Turkish Army Radio") == "organization", found
    assert ("Turkish Army Radio", "AFFILIATED_WITH", "Turkey") not in rels(ex), rels(ex)


def test_a_title_case_acronym_of_a_known_body(run: Callable[[str], Extraction]) -> None:
    ex = run("Ecowas suspended Guinea after the coup, and Nato said it was watching the region.")
    found = kinds(ex)
    assert found.get("ECOWAS") == "organization", found
    assert found.get("NATO") == "organization", found


def test_an_opening_modifier_is_cut_from_a_known_name(run: Callable[[str], Extraction]) -> None:
    ex = run("Troops left Mali last year. Neighbouring Niger has followed a similar path.")
    assert kinds(ex).get("Niger") == "country", kinds(ex)


def test_a_section_label_is_no_name(run: Callable[[str], Extraction]) -> None:
    ex = run("Explainer: why the talks in Doha failed\n\nQatar said the talks would resume.")
    assert "Explainer" not in kinds(ex), kinds(ex)


def test_a_bare_compass_word_is_the_country_the_text_names_with_it(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "South Sudan accused Sudan of bombing oil fields. The South said the raids killed five people, "
        "and North Korea sent an envoy."
    )
    found = kinds(ex)
    assert "South" not in found, found
    ssd = next(e for e in ex.entities if e.name == "South Sudan")
    assert "South" in ssd.aliases, ssd.aliases


def test_a_name_after_a_compass_adjective_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run("Tanks pushed into eastern Bentiu on Tuesday while shelling went on in northern Sudan.")
    found = kinds(ex)
    assert found.get("Bentiu") == "place", found
    assert found.get("Sudan") == "country", found


def test_a_common_noun_opening_a_sentence_is_no_name(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Gunfire was heard near the port of Aden. State Department spokesman Ned Price spoke on Monday. "
        "Price said the talks would go on."
    )
    found = kinds(ex)
    assert "Gunfire" not in found, found
    assert found.get("Ned Price") == "person", found


def test_a_name_described_as_an_armed_collective_is_an_armed_group(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Soldiers clashed with the Gulf Clan, the country's biggest drug trafficking gang, near the coast. "
        "Police also raided the Sierra Brigade, the largest rebel group in the hills."
    )
    found = kinds(ex)
    assert found.get("Gulf Clan") == "armed_group", found


def test_two_people_sharing_a_surname_stay_two(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The militia is led by Ahmed Salim Warsame. His cousin, Hassan Warsame, was arrested in Mombasa. "
        "Warsame denied the charges."
    )
    found = kinds(ex)
    assert found.get("Ahmed Salim Warsame") == "person", found
    assert found.get("Hassan Warsame") == "person", found


def test_a_surname_with_an_arabic_article_joins_the_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "General Khalid Mahmoud al-Tayeb addressed troops in Omdurman. Al-Tayeb's forces later denied "
        "shelling the market."
    )
    found = kinds(ex)
    assert "Al-Tayeb" not in found, found
    assert found.get("Khalid Mahmoud al-Tayeb") == "person", found


def test_a_nickname_after_known_as_is_the_person(run: Callable[[str], Extraction]) -> None:
    ex = run("The group is commanded by Ali Mohamed Rage, known as Dhere, who spoke in Mogadishu.")
    person = next(e for e in ex.entities if e.name == "Ali Mohamed Rage")
    assert "Dhere" in person.aliases and "Dhere" not in kinds(ex), (person.aliases, kinds(ex))


def test_a_gerund_after_a_preposition_is_no_part_of_a_collective(run: Callable[[str], Extraction]) -> None:
    ex = run("The army accused the rebels of shelling refugees in Goma.")
    assert not any("shelling" in name for name in kinds(ex)), kinds(ex)


def test_a_name_after_an_office_and_a_comma_is_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Fighting went on near the capital. The African Union's envoy, Olusegun Obasanjo, has been "
        "trying to broker talks in Pretoria."
    )
    found = kinds(ex)
    assert found.get("Olusegun Obasanjo") == "person", found


def test_a_building_is_a_place(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The activist was moved to Evin Prison in Tehran. Fighters held out in the Azovstal steel plant "
        "in Mariupol, and troops raided Al-Shifa Hospital."
    )
    found = kinds(ex)
    assert found.get("Evin Prison") == "place", found
    assert found.get("Azovstal") == "place", found
    assert found.get("Al-Shifa Hospital") == "place", found
