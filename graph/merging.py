"""Pure record arithmetic behind `GraphStore.merge_entities` and `merge_events`, shared by the stores.

A store reads the records a merge touches, computes the result here, and writes it: both stores give
the same ids, evidence and audit trail.
"""

from __future__ import annotations

from graph.model import (
    Entity,
    Event,
    Relation,
    entity_id,
    event_id,
    normalize_name,
)
from graph.records import merge_evidence, relation_ends

_PRECISION = {"day": 3, "month": 2, "year": 1}


def _union(*lists: list[str]) -> list[str]:
    return list(dict.fromkeys(x for xs in lists for x in xs if x))


def fold_entity(keep: Entity, drop: Entity) -> Entity:
    """`keep` with `drop`'s name and aliases as aliases, and its titles, articles and attributes."""
    names = [n for n in (drop.name, *drop.aliases) if normalize_name(n) != normalize_name(keep.name)]
    seen = {normalize_name(a) for a in keep.aliases}
    aliases = list(keep.aliases)
    for n in names:
        if normalize_name(n) not in seen:
            seen.add(normalize_name(n))
            aliases.append(n)
    return keep.model_copy(
        update={
            "aliases": aliases,
            "titles": _union(keep.titles, drop.titles),
            "article_ids": _union(keep.article_ids, drop.article_ids),
            "country_code": keep.country_code or drop.country_code,
            "lat": keep.lat if keep.lat is not None else drop.lat,
            "lon": keep.lon if keep.lon is not None else drop.lon,
        }
    )


def already_merged(keep: Entity, drop_id: str) -> bool:
    """True when `drop_id` names `keep` or one of its aliases: a merge that was already made.

    An article-scoped id (`group:protesters@3f2a9c1b0d4e`, graph/ids.py) is compared without its
    scope: the alias keeps the name, not the article. Only asked once `drop_id` is gone from the store.
    """
    kind, _, _ = drop_id.partition(":")
    unscoped = drop_id.partition("@")[0]
    names = [keep.name, *keep.aliases]  # two articles' "Protesters" share the name, not an alias
    return any(entity_id(kind, a) == unscoped for a in names if normalize_name(a))


def rewire_relation(rel: Relation, drop_id: str, keep_id: str) -> Relation | None:
    """`rel` with `drop_id` replaced by `keep_id` and its id recomputed; None if it became a self-loop."""
    src = keep_id if rel.source == drop_id else rel.source
    tgt = keep_id if rel.target == drop_id else rel.target
    ends = relation_ends(rel.type, src, tgt)
    if ends is None:
        return None
    rid, src, tgt = ends
    return rel.model_copy(update={"id": rid, "source": src, "target": tgt})


def fold_relation(old: Relation, new: Relation) -> Relation:
    """One relation with the evidence and titles of both."""
    return old.model_copy(
        update={
            "evidence": merge_evidence(old.evidence, new.evidence),
            "titles": _union(old.titles, new.titles),
        }
    )


def rewire_event(ev: Event, drop_id: str, keep_id: str) -> Event:
    """`ev` with `drop_id` replaced by `keep_id` in every role and its id recomputed."""

    def swap(ids: list[str]) -> list[str]:
        return _union([keep_id if i == drop_id else i for i in ids])

    actors, targets = swap(ev.actors), swap(ev.targets)
    location = keep_id if ev.location == drop_id else ev.location
    new_id = event_id(ev.type, ev.date, actors, location, targets)
    merged_from = ev.merged_from if new_id == ev.id else _union(ev.merged_from, [ev.id])
    return ev.model_copy(
        update={
            "id": new_id,
            "actors": actors,
            "targets": targets,
            "location": location,
            "merged_from": merged_from,
        }
    )


def fold_event(keep: Event, drop: Event) -> Event:
    """One event from two reports: roles and evidence unioned, the finer date, the audit trail extended."""
    finer = (
        drop
        if _PRECISION.get(drop.date_precision or "", 0) > _PRECISION.get(keep.date_precision or "", 0)
        else keep
    )
    return keep.model_copy(
        update={
            "label": keep.label or drop.label,
            "date": finer.date,
            "date_precision": finer.date_precision,
            "location": keep.location or drop.location,
            "actors": _union(keep.actors, drop.actors),
            "targets": _union(keep.targets, drop.targets),
            "killed": keep.killed if keep.killed is not None else drop.killed,
            "wounded": keep.wounded if keep.wounded is not None else drop.wounded,
            "quantity": keep.quantity if keep.quantity is not None else drop.quantity,
            "evidence": merge_evidence(keep.evidence, drop.evidence),
            # never its own id: after an entity merge the re-keyed `drop` carries `keep`'s id
            "merged_from": [i for i in _union(keep.merged_from, [drop.id], drop.merged_from) if i != keep.id],
        }
    )
