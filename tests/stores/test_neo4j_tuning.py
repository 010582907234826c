"""The bundled server's memory settings: sized from the machine, overridable, and what Neo4j runs with."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import LauncherError
from graph.neo4j_server.launcher import Launcher
from graph.neo4j_server.tuning import ServerTuning, parse_size_mb
from tests.conftest import free_port


def test_sizes_follow_the_machine_within_bounds() -> None:
    assert ServerTuning.for_machine(total_mb=24 * 1024) == ServerTuning(heap_mb=3072, pagecache_mb=1536)
    # A small machine gets the floors, a large one the ceilings.
    assert ServerTuning.for_machine(total_mb=2048) == ServerTuning(heap_mb=1024, pagecache_mb=256)
    assert ServerTuning.for_machine(total_mb=256 * 1024) == ServerTuning(heap_mb=4096, pagecache_mb=2048)


def test_overrides_win_and_bad_sizes_are_refused() -> None:
    tuning = ServerTuning.for_machine(heap="2g", pagecache="300m", total_mb=64 * 1024)
    assert tuning == ServerTuning(heap_mb=2048, pagecache_mb=300)
    assert tuning.jvm_args()[:2] == ["-Xms2048m", "-Xmx2048m"]  # reserved at start: initial = max
    assert "server.memory.pagecache.size=300m\n" in tuning.conf()
    assert parse_size_mb("1048576k", "X") == 1024
    with pytest.raises(LauncherError, match="not a size"):
        ServerTuning.for_machine(heap="lots")
    with pytest.raises(LauncherError, match="below 128"):
        ServerTuning.for_machine(pagecache="64m")


@pytest.mark.neo4j
def test_the_server_runs_with_the_written_settings(tmp_path: Path) -> None:
    """A real server started by the launcher reports the sizes asked for, the off-heap transaction
    state, and keeps the security settings the conf file cannot loosen."""
    from neo4j import GraphDatabase

    launcher = Launcher(
        tmp_path / "neo4j", port=free_port(), password="tuning-test", heap="640m", pagecache="160m"
    )
    uri = launcher.start(wait=180.0)
    try:
        pid = launcher.status().pid
        assert pid is not None
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert b"-Xms640m" in cmdline and b"-Xmx640m" in cmdline
        with GraphDatabase.driver(uri, auth=("neo4j", "tuning-test")) as driver:
            records, _, _ = driver.execute_query(
                "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
                names=[
                    "server.memory.pagecache.size",
                    "db.tx_state.memory_allocation",
                    "dbms.security.allow_csv_import_from_file_urls",
                ],
            )
        settings = {r["name"]: r["value"] for r in records}
        assert settings["server.memory.pagecache.size"] in ("160.00MiB", "167772160", "160m")
        assert settings["db.tx_state.memory_allocation"] == "OFF_HEAP"
        assert settings["dbms.security.allow_csv_import_from_file_urls"] == "false"
        # Neo4j falls back to the heap, with only a warning, when the JVM does not open java.nio to it.
        debug_log = (tmp_path / "neo4j" / "data" / "logs" / "debug.log").read_text(errors="replace")
        assert "Defaulting to ON_HEAP" not in debug_log
    finally:
        launcher.stop()
