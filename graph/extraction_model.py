"""The extraction layer of the domain model: one article's findings (`Extraction` and its `Extracted*`
items), in the JSON shape of the evaluation GUIDE plus an `article` object; relations and events name
entities by their canonical `name`, exactly as `kg extract` prints them. Also the project's base model
(`StrictModel`) and the contract's partial dates, which the graph layer (graph/model.py) shares.

graph/model.py re-exports everything here: import from there. Defaults are plain `[]`, never
`default_factory=list` (graph/model.py says why).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from graph.ids import article_id, covering_date, entity_id, normalize_name
from graph.ontology import EntityKind, EventType, RelationType

# A date as the contract writes it: YYYY-MM-DD, YYYY-MM or YYYY.
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class StrictModel(BaseModel):
    """The project's base model: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


def check_partial_date(value: Any) -> str | None:
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


class Article(StrictModel):
    """Where a piece of evidence comes from."""

    id: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: PartialDate = None
    ingested_at: datetime | None = None

    _v_published = field_validator("published", mode="before")(check_partial_date)

    @model_validator(mode="after")
    def _fill_id(self) -> Article:
        if not self.id:
            if not self.url:
                raise ValueError("an article needs an id or a url (use article_id(url, text))")
            self.id = article_id(self.url, None)
        return self


class ExtractedEntity(StrictModel):
    """One entity as an article names it (GUIDE contract), with attributes where known."""

    name: str = Field(min_length=1)
    kind: EntityKind
    aliases: list[str] = []
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2, for countries")
    titles: list[str] = Field(default=[], description="offices held, for persons")
    lat: float | None = None
    lon: float | None = None
    optional: bool | None = None  # accepted from gold files; ignored by stores
    # The article that names it, set by `Extraction`: a generic collective's id is that article's own.
    _article_id: str | None = PrivateAttr(default=None)

    @property
    def id(self) -> str:
        return entity_id(self.kind, self.name, self._article_id)


class ExtractedRelation(StrictModel):
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

    _v_date = field_validator("date", mode="before")(check_partial_date)


class ExtractedEvent(StrictModel):
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

    _v_date = field_validator("date", mode="before")(check_partial_date)

    @field_validator("date_range", mode="before")
    @classmethod
    def _v_date_range(cls, value: Any) -> tuple[str, str] | None:
        if value is None:
            return None
        lo, hi = (check_partial_date(v) for v in value)
        if not lo or not hi or len(lo) != 10 or len(hi) != 10 or lo > hi:
            raise ValueError(f"date_range {value!r} is not two days in order (YYYY-MM-DD)")
        return lo, hi

    @property
    def node_date(self) -> str | None:
        """The date the event node gets: `date`, else the finest partial date that holds `date_range`."""
        if self.date or not self.date_range:
            return self.date
        return covering_date(*self.date_range)


class Extraction(StrictModel):
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
        for ent in self.entities:  # "protesters" here are not another article's protesters
            ent._article_id = self.article.id
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
