"""'The military', 'the police' of an article that names no country (round 16, issue 9).

The GUIDE makes a state's army and police the state, and `rementions.add_state_rementions` gives them to
the one country an article is about. Some reports never name the country ("The military secured the
capital", "the police began erecting barricades"); there the force, written twice or more, is an
actor of its own, an organisation named by its noun, as the annotators list it. A region's name before the force ("North West
police") belongs to the force, not to a place of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.model import ExtractedEntity
from loaders.entities.lexicon import COMPASS_DIRECTIONS
from loaders.mentions import EntityTable, Mention

FORCE_NAMES = {"military": "military", "army": "military", "police": "police"}
MIN_MENTIONS = 2  # a force the story returns to
ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "compound"})


def add_unowned_forces(doc: Doc, table: EntityTable) -> None:
    """Mentions of "military" and "police" when the article names no country at all."""
    if any(e.kind == "country" for e in table.entities.values()):
        return
    covered = {i for m in table.mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for tok in doc:
        name = FORCE_NAMES.get(tok.lower_)
        if name is None and tok.lower_ == "forces" and tok.i > 0 and doc[tok.i - 1].lower_ == "armed":
            name = "military"  # "the leaders of the armed forces"
        if name is None or tok.i in covered or not tok.is_lower:
            continue
        if tok.pos_ not in {"NOUN", "PROPN"} and not (
            tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ == "ADJ"
        ):
            continue  # "the military easily secured": the tagger may call the subject an adjective
        if tok.dep_ not in ROLES or (tok.dep_ == "compound" and tok.head.pos_ != "NOUN"):
            continue
        if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"a", "an"}) for c in tok.children):
            continue  # "his army", "a police": someone's or any force, not the state's
        found.append(Mention(tok.i, tok.i + 1, name, "organization", "force"))
        covered.add(tok.i)
    for name in sorted({m.key for m in found}):
        mine = [m for m in found if m.key == name]
        if len(mine) < MIN_MENTIONS:
            continue  # "dislodged by police": a passing force is no actor of the story
        if name not in table.entities:
            table.entities[name] = ExtractedEntity(name=name, kind="organization")
        table.mentions.extend(mine)


def is_force_region(doc: Doc, start: int, end: int) -> bool:
    """'North West police', 'the South East army': compass words naming a force's region."""
    return (
        end < len(doc)
        and doc[end].lower_ in FORCE_NAMES
        and all(t.lower_ in COMPASS_DIRECTIONS or t.text == "-" for t in doc[start:end])
    )
