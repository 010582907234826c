"""Round 15: relations other than STRUCK on unseen news (docs/extraction-rounds.md "Round 15: relx").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels

Run = Callable[[str], Extraction]


def test_names_listed_after_a_plural_title_each_hold_the_office(run: Run) -> None:
    ex = run(
        "Crowds in Peru attacked the houses of former prime ministers Jorge Salas and Marco Rivas on "
        "Tuesday. Peru has seen weeks of unrest."
    )
    assert ("Jorge Salas", "AFFILIATED_WITH", "Peru") in rels(ex)
    assert ("Marco Rivas", "AFFILIATED_WITH", "Peru") in rels(ex)


def test_a_quoted_nickname_between_listed_holders_is_passed_over(run: Run) -> None:
    ex = run(
        "Crowds in Peru attacked the houses of former prime ministers Jorge Salas 'El Toro' and Marco "
        "Rivas on Tuesday. Peru has seen weeks of unrest."
    )
    assert ("Marco Rivas", "AFFILIATED_WITH", "Peru") in rels(ex)


def test_a_singular_title_is_not_shared_with_the_next_name(run: Run) -> None:
    # "President X and Y": only X is said to hold the office
    ex = run(
        "The plane carried Peruvian President Jorge Salas and Marco Rivas to Lima. Peru mourned. "
        "Peru said the crash was an accident."
    )
    assert ("Jorge Salas", "AFFILIATED_WITH", "Peru") in rels(ex)
    assert ("Marco Rivas", "AFFILIATED_WITH", "Peru") not in rels(ex)


def test_names_with_their_state_after_a_count_of_senators_sit_in_the_senate(run: Run) -> None:
    ex = run(
        "The bill won the votes of only four of 30 Republican senators when it first passed the Senate in "
        "May. Those who switched were James Harlan of Iowa and Peter Quince of Ohio."
    )
    assert ("James Harlan", "AFFILIATED_WITH", "Senate") in rels(ex)
    assert ("Peter Quince", "AFFILIATED_WITH", "Senate") in rels(ex)


def test_a_name_with_its_state_and_no_chamber_count_is_no_senator(run: Run) -> None:
    ex = run("The farmers met James Harlan of Iowa before the Senate voted on the bill.")
    assert ("James Harlan", "AFFILIATED_WITH", "Senate") not in rels(ex)


def test_a_known_office_holder_of_earlier_decades_gets_the_country_he_served(run: Run) -> None:
    # two countries equally often: no main country, so only the office-holder list can tell
    ex = run(
        "President Ronald Reagan said on Monday that Libya must stop backing attacks. "
        "Libya said the United States was lying."
    )
    assert ("Ronald Reagan", "AFFILIATED_WITH", "United States") in rels(ex)
    ex = run(
        "Soviet tanks rolled in overnight, and First Secretary Alexander Dubcek was flown to Moscow. "
        "Czechoslovakia protested to the Soviet Union."
    )
    assert ("Alexander Dubcek", "AFFILIATED_WITH", "Czechoslovakia") in rels(ex)


def test_sending_a_peacekeeping_force_into_a_country_supports_it(run: Run) -> None:
    ex = run("Zambia has sent paratroopers into Malawi as part of a regional peacekeeping force.")
    assert ("Zambia", "SUPPORTS", "Malawi") in rels(ex)
    assert ("Angola", "SUPPORTS", "Malawi") in rels(run("Angola sent peacekeepers to Malawi."))


def test_sending_forces_with_no_peacekeeping_word_is_no_support(run: Run) -> None:
    ex = run("Zambia has sent paratroopers into Malawi.")
    assert ("Zambia", "SUPPORTS", "Malawi") not in rels(ex)


def test_a_capital_that_falls_to_a_force_is_the_town_it_controls(run: Run) -> None:
    ex = run("Fighting in Yemen grew in 2014, when Sanaa fell to the Houthis.")
    assert ("Houthis", "CONTROLS", "Sanaa") in rels(ex)
    # the capital as a speaker is still the government
    ex = run("Sanaa said the Houthis had attacked a checkpoint in Yemen.")
    assert all(e.name != "Sanaa" for e in ex.entities)


def test_places_under_government_control_are_held_by_the_article_s_country(run: Run) -> None:
    ex = run(
        "Malawi has fought the Northern Front for years. Malawi said the towns of Mchinji and Salima "
        "were now under government control."
    )
    assert ("Malawi", "CONTROLS", "Mchinji") in rels(ex)
    assert ("Malawi", "CONTROLS", "Salima") in rels(ex)


def test_government_control_with_no_main_country_names_nobody(run: Run) -> None:
    ex = run("Malawi and Zambia said the town of Salima was now under government control.")
    assert not [r for r in rels(ex) if r[1] == "CONTROLS"]


def test_a_capital_placed_in_a_named_land_is_the_town(run: Run) -> None:
    ex = run("The first targets were Harare, Lusaka in Zambia, Lilongwe in Malawi and several other cities.")
    assert ("Lilongwe", "LOCATED_IN", "Malawi") in rels(ex)
    assert ("Lusaka", "LOCATED_IN", "Zambia") in rels(ex)
    # a place the rules placed gets no second place guessed from the same list
    assert ("Lusaka", "LOCATED_IN", "Malawi") not in rels(ex)


def test_a_capital_in_a_month_is_still_the_government(run: Run) -> None:
    ex = run("Lusaka in January said it would not negotiate with Malawi.")
    assert all(e.name != "Lusaka" for e in ex.entities)


def test_a_condemned_attack_was_carried_out_by_whoever_launched_it(run: Run) -> None:
    ex = run(
        "The Malawian army launched an airstrike on a remote village on Tuesday. "
        "The United Nations has condemned the attack."
    )
    assert ("United Nations", "CONDEMNED", "Malawi") in rels(ex)


def test_a_headline_s_launched_airstrike_tells_who_acted(run: Run) -> None:
    ex = run(
        "Malawi junta launches airstrike on remote village: dozens feared dead\n\n"
        "The United Nations has condemned the attack that targeted a village in the northern Mzimba "
        "region. Rights groups said dozens of people were killed."
    )
    assert ("United Nations", "CONDEMNED", "Malawi") in rels(ex)


def test_an_airstrike_that_was_not_launched_tells_nobody(run: Run) -> None:
    ex = run(
        "The Malawian army did not launch an airstrike on the village, officials said. "
        "The United Nations has condemned the attack."
    )
    assert ("United Nations", "CONDEMNED", "Malawi") not in rels(ex)


def test_an_indefinite_site_placed_in_a_land_is_the_one_site_named_with_that_noun(run: Run) -> None:
    ex = run(
        "Rebels have fired several missiles at an airport in southwest Malawi, the group said. "
        "The rebels fired ten missiles at Mzuzu airport on Sunday, a spokesman said."
    )
    assert ("Mzuzu airport", "LOCATED_IN", "Malawi") in rels(ex)


def test_an_indefinite_site_with_two_named_candidates_is_placed_nowhere(run: Run) -> None:
    ex = run(
        "Rebels have fired several missiles at an airport in southwest Malawi, the group said. "
        "Flights left Mzuzu airport and Karonga airport on Sunday."
    )
    assert not [r for r in rels(ex) if r[1] == "LOCATED_IN" and r[2] == "Malawi"]


def test_a_title_only_one_country_uses_names_that_country(run: Run) -> None:
    ex = run(
        "Treasury Secretary Carl Jansen announced sanctions against Venezuela's oil company. "
        "The United States wants Venezuela to change course, Jansen said. Venezuela rejected the sanctions."
    )
    assert ("Carl Jansen", "AFFILIATED_WITH", "United States") in rels(ex)


def test_a_country_title_needs_its_country_in_the_article(run: Run) -> None:
    ex = run("Treasury Secretary Carl Jansen announced sanctions. Venezuela rejected the sanctions.")
    assert ("Carl Jansen", "AFFILIATED_WITH", "United States") not in rels(ex)


def test_an_office_of_a_body_before_the_name_in_apposition(run: Run) -> None:
    # the parser hangs the name on the body, not on the office
    ex = run(
        "The chief justice of the Supreme Constitutional Court, Maria Banda, was sworn in as interim "
        "president of Malawi on Thursday."
    )
    assert ("Maria Banda", "AFFILIATED_WITH", "Supreme Constitutional Court") in rels(ex)


def test_a_name_in_apposition_to_a_body_with_no_office_is_no_member(run: Run) -> None:
    ex = run("The building of the Supreme Constitutional Court, Maria Banda said, was damaged.")
    assert ("Maria Banda", "AFFILIATED_WITH", "Supreme Constitutional Court") not in rels(ex)
