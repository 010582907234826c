"""The resolver's index of the graph's entities: by normalised name and alias, transliteration key,
consonant skeleton of the last (and for persons the first) word, and acronym (docs/resolution.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graph.model import Entity, normalize_name
from graph.names import (
    acronym,
    is_family_name_first,
    is_short_form,
    is_variant,
    looks_like_acronym,
    phonetic_key,
    skeleton,
    tokens,
)
from graph.store import GraphStore

PAGE = 5000


class EntityIndex:
    """Entities of the graph by normalised name, transliteration key, last-word skeleton and acronym."""

    def __init__(self) -> None:
        self.ents: dict[str, Entity] = {}
        self._by_key: dict[str, set[str]] = {}
        self._by_phon: dict[tuple[str, str], set[str]] = {}
        self._by_last: dict[tuple[str, str], set[str]] = {}
        self._by_first: dict[tuple[str, str], set[str]] = {}
        self._by_acronym: dict[tuple[str, str], set[str]] = {}

    @classmethod
    def from_store(cls, store: GraphStore) -> EntityIndex:
        """Every entity of the store, read page by page through `search_entities`."""
        index = cls()
        offset = 0
        while True:
            page = store.search_entities(None, None, limit=PAGE, offset=offset)
            for hit in page.items:
                index.add(hit.entity)
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return index

    def _buckets(self, e: Entity) -> Iterator[tuple[dict[tuple[str, str], set[str]], tuple[str, str]]]:
        for n in (e.name, *e.aliases):
            if tokens(n):
                yield self._by_phon, (e.kind, phonetic_key(n))
        toks = tokens(e.name)
        if toks:
            yield self._by_last, (e.kind, skeleton(toks[-1]))
        if e.kind == "person" and len(toks) >= 2:
            yield self._by_first, (e.kind, skeleton(toks[0]))
        if acr := acronym(e.name):
            yield self._by_acronym, (e.kind, acr)

    def add(self, e: Entity) -> None:
        """Index `e` (replacing an older copy of the same id)."""
        if e.id in self.ents:
            self.remove(e.id)
        self.ents[e.id] = e
        for n in (e.name, *e.aliases):
            self._by_key.setdefault(normalize_name(n), set()).add(e.id)
        for table, key in self._buckets(e):
            table.setdefault(key, set()).add(e.id)

    def remove(self, eid: str) -> None:
        """Forget the entity with this id."""
        e = self.ents.pop(eid, None)
        if e is None:
            return
        for n in (e.name, *e.aliases):
            self._by_key.get(normalize_name(n), set()).discard(eid)
        for table, key in self._buckets(e):
            table.get(key, set()).discard(eid)

    def _get(self, ids: Iterable[str]) -> list[Entity]:
        return sorted((self.ents[i] for i in ids if i in self.ents), key=lambda e: e.id)

    def by_name(self, name: str) -> list[Entity]:
        """Entities whose name or an alias normalises like `name`."""
        return self._get(self._by_key.get(normalize_name(name), ()))

    def variants(self, name: str, kind: str) -> list[Entity]:
        """Entities of `kind` whose name is a transliteration variant of `name`."""
        found = set(self._by_phon.get((kind, phonetic_key(name)), ()))
        toks = tokens(name)
        if toks:
            for e in self._get(self._by_last.get((kind, skeleton(toks[-1])), ())):
                if is_variant(name, e.name) or any(is_variant(name, a) for a in e.aliases):
                    found.add(e.id)
        return self._get(found)

    def fuller_names(self, short: str, kind: str) -> list[Entity]:
        """Entities of `kind` of which `short` is a short form (fewer words, same last word)."""
        toks = tokens(short)
        if not toks:
            return []
        found = [
            e
            for e in self._get(self._by_last.get((kind, skeleton(toks[-1])), ()))
            if is_short_form(short, e.name)
        ]
        if kind == "person" and len(toks) == 1:
            found += [
                e
                for e in self._get(self._by_first.get((kind, skeleton(toks[0])), ()))
                if is_family_name_first(short, e.name) and e not in found
            ]
        return found

    def short_nodes(self, full: str, kinds: Iterable[str], acronyms: bool) -> list[Entity]:
        """Entities of `kinds` whose name is a short form (or, with `acronyms`, the acronym) of `full`."""
        toks = tokens(full)
        out: list[Entity] = []
        for kind in kinds:
            if toks:
                out += [
                    e
                    for e in self._get(self._by_last.get((kind, skeleton(toks[-1])), ()))
                    if is_short_form(e.name, full)
                ]
                if len(toks) >= 2:
                    out += [
                        e
                        for e in self._get(self._by_last.get((kind, skeleton(toks[0])), ()))
                        if is_family_name_first(e.name, full) and e not in out
                    ]
            if acronyms and (acr := acronym(full)):
                out += [e for e in self.by_name(acr) if e.kind == kind and looks_like_acronym(e.name)]
        return out

    def by_acronym(self, acr: str, kind: str) -> list[Entity]:
        """Entities of `kind` whose initials spell `acr`."""
        return self._get(self._by_acronym.get((kind, normalize_name(acr).replace(" ", "")), ()))
