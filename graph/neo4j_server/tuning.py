"""The bundled server's memory settings, sized from the machine (docs/neo4j.md, "Server settings").

The launcher used to run Neo4j with `-Xmx1g` (a 380 MB initial heap) and a 256 MB page cache whatever
the machine: G1 kept a ~90 MB eden and made 422 young collections in one `bench/ingest.py` run. Now:

- the heap is sized from the machine's memory (an eighth of it, between 1 and 4 GiB) and reserved at
  start (`-Xms` = `-Xmx`, as Neo4j's own tuning guide advises), so the young generation can grow;
- the page cache likewise (a sixteenth, between 256 MiB and 2 GiB): Neo4j allocates it as pages are
  used, so a small graph never takes it all;
- the transaction state lives off the heap (`db.tx_state.memory_allocation=OFF_HEAP`), with the JVM
  flags a packaged Neo4j starts with, without which it silently stays on the heap.

On the loaded machine round 10 saw no change in the ingest's server CPU beyond the noise; on the idle
machine the store's rate went from 0.86x to 0.95x the plain-driver baseline (docs/neo4j.md). They are what
an operator would set, and safe on a user's machine.
`KG_NEO4J_HEAP` and `KG_NEO4J_PAGECACHE` (`512m`, `2g`) override the sizes. Durability is untouched:
transaction logs and their flush on commit stay Neo4j's defaults.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import LauncherError

MIB = 1024 * 1024
HEAP_BOUNDS_MB = (1024, 4096)
PAGECACHE_BOUNDS_MB = (256, 2048)
_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]?)b?\s*$", re.IGNORECASE)


# From the `server.jvm.additional` lines of Neo4j's own neo4j.conf (5.26), which an embedded start does not
# apply. Without `--add-opens java.base/java.nio` Neo4j cannot reach DirectByteBuffer and silently keeps the
# transaction state on the heap ("Defaulting to ON_HEAP" in debug.log). `-XX:+AlwaysPreTouch` is left
# out: it would make the whole heap resident at start on a user's machine.
NEO4J_JVM_DEFAULTS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
)


def machine_memory_mb() -> int:
    """Physical memory, or the cgroup's limit when a container sets a lower one."""
    total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // MIB
    for limit_file in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            raw = Path(limit_file).read_text().strip()
        except OSError:
            continue
        if raw.isdigit():
            total = min(total, int(raw) // MIB)
    return total


def parse_size_mb(value: str, name: str) -> int:
    """`512m`, `2g`, `1048576k` or plain bytes as MiB; a clear error otherwise."""
    match = _SIZE.match(value)
    if not match:
        raise LauncherError(f"{name}={value!r} is not a size", hint="use a size such as 512m or 2g")
    number, unit = int(match.group(1)), match.group(2).lower()
    mb = {"": number // MIB, "k": number // 1024, "m": number, "g": number * 1024}[unit]
    if mb < 128:
        raise LauncherError(f"{name}={value!r} is below 128 MiB", hint="Neo4j needs at least 128m")
    return mb


def _share(total_mb: int, fraction: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return max(low, min(high, total_mb // fraction))


@dataclass(frozen=True)
class ServerTuning:
    """Heap and page cache in MiB; the JVM flags and the neo4j.conf lines they make."""

    heap_mb: int
    pagecache_mb: int

    @classmethod
    def for_machine(cls, heap: str = "", pagecache: str = "", total_mb: int | None = None) -> ServerTuning:
        """Sizes from the machine's memory, unless `heap` / `pagecache` (KG_NEO4J_HEAP / _PAGECACHE) say."""
        total = machine_memory_mb() if total_mb is None else total_mb
        return cls(
            heap_mb=parse_size_mb(heap, "KG_NEO4J_HEAP") if heap else _share(total, 8, HEAP_BOUNDS_MB),
            pagecache_mb=(
                parse_size_mb(pagecache, "KG_NEO4J_PAGECACHE")
                if pagecache
                else _share(total, 16, PAGECACHE_BOUNDS_MB)
            ),
        )

    def jvm_args(self) -> list[str]:
        return [f"-Xms{self.heap_mb}m", f"-Xmx{self.heap_mb}m", "-XX:+UseG1GC", *NEO4J_JVM_DEFAULTS]

    def conf(self) -> str:
        """neo4j.conf for the launcher (`loadPropertiesFromFile`); the security settings are set in code."""
        return "".join(
            f"{key}={value}\n"
            for key, value in (
                ("server.memory.pagecache.size", f"{self.pagecache_mb}m"),
                ("db.tx_state.memory_allocation", "OFF_HEAP"),
            )
        )
