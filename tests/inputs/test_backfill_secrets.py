"""The Neo4j password never travels to the Spark executors: not in a pickled task, not in the conf,
not in the environment Spark ships; the executors read it from their own environment."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from graph.errors import ConfigError


@pytest.mark.neo4j
@pytest.mark.slow
def test_password_is_not_shipped_and_executors_still_write(
    tmp_path: Path, neo4j_service: dict[str, str], neo4j_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyspark.core.rdd as spark_rdd

    from graph.settings import Settings
    from loaders import backfill, spark_inputs

    password = neo4j_service["NEO4J_PASSWORD"]
    shipped: list[bytes] = []
    shipped_env: list[dict[str, str]] = []
    confs: list[list[tuple[str, str]]] = []
    prepare, session = spark_rdd._prepare_for_python_RDD, backfill.spark_session

    def capture_prepare(sc: Any, command: Any) -> Any:  # every Python function Spark ships, serialised
        pickled, broadcasts, env, includes = prepare(sc, command)
        shipped.append(bytes(pickled))
        shipped_env.append(dict(env))
        return pickled, broadcasts, env, includes

    def capture_session(master: str | None) -> Any:
        spark = session(master)
        confs.append(list(spark.sparkContext.getConf().getAll()))
        return spark

    monkeypatch.setattr(spark_rdd, "_prepare_for_python_RDD", capture_prepare)
    monkeypatch.setattr(backfill, "spark_session", capture_session)
    # The password is only in the settings, as `kg backfill` gets it; the driver hands it on.
    for name in ("NEO4J_PASSWORD", "NEO4J_PASSWORD_FILE"):
        monkeypatch.setenv(name, "placeholder")
        monkeypatch.delenv(name)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # restored afterwards, as the password
    settings = Settings(  # type: ignore[call-arg]
        KG_HOME=tmp_path / "home", KG_STORE="neo4j", KG_RESOLVE=False, **neo4j_service
    )
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        json.dumps(
            {"url": "http://wire.test/9", "text": "Russia condemned the sanctions of the European Union."}
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "pact.txt").write_text(
        "France and Germany signed a defence pact in Berlin.\n", encoding="utf-8"
    )

    summary = backfill.run_backfill(
        [str(corpus), str(tmp_path / "pact.txt")],
        backfill.BackfillOptions(master="local[2]"),
        settings=settings,
    )

    assert summary.failures == [] and len(summary.report.articles_added) == 2
    assert neo4j_store.stats().articles == 2  # the executors connected, with a password they read locally
    assert len(shipped) >= 2  # the file and the record partition functions at least
    uri = neo4j_service["NEO4J_URI"].encode()
    assert any(uri in blob for blob in shipped)  # the capture sees the target the tasks carry...
    secret = password.encode()  # ...and the password is not part of it
    assert all(secret not in blob for blob in shipped)
    assert all(password not in value for env in shipped_env for value in env.values())
    assert confs and all(password not in value for key, value in confs[0])
    # the executors' Python daemon is ours: it loads the pipeline once before forking the workers
    assert ("spark.python.daemon.module", "loaders.spark_daemon") in confs[0]
    # local mode: the JVM's own flags (Spark adds its defaults before them)
    assert spark_inputs.LOCAL_JVM_OPTIONS in dict(confs[0])["spark.driver.extraJavaOptions"]


def test_executor_password_comes_from_its_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loaders.spark_tasks import Neo4jTarget, executor_password

    assert "password" not in Neo4jTarget.__dataclass_fields__
    monkeypatch.setenv("NEO4J_PASSWORD", "from-env")
    assert executor_password() == "from-env"
    monkeypatch.delenv("NEO4J_PASSWORD")
    secret = tmp_path / "neo4j-password"
    secret.write_text("from-file\n", encoding="utf-8")
    secret.chmod(0o600)
    monkeypatch.setenv("NEO4J_PASSWORD_FILE", str(secret))
    assert executor_password() == "from-file"
    monkeypatch.setenv("NEO4J_PASSWORD_FILE", str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="cannot read"):
        executor_password()
    monkeypatch.delenv("NEO4J_PASSWORD_FILE")
    with pytest.raises(ConfigError, match="neither NEO4J_PASSWORD nor NEO4J_PASSWORD_FILE"):
        executor_password()
