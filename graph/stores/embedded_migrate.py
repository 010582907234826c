"""Migration of the old single-file embedded store (`KG_HOME/graph.json`) into the LadybugDB store."""

from __future__ import annotations

import json
import logging
import os
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import StoreUnavailable
from graph.model import Article, Entity, Event, Relation
from graph.stores.embedded_write import put_records
from graph.stores.props import article_props

if TYPE_CHECKING:
    from graph.stores.embedded_sessions import EmbeddedSessions

log = logging.getLogger(__name__)
CHUNK = 5000


def _chunks(items: list[Any]) -> list[list[Any]]:
    it = iter(items)
    return list(iter(lambda: list(islice(it, CHUNK)), []))


def migrate_json(store: EmbeddedSessions, path: Path) -> Path:
    """Import `path` (format 1) in chunks, then rename it to `graph.json.migrated`; returns the new name.

    Each chunk is one transaction and writing a record twice changes nothing, so a migration that dies
    half-way simply runs again on the next open.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != 1:
            raise ValueError(f"unknown format {data.get('format')!r}")
        ents = [Entity.model_validate(e) for e in data["entities"]]
        rels = [Relation.model_validate(r) for r in data["relations"]]
        evts = [Event.model_validate(e) for e in data["events"]]
        arts = [article_props(Article.model_validate(a)) for a in data["articles"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreUnavailable(
            f"the old embedded graph at {path} cannot be migrated: {exc}",
            hint=f"move {path} away and re-ingest the articles with `kg ingest`",
            path=str(path),
        ) from exc
    log.info("migrating %s: %d entities, %d relations, %d events", path, len(ents), len(rels), len(evts))
    for chunk in _chunks(arts):
        store.files_write(lambda conn, c=chunk: put_records(conn, [], [], [], c))
    for chunk in _chunks(ents):
        store.files_write(lambda conn, c=chunk: put_records(conn, c, [], [], []))
    for chunk in _chunks(rels):
        store.files_write(lambda conn, c=chunk: put_records(conn, [], c, [], []))
    for chunk in _chunks(evts):
        store.files_write(lambda conn, c=chunk: put_records(conn, [], [], c, []))
    done = path.with_name(path.name + ".migrated")
    os.replace(path, done)
    log.info("migrated the old embedded graph; the original is kept as %s", done)
    return done
