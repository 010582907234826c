"""One article's extraction resolved to graph records, and the rules for merging records.

`GraphRecords.from_extraction` resolves an `Extraction`'s names to deterministic ids (graph/ids.py) and
attaches provenance (article, sentence, date) as `Evidence`: what a store writes for one article.
`merge_entity` and `merge_evidence` are the one set of merge rules every store applies.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.ids import date_precision, entity_id, event_id, normalize_name, relation_id
from graph.model import Article, Entity, Event, Evidence, Extraction, Relation, StrictModel
from graph.ontology import SYMMETRIC_TYPES


class GraphRecords(StrictModel):
    """One extraction resolved to graph records, ready for a store to merge."""

    article: Article
    entities: list[Entity]
    relations: list[Relation]
    events: list[Event]

    @classmethod
    def from_extraction(cls, ex: Extraction) -> GraphRecords:
        art = ex.article
        index = ex.name_index()

        def eid(name: str) -> str:
            e = index[normalize_name(name)]
            return entity_id(e.kind, e.name, art.id)

        entities: dict[str, Entity] = {}
        for e in ex.entities:
            xid = entity_id(e.kind, e.name, art.id)  # a generic collective's id is the article's own
            ent = entities.get(xid)
            if ent is None:
                entities[xid] = Entity.model_construct(
                    id=xid,
                    name=e.name,
                    kind=e.kind,
                    aliases=dedupe([a for a in e.aliases if a != e.name]),
                    country_code=e.country_code,
                    titles=dedupe(e.titles),
                    lat=e.lat,
                    lon=e.lon,
                    article_ids=[art.id],
                )
            else:  # the same entity listed twice in one article: merge
                ent.aliases = dedupe([*ent.aliases, *e.aliases])
                ent.titles = dedupe([*ent.titles, *e.titles])

        relations: dict[str, Relation] = {}
        for r in ex.relations:
            ends = relation_ends(r.type, eid(r.source), eid(r.target))
            if ends is None:
                continue
            rid, src, tgt = ends
            ev = Evidence.model_construct(
                sentence=r.evidence,
                article_id=art.id,
                date=r.date or art.published,
                confidence=r.confidence,
            )
            rel = relations.get(rid)
            if rel is None:
                rel = relations[rid] = Relation.model_construct(
                    id=rid, type=r.type, source=src, target=tgt, titles=[], evidence=[]
                )
            if ev.key not in {x.key for x in rel.evidence}:
                rel.evidence.append(ev)
            if r.title and r.title not in rel.titles:
                rel.titles.append(r.title)

        # Already validated as an Extraction: construct, do not validate again (hot path of ingestion).
        return cls.model_construct(
            article=art,
            entities=list(entities.values()),
            relations=list(relations.values()),
            events=resolve_events(ex, eid),
        )


def relation_ends(rel_type: str, src: str, tgt: str) -> tuple[str, str, str] | None:
    """(relation id, source, target) of a typed relation between two entity ids, a symmetric one with
    its ends in id order; None for a relation of an entity with itself, which says nothing."""
    if src == tgt:
        return None
    if rel_type in SYMMETRIC_TYPES and tgt < src:
        src, tgt = tgt, src
    return relation_id(rel_type, src, tgt), src, tgt


def resolve_events(ex: Extraction, eid: Callable[[str], str]) -> list[Event]:
    """One extraction's events as graph records, names resolved to ids by `eid` (one node per event id)."""
    art = ex.article
    events: dict[str, Event] = {}
    for xe in ex.events:
        actors = dedupe([eid(a) for a in xe.actors])
        targets = dedupe([eid(t) for t in xe.targets])
        loc = eid(xe.location) if xe.location else None
        when = xe.node_date
        xid = event_id(xe.type, when, actors, loc, targets)
        ev = Evidence.model_construct(
            sentence=xe.evidence,
            article_id=art.id,
            date=art.published or xe.date,
            confidence=xe.confidence,
        )
        node = events.get(xid)
        if node is None:
            events[xid] = Event.model_construct(
                id=xid,
                type=xe.type,
                label=xe.label,
                date=when,
                date_precision=date_precision(when),
                location=loc,
                actors=actors,
                targets=targets,
                killed=xe.killed,
                wounded=xe.wounded,
                quantity=xe.quantity,
                evidence=[ev],
            )
        else:
            node.targets = dedupe([*node.targets, *targets])
            if ev.key not in {x.key for x in node.evidence}:
                node.evidence.append(ev)
    return list(events.values())


def dedupe(items: list[str]) -> list[str]:
    """The non-empty items in first-seen order, without repeats."""
    return list(dict.fromkeys(x for x in items if x))


def merge_entity(old: Entity, new: Entity) -> Entity:
    """Merge a newly reported entity into the stored one: union of aliases, titles and articles."""
    return old.model_copy(
        update={
            "aliases": dedupe([*old.aliases, *new.aliases]),
            "titles": dedupe([*old.titles, *new.titles]),
            "country_code": old.country_code or new.country_code,
            "lat": old.lat if old.lat is not None else new.lat,
            "lon": old.lon if old.lon is not None else new.lon,
            "article_ids": dedupe([*old.article_ids, *new.article_ids]),
        }
    )


def merge_evidence(old: list[Evidence], new: list[Evidence]) -> list[Evidence]:
    """Append the pieces of `new` not already in `old` (by article and sentence)."""
    keys = {e.key for e in old}
    return [*old, *(e for e in new if e.key not in keys)]
