"""Who an event's parties are, beyond its own clause: a capture that is part of a fight, a speaker who is a
side's voice though no entity names it, a news outlet (which reports and accuses nobody), and the accused
of a condemnation that the relation finder already knows.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from graph.model import ExtractedEvent, ExtractedRelation
from loaders.entities.lexicon import MEDIA_WORDS
from loaders.events.lexicon import OFFICE_NOUNS
from loaders.events.syntax import subjects
from loaders.mentions import Mention


def taken_in_fight(ev: ExtractedEvent, found: list[tuple[ExtractedEvent, bool]]) -> bool:
    """A capture by a side that the same sentence has fighting ("X clashed with gunmen ... and captured
    several of them", "captured two soldiers in the raid") is part of that fight, not a coercion apart."""
    return (
        ev.type == "COERCE"
        and bool(ev.actors)
        and any(e.type == "ASSAULT" and set(ev.actors) <= set(e.actors) for e, _ in found)
    )


def side_speaks(verb: Token) -> bool:
    """The speech verb's subject, named by no entity, is still a side's voice ("a rebel leader said",
    "officials said"); residents, witnesses or no speaker at all ("it was reported") accuse nobody."""
    subj, _ = subjects(verb)
    return any(t.lower_ in OFFICE_NOUNS for t in subj)


def is_outlet(m: Mention, doc: Doc) -> bool:
    """A news outlet or monitor: an organisation with a media word in its name ("Tass News Agency"),
    or named after one ("the state news agency IRNA")."""
    if m.kind != "organization":
        return False
    words = {t.lower_ for t in doc[max(0, m.start - 2) : m.end]}
    return bool(words & MEDIA_WORDS)


def accused_by_relations(
    events: list[tuple[ExtractedEvent, bool]], relations: Iterable[ExtractedRelation]
) -> None:
    """'X condemned the attack': the relation finder knows whose attack it was (its act memory); an
    ACCUSE event of the same sentence with no target of its own takes the accused from it."""
    blamed: dict[tuple[str | None, str], list[str]] = {}
    for r in relations:
        if r.type in {"CONDEMNED", "ACCUSED"}:
            blamed.setdefault((r.evidence, r.source), []).append(r.target)
    for ev, _ in events:
        if ev.type != "ACCUSE" or ev.targets:
            continue
        found = [t for a in ev.actors for t in blamed.get((ev.evidence, a), []) if t not in ev.actors]
        ev.targets = list(dict.fromkeys(found))
