"""The backfill's PySpark daemon loads the extraction pipeline before it forks workers
(loaders/spark_daemon.py), and a failed load never stops the daemon."""

from __future__ import annotations

import logging

import pytest

from graph.errors import ModelMissing
from loaders import spark_daemon, spark_tasks
from loaders.relations import learned


def test_preload_leaves_the_pipeline_and_weights_loaded_for_the_forked_workers() -> None:
    spark_tasks.executor_extractor.cache_clear()
    learned.load_model.cache_clear()
    spark_daemon.preload()
    assert spark_tasks.executor_extractor.cache_info().currsize == 1
    assert learned.load_model.cache_info().currsize == 1
    # what a task then gets is the preloaded pipeline, not a second load
    first = spark_tasks.executor_extractor()
    assert spark_tasks.executor_extractor() is first
    assert spark_tasks.executor_extractor.cache_info().misses == 1
    assert "actorgraph_relation_patterns" in first.nlp.pipe_names


def test_a_failed_preload_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing() -> None:
        raise ModelMissing("the spaCy model is not installed")

    monkeypatch.setattr(spark_tasks, "executor_extractor", missing)
    with caplog.at_level(logging.WARNING, logger="loaders.spark_daemon"):
        spark_daemon.preload()
    assert "not preloaded" in caplog.text
    assert "the spaCy model is not installed" in caplog.text
