"""Domain model: the pydantic objects that travel from loaders to stores and out of the API.

Two layers (the extraction layer lives in graph/extraction_model.py and is re-exported here, where the
rest of the project has always imported it):

* the *extraction* layer (`Extraction` and its `Extracted*` items) is one article's findings, in the
  JSON shape of the evaluation GUIDE plus an `article` object; relations and events name entities by
  their canonical `name`, exactly as `kg extract` prints them;
* the *graph* layer (`Entity`, `Relation`, `Event`, `Article`) is what a store keeps: ids resolved,
  evidence accumulated across articles, derived counts and dates.

From one to the other: `graph/records.py` (`GraphRecords.from_extraction` and the merge rules). What
stores answer (pages, search hits, paths, counts, reports): `graph/results.py`.

Every id is deterministic (graph/ids.py: `entity_id`, `relation_id`, `event_id`, `article_id`), so the same actor,
relation or event reported by two articles lands on one node or edge.

Empty-list and empty-dict defaults are plain `[]`/`{}` (pydantic copies them per instance), never
`default_factory=list`: `model_construct` inspects a factory's signature on every call, and for a builtin
that parses Python source with `ast`, whose converter is not thread-safe on CPython 3.11 (gh-106905):
concurrent writers then failed at random with "AST constructor recursion depth mismatch".
"""

from __future__ import annotations

from pydantic import field_validator

# The extraction layer, ids and the ontology live in their own modules; the `X as X` imports re-export them
# from here.
from graph.extraction_model import Article as Article
from graph.extraction_model import ExtractedEntity as ExtractedEntity
from graph.extraction_model import ExtractedEvent as ExtractedEvent
from graph.extraction_model import ExtractedRelation as ExtractedRelation
from graph.extraction_model import Extraction as Extraction
from graph.extraction_model import PartialDate as PartialDate
from graph.extraction_model import StrictModel as StrictModel
from graph.extraction_model import check_partial_date as check_partial_date
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

# ----------------------------------------------------------------------------------- graph layer


class Evidence(StrictModel):
    """A sentence in an article that supports a relation or an event."""

    sentence: str | None = None
    article_id: str
    date: PartialDate = None
    confidence: float = 1.0

    _v_date = field_validator("date", mode="before")(check_partial_date)

    @property
    def key(self) -> str:
        """Identity of this piece of evidence: one article, one sentence (re-loading adds nothing)."""
        return digest(self.article_id, self.sentence or "")


class Entity(StrictModel):
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


class Relation(StrictModel):
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


class Event(StrictModel):
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

    _v_date = field_validator("date", mode="before")(check_partial_date)

    @property
    def evidence_count(self) -> int:
        return len(self.evidence)

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence})
