"""Domain model: the pydantic objects that travel from loaders to stores and out of the API.

Two layers:

* the *extraction* layer (`Extraction` and its `Extracted*` items) is one article's findings, in the
  JSON shape of the evaluation GUIDE plus an `article` object; relations and events name entities by
  their canonical `name`, exactly as `kg extract` prints them;
* the *graph* layer (`Entity`, `Relation`, `Event`, `Article`) is what a store keeps: ids resolved,
  evidence accumulated across articles, derived counts and dates.

Every id is deterministic (graph/ids.py: `entity_id`, `relation_id`, `event_id`, `article_id`), so the same actor,
relation or event reported by two articles lands on one node or edge.

Empty-list and empty-dict defaults are plain `[]`/`{}` (pydantic copies them per instance), never
`default_factory=list`: `model_construct` inspects a factory's signature on every call, and for a builtin
that parses Python source with `ast`, whose converter is not thread-safe on CPython 3.11 (gh-106905):
concurrent writers then failed at random with "AST constructor recursion depth mismatch".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Ids and the ontology live in their own modules; the `X as X` imports re-export them from here, where
# the rest of the project has always imported them.
from graph.ids import article_id as article_id
from graph.ids import covering_date as covering_date
from graph.ids import date_precision as date_precision
from graph.ids import digest
from graph.ids import entity_id as entity_id
from graph.ids import event_id as event_id
from graph.ids import normalize_name as normalize_name
from graph.ids import relation_id as relation_id
from graph.ontology import ENTITY_KINDS as ENTITY_KINDS
from graph.ontology import EVENT_TYPES as EVENT_TYPES
from graph.ontology import KIND_LABELS as KIND_LABELS
from graph.ontology import RELATION_SIGN as RELATION_SIGN
from graph.ontology import RELATION_TYPES as RELATION_TYPES
from graph.ontology import SYMMETRIC_TYPES as SYMMETRIC_TYPES
from graph.ontology import DatePrecision as DatePrecision
from graph.ontology import EntityKind as EntityKind
from graph.ontology import EventType as EventType
from graph.ontology import RelationType as RelationType

# A date as the contract writes it: YYYY-MM-DD, YYYY-MM or YYYY.
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


def _check_partial_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) > 10 and _PARTIAL_DATE.match(text[:10]) and text[10] in "T ":
        text = text[:10]  # a timestamp: keep the day
    if not _PARTIAL_DATE.match(text):
        raise ValueError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return text


PartialDate = Annotated[str | None, Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY")]


# ------------------------------------------------------------------------------ extraction layer


class Article(_Model):
    """Where a piece of evidence comes from."""

    id: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: PartialDate = None
    ingested_at: datetime | None = None

    _v_published = field_validator("published", mode="before")(_check_partial_date)

    @model_validator(mode="after")
    def _fill_id(self) -> Article:
        if not self.id:
            if not self.url:
                raise ValueError("an article needs an id or a url (use article_id(url, text))")
            self.id = article_id(self.url, None)
        return self


class ExtractedEntity(_Model):
    """One entity as an article names it (GUIDE contract), with attributes where known."""

    name: str = Field(min_length=1)
    kind: EntityKind
    aliases: list[str] = []
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2, for countries")
    titles: list[str] = Field(default=[], description="offices held, for persons")
    lat: float | None = None
    lon: float | None = None
    optional: bool | None = None  # accepted from gold files; ignored by stores

    @property
    def id(self) -> str:
        return entity_id(self.kind, self.name)


class ExtractedRelation(_Model):
    """One typed relation between two entities named by their canonical names."""

    source: str
    type: RelationType
    target: str
    evidence: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    date: PartialDate = None
    title: str | None = Field(default=None, description="office held, for AFFILIATED_WITH")
    # Accepted so that gold files and other tools' output load unchanged; not stored.
    alt_sources: list[str] | None = None
    alt_targets: list[str] | None = None
    optional: bool | None = None

    _v_date = field_validator("date", mode="before")(_check_partial_date)


class ExtractedEvent(_Model):
    """One real-world event as an article reports it."""

    type: EventType
    label: str | None = None
    date: PartialDate = None
    location: str | None = None
    actors: list[str] = []
    targets: list[str] = []
    evidence: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    killed: int | None = Field(default=None, ge=0)
    wounded: int | None = Field(default=None, ge=0)
    quantity: int | None = Field(default=None, ge=0, description="munitions or units when stated")
    date_range: tuple[str, str] | None = Field(
        default=None,
        description="earliest and latest YYYY-MM-DD when the text gives a span, not a day "
        "('last week's strike'); `date` then stays null or the coarsest partial date covering it",
    )
    optional: bool | None = None

    _v_date = field_validator("date", mode="before")(_check_partial_date)

    @field_validator("date_range", mode="before")
    @classmethod
    def _v_date_range(cls, value: Any) -> tuple[str, str] | None:
        if value is None:
            return None
        lo, hi = (_check_partial_date(v) for v in value)
        if not lo or not hi or len(lo) != 10 or len(hi) != 10 or lo > hi:
            raise ValueError(f"date_range {value!r} is not two days in order (YYYY-MM-DD)")
        return lo, hi

    @property
    def node_date(self) -> str | None:
        """The date the event node gets: `date`, else the finest partial date that holds `date_range`."""
        if self.date or not self.date_range:
            return self.date
        return covering_date(*self.date_range)


class Extraction(_Model):
    """One article's entities, relations and events: the object loaders hand to stores.

    Also a file format (`kg ingest x.json`): the GUIDE's JSON plus an `article` object.
    """

    article: Article
    entities: list[ExtractedEntity] = []
    relations: list[ExtractedRelation] = []
    events: list[ExtractedEvent] = []
    # Accepted from gold files so they load as extractions.
    id: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None

    @model_validator(mode="after")
    def _check_references(self) -> Extraction:
        names = self.name_index()
        missing: list[str] = []
        for r in self.relations:
            missing += [n for n in (r.source, r.target) if normalize_name(n) not in names]
        for e in self.events:
            refs = [*e.actors, *e.targets] + ([e.location] if e.location else [])
            missing += [n for n in refs if normalize_name(n) not in names]
        if missing:
            shown = ", ".join(sorted(set(missing))[:5])
            raise ValueError(f"relations or events name entities that are not listed: {shown}")
        return self

    def name_index(self) -> dict[str, ExtractedEntity]:
        """Map each normalised name and alias to its entity (canonical names win over aliases)."""
        index: dict[str, ExtractedEntity] = {}
        for ent in self.entities:
            for alias in ent.aliases:
                index.setdefault(normalize_name(alias), ent)
        for ent in self.entities:
            index[normalize_name(ent.name)] = ent
        return index

    def to_records(self) -> GraphRecords:
        """Resolve names to ids and attach provenance: what a store writes for this article."""
        return GraphRecords.from_extraction(self)


# ----------------------------------------------------------------------------------- graph layer


class Evidence(_Model):
    """A sentence in an article that supports a relation or an event."""

    sentence: str | None = None
    article_id: str
    date: PartialDate = None
    confidence: float = 1.0

    _v_date = field_validator("date", mode="before")(_check_partial_date)

    @property
    def key(self) -> str:
        """Identity of this piece of evidence: one article, one sentence (re-loading adds nothing)."""
        return digest(self.article_id, self.sentence or "")


class Entity(_Model):
    """An actor or a place as the graph keeps it."""

    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = []
    country_code: str | None = None
    titles: list[str] = []
    lat: float | None = None
    lon: float | None = None
    article_ids: list[str] = []


class Relation(_Model):
    """A typed relation between two entities with all the evidence behind it."""

    id: str
    type: RelationType
    source: str  # entity id
    target: str  # entity id
    titles: list[str] = []
    evidence: list[Evidence] = []

    @property
    def symmetric(self) -> bool:
        return self.type in SYMMETRIC_TYPES

    @property
    def evidence_count(self) -> int:
        return len(self.evidence)

    @property
    def first_seen(self) -> str | None:
        dates = [e.date for e in self.evidence if e.date]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = [e.date for e in self.evidence if e.date]
        return max(dates) if dates else None

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence})

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


class Event(_Model):
    """A real-world event: one node however many articles report it."""

    id: str
    type: EventType
    label: str | None = None
    date: PartialDate = None
    date_precision: DatePrecision | None = None
    location: str | None = None  # entity id
    actors: list[str] = []  # entity ids
    targets: list[str] = []  # entity ids
    killed: int | None = None
    wounded: int | None = None
    quantity: int | None = None
    evidence: list[Evidence] = []
    # Ids of the event nodes merged into this one (graph/resolve.py, `merge_events`): the audit of which
    # mentions made the node; each mention's article and sentence stay in `evidence`.
    merged_from: list[str] = []

    _v_date = field_validator("date", mode="before")(_check_partial_date)

    @property
    def evidence_count(self) -> int:
        return len(self.evidence)

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence})


class GraphRecords(_Model):
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
            return index[normalize_name(name)].id

        entities: dict[str, Entity] = {}
        for e in ex.entities:
            ent = entities.get(e.id)
            if ent is None:
                entities[e.id] = Entity.model_construct(
                    id=e.id,
                    name=e.name,
                    kind=e.kind,
                    aliases=_dedupe([a for a in e.aliases if a != e.name]),
                    country_code=e.country_code,
                    titles=_dedupe(e.titles),
                    lat=e.lat,
                    lon=e.lon,
                    article_ids=[art.id],
                )
            else:  # the same entity listed twice in one article: merge
                ent.aliases = _dedupe([*ent.aliases, *e.aliases])
                ent.titles = _dedupe([*ent.titles, *e.titles])

        relations: dict[str, Relation] = {}
        for r in ex.relations:
            src, tgt = eid(r.source), eid(r.target)
            if src == tgt:
                continue  # a relation of an entity with itself says nothing
            if r.type in SYMMETRIC_TYPES and tgt < src:
                src, tgt = tgt, src
            rid = relation_id(r.type, src, tgt)
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


def resolve_events(ex: Extraction, eid: Callable[[str], str]) -> list[Event]:
    """One extraction's events as graph records, names resolved to ids by `eid` (one node per event id)."""
    art = ex.article
    events: dict[str, Event] = {}
    for xe in ex.events:
        actors = _dedupe([eid(a) for a in xe.actors])
        targets = _dedupe([eid(t) for t in xe.targets])
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
            node.targets = _dedupe([*node.targets, *targets])
            if ev.key not in {x.key for x in node.evidence}:
                node.evidence.append(ev)
    return list(events.values())


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def merge_entity(old: Entity, new: Entity) -> Entity:
    """Merge a newly reported entity into the stored one: union of aliases, titles and articles."""
    return old.model_copy(
        update={
            "aliases": _dedupe([*old.aliases, *new.aliases]),
            "titles": _dedupe([*old.titles, *new.titles]),
            "country_code": old.country_code or new.country_code,
            "lat": old.lat if old.lat is not None else new.lat,
            "lon": old.lon if old.lon is not None else new.lon,
            "article_ids": _dedupe([*old.article_ids, *new.article_ids]),
        }
    )


