"""Round 15 (second wave): rel7, relations on unseen news (docs/extraction-rounds.md "Round 15 (second wave):
rel7"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels

Run = Callable[[str], Extraction]

COMMANDERS = (
    "Talks ended in Lhasa.\n\nThe treaty was signed by the Chinese Army commander of the western region, "
    "Major General Li Wei, and accepted by the Nepalese Army commander of its southern forces, Brigadier "
    "General Ram Thapa."
)

TALKS = (
    "Kenya in turmoil\n\nKenyan President Uhuru Kenyatta resigned on Sunday. His resignation followed talks "
    "with Ugandan Foreign Minister Sam Kutesa, main opposition leader Raila Odinga and fellow opposition "
    "activist Martha Karua at the president's residence in Nairobi."
)


def test_an_office_phrase_before_a_comma_and_a_ranked_name_is_his_office(run: Run) -> None:
    # the parser hangs each name on the verb, not on "commander"
    ex = run(COMMANDERS)
    assert ("Li Wei", "AFFILIATED_WITH", "China") in rels(ex)
    assert ("Ram Thapa", "AFFILIATED_WITH", "Nepal") in rels(ex)


def test_a_name_that_speaks_after_an_office_phrase_is_not_given_it(run: Run) -> None:
    ex = run(
        "Talks ended in Lhasa.\n\nAfter meeting the Chinese Army commander, Li Wei said the talks had failed."
    )
    assert ("Li Wei", "AFFILIATED_WITH", "China") not in rels(ex)


def test_talks_that_a_persons_act_followed_are_his(run: Run) -> None:
    ex = run(TALKS)
    for other in ("Sam Kutesa", "Raila Odinga", "Martha Karua"):
        assert ("Uhuru Kenyatta", "SPOKE_WITH", other) in rels(ex)


def test_a_country_in_another_persons_title_is_not_the_next_names(run: Run) -> None:
    # "Ugandan" is Kutesa's; the opposition figures listed after him are not Ugandan
    ex = run(TALKS)
    assert ("Sam Kutesa", "AFFILIATED_WITH", "Uganda") in rels(ex)
    assert ("Raila Odinga", "AFFILIATED_WITH", "Uganda") not in rels(ex)
    assert ("Martha Karua", "AFFILIATED_WITH", "Uganda") not in rels(ex)


def test_places_listed_before_a_plural_place_noun_are_parts_of_its_place(run: Run) -> None:
    ex = run(
        "Fighting in the hills\n\nGovernment troops later fought in the Rutshuru and Masisi districts of "
        "North Kivu."
    )
    assert ("Rutshuru", "LOCATED_IN", "North Kivu") in rels(ex)
    assert ("Masisi", "LOCATED_IN", "North Kivu") in rels(ex)


def test_ground_occupied_in_a_place_is_control_of_it(run: Run) -> None:
    ex = run(
        "Fighting in the hills\n\nBefore it sunk in, the M23 rebels had already occupied strategic heights "
        "in the Tora district in North Kivu."
    )
    assert ("M23", "CONTROLS", "Tora district") in rels(ex)


def test_things_seized_in_a_place_are_no_control_of_it(run: Run) -> None:
    ex = run("Fighting in the hills\n\nThe M23 rebels seized weapons in the Tora district in North Kivu.")
    assert ("M23", "CONTROLS", "Tora district") not in rels(ex)


def test_a_call_for_calm_after_an_ouster_opposes_nobody(run: Run) -> None:
    ex = run(
        "Coup in Venezuela\n\nIn the first world reaction to Hugo Chavez's ouster, Brazil and Mercosur chair "
        "Argentina called for calm in the country. Protesters in Caracas called for Chavez's ouster."
    )
    assert ("Brazil", "OPPOSES", "Hugo Chavez") not in rels(ex)
    assert ("Argentina", "OPPOSES", "Hugo Chavez") not in rels(ex)
    assert ("protesters", "OPPOSES", "Hugo Chavez") in rels(ex)


def test_a_site_in_a_capitals_named_zone_lies_in_the_zone(run: Run) -> None:
    ex = run(
        "Crisis in the region\n\nProtesters gathered outside the French Embassy in Kabul's heavily "
        "fortified Green Zone."
    )
    assert ("French Embassy", "LOCATED_IN", "Green Zone") in rels(ex)
    assert ("French Embassy", "LOCATED_IN", "Afghanistan") not in rels(ex)


def test_the_office_of_a_second_listed_name_in_apposition_is_his(run: Run) -> None:
    # the parser hangs "the president of Burundi" on the first name of the list
    ex = run(
        "Plane down\n\nOn Monday, a plane carrying Rwandan President Paul Mugisha and Pierre Ndayizeye, the "
        "Hutu president of Burundi, was shot down as it prepared to land in Kigali."
    )
    assert ("Pierre Ndayizeye", "AFFILIATED_WITH", "Burundi") in rels(ex)


def test_two_coordinated_adjectives_of_one_force_are_two_sides(run: Run) -> None:
    ex = run(
        "Invasion\n\nTurkish and Iranian troops quickly seized the industrial city of Erbil in northern Iraq."
    )
    assert ("Iran", "CONTROLS", "Erbil") in rels(ex)
    assert ("Turkey", "CONTROLS", "Erbil") in rels(ex)


def test_a_single_adjective_before_a_named_force_adds_no_side(run: Run) -> None:
    ex = run("Invasion\n\nIraqi Kurdish fighters seized the town of Sinjar in northern Iraq.")
    assert not any(r[1] == "CONTROLS" and r[0] == "Iraq" for r in rels(ex))


def test_a_demand_for_his_resignation_opposes_the_one_person_named_before(run: Run) -> None:
    ex = run(
        "Salas quits\n\nPeruvian President Jorge Salas announced his resignation on Sunday, bowing to "
        "opposition protesters who stormed parliament and demanded his resignation."
    )
    assert ("opposition protesters", "OPPOSES", "Jorge Salas") in rels(ex)


def test_his_is_left_alone_when_two_persons_were_named(run: Run) -> None:
    ex = run(
        "Salas quits\n\nPeruvian President Jorge Salas met Prime Minister Marco Rivas on Sunday. Opposition "
        "protesters later demanded his resignation."
    )
    assert not any(r[1] == "OPPOSES" and r[0] == "opposition protesters" for r in rels(ex))
