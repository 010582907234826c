"""The distributed backfill: a corpus into Neo4j on Apache Spark (`kg backfill`, or `spark-submit`).

The corpus (WARC/ARC files, JSON Lines, Parquet, or folders of any readable files) is distributed as
RDDs of plain values (file paths; JSON Lines byte ranges, loaders/jsonl_split.py) or, for Parquet, a
DataFrame; `mapPartitions` runs the same pure `SourceArticle -> Extraction` function as `kg ingest`
(`Extractor`, spaCy loaded once per executor by its Python daemon, loaders/spark_daemon.py), and the extractions are written with the
project's one `Neo4jStore.upsert`, in batches. Sharing the upsert makes the result equal
to `kg ingest` (ids, counts, evidence); docs/inputs.md says why the Neo4j Spark connector was not used.

Writing: each task writes its extractions in batches as it makes them ("streaming",
loaders/spark_stream.py), extracting ahead while it writes; with `writers` below the task slots (a
cluster in front of one Neo4j), the extractions are persisted and written from `writers` partitions,
entities first.

Inputs are processed in waves of files; a wave's files are marked finished (state file) once written,
so an interrupted backfill re-run with `--resume` skips them and redoes only the wave it was in, which
adds no evidence twice because the upsert is idempotent.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import InvalidInput
from graph.results import UpsertReport
from loaders.runner import RunSummary
from loaders.runstate import FinishedInputs
from loaders.source import ReadFailure
from loaders.spark_inputs import classify, extracted_rdd, spark_session
from loaders.spark_stream import log_task_timings, write_stream
from loaders.spark_tasks import Neo4jTarget, password_for_executors, write_partition

if TYPE_CHECKING:
    from graph.settings import Settings
    from loaders.progress import RunProgress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackfillOptions:
    """How a backfill runs."""

    master: str | None = "local[2]"  # None: what spark-submit (or spark-defaults) says
    writers: int | None = None  # tasks writing to Neo4j at once; None: every running task (streaming)
    batch_size: int = 200
    resume: bool = False
    wave_files: int = 64  # files per wave: the unit of resumption


def run_backfill(
    paths: list[str], opts: BackfillOptions, *, settings: Settings, progress: RunProgress | None = None
) -> RunSummary:
    """Backfill `paths` into the Neo4j of `settings`; returns what `kg ingest` would report."""
    from graph.errors import BadArticle

    target = Neo4jTarget.from_settings(settings)
    files, jsonl, parquet = classify(paths)
    every = [*files, *jsonl, *parquet]
    if not every:
        raise InvalidInput(
            f"nothing to backfill in {' '.join(paths)}", hint="pass WARC, JSONL or Parquet files"
        )
    finished = FinishedInputs(settings.home / "state" / "backfill-neo4j.json")
    summary = RunSummary()
    todo = [p for p in every if not (opts.resume and finished.is_finished(p))]
    summary.skipped_inputs = len(every) - len(todo)
    if progress is not None:
        progress.set_total(len(every))
        progress.update(inputs=summary.skipped_inputs)
    if not todo:
        return summary
    password_for_executors(settings)
    spark = spark_session(opts.master)
    max_bytes, batch = settings.max_article_bytes, opts.batch_size
    slots = int(spark.sparkContext.defaultParallelism)
    streaming = opts.writers is None or opts.writers >= slots
    # Local mode: the tasks share this machine, and take turns to write (loaders/spark_stream.py).
    turn = None
    if str(spark.sparkContext.master).startswith("local"):
        lock = (settings.home / "state" / "backfill-write.lock").resolve()
        lock.parent.mkdir(parents=True, exist_ok=True)
        turn = str(lock)
    log.info(
        "backfill on %s task slots: %s", slots, "streaming writes" if streaming else f"{opts.writers} writers"
    )
    try:
        for start in range(0, len(todo), max(1, opts.wave_files)):
            wave = todo[start : start + opts.wave_files]
            parts = (
                [p for p in wave if p in files],
                [p for p in wave if p in jsonl],
                [p for p in wave if p in parquet],
            )
            t0 = time.perf_counter()
            if streaming:
                report, fails = _stream_wave(spark, parts, max_bytes, target, batch, turn)
            else:
                report, fails = _two_pass_wave(spark, parts, max_bytes, target, batch, opts.writers or 1)
            log.info("wave of %d inputs: %.1f s", len(wave), time.perf_counter() - t0)
            for line in fails:
                where, _, message = line.partition("\t")
                summary.failures.append(ReadFailure(where, BadArticle(message)))
            summary.report.add(report)
            summary.read += len(report.articles_added) + len(report.articles_merged) + len(fails)
            finished.mark(list(wave))
            if progress is not None:
                progress.update(
                    inputs=len(wave),
                    articles=len(report.articles_added) + len(report.articles_merged),
                    errors=len(fails),
                )
    finally:
        spark.stop()
    return summary


Wave = tuple[list[Path], list[Path], list[Path]]


def _stream_wave(
    spark: Any, parts: Wave, max_bytes: int, target: Neo4jTarget, batch: int, turn: str | None
) -> tuple[UpsertReport, list[str]]:
    """Each task extracts its partition and writes it in batches as it goes: one pass, no persist.

    Writers are the running tasks (one per core); each extracts ahead while it writes or waits.
    """
    began, t0 = time.time(), time.perf_counter()
    rdd = extracted_rdd(spark, *parts, max_bytes, then=lambda it: write_stream(it, target, batch, turn))
    built = time.perf_counter() - t0
    out = rdd.collect()
    ended = time.time()
    log_task_timings([json.loads(data) for tag, data in out if tag == "timing"], began, ended, built)
    report = _sum_reports(data for tag, data in out if tag == "report")
    return report, [data for tag, data in out if tag == "fail"]


def _two_pass_wave(
    spark: Any, parts: Wave, max_bytes: int, target: Neo4jTarget, batch: int, writers: int
) -> tuple[UpsertReport, list[str]]:
    """Fewer writers than tasks (a cluster in front of one Neo4j): extract on every core and persist,
    then write from `writers` partitions, entities first, so that writers do not wait on node locks."""
    from pyspark import StorageLevel

    rdd = extracted_rdd(spark, *parts, max_bytes).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        fails = rdd.filter(lambda kv: kv[0] == "fail").map(lambda kv: kv[1]).collect()
        ok = rdd.filter(lambda kv: kv[0] == "ok").coalesce(max(1, writers))
        first = _collect_reports(ok, target, batch, entities_only=True)
        second = _collect_reports(ok, target, batch, entities_only=False)
    finally:
        rdd.unpersist()
    return _combine(first, second), fails


def _collect_reports(ok: Any, target: Neo4jTarget, batch: int, *, entities_only: bool) -> UpsertReport:
    return _sum_reports(
        ok.mapPartitions(lambda rows: write_partition(rows, target, batch, entities_only)).collect()
    )


def _sum_reports(reports: Iterable[str]) -> UpsertReport:
    total = UpsertReport()
    for data in reports:
        total.add(UpsertReport.model_validate(json.loads(data)))
    # Two partitions creating one entity at once both see it as new: count it once, as one writer would.
    for kind in ("articles", "entities", "relations", "events"):
        added = list(dict.fromkeys(getattr(total, f"{kind}_added")))
        new = set(added)
        merged = [i for i in dict.fromkeys(getattr(total, f"{kind}_merged")) if i not in new]
        setattr(total, f"{kind}_added", added)
        setattr(total, f"{kind}_merged", merged)
    return total


def _combine(entities_pass: UpsertReport, full_pass: UpsertReport) -> UpsertReport:
    """What one pass would have reported: articles and entities were created by the first pass."""
    return UpsertReport(
        articles_added=entities_pass.articles_added,
        articles_merged=entities_pass.articles_merged,
        entities_added=entities_pass.entities_added,
        entities_merged=entities_pass.entities_merged,
        relations_added=full_pass.relations_added,
        relations_merged=full_pass.relations_merged,
        events_added=full_pass.events_added,
        events_merged=full_pass.events_merged,
        evidence_added=full_pass.evidence_added,
    )


def main(argv: list[str] | None = None) -> None:
    """`spark-submit scripts/spark_backfill.py [--writers N] PATH...`: the master comes from spark-submit."""
    import argparse

    from graph.settings import get_settings

    parser = argparse.ArgumentParser(prog="backfill", description="Backfill a corpus into Neo4j on Spark.")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--writers", type=int, default=None, help="default: every task writes (streaming)")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--resume", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    # Under spark-submit the master comes from its --master (None here leaves it alone).
    master = os.environ.get("MASTER")
    opts = BackfillOptions(
        master=master, writers=args.writers, batch_size=args.batch_size, resume=args.resume
    )
    summary = run_backfill(args.paths, opts, settings=get_settings())
    log.info(
        "backfill: %d read, %d failed, %d skipped inputs",
        summary.read,
        len(summary.failures),
        summary.skipped_inputs,
    )


if __name__ == "__main__":
    main()
