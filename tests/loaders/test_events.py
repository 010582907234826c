"""Event constructions and dates on sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import ExtractedEvent
from loaders.dates import resolve_date
from loaders.events.triggers import SPAN_KEY
from loaders.pipeline import Extractor, load_nlp
from tests.loaders.extracted import extract_with, of_type

PUBLISHED = "2024-03-15"  # a Friday


@pytest.fixture
def events(extractor: Extractor) -> Callable[[str], list[ExtractedEvent]]:
    run = extract_with(extractor, PUBLISHED)
    return lambda text: run(text).events


def test_trigger_component_runs_inside_the_pipeline() -> None:
    nlp = load_nlp()
    assert "actorgraph_event_triggers" in nlp.pipe_names
    doc = nlp("Chad shelled the camp and Niger condemned the shelling.")
    assert {(s.text, s.label_) for s in doc.spans[SPAN_KEY]} >= {
        ("shelled", "ASSAULT"),
        ("condemned", "ACCUSE"),
    }


def test_accused_of_makes_the_accused_the_actor_of_the_act(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    evs = events("Kenya accused Somalia of bombing the border post.")
    accuse = of_type(evs, "ACCUSE")
    assert [(e.actors, e.targets) for e in accuse] == [(["Kenya"], ["Somalia"])]
    assert all("Kenya" not in e.actors for e in of_type(evs, "ASSAULT"))


def test_passive_blame_keeps_its_target(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("The raid on the depot was blamed on Armenia by Azerbaijan.")
    assert any(e.actors == ["Azerbaijan"] and "Armenia" in e.targets for e in of_type(evs, "ACCUSE"))


def test_reported_wrongdoing_is_an_accusation(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Iran said Iraqi troops had violated the border agreement.")
    assert any(e.actors == ["Iran"] and e.targets == ["Iraq"] for e in of_type(evs, "ACCUSE"))


def test_calling_an_act_aggression_is_an_accusation(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Peru called the Chilean raid an act of aggression.")
    assert any(e.actors == ["Peru"] and "Chile" in e.targets for e in of_type(evs, "ACCUSE"))


def test_capturing_a_town_is_an_assault_seizing_a_ship_is_not(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    assert of_type(events("Malian troops recaptured three villages near the river."), "ASSAULT")
    evs = events("Oman seized a tanker near the coast.")
    assert not of_type(evs, "ASSAULT") and of_type(evs, "COERCE")


def test_withdrawing_from_an_accord_is_a_rejection(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Brazil withdrew from the trade agreement with Argentina on Monday.")
    rejects = of_type(evs, "REJECT")
    assert rejects and rejects[0].actors == ["Brazil"] and rejects[0].targets == ["Argentina"]
    assert not of_type(evs, "RETREAT") and not of_type(evs, "AGREE")


def test_severed_ties_and_expelled_envoys_are_sanctions(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    assert of_type(events("Bolivia severed diplomatic relations with Israel."), "SANCTION")
    assert of_type(events("Niger expelled the French ambassador."), "SANCTION")


def test_planned_talks_and_mentioned_deals_are_no_events(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    assert not of_type(events("Lula is expected in Paris for talks with Macron next week."), "CONSULT")
    assert not of_type(events("Norway cancelled a planned visit to Moscow."), "CONSULT")
    assert not of_type(events("Chile would sign a deal with Peru if the vote passes."), "AGREE")
    assert not of_type(events("Denmark said the deal was good for Europe."), "AGREE")
    assert of_type(events("Chile and Peru signed a fishing agreement in Lima on Monday."), "AGREE")


def test_agreeing_that_is_an_opinion_not_an_agreement(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Nepal and Bhutan agreed in a phone call on Tuesday that the floods were a disaster.")
    assert not of_type(evs, "AGREE")
    consult = of_type(evs, "CONSULT")
    assert consult and set(consult[0].actors) == {"Nepal", "Bhutan"}
    assert consult[0].date == "2024-03-12"


def test_denied_attack_is_asserted_nowhere(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Rwanda denied carrying out the attack on the camp.")
    assert not of_type(evs, "ASSAULT")
    assert of_type(evs, "REJECT")


def test_released_videos_are_no_concession(events: Callable[[str], list[ExtractedEvent]]) -> None:
    assert not of_type(events("Serbia released videos of its drills on Monday."), "CONCEDE")
    assert of_type(events("Serbia released two Kosovar prisoners on Monday."), "CONCEDE")


def test_nouns_that_are_only_verb_triggers(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Russian missiles hit an apartment block in Kharkiv on Saturday.")
    assert not of_type(evs, "COERCE")
    assert of_type(evs, "ASSAULT")[0].date == "2024-03-09"


def test_reversed_roles_are_two_events(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Sudan accused Chad of arming the rebels. Chad accused Sudan of lying.")
    pairs = {(tuple(e.actors), tuple(e.targets)) for e in of_type(evs, "ACCUSE")}
    assert (("Sudan",), ("Chad",)) in pairs and (("Chad",), ("Sudan",)) in pairs


def test_reference_to_an_earlier_attack_takes_its_date_not_the_publication_day(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    text = (
        "Turkish jets bombed Kurdish positions near Qamishli on Tuesday.\n\n"
        "Syria condemned the Turkish attack on Thursday."
    )
    assaults = of_type(events(text), "ASSAULT")
    assert [e.date for e in assaults] == ["2024-03-12"]


def test_paragraph_date_carries_to_the_next_sentence(events: Callable[[str], list[ExtractedEvent]]) -> None:
    text = "Gabon held elections on Wednesday. Within hours, Cameroon recognised the winner as president."
    support = of_type(events(text), "SUPPORT")
    assert support and support[0].date == "2024-03-13"


def test_week_references_are_a_range_never_a_day() -> None:
    assert resolve_date("last week's strike", "2017-04-12") == "2017-04"
    assert resolve_date("earlier this week", PUBLISHED) == "2024-03"
    assert resolve_date("last week", "2024-03-04") == "2024"  # 26 Feb to 3 Mar
    assert resolve_date("last week", "2021-01-05") is None  # 28 Dec to 3 Jan: no partial date holds it


def test_vague_quantities_give_no_number(events: Callable[[str], list[ExtractedEvent]]) -> None:
    vague = of_type(
        events("Ethiopian drones struck a market in Mekele on Monday, killing dozens of people."), "ASSAULT"
    )
    assert vague and vague[0].killed is None
    exact = of_type(
        events("Ethiopian drones struck a market in Mekele on Monday, killing 14 people."), "ASSAULT"
    )
    assert exact and exact[0].killed == 14


def test_reported_violations_accuse_their_doers(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Qatar said there had been serious violations of the truce by Israel.")
    assert any(e.actors == ["Qatar"] and e.targets == ["Israel"] for e in of_type(evs, "ACCUSE"))


def test_coming_under_fire_is_an_assault_on_the_subject(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    evs = of_type(events("Sumy came under fire from Russian artillery on Sunday."), "ASSAULT")
    assert evs and evs[0].actors == ["Russia"] and evs[0].targets == ["Sumy"]


def test_a_request_is_not_the_requested_act(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("Jordan called on Israel to withdraw its troops and allow aid.")
    assert [(e.actors, e.targets) for e in of_type(evs, "REQUEST")] == [(["Jordan"], ["Israel"])]
    assert not of_type(evs, "RETREAT") and not of_type(evs, "AID")


def test_sending_troops_mobilises_and_a_qualified_object_is_the_target(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    assert of_type(events("India sent troops to the border on Monday."), "MOBILIZE")
    hit = of_type(events("Iraqi drones struck a Turkish outpost on Saturday."), "ASSAULT")
    assert hit and hit[0].actors == ["Iraq"] and hit[0].targets == ["Turkey"]


def test_killed_in_an_ambush_names_the_attackers(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = of_type(
        events("Taliban fighters killed nine Pakistani soldiers in an ambush near Quetta."), "ASSAULT"
    )
    assert evs and evs[0].actors == ["Taliban"] and "Pakistan" in evs[0].targets


def test_own_act_reported_is_no_accusation(events: Callable[[str], list[ExtractedEvent]]) -> None:
    evs = events("The Turkish army said it had struck PKK camps in Iraq overnight.")
    assert not of_type(evs, "ACCUSE")
    assert any(e.actors == ["Turkey"] for e in of_type(evs, "ASSAULT"))


def test_failed_agreement_and_compound_triggers_are_no_events(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    assert not of_type(events("Serbia and Kosovo failed to agree on a border deal on Monday."), "AGREE")
    assert not of_type(events("Poland blocked the EU sanctions package."), "SANCTION")


def test_noun_subject_takes_its_verbs_place_and_container_nouns_their_name(
    events: Callable[[str], list[ExtractedEvent]],
) -> None:
    assert of_type(events("Protests erupted in Yerevan on Sunday."), "PROTEST")[0].location == "Yerevan"
    stormed = of_type(events("Iraqi troops stormed the city of Mosul."), "ASSAULT")
    assert stormed and "Mosul" in stormed[0].targets
