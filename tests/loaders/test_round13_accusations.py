"""Round 13: accusations in reported speech and naming (docs/extraction-rounds.md "Round 13: accusations").
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


# Side branch r13/acc-extra: constructions no eval half uses (every half scored the same with them).


def test_a_denied_accusation_names_its_accuser(run: Callable[[str], Extraction]) -> None:
    # "Y denied X's accusations": X accused Y
    ex = run("Moldova denied Romania's accusations that it had hidden the convoy.")
    assert ("Romania", "ACCUSED", "Moldova") in rels(ex)
    ex = run("Niger dismissed the allegations by Benin as baseless.")
    assert ("Benin", "ACCUSED", "Niger") in rels(ex)
    ex = run("The junta rejected UN accusations that it bombed the market.")
    assert ("United Nations", "ACCUSED", "junta") in rels(ex)
    # a territorial claim denied is no accusation
    assert not rels_of_type(run("Chile rejected Bolivia's claims to the coast."), "ACCUSED")


def test_accusations_against(run: Callable[[str], Extraction]) -> None:
    ex = run("The accusations by Laos against Thailand followed the incident.")
    assert ("Laos", "ACCUSED", "Thailand") in rels(ex)
    ex = run("Qatar's accusations against Bahrain were repeated on Friday.")
    assert ("Qatar", "ACCUSED", "Bahrain") in rels(ex)


def test_laying_the_blame_on(run: Callable[[str], Extraction], events: Callable[[str], list]) -> None:
    text = "Tunisia laid the blame on Libya for the border incident."
    assert ("Tunisia", "ACCUSED", "Libya") in rels(run(text))
    assert any(e.type == "ACCUSE" and "Libya" in e.targets for e in events(text))


def test_an_allegation_is_an_accuse_event(events: Callable[[str], list]) -> None:
    evs = events("Bolivia alleged that Chile had moved troops to the border.")
    assert any(e.type == "ACCUSE" and e.actors == ["Bolivia"] and e.targets == ["Chile"] for e in evs)
    evs = events("Nepal charged that India had closed the crossings.")
    assert any(e.type == "ACCUSE" and e.actors == ["Nepal"] and e.targets == ["India"] for e in evs)


def test_violations_reported_by_their_doer(run: Callable[[str], Extraction]) -> None:
    ex = run("Norway said there had been violations of the truce by Eritrea.")
    assert ("Norway", "ACCUSED", "Eritrea") in rels(ex)


def test_both_sides_as_the_accused(run: Callable[[str], Extraction]) -> None:
    # "both sides" as a pattern's target: the pair named in the sentences before
    ex = run("Fighting between Chad and Sudan went on. Norway said both sides had violated the truce.")
    assert {("Norway", "ACCUSED", "Chad"), ("Norway", "ACCUSED", "Sudan")} <= rels(ex)


def test_a_speaker_named_in_apposition(run: Callable[[str], Extraction]) -> None:
    ex = run("An army spokesman, Colonel Ravi Menon, accused Nepal of shelling a village.")
    assert ("Ravi Menon", "ACCUSED", "Nepal") in rels(ex)
