"""Round 13: affiliations on unseen news (docs/extraction.md "Round 13: affiliations"). Every sentence here
is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels


def test_an_office_before_a_military_rank(run: Callable[[str], Extraction]) -> None:
    # the rank between office and name hid the office; the office is national, the country is the article's
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Army spokesman Colonel Kwesi Boateng said "
        "three soldiers were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex)
    ex = run(
        "The Tanzanian navy seized a dhow off Tanga, navy spokesperson Captain Juma Mrisho said. Tanzania "
        "said the crew fled. Tanzania will patrol more."
    )
    assert ("Juma Mrisho", "AFFILIATED_WITH", "Tanzania") in rels(ex)


def test_an_abbreviated_rank_ends_no_sentence(run: Callable[[str], Extraction]) -> None:
    # "Capt." split off its stop made the parser start a sentence at the name
    for rank in ("Capt.", "Maj.", "Lt.", "Col."):
        ex = run(
            f"Ghana's army said it repelled raiders near Bawku. Army spokesman {rank} Kwesi Boateng said "
            "three soldiers were hurt. Ghana sent more troops. Ghana closed the road."
        )
        assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex), rank
    # the parser still breaks the sentence after "Brig.": the title is read across the break
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Army spokesman Brig. Kwesi Boateng said three "
        "soldiers were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex)
    # "Maj. Gen." is "major general", a national title
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Maj. Gen. Kwesi Boateng said three soldiers "
        "were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex)


def test_a_title_apposition_at_the_first_word(run: Callable[[str], Extraction]) -> None:
    # the parser hangs the name on the text's first token: no word before it to read (raised IndexError)
    ex = run("IAEA chief Rafael Grossi visited Bushehr.")
    assert ("Rafael Grossi", "AFFILIATED_WITH", "International Atomic Energy Agency") in rels(ex)


def test_a_body_led_by_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Fighters of the Popular Front for Renewal led by General Abakar Sabone attacked Birao. Chad "
        "condemned it. Chad said so."
    )
    assert ("Abakar Sabone", "AFFILIATED_WITH", "Popular Front for Renewal") in rels(ex)
    assert ("Abakar Sabone", "AFFILIATED_WITH", "Chad") not in rels(ex)
    ex = run(
        "The Union of Patriots, headed by Jean Mbaye, rejected the vote. Senegal held it. Senegal said so."
    )
    assert ("Jean Mbaye", "AFFILIATED_WITH", "Union of Patriots") in rels(ex)


def test_a_second_office_in_apposition(run: Callable[[str], Extraction]) -> None:
    ex = run("French Army General Luc Moreau, NATO's top commander in Europe, said the alliance was ready.")
    assert {("Luc Moreau", "AFFILIATED_WITH", "France"), ("Luc Moreau", "AFFILIATED_WITH", "NATO")} <= rels(
        ex
    )


def test_a_spokesman_for_the_group(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Al Shabaab claimed the ambush. Ali Dheere, the military spokesman for the group, said ten soldiers died."
    )
    assert ("Ali Dheere", "AFFILIATED_WITH", "al-Shabab") in rels(ex)


def test_a_known_office_holder_of_an_absent_country_gets_no_guess(run: Callable[[str], Extraction]) -> None:
    ex = run("Former president Donald Trump criticised the talks. Kenya said so. Kenya held talks.")
    assert ("Donald Trump", "AFFILIATED_WITH", "Kenya") not in rels(ex)


def test_an_office_owned_by_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Russian President Vladimir Putin met Turkish President Recep Erdogan in Sochi. Putin's spokesman "
        "Dmitry Peskov said the talks went well."
    )
    assert ("Dmitry Peskov", "AFFILIATED_WITH", "Russia") in rels(ex)
    ex = run(
        "Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda. Zelensky fired his chief "
        "of staff, Andriy Bohdan."
    )
    assert ("Andriy Bohdan", "AFFILIATED_WITH", "Ukraine") in rels(ex)


def test_an_apposition_with_an_office_title_noun(run: Callable[[str], Extraction]) -> None:
    ex = run("Kofi Mensah, director of Human Rights Watch's Africa division, said abuses rose.")
    assert ("Kofi Mensah", "AFFILIATED_WITH", "Human Rights Watch") in rels(ex)
    ex = run("Kofi Mensah, Amnesty International's regional director, said abuses rose.")
    assert ("Kofi Mensah", "AFFILIATED_WITH", "Amnesty International") in rels(ex)


def test_an_honorific_and_a_field_minister(run: Callable[[str], Extraction]) -> None:
    ex = run("Health Minister Dr. Amina Yusuf said the clinic was shelled. Nigeria said so. Nigeria mourned.")
    assert ("Amina Yusuf", "AFFILIATED_WITH", "Nigeria") in rels(ex)


def test_a_ministry_spokesman_with_two_rank_words(run: Callable[[str], Extraction]) -> None:
    # the model reads "Major General X Y" as a body: two title words open a person's name
    ex = run("Russian Defence Ministry spokesman Major General Pavel Orlov said the drones were downed.")
    assert "Pavel Orlov" in {e.name for e in ex.entities if e.kind == "person"}
