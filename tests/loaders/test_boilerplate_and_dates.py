"""Page furniture is recognised by its shape; relative dates resolve against the publication date."""

from __future__ import annotations

import pytest

from loaders.boilerplate import classify_lines
from loaders.dates import resolve_date


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to navigation", "boilerplate"),
        ("News › Africa › Sahel", "boilerplate"),
        ("By Amina Diallo | Tuesday 8 August 2023", "boilerplate"),
        ("Sign up for our newsletter to receive the Sahel briefing", "boilerplate"),
        ("© 2023 Harmattan Post. All rights reserved.", "boilerplate"),
        ("Read more: the junta's first month in power", "boilerplate"),
        ("Soldiers stand guard outside the presidential palace in Niamey (Reuters)", "caption"),
        ("A protester holds a Russian flag during a rally (AFP/Getty Images)", "caption"),
        ("The junta closed Niger's airspace on Sunday, citing the threat of an intervention.", "body"),
        # a byline names its author in capitals; "By late Sunday, ..." is a sentence
        (
            "By late Sunday, soldiers loyal to the junta had taken the airport and two bridges across the "
            "river, residents of the capital said.",
            "body",
        ),
    ],
)
def test_line_kinds(line: str, kind: str) -> None:
    text = f"Junta shuts airspace as deadline passes\n\n{line}\n"
    assert classify_lines(text)[1].kind == kind


def test_first_unterminated_line_is_the_title_and_offsets_are_kept() -> None:
    text = "Junta shuts airspace as deadline passes\n\nThe junta closed the airspace.\n"
    lines = classify_lines(text)
    assert [ln.kind for ln in lines] == ["title", "body"]
    assert text[lines[1].offset :].startswith("The junta")


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("early on Friday", "2017-04-08", "2017-04-07"),  # Saturday's paper: the day before
        ("Tuesday's attack", "2017-04-08", "2017-04-04"),
        ("on Saturday", "2017-04-08", "2017-04-08"),  # the publication day itself
        ("last Saturday", "2017-04-08", "2017-04-01"),
        ("on 4 April", "2017-04-08", "2017-04-04"),
        ("April 4, 2017", "2020-01-01", "2017-04-04"),
        ("on 28 December", "2021-01-05", "2020-12-28"),  # read in January: last year
        ("yesterday", "2022-02-25", "2022-02-24"),
        ("last month", "2022-03-02", "2022-02"),
        ("in August 2013", "2017-04-08", "2013-08"),
        ("in March", "2017-04-08", "2017-03"),
        ("in 2015", "2017-04-08", "2015"),
        ("the talks went well", "2017-04-08", None),
    ],
)
def test_dates(phrase: str, published: str, expected: str | None) -> None:
    assert resolve_date(phrase, published) == expected
