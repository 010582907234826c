"""A short country name two countries share ("Congo") is the one of them the article names in full."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction


def countries(ex: Extraction) -> dict[str, str | None]:
    return {e.name: e.country_code for e in ex.entities if e.kind == "country"}


def test_bare_congo_is_the_congo_named_in_full(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Kinshasa's Democratic Republic of Congo blamed Uganda for the raid. "
        "Congo recalled its envoy, and the Congo froze trade on Friday."
    )
    assert countries(ex) == {"Democratic Republic of the Congo": "CD", "Uganda": "UG"}
    drc = next(e for e in ex.entities if e.name == "Democratic Republic of the Congo")
    assert "Congo" in drc.aliases


def test_the_other_congo_named_in_full_keeps_bare_congo(run: Callable[[str], Extraction]) -> None:
    ex = run("The Republic of Congo signed an oil deal with Angola. Congo will export more crude in May.")
    assert countries(ex) == {"Republic of the Congo": "CG", "Angola": "AO"}


def test_both_congos_named_leave_the_gazetteer_reading(run: Callable[[str], Extraction]) -> None:
    # neither full name settles which one the bare form means: it stays as the gazetteer reads it
    ex = run(
        "Congo-Brazzaville and the Democratic Republic of Congo share a river border. "
        "Congo will host the talks."
    )
    assert set(countries(ex)) == {"Republic of the Congo", "Democratic Republic of the Congo"}
    roc = next(e for e in ex.entities if e.name == "Republic of the Congo")
    assert "Congo" in roc.aliases


def test_a_country_name_inside_another_is_not_a_shared_form(run: Callable[[str], Extraction]) -> None:
    # "Sudan" is a country of its own, not a short form of South Sudan
    ex = run("South Sudan accused Sudan of bombing its oil fields near the border.")
    assert {"South Sudan", "Sudan"} <= set(countries(ex))
