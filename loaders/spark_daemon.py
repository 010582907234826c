"""PySpark's Python daemon with the extraction pipeline loaded before it forks its workers.

Spark starts one daemon per executor (`python -m <spark.python.daemon.module>`), and the daemon forks
a Python worker for each task slot. With PySpark's own daemon, every worker imports the project and
loads spaCy, the gazetteer and the relation weights itself: `local[2]` paid for two loads where
`local[1]` paid for one (docs/inputs.md, "Backfill speed"). Here the daemon loads them once, then runs
PySpark's daemon loop, so the forked workers share the loaded pipeline (copy-on-write) and
`executor_extractor()` returns it at once: one load per executor process.

A failed load is only logged: the tasks then load the pipeline themselves and report the error as
`kg ingest` would (ModelMissing), instead of a daemon that Spark cannot start.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def preload() -> None:
    """Load what every task needs: the spaCy pipeline, the gazetteer and the learned relation weights."""
    from loaders.relations.learned import load_model
    from loaders.spark_tasks import executor_extractor

    try:
        executor_extractor()
        load_model()
    except Exception as exc:  # the tasks load it again and raise the project's own error
        log.warning("pipeline not preloaded in the PySpark daemon: %s", exc)


def main() -> None:
    from pyspark import daemon

    preload()
    daemon.manager()


if __name__ == "__main__":
    main()
