"""Bodies of a state that are the state itself: "the junta", "the Republican Guard".

The GUIDE makes a government, its army and its country one entity, and the gold follows it for a ruling
junta and for a head of state's guard unit as for "the army". The small model reads such a body as a
collective or a named armed group of its own, so the article lists the state twice. A body whose name is
one of these (data: `state_units` in loaders/data/entity_words.json) joins the country that owns it in
the text ("Gabon's Republican Guard"), else the one country the article is plainly about (twice the
mentions of any other, as for "the army").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from graph.model import EntityKind
from loaders.entities.lexicon import GOVERNMENT_NOUNS, OWNED_UNIT_HEADS, OWNED_UNIT_MODIFIERS, STATE_UNITS
from loaders.mentions import Mention

POSSESSIVE = frozenset({"'s", "\u2019s"})


def unit_name(name: str) -> bool:
    """The entity's name is a state body's ("the ruling junta", "Presidential Guard")."""
    low = name.lower()
    if low.startswith("the "):
        low = low[4:]
    return low in STATE_UNITS


def owned_unit_name(name: str) -> bool:
    """'Eastern Command', 'Armed Forces': a bearing or role word before 'Command' or 'Forces' and nothing else."""
    words = name.lower().split()
    return (
        len(words) >= 2
        and words[-1] in OWNED_UNIT_HEADS
        and all(w in OWNED_UNIT_MODIFIERS for w in words[:-1])
    )


def join_state_units(
    doc: Doc, raw: Sequence[Mention], keymap: dict[str, str], kinds: dict[str, EntityKind]
) -> None:
    """Point the keys of state bodies at their country (`keymap`: provisional key -> entity key, updated
    in place)."""
    units = {
        m.key for m in raw if kinds[keymap[m.key]] != "country" and unit_name(keymap[m.key].split("|", 1)[1])
    }
    units |= {  # "India's Eastern Command": joins its possessor only, never the article's main country
        m.key
        for m in raw
        if kinds[keymap[m.key]] != "country"
        and m.start >= 2
        and doc[m.start - 1].text in POSSESSIVE
        and owned_unit_name(keymap[m.key].split("|", 1)[1])
    }
    if not units:
        return
    by_end = {m.end: keymap[m.key] for m in raw if kinds[keymap[m.key]] == "country"}
    owners: dict[str, str] = {}
    for m in raw:  # "Gabon's Republican Guard": the possessor owns the body
        if m.key in units and m.start >= 2 and doc[m.start - 1].text in POSSESSIVE:
            owner = by_end.get(m.start - 1)
            if owner is not None:
                owners.setdefault(m.key, owner)
    counts = Counter(keymap[m.key] for m in raw if kinds[keymap[m.key]] == "country").most_common(2)
    land = counts[0][0] if counts and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]) else None
    for key in sorted(units):  # sorted: the same output on every run
        owner = owners.get(key, land)
        if owner is None:
            continue
        target = keymap[key]
        for k, v in keymap.items():
            if v == target:
                keymap[k] = owner


def join_described_armies(
    doc: Doc, raw: Sequence[Mention], keymap: dict[str, str], kinds: dict[str, EntityKind]
) -> None:
    """'the FARDC, the DRC's national army': a body whose apposition is a state's army or government is
    that state (`keymap` updated in place)."""
    by_start = {m.start: m for m in raw if kinds[keymap[m.key]] == "country"}
    for m in raw:
        if kinds[keymap[m.key]] not in {"organization", "armed_group"}:
            continue
        i = m.end
        if i + 2 >= len(doc) or doc[i].text != ",":
            continue
        i += 2 if doc[i + 1].lower_ == "the" else 1
        owner = by_start.get(i)
        if owner is None or owner.end >= len(doc) or doc[owner.end].text not in POSSESSIVE:
            continue
        j = owner.end + 1
        while j < len(doc) and doc[j].is_lower and doc[j].pos_ == "ADJ":  # "national", "regular"
            j += 1
        if j < len(doc) and doc[j].lower_ in GOVERNMENT_NOUNS:
            target = keymap[m.key]
            for k, v in keymap.items():
                if v == target:
                    keymap[k] = keymap[owner.key]
