"""Round 5 (issue 9): constructions checked on sentences written for them, kept only where the halves
nobody tuned on (dev held, bench/news B) did not drop. Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import event_args, rels


def test_condemning_an_attack_on_b_condemns_the_attacker_not_b(run: Callable[[str], Extraction]) -> None:
    ex = run("Germany condemned the Chadian attack on Niger on Tuesday.")
    assert ("Germany", "CONDEMNED", "Chad") in rels(ex)
    assert ("Germany", "CONDEMNED", "Niger") not in rels(ex)
    assert event_args(run("Spain condemned the attack on Mali on Monday."), "ACCUSE") == [(["Spain"], [])]


def test_a_present_description_of_backing_is_no_support_event(run: Callable[[str], Extraction]) -> None:
    ex = run("The Kivu Front, which is backed by Uganda, stormed the town of Kalemba on Monday.")
    assert ("Uganda", "SUPPORTS", "Kivu Front") in rels(ex)  # the relative pronoun stands for its noun
    assert not event_args(ex, "SUPPORT")
    assert not event_args(run("Rebels supported by Uganda shelled Kalemba on Monday."), "SUPPORT")
    # a reported act, in the past, is still an event
    assert event_args(run("Ghana and Togo backed the strike on Friday."), "SUPPORT")


def test_a_possessor_with_a_by_agent_suffered_the_act(run: Callable[[str], Extraction]) -> None:
    ex = run("Chad's bombardment by Niger continued for a second day on Tuesday.")
    assert ("Niger", "STRUCK", "Chad") in rels(ex)
    assert event_args(ex, "ASSAULT") == [(["Niger"], ["Chad"])]
    # without an agent, the possessor acted
    assert event_args(run("Niger's bombardment of Chad began on Monday."), "ASSAULT") == [
        (["Niger"], ["Chad"])
    ]


def test_a_participle_describing_a_noun_is_no_event_of_its_own(run: Callable[[str], Extraction]) -> None:
    ex = run("Rebels shelled Kalemba, a town captured by the Kivu Front in 2019, on Monday.")
    assert "COERCE" not in [e.type for e in ex.events]
    assert event_args(ex, "ASSAULT")  # the clause's own act is still reported
    ex = run("Chad struck Kalemba on Monday with missiles launched from drones.")
    assert len(event_args(ex, "ASSAULT")) == 1


def test_an_undated_act_with_no_actor_is_a_reference_not_an_event(run: Callable[[str], Extraction]) -> None:
    assert not event_args(run("The attack on a camp housing Kenyan troops left many wounded."), "ASSAULT")
    assert not event_args(run("Residents fled after the bombing of Kalemba."), "ASSAULT")
    # with a day, or an actor, it is reported
    assert event_args(run("Gunmen attacked a camp in Kalemba on Monday."), "ASSAULT")
    assert event_args(run("The Kivu Front's attack on Kalemba was condemned."), "ASSAULT")


def test_a_noun_of_backing_is_an_event_only_when_expressed(run: Callable[[str], Extraction]) -> None:
    assert not event_args(run("With Ugandan support, the Kivu Front shelled Kalemba on Monday."), "SUPPORT")
    ex = run("Uganda's support for the Kivu Front grew last year.")
    assert not event_args(ex, "SUPPORT") and ("Uganda", "SUPPORTS", "Kivu Front") in rels(ex)
    assert [a for a, _ in event_args(run("Ghana expressed its support for Togo on Monday."), "SUPPORT")] == [
        ["Ghana"]
    ]


def test_an_act_that_drew_condemnation_from_x(run: Callable[[str], Extraction]) -> None:
    assert ("Ghana", "CONDEMNED", "Chad") in rels(
        run("Chad's bombardment of Kalemba drew condemnation from Ghana.")
    )
    got = rels(run("The Chadian raid on the camp sparked strong criticism from Ghana and Togo."))
    assert {("Ghana", "CONDEMNED", "Chad"), ("Togo", "CONDEMNED", "Chad")} <= got
    # drawing fire is no condemnation
    assert not [r for r in rels(run("The Chadian raid drew fire from Ghana.")) if r[1] == "CONDEMNED"]


def test_clashing_with_y_opposes_y(run: Callable[[str], Extraction]) -> None:
    assert ("Kivu Front", "OPPOSES", "Chad") in rels(
        run("Rebels of the Kivu Front clashed with Chadian troops on Monday.")
    )


def test_the_members_an_object_names_are_objects(run: Callable[[str], Extraction]) -> None:
    got = rels(run("The rebels seized several towns, including Goma and Bunia, on Monday."))
    assert {("rebels", "CONTROLS", "Goma"), ("rebels", "CONTROLS", "Bunia")} <= got
    got = rels(run("The Kivu Front, which controls most villages of Ghana including the port, Tema, grew."))
    assert ("Kivu Front", "CONTROLS", "Tema") in got


def test_a_membership_in_apposition(run: Callable[[str], Extraction]) -> None:
    # the gazetteer writes the group "al-Shabab" (its canonical name); capitalised, it is still that group
    got = rels(run("Al-Shabaab, an al Qaeda affiliate, attacked a base in Somalia on Monday."))
    assert ("al-Shabab", "AFFILIATED_WITH", "al-Qaeda") in got
    got = rels(run("Al-Shabaab, a member of the Kivu Alliance, attacked a base in Somalia on Monday."))
    assert ("al-Shabab", "AFFILIATED_WITH", "Kivu Alliance") in got
    # a place is no body one belongs to
    got = rels(run("Al-Shabaab, a member of the Somali diaspora, spoke on Monday."))
    assert not [r for r in got if r[1] == "AFFILIATED_WITH"]
