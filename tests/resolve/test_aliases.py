"""The alias file: round trip, folding of entries, clear errors for a malformed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.aliases import load_aliases
from graph.errors import InvalidInput


def test_round_trip_and_lookup(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    aliases = load_aliases(path)  # missing file: empty
    aliases.add("Vladimir Putin", "person", ["Putin"])
    aliases.add("Putin", None, ["Wladimir Putin"])  # lands on the entry that already holds "Putin"
    aliases.distinct.append(["Kim Jong Un", "Kim Jong Il"])
    aliases.save()
    again = load_aliases(path)
    entry = again.lookup("WLADIMIR PUTIN")
    assert entry is not None and entry.name == "Vladimir Putin" and entry.kind == "person"
    assert entry.aliases == ["Putin", "Wladimir Putin"]
    assert again.kept_apart("Kim Jong Il", "kim jong un") and not again.kept_apart(
        "Kim Jong Un", "Kim Jong Un"
    )


def test_an_entry_named_as_an_alias_folds_in(tmp_path: Path) -> None:
    aliases = load_aliases(tmp_path / "none.toml")
    aliases.add("Lavrov", "person", ["S. Lavrov"])
    aliases.add("Sergei Lavrov", "person", ["Lavrov"])
    assert [e.name for e in aliases.actors] == ["Sergei Lavrov"]
    assert aliases.actors[0].aliases == ["Lavrov", "S. Lavrov"]


@pytest.mark.parametrize(
    "text",
    [
        "[[actor]\nname = 'x'",  # not TOML
        "[[actor]]\naliases = ['a']",  # no name
        "[[actor]]\nname = 'A'\nkind = 'planet'",  # unknown kind
        "[[actor]]\nname = 'A'\naliases = 'B'",  # aliases not a list
        "[[distinct]]\nnames = ['only one']",
    ],
)
def test_malformed_file_is_invalid_input(tmp_path: Path, text: str) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(text)
    with pytest.raises(InvalidInput) as err:
        load_aliases(path)
    assert str(path) in err.value.message
