"""The resolver's index of the graph's entities: by normalised name and alias, transliteration key,
consonant skeleton of the last (and for persons the first) word, and acronym (docs/resolution.md).

On a store that can look entities up by these keys (`KeyLookup`: the embedded store keeps them in its
search index) the index is *lazy*: each bucket is read from the store the first time the resolver asks
for it, so an ingest costs what its batch names, not what the graph holds. The answers are the same as
with every entity loaded: a bucket is the store's entities with that key, minus what this index has
removed or replaced, plus what it added. Other stores are read whole (`from_store`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from graph.model import Entity, normalize_name
from graph.names import (
    acronym,
    is_family_name_first,
    is_short_form,
    is_variant,
    last_words,
    looks_like_acronym,
    phonetic_key,
    skeleton,
    tokens,
)
from graph.store import GraphStore

PAGE = 5000
SEP = "\x1f"  # between a key's table, kind and value (normalised names never hold it)


@runtime_checkable
class KeyLookup(Protocol):
    """A store that finds entities by the resolution keys of `resolution_keys` (kept at every write)."""

    def entities_by_resolution_key(self, keys: list[str]) -> list[Entity]:
        """The stored entities having any of these keys."""
        ...

    def entities_by_id(self, ids: list[str]) -> list[Entity]:
        """The stored entities with these ids (those that exist)."""
        ...


def resolution_keys(e: Entity) -> list[str]:
    """Every bucket `EntityIndex` files `e` under, as strings: what a `KeyLookup` store must index."""
    keys = {f"name{SEP}{SEP}{normalize_name(n)}" for n in (e.name, *e.aliases)}
    keys |= {f"{table}{SEP}{kind}{SEP}{key}" for table, (kind, key) in _buckets(e)}
    return sorted(keys)


def _buckets(e: Entity) -> Iterator[tuple[str, tuple[str, str]]]:
    for n in (e.name, *e.aliases):
        if tokens(n):
            yield "phon", (e.kind, phonetic_key(n))
    toks = tokens(e.name)
    for word in last_words(toks):  # "Carlos Mendoza Jr." is also found by "Mendoza"
        yield "last", (e.kind, skeleton(word))
    if e.kind == "person" and len(toks) >= 2:
        yield "first", (e.kind, skeleton(toks[0]))
    if acr := acronym(e.name):
        yield "acronym", (e.kind, acr)


class EntityIndex:
    """Entities of the graph by normalised name, transliteration key, last-word skeleton and acronym."""

    def __init__(self, source: KeyLookup | None = None) -> None:
        self.ents: dict[str, Entity] = {}  # loaded (or added) so far; use `get` to load on demand
        self._by_key: dict[str, set[str]] = {}
        self._by: dict[str, dict[tuple[str, str], set[str]]] = {
            t: {} for t in ("phon", "last", "first", "acronym")
        }
        self._source = source
        self._fetched: set[str] = set()  # buckets read from the source
        self._removed: set[str] = set()  # ids this index removed: the source's copy no longer counts

    @classmethod
    def for_resolution(cls, store: GraphStore) -> EntityIndex:
        """Lazy on a `KeyLookup` store, else every entity of the store."""
        if isinstance(store, KeyLookup):
            return cls(source=store)
        return cls.from_store(store)

    def _fetch(self, key: str) -> None:
        """Load the source's entities of one bucket (once), unless this index removed or replaced them."""
        if self._source is None or key in self._fetched:
            return
        self._fetched.add(key)
        for e in self._source.entities_by_resolution_key([key]):
            if e.id not in self.ents and e.id not in self._removed:
                self._index(e)

    def _bucket(self, table: str, kind: str, key: str) -> set[str]:
        self._fetch(f"{table}{SEP}{kind}{SEP}{key}")
        return self._by[table].get((kind, key), set())

    def _name_bucket(self, name: str) -> set[str]:
        key = normalize_name(name)
        self._fetch(f"name{SEP}{SEP}{key}")
        return self._by_key.get(key, set())

    def get(self, eid: str) -> Entity | None:
        """The entity with this id: loaded, added, or read from the source; None if unknown or removed."""
        if eid not in self.ents and eid not in self._removed and self._source is not None:
            for e in self._source.entities_by_id([eid]):
                self._index(e)
        return self.ents.get(eid)

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

    def add(self, e: Entity) -> None:
        """Index `e` (replacing an older copy of the same id, also one the source holds)."""
        self._removed.discard(e.id)
        self._index(e)

    def _index(self, e: Entity) -> None:
        self._unindex(e.id)
        self.ents[e.id] = e
        for n in (e.name, *e.aliases):
            self._by_key.setdefault(normalize_name(n), set()).add(e.id)
        for table, key in _buckets(e):
            self._by[table].setdefault(key, set()).add(e.id)

    def _unindex(self, eid: str) -> None:
        e = self.ents.pop(eid, None)
        if e is None:
            return
        for n in (e.name, *e.aliases):
            self._by_key.get(normalize_name(n), set()).discard(eid)
        for table, key in _buckets(e):
            self._by[table].get(key, set()).discard(eid)

    def remove(self, eid: str) -> None:
        """Forget the entity with this id (the source's copy too)."""
        self._unindex(eid)
        self._removed.add(eid)

    def _get(self, ids: Iterable[str]) -> list[Entity]:
        return sorted((self.ents[i] for i in ids if i in self.ents), key=lambda e: e.id)

    def by_name(self, name: str) -> list[Entity]:
        """Entities whose name or an alias normalises like `name`."""
        return self._get(self._name_bucket(name))

    def variants(self, name: str, kind: str) -> list[Entity]:
        """Entities of `kind` whose name is a transliteration variant of `name`."""
        found = set(self._bucket("phon", kind, phonetic_key(name)))
        toks = tokens(name)
        if toks:
            for e in self._get(self._bucket("last", kind, skeleton(toks[-1]))):
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
            for e in self._get(self._bucket("last", kind, skeleton(toks[-1])))
            if is_short_form(short, e.name)
        ]
        if kind == "person" and len(toks) == 1:
            found += [
                e
                for e in self._get(self._bucket("first", kind, skeleton(toks[0])))
                if is_family_name_first(short, e.name) and e not in found
            ]
        return found

    def short_nodes(self, full: str, kinds: Iterable[str], acronyms: bool) -> list[Entity]:
        """Entities of `kinds` whose name is a short form (or, with `acronyms`, the acronym) of `full`."""
        toks = tokens(full)
        out: list[Entity] = []
        for kind in kinds:
            for word in last_words(toks):
                out += [
                    e
                    for e in self._get(self._bucket("last", kind, skeleton(word)))
                    if is_short_form(e.name, full) and e not in out
                ]
                if len(toks) >= 2:
                    out += [
                        e
                        for e in self._get(self._bucket("last", kind, skeleton(toks[0])))
                        if is_family_name_first(e.name, full) and e not in out
                    ]
            if acronyms and (acr := acronym(full)):
                out += [e for e in self.by_name(acr) if e.kind == kind and looks_like_acronym(e.name)]
        return out

    def by_acronym(self, acr: str, kind: str) -> list[Entity]:
        """Entities of `kind` whose initials spell `acr`."""
        return self._get(self._bucket("acronym", kind, normalize_name(acr).replace(" ", "")))