def merge_evidence(old: list[Evidence], new: list[Evidence]) -> list[Evidence]:
    """Append the pieces of `new` not already in `old` (by article and sentence)."""
    keys = {e.key for e in old}
    return [*old, *(e for e in new if e.key not in keys)]


# ------------------------------------------------------------------------------- store results


class EntityHit(_Model):
    """A search result: the entity and its degree (number of typed relations)."""

    entity: Entity
    degree: int = 0


class Subgraph(_Model):
    """Entities, the relations among them and the events that involve them."""

    entities: list[Entity] = []
    relations: list[Relation] = []
    events: list[Event] = []


class Path(_Model):
    """A path between two entities: nodes in order and the relation taken at each hop."""

    entities: list[Entity]
    relations: list[Relation]

    @property
    def length(self) -> int:
        return len(self.relations)


T = TypeVar("T")


class Page(_Model, Generic[T]):
    """One page of a longer list."""

    items: list[T]
    total: int
    limit: int
    offset: int
    # Only entity search sets it: a broad query ranked its exact matches and the most connected entities
    # only, and `total` counts those (graph/search.py).
    capped: bool = False


class Stats(_Model):
    """Counts in a store. `relations` counts distinct typed relations (a symmetric one once)."""

    entities: int
    relations: int
    events: int
    articles: int
    entities_by_kind: dict[str, int] = {}
    relations_by_type: dict[str, int] = {}
    events_by_type: dict[str, int] = {}
    evidence: int = 0


class UpsertReport(_Model):
    """What one batch of upserts did: ids added and ids merged into existing records."""

    articles_added: list[str] = []
    articles_merged: list[str] = []
    entities_added: list[str] = []
    entities_merged: list[str] = []
    relations_added: list[str] = []
    relations_merged: list[str] = []
    events_added: list[str] = []
    events_merged: list[str] = []
    evidence_added: int = 0

    def add(self, other: UpsertReport) -> None:
        """Fold another report into this one."""
        for name in type(self).model_fields:
            if name == "evidence_added":
                self.evidence_added += other.evidence_added
            else:
                getattr(self, name).extend(getattr(other, name))


class CypherResult(_Model):
    """Rows of a read-only Cypher query: plain JSON values (nodes and relationships as dicts)."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False


# pydantic caches parametrised generic models weakly: a `Page[EntityHit]` that no live object holds is
# rebuilt at the next use, which costs 1-10 ms (measured in a search under load). The stores' pages are
# kept here for the life of the process.
_PAGE_TYPES = (Page[EntityHit], Page[Relation], Page[Event])
