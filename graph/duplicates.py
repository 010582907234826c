"""Likely duplicate actors in a graph, for `kg duplicates`: the pairs resolution would join or left apart.

Each pair comes with the rule that links the two names and a 0-100 score: 100 for an exact name or
alias in common, the transliteration similarity for variants, lower scores for ambiguous short forms
(a surname shared by several full names), so that the user decides with `kg merge` or the alias file.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.aliases import AliasFile
from graph.entity_index import EntityIndex
from graph.ids import is_article_scoped
from graph.model import Entity, normalize_name
from graph.names import core_names, looks_like_acronym, similarity, tokens
from graph.resolve import ACTOR_KINDS, COLLECTIVE_KINDS
from graph.store import GraphStore


@dataclass(frozen=True)
class Duplicate:
    """Two nodes that may be one actor."""

    score: float
    reason: str
    keep: Entity  # the fuller name: what `kg merge KEEP DROP` would keep
    drop: Entity


def _fuller(a: Entity, b: Entity) -> tuple[Entity, Entity]:
    """(fuller, shorter): more words first, a person before a body, then the id."""
    ka = (len(normalize_name(a.name).split()), a.kind == "person", b.id)
    kb = (len(normalize_name(b.name).split()), b.kind == "person", a.id)
    return (a, b) if ka >= kb else (b, a)


def find_duplicates(
    store: GraphStore, aliases: AliasFile | None = None, min_score: float = 0.0
) -> list[Duplicate]:
    """Pairs of likely duplicate actors (and place spellings), best first."""
    aliases = aliases or AliasFile()
    index = EntityIndex.from_store(store)
    found: dict[tuple[str, str], Duplicate] = {}

    def add(a: Entity, b: Entity, score: float, reason: str, ordered: bool = False) -> None:
        if a.id == b.id or aliases.kept_apart(a.name, b.name):
            return
        if is_article_scoped(a.id) or is_article_scoped(b.id):
            return  # one article's "protesters" are no other article's
        keep, drop = (a, b) if ordered else _fuller(a, b)
        pair = (keep.id, drop.id)
        if score >= min_score and (pair not in found or found[pair].score < score):
            found[pair] = Duplicate(round(score, 1), reason, keep, drop)

    for e in list(index.ents.values()):
        if e.kind not in ACTOR_KINDS and e.kind != "place":
            continue
        for other in index.by_name(e.name):
            if other.kind in ACTOR_KINDS and other.kind != e.kind and "place" not in (e.kind, other.kind):
                add(e, other, 95, f"same name, kinds {e.kind} and {other.kind}")
            elif other.kind == e.kind:
                add(e, other, 100, "a name of one is an alias of the other")
        for other in index.variants(e.name, e.kind):
            add(e, other, similarity(e.name, other.name), "transliteration variant")
        if e.kind not in ACTOR_KINDS:
            continue
        fuller = index.fuller_names(e.name, e.kind)
        if e.kind in COLLECTIVE_KINDS and len(tokens(e.name)) == 1:
            fuller += index.fuller_names(e.name, "person")
        for other in fuller:
            if len(fuller) == 1:
                add(other, e, 90, "short form of the only full name")
            else:
                add(other, e, 40, f"short form shared by {len(fuller)} full names")
        if looks_like_acronym(e.name):
            for other in index.by_acronym(e.name, e.kind):
                add(other, e, 85, "acronym")
        for core in core_names(e.name) if e.kind in COLLECTIVE_KINDS else []:
            for other in index.by_name(core) or index.variants(core, e.kind):
                if other.kind == e.kind:
                    add(other, e, 80, "descriptive prefix or generic head", ordered=True)
    return sorted(found.values(), key=lambda d: (-d.score, d.keep.id, d.drop.id))
