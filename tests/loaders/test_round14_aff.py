"""Round 14: affiliations on news nobody tuned on (docs/extraction-rounds.md "Round 14: affiliations"). Every
sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from loaders.relations.legislators import chamber_word, legislator_office
from tests.loaders.extracted import rels

AFF = "AFFILIATED_WITH"


def test_a_senator_sits_in_the_senate_not_in_his_state(run: Callable[[str], Extraction]) -> None:
    # the state of a party tag "(R., Iowa)" is a constituency, not the senator's body
    ex = run("The Senate passed the bill. One senator, Tom Baker (R., Iowa), who is ill, did not vote.")
    assert ("Tom Baker", AFF, "Senate") in rels(ex)
    assert ("Tom Baker", AFF, "Iowa") not in rels(ex)
    ex = run('"This is wrong," said Sen. Maria Lopez (D., Ore.), who led the fight. The Senate voted 60-40.')
    assert ("Maria Lopez", AFF, "Senate") in rels(ex)
    ex = run("Senator Hank Miller said he would vote no. The Senate is split, and the House agreed.")
    assert ("Hank Miller", AFF, "Senate") in rels(ex)


def test_a_congressional_office_is_an_office_of_the_congress(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Lawmakers in the Guatemalan Congress chose congressional leader Ana Ruiz as interim head of state."
    )
    assert ("Ana Ruiz", AFF, "Guatemalan Congress") in rels(ex)


def test_a_chamber_is_no_white_house() -> None:
    assert chamber_word("White House") is None
    assert chamber_word("UN General Assembly") is None
    assert chamber_word("United States Senate") == "senate"
    assert chamber_word("House of Representatives") == "house"
    assert chamber_word("House") == "house"


def test_legislator_titles() -> None:
    assert legislator_office("senator", [], None) == "senator"
    assert legislator_office("minister", [], None) is None


def test_a_member_of_a_countrys_parliament(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Kenya passed the law. The vote angered Paul Otieno, a member of Kenya's parliament who sits on the "
        "panel. Kenya's police later arrested him. Uganda said nothing."
    )
    assert ("Paul Otieno", AFF, "Kenya") in rels(ex)
    ex = run(
        "Ghana passed the law. Kofi Asante, a member of the Ghanaian parliament, said it was rushed. Togo "
        "was silent. Togo closed the border."
    )
    assert ("Kofi Asante", AFF, "Ghana") in rels(ex)


def test_any_field_minister_is_a_national_office(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Nepal's army said it was calm. Energy Minister Hari Karki's house was burned. Nepal set a curfew."
    )
    assert ("Hari Karki", AFF, "Nepal") in rels(ex)
    ex = run(
        "Water Minister Grace Banda opened a dam on Monday. Malawi said the dam would help. Malawi gained."
    )
    assert ("Grace Banda", AFF, "Malawi") in rels(ex)


def test_a_spokesman_of_a_person_takes_the_persons_side(run: Callable[[str], Extraction]) -> None:
    # the principal's affiliation, not the most mentioned country (here France)
    text = (
        "Mali's President Assimi Goita left Bamako. Goita's spokesman Issa Traore said he would return. "
        "French troops left, and France said French soldiers were safe. France is also leaving Niger, "
        "France said."
    )
    assert ("Issa Traore", AFF, "Mali") in rels(run(text))
    assert ("Issa Traore", AFF, "France") not in rels(run(text))


def test_its_leader_after_a_named_group(run: Callable[[str], Extraction]) -> None:
    # "its" has no entity subject or speaker to stand for: the group named before it in the sentence
    ex = run(
        "Investigators say the cell calls itself the Kivu Liberation Front, and they count its alleged "
        "leader, Jean Bosco Mutima, among the dead. Congo's army said it was searching for the rest."
    )
    assert ("Jean Bosco Mutima", AFF, "Kivu Liberation Front") in rels(ex)


def test_an_ally_of_a_president_is_not_of_his_country(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Tomas Vega, a close ally of Guatemalan President Ana Ruiz, said he was threatened. Guatemala said "
        "it would protect him. Mexico offered a reward."
    )
    assert ("Tomas Vega", AFF, "Guatemala") not in rels(ex)


def test_a_countrys_name_corrects_the_main_country_guess(run: Callable[[str], Extraction]) -> None:
    # France is the most mentioned country; "Ivory Coast's Charles Goude" places the former minister
    ex = run(
        "Ivory Coast's Charles Goude was arrested on Monday. French troops guarded him, and French officers "
        "said France would not interfere. Former minister Charles Goude had fled to the border, France said."
    )
    assert ("Charles Goude", AFF, "Ivory Coast") in rels(ex)
    assert ("Charles Goude", AFF, "France") not in rels(ex)


def test_demonyms_of_smaller_states(run: Callable[[str], Extraction]) -> None:
    ex = run("The Honduran army left Tegucigalpa. Salvadoran troops stayed home, and Togolese police waited.")
    names = {e.name for e in ex.entities}
    assert {"Honduras", "El Salvador", "Togo"} <= names


def test_a_party_named_after_its_country_is_no_state_body(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Protesters torched the ruling Malawi Congress Party's office in Lilongwe. Malawi deployed the army."
    )
    assert ("Malawi Congress Party", AFF, "Malawi") not in rels(ex)
    ex = run(
        "The Malawian army said it was ready. Malawi deployed troops. The Malawian Ministry of Defence agreed."
    )
    assert ("Malawian Ministry of Defence", AFF, "Malawi") in rels(ex)


def test_a_peoples_office_belongs_to_the_group_called_by_that_people(
    run: Callable[[str], Extraction],
) -> None:
    # no body among the title's words: the armed group the article calls "<people> fighters"
    ex = run(
        "Kurdish fighters held the dam. Kurdish commander Mazloum Kobani said the dam was safe. Syria and "
        "Turkey said nothing."
    )
    assert ("Mazloum Kobani", AFF, "Kurdish fighters") in rels(ex)
    ex = run(
        "Karen rebels seized a base near the Thai border. Karen commander Saw Kler said his men took forty "
        "prisoners. Myanmar and Thailand said nothing, and Myanmar sent jets."
    )
    assert ("Saw Kler", AFF, "karen rebels") in rels(ex)
    assert ("Saw Kler", AFF, "Myanmar") not in rels(ex)
