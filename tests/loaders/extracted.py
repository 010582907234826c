"""What the extraction tests read off an `Extraction`: one definition each, imported by every test
module (before round 9 each module carried its own copy)."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Article, ExtractedEvent, Extraction
from loaders.pipeline import Extractor
from loaders.source import SourceArticle

Triple = tuple[str, str, str]


def extract_with(extractor: Extractor, published: str) -> Callable[..., Extraction]:
    """A one-call runner: extract a text as the article `article:test`, published on `published`
    unless the call names another day."""
    default = published

    def go(text: str, published: str = default) -> Extraction:
        art = Article(id="article:test", published=published)
        return extractor.extract(SourceArticle(article=art, text=text))

    return go


def rels(ex: Extraction) -> set[Triple]:
    """The relations as (source, type, target) names."""
    return {(r.source, r.type, r.target) for r in ex.relations}


def rels_of_type(ex: Extraction, rtype: str) -> set[Triple]:
    return {r for r in rels(ex) if r[1] == rtype}


def of_type(evs: list[ExtractedEvent], etype: str) -> list[ExtractedEvent]:
    return [e for e in evs if e.type == etype]


def event_args(ex: Extraction, etype: str) -> list[tuple[list[str], list[str]]]:
    """(actors, targets) of each event of one type, in the order extracted."""
    return [(e.actors, e.targets) for e in ex.events if e.type == etype]


def kinds(ex: Extraction) -> dict[str, str]:
    return {e.name: e.kind for e in ex.entities}
