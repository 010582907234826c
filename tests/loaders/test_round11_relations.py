"""Round 11: relation constructions kept this round (docs/extraction-rounds.md "Round 11"). Every sentence here
is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels, rels_of_type


def test_a_country_framing_the_sentence_places_an_office(run: Callable[[str], Extraction]) -> None:
    # "In <country>, <office> X ...": the office is that country's
    ex = run("In Ghana, Interior Secretary Kofi Mensah said the border would reopen.")
    assert ("Kofi Mensah", "AFFILIATED_WITH", "Ghana") in rels(ex)
    # a country later in the sentence frames nothing
    ex = run("Interior Secretary Kofi Mensah said the border with Ghana would reopen.")
    assert ("Kofi Mensah", "AFFILIATED_WITH", "Ghana") not in rels(ex)


def test_reciprocal_objects_relate_the_subjects_both_ways(run: Callable[[str], Extraction]) -> None:
    ex = run("Mali and Niger accuse one another of shelling the border.")
    assert {("Mali", "ACCUSED", "Niger"), ("Niger", "ACCUSED", "Mali")} <= rels(ex)
    ex = run("Mali and Niger fought each other for a week.")
    assert {("Mali", "OPPOSES", "Niger"), ("Niger", "OPPOSES", "Mali")} <= rels(ex)
    # a plain object stays one way round
    ex = run("Mali accused Niger of shelling the border.")
    assert ("Niger", "ACCUSED", "Mali") not in rels(ex)


def test_both_sides_are_the_parties_between(run: Callable[[str], Extraction]) -> None:
    # "between A and B ..., with both sides blaming the other": both blame both
    ex = run("Fighting broke out between Malian and Nigerien troops, with both sides blaming the other.")
    assert {("Mali", "ACCUSED", "Niger"), ("Niger", "ACCUSED", "Mali")} <= rels(ex)
    # with no pair to stand for, "both sides" relates nobody
    ex = run("Mali said both sides blamed the other.")
    assert not rels_of_type(ex, "ACCUSED")


def test_a_place_the_text_calls_the_capital(run: Callable[[str], Extraction]) -> None:
    # "the capital X", "the capital, X": a capital the article's country has (geonames) is placed in it
    ex = run("Ghana closed its borders. Protesters marched in the capital, Accra, on Monday.")
    assert ("Accra", "LOCATED_IN", "Ghana") in rels(ex)
    ex = run("Ghana closed its borders. Gunmen blocked the airport of the capital Accra.")
    assert ("Accra", "LOCATED_IN", "Ghana") in rels(ex)
    # a capital only travelled toward is the seat of government, not a site (places.SITE_PREPS)
    ex = run("Ghana closed its borders. Protesters marched toward Accra on Monday.")
    assert ("Accra", "LOCATED_IN", "Ghana") not in rels(ex)


def test_the_two_countries_are_the_pair_named_before(run: Callable[[str], Extraction]) -> None:
    # round 11b: "both sides" / "the two countries" opening a later sentence stand for the pair just named
    ex = run("Kenya and Somalia traded accusations on Monday. Both sides launched attacks overnight.")
    assert {("Kenya", "STRUCK", "Somalia"), ("Somalia", "STRUCK", "Kenya")} <= rels(ex)
    ex = run(
        "Chile and Peru held border talks on Friday. The two countries later accused each other of spying."
    )
    assert {("Chile", "ACCUSED", "Peru"), ("Peru", "ACCUSED", "Chile")} <= rels(ex)
    # a hostile verb with no actor object: each side against the other
    ex = run("Chile and Peru held border talks on Friday. The two countries attacked across the frontier.")
    assert {("Chile", "STRUCK", "Peru"), ("Peru", "STRUCK", "Chile")} <= rels(ex)
    # an attack on a named target is not one on each other
    ex = run("Kenya and Somalia traded accusations on Monday. Both sides launched attacks on Mandera.")
    assert ("Kenya", "STRUCK", "Somalia") not in rels(ex)


def test_a_third_name_leaves_the_pair_unresolved(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Kenya, Ethiopia and Somalia traded accusations on Monday. Both sides launched attacks overnight."
    )
    assert not rels_of_type(ex, "STRUCK")
    # the pair is never the sentence's own subject: here "both sides" are others, unnamed
    ex = run("Kenya and Uganda urged both sides to stop the attacks at once.")
    assert ("Kenya", "STRUCK", "Uganda") not in rels(ex)
    assert not rels_of_type(ex, "STRUCK")


def test_its_rival_is_the_other_side_of_the_pair_before(run: Callable[[str], Extraction]) -> None:
    # round 11b: "X ... accused its rival": the actor the text last coordinated with X
    ex = run(
        "Chad and Sudan clashed along the border last week. Chad later accused its rival of arming rebels."
    )
    assert ("Chad", "ACCUSED", "Sudan") in rels(ex)
    # paired with two others: unsure, nobody
    ex = run("Chad, Libya and Sudan clashed along the border. Chad later accused its rival of arming rebels.")
    assert not rels_of_type(ex, "ACCUSED")
    # never paired with anyone: nobody
    ex = run("Chad closed the border with Sudan last week. Chad later accused its rival of arming rebels.")
    assert not rels_of_type(ex, "ACCUSED")


def test_skirmishes_between_two_states_oppose_them(run: Callable[[str], Extraction]) -> None:
    # round 11b: "skirmish(es)" joins the conflict nouns of loaders/data/relations/lexicon.json
    ex = run("Deadly skirmishes between Chad and Sudan left five soldiers dead on Sunday.")
    assert ("Chad", "OPPOSES", "Sudan") in rels(ex)
    ex = run("Chad reported deadly skirmishes near its border on Sunday.")
    assert not rels_of_type(ex, "OPPOSES")


def test_clashes_erupting_between_two_sides_oppose_them(run: Callable[[str], Extraction]) -> None:
    # round 11b: "between" hung on the verb of a conflict noun subject, and the sides named by modifiers
    ex = run("Heavy clashes erupted between Chadian and Sudanese soldiers near the border on Sunday.")
    assert ("Chad", "OPPOSES", "Sudan") in rels(ex)
    # one side named: nobody
    ex = run("Heavy clashes erupted between Chadian soldiers and local herders on Sunday.")
    assert not rels_of_type(ex, "OPPOSES")
