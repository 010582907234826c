"""Round 12 coreference of shared surnames (loaders/entities/coreference.py, rementions.py): a bare surname
that two persons of the article share is the principal person, the one introduced first; on sentences
of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import EntityKind, Extraction
from loaders.entities.coreference import coreference


def owner_of(ex: Extraction, alias: str) -> str | None:
    """The entity that lists `alias`, if any."""
    return next((e.name for e in ex.entities if alias in e.aliases), None)


def test_a_shared_surname_is_the_person_introduced_first() -> None:
    surfaces = {
        "person|Ana Marsh": ["Ana Marsh"],  # introduced first, with the shorter name
        "person|Thomas Marsh": ["Thomas Marsh"],
        "person|Marsh": ["Marsh", "Marsh"],
    }
    kinds: dict[str, EntityKind] = {k: "person" for k in surfaces}
    assert coreference(surfaces, kinds)["person|Marsh"] == "person|Ana Marsh"


def test_a_double_surname_counts_by_its_middle_word() -> None:
    surfaces = {
        "person|Paul Dera Kasse": ["Paul Dera Kasse"],
        "person|Henri Dera": ["Henri Dera"],
        "person|Dera": ["Dera"],
    }
    kinds: dict[str, EntityKind] = {k: "person" for k in surfaces}
    target = coreference(surfaces, kinds)
    assert target["person|Dera"] == "person|Paul Dera Kasse", target
    assert target["person|Henri Dera"] == "person|Henri Dera", target  # the father stays himself


def test_the_father_does_not_take_the_leaders_surname(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Soldiers in Norland said on Tuesday they had detained President Marco Vell Darsi. "
        "Darsi's father, Ivo Vell, ruled the country for three decades before his death. "
        "In a video released later, Vell urged his supporters to take to the streets."
    )
    assert owner_of(ex, "Vell") == "Marco Vell Darsi", [(e.name, e.aliases) for e in ex.entities]


def test_a_sister_named_later_keeps_her_own_entity(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Prime Minister Anna Korsk of Estavia met the French president in Paris on Monday. "
        "Her brother, Pavel Korsk, a banker, was not part of the delegation. "
        "Korsk told reporters the talks had gone well."
    )
    names = {e.name for e in ex.entities}
    assert {"Anna Korsk", "Pavel Korsk"} <= names, names
    assert owner_of(ex, "Korsk") == "Anna Korsk", [(e.name, e.aliases) for e in ex.entities]
