"""Round 11: dates of retold events (docs/extraction-rounds.md "Round 11: events"). Every sentence here is our own.
Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from loaders.dates import resolve_date
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_a_sentence_may_open_with_its_month_or_year() -> None:
    # the preposition is capitalised at a sentence's start; it still states the date
    assert resolve_date("In March 1994, rebels shelled the town.", "2021-06-10") == "1994-03"
    assert resolve_date("In 2003, rebels shelled the town.", "2021-06-10") == "2003"
    assert resolve_date("During April, rebels shelled the town.", "2021-06-10") == "2021-04"


def test_an_old_day_dates_the_rest_of_its_paragraph(events: Events) -> None:
    # a retelling: the stated day, decades before the report, is the next sentence's day too
    evs = events(
        "On 3 May 1994, the rebel council ordered a march on Kigali. "
        "Rwandan troops shelled the rebel positions near Kigali."
    )
    assert [e.date for e in of_type(evs, "ASSAULT")] == ["1994-05-03"]


def test_the_next_day_counts_from_the_retold_day_across_paragraphs(events: Events) -> None:
    evs = events(
        "On 3 May 1994, Rwandan troops shelled Butare.\n\n"
        "The next day, Rwandan troops bombed Gitarama.\n\n"
        "And the next day, Rwandan troops bombed Gisenyi."
    )
    dates = {e.location: e.date for e in of_type(evs, "ASSAULT")}
    assert dates == {"Butare": "1994-05-03", "Gitarama": "1994-05-04", "Gisenyi": "1994-05-05"}


def test_a_news_paragraph_after_an_old_one_is_news_again(events: Events) -> None:
    # a new paragraph without a step phrase goes back to the story's day, not the old one
    evs = events(
        "On 3 May 1994, Rwandan troops shelled Butare.\n\nOn Tuesday, Rwandan troops shelled Gitarama."
    )
    dates = {e.location: e.date for e in of_type(evs, "ASSAULT")}
    assert dates == {"Butare": "1994-05-03", "Gitarama": "2021-06-08"}


def test_an_old_day_ends_at_a_break_inside_a_sentence(events: Events) -> None:
    # a photo caption's old day run into the next paragraph by the sentence splitter dates nothing there
    evs = events(
        "Rebels shelled the port of Aden on 2 March 1994. PHOTO AGENCY\n\nIn a statement, Yemen "
        "condemned the rebels. Yemeni troops shelled the rebel camp on Tuesday."
    )
    accused = of_type(evs, "ACCUSE")
    assert accused and all(e.date and e.date.startswith("2021") for e in accused)


def test_a_seizure_of_power_is_coercion_by_the_country_s_forces(events: Events) -> None:
    evs = of_type(events("Soldiers seized power in Niger on Wednesday."), "COERCE")
    assert [(e.actors, e.date) for e in evs] == [(["Niger"], "2021-06-09")]
    # the forces' country named by the speaker of the claim
    evs = of_type(events("Army officers in Mali said they seized power on Monday."), "COERCE")
    assert [e.actors for e in evs] == [["Mali"]]


def test_seizing_goods_is_not_a_coup(events: Events) -> None:
    evs = events("Customs officers in Kenya seized a shipment of ivory on Monday.")
    assert not [e for e in evs if e.type == "COERCE" and e.actors == ["Kenya"] and not e.targets]


def test_a_curfew_or_martial_law_imposed_is_coercion(events: Events) -> None:
    evs = of_type(events("Rodrigo Duterte imposed a curfew on Cebu on Tuesday."), "COERCE")
    assert [(e.actors, e.date) for e in evs] == [(["Rodrigo Duterte"], "2021-06-08")]
    evs = of_type(events("Rodrigo Duterte declared martial law on Tuesday."), "COERCE")
    assert [e.actors for e in evs] == [["Rodrigo Duterte"]]
    evs = of_type(events("Rodrigo Duterte imposed 30 days of martial law on Tuesday."), "COERCE")
    assert [e.actors for e in evs] == [["Rodrigo Duterte"]]
    # imposing a fee is no coercion
    assert not of_type(events("Rodrigo Duterte imposed a new fee on Tuesday."), "COERCE")


def test_a_dateline_day_is_the_story_s_today(events: Events) -> None:
    # the page is dated Thursday; the story was filed on the Tuesday of its dateline
    evs = of_type(events("Headline\n\nBAMAKO, JUNE 8: Rebels today attacked Gao."), "ASSAULT")
    assert [e.date for e in evs] == ["2021-06-08"]
    # no dateline: today is the page's day
    evs = of_type(events("Rebels today attacked Gao, officials in Mali said."), "ASSAULT")
    assert [e.date for e in evs] == ["2021-06-10"]


def test_a_resignation_is_a_concession(events: Events) -> None:
    evs = of_type(events("Prime Minister Boris Johnson resigned on Monday."), "CONCEDE")
    assert [(e.actors, e.date) for e in evs] == [(["Boris Johnson"], "2021-06-07")]


def test_a_leader_arriving_in_a_capital_visits(events: Events) -> None:
    evs = of_type(events("Emmanuel Macron arrived in Algiers on Sunday."), "CONSULT")
    assert [(e.actors, e.location, e.date) for e in evs] == [(["Emmanuel Macron"], "Algiers", "2021-06-06")]
    # troops arriving are no visit
    assert not of_type(events("French troops arrived in Gao on Sunday."), "CONSULT")


def test_forces_fleeing_retreat_but_civilians_fleeing_do_not(events: Events) -> None:
    evs = of_type(events("The rebels fled Goma on Monday, Congo said."), "RETREAT")
    assert [e.date for e in evs] == ["2021-06-07"]
    assert not of_type(events("Soldiers and civilians fled Goma on Monday, Congo said."), "RETREAT")
    assert not of_type(events("Thousands of civilians fled Goma on Monday, Congo said."), "RETREAT")


def test_a_side_reporting_the_other_s_fire_accuses_it(events: Events) -> None:
    evs = of_type(events("Azerbaijan said on Monday that Armenian troops fired at its positions."), "ACCUSE")
    assert [(e.actors, e.targets) for e in evs] == [(["Azerbaijan"], ["Armenia"])]


def test_the_group_speaking_of_its_own_fire_accuses_nobody(events: Events) -> None:
    text = "The Houthi rebels fired six missiles at Jizan, the group's spokesman said on Sunday."
    assert not of_type(events(text), "ACCUSE")


def test_a_leader_named_by_surname_arriving_visits(events: Events) -> None:
    text = "Mexican President Andres Lopez arrived in Lima on Sunday. Lopez arrived in Quito on Monday."
    evs = of_type(events(text), "CONSULT")
    assert {(e.location, e.date) for e in evs} == {("Lima", "2021-06-06"), ("Quito", "2021-06-07")}


def test_backing_as_a_described_means_is_no_support_event(events: Events) -> None:
    text = "Backed by tanks and drones, Malian troops attacked the rebels in Gao on Monday."
    evs = events(text)
    assert of_type(evs, "ASSAULT") and not of_type(evs, "SUPPORT")


def test_support_as_a_purpose_is_no_support_event(events: Events) -> None:
    evs = events("Thousands of people in Bamako rallied on Monday to support Assimi Goita.")
    assert not of_type(evs, "SUPPORT")
    # a backer's own act still is one
    evs = of_type(events("France backed the Malian offensive on Monday."), "SUPPORT")
    assert [e.actors for e in evs] == [["France"]]
