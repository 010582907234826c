"""Round 9 (issue 9): constructions of relations that news uses everywhere, each checked on sentences
written for it (docs/extraction-rounds.md "Round 9"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels


def test_a_phrase_the_parser_hung_on_the_verb_right_after_the_object_belongs_to_the_object(
    run: Callable[[str], Extraction],
) -> None:
    # "launched an offensive in C": the parser hangs "in C" on the verb, not on the act noun
    ex = run("Kenya launched an offensive in Jubaland.")
    assert ("Kenya", "STRUCK", "Jubaland") in rels(ex)
    # "condemned the coup by X": the agent of the act the condemnation is aimed at
    ex = run("The United Nations condemned the coup by the Malian army.")
    assert ("United Nations", "CONDEMNED", "Mali") in rels(ex)


def test_an_act_claimed_or_carried_out_by_someone_is_theirs(run: Callable[[str], Extraction]) -> None:
    ex = run("The attack on Kandahar was claimed by the Taliban.")
    assert ("Taliban", "STRUCK", "Kandahar") in rels(ex)
    # a denied claim gives nothing
    ex = run("The attack on Kandahar was not claimed by the Taliban.")
    assert ("Taliban", "STRUCK", "Kandahar") not in rels(ex)


def test_a_count_or_wave_of_weapons_fired_at_a_target(run: Callable[[str], Extraction]) -> None:
    ex = run("Eritrea launched hundreds of drones and rockets against Djibouti.")
    assert ("Eritrea", "STRUCK", "Djibouti") in rels(ex)
    ex = run("Russia fired a wave of missiles at Ukraine on Friday.")
    assert ("Russia", "STRUCK", "Ukraine") in rels(ex)


def test_sites_struck_in_a_country_are_the_country_struck(run: Callable[[str], Extraction]) -> None:
    ex = run("Pakistan struck militant hideouts in Afghanistan.")
    assert ("Pakistan", "STRUCK", "Afghanistan") in rels(ex)


def test_a_subject_referring_back_stands_for_the_actor_named_before(run: Callable[[str], Extraction]) -> None:
    # a definite description of the actor's kind: the nearest such entity before it
    ex = run(
        "Saudi Arabia intercepted two missiles on Sunday. The kingdom condemned the Houthis for the attack."
    )
    assert ("Saudi Arabia", "CONDEMNED", "Houthis") in rels(ex)
    ex = run("The M23 advanced towards Goma. The rebel group is backed by Rwanda, the UN says.")
    assert ("Rwanda", "SUPPORTS", "M23") in rels(ex)
    # a pronoun: the previous sentence's subject, when its kind fits the pronoun
    ex = run("Turkey sent more troops to the border on Monday. It shelled Kobani overnight.")
    assert ("Turkey", "STRUCK", "Kobani") in rels(ex)
    ex = run("Turkey sent more troops to the border on Monday. He shelled Kobani overnight.")
    assert ("Turkey", "STRUCK", "Kobani") not in rels(ex)
    # "the group of soldiers" is not a group named before
    ex = run("Hamas held a rally in Gaza. The group of soldiers attacked Rafah.")
    assert ("Hamas", "STRUCK", "Rafah") not in rels(ex)


def test_a_party_noun_relates_the_parties_it_names_after_it(run: Callable[[str], Extraction]) -> None:
    # the name right after the noun, its apposition, and "including" / "such as" members
    ex = run("Russia's ally Belarus hosted the drills.")
    assert ("Belarus", "ALLIED_WITH", "Russia") in rels(ex)
    ex = run("Syria's ally, Iran, sent advisers.")
    assert ("Iran", "ALLIED_WITH", "Syria") in rels(ex)
    ex = run("Iran and its allies, Hezbollah and the Houthis, vowed revenge.")
    assert {("Hezbollah", "ALLIED_WITH", "Iran"), ("Houthis", "ALLIED_WITH", "Iran")} <= rels(ex)
    ex = run("The United States and its allies, including Britain, struck Yemen.")
    assert ("United Kingdom", "ALLIED_WITH", "United States") in rels(ex)
    # a coordinated pair described as allies
    ex = run("France and Britain, longtime allies, signed the deal.")
    assert ("United Kingdom", "ALLIED_WITH", "France") in rels(ex)
    # a place after the noun is no party
    ex = run("The United States and its allies in Europe met on Monday.")
    assert not any(r[1] == "ALLIED_WITH" and "Europe" in (r[0], r[2]) for r in rels(ex))


def test_condemnation_in_other_words(run: Callable[[str], Extraction]) -> None:
    # verbs of rebuke aimed at an actor, or at an act whose agent is named
    ex = run("China rebuked the United States over the sanctions.")
    assert ("China", "CONDEMNED", "United States") in rels(ex)
    ex = run("Egypt protested the Israeli incursion into Rafah.")
    assert ("Egypt", "CONDEMNED", "Israel") in rels(ex)
    # "expressed outrage at the A strike"
    ex = run("Peru expressed outrage at the Chilean strike on its embassy.")
    assert ("Peru", "CONDEMNED", "Chile") in rels(ex)
    # an act named in a relative clause of claiming: "the attack, which was claimed by X"
    ex = run("Somalia condemned the attack, which was claimed by Al-Shabaab.")
    assert ("Somalia", "CONDEMNED", "al-Shabab") in rels(ex)  # the gazetteer's name of the group
    # a relative clause of condemning names no agent of the act
    ex = run("The raid, which was condemned by Egypt, killed four people.")
    assert not any(r[1] == "STRUCK" and r[0] == "Egypt" for r in rels(ex))


def test_its_and_their_stand_for_the_speaker_or_the_clause_subject(run: Callable[[str], Extraction]) -> None:
    # the subject "its forces" of reported speech: the speaker's forces
    ex = run("Ukraine said its forces shelled Russian positions near Kherson.")
    assert ("Ukraine", "STRUCK", "Russia") in rels(ex)
    ex = run("Hamas said its fighters attacked Israeli troops in Gaza.")
    assert ("Hamas", "STRUCK", "Israel") in rels(ex)
