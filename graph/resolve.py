"""Cross-article actor resolution at ingest, over the `GraphStore` protocol (docs/resolution.md).

`ingest(store, extractions)` is the one write path of `kg ingest`, POST /api/v1/articles and any other
ingestion: it rewrites each extraction so that its actors land on the nodes the graph already holds
(alias file, exact name, transliteration variant, short form, acronym, descriptive prefix), writes it with
`store.upsert`, lets a fuller name absorb earlier short nodes with `store.merge_entities`, and then merges
event mentions of one real-world event (`graph/event_merge.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from graph.aliases import AliasFile, load_aliases
from graph.entity_index import EntityIndex
from graph.event_merge import merge_event_mentions
from graph.ids import is_article_scoped
from graph.model import Entity, ExtractedEntity, Extraction, entity_id, normalize_name
from graph.names import (
    area_forms,
    core_names,
    looks_like_acronym,
    tokens,
)
from graph.results import UpsertReport
from graph.settings import Settings, get_settings
from graph.store import GraphStore, RelationFilter

log = logging.getLogger(__name__)

# Kinds whose names vary across articles; countries are canonical already (gazetteer), places only by
# spelling variant (a short form of a place is usually another place: "Gaza" / "Gaza City").
ACTOR_KINDS = frozenset({"person", "organization", "armed_group", "group"})
COLLECTIVE_KINDS = frozenset({"organization", "armed_group", "group"})
# The small model calls one named body an organisation in one article and an armed group in another.
BODY_KINDS = frozenset({"organization", "armed_group"})


@dataclass
class Decision:
    """How one incoming name was resolved: the stored node it joins (or absorbs), and why."""

    name: str
    kind: str
    target: Entity | None = None
    reason: str = ""
    absorb: list[Entity] = field(default_factory=list)  # stored short nodes the incoming name absorbs


class Resolver:
    """Decides, for each incoming entity, which stored node it is; keeps its index current as it writes."""

    def __init__(self, store: GraphStore, aliases: AliasFile | None = None) -> None:
        self.store = store
        self.aliases = aliases or AliasFile()
        self.index = EntityIndex.for_resolution(store)
        self._affiliations: dict[str, set[str]] = {}  # read from the store, once per person
        self._written: dict[str, set[str]] = {}  # from the articles this resolver has passed on

    # ------------------------------------------------------------------------------ compatibility

    def stored_affiliations(self, eid: str) -> set[str]:
        """Countries a stored person is affiliated with (AFFILIATED_WITH to a country)."""
        if eid not in self._affiliations:
            page = self.store.relations(
                RelationFilter(types=["AFFILIATED_WITH"], source=eid), limit=100, offset=0
            )
            self._affiliations[eid] = {r.target for r in page.items if r.target.startswith("country:")}
        return self._affiliations[eid]

    def compatible(self, incoming: ExtractedEntity, countries: set[str], cand: Entity) -> bool:
        """Not kept apart by the user, not another article's crowd, and no contradicting country
        affiliations."""
        if is_article_scoped(cand.id) or self.aliases.kept_apart(incoming.name, cand.name):
            return False
        if incoming.kind == "person" and cand.kind == "person" and countries:
            stored = self.stored_affiliations(cand.id) | self._written.get(cand.id, set())
            if stored and not stored & countries:
                return False
        return True

    # ------------------------------------------------------------------------------ decisions

    def decide(self, ent: ExtractedEntity, countries: set[str]) -> Decision:
        """The stored node `ent` is (if any), by the first rule that gives exactly one candidate."""
        d = Decision(name=ent.name, kind=ent.kind)
        entry = self.aliases.lookup(ent.name) or next(
            (e for a in ent.aliases if (e := self.aliases.lookup(a))), None
        )
        if entry is not None:
            kind = entry.kind or ent.kind
            stored = next((e for e in self.index.by_name(entry.name) if e.kind == kind), None)
            d.target = stored or Entity(id=entity_id(kind, entry.name), name=entry.name, kind=kind)
            d.reason = "alias file"
            return d
        if is_article_scoped(ent.id):
            return d  # "protesters": this article's own crowd, no other article's
        exact = [e for e in self.index.by_name(ent.name) if e.kind == ent.kind]
        if any(e.id == ent.id for e in exact):
            return self._absorb(d, ent, countries)
        if ent.kind not in ACTOR_KINDS and ent.kind != "place":
            return d
        rules: list[tuple[str, list[Entity]]] = [("alias", exact)]
        if ent.kind == "group":  # "Syrian opposition": the body another article described so
            rules.append(("described as", [e for e in self.index.by_name(ent.name) if e.kind in BODY_KINDS]))
        rules.append(("variant", self.index.variants(ent.name, ent.kind)))
        if (
            ent.kind in BODY_KINDS
        ):  # "al-Qaeda" read as an armed group here, "Al-Qaida" as an organisation there
            other = next(iter(BODY_KINDS - {ent.kind}))
            body = [e for e in self.index.by_name(ent.name) if e.kind == other]
            rules.append(("same body, other kind", body or self.index.variants(ent.name, other)))
        if ent.kind == "place":
            areas = {
                e.id: e for n in area_forms(ent.name) for e in self.index.by_name(n) if e.kind == "place"
            }
            rules.append(("administrative area", list(areas.values())))
        if ent.kind in ACTOR_KINDS:
            for core in core_names(ent.name) if ent.kind in COLLECTIVE_KINDS else []:
                by_core = [e for e in self.index.by_name(core) if e.kind == ent.kind]
                rules.append(("descriptor", by_core or self.index.variants(core, ent.kind)))
            if ent.kind == "person" or len(tokens(ent.name)) >= 2:  # "Coalition" is no short form
                rules.append(("short form", self.index.fuller_names(ent.name, ent.kind)))
            if looks_like_acronym(ent.name):
                rules.append(("acronym", self.index.by_acronym(ent.name, ent.kind)))
            if ent.kind in COLLECTIVE_KINDS and len(tokens(ent.name)) == 1:
                rules.append(("surname of a person", self.index.fuller_names(ent.name, "person")))
        for reason, found in rules:
            cands = [c for c in found if self.compatible(ent, countries, c)]
            if len(cands) > 1:
                log.info("%r: %d candidates by %s, left apart", ent.name, len(cands), reason)
                return d
            if len(cands) == 1:
                cand = cands[0]
                fuller = len(normalize_name(ent.name).split()) > len(normalize_name(cand.name).split())
                if reason == "variant" and fuller:  # "Bashar al-Assad" absorbs "Bashar Assad"
                    d.absorb.append(cand)
                    return self._absorb(d, ent, countries)
                d.target, d.reason = cand, reason
                return d
        return self._absorb(d, ent, countries)

    def _absorb(self, d: Decision, ent: ExtractedEntity, countries: set[str]) -> Decision:
        """A full name takes in the stored short nodes that can only mean it ("Putin" before "Vladimir Putin")."""
        if ent.kind not in ACTOR_KINDS:
            return d
        kinds = [ent.kind, *(sorted(COLLECTIVE_KINDS) if ent.kind == "person" else [])]
        taken = {ent.id, *(e.id for e in d.absorb)}
        if ent.kind in BODY_KINDS:  # a crowd named as this body's description ("Syrian opposition")
            for alias in ent.aliases:
                described = [
                    e
                    for e in self.index.by_name(alias)
                    if e.kind == "group" and e.id not in taken and self.compatible(ent, countries, e)
                ]
                if len(described) == 1:
                    d.absorb.append(described[0])
                    taken.add(described[0].id)
        for short in self.index.short_nodes(ent.name, kinds, ent.kind != "person"):
            if short.id in taken or not self.compatible(ent, countries, short):
                continue
            single = len(tokens(short.name)) == 1
            if short.kind != ent.kind:
                if not single:
                    continue  # across kinds only a bare surname read as a body ("Lavrov")
            elif short.kind != "person" and single and not looks_like_acronym(short.name):
                continue  # a one-word body is no short form ("Coalition"), unless an acronym
            # Unambiguous: no other stored full name of this kind has the same short form.
            others = [e for e in self.index.fuller_names(short.name, ent.kind) if e.id not in taken]
            if not others:
                d.absorb.append(short)
                taken.add(short.id)
        return d

    # ------------------------------------------------------------------------------- rewriting

    def resolve(self, ex: Extraction) -> tuple[Extraction, list[tuple[str, str]]]:
        """`ex` with its entities renamed to the nodes they join, and the (keep, drop) merges to make."""
        countries = _affiliated_countries(ex)
        renamed: dict[str, ExtractedEntity] = {}
        merges: list[tuple[str, str]] = []
        for ent in ex.entities:
            d = self.decide(ent, countries.get(normalize_name(ent.name), set()))
            new = ent
            if d.target is not None and d.target.id != ent.id:
                log.debug("%s %r -> %r (%s)", ent.kind, ent.name, d.target.name, d.reason)
                aliases = [
                    a for a in (ent.name, *ent.aliases) if normalize_name(a) != normalize_name(d.target.name)
                ]
                new = ent.model_copy(
                    update={"name": d.target.name, "kind": d.target.kind, "aliases": aliases}
                )
            renamed[ent.name] = new
            for short in d.absorb:
                merges.append((new.id, short.id))
            # Known at once, so a later entity of this article can join it ("China PLA Eastern Theater
            # Command" then "Eastern Theatre Command").
            known = self.index.get(new.id)
            names = [*(known.aliases if known else []), *new.aliases]
            self.index.add(Entity(id=new.id, name=new.name, kind=new.kind, aliases=_dedupe(names)))
        out = ex.model_copy(update={"entities": list(renamed.values())})
        self._remember(out, merges)
        return out, merges

    def _remember(self, ex: Extraction, merges: list[tuple[str, str]]) -> None:
        """Update the index as the store will be after writing `ex` and making `merges`."""
        countries = _affiliated_countries(ex)
        for ent in ex.entities:
            if found := countries.get(normalize_name(ent.name)):
                self._written.setdefault(ent.id, set()).update(found)
            old = self.index.get(ent.id)
            aliases = [*(old.aliases if old else []), *ent.aliases]
            self.index.add(Entity(id=ent.id, name=ent.name, kind=ent.kind, aliases=_dedupe(aliases)))
        for keep, drop in merges:
            gone = self.index.get(drop)
            kept = self.index.get(keep)
            if gone is None or kept is None:
                continue
            self.index.remove(drop)
            self.index.add(
                kept.model_copy(update={"aliases": _dedupe([*kept.aliases, gone.name, *gone.aliases])})
            )
            self._written.setdefault(keep, set()).update(self._written.pop(drop, set()))
            self._written[keep] |= self._affiliations.get(drop, set())


def _affiliated_countries(ex: Extraction) -> dict[str, set[str]]:
    """Normalised entity name -> ids of the countries it is AFFILIATED_WITH in this article."""
    index = ex.name_index()
    out: dict[str, set[str]] = {}
    for r in ex.relations:
        if r.type != "AFFILIATED_WITH":
            continue
        src, tgt = index[normalize_name(r.source)], index[normalize_name(r.target)]
        if tgt.kind == "country":
            out.setdefault(normalize_name(src.name), set()).add(tgt.id)
    return out


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and normalize_name(item) not in seen:
            seen.add(normalize_name(item))
            out.append(item)
    return out


def open_resolver(store: GraphStore, settings: Settings | None = None) -> Resolver | None:
    """A resolver with the configured alias file, or None when `KG_RESOLVE` is off."""
    settings = settings or get_settings()
    if not settings.resolve:
        return None
    return Resolver(store, load_aliases(settings.aliases_path))


def ingest(
    store: GraphStore,
    extractions: Iterable[Extraction],
    batch_size: int = 200,
    resolver: Resolver | None = None,
    *,
    resolve: bool = True,
) -> UpsertReport:
    """Resolve, write and merge: the one ingestion function every entry point calls.

    Without a `resolver`, one is opened from the settings (alias file, `KG_RESOLVE`); with
    `resolve=False` (or `KG_RESOLVE=0`) this is a plain `store.upsert`.
    """
    if resolver is None and resolve:
        resolver = open_resolver(store)
    if resolver is None:
        return store.upsert(extractions, batch_size=batch_size)
    report = UpsertReport()
    items = iter(extractions)
    while batch := list(islice(items, batch_size)):
        resolved: list[Extraction] = []
        merges: list[tuple[str, str]] = []
        for ex in batch:
            out, todo = resolver.resolve(ex)
            resolved.append(out)
            merges += todo
        report.add(store.upsert(resolved, batch_size=batch_size))
        redirect: dict[str, str] = {}
        for keep, drop in merges:
            while keep in redirect:
                keep = redirect[keep]
            if keep != drop and drop not in redirect:
                log.info("merging %s into %s", drop, keep)
                store.merge_entities(keep, drop)
                redirect[drop] = keep
                report.entities_merged.append(drop)
        merged_away = merge_event_mentions(store, resolved, redirect)
        report.events_added = [e for e in report.events_added if e not in merged_away]
        report.events_merged += sorted(merged_away)
    return report
