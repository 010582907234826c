"""Round 14: events other than attacks on news nobody tuned on (docs/extraction-rounds.md "Round 14: events
other than attacks"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ExtractedEvent
from loaders.events import lexicon
from loaders.events.constructions import OUT_OF_PLACE, SOUGHT_HELP
from tests.loaders.extracted import of_type

Events = Callable[[str], list[ExtractedEvent]]


def test_moved_word_lists_are_lexicon_data() -> None:
    # the particles of "pulled back" and the nouns of "sought help" are read from the event lexicon
    assert OUT_OF_PLACE is lexicon.OUT_OF_PLACE and "back" in OUT_OF_PLACE
    assert SOUGHT_HELP is lexicon.SOUGHT_HELP and "mediation" in SOUGHT_HELP


def test_sending_police_and_other_units_mobilises(events: Events) -> None:
    for text, actor in (
        ("The Nigerian government dispatched 400 extra riot police to Kano on Monday.", "Nigeria"),
        ("Kenya dispatched 300 police officers to Haiti on Tuesday.", "Kenya"),
        ("Britain sent two destroyers to the Gulf on Sunday.", "United Kingdom"),
    ):
        assert [e.actors for e in of_type(events(text), "MOBILIZE")] == [[actor]], text
    # sending a letter or one's staff home is no mobilisation
    assert not of_type(events("Kenya sent a letter to Haiti on Monday."), "MOBILIZE")


def test_joining_another_in_an_act(events: Events) -> None:
    # "X joined Y in calling for ...": both act; the gerund's subject is not the object alone
    evs = of_type(events("Germany joined France in calling for a ceasefire on Monday."), "REQUEST")
    assert sorted(a for e in evs for a in e.actors) == ["France", "Germany"]
    evs = of_type(
        events("US President Joe Biden joined other Western leaders in calling for talks on Monday."),
        "REQUEST",
    )
    assert [e.actors for e in evs] == [["Joe Biden"]]


def test_toppling_a_ruler_is_coercion(events: Events) -> None:
    for text, actor, target in (
        ("A coup in Burkina Faso toppled President Roch Kaboré on Monday.", "Burkina Faso", "Roch Kaboré"),
        ("Soldiers in Niger toppled President Mohamed Bazoum on Wednesday.", "Niger", "Mohamed Bazoum"),
        (
            "Mutinous troops in Mali overthrew President Ibrahim Boubacar Keita on Tuesday.",
            "Mali",
            "Ibrahim Boubacar Keita",
        ),
    ):
        assert [(e.actors, e.targets) for e in of_type(events(text), "COERCE")] == [([actor], [target])], text
    # a statue toppled is no ruler put out of office
    assert not of_type(events("Protesters toppled a statue of the king in Bristol on Sunday."), "COERCE")


def test_parties_announcing_an_accord_agree(events: Events) -> None:
    for text, parties in (
        ("Israel and Hamas announced an agreement on a prisoner exchange on Tuesday.", ["Israel", "Hamas"]),
        ("Egypt and Ethiopia reached an understanding over the dam on Monday.", ["Egypt", "Ethiopia"]),
        ("Serbia and Kosovo unveiled a deal on car number plates on Friday.", ["Serbia", "Kosovo"]),
    ):
        assert [e.actors for e in of_type(events(text), "AGREE")] == [parties], text
    # one side announcing a truce, or a wish for understanding, is no agreement
    assert not of_type(events("Hamas announced a ceasefire on Friday."), "AGREE")
    assert not of_type(events("The report called for a better understanding of the conflict."), "AGREE")


def test_a_speaker_denying_its_own_side_act_rejects(events: Events) -> None:
    for text, actor in (
        ("The Malian army said on Monday its soldiers had never fired on the protesters.", "Mali"),
        ('"Our troops did not cross the border," the Indian army said on Monday.', "India"),
        ("Russia said on Monday it had not used chemical weapons in Syria.", "Russia"),
    ):
        evs = events(text)
        assert [e.actors for e in of_type(evs, "REJECT")] == [[actor]], text
        assert not of_type(evs, "ACCUSE"), text
    # another side's act reported as not done is no denial by the speaker
    assert not of_type(events("Russia said on Monday that Ukraine had not withdrawn its troops."), "REJECT")
    assert not of_type(events("The UN said on Monday the convoy had not entered the city."), "REJECT")


def test_a_speaker_reporting_its_own_jets_accuses_nobody(events: Events) -> None:
    assert not of_type(events("Israel said on Monday its jets struck Gaza."), "ACCUSE")


def test_a_meeting_takes_a_country_as_its_venue(events: Events) -> None:
    evs = events("The Afghan delegation held talks with the Taliban in Qatar on Monday.")
    assert [e.location for e in of_type(evs, "CONSULT")] == ["Qatar"]
    # only meetings: an attack "in X" keeps a country as target, never as its place
    evs = events("Turkey struck Kurdish militants in Iraq on Monday.")
    assert all(e.location != "Iraq" for e in of_type(evs, "ASSAULT"))


def test_approving_an_accord_is_support(events: Events) -> None:
    evs = events("Germany said on Monday that the deal was a breakthrough.")
    assert [e.actors for e in of_type(evs, "SUPPORT")] == [["Germany"]]
    text = (
        "Egyptian President Abdel Fattah al-Sisi told French President Emmanuel Macron in a call on Tuesday "
        "that the truce agreement was the right step."
    )
    # the one told is no target of the backing
    assert [(e.actors, e.targets) for e in of_type(events(text), "SUPPORT")] == [
        (["Abdel Fattah al-Sisi"], [])
    ]
    assert not of_type(events("Germany said on Monday that the deal was not a breakthrough."), "SUPPORT")
    assert not of_type(events("The analyst said on Monday that the election was a big day."), "SUPPORT")


def test_more_ways_to_accuse(events: Events) -> None:
    for text, actor, target in (
        ("Beijing rebuked Washington on Monday over the arms sale.", "China", "United States"),
        ("France deplored the Malian decision on Monday.", "France", "Mali"),
        ("The European Union censured Hungary on Tuesday.", "European Union", "Hungary"),
        ("Kenya faulted Uganda on Monday for the border closure.", "Kenya", "Uganda"),
        ("Venezuela lashed out at the United States on Friday.", "Venezuela", "United States"),
        ("Iran described Israel as a terrorist regime on Monday.", "Iran", "Israel"),
        ("Ukraine said on Monday the strike was carried out by Russia.", "Ukraine", "Russia"),
    ):
        assert [(e.actors, e.targets) for e in of_type(events(text), "ACCUSE")] == [([actor], [target])], text
    # a side telling who carried out its own operation accuses nobody; "the fault" is no act
    assert not of_type(
        events("The army said on Monday the operation was carried out by its special forces."), "ACCUSE"
    )
    assert not of_type(events("Kenya said on Monday the fault lay with the weather."), "ACCUSE")


def test_giving_aid_siding_hailing_blacklisting(events: Events) -> None:
    evs = events("Germany provided Ukraine with air defence systems on Monday.")
    assert [(e.actors, e.targets) for e in of_type(evs, "AID")] == [(["Germany"], ["Ukraine"])]
    evs = events("Iran shipped fuel to Venezuela on Friday.")
    assert [(e.actors, e.targets) for e in of_type(evs, "AID")] == [(["Iran"], ["Venezuela"])]
    assert not of_type(events("The ministry provided details of the plan on Monday."), "AID")
    evs = events("Hungary sided with Russia on Monday.")
    assert [(e.actors, e.targets) for e in of_type(evs, "SUPPORT")] == [(["Hungary"], ["Russia"])]
    assert [
        e.actors for e in of_type(events("China hailed the agreement as historic on Monday."), "SUPPORT")
    ] == [["China"]]
    evs = events("Washington blacklisted five Chinese firms on Monday.")
    assert [(e.actors, e.targets) for e in of_type(evs, "SANCTION")] == [(["United States"], ["China"])]


def test_what_a_warning_is_against_is_not_done(events: Events) -> None:
    evs = events("Russia warned NATO against deploying troops to Ukraine.")
    assert of_type(evs, "THREATEN") and not of_type(evs, "MOBILIZE")


def test_handing_over_weapons_is_no_aid(events: Events) -> None:
    # fighters handing over their own weapons give up; no one is aided
    assert not of_type(events("The rebels handed over their weapons to the army on Monday."), "AID")


def test_backing_down_relenting_and_pressing(events: Events) -> None:
    evs = events("Serbia backed away from its threat on Tuesday.")
    assert [e.actors for e in of_type(evs, "CONCEDE")] == [["Serbia"]] and not of_type(evs, "SUPPORT")
    assert [
        e.actors for e in of_type(events("The Kremlin capitulated to the demands on Monday."), "CONCEDE")
    ] == [["Russia"]]
    evs = events("Ukraine pressed Germany on Monday to send tanks.")
    assert [(e.actors, e.targets) for e in of_type(evs, "REQUEST")] == [(["Ukraine"], ["Germany"])]
    assert not of_type(evs, "MOBILIZE")
    # supplies cut off are no aid
    assert not of_type(events("Russia cut off gas supplies to Bulgaria on Wednesday."), "AID")
