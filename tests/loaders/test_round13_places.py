"""Round 13: places in places (docs/extraction.md "Round 13: OPPOSES and LOCATED_IN on unseen news").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels


def test_a_quotation_that_ends_on_the_place_leaves_its_address(run: Callable[[str], Extraction]) -> None:
    # 'reported "shelling of the base in X" in southern Y': the closing quote stands between X and "in Y"
    ex = run(
        "Baghdad was quiet on Friday. "
        'One resident described "heavy shelling of the militia base in Zayouna" in eastern Baghdad.'
    )
    assert ("Zayouna", "LOCATED_IN", "Baghdad") in rels(ex)
    ex = run(
        "Troops moved into Kabul. "
        "A witness spoke of \u201cgunfire around the old fort in Bala Hissar\u201d in southern Kabul."
    )
    assert ("Bala Hissar", "LOCATED_IN", "Kabul") in rels(ex)


def test_a_capital_with_a_bearing_is_the_town(run: Callable[[str], Extraction]) -> None:
    # "in southern Khartoum": a part of the town, never the government the capital may stand for
    ex = run(
        "Sudan's army said Khartoum would not negotiate. "
        "Rockets hit the Omdurman bridge camp in Shambat in northern Khartoum on Tuesday."
    )
    assert ("Shambat", "LOCATED_IN", "Khartoum") in rels(ex)
    assert ("Shambat", "LOCATED_IN", "Sudan") not in rels(ex)
    # the capital as a speaker stays the government
    ex = run("Kyiv said on Monday that Russian drones had struck western Kyiv overnight.")
    assert not any(r[0] == "Kyiv" and r[1] == "STRUCK" for r in rels(ex))
