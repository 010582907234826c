"""Round 13 entity leftovers (short forms of groups, bodies run by a side, peoples of a region), on
sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds, rels


def test_a_group_written_in_lower_case_is_the_described_group(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Kurdish peshmerga forces took two hamlets west of Kirkuk on Sunday. On Monday the peshmerga "
        "shelled Islamic State positions near Hawija."
    )
    found = kinds(ex)
    assert found.get("Peshmerga") == "armed_group", found
    assert "Kurdish peshmerga forces" not in found, found
    assert ("Peshmerga", "STRUCK", "Islamic State") in rels(ex), rels(ex)


def test_militants_attacking_the_peshmerga_strike_the_group(run: Callable[[str], Extraction]) -> None:
    ex = run("Islamic State militants attacked the peshmerga with truck bombs near Sinjar on Friday.")
    assert ("Islamic State", "STRUCK", "Peshmerga") in rels(ex), rels(ex)
