"""Round 14: the less frequent relation types on unseen news (docs/extraction-rounds.md "Round 14: relations
other than affiliations and strikes"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels, rels_of_type

Run = Callable[[str], Extraction]


def test_a_condemned_act_named_by_any_noun_names_its_doer(run: Run) -> None:
    # the possessor or the national adjective of the condemned act, whatever the noun
    assert ("United Nations", "CONDEMNED", "Russia") in rels(
        run("The United Nations condemned Russia's annexation of Crimea.")
    )
    assert ("Saudi Arabia", "CONDEMNED", "Iran") in rels(
        run("Saudi Arabia strongly criticised Iran's missile test.")
    )
    assert ("Spain", "CONDEMNED", "Morocco") in rels(run("Spain criticised the Moroccan border policy."))
    # a "by" agent of the act, also when the parser hangs it on the act's own object
    assert ("Poland", "CONDEMNED", "Belarus") in rels(
        run("Poland condemned the detention of its journalist by Belarus.")
    )
    assert ("Jordan", "CONDEMNED", "Iran") in rels(run("Jordan condemned the attack on the embassy by Iran."))


def test_a_condemnation_of_suffering_or_of_a_victim_names_no_doer(run: Run) -> None:
    # the modifier of a victim noun is who suffered; a victim inside the act's object is no doer either
    ex = run("Poland condemned the deaths of Ukrainian civilians.")
    assert not rels_of_type(ex, "CONDEMNED")
    ex = run("Germany condemned the attack on the Russian embassy.")
    assert ("Germany", "CONDEMNED", "Russia") not in rels(ex)
    ex = run("France condemned the killing of the Iranian general.")
    assert ("France", "CONDEMNED", "Iran") not in rels(ex)


def test_condemned_what_it_called_an_act(run: Run) -> None:
    ex = run("Syria condemned what it called an act of aggression by the United States.")
    assert ("Syria", "CONDEMNED", "United States") in rels(ex)
    ex = run("Iran denounced what it called American piracy.")
    assert ("Iran", "CONDEMNED", "United States") in rels(ex)
    ex = run("Russia condemned what it described as an illegal attack by Israel.")
    assert ("Russia", "CONDEMNED", "Israel") in rels(ex)


def test_having_the_backing_of_a_side(run: Run) -> None:
    assert ("United States", "SUPPORTS", "South Korea") in rels(
        run("Seoul has the backing of the United States.")
    )
    ex = run("Kyiv has the full support of the European Union.")
    assert ("European Union", "SUPPORTS", "Ukraine") in rels(ex)
    ex = run("The junta enjoys the support of Russia and China.")
    assert ("Russia", "SUPPORTS", "junta") in rels(ex) and ("China", "SUPPORTS", "junta") in rels(ex)
    # seeking support is not having it
    assert not rels_of_type(run("The junta sought the support of Russia."), "SUPPORTS")


def test_aid_deliveries_that_gave_a_side_an_edge(run: Run) -> None:
    ex = run("Iranian drone deliveries helped give Russia an edge in the war.")
    assert ("Iran", "SUPPORTS", "Russia") in rels(ex)


def test_backed_by_other_words(run: Run) -> None:
    ex = run("The Turkish-sponsored Syrian National Army advanced.")
    assert ("Turkey", "SUPPORTS", "Syrian National Army") in rels(ex)
    ex = run("The junta, propped up by Russia, expelled the French ambassador.")
    assert ("Russia", "SUPPORTS", "junta") in rels(ex)


def test_a_warning_issued_to_a_side(run: Run) -> None:
    assert ("Iran", "THREATENED", "Israel") in rels(run("Iran issued a stern warning to Israel on Sunday."))
    assert ("China", "THREATENED", "Taiwan") in rels(run("Beijing has made repeated threats against Taiwan."))
    assert ("European Union", "THREATENED", "Belarus") in rels(run("The EU gave an ultimatum to Belarus."))
    ex = run("Tehran's warning to Washington came hours later.")
    assert ("Iran", "THREATENED", "United States") in rels(ex)
    # a warning someone else issued: the one who rejects it threatens nobody
    assert not rels_of_type(run("Israel dismissed the warning to Hezbollah."), "THREATENED")


def test_a_pair_joined_by_a_hyphen_before_an_alliance(run: Run) -> None:
    ex = run("Manila invoked the US-Philippines Mutual Defense Treaty.")
    assert ("United States", "ALLIED_WITH", "Philippines") in rels(ex)
    assert ("Russia", "ALLIED_WITH", "Belarus") in rels(
        run("The Russia-Belarus alliance held drills near Poland.")
    )
    assert ("Egypt", "ALLIED_WITH", "Sudan") in rels(run("Officials praised the Egypt-Sudan defence pact."))
    # a pact or treaty that is not military, and a cooperation on something else, are no alliance
    for text in (
        "The Russia-Ukraine grain pact collapsed.",
        "The US-Russia arms control treaty expired.",
        "US-China cooperation on climate stalled.",
    ):
        assert not rels_of_type(run(text), "ALLIED_WITH"), text


def test_demanding_a_leaders_removal(run: Run) -> None:
    ex = run("Protesters called for the ouster of President Rajapaksa.")
    assert ("protesters", "OPPOSES", "Rajapaksa") in rels(ex)
    ex = run("Demonstrators chanted slogans calling for the removal of the junta.")
    assert ("demonstrators", "OPPOSES", "junta") in rels(ex)
    # the release of someone is not a removal
    assert not rels_of_type(run("Protesters called for the release of Aung San Suu Kyi."), "OPPOSES")


def test_the_topic_of_a_discussion_is_no_side(run: Run) -> None:
    ex = run("Biden and Xi discussed Taiwan during a video call.")
    assert ("Biden", "SPOKE_WITH", "Xi") in rels(ex)
    assert not any(r[1] == "SPOKE_WITH" and "Taiwan" in (r[0], r[2]) for r in rels(ex))


def test_sides_driven_out_or_losing_ground(run: Run) -> None:
    ex = run("The Arakan Army drove the junta out of Paletwa.")
    assert ("Arakan Army", "OPPOSES", "junta") in rels(ex)
    ex = run("Ukraine lost Avdiivka to Russia in February.")
    assert ("Russia", "CONTROLS", "Avdiivka") in rels(ex)
    assert ("Russia", "OPPOSES", "Ukraine") in rels(ex)
    assert ("Azerbaijan", "OPPOSES", "Armenia") in rels(
        run("Azerbaijan retook the town from Armenian forces.")
    )
    assert ("Israel", "OPPOSES", "Hamas") in rels(run("Israel is waging war on Hamas in Gaza."))
    # talks pursued with a side, and an election lost, set no one against anyone
    assert not rels_of_type(run("Israel pursued talks with Hamas through Qatar."), "OPPOSES")
    assert not rels_of_type(run("Ukraine lost the vote to Russia at the council."), "CONTROLS")


def test_a_place_described_by_more_adjectives_or_a_bearing(run: Run) -> None:
    assert ("Erbil", "LOCATED_IN", "Iraq") in rels(run("The Iraqi Kurdish city of Erbil was hit."))
    assert ("Latakia", "LOCATED_IN", "Syria") in rels(run("The Syrian coastal city of Latakia was calm."))
    # an occupier named before a hyphen does not place the town
    ex = run("Troops entered the Russian-occupied city of Melitopol.")
    assert ("Melitopol", "LOCATED_IN", "Russia") not in rels(ex)
    ex = run("The blast struck Peshawar, a city in Pakistan's northwest.")
    assert ("Peshawar", "LOCATED_IN", "Pakistan") in rels(ex)
    ex = run("Peshawar, a city in the north of Pakistan, was hit.")
    assert ("Peshawar", "LOCATED_IN", "Pakistan") in rels(ex)
    # a distance from a place is no address
    assert not rels_of_type(run("Residents fled Kidal, about 1,500 km north of Bamako."), "LOCATED_IN")


def test_a_named_building_lies_where_it_is_said_to_be(run: Run) -> None:
    ex = run("Police raided the al-Noor mosque in Christchurch.")
    assert ("al-Noor", "LOCATED_IN", "Christchurch") in rels(ex)


def test_hunting_or_chasing_a_side(run: Run) -> None:
    ex = run("Nigerian troops hunted down Boko Haram fighters in the forest.")
    assert ("Nigeria", "OPPOSES", "Boko Haram") in rels(ex)
    ex = run("Kenyan soldiers chased al-Shabaab militants across the border.")
    assert ("Kenya", "OPPOSES", "al-Shabab") in rels(ex)


def test_aid_that_gave_a_side_an_edge(run: Run) -> None:
    ex = run("Russian weapons gave Serbia an advantage in the standoff.")
    assert ("Russia", "SUPPORTS", "Serbia") in rels(ex)
    ex = run("Chinese loans and Russian arms supplies helped give Venezuela a lifeline.")
    assert ("China", "SUPPORTS", "Venezuela") in rels(ex) and ("Russia", "SUPPORTS", "Venezuela") in rels(ex)
    # weapons that gave a side a hard time did not back it
    assert not rels_of_type(run("Russian weapons gave Ukraine a hard time."), "SUPPORTS")


def test_a_refused_act_is_not_done(run: Run) -> None:
    assert not rels_of_type(run("Egypt declined to back the Saudi plan against Iran."), "SUPPORTS")
    ex = run("Mexico refused to recognise Guaido.")
    assert ("Mexico", "SUPPORTS", "Guaido") not in rels(ex)


def test_hitting_out_at_a_side(run: Run) -> None:
    assert ("Pakistan", "CONDEMNED", "India") in rels(run("Pakistan hit out at India over the strikes."))
    ex = run("Venezuela lashed out at the United States for the sanctions.")
    assert ("Venezuela", "CONDEMNED", "United States") in rels(ex)


def test_a_side_that_will_pay_a_price(run: Run) -> None:
    assert ("Iran", "THREATENED", "Israel") in rels(run("Iran warned that Israel would pay a heavy price."))
    ex = run("Israel will pay a heavy price for this crime, Iran's supreme leader said.")
    assert ("Iran", "THREATENED", "Israel") in rels(ex)
    # a price already paid is no threat
    assert not rels_of_type(run("Israel paid a heavy price for the war, Iran said."), "THREATENED")


def test_a_place_that_fell_to_a_side(run: Run) -> None:
    ex = run("The city of Mosul fell to Islamic State fighters in June.")
    assert ("Islamic State", "CONTROLS", "Mosul") in rels(ex)
    # a task or a price that fell to someone is no place held
    assert not rels_of_type(run("Responsibility for the talks fell to Qatar."), "CONTROLS")
    assert not rels_of_type(run("Oil prices fell to $70 after Saudi Arabia raised output."), "CONTROLS")


def test_members_of_a_led_coalition_are_its_leaders_allies(run: Run) -> None:
    ex = run("Britain joined the US-led coalition against the Islamic State.")
    assert ("United Kingdom", "ALLIED_WITH", "United States") in rels(ex)
    # the coalition's enemy is no ally
    assert not any(r[1] == "ALLIED_WITH" and "Islamic State" in (r[0], r[2]) for r in rels(ex))
    ex = run("Jordan, a member of the US-led coalition, flew sorties over Syria.")
    assert ("Jordan", "ALLIED_WITH", "United States") in rels(ex)
    ex = run("The Saudi-led coalition, which includes the UAE and Egypt, bombed Sanaa.")
    assert {
        ("United Arab Emirates", "ALLIED_WITH", "Saudi Arabia"),
        ("Egypt", "ALLIED_WITH", "Saudi Arabia"),
    } <= rels(ex)


def test_support_from_a_side_and_trying_to_dislodge_one(run: Run) -> None:
    ex = run("Haftar's forces advanced on Tripoli with backing from Egypt.")
    assert ("Egypt", "SUPPORTS", "Haftar") in rels(ex)
    ex = run("Malian troops tried to dislodge the jihadists from Kidal.")
    assert ("Mali", "OPPOSES", "jihadists") in rels(ex)
    # police dislodging protesters is no named side's fight
    assert not rels_of_type(run("Protesters were dislodged from the square by police."), "OPPOSES")


def test_more_ways_of_being_allied(run: Run) -> None:
    assert ("Hezbollah", "ALLIED_WITH", "Iran") in rels(run("Hezbollah is allied to Iran."))
    ex = run("The Houthis teamed up with Hezbollah to train fighters.")
    assert ("Houthis", "ALLIED_WITH", "Hezbollah") in rels(ex)
    ex = run("Turkey and Azerbaijan have a strategic alliance.")
    assert ("Turkey", "ALLIED_WITH", "Azerbaijan") in rels(ex)
    # an alliance against someone does not ally the two sides
    ex = run("Turkey and Azerbaijan have an alliance against Armenia.")
    assert not any(r[1] == "ALLIED_WITH" and "Armenia" in (r[0], r[2]) for r in rels(ex))


def test_warnings_of_retaliation_measures_or_a_response_to_face(run: Run) -> None:
    assert ("Iran", "THREATENED", "Israel") in rels(run("Iran warned of retaliation against Israel."))
    ex = run("China warned it would take strong measures against the Philippines.")
    assert ("China", "THREATENED", "Philippines") in rels(ex)
    ex = run("Hezbollah said Israel would face a harsh response.")
    assert ("Hezbollah", "THREATENED", "Israel") in rels(ex)
    # a response already faced is no threat
    ex = run("Israel faced a harsh response from Hezbollah, officials said.")
    assert not rels_of_type(ex, "THREATENED")


def test_an_apposition_placing_a_place_wherever_the_parser_hangs_it(run: Run) -> None:
    ex = run("The shelling of Donetsk, a separatist stronghold in eastern Ukraine, continued.")
    assert ("Donetsk", "LOCATED_IN", "Ukraine") in rels(ex)
    assert ("Goma", "LOCATED_IN", "North Kivu") in rels(
        run("Aid reached Goma, the capital of North Kivu, on Friday.")
    )
    # a place noun of something else ("a city of 20,000 people") places nothing
    assert not rels_of_type(run("Troops reached Marib, a city of 20,000 people, on Sunday."), "LOCATED_IN")
