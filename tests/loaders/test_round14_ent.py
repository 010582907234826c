"""Round 14 entities on news nobody tuned on (issue 9): sentences of our own for each construction."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import kinds, rels


def test_demonyms_of_smaller_states_name_the_state(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Guatemalan troops crossed into the border zone on Monday. The Honduran president, Ana Lopez, "
        "said Zambian observers would follow the vote."
    )
    found = kinds(ex)
    assert found.get("Guatemala") == "country", found
    assert found.get("Honduras") == "country", found
    assert found.get("Zambia") == "country", found
    assert ("Ana Lopez", "AFFILIATED_WITH", "Honduras") in rels(ex), rels(ex)
