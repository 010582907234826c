"""Spark's side of the backfill: the session, and a corpus as one RDD of extraction outcomes.

The inputs (files read by the readers, JSON Lines byte ranges, Parquet) are distributed as plain values
or, for Parquet, a DataFrame; each partition runs the same `SourceArticle -> Extraction` function as
`kg ingest` (loaders/spark_tasks.py). loaders/backfill.py drives the waves and the writes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from graph.errors import ConfigError, InvalidInput
from graph.model import Extraction
from loaders.jsonl_split import chunk_articles, cut
from loaders.readers import expand_inputs
from loaders.spark_tasks import as_json, extract_partition, files_partition, records_partition

RECORD_FIELDS = ("id", "title", "source", "url", "published", "text", "html")
JSON_SUFFIXES = (".jsonl", ".json", ".jsonl.gz", ".json.gz")
PARQUET_SUFFIXES = (".parquet",)
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def classify(paths: list[str]) -> tuple[list[Path], list[Path], list[Path]]:
    """Inputs as (files read by the readers, JSON Lines files, Parquet files); Spark's markers skipped."""
    files, jsonl, parquet = [], [], []
    for item in expand_inputs(paths):
        if item == "-":
            raise InvalidInput("kg backfill reads files, not standard input", hint="pass files or folders")
        path = Path(item)
        name = path.name.lower()
        if name.startswith("_") or name.endswith(".crc"):
            continue  # _SUCCESS, _metadata and checksums beside Spark/Parquet output
        if name.endswith(PARQUET_SUFFIXES):
            parquet.append(path)
        elif name.endswith(JSON_SUFFIXES):
            jsonl.append(path)
        else:
            files.append(path)
    return files, jsonl, parquet


def spark_session(master: str | None) -> Any:
    """A Spark session whose Python workers run this interpreter (so they see the installed project)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError(
            "kg backfill needs PySpark", hint="pip install 'actorgraph[spark]' (Java 17 must be installed)"
        ) from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local mode listens on loopback only
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1"
        )
        # The local JVM only schedules tasks and moves rows to and from Python: its optimising JIT and
        # parallel GC cost more CPU than they save (a session and a small job on one core: 18-21 JVM CPU
        # s, 11.5 with these; docs/inputs.md). The flags only apply where PySpark starts the JVM.
        builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS)
    spark = (
        builder.appName("actorgraph-backfill")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")  # our own progress line instead
        .config("spark.python.worker.reuse", "true")  # one spaCy load per worker, not per task
        # and one per executor: the daemon that forks the workers loads it first (loaders/spark_daemon.py)
        .config("spark.python.daemon.module", "loaders.spark_daemon")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spread(spark: Any, df: Any) -> Any:
    """At least two partitions per core: one small file is one partition, which one core would do alone."""
    target = spark.sparkContext.defaultParallelism * 2
    return df.repartition(target) if df.rdd.getNumPartitions() < target else df


Outcomes = Iterator[tuple[str, Extraction | str]]


def extracted_rdd(
    spark: Any,
    files: list[Path],
    jsonl: list[Path],
    parquet: list[Path],
    max_bytes: int,
    then: Callable[[Outcomes], Iterator[tuple[str, str]]] = as_json,
) -> Any:
    """One RDD for a wave of inputs: each partition's extraction outcomes, passed through `then` in the
    same task (serialised for a later write, or written at once).

    Files and JSON Lines are distributed as plain values (paths, byte ranges: `parallelize`), not as
    DataFrames: a DataFrame read costs query planning and, to spread one file over the cores, a
    shuffle, before the first task starts (figures in docs/inputs.md): time that no extra core
    shortens. Parquet is columnar and needs Spark's reader: it stays a DataFrame.
    """
    sc = spark.sparkContext
    slots = 2 * int(sc.defaultParallelism)  # two partitions per core: a slow one does not hold up the wave
    parts = []
    if files:
        paths = sc.parallelize([str(p) for p in files], max(1, min(len(files), slots)))
        parts.append(paths.mapPartitions(lambda rows: then(files_partition(rows, max_bytes))))
    if jsonl:
        chunks = cut(jsonl, slots)
        ranges = sc.parallelize(chunks, max(1, min(len(chunks), slots)))
        parts.append(
            ranges.mapPartitions(lambda rows: then(extract_partition(chunk_articles(rows, max_bytes))))
        )
    if parquet:
        df = spark.read.parquet(*[str(p) for p in parquet])
        df = spread(spark, df.select(*[c for c in RECORD_FIELDS if c in df.columns]))
        parts.append(df.rdd.mapPartitions(lambda rows: then(records_partition(rows, max_bytes))))
    rdd = parts[0]
    for more in parts[1:]:
        rdd = rdd.union(more)
    return rdd
