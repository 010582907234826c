"""Round 15 (second wave): events on unseen news (docs/extraction-rounds.md "Round 15 (second wave): evt7").
Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent, Extraction
from loaders.events.dating import printed_day
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_an_undated_page_keeps_an_undated_event_with_a_target(run: Callable[..., Extraction]) -> None:
    text = "The government of President Alpha Conde was toppled in a coup by army officers."
    coerced = of_type(run(text, None).events, "COERCE")
    assert [e.targets for e in coerced] == [["Alpha Conde"]]
    assert coerced[0].date is None
    # a dated page still drops a mention with no date and no actor of its own
    assert not of_type(run("The coup was condemned.", None).events, "COERCE")


def test_a_supporting_force_is_no_support(events: Events) -> None:
    for text in (
        "Members of the army and supporting militias from the Jamaat party killed villagers in Sylhet in 1972.",
        "Russian soldiers and supporting Wagner Group fighters shelled the town on Monday.",
    ):
        assert not of_type(events(text), "SUPPORT"), text
    # backing told by a verb still is support
    assert of_type(events("Russia is supporting the Wagner Group in Mali, France said on Monday."), "SUPPORT")


def test_a_question_is_no_request(events: Events) -> None:
    for text in (
        "When asked on Tuesday whether the march was legal, police spokesman John Mbeki said it was not.",
        "Asked if Kenya would send troops, President William Ruto said no decision had been made.",
    ):
        assert not of_type(events(text), "REQUEST"), text
    assert of_type(events("Kenya asked Uganda to send troops on Monday."), "REQUEST")


def test_a_speech_delivered_is_no_aid(events: Events) -> None:
    for text in (
        "Prime Minister Boris Johnson flew to Brussels to deliver a speech to NATO on Monday.",
        "President Joe Biden delivered an address to the United Nations in New York on Tuesday.",
    ):
        assert not of_type(events(text), "AID"), text
    assert of_type(events("The United States delivered food aid to Haiti on Monday."), "AID")


def test_a_vow_of_punishment_is_a_threat(events: Events) -> None:
    text = (
        "General Ahmed Bashir and Yusuf Kamal pledged on Monday that those responsible for the massacre "
        "would be brought to justice."
    )
    found = events(text)
    assert not of_type(found, "SUPPORT")
    assert [e.actors for e in of_type(found, "THREATEN")] == [["Ahmed Bashir", "Yusuf Kamal"]]
    # a pledge of help stays support
    assert of_type(events("Japan pledged support for Ukraine on Monday."), "SUPPORT")


def test_forced_to_resign_is_no_concession(events: Events) -> None:
    assert not of_type(events("Malian President Forced To Resign"), "CONCEDE")
    found = events("Kenyan army officers forced President Daniel Moi to resign on Friday.")
    assert not of_type(found, "CONCEDE")
    assert [e.targets for e in of_type(found, "COERCE")] == [["Daniel Moi"]]
    # a resignation of one's own accord stays a concession
    assert of_type(events("President Daniel Moi resigned on Friday."), "CONCEDE")


def test_an_anniversary_headline_takes_the_old_day_a_weekday_names(events: Events) -> None:
    # published on Thursday 10 June 2021: "Thursday" names the old day, not the page's
    # "this afternoon" there is the old day's afternoon
    text = (
        "Chad's army surrenders to Libya, 40 years ago #OnThisDay (June 10 1981) (Thursday, June 10, 1981) "
        "— The Chadian army surrendered this afternoon to the Libyan army.\n\nThe war had lasted two years."
    )
    assert [e.date for e in of_type(events(text), "CONCEDE")] == ["1981-06-10"]
    text = (
        "Chad's army surrenders to Libya, 40 years ago #OnThisDay (June 10 1981)\n\n"
        "(Thursday, June 10, 1981) — The Chadian army surrendered this afternoon to the Libyan army.\n\n"
        "The war had lasted two years."
    )
    assert {e.date for e in of_type(events(text), "CONCEDE")} == {"1981-06-10"}


def test_protesters_who_stormed_a_building_protest(events: Events) -> None:
    text = (
        "President Nikol Pashinyan resigned on Sunday, bowing to opposition protesters who stormed "
        "parliament in Yerevan."
    )
    found = events(text)
    assert [e.actors for e in of_type(found, "PROTEST")] == [["opposition protesters"]]
    assert not of_type(found, "ASSAULT")


def test_an_undated_page_takes_the_day_it_prints_over_its_headline(run: Callable[..., Extraction]) -> None:
    text = (
        "12 March 2009\n\nArmy topples Ravalomanana\n\n"
        "The government of President Marc Ravalomanana was toppled in a coup by army officers."
    )
    assert [e.date for e in of_type(run(text, None).events, "COERCE")] == ["2009-03-12"]
    # a dated page keeps its own day
    assert [e.date for e in of_type(run(text, "2009-03-14").events, "COERCE")] == ["2009-03-14"]
    # a day inside a sentence, or in a line with other words, is no printed day
    assert printed_day("On 12 March 2009 the army toppled the president.") is None
    assert printed_day("Army topples Ravalomanana, 12 March 2009, Antananarivo\n\nText.") is None
    assert printed_day("Thursday, March 12, 2009\n\nText.") == "2009-03-12"


def test_a_call_for_something_to_be_done_is_a_request(events: Events) -> None:
    text = (
        "In the first reaction, the United States and Spain called for the prisoners to be freed in Bolivia."
    )
    assert [e.actors for e in of_type(events(text), "REQUEST")] == [["United States", "Spain"]]
    # a call on a day is still no request
    assert not of_type(events("Spain called on Tuesday."), "REQUEST")


def test_an_abdication_is_a_concession(events: Events) -> None:
    found = of_type(events("President Omar Bongo abdicated and fled into exile on Tuesday."), "CONCEDE")
    assert [e.actors for e in found] == [["Omar Bongo"]]


def test_signing_a_surrender_is_no_agreement(events: Events) -> None:
    for text in (
        "In Kigali, the surrender document was signed by the rebel commander, General Paul Kagame, on Monday.",
        "General Paul Kagame signed the instrument of surrender in Kigali on Monday.",
    ):
        assert not of_type(events(text), "AGREE"), text
    assert of_type(events("Rwanda and Uganda signed a peace agreement in Kigali on Monday."), "AGREE")


def test_a_labour_strike_is_a_protest_not_an_attack(events: Events) -> None:
    for text in (
        "A general strike by the Nigeria Labour Congress paralysed Lagos on Monday.",
        "Workers of the Anglo American mine went on strike in Rustenburg on Monday.",
    ):
        found = events(text)
        assert not of_type(found, "ASSAULT"), text
        assert of_type(found, "PROTEST"), text
    # the one who vows to end a strike is no striker
    text = "Police chief Zukiswa Dlamini vowed on Monday to end the wage strike at the Impala mine."
    assert not [e for e in of_type(events(text), "PROTEST") if "Zukiswa Dlamini" in e.actors]
    # an air strike stays an attack
    assert of_type(events("Israel carried out an air strike on Gaza on Monday."), "ASSAULT")
