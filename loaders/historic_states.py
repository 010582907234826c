"""States that no longer exist: countries of their own, or old names of a current state.

pycountry's `historic_countries` (ISO 3166-3) gives their names, written "USSR, Union of Soviet Socialist
Republics" or "Zaire, Republic of", and in the last two letters of the alpha-4 code the code that took
over ("ZRCD": Zaire became CD). `loaders/data/gazetteer.json` says which is which (docs/entities.md,
round 14):

- `historic_states`: a state whose territory is not the whole of one current state, because it split
  (the Soviet Union, Yugoslavia, Czechoslovakia) or merged into another (East Germany, North Vietnam, South
  Yemen), is a country of its own. Keyed by pycountry alpha-3 code, or by name for a state ISO never
  coded (West Germany, South Vietnam, North Yemen); the entry adds its demonyms and short forms, the
  current state whose capital was its seat (`seat`: Moscow, for the Soviet Union) or its own former
  capital (`capital`: East Berlin), the day it ended where ISO's withdrawal date is late or absent, and
  the current states that were its parts with the day each became a state (`parts`: Slovakia, 1993).
- `former_names`: a state that was only renamed (Burma, Zaire, Dahomey, Upper Volta, Rhodesia, East
  Timor) is the current state, as "Burma" always was: its names and demonyms join the successor.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loaders.gazetteer import Gazetteer

log = logging.getLogger(__name__)
OPTIONAL_WORD = re.compile(r"\((\w+)\) ")


@dataclass(frozen=True)
class HistoricState:
    """A state that no longer exists, as one article may mention it."""

    name: str
    ended: str  # ISO day (or year) it ended; "" when unknown
    seat: str | None  # canonical name of the current state whose capital was its seat
    seat_forms: frozenset[str]  # that seat's government words that were its own ("Kremlin")
    capital: str | None  # its own capital, when that is no current state's capital ("East Berlin")
    short_forms: frozenset[str]  # demonyms and short forms, not full names ("Soviet", "East German")
    parts: tuple[tuple[str, str], ...] = ()  # current states once its parts, and the day each began


def pycountry_names(raw: str) -> list[str]:
    """The names in an ISO 3166-3 entry: 'Zaire, Republic of' -> Zaire, Republic of Zaire; 'Yugoslavia,
    (Socialist) Federal Republic of' -> with and without 'Socialist'; a one-word qualifier is dropped."""
    head, *rest = (part.strip() for part in raw.split(","))
    out = [head]
    for part in rest:
        if part.endswith(" of"):
            with_word, without = OPTIONAL_WORD.sub(r"\1 ", part), OPTIONAL_WORD.sub("", part)
            out += [f"{with_word} {head}", f"{without} {head}"]
        elif " " in part:
            out.append(part)
    return list(dict.fromkeys(out))


def _folded(name: str) -> str:
    return name.lower().replace("-", " ")


def add_historic_states(
    gaz: Gazetteer, pycountry: Any, curated: dict[str, Any], canon: dict[str, str]
) -> None:
    """Put the states that no longer exist into the gazetteer (`canon`: current ISO alpha-2 -> name)."""
    current = {_folded(form) for form, (kind, _) in gaz.names.items() if kind == "country"}
    for alpha_3, extra in curated.get("former_names", {}).items():
        entry = pycountry.historic_countries.get(alpha_3=alpha_3)
        successor = canon.get(entry.alpha_4[2:]) if entry is not None else None
        if successor is None:
            log.warning("no current state for the former name %s", alpha_3)
            continue
        for form in pycountry_names(entry.name):
            gaz.names.setdefault(form, ("country", successor))
        for form in extra:
            gaz.names[form] = ("country", successor)
    for key, spec in curated.get("historic_states", {}).items():
        entry = pycountry.historic_countries.get(alpha_3=key) if key.isupper() and len(key) == 3 else None
        name = spec["name"]
        names = [name, *(pycountry_names(entry.name) if entry is not None else [])]
        for form in [*names, *spec["forms"]]:
            hit = gaz.names.get(form)
            if (hit is not None and hit[1] != name) or (form != name and _folded(form) in current):
                continue  # "Yemen", "Viet-Nam": the head of an entry that a current state still bears
            gaz.names[form] = ("country", name)
        if entry is not None:
            gaz.country_codes.setdefault(name, entry.alpha_2)
        gaz.historic[name] = HistoricState(
            name=name,
            ended=spec.get("ended") or (getattr(entry, "withdrawal_date", "") if entry is not None else ""),
            seat=canon.get(spec["seat"]) if "seat" in spec else None,
            seat_forms=frozenset(spec.get("seat_forms", [])),
            capital=spec.get("capital"),
            short_forms=frozenset(spec["forms"]),
            parts=tuple((canon_name, day) for canon_name, day in spec.get("parts", {}).items()),
        )
    words = curated.get("period_words", {})
    gaz.period_before = frozenset(words.get("before", []))
    gaz.period_after = frozenset(words.get("after", []))
