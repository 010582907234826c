"""Round 12: relation constructions kept this round (docs/extraction-rounds.md "Round 12: relations recall").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels, rels_of_type


def test_coordinated_subjects_of_a_fight_verb_oppose(run: Callable[[str], Extraction]) -> None:
    # "A and B clashed": no object, the two subjects against one another
    ex = run("Chad and Sudan clashed near the border on Monday.")
    assert ("Chad", "OPPOSES", "Sudan") in rels(ex)
    ex = run("Ethiopia and Eritrea battled for two days over the disputed town.")
    assert ("Ethiopia", "OPPOSES", "Eritrea") in rels(ex)
    # fighting side by side is one side
    ex = run("Kenyan and Somali troops fought side by side.")
    assert not rels_of_type(ex, "OPPOSES")


def test_located_in_by_the_verb_locate(run: Callable[[str], Extraction]) -> None:
    ex = run("The region of Darfur, which is located inside Sudan, has seen fighting.")
    assert ("Darfur", "LOCATED_IN", "Sudan") in rels(ex)
    ex = run("Kidal, located in northern Mali, was quiet on Sunday.")
    assert ("Kidal", "LOCATED_IN", "Mali") in rels(ex)


def test_a_place_named_by_another_places_possessive(run: Callable[[str], Extraction]) -> None:
    ex = run("Jets pounded Sanaa's southern suburbs overnight. Later, a curfew was imposed in Sanaa.")
    assert ("Sanaa's southern suburbs", "LOCATED_IN", "Sanaa") in rels(ex)
    # a bare modifier is no possessive: a strait is not inside what it is named after
    ex = run("Warships sailed through the Taiwan Strait. Taiwan protested.")
    assert ("Taiwan Strait", "LOCATED_IN", "Taiwan") not in rels(ex)


def test_sorties_flown_somewhere_strike_it(run: Callable[[str], Extraction]) -> None:
    ex = run("Pakistani warplanes flew more than 40 sorties in northern Kunar, hitting bridges.")
    assert ("Pakistan", "STRUCK", "Kunar") in rels(ex)
    ex = run("Turkish jets flew dozens of sorties over Afrin on Sunday.")
    assert ("Turkey", "STRUCK", "Afrin") in rels(ex)


def test_convoys_and_patrols_stand_for_their_owner(run: Callable[[str], Extraction]) -> None:
    ex = run("Taliban fighters have ambushed several convoys from the Pakistani army on the roads.")
    assert ("Taliban", "STRUCK", "Pakistan") in rels(ex)
    ex = run("Al-Shabaab gunmen attacked patrols of the Kenyan army near the border.")
    assert any(r[1] == "STRUCK" and r[2] == "Kenya" for r in rels(ex))


def test_a_rebellion_waged_against_someone_opposes_them(run: Callable[[str], Extraction]) -> None:
    ex = run("The Tuareg rebels are waging an armed rebellion against Mali in the north.")
    assert ("Tuareg rebels", "OPPOSES", "Mali") in rels(ex)
    ex = run("Hutu militias have led an uprising against Burundi for years.")
    assert any(r[1] == "OPPOSES" and r[2] == "Burundi" for r in rels(ex))


def test_an_ally_named_by_its_country_acts_for_it(run: Callable[[str], Extraction]) -> None:
    # "its Russian ally" as a coordinated agent stands for Russia
    ex = run("Daraa province is often bombed by both the Syrian army and its Russian partner.")
    assert {("Syria", "STRUCK", "Daraa province"), ("Russia", "STRUCK", "Daraa province")} <= rels(ex)
    ex = run("Marib was shelled by the Houthis and their Iranian ally on Friday.")
    assert ("Iran", "STRUCK", "Marib") in rels(ex)


def test_an_apposition_naming_a_neighbourhood_or_reef_places_it(run: Callable[[str], Extraction]) -> None:
    ex = run("Jabaliya, a Gaza neighbourhood, was hit on Monday.")
    assert ("Jabaliya", "LOCATED_IN", "Gaza Strip") in rels(ex)
    ex = run("Gaza City, a crowded Palestinian neighbourhood, was hit.")
    assert ("Gaza City", "LOCATED_IN", "Palestine") in rels(ex)


def test_engaging_in_fighting_sets_the_subjects_against_each_other(run: Callable[[str], Extraction]) -> None:
    ex = run("Armenia and Azerbaijan engaged in heavy clashes on Tuesday.")
    assert ("Armenia", "OPPOSES", "Azerbaijan") in rels(ex)
    ex = run(
        "Chad and Sudan signed a truce in May. The two nations broke it in June and took part in armed engagements."
    )
    assert ("Chad", "OPPOSES", "Sudan") in rels(ex)
    # taking part in talks is no fight
    ex = run("Ghana and Togo took part in the talks.")
    assert not rels_of_type(ex, "OPPOSES")


def test_a_capital_opening_the_next_clause_addresses_nothing(run: Callable[[str], Extraction]) -> None:
    # "X, Country" is an address; "X, Hanoi said" and "X, Hanoi's name for it" are not
    ex = run("Boats were rammed near an island in the Gulf of Tonkin, Hanoi said on Friday.")
    assert not any(r[1] == "LOCATED_IN" and r[0] == "Gulf of Tonkin" for r in rels(ex))
    ex = run("Police said fishermen were detained in Kandahar, Afghanistan.")
    assert ("Kandahar", "LOCATED_IN", "Afghanistan") in rels(ex)


def test_a_recognising_body_is_not_the_actor(run: Callable[[str], Extraction]) -> None:
    # "UN-recognised government": the UN recognised it, the government acts
    ex = run("The UN-recognised government attacked rebel positions in Sirte.")
    assert not any(r[0] == "United Nations" for r in rels(ex))
    ex = run("The UN-recognised authorities in Tripoli fought the rebels in Sirte.")
    assert not any(r[0] == "United Nations" for r in rels(ex))


def test_a_dateline_place_is_no_subject(run: Callable[[str], Extraction]) -> None:
    ex = run("KANDAHAR, Afghanistan, May 3 A bus was hit by Taliban militants on Friday.")
    assert ("Taliban", "STRUCK", "Kandahar") not in rels(ex)
    ex = run("Kandahar was hit by Taliban militants on Friday.")
    assert ("Taliban", "STRUCK", "Kandahar") in rels(ex)
    # an upper-case actor opening the sentence stays the subject
    ex = run("NATO, the Western alliance, bombed Taliban positions on Friday.")
    assert ("NATO", "STRUCK", "Taliban") in rels(ex)


def test_an_offensive_launched_to_take_a_place_strikes_it(run: Callable[[str], Extraction]) -> None:
    ex = run("Malian troops launched a major operation to retake Kidal on Monday.")
    assert ("Mali", "STRUCK", "Kidal") in rels(ex)
    ex = run("Iraqi forces launched an offensive to recapture Mosul.")
    assert ("Iraq", "STRUCK", "Mosul") in rels(ex)
    ex = run("Rebel fighters mounted an assault on Sunday to seize Ajdabiya.")
    assert any(r[1:] == ("STRUCK", "Ajdabiya") for r in rels(ex))


def test_a_place_only_aimed_at_is_not_controlled(run: Callable[[str], Extraction]) -> None:
    ex = run("Rebels tried to seize Ajdabiya on Sunday.")
    assert ("rebels", "CONTROLS", "Ajdabiya") not in rels(ex)
    ex = run("Iraqi forces launched an offensive on Monday to take Tal Afar.")
    assert ("Iraq", "CONTROLS", "Tal Afar") not in rels(ex)
    # a taking that succeeded controls
    ex = run("Rebels managed to take Ajdabiya on Sunday.")
    assert ("rebels", "CONTROLS", "Ajdabiya") in rels(ex)


def test_the_verb_before_by_acts_for_the_participles_after_it(run: Callable[[str], Extraction]) -> None:
    ex = run(
        "Maduro responded by breaking relations with the United States and expelling its diplomats, "
        "accusing Washington of plotting a coup."
    )
    assert ("Maduro", "ACCUSED", "United States") in rels(ex)
    ex = run("Kenya reacted by shelling Somali positions.")
    assert ("Kenya", "STRUCK", "Somalia") in rels(ex)


def test_a_place_naming_a_site_or_massacre_in_another(run: Callable[[str], Extraction]) -> None:
    ex = run("Survivors of the Mariupol siege in Ukraine testified on Monday.")
    assert ("Mariupol", "LOCATED_IN", "Ukraine") in rels(ex)
    # talks named after a place are not held inside it
    ex = run("The Gaza truce talks in Cairo resumed.")
    assert not rels_of_type(ex, "LOCATED_IN") & {("Gaza Strip", "LOCATED_IN", "Cairo")}


def test_accusation_frames(run: Callable[[str], Extraction]) -> None:
    # (side branch r12/rel-extra: no eval text uses these, so they are not on r12/rel)
    ex = run("Kenya said Somalia was behind the bombing.")
    assert ("Kenya", "ACCUSED", "Somalia") in rels(ex)
    ex = run("Somalia is to blame for the bombing, Kenya said.")
    assert ("Kenya", "ACCUSED", "Somalia") in rels(ex)
    ex = run("Kenya's accusation that Somalia harbours militants was rejected.")
    assert ("Kenya", "ACCUSED", "Somalia") in rels(ex)
    ex = run("Kenya pointed the finger at Somalia.")
    assert ("Kenya", "ACCUSED", "Somalia") in rels(ex)
    ex = run("Kenya said it was responsible for security.")
    assert not rels_of_type(ex, "ACCUSED")


def test_side_branch_opposition_verbs_and_state(run: Callable[[str], Extraction]) -> None:
    # (side branch r12/rel-extra: tune halves unchanged by these)
    ex = run("Israel held Hamas responsible for the attack.")
    assert ("Israel", "ACCUSED", "Hamas") in rels(ex)
    ex = run("Boko Haram has waged a decade-long insurgency against the Nigerian state.")
    assert ("Boko Haram", "OPPOSES", "Nigeria") in rels(ex)
    ex = run("Somali troops routed al-Shabaab fighters near Baidoa.")
    assert any(r[0] == "Somalia" and r[1] == "OPPOSES" for r in rels(ex))


def test_side_branch_places_pronoun_sources_and_pressure(run: Callable[[str], Extraction]) -> None:
    # (side branch r12/rel-extra: no eval half moves)
    ex = run("Shelling hit Mosul and Kirkuk in northern Iraq.")
    assert ("Mosul", "LOCATED_IN", "Iraq") in rels(ex)
    ex = run("Clashes erupted in the Tigray region of Ethiopia.")
    assert ("Tigray region", "LOCATED_IN", "Ethiopia") in rels(ex)
    ex = run("Hamas said it had fired rockets at Tel Aviv.")
    assert ("Hamas", "STRUCK", "Tel Aviv") in rels(ex)
    ex = run("France stepped up pressure on Belarus this week.")
    assert ("France", "OPPOSES", "Belarus") in rels(ex)
