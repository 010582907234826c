"""Wire copy read as a story: hard-wrapped lines joined, staff credits and datelines cut."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from graph.model import Extraction
from loaders.boilerplate import classify_lines
from loaders.unwrap import is_hard_wrapped, logical_lines

# Our own wire-style story: paragraphs, no blank lines between them, as agencies send them.
PARAGRAPHS = [
    "OSTRAVA, Czech Republic (Wire) - Polish artillery shelled positions held by the Silesian "
    "Liberation Front near the border town of Cieszyn on Monday, a regional official said.",
    "The strikes followed a week of clashes in which pro-Moravian gunmen attacked two police "
    "stations, the interior ministry said.",
    "Slovakia condemned the shelling and called for talks.",
]


def wire_copy(width: int) -> str:
    return "\n".join(line for p in PARAGRAPHS for line in textwrap.wrap(p, width))


def test_wire_copy_is_joined_into_its_paragraphs() -> None:
    for width in (60, 64, 72):
        text = wire_copy(width)
        assert is_hard_wrapped(text.splitlines())
        lines = [line for line, _ in logical_lines(text)]
        # the words and their order are kept, and no line breaks inside a sentence any more
        assert " ".join(lines) == " ".join(PARAGRAPHS)
        assert all(line.endswith(".") for line in lines)
        # each logical line starts a paragraph, where its first physical line starts
        starts = [p[:12] for p in PARAGRAPHS]
        assert all(text[at : at + 12] in starts for _, at in logical_lines(text))
    # at 72 columns each paragraph's last line has room for the next word: the breaks are paragraphs
    assert [line for line, _ in logical_lines(wire_copy(72))] == PARAGRAPHS


def test_a_broken_compound_keeps_its_hyphen() -> None:
    text = (
        "Government troops and fighters of the pro-\n"
        "Moravian militia exchanged fire in the hills south of Brno on\n"
        "Sunday, and each side blamed the other for breaking the\n"
        "ceasefire agreed in March, officials and witnesses said on\n"
        "Monday in statements that contradicted one another on\n"
        "almost every point of what happened and who shot first.\n"
    )
    (line,) = [line for line, _ in logical_lines(text)]
    assert "the pro-Moravian militia" in line and "on Sunday" in line


def test_a_headline_and_a_byline_stay_lines_of_their_own() -> None:
    text = "Polish guns shell a border town held by rebels\nBy Ana Novak\n" + wire_copy(64)
    kinds = [(line.text[:20], line.kind) for line in classify_lines(text)]
    assert kinds[0] == ("Polish guns shell a ", "title")
    assert kinds[1][1] == "boilerplate"
    assert [k for _, k in kinds[2:]] and all(k == "body" for _, k in kinds[2:])


def test_text_with_a_paragraph_per_line_is_left_alone() -> None:
    text = "\n".join(PARAGRAPHS * 3)
    assert not is_hard_wrapped(text.splitlines())
    assert [line for line, _ in logical_lines(text)] == text.splitlines()


def test_a_menu_of_short_labels_is_no_wrapped_prose() -> None:
    menu = "\n".join(["Home", "World news", "Politics", "Business", "Opinion", "Sport", "Culture"])
    assert not is_hard_wrapped(menu.splitlines())


def test_extraction_reads_a_sentence_across_line_breaks(run: Callable[[str], Extraction]) -> None:
    text = wire_copy(60)
    # the wrap cuts the shelling's sentence between its agent and its target
    assert not any("Polish" in line and "Silesian" in line for line in text.splitlines())
    relations = {(r.source, r.type, r.target) for r in run(text).relations}
    assert ("Poland", "STRUCK", "Silesian Liberation Front") in relations


# Agencies' staff credits (our own names and wording).
STORY = (
    "Polish artillery shelled rebel positions near Cieszyn on Monday, officials said.\n\n"
    "Slovakia condemned the shelling. (Reporting by Ivana Horak; Editing by Tom Reed)\n\n"
    "(Reporting by Anna Kowalska in Warsaw and Peter Novak in Bratislava; Editing by Mark Heinrich)\n\n"
    "Writing by John Stone; Editing by Alex Richardson\n\n"
    "Maria Lopez in Madrid contributed reporting.\n\n"
    "The ministry denied reporting by local media that Czech troops had crossed into Poland.\n"
)


def test_staff_credits_are_furniture_and_name_no_actors(run: Callable[[str], Extraction]) -> None:
    kinds = [(line.text, line.kind) for line in classify_lines(STORY)]
    # a credit closing a paragraph is cut off it; one that is a whole line leaves nothing to classify
    assert kinds[1] == ("Slovakia condemned the shelling.", "body")
    assert [k for _, k in kinds] == ["body", "body", "boilerplate", "boilerplate", "body"]
    ex = run(STORY)
    names = {e.name for e in ex.entities}
    assert not names & {"Ivana Horak", "Tom Reed", "Anna Kowalska", "Mark Heinrich", "John Stone", "Writing"}
    assert "Maria Lopez" not in names and "Warsaw" not in names
    # the story itself is read as before, "reporting by" inside a sentence included
    assert {"Poland", "Slovakia", "Cieszyn", "Czech Republic"} <= names
    assert ("Slovakia", "CONDEMNED", "Poland") in {(r.source, r.type, r.target) for r in ex.relations}


def test_a_wire_dateline_is_a_paragraph_of_its_own() -> None:
    cases = {
        "KYIV, Ukraine (AP) — Russian forces shelled the city.": "Russian forces shelled the city.",
        "BEIRUT, March 3 (Reuters) - Israel struck targets.": "Israel struck targets.",
        "NEW YORK (Reuters) - Markets fell.": "Markets fell.",
        "Paris (AFP) - France recalled its envoy.": "France recalled its envoy.",
        "ISTANBUL — Turkey and Russia agreed.": "Turkey and Russia agreed.",
        # no dateline: an acronym, a dash inside the sentence, a lower-case word after the dash
        "US - Iran talks resumed in Oman on Sunday, officials said.": None,
        "NATO - the alliance - said it would act.": None,
        "Russia - which denies it - said nothing.": None,
    }
    for text, expected in cases.items():
        lines = [line.text for line in classify_lines(text + "\n")]
        assert lines[-1] == (expected or text), text
        assert len(lines) == (2 if expected else 1), text
    # the place and date stay, as a paragraph of their own, for the entity finder; the agency goes
    assert next(line.text for line in classify_lines("BEIRUT, March 3 (Reuters) - Israel struck.\n")) == (
        "BEIRUT, March 3 -"
    )


def test_a_dateline_no_longer_joins_the_story(run: Callable[[str], Extraction]) -> None:
    ex = run("KYIV, Ukraine (AP) — Russian forces shelled the city of Kharkiv on Tuesday.")
    struck = {(r.source, r.target) for r in ex.relations if r.type == "STRUCK"}
    assert struck == {("Russia", "Kharkiv")}  # Ukraine, where the story was filed, shelled nothing
    assert "Associated Press" not in {e.name for e in ex.entities}
    ex = run("ISTANBUL — Turkey and Russia agreed on a ceasefire in Idlib on Thursday.")
    assert any(e.type == "AGREE" and set(e.actors) == {"Turkey", "Russia"} for e in ex.events)


def test_a_byline_run_into_the_dateline_leaves_the_story() -> None:
    # a page copy that puts the byline, the dateline and the first paragraph on one line
    lines = classify_lines(
        "By Ann Lee and Tom Ford KHARTOUM, Sudan (AP) — Fighting resumed in the capital.\n"
    )
    assert [(line.kind, line.text) for line in lines] == [
        ("body", "KHARTOUM, Sudan -"),
        ("body", "Fighting resumed in the capital."),
    ]
    # a byline alone is still furniture; a sentence that opens with "By" and a capital is story
    assert [line.kind for line in classify_lines("By Ann Lee, Reuters\n")] == ["boilerplate"]
    text = "By Tuesday the rebels had pulled back to the hills above Kalemba, officials said."
    assert [line.kind for line in classify_lines(text + "\n")] == ["body"]
