"""Round 8 (issue 9): general constructions of relations, each checked on sentences written for it
(docs/extraction-rounds.md "Round 8"); kept only where dev's held half and bench/news B did not drop. Every
sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels


def test_a_fronted_locative_places_the_sentences_other_places(run: Callable[[str], Extraction]) -> None:
    # "In <area>, ..." opens the sentence: the towns it goes on to name lie in that area
    ex = run("In north-west Syria, ten people were killed in raids on the rebel-held town of Saraqeb.")
    assert ("Saraqeb", "LOCATED_IN", "Syria") in rels(ex)
    ex = run("In Yemen, Houthi fighters shelled the port of Mokha on Sunday.")
    assert ("Mokha", "LOCATED_IN", "Yemen") in rels(ex)
    # a place the sentence places itself keeps that place only
    ex = run("In Syria, refugees crossed from the town of Kilis in Turkey on Monday.")
    assert ("Kilis", "LOCATED_IN", "Turkey") in rels(ex)
    assert ("Kilis", "LOCATED_IN", "Syria") not in rels(ex)
    # a locative phrase inside the sentence is not an opening one
    ex = run("Houthi fighters shelled the port of Mokha on Sunday, the worst attack in Yemen this year.")
    assert ("Mokha", "LOCATED_IN", "Yemen") not in rels(ex)


def test_offices_of_coordinated_countries_go_to_the_names_in_order(run: Callable[[str], Extraction]) -> None:
    # "the A and B <office>s, X and Y": X holds A's office, Y holds B's
    ex = run("The talks brought together the French and German foreign ministers, Jean Morel and Karl Braun.")
    assert ("Jean Morel", "AFFILIATED_WITH", "France") in rels(ex)
    assert ("Karl Braun", "AFFILIATED_WITH", "Germany") in rels(ex)
    ex = run(
        "The Turkish and Greek army chiefs, General Hulusi Akar and General Konstantinos Floros, met in Brussels."
    )
    assert ("Konstantinos Floros", "AFFILIATED_WITH", "Greece") in rels(ex)
    assert ("Konstantinos Floros", "AFFILIATED_WITH", "Turkey") not in rels(ex)
    # one name for two countries' office: no pairing
    ex = run(
        "The talks brought together the French and German foreign ministers, and Karl Braun spoke first."
    )
    assert ("Karl Braun", "AFFILIATED_WITH", "France") not in rels(ex)


def test_a_part_of_a_group_stands_for_the_group(run: Callable[[str], Extraction]) -> None:
    # "X, some of them backed by Y" / "X, many of whom are backed by Y": Y backs X
    ex = run("Several Afghan militias, some of them openly funded by Pakistan, still hold the valley roads.")
    assert ("Pakistan", "SUPPORTS", "Afghan militias") in rels(ex)
    ex = run("Several Libyan militias, many of which are backed by Qatar, fought in the city.")
    assert ("Qatar", "SUPPORTS", "Libyan militias") in rels(ex)


def test_recognition_won_from_a_is_support(run: Callable[[str], Extraction]) -> None:
    ex = run("Opposition leader Ana Ruiz declared herself president and won swift recognition from Peru.")
    assert ("Peru", "SUPPORTS", "Ana Ruiz") in rels(ex)


def test_aid_that_helped_b_is_support_from_its_giver(run: Callable[[str], Extraction]) -> None:
    # "A's aid helped B (do something)": A backs B, and not whoever B acted on
    ex = run("Turkey's drone supplies helped Azerbaijan defeat Armenia.")
    assert ("Turkey", "SUPPORTS", "Azerbaijan") in rels(ex)
    assert ("Turkey", "SUPPORTS", "Armenia") not in rels(ex)
    ex = run("Iranian military aid helped the Houthis hold the capital.")
    assert ("Iran", "SUPPORTS", "Houthis") in rels(ex)


def test_an_apposition_hung_past_its_name_describes_the_name(run: Callable[[str], Extraction]) -> None:
    # the parser hangs "the ... group that ..." on a noun left of "run by X,": the description is X's
    ex = run(
        "The statement was aired by a television channel run by the Taliban, the Afghan group that fights "
        "alongside Pakistani army units."
    )
    assert ("Taliban", "ALLIED_WITH", "Pakistan") in rels(ex)
    ex = run(
        "The video was posted by a website run by the Houthis, the Yemeni group that fights alongside Iranian troops."
    )
    assert ("Houthis", "ALLIED_WITH", "Iran") in rels(ex)
    # an apposition after a place inside its head's phrase still describes the head
    ex = run("Rebels shelled Kafr Nabl, a town in Syria, the last stronghold of the Free Army.")
    assert ("Free Army", "CONTROLS", "Kafr Nabl") in rels(ex)


def test_c_stronghold_of_a_whatever_the_parse(run: Callable[[str], Extraction]) -> None:
    # "the city of C, stronghold of A": the parser hangs "stronghold" on the verb, the words still say it
    ex = run(
        "The plane crashed near the city of Luhansk, stronghold of pro-Russian separatists, officials said."
    )
    assert ("pro-Russian separatists", "CONTROLS", "Luhansk") in rels(ex)
