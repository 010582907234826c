"""Round 15 (second wave) entities on unseen news: constructions probed with sentences of our own (ent7).
Each test names the construction; none copies a sentence from a check set."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds


def _aliases(ex: Extraction) -> dict[str, list[str]]:
    return {e.name: list(e.aliases) for e in ex.entities}


def test_a_name_with_a_family_particle_is_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run("Bolsonaro's rival Luiz Inacio Lula da Silva won the vote. Lula thanked voters in Sao Paulo.")
    assert kinds(ex).get("Luiz Inacio Lula da Silva") == "person", kinds(ex)


def test_a_run_whose_surname_is_a_person_elsewhere_is_that_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Kremlin said Vladimir Putin spoke with Recep Tayyip Erdogan by phone. "
        "Erdogan offered to host talks in Istanbul."
    )
    assert kinds(ex).get("Recep Tayyip Erdogan") == "person", kinds(ex)
    assert "Erdogan" in _aliases(ex)["Recep Tayyip Erdogan"]


def test_a_name_before_comma_who_is_a_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Lukashenko's rival Sviatlana Tsikhanouskaya, who lives in Vilnius, called for strikes. "
        "Tsikhanouskaya said the regime was collapsing."
    )
    assert kinds(ex).get("Sviatlana Tsikhanouskaya") == "person", kinds(ex)


def test_a_hyphenated_acronym_is_no_person(run: Callable[[str], Extraction]) -> None:
    ex = run("Opposition leader Nelson Chamisa said the vote had been rigged by ZANU-PF.")
    assert kinds(ex).get("ZANU-PF") == "organization", kinds(ex)


def test_a_name_after_a_political_side_is_a_party(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Thousands of supporters of the opposition Movement for Democratic Change marched through "
        "Harare on Saturday."
    )
    assert kinds(ex).get("Movement for Democratic Change") == "organization", kinds(ex)


def test_an_acronym_spelling_a_preposition_names_the_whole_body(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The United Nations Mission in South Sudan (UNMISS) said peacekeepers had been attacked near Bor."
    )
    al = _aliases(ex)
    assert "UNMISS" in al.get("United Nations Mission in South Sudan", []), al
    assert "UNMISS" not in al.get("South Sudan", []), al


def test_a_nickname_after_a_person_is_that_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Somali President Mohamed Abdullahi Mohamed, known as Farmaajo, condemned the attack. "
        "Indonesian President Joko Widodo ordered troops to Papua. Widodo, known as Jokowi, said "
        "separatists had killed eight workers."
    )
    al = _aliases(ex)
    assert "Farmaajo" in al.get("Mohamed Abdullahi Mohamed", []), al
    assert "Jokowi" in al.get("Joko Widodo", []), al
    assert "Jokowi" not in kinds(ex), kinds(ex)


def test_a_plural_noun_after_a_dateline_is_no_place(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "LAGOS, Nigeria (AP) \u2014 Gunmen attacked a police station in Zamfara state on Sunday, "
        "police spokesman Mohammed Shehu said."
    )
    assert "Gunmen" not in kinds(ex), kinds(ex)
    assert kinds(ex).get("Mohammed Shehu") == "person", kinds(ex)


def test_a_verb_and_collective_on_a_headline_is_no_group(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Army Chief Vows To Crush Insurgents After Deadly Ambush\n"
        "Gunmen attacked a police station in Zamfara state on Sunday, killing seven officers."
    )
    assert not any("Crush" in n for n in kinds(ex)), kinds(ex)


def test_the_seat_of_a_union_speaks_for_the_union(run: Callable[[str], Extraction]) -> None:
    ex = run("The European Union said Brussels would freeze the assets of Belarusian officials.")
    assert "Brussels" in _aliases(ex).get("European Union", []), _aliases(ex)
    assert "Belgium" not in kinds(ex), kinds(ex)
    ex = run(
        "Belgian police raided homes as the European Union met. Brussels said it would expel two diplomats."
    )
    assert "Brussels" not in _aliases(ex).get("European Union", []), _aliases(ex)


def test_a_person_span_cut_before_its_last_name_word_is_extended(run: Callable[[str], Extraction]) -> None:
    ex = run("Congo's Denis Sassou Nguesso backed him. Sassou Nguesso spoke by phone with the envoy.")
    assert "Denis Sassou Nguesso" in kinds(ex), kinds(ex)


def test_a_state_force_by_its_demonym_keeps_its_acronym(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Rwanda-backed M23 rebels seized Bunagana, a town on the Ugandan border. The Congolese army, "
        "known as the FARDC, retreated."
    )
    al = _aliases(ex)
    assert "FARDC" in al.get("Democratic Republic of the Congo", []), al
    assert "M23" in kinds(ex), kinds(ex)


def test_a_name_opening_with_a_spanish_plural_article_is_a_band(run: Callable[[str], Extraction]) -> None:
    ex = run("Prison riots broke out after Los Choneros and Los Lobos fought for control of the wings.")
    assert kinds(ex).get("Los Choneros") == "armed_group", kinds(ex)


def test_variant_demonyms_name_their_state(run: Callable[[str], Extraction]) -> None:
    ex = run("Kazakhstani troops and Somalian police joined the exercise.")
    assert {"Kazakhstan", "Somalia"} <= set(kinds(ex)), kinds(ex)
