"""Constructions added from outside-dev news (bench/news half A) and sentences written for them: who a
group phrase or a site stands for, participles and relative clauses that act, accusations aimed at acts,
and entity repairs. Every sentence here is our own; none comes from an evaluation text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import Extraction
from tests.loaders.extracted import kinds, rels

RELATION_CASES = [
    # members of a group stand for it: "militants from X", "forces loyal to X"
    ("Militants from the Kivu Front stormed a Malian army base.", ("Kivu Front", "STRUCK", "Mali")),
    ("Forces loyal to Omar Bakri launched an offensive on Tripoli.", ("Omar Bakri", "STRUCK", "Tripoli")),
    # a site stands for whoever it belongs to: "a base for X troops", "targets in X"
    ("Gunmen from the Kivu Front attacked a base for Kenyan troops.", ("Kivu Front", "STRUCK", "Kenya")),
    (
        "The Houthis have stepped up attacks against targets in Saudi Arabia.",
        ("Houthis", "STRUCK", "Saudi Arabia"),
    ),
    # a present participle acts: "the coalition fighting X"
    (
        "The Ghana-led coalition fighting the Nimba militia lost two jets.",
        ("Ghana-led coalition", "OPPOSES", "Nimba militia"),
    ),
    # waging war against X, also inside a relative clause
    (
        "The Nimba militia, which has been waging an insurgency against Liberia's government, grew.",
        ("Nimba militia", "OPPOSES", "Liberia"),
    ),
    # quantities and held names: "parts of X", "the X-held Y"
    ("The Kivu Front has seized parts of Goma.", ("Kivu Front", "CONTROLS", "Goma")),
    ("Planes bombed the LNA-held Jufra.", ("Libyan National Army", "CONTROLS", "Jufra")),
    # agents of act nouns: "launched by X", "claimed by X", "missiles fired by X", the place struck
    (
        "Qatar condemned the missile attack launched by the Houthis on Riyadh.",
        ("Qatar", "CONDEMNED", "Houthis"),
    ),
    ("The ambush, claimed by the Kivu Front, killed 11 Kenyan soldiers.", ("Kivu Front", "STRUCK", "Kenya")),
    ("Missiles fired by Hezbollah hit the Israeli town of Metula.", ("Hezbollah", "STRUCK", "Metula")),
    ("Coalition jets sent by Chad struck a market in Hodeidah.", ("Chad", "STRUCK", "Hodeidah")),
    (
        "Iran's foreign ministry condemned the killing of the general by US forces.",
        ("Iran", "CONDEMNED", "United States"),
    ),
    (
        "Germany's chancellor criticised Russia for shelling civilian areas.",
        ("Germany", "CONDEMNED", "Russia"),
    ),
    # condemnation of an act whose agent was reported before
    (
        "Fighters from the Kivu Front stormed a Malian army base. Chad condemned the attack.",
        ("Chad", "CONDEMNED", "Kivu Front"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), RELATION_CASES, ids=[c[1][1] + ":" + c[0][:30] for c in RELATION_CASES]
)
def test_constructions(run: Callable[[str], Extraction], text: str, expected: tuple[str, str, str]) -> None:
    got = rels(run(text))
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # "Pakistan-based militants" are not Pakistan
        ("Kenya blamed the raid on Pakistan-based militants.", ("Kenya", "ACCUSED", "Pakistan")),
        # the one asked to support is the supporter, not the one who asks
        (
            "Somalia appealed to the donors to do more to support the African Union.",
            ("Somalia", "SUPPORTS", "African Union"),
        ),
        # leading a phrase is no agency, and leading a coalition is not supporting it
        ("Chad's army attacked bases of the Kivu Front led by Omar Bakri.", ("Chad", "STRUCK", "Omar Bakri")),
        ("The Ghana-led coalition struck Gao.", ("Ghana", "SUPPORTS", "Ghana-led coalition")),
        # a name that starts with a country's is not a body of that state
        (
            "The Libya Dawn militia said it would fight on.",
            ("Libya Dawn militia", "AFFILIATED_WITH", "Libya"),
        ),
    ],
)
def test_constructions_that_do_not_give_the_wrong_relation(
    run: Callable[[str], Extraction], text: str, wrong: tuple[str, str, str]
) -> None:
    assert wrong not in rels(run(text))


def test_an_accusation_event_takes_the_accused_act_agent(run: Callable[[str], Extraction]) -> None:
    ex = run("Fighters from the Kivu Front stormed a Malian army base on Monday. Chad condemned the attack.")
    accuse = [e for e in ex.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].actors == ["Chad"] and accuse[0].targets == ["Kivu Front"]


def test_storming_and_retaking_are_assaults(run: Callable[[str], Extraction]) -> None:
    ex = run("Rebels stormed the town of Kalemba on Monday. On Friday the army retook Kalemba.")
    assert [e.type for e in ex.events].count("ASSAULT") >= 1
    assert {"Kalemba"} <= {t for e in ex.events for t in e.targets}


def test_entity_repairs(run: Callable[[str], Extraction]) -> None:
    got = kinds(
        run(
            "Fierce fighting broke out near the town of Kalemba. The Nimba militia said it had clashed "
            "with gunmen who entered Obuasi, a village 20km north of the capital."
        )
    )
    assert got.get("Kalemba") == "place"  # "the town of X"
    assert got.get("Obuasi") == "place"  # "X, a village ..."
    assert got.get("Nimba militia") == "armed_group"  # "the X militia"
    assert "Fierce" not in got  # a capitalised first word, not a name


def test_one_written_form_is_one_entity(run: Callable[[str], Extraction]) -> None:
    ex = run("Al Shabaab fighters attacked a base. Al-Shabaab said it had killed ten soldiers.")
    names = [e.name for e in ex.entities if "shab" in e.name.lower()]
    assert len(names) == 1, names


def test_demonyms_of_smaller_states(run: Callable[[str], Extraction]) -> None:
    got = kinds(run("Burundian troops and Tanzanian police patrolled the Democratic Republic of Congo."))
    assert got.get("Burundi") == "country" and got.get("Tanzania") == "country"
    assert [n for n, k in got.items() if "Congo" in n and k == "country"]
    assert not [n for n, k in got.items() if "Congo" in n and k != "country"]


def test_taking_a_town_is_an_assault_and_taking_part_is_nothing(run: Callable[[str], Extraction]) -> None:
    ex = run("The rebels took control of Goma late on Thursday. The minister took part in the talks.")
    assert [(e.type, e.targets) for e in ex.events] == [("ASSAULT", ["Goma"])]


def test_pulling_out_is_a_retreat(run: Callable[[str], Extraction]) -> None:
    ex = run("Government troops entered Kalemba after the Kivu Front had pulled out.")
    assert "RETREAT" in [e.type for e in ex.events]
    ex = run("The donors pulled the plug on the project.")
    assert "RETREAT" not in [e.type for e in ex.events]


def test_a_claim_of_responsibility_names_the_actor(run: Callable[[str], Extraction]) -> None:
    ex = run("The Kivu Front claimed responsibility for the bombing in Goma.")
    assert [e.actors for e in ex.events if e.type == "ASSAULT"] == [["Kivu Front"]]
