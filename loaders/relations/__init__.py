"""Typed relations between an article's entities, by construction family.

Modules by concern: `lexicon` (the word lists, from loaders/data/relations/lexicon.json), `syntax`
(reading the parse), `verbs`, `nouns`, `places` (procedural families), `patterns` (the registered spaCy
component that runs the DependencyMatcher patterns of loaders/data/patterns/relations/ inside `nlp.pipe`,
and their resolution to entities), `affiliations` (offices without a stated country).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from graph.model import ExtractedRelation
from loaders.mentions import EntityTable
from loaders.relations.conflict_nouns import conflict_relations
from loaders.relations.from_patterns import matches, pattern_relations
from loaders.relations.hyphen_pairs import hyphen_pair_relations
from loaders.relations.lexicon import ACTORS, SYMMETRIC
from loaders.relations.nouns import nominal_relations
from loaders.relations.patterns import PatternMatch
from loaders.relations.phrase_actors import actors_of
from loaders.relations.places import place_relations
from loaders.relations.sides import pitted_relations
from loaders.relations.syntax import negated, subjects
from loaders.relations.verbs import ActMemory, verb_relations


def find_relations(sents: Iterable[Span], table: EntityTable) -> list[ExtractedRelation]:
    """All relations of the evidence sentences, one per (source, type, target), first evidence kept."""
    out: dict[tuple[str, str, str], ExtractedRelation] = {}
    memory = ActMemory()
    found_by_doc: dict[int, list[PatternMatch]] = {}
    for sent in sents:
        if id(sent.doc) not in found_by_doc:  # read once per doc, not once per sentence
            found_by_doc[id(sent.doc)] = matches(sent.doc)
        doc_matches = found_by_doc[id(sent.doc)]
        found = [
            *verb_relations(sent, table, memory),
            *nominal_relations(sent, table),
            *conflict_relations(sent, table),
            *place_relations(sent, table),
            *pitted_relations(sent, table),
            *hyphen_pair_relations(sent, table),
            *pattern_relations(sent, table, memory, doc_matches),
        ]
        memory.note(found, table)
        memory.note_acts(sent, table)
        for r in found:
            key = (r.source, r.type, r.target)
            if r.type in SYMMETRIC:
                key = (min(r.source, r.target), r.type, max(r.source, r.target))
            out.setdefault(key, r)
    return list(out.values())


__all__ = ["ACTORS", "actors_of", "find_relations", "negated", "subjects"]
