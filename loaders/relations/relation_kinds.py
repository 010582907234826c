"""Which entity kinds each end of a relation type allows, and the one place relations are made."""

from __future__ import annotations

from spacy.tokens import Span

from graph.model import ExtractedRelation
from loaders.mentions import Mention
from loaders.relations.lexicon import ACTORS, PLACES

# Which entity kinds may stand at each end, by type (relation() checks the rest).
SOURCE_KINDS: dict[str, frozenset[str]] = {"LOCATED_IN": frozenset({"place"})}
TARGET_KINDS: dict[str, frozenset[str]] = {
    "STRUCK": ACTORS | {"place"},
    "CONTROLS": frozenset({"place"}),
    "LOCATED_IN": PLACES,
    "AFFILIATED_WITH": frozenset({"organization", "country", "armed_group"}),
}
SOURCE_KINDS["AFFILIATED_WITH"] = frozenset({"organization", "armed_group", "person"})

PLACE_BLIND = frozenset(
    {"MET_WITH", "SPOKE_WITH", "ALLIED_WITH", "SUPPORTS", "CONDEMNED", "ACCUSED", "THREATENED", "OPPOSES"}
)


def relation(src: Mention, rtype: str, tgt: Mention, sent: Span, conf: float) -> ExtractedRelation | None:
    """One relation, or None where the ends' kinds do not fit the type."""
    if src.key == tgt.key:
        return None
    if rtype == "CONTROLS" and tgt.kind != "place":
        return None
    if rtype == "LOCATED_IN" and (src.kind != "place" or tgt.kind not in PLACES):
        return None
    if rtype == "STRUCK" and src.kind == "place":
        return None
    if rtype == "AFFILIATED_WITH":
        return None  # titles give affiliations (loaders.relations.affiliations)
    if rtype in PLACE_BLIND and (tgt.kind == "place" or src.kind == "place"):
        return None  # one meets, backs or condemns actors, not places
    return ExtractedRelation(
        source=src.key, type=rtype, target=tgt.key, evidence=sent.text.strip(), confidence=conf
    )  # type: ignore[arg-type]


def membership(src: Mention, tgt: Mention, sent: Span) -> ExtractedRelation | None:
    """A stated membership ("X, an al Qaeda affiliate"); `relation` leaves AFFILIATED_WITH to titles, so
    the pattern family `memberships` makes its own, with its kinds already checked in `_ends`."""
    if src.key == tgt.key:
        return None
    return ExtractedRelation(
        source=src.key, type="AFFILIATED_WITH", target=tgt.key, evidence=sent.text.strip(), confidence=0.6
    )  # type: ignore[arg-type]
