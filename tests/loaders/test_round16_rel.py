"""Round 16: rel, relations on news nobody tuned on (docs/extraction-rounds.md "Round 16: rel"). Every sentence
here is our own; each construction has a look-alike that must keep (or must not give) the relation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import Article, Extraction
from loaders.entities import find_entities
from loaders.pipeline import Extractor
from loaders.relations.filed_from import dateline_country
from loaders.relations.learned_gate import backer_keys
from tests.loaders.extracted import rels

Run = Callable[[str], Extraction]


def test_a_verb_of_force_aimed_with_sanctions_strikes_no_one(run: Run) -> None:
    ex = run(
        "Sanctions on Tehran\n\nThe European Union retaliated on Monday by targeting new sanctions against Iran."
    )
    assert ("European Union", "STRUCK", "Iran") not in rels(ex)
    assert ("European Union", "OPPOSES", "Iran") in rels(ex)  # the sanctions still oppose


def test_hit_with_tariffs_is_no_strike_but_hit_with_missiles_is(run: Run) -> None:
    assert ("United States", "STRUCK", "China") not in rels(
        run("Trade row\n\nThe United States hit China with new tariffs on Friday.")
    )
    assert ("Israel", "STRUCK", "Hamas") in rels(
        run("Strikes in Gaza\n\nIsraeli jets hit Hamas positions with missiles on Friday.")
    )


def test_slamming_a_door_is_no_condemnation_but_slamming_a_decision_is(run: Run) -> None:
    door = run(
        "Summit\n\nTurkish President Recep Tayyip Erdogan wanted to slam the European Union's door shut."
    )
    assert ("Recep Tayyip Erdogan", "CONDEMNED", "European Union") not in rels(door)
    decision = run(
        "Summit\n\nTurkish President Recep Tayyip Erdogan slammed the European Union's decision on Monday."
    )
    assert ("Recep Tayyip Erdogan", "CONDEMNED", "European Union") in rels(decision)


def test_assassinated_by_a_force_is_struck_by_its_state(run: Run) -> None:
    ex = run("Kabul\n\nAfghan President Mohammad Daoud Khan was assassinated by Soviet agents in 1978.")
    assert ("Soviet Union", "STRUCK", "Mohammad Daoud Khan") in rels(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Accord signed\n\nMr Salim Qurei, number two in the PLO, signed the accord.",
        # the parser hangs the rank on the first listed name
        "Accord signed\n\nBeside the podium stood Mr Ahmed Hamid and Mr Salim Qurei, number two in the PLO.",
    ],
)
def test_a_numbered_rank_in_a_body_is_an_affiliation(run: Run, text: str) -> None:
    ex = run(text)
    assert ("Salim Qurei", "AFFILIATED_WITH", "PLO") in rels(ex)
    assert ("Ahmed Hamid", "AFFILIATED_WITH", "PLO") not in rels(ex)


def test_joining_a_body_or_becoming_its_member_is_an_affiliation(run: Run) -> None:
    ex = run(
        "Alliance grows\n\nMontenegro became the 29th member of NATO on Monday. Sweden joined NATO a year "
        "later. Austria did not join NATO."
    )
    assert ("Montenegro", "AFFILIATED_WITH", "NATO") in rels(ex)
    assert ("Sweden", "AFFILIATED_WITH", "NATO") in rels(ex)
    assert ("Austria", "AFFILIATED_WITH", "NATO") not in rels(ex)


def test_joining_another_country_in_an_act_is_no_membership(run: Run) -> None:
    ex = run("Vote\n\nRussia joined China in blocking the resolution on Tuesday.")
    assert ("Russia", "AFFILIATED_WITH", "China") not in rels(ex)


def test_a_place_named_only_as_where_a_group_is_based_is_no_end(extractor: Extractor) -> None:
    doc = extractor.nlp("Washington listed four Crimea-based separatist leaders and Ukrainian officials.")
    table = find_entities(doc, Article(id="t"), extractor.gaz)
    sent = next(iter(doc.sents))
    keys = backer_keys(sent, table)
    assert "Crimea" in keys
    assert "Ukraine" not in keys


FLED = (
    "Strongman flees\n\nMANILA - The Philippine opposition took power on Wednesday after the president fled "
    "on a U.S. jet to a U.S. base in Guam. American officials said the United States had offered him "
    "a haven, and the U.S. Navy flew his family out. Former armed forces chief of staff Jose Ramos went "
    "with him. The Philippine capital was calm."
)


def test_the_dateline_country_owns_an_unplaced_office_in_a_story_naming_another_more(run: Run) -> None:
    ex = run(FLED)
    assert ("Jose Ramos", "AFFILIATED_WITH", "Philippines") in rels(ex)
    assert ("Jose Ramos", "AFFILIATED_WITH", "United States") not in rels(ex)


def test_a_dateline_the_story_never_names_again_is_no_country(extractor: Extractor) -> None:
    doc = extractor.nlp("Talks\n\nMEXICO CITY - Honduran and Costa Rican envoys met on Monday.")
    table = find_entities(doc, Article(id="t"), extractor.gaz)
    assert dateline_country(doc, table, extractor.gaz.capitals) is None


def test_signing_an_accord_with_another_side_is_a_meeting(run: Run) -> None:
    ex = run(
        "Deal\n\nSomali President Ali Warsame flew to Uganda to sign a defence pact with President Yoweri "
        "Museveni."
    )
    assert ("Ali Warsame", "MET_WITH", "Yoweri Museveni") in rels(ex)


def test_two_sides_signing_an_accord_meet(run: Run) -> None:
    ex = run("Peace at last\n\nIsrael and Jordan signed a peace treaty in 1994.")
    assert ("Israel", "MET_WITH", "Jordan") in rels(ex) or ("Jordan", "MET_WITH", "Israel") in rels(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Deal\n\nIran will sign a deal with Russia next week.",
        "Deal\n\nIran did not sign the deal with Russia.",
    ],
)
def test_an_accord_planned_or_refused_is_no_meeting(run: Run, text: str) -> None:
    assert ("Iran", "MET_WITH", "Russia") not in rels(run(text))


def test_a_warning_drawn_from_another_is_its_threat(run: Run) -> None:
    ex = run("Base row\n\nNorway's decision to host the base drew a stern warning of reprisals from Russia.")
    assert ("Russia", "THREATENED", "Norway") in rels(ex)


def test_condemnation_drawn_from_another_is_its_condemnation(run: Run) -> None:
    ex = run("Vote\n\nIndia's vote has drawn sharp condemnation from Pakistan.")
    assert ("Pakistan", "CONDEMNED", "India") in rels(ex)
    other = run("Vote\n\nIndia received a letter from Pakistan.")
    assert ("Pakistan", "CONDEMNED", "India") not in rels(other)
    assert ("Pakistan", "THREATENED", "India") not in rels(other)


def test_forcing_an_office_holder_to_resign_opposes_him(run: Run) -> None:
    ex = run("Coup\n\nBolivian army officers pushed President Evo Morales to resign.")
    assert ("Bolivia", "OPPOSES", "Evo Morales") in rels(ex)
    urged = run("Protest\n\nThe opposition party Ata Jurt urged Prime Minister Ali Musa to step down.")
    assert ("Ata Jurt", "OPPOSES", "Ali Musa") in rels(urged)


def test_asking_someone_to_stay_opposes_no_one(run: Run) -> None:
    ex = run("Protest\n\nThe opposition party Ata Jurt urged Prime Minister Ali Musa to stay in office.")
    assert ("Ata Jurt", "OPPOSES", "Ali Musa") not in rels(ex)


def test_the_agents_of_a_passive_do_not_back_each_other(run: Run) -> None:
    ex = run(
        "Arrest\n\nLondon said the town had been taken by Kabila's fighters backed by the African Union and "
        "the Rwandan military."
    )
    assert ("Rwanda", "SUPPORTS", "African Union") not in rels(ex)
    assert ("African Union", "SUPPORTS", "Rwanda") not in rels(ex)
    assert ("Rwanda", "SUPPORTS", "Kabila") in rels(ex)


def test_the_dateline_country_breaks_a_tie_between_two_countries(run: Run) -> None:
    body = (
        "Kenya and Somalia agreed on Monday to reopen their border. Somalia and Kenya will share patrols, "
        "Interior Minister John Kamau said. Somalia closed it in 2011."
    )
    assert ("John Kamau", "AFFILIATED_WITH", "Kenya") in rels(run("Border deal\n\nNAIROBI - " + body))
    undated = rels(run("Border deal\n\n" + body))
    assert ("John Kamau", "AFFILIATED_WITH", "Kenya") not in undated
    assert ("John Kamau", "AFFILIATED_WITH", "Somalia") not in undated


def test_who_leads_the_paramilitary_body_is_its_member(run: Run) -> None:
    # the parser makes "paramilitary" the object and the body its apposition
    ex = run(
        "Talks\n\nClashes pitted Colonel Omar Bashir, head of the Chadian army, against Major General Ali "
        "Osman, who leads the paramilitary Desert Shield Forces."
    )
    assert ("Ali Osman", "AFFILIATED_WITH", "Desert Shield Forces") in rels(ex)
