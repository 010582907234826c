"""Entities, relations and events from sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import Extraction
from loaders.pipeline import Extractor
from tests.loaders.extracted import extract_with, rels


@pytest.fixture
def run(extractor: Extractor) -> Callable[..., Extraction]:
    return extract_with(extractor, "2017-04-08")


def ent(ex: Extraction, name: str) -> tuple[str, list[str]]:
    e = next(e for e in ex.entities if e.name == name)
    return e.kind, e.aliases


# ------------------------------------------------------------------------------------ entities


def test_demonyms_capitals_and_government_phrases_resolve_to_the_country(
    run: Callable[..., Extraction],
) -> None:
    ex = run(
        "The Iranian army said on Monday it was ready. Tehran denied sending troops. Iranian officials met in Geneva."
    )
    kind, aliases = ent(ex, "Iran")
    assert kind == "country"
    assert {"Iranian army", "Tehran"} <= set(aliases)
    assert [e.name for e in ex.entities if e.kind == "country"] == ["Iran"]


def test_capital_as_place_stays_a_place(run: Callable[..., Extraction]) -> None:
    ex = run("Diplomats from Chile and Peru held talks in Lima on Tuesday.")
    assert ent(ex, "Lima")[0] == "place"


def test_surnames_resolve_to_the_full_name(run: Callable[..., Extraction]) -> None:
    ex = run("Kenyan President William Ruto visited Addis Ababa. Ruto later flew home.")
    persons = [e for e in ex.entities if e.kind == "person"]
    assert [p.name for p in persons] == ["William Ruto"]
    assert "Ruto" in persons[0].aliases


def test_abbreviations_and_spelling_variants_merge(run: Callable[..., Extraction]) -> None:
    ex = run(
        "The United Nations sent envoys to Khan Yunis. The UN said the convoy reached Khan Younis on Friday."
    )
    names = {e.name for e in ex.entities}
    assert "United Nations" in names and "UN" not in names
    assert len([n for n in names if n.startswith("Khan")]) == 1


def test_place_suffixes_make_places(run: Callable[..., Extraction]) -> None:
    ex = run("Warplanes bombed Tabqa airbase in Raqqa province overnight.")
    assert ent(ex, "Tabqa airbase")[0] == "place"
    assert ("Tabqa airbase", "LOCATED_IN", "Raqqa province") in rels(ex)


def test_collectives_get_a_kind(run: Callable[..., Extraction]) -> None:
    ex = run("Several Iraqi Shiite militias crossed the border on Sunday.")
    assert ent(ex, "Iraqi Shiite militias")[0] == "armed_group"


def test_titles_become_affiliations(run: Callable[..., Extraction]) -> None:
    ex = run("Turkish Foreign Minister Mevlut Cavusoglu spoke to reporters in Ankara.")
    aff = [r for r in ex.relations if r.type == "AFFILIATED_WITH"]
    assert [(r.source, r.target, r.title) for r in aff] == [
        ("Mevlut Cavusoglu", "Turkey", "Foreign Minister")
    ]


def test_photo_credits_are_not_entities_and_captions_are_not_evidence(run: Callable[..., Extraction]) -> None:
    text = (
        "Chad closes border\n\nChad closed its border with Sudan on Monday.\n\n"
        "Egyptian soldiers hold up a Sudanese flag near the border (Reuters)\n"
    )
    ex = run(text)
    names = {e.name for e in ex.entities}
    assert "Reuters" not in names
    assert "Egypt" in names  # captions may yield entities...
    assert all("Egyptian soldiers" not in (r.evidence or "") for r in ex.relations)  # ...but no evidence


# ----------------------------------------------------------------------------------- relations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice with a trigger verb
        ("Britain condemned Iran on Tuesday.", ("United Kingdom", "CONDEMNED", "Iran")),
        # passive voice through the agent
        ("Kharkiv was shelled by Russia on Monday.", ("Russia", "STRUCK", "Kharkiv")),
        # coordination on the subject side gives one relation per conjunct
        ("Qatar and Egypt have backed Hamas for years.", ("Egypt", "SUPPORTS", "Hamas")),
        # reciprocal verb without object relates the coordinated subjects
        (
            "Emmanuel Macron and Olaf Scholz spoke by phone on Friday.",
            ("Emmanuel Macron", "SPOKE_WITH", "Olaf Scholz"),
        ),
        # nominal: possessor of 'allies'
        ("Belarus and Iran are among Russia's closest allies.", ("Belarus", "ALLIED_WITH", "Russia")),
        # nominal: hyphenated backer
        ("Iran-backed Houthis fired drones at ships.", ("Iran", "SUPPORTS", "Houthis")),
        # nominal: rebel-held town
        ("Rebels entered the rebel-held town of Marib.", ("rebels", "CONTROLS", "Marib")),
        # conflict noun with 'against'
        ("Russia's war against Ukraine entered its second year.", ("Russia", "OPPOSES", "Ukraine")),
        # threat through an infinitive complement
        ("Turkey threatened to take action against the YPG.", ("Turkey", "THREATENED", "YPG")),
        # accusation
        ("Azerbaijan accused Armenia of shelling its villages.", ("Azerbaijan", "ACCUSED", "Armenia")),
        # an act stands for its agent: 'welcomed the strike'
        (
            "Israel struck Hezbollah targets on Sunday. The United States welcomed the strike.",
            ("United States", "SUPPORTS", "Israel"),
        ),
    ],
)
def test_relation_families(run: Callable[..., Extraction], text: str, expected: tuple[str, str, str]) -> None:
    got = rels(run(text))
    symmetric = {(t, ty, s) for s, ty, t in got if ty in {"ALLIED_WITH", "SPOKE_WITH", "MET_WITH"}}
    assert expected in got | symmetric, got


@pytest.mark.parametrize(
    "text",
    [
        "Syria denied attacking the town of Douma.",  # denial is not an attack
        "Pakistan did not strike India on Tuesday.",  # negation
        "Saudi Arabia called on Iran to show restraint.",  # a request, not a phone call
    ],
)
def test_negation_denial_and_requests_give_no_relation(run: Callable[..., Extraction], text: str) -> None:
    assert not {r for r in rels(run(text)) if r[1] in {"STRUCK", "SPOKE_WITH"}}


def test_evidence_and_confidence_are_kept(run: Callable[..., Extraction]) -> None:
    ex = run("Britain condemned Iran on Tuesday.")
    r = next(r for r in ex.relations if r.type == "CONDEMNED")
    assert r.evidence == "Britain condemned Iran on Tuesday." and 0 < r.confidence <= 1


# -------------------------------------------------------------------------------------- events


def test_event_type_date_place_and_participants(run: Callable[..., Extraction]) -> None:
    ex = run("US warships fired 59 missiles at Shayrat airbase early on Friday.", "2017-04-08")
    ev = next(e for e in ex.events if e.type == "ASSAULT")
    assert ev.date == "2017-04-07"
    assert ev.actors == ["United States"] and "Shayrat airbase" in [*ev.targets, ev.location]


def test_one_event_per_real_world_event(run: Callable[..., Extraction]) -> None:
    text = (
        "Russian jets bombed Idlib on Tuesday. The bombing of Idlib killed 12 people, rescuers said. "
        "Russia bombed Idlib again, officials said on Tuesday."
    )
    assaults = [e for e in run(text, "2019-05-08").events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].date == "2019-05-07"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("France condemned the coup on Thursday.", "ACCUSE"),
        ("The Kremlin denied the report on Thursday.", "REJECT"),
        ("Joe Biden met Xi Jinping in Bali on Monday.", "CONSULT"),
        ("Thousands of protesters rallied in Yerevan on Sunday.", "PROTEST"),
        ("The European Union imposed sanctions on Belarus on Friday.", "SANCTION"),
        ("Russia threatened Moldova on Friday.", "THREATEN"),
    ],
)
def test_event_types(run: Callable[..., Extraction], text: str, etype: str) -> None:
    assert etype in {e.type for e in run(text).events}
