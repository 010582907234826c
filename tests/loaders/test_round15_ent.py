"""Round 15 entities on news nobody tuned on (news5 A): sentences of our own for each construction."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds


def aliases(ex: Extraction, name: str) -> list[str]:
    return next((e.aliases for e in ex.entities if e.name == name), [])


def test_an_abbreviated_title_ends_no_body_name(run: Callable[..., Extraction]) -> None:
    ex = run("On Monday, Kazakh Pres. Nurlan Abenov said he had asked for help.")
    found = kinds(ex)
    assert not any(n.endswith("Pres") for n in found), found
    assert found.get("Kazakhstan") == "country", found


def test_the_holder_after_an_office_of_a_country(run: Callable[..., Extraction]) -> None:
    ex = run("The council met in Minsk, Prime Minister of Armenia Davit Harutyunyan said on Friday.")
    found = kinds(ex)
    assert found.get("Davit Harutyunyan") == "person", found
    assert found.get("Armenia") == "country", found


def test_a_peoples_republic_is_the_state(run: Callable[..., Extraction]) -> None:
    ex = run(
        "Units of the Hungarian People's Republic and the German Democratic People's Republic crossed "
        "the border before dawn.",
        published="1968-08-22",
    )
    found = kinds(ex)
    assert found.get("Hungary") == "country", found
    assert found.get("East Germany") == "country", found
    assert not any("Republic" in n for n in found), found


def test_parts_of_a_state_that_were_no_states_yet_are_places(run: Callable[..., Extraction]) -> None:
    ex = run(
        "Russian tanks rolled into the Slovak capital of Bratislava overnight. The Soviet Union said its "
        "troops would stay. Other units moved in from Ukraine.",
        published="1968-08-22",
    )
    found = kinds(ex)
    assert "Slovakia" not in found, found
    assert "Russia" not in found and "Russian" in aliases(ex, "Soviet Union"), found
    assert found.get("Bratislava") == "place", found
    assert found.get("Ukraine") == "place", found
    later = kinds(run("Ukraine said its troops would stay in the east.", published="2021-06-10"))
    assert later.get("Ukraine") == "country", later


def test_a_historic_states_capital_is_its_seat(run: Callable[..., Extraction]) -> None:
    ex = run("Prague protested to Moscow on Tuesday.", published="1968-08-22")
    found = kinds(ex)
    assert "Czech Republic" not in found, found
    assert found.get("Czechoslovakia") == "country", found


def test_a_capital_written_as_the_town(run: Callable[..., Extraction]) -> None:
    ex = run(
        "Jets struck Belgrade, Skopje in North Macedonia and two other towns. Tirana was shelled at "
        "night. Columns reached the Hungarian capital of Budapest by noon."
    )
    found = kinds(ex)
    assert found.get("Skopje") == "place", found
    assert found.get("Tirana") == "place", found
    assert found.get("Budapest") == "place", found


def test_a_town_is_no_short_form_of_a_station_named_after_it(run: Callable[..., Extraction]) -> None:
    ex = run("Radio Ostrava said on Sunday that troops had reached Ostrava before dawn.")
    found = kinds(ex)
    assert found.get("Ostrava") == "place", found
    assert "Ostrava" not in aliases(ex, "Radio Ostrava"), ex.entities


def test_a_stateless_people_tagged_person_is_a_group(run: Callable[..., Extraction]) -> None:
    ex = run("Gunmen killed members of the minority Tutsi tribe in the capital on Thursday.")
    found = kinds(ex)
    assert found.get("Tutsi") in {"group", None}, found
    assert "person" not in {found.get("Tutsi")}, found


def test_aircraft_before_fighters_are_no_armed_group(run: Callable[..., Extraction]) -> None:
    ex = run("Giant Tupolev transports, covered by MIG jet fighters, landed at the airport every minute.")
    found = kinds(ex)
    assert not any("fighters" in n for n in found), found
    assert "Tupolev" not in found, found


def test_a_one_word_place_written_as_a_person(run: Callable[..., Extraction]) -> None:
    ex = run(
        "North Korean leader Kim Jong Un met the envoy on Monday. Kim said the talks had gone well, "
        "and Kim thanked the hosts."
    )
    found = kinds(ex)
    assert found.get("Kim Jong Un") == "person", found
    assert "Kim" not in found, found
    ex = run("Army ousts Morsi, who decries 'coup'\n\nThe army removed the president on Wednesday.")
    assert kinds(ex).get("Morsi") == "person", kinds(ex)


def test_a_town_word_ending_a_capitalised_nickname(run: Callable[..., Extraction]) -> None:
    ex = run('He mocked the North Korean leader as "Little Rocket Man" in a speech on Monday.')
    assert "Man" not in kinds(ex), kinds(ex)


def test_a_shouted_slogan_is_no_name(run: Callable[..., Extraction]) -> None:
    ex = run("INVADERS GO HOME!\n\nCrowds gathered in the square on Friday as tanks rolled in.")
    assert not any("HOME" in n for n in kinds(ex)), kinds(ex)


def test_a_towns_airport_written_three_ways_is_one_place(run: Callable[..., Extraction]) -> None:
    ex = run(
        "A drone struck a convoy at Kabul's international airport on Friday. Blasts at Kabul "
        "International Airport were heard across the city. The strike at Kabul's airport killed ten."
    )
    airports = [n for n in kinds(ex) if "airport" in n.lower()]
    assert len(airports) == 1, airports


def test_an_embassy_attacked_or_placed_is_a_place(run: Callable[..., Extraction]) -> None:
    ex = run("Militia supporters stormed the Canadian Embassy in Baghdad on Tuesday.")
    assert kinds(ex).get("Canadian Embassy") == "place", kinds(ex)
    ex = run("The Canadian Embassy said on Tuesday that it would stay open.")
    assert kinds(ex).get("Canadian Embassy") == "organization", kinds(ex)


def test_a_designated_category_is_no_body(run: Callable[..., Extraction]) -> None:
    ex = run(
        "The strike killed the leader of Kataib Hezbollah, a U.S.-designated Foreign Terrorist Organization."
    )
    assert "Foreign Terrorist Organization" not in kinds(ex), kinds(ex)


def test_code_names_and_ship_names_are_no_places(run: Callable[..., Extraction]) -> None:
    ex = run(
        'The raid, code-named "Operation El Dorado Canyon," began at night. Jets took off from the '
        "aircraft carriers Saratoga and Forrestal."
    )
    found = kinds(ex)
    assert "El Dorado" not in found, found
    assert "Saratoga" not in found, found


def test_a_body_and_its_unit_run_together(run: Callable[..., Extraction]) -> None:
    ex = run("He became head of the IRGC al-Quds Force in 1998, the IRGC said.")
    found = kinds(ex)
    assert found.get("Islamic Revolutionary Guard Corps") == "organization", found
    assert len(found) == 1, found


def test_the_north_atlantic_alliance_is_nato(run: Callable[..., Extraction]) -> None:
    ex = run("Forces of the North Atlantic Alliance began air strikes on Wednesday.")
    assert "NATO" in kinds(ex), kinds(ex)


def test_a_stateless_people_that_acts_is_a_group(run: Callable[..., Extraction]) -> None:
    ex = run(
        "Radio broadcasts encouraged Hutus to drive out the Tutsis. Members of the minority Tutsi tribe "
        "hid in the stadium."
    )
    found = kinds(ex)
    assert found.get("Hutus") == "group", found
    assert found.get("Tutsis") == "group" and "Tutsi" not in found, found
