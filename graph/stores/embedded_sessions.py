"""The embedded store's plumbing: its files, read and write sessions, entity memo and lifecycle.

`EmbeddedStore` (embedded.py) answers the `GraphStore` protocol on top of this: every read runs in a
`session()` (a pooled connection on the latest committed state, under the shared file lock), every
write in `files_write()` (one transaction under the exclusive lock; `embedded_db.StoreFiles`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path as FsPath
from typing import Any

from graph.errors import KGError, StoreUnavailable
from graph.model import Entity
from graph.stores import embedded_queries as Q
from graph.stores import embedded_reads as R
from graph.stores.embedded_db import StoreFiles
from graph.stores.embedded_memo import VersionMemo, frozen_entity, thawed_entity
from graph.stores.embedded_search import EmbeddedSearchIndex


class EmbeddedSessions:
    """A LadybugDB database that several processes can share, with its search index beside it.

    `path` is where the store lives: `KG_HOME/graph.json` (the name of the old single-file store, which
    is migrated on open) keeps its database in `KG_HOME/graph.lbug/`; `None` makes a temporary store
    removed at `close()`.
    """

    def __init__(
        self,
        path: FsPath | str | None = None,
        buffer_pool_mb: int = 1024,
        min_free_mb: int = 64,
        checkpoint_mb: int = 8,
        hold_s: float = 30.0,
        readers: int = 4,
    ) -> None:
        self._tmp: str | None = None
        if path is None:
            self._tmp = tempfile.mkdtemp(prefix="actorgraph-")
            path = FsPath(self._tmp) / "graph.json"
        self.path = FsPath(path)
        self.files = StoreFiles(
            self.path.with_suffix(".lbug"),
            buffer_pool_mb=buffer_pool_mb,
            min_free_mb=min_free_mb,
            checkpoint_mb=checkpoint_mb,
            hold_s=hold_s,
            readers=readers,
        )
        self._opened = False
        # Entity search: a derived SQLite FTS5 index beside the database (graph/stores/embedded_search.py),
        # fed after every committed write; checked against the graph once per process and rebuilt if stale.
        self.search_index = EmbeddedSearchIndex(self.path.with_suffix(".search.sqlite"))
        self.memo = VersionMemo()  # entities read by id, for the graph version they were read at

    def ready(self) -> None:
        """Create the database on first use, clean up after crashed writers, migrate an old JSON graph."""
        if self._opened:
            return
        self.ping()
        self.files.create()
        self.files.recover()
        if self.path.exists() and self.path.suffix == ".json":
            from graph.stores.embedded_migrate import migrate_json

            migrate_json(self, self.path)
        self._opened = True

    @contextlib.contextmanager
    def session(self) -> Iterator[Any]:
        """One read: a pooled connection on the latest committed state; engine failures are 503s."""
        self.ready()
        try:
            with self.files.read() as conn:
                yield conn
        except RuntimeError as exc:
            raise StoreUnavailable(
                f"the embedded store failed: {str(exc).splitlines()[0]}", store="embedded"
            ) from exc

    def rows(self, query: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
        """All rows of one of the store's own statements, in a read session of its own."""
        with self.session() as conn:
            return Q.rows(conn, query, params)

    def version(self) -> str:
        """Changes whenever a committed write lands, from any process."""
        self.ready()
        return self.files.version()

    def files_write(self, work: Any) -> Any:
        """Run `work(conn)` in one write transaction; engine and disk failures become `StoreUnavailable`."""
        try:
            with self.files.write() as conn:
                return work(conn)
        except KGError:
            raise
        except (RuntimeError, OSError) as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreUnavailable(
                f"cannot write the embedded store at {self.files.dir}: {msg}",
                hint="check that KG_HOME is writable and the disk has space; the last committed batch is intact",
                store="embedded",
                path=str(self.files.dir),
            ) from exc

    def read_entities_in(self, conn: Any, ids: Iterable[str]) -> dict[str, Entity]:
        """`embedded_reads.entities` through the per-version memo (embedded_memo.py). Called inside a
        read session: its shared lock keeps any write out, so the version read here is the data's."""
        version = self.files.version()
        out: dict[str, Entity] = {}
        missing = []
        for eid in set(ids):
            kept = self.memo.get(version, eid)
            if kept is None:
                missing.append(eid)
            else:
                out[eid] = thawed_entity(kept)
        for eid, e in R.entities(conn, missing).items() if missing else ():
            self.memo.put(version, eid, frozen_entity(e))
            out[eid] = e
        return out

    def read_entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """Entities by id (unknown ids left out), in a read session of their own."""
        with self.session() as conn:
            return self.read_entities_in(conn, ids)

    def ping(self) -> None:
        """The embedded store is reachable when its directory can exist and is writable."""
        parent = self.files.dir.parent
        blocked = next((p for p in (parent, *parent.parents) if p.exists() and not p.is_dir()), None)
        if blocked is not None:
            raise StoreUnavailable(
                f"the embedded store's directory {parent} cannot exist: {blocked} is a file",
                hint="point KG_HOME at a directory",
                store="embedded",
                path=str(self.files.dir),
            )
        if parent.exists() and not os.access(parent, os.W_OK):
            raise StoreUnavailable(
                f"the embedded store's directory {parent} is not writable",
                hint="check KG_HOME",
                store="embedded",
                path=str(self.files.dir),
            )

    def close(self) -> None:
        """Hand back the writer lease (checkpointed) and the read handle; every write is already committed."""
        self.files.release()
        self.files.drop_reader()
        self.search_index.close()
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(self._tmp)
            self._tmp = None
