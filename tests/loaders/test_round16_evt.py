"""Round 16: events on unseen news, bench/news6 A first (docs/extraction-rounds.md "Round 16: evt").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent, Extraction
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]

# the fixtures' page is dated Thursday 10 June 2021
HEADLINE = "Kenyan blockade of Zanzibar in effect\n\n"
BODY = (
    "Officials in Dodoma met through the morning to weigh the next steps.\n\n"
    "Merchant ships waited outside the harbour for orders.\n\n"
    "Fuel prices rose in the markets of the capital.\n\n"
    "Some traders closed their shops early.\n\n"
    "Diplomats in Nairobi followed the crisis closely.\n\n"
)


def test_a_late_day_of_a_side_remark_leaves_the_lead_on_the_page_day(events: Events) -> None:
    # a day first stated deep in the story, by a sentence that tells no event, is no day of the lead
    late = (
        HEADLINE
        + BODY
        + "A retired admiral was quoted as saying at a dinner last night that the crews were calm."
    )
    assert [e.date for e in of_type(events(late), "COERCE")] == ["2021-06-10"]
    # the same day stated in the lead still dates the undated headline before it
    early = HEADLINE + "The first warships took up positions on Wednesday, officials in Dodoma said."
    assert [e.date for e in of_type(events(early), "COERCE")] == ["2021-06-09"]


def test_an_anniversary_opening_reference_takes_the_old_day(run: Callable[..., Extraction]) -> None:
    text = (
        "Thirty years after the start of the Iraqi invasion of Kuwait, veterans recall the war.\n\n"
        "When sirens sounded in Kuwait City on August 2, 1991, families fled south."
    )
    dates = [e.date for e in of_type(run(text, "2021-08-02").events, "ASSAULT")]
    assert dates == ["1991-08-02"]


def test_readiness_to_punish_is_a_threat(events: Events) -> None:
    text = (
        '"If Iran keeps enriching uranium, we stand ready to impose tougher sanctions," '
        "the French minister Jean Dupont said on Monday."
    )
    threats = of_type(events(text), "THREATEN")
    assert [(e.actors, e.targets) for e in threats] == [(["Jean Dupont"], ["Iran"])]
    assert [
        (e.actors, e.targets) for e in of_type(events("Germany said it is ready to strike Iran."), "THREATEN")
    ] == [(["Germany"], ["Iran"])]
    # another side's readiness is a prediction, and a readiness denied is none
    assert not of_type(events("Germany said Iran is ready to strike Israel."), "THREATEN")
    assert not of_type(events("Germany said it is not ready to impose sanctions on Iran."), "THREATEN")


def test_joining_an_alliance_is_cooperation(events: Events) -> None:
    joined = of_type(events("Sweden joined NATO on Monday."), "COOPERATE")
    assert [(e.actors, e.date) for e in joined] == [(["Sweden"], "2021-06-07")]
    for text in (
        "Sweden hopes to join NATO next year.",
        "Sweden applied to join NATO on Monday.",
        "Turkey is blocking Sweden from joining NATO.",
        "Chad joined France in condemning the coup on Monday.",
        "Thousands of students joined the protests in Minsk on Monday.",
    ):
        assert not of_type(events(text), "COOPERATE"), text


def test_firing_staff_is_no_attack(events: Events) -> None:
    assert not of_type(
        events("President Joe Biden fired 300 striking air traffic controllers on Monday."), "ASSAULT"
    )
    # firing on people is still force
    assert of_type(events("Troops fired on protesters in Minsk on Monday."), "ASSAULT")


def test_a_rally_that_is_the_scene_of_an_act_is_dated(events: Events) -> None:
    protests = of_type(events("Students sang at the opposition rally in Minsk."), "PROTEST")
    assert [(e.date, e.location) for e in protests] == [("2021-06-10", "Minsk")]


def test_what_a_law_provides_is_no_act(events: Events) -> None:
    text = "The Senate voted on Monday to pass legislation imposing sanctions on Myanmar."
    assert not of_type(events(text), "SANCTION")
    assert of_type(events("The EU imposed sanctions on Myanmar on Monday."), "SANCTION")


def test_a_warning_drawn_from_a_side_is_its_threat(events: Events) -> None:
    text = "Finland's decision has drawn an angry warning of reprisals from the Kremlin."
    threats = of_type(events(text), "THREATEN")
    assert [(e.actors, e.targets) for e in threats] == [(["Russia"], ["Finland"])]
    for text in (
        "Soldiers fired warning shots on Monday.",
        "The US issued a travel warning for Mali on Monday.",
    ):
        assert not of_type(events(text), "THREATEN"), text


def test_a_participle_on_a_medium_is_its_speakers_act(events: Events) -> None:
    accused = of_type(events("Canada issued a statement condemning the raid on Monday."), "ACCUSE")
    assert [(e.actors, e.date) for e in accused] == [(["Canada"], "2021-06-07")]
    requested = of_type(
        events("Kenya sent a letter urging Uganda to withdraw its troops on Monday."), "REQUEST"
    )
    assert [(e.actors, e.targets) for e in requested] == [(["Kenya"], ["Uganda"])]
    # a participle on another noun still describes it
    assert not of_type(
        events("A video showing soldiers attacking the village was shared on Monday."), "ASSAULT"
    )


def test_a_paragraph_run_on_after_a_closing_quote_starts_afresh(events: Events) -> None:
    # the parser runs the closing quote and the next paragraph together; the older day of the paragraph
    # before ("on Monday") does not carry over the blank line
    text = (
        "Kenya on Thursday agreed to impose sanctions on Uganda.\n\n"
        'The sanctions answer the seizure of a Kenyan ship on Monday, which officials called "an outrage."\n\n'
        "Kenyan leaders condemned Uganda, according to Reuters."
    )
    assert [e.date for e in of_type(events(text), "ACCUSE")] == ["2021-06-10"]


def test_one_killed_in_an_attack_suffered_it(events: Events) -> None:
    text = "Kenyan forces shelled Kismayo on Monday.\n\nThe mayor said his nephew Ali Hassan was killed in the attack."
    evs = of_type(events(text), "ASSAULT")
    assert all("Ali Hassan" not in e.actors for e in evs)


def test_a_reference_told_first_takes_the_day_of_the_mention_it_joins(
    run: Callable[..., Extraction],
) -> None:
    # "Somalia's attack on the jet", a reference with no day of its own, is told before the mention that
    # the retelling dates
    text = (
        "On this day in 1998, Kenya launched air strikes against Somalia.\n\n"
        "The president later condemned Somalia's attack on the Kenyan jet.\n\n"
        "During the raid, a Somali missile shot down a Kenyan jet over Kismayo."
    )
    somali = [e for e in of_type(run(text, "2021-06-10").events, "ASSAULT") if e.actors == ["Somalia"]]
    assert [e.date for e in somali] == ["1998-06-10"]


def test_a_word_of_a_bodys_name_is_no_event(events: Events) -> None:
    for text in (
        "Warplanes of the North Atlantic Alliance struck Serbian bridges on Monday.",
        "The Democratic Alliance protested in Cape Town on Monday.",
    ):
        assert not of_type(events(text), "COOPERATE"), text
    # the common noun still tells cooperation
    assert of_type(events("The alliance agreed to cooperate with Japan on Monday."), "COOPERATE")


def test_a_date_with_an_abbreviated_month_keeps_its_year(run: Callable[..., Extraction]) -> None:
    # the clause's text used to be rebuilt token by token ("Dec . 27 , 1999"), which no date pattern
    # read, so the year fell back to the page's
    text = "Kenyan troops attacked Kismayo on December 27, 1999, after Somali gunmen raided a Kenyan town."
    dates = {e.date for e in of_type(run(text, "2011-12-27").events, "ASSAULT")}
    assert dates == {"1999-12-27"}


def test_an_act_that_plans_are_for_is_not_done(events: Events) -> None:
    text = "Officials said plans were moving ahead for a large-scale invasion of Somalia."
    assert not of_type(events(text), "ASSAULT")
    assert of_type(events("Kenya invaded Somalia on Monday."), "ASSAULT")
