"""The executor side of the Spark backfill (loaders/backfill.py): what runs inside `mapPartitions`.

Plain functions of plain values (cloudpickle ships them by reference to this module): extraction with
one spaCy pipeline per executor Python worker, and batched writes through `Neo4jStore.upsert`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import ConfigError
from graph.model import Extraction
from loaders.readers import from_record, read_input
from loaders.source import ReadFailure, SourceArticle

if TYPE_CHECKING:
    from graph.settings import Settings
    from loaders.pipeline import Extractor


PASSWORD_ENV = "NEO4J_PASSWORD"
PASSWORD_FILE_ENV = "NEO4J_PASSWORD_FILE"


@dataclass(frozen=True)
class Neo4jTarget:
    """Where the executors write: plain, picklable values shipped in the tasks' closures.

    No password: everything in a closure or in the Spark conf is serialised to every executor (and the
    conf shows in the UI and event logs). An executor reads the password from its own environment
    (`executor_password`); docs/inputs.md, "The Neo4j password", says how it gets there.
    """

    uri: str
    user: str
    database: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Neo4jTarget:
        if not settings.neo4j_uri:
            raise ConfigError(
                "kg backfill writes into Neo4j, and NEO4J_URI is not set",
                hint="start it with `kg neo4j start` and export the NEO4J_URI it prints",
            )
        return cls(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_database)


def executor_password() -> str:
    """The Neo4j password where a task runs: `NEO4J_PASSWORD`, else the file `NEO4J_PASSWORD_FILE` names."""
    if value := os.environ.get(PASSWORD_ENV):
        return value
    if where := os.environ.get(PASSWORD_FILE_ENV):
        try:
            return Path(where).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(
                f"{PASSWORD_FILE_ENV} names {where}, which this executor cannot read: {exc.strerror}",
                hint="provision the file on every worker (a cluster secret mounted as a file, mode 0600)",
            ) from exc
    raise ConfigError(
        f"this Spark executor has neither {PASSWORD_ENV} nor {PASSWORD_FILE_ENV} in its environment",
        hint="the backfill never ships the Neo4j password; give the executors one of the two "
        "(docs/inputs.md, 'The Neo4j password')",
    )


def password_for_executors(settings: Settings) -> None:
    """Put the Neo4j password where executors started from here read it: this process's environment.

    Before the JVM starts, so that it inherits the variable and passes it on to the Python workers it
    forks (local mode: all the executors). Nothing is added to the Spark conf or to any closure.
    Executors on a cluster read their own environment instead (docs/inputs.md).
    """
    if not os.environ.get(PASSWORD_ENV) and not os.environ.get(PASSWORD_FILE_ENV):
        os.environ[PASSWORD_ENV] = settings.neo4j_password.get_secret_value()


@lru_cache(maxsize=1)
def executor_extractor() -> Extractor:
    """The spaCy pipeline and gazetteer, loaded once per process and reused (in a backfill, by the daemon
    before it forks the Python workers: loaders/spark_daemon.py)."""
    from loaders.pipeline import Extractor

    return Extractor()


def extract_partition(
    items: Iterable[SourceArticle | ReadFailure], chunk: int = 64
) -> Iterator[tuple[str, Extraction | str]]:
    """`("ok", Extraction)` or `("fail", "where\\tmessage")` for each item, in order."""
    pending: list[SourceArticle] = []

    def drain() -> Iterator[tuple[str, Extraction | str]]:
        for ex in executor_extractor().extract_many(pending):
            yield ("ok", ex)
        pending.clear()

    for item in items:
        if isinstance(item, ReadFailure):
            yield ("fail", f"{item.path}\t{item.error.message}")
            continue
        pending.append(item)
        if len(pending) >= chunk:
            yield from drain()
    yield from drain()


def files_partition(paths: Iterable[str], max_bytes: int) -> Iterator[tuple[str, Extraction | str]]:
    """File paths: each file read by the `kg ingest` readers (archives streamed), extracted."""

    def items() -> Iterator[SourceArticle | ReadFailure]:
        for path in paths:
            for got in read_input(Path(path), max_bytes=max_bytes):
                if isinstance(got, SourceArticle | ReadFailure):
                    yield got  # extraction files are for `kg ingest`; a backfill reads articles

    return extract_partition(items())


def records_partition(rows: Iterable[Any], max_bytes: int) -> Iterator[tuple[str, Extraction | str]]:
    """Rows of article records (JSON Lines, Parquet) as `kg ingest` reads them."""
    from graph.errors import KGError

    def items() -> Iterator[SourceArticle | ReadFailure]:
        for n, row in enumerate(rows):
            record = {k: str(v) for k, v in row.asDict().items() if v is not None}
            where = record.get("url") or f"record {n}"
            try:
                yield from_record(record, max_bytes=max_bytes, where=where)
            except KGError as exc:
                yield ReadFailure(where, exc)

    return extract_partition(items())


def as_json(outcomes: Iterable[tuple[str, Extraction | str]]) -> Iterator[tuple[str, str]]:
    """Outcomes as plain strings, for an RDD that Spark persists between the extraction and the writes."""
    for tag, value in outcomes:
        yield (tag, value.model_dump_json() if isinstance(value, Extraction) else value)


def upsert_with(target: Neo4jTarget, extractions: Iterable[Extraction], batch_size: int) -> str:
    """Upsert through one driver of this task; the report as JSON."""
    from neo4j import GraphDatabase

    from graph.stores.neo4j import Neo4jStore

    driver = GraphDatabase.driver(target.uri, auth=(target.user, executor_password()))
    try:
        store = Neo4jStore(driver, database=target.database)
        return store.upsert(extractions, batch_size=batch_size).model_dump_json()
    finally:
        driver.close()


def write_partition(
    rows: Iterable[tuple[str, str]], target: Neo4jTarget, batch_size: int, entities_only: bool
) -> Iterator[str]:
    """Upsert a partition of persisted extractions (JSON) in batches; yields the report as JSON."""

    def extractions() -> Iterator[Extraction]:
        for _, data in rows:
            ex = Extraction.model_validate_json(data)
            yield ex.model_copy(update={"relations": [], "events": []}) if entities_only else ex

    yield upsert_with(target, extractions(), batch_size)
