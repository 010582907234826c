"""Round 13: accusations in reported speech and naming (docs/extraction.md "Round 13: accusations").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels, rels_of_type


def test_a_reported_failure_to_honour_an_obligation_accuses(run: Callable[[str], Extraction]) -> None:
    ex = run("The EU said Belarus had failed to comply with the ruling.")
    assert ("European Union", "ACCUSED", "Belarus") in rels(ex)
    ex = run("Serbia's president said Kosovo failed to implement the 2013 deal.")
    assert ("Serbia", "ACCUSED", "Kosovo") in rels(ex)
    # no speaker, or a failure denied: no accusation
    assert not rels_of_type(run("Russia failed to honour the deal."), "ACCUSED")
    assert not rels_of_type(run("The envoy said Mali had not failed to respect the accord."), "ACCUSED")


def test_an_act_named_with_its_doer_accuses_the_doer(run: Callable[[str], Extraction]) -> None:
    ex = run("Kenya's president called the raid an act of aggression by Somalia.")
    assert ("Kenya", "ACCUSED", "Somalia") in rels(ex)
    ex = run("Peru described the shelling as a provocation by Ecuador.")
    assert ("Peru", "ACCUSED", "Ecuador") in rels(ex)


def test_a_reported_cleft_accuses_its_subject(run: Callable[[str], Extraction]) -> None:
    ex = run("Chad's army said Sudan was the one that attacked first.")
    assert ("Chad", "ACCUSED", "Sudan") in rels(ex)


def test_a_speaker_answering_by_claiming(run: Callable[[str], Extraction]) -> None:
    # "X answered by claiming that ...": the subject of the verb before "by" is the speaker
    ex = run("Ghana's army answered by claiming that Togo was the one that fired first.")
    assert ("Ghana", "ACCUSED", "Togo") in rels(ex)
