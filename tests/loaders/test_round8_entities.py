"""Round 8 entity rules within one article (loaders/entities/coreference.py), on sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from graph.names import without_arabic_article


def places(ex: Extraction) -> dict[str, list[str]]:
    return {e.name: e.aliases for e in ex.entities if e.kind == "place"}


def test_without_arabic_article() -> None:
    assert without_arabic_article("al jufra") == "jufra"
    assert without_arabic_article("ash shuayrat airbase") == "shuayrat airbase"
    assert without_arabic_article("al") == "al"
    assert without_arabic_article("alamo") == "alamo"


def test_a_base_with_and_without_the_arabic_article_is_one_place(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Drones struck the al-Wadira airbase in the desert on Monday. "
        "Satellite images later showed burnt hangars at Wadira."
    )
    found = places(ex)
    assert "Wadira" not in found, found
    base = next(n for n in found if "airbase" in n)
    assert "Wadira" in found[base]


def test_the_last_conjunct_of_a_coordinated_place_is_its_own_place(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Police in Jammu and Kashmir detained four men on Friday. "
        "Shops across Kashmir stayed shut the next day."
    )
    found = places(ex)
    assert "Jammu and Kashmir" in found and "Kashmir" in found, found
    assert "Kashmir" not in found["Jammu and Kashmir"]
