"""Round 13 names and kinds: a group's name before its members' noun, a stateless people named by its
town, a people's adjective inside another side's units; sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds


def test_a_two_word_group_name_before_fighters_is_whole(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Villagers said Ansar Dine fighters burned a clinic outside Kidal on Thursday. "
        "Jaish al-Adl gunmen ambushed a border patrol near Saravan the same night."
    )
    found = kinds(ex)
    assert found.get("Ansar Dine") == "armed_group", found
    assert found.get("Jaish al-Adl") == "armed_group", found
    assert not any(name.startswith("Dine") or name.startswith("Adl") for name in found), found


def test_the_bare_name_of_a_group_with_fighters_is_no_person(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Ansar Dine fighters entered Timbuktu on Friday. Elders said Ansar Dine later closed the market."
    )
    found = kinds(ex)
    assert found.get("Ansar Dine") == "armed_group", found


def test_a_stateless_people_named_by_its_town_is_a_community(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Kirkuk Kurds marched to the governor's office on Sunday. "
        "Separately, Agadez Tuaregs blocked the road to the mine."
    )
    found = kinds(ex)
    assert found.get("Kirkuk Kurds") == "group", found
    assert found.get("Agadez Tuaregs") == "group", found


def test_a_peoples_adjective_in_a_militias_units_is_no_state(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Hashd al-Shaabi's Turkmen units entered Tuz Khurmatu on Monday. "
        "The warlord Kamal's Uzbek fighters left the valley a day later."
    )
    found = kinds(ex)
    assert "Turkmenistan" not in found, found
    assert "Uzbekistan" not in found, found


def test_an_alliances_national_troops_keep_their_state(run: Callable[[str], Extraction]) -> None:
    ex = run("NATO's German troops left the base near Kunduz on Tuesday.")
    assert kinds(ex).get("Germany") == "country", kinds(ex)


def test_a_group_name_before_forces_is_no_person(run: Callable[[str], Extraction]) -> None:
    ex = run("Residents said Ansar Dine forces seized a police station near Gossi on Sunday.")
    assert kinds(ex).get("Ansar Dine") == "armed_group", kinds(ex)


def test_a_titled_persons_forces_stay_his(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "General Omar Kassem promised on Monday to retake the port. "
        "Omar Kassem forces shelled the harbour on Tuesday."
    )
    assert kinds(ex).get("Omar Kassem") == "person", kinds(ex)


def test_the_hashd_and_a_peoples_hashd_are_the_militia(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Hashd al-Shaabi units took the ridge on Monday. A day later the Turkmen Hashd shelled a Kurdish "
        "checkpoint, and the Hashd said it had been fired on first."
    )
    found = kinds(ex)
    # one militia under its gazetteer name, the Arabic name an alias of it (no second node)
    assert found.get("Popular Mobilization Forces") == "armed_group", found
    assert "Hashd al-Shaabi" not in found, found
    militia = next(e for e in ex.entities if e.name == "Popular Mobilization Forces")
    assert "Hashd al-Shaabi" in militia.aliases, militia
    assert "Turkmenistan" not in found and "Hashd" not in found, found


def test_a_peoples_fighters_are_the_armed_group_named_before(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "YPG units entered Tabqa on Monday. By Thursday the Kurds' fighters held the dam, a monitor said."
    )
    groups = {e.name: e.aliases for e in ex.entities if e.kind == "armed_group"}
    assert list(groups) == ["YPG"], groups


def test_a_peoples_militia_is_the_one_group_of_the_article(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Azawad Front rebels seized the airstrip at Tessalit on Friday. Traders said the Tuaregs' militia "
        "then closed the road north."
    )
    groups = [e.name for e in ex.entities if e.kind == "armed_group"]
    assert len(groups) == 1, groups


def test_the_militias_english_and_arabic_names_are_one_entity(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "The Popular Mobilization Forces moved two brigades north of Baiji on Sunday. "
        "A commander of the Hashd al-Shaabi said the brigades would hold the road."
    )
    militias = [e for e in ex.entities if e.kind == "armed_group"]
    assert [e.name for e in militias] == ["Popular Mobilization Forces"], militias
