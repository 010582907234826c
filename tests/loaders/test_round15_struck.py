"""Round 15: STRUCK constructions on news nobody tuned on (docs/extraction-rounds.md "Round 15: struck").
Every sentence here is our own. Articles are published on Thursday 10 June 2021 (tests/loaders/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import Article, Extraction
from loaders.dates import resolve_date
from loaders.entities import find_entities
from loaders.pipeline import Extractor
from loaders.relations import find_relations
from tests.loaders.extracted import rels, rels_of_type

Run = Callable[[str], Extraction]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the act noun sits in a count that a verb of carrying out governs
        ("In 1995, Croatia launched a series of limited air strikes against Serbia.", "Croatia", "Serbia"),
        ("Turkey carried out a wave of raids on Afrin on Monday, a monitor said.", "Turkey", "Afrin"),
        # the agent of an act noun is a possessed group named by its country's adjective
        ("Chilean agents' bombing of Lima killed two people in 1976.", "Chile", "Peru"),
        # the place whose name modifies the thing struck
        ("Israeli jets bombed a Gaza hospital on Monday.", "Israel", "Gaza Strip"),
        ("Russian commandos raided a Kharkiv apartment block.", "Russia", "Kharkiv"),
        # forces crossing another country's frontier
        ("Troops of Russia and Belarus crossed the frontiers of Ukraine overnight.", "Belarus", "Ukraine"),
        ("Russian tanks crossed Ukraine's border on Thursday.", "Russia", "Ukraine"),
        # an act whose agent is a clause subject or a pronoun's owner
        ("Hamas was behind the attack on Sderot.", "Hamas", "Sderot"),
        ("Russia began its invasion of Ukraine on Thursday.", "Russia", "Ukraine"),
        ("The Soviet-led invasion of Czechoslovakia crushed the reforms.", "Soviet Union", "Czechoslovakia"),
        # the parser hangs the target on the by-agent
        ("Air raids by Russian jets on Idlib killed ten.", "Russia", "Idlib"),
        # members of a named group act for it
        ("Hezbollah members and supporters had stormed the French Embassy.", "Hezbollah", "French Embassy"),
        # agent heads named by a state's adjective
        ("French and British helicopter gunships attacked the Libyan army headquarters.", "France", "Libya"),
        # the target is what the relative pronoun object stands for
        ("The town of Sderot, which Hamas rockets hit on Monday, was quiet.", "Hamas", "Sderot"),
        # the struck side is the subject of a verb of suffering
        ("Kharkiv suffered heavy shelling from Russian forces.", "Russia", "Kharkiv"),
        ("Kharkiv endured air strikes by Russia for weeks.", "Russia", "Kharkiv"),
        ("Israel retaliated against Hezbollah with air strikes.", "Israel", "Hezbollah"),
        ("A German submarine torpedoed a British warship.", "Germany", "United Kingdom"),
        # a siege is an act noun like a bombardment
        ("The siege of Mariupol by Russian forces lasted months.", "Russia", "Mariupol"),
        ("Russia's siege of Mariupol lasted months.", "Russia", "Mariupol"),
    ],
)
def test_struck_constructions(run: Run, text: str, source: str, target: str) -> None:
    assert (source, "STRUCK", target) in rels(run(text))


@pytest.mark.parametrize(
    "text",
    [
        # refugees are no forces: crossing a frontier strikes nobody
        "Refugees crossed the frontiers of Ukraine overnight.",
        # a court ruling named after a city is no strike on it
        "Israel welcomed a Madrid court ruling.",
        # criticism over strikes is no suffering of them
        "Israel faced criticism over strikes by Hamas.",
        # a subject named after a city is no site struck ("the Kinshasa charges")
        "The Kinshasa government, which Rwanda opposes, held talks on Monday.",
    ],
)
def test_not_struck(run: Run, text: str) -> None:
    assert not rels_of_type(run(text), "STRUCK")


def test_the_crossing_is_an_assault_on_the_country_crossed_into(run: Run) -> None:
    events = run("Troops of Russia and Belarus crossed the frontiers of Ukraine overnight.").events
    assert any(e.type == "ASSAULT" and "Russia" in e.actors and e.targets == ["Ukraine"] for e in events)


def test_on_this_day_in_a_year_is_the_publication_day_of_that_year() -> None:
    assert resolve_date("On this day in 1979, rebels stormed the palace.", "2021-06-10") == "1979-06-10"
    assert resolve_date("On this date in 1968 troops crossed the border.", "2020-02-29") == "1968-02-29"
    assert resolve_date("On this day in 1975 the siege ended.", "2024-02-29") == "1975"  # no 29 February
    assert resolve_date("In 1986, jets struck the port.", "2019-04-15") == "1986"


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("In 1995, Croatia launched a series of limited air strikes against Serbia.", "Croatia", "Serbia"),
        ("Israeli jets bombed a Gaza hospital on Monday.", "Israel", "Gaza Strip"),
        ("Russian commandos raided a Kharkiv apartment block.", "Russia", "Kharkiv"),
        ("A Syrian missile shot down an Israeli F-16 over the sea.", "Syria", "Israel"),
    ],
)
def test_the_rules_alone_find_them(extractor: Extractor, text: str, source: str, target: str) -> None:
    """Without the learned pairs (loaders/relations/learned.py), which may find some of these on their own."""
    doc = extractor.nlp(text)
    table = find_entities(doc, Article(id="t"), extractor.gaz)
    found = {(r.source, r.type, r.target) for r in find_relations(list(doc.sents), table)}
    assert (source, "STRUCK", target) in found
