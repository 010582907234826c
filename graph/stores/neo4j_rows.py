"""A batch of extractions as the Neo4j store's records, built straight from the `Extraction` objects.

`GraphRecords.from_extraction` (graph/records.py) makes a pydantic `Entity`, `Relation` and `Evidence`
for every item of every article, and the store then merged those per batch and turned them into rows:
two thirds of the client's CPU per batch went to building and walking objects the server never sees
(docs/neo4j.md). Here each mention goes straight into its batch record: an entity's property map, a
relation's evidence as plain tuples, deduplicated by (article, sentence) as it arrives. Names resolve to
ids exactly as `from_extraction` does (same ids, symmetric types ordered, relations of an entity with
itself dropped, first occurrence wins); events, few per article, go through `resolve_events` itself.
`tests/stores/test_neo4j_rows.py` checks both give the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.ids import entity_id, normalize_name
from graph.model import Event, ExtractedEntity, Extraction
from graph.records import dedupe, merge_evidence, relation_ends, resolve_events
from graph.stores.props import article_props, evidence_item_json

# One piece of evidence: (sentence, article id, date, confidence), the fields of `Evidence`.
Mention = tuple[str | None, str, str | None, float]


def union(old: list[str] | None, new: list[str]) -> list[str]:
    """`old` followed by the items of `new` it lacks."""
    have = list(old or [])
    seen = set(have)
    return have + [x for x in new if x not in seen]


class Rows(list):  # type: ignore[type-arg]
    """A statement's rows, sent as a plain list, with a short `repr`.

    The driver formats every RUN message for its debug log before the logger decides whether to emit it
    (`" ".join(map(repr, fields))` in neo4j/_sync/io/_bolt/_bolt5.py, driver 5.x), so each batch paid a
    `repr` of all its rows: 0.25-0.4 s of client CPU per 1,000 extractions, logging off. The packer sends
    a list subclass as a list.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


@dataclass(slots=True)
class RelationRecord:
    """A typed relation of the batch with the evidence every article of the batch gave it."""

    id: str
    type: str
    source: str
    target: str
    titles: list[str] = field(default_factory=list)
    evidence: list[Mention] = field(default_factory=list)
    keys: set[tuple[str, str]] = field(default_factory=set)  # (article id, sentence): `Evidence.key`

    def add(self, m: Mention) -> bool:
        """Append a piece of evidence unless this article already gave this sentence."""
        k = (m[1], m[0] or "")
        if k in self.keys:
            return False
        self.keys.add(k)
        self.evidence.append(m)
        return True

    def row(self) -> list[Any]:
        """The relation as `neo4j_queries.RELATION_ROW`: ends, id, titles, confidence and evidence columns.

        The same values as `props.relation_props` on the equivalent `Relation` (first and last seen are
        taken from `dates` in the statement).
        """
        ev = self.evidence
        if len(ev) == 1:  # the common case at ingest: no sets to build and sort
            s, aid, d, c = ev[0]
            head = [self.source, self.target, self.id, self.titles, float(c)]
            return [*head, 1, [aid], [d] if d else [], "[" + evidence_item_json(s, aid, d, c) + "]"]
        return [
            self.source,
            self.target,
            self.id,
            self.titles,
            float(max((m[3] for m in ev), default=0.0)),
            len(ev),
            sorted({m[1] for m in ev}),
            sorted({m[2] for m in ev if m[2]}),
            "[" + ",".join(evidence_item_json(*m) for m in ev) + "]",
        ]

    def merged_with(self, stored: list[dict[str, Any]], titles: list[str] | None) -> RelationRecord:
        """The stored evidence (parsed JSON) followed by this batch's pieces it lacks."""
        out = RelationRecord(self.id, self.type, self.source, self.target, union(titles, self.titles))
        for x in stored:
            out.add((x.get("sentence"), x["article_id"], x.get("date"), x.get("confidence", 1.0)))
        for m in self.evidence:
            out.add(m)
        return out


@dataclass
class BatchRecords:
    """A batch resolved and merged in memory: articles, entities, relations and events by id."""

    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> entity props
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (entity id, article id)
    relations: dict[str, RelationRecord] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    _norm: dict[str, str] = field(default_factory=dict)  # normalize_name, once per name and batch

    def normalize(self, name: str) -> str:
        key = self._norm.get(name)
        if key is None:
            key = self._norm[name] = normalize_name(name)
        return key

    @classmethod
    def of(cls, batch: list[Extraction]) -> BatchRecords:
        out = cls()
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        for ex in batch:
            out.add(ex, now)
        return out

    def add(self, ex: Extraction, now: str) -> None:
        """One article's entities, relations and events, merged into the batch."""
        art = ex.article
        aid = art.id
        if aid not in self.articles:
            props = article_props(art)
            props["ingested_at"] = props["ingested_at"] or now
            self.articles[aid] = props
        ids = {k: entity_id(e.kind, e.name, aid) for k, e in ex.name_index().items()}
        norm = self.normalize

        def eid(name: str) -> str:
            return ids[norm(name)]

        self._add_entities(ex.entities, aid)
        published = art.published
        for r in ex.relations:
            ends = relation_ends(r.type, eid(r.source), eid(r.target))
            if ends is None:
                continue
            rid, src, tgt = ends
            rel = self.relations.get(rid)
            if rel is None:
                rel = self.relations[rid] = RelationRecord(rid, r.type, src, tgt)
            rel.add((r.evidence, aid, r.date or published, r.confidence))
            if r.title and r.title not in rel.titles:
                rel.titles.append(r.title)
        if ex.events:
            for ev in resolve_events(ex, eid):
                prev = self.events.get(ev.id)
                if prev is None:
                    self.events[ev.id] = ev
                else:
                    prev.evidence = merge_evidence(prev.evidence, ev.evidence)
                    prev.targets = sorted({*prev.targets, *ev.targets})

    def _add_entities(self, entities: list[ExtractedEntity], aid: str) -> None:
        # Within one article: the first listing gives the attributes, a repeat adds aliases and titles.
        local: dict[str, tuple[ExtractedEntity, list[str], list[str]]] = {}
        for e in entities:
            xid = entity_id(e.kind, e.name, aid)
            seen = local.get(xid)
            if seen is None:
                aliases = dedupe([a for a in e.aliases if a != e.name]) if e.aliases else []
                local[xid] = (e, aliases, dedupe(e.titles) if e.titles else [])
            else:
                local[xid] = (seen[0], dedupe([*seen[1], *e.aliases]), dedupe([*seen[2], *e.titles]))
        for xid, (e, aliases, titles) in local.items():
            self.mentions.append((xid, aid))
            alias_keys = sorted({self.normalize(a) for a in aliases} - {""}) if aliases else []
            p = self.entities.get(xid)
            if p is None:
                self.entities[xid] = {
                    "id": xid,
                    "name": e.name,
                    "kind": e.kind,
                    "aliases": aliases,
                    "name_key": self.normalize(e.name),
                    "alias_keys": alias_keys,
                    "country_code": e.country_code,
                    "titles": titles,
                    "lat": e.lat,
                    "lon": e.lon,
                }
                continue
            # The same entity from two articles of one batch.
            p["aliases"] = union(p["aliases"], aliases)
            p["alias_keys"] = sorted({*p["alias_keys"], *alias_keys})
            p["titles"] = union(p["titles"], titles)
            for k, v in (("country_code", e.country_code), ("lat", e.lat), ("lon", e.lon)):
                if p[k] is None:
                    p[k] = v
