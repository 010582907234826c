"""Build and run the bundled Neo4j Community server: jars from Maven Central, one Java class.

`kg neo4j start|stop|status` call the `*_from_settings` functions; tests use `Launcher` directly.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from graph.errors import LauncherError
from graph.neo4j_server.tuning import ServerTuning
from graph.settings import Settings

HERE = Path(__file__).resolve().parent
NEO4J_LINE = "5.26"
READY = "actorgraph-neo4j ready"


def lib_dir() -> Path:
    """Where the Neo4j jars and the compiled launcher live (shared by every KG_HOME)."""
    env = os.environ.get("KG_NEO4J_LIB")
    return Path(env) if env else Path.home() / ".cache" / "actorgraph" / f"neo4j-{NEO4J_LINE}"


@dataclass
class LauncherStatus:
    """Whether the bundled server runs, and where."""

    running: bool
    pid: int | None
    uri: str
    port: int
    home: Path
    log: Path


class Launcher:
    """One Neo4j server process with its data, pid file and log under `home`."""

    def __init__(
        self,
        home: Path,
        port: int = 7687,
        password: str = "actorgraph",
        heap: str = "",
        pagecache: str = "",
    ) -> None:
        self.home = Path(home).resolve()
        self.port = port
        self.password = password
        # Empty: sized from the machine's memory (tuning.py); else KG_NEO4J_HEAP / KG_NEO4J_PAGECACHE.
        self.heap = heap
        self.pagecache = pagecache
        self.pid_file = self.home / "neo4j.pid"
        self.log = self.home / "neo4j.log"
        self.conf = self.home / "neo4j.conf"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    # ------------------------------------------------------------------------------ build

    def build(self) -> Path:
        """Resolve the jars (first time: about 120 MB from Maven Central) and compile the launcher."""
        lib = lib_dir()
        jars = lib / "jars"
        marker = jars / ".complete"
        if not marker.exists():
            mvn = shutil.which("mvn")
            if mvn is None:
                raise LauncherError(
                    "Maven (mvn) is not installed",
                    hint="install Maven and Java 17, e.g. apt-get install maven",
                )
            jars.mkdir(parents=True, exist_ok=True)
            _say(
                f"resolving Neo4j {NEO4J_LINE} jars from Maven Central into {jars} (first time: several minutes)"
            )
            cmd = [
                mvn,
                "-B",
                "-f",
                str(HERE / "pom.xml"),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={jars}",
            ]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            tail: list[str] = []
            downloaded = 0
            assert proc.stdout is not None
            for line in proc.stdout:  # progress, so a slow registry is not mistaken for a hang
                tail = [*tail[-40:], line.rstrip()]
                if "Downloaded from" in line:
                    downloaded += 1
                    if downloaded % 25 == 0:
                        _say(f"  {downloaded} artifacts downloaded ...")
            if proc.wait() != 0:
                raise LauncherError("Maven could not resolve Neo4j's jars", hint="\n".join(tail))
            _say(f"  resolved ({downloaded} artifacts downloaded)")
            marker.write_text(NEO4J_LINE)
        source = HERE / "Launcher.java"
        # One class directory per source version: checkouts with different launchers share the jars
        # but never run each other's compiled class (their arguments differ).
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
        classes = lib / f"classes-{digest}"
        compiled = classes / "Launcher.class"
        if not compiled.exists():
            javac = shutil.which("javac")
            if javac is None:
                raise LauncherError("javac is not installed", hint="install a Java 17 JDK")
            staging = lib / f"{classes.name}.{os.getpid()}.tmp"
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            compiled_run = subprocess.run(
                [javac, "-cp", f"{jars}/*", "-d", str(staging), str(source)], capture_output=True, text=True
            )
            if compiled_run.returncode != 0:
                shutil.rmtree(staging, ignore_errors=True)
                raise LauncherError("the launcher did not compile", hint=compiled_run.stderr[-1500:])
            try:  # another process may have compiled the same source meanwhile: either copy will do
                staging.rename(classes)
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)
        return classes

    # ----------------------------------------------------------------------- start / stop

    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return pid
        return pid

    def status(self) -> LauncherStatus:
        """Running or not, with pid, uri and log path."""
        pid = self._pid()
        return LauncherStatus(pid is not None, pid, self.uri, self.port, self.home, self.log)

    def start(self, wait: float = 180.0) -> str:
        """Start the server (building it first if needed), wait until Bolt accepts our login, return the uri."""
        if self._pid() is not None:
            self._wait_ready(wait, None)
            return self.uri
        tuning = ServerTuning.for_machine(self.heap, self.pagecache)
        classes = self.build()
        lib = classes.parent
        self.home.mkdir(parents=True, exist_ok=True)
        self.conf.write_text(tuning.conf())
        java = shutil.which("java")
        if java is None:
            raise LauncherError("java is not installed", hint="install a Java 17 runtime")
        # The password goes through a 0600 file the server deletes after reading it: never on the
        # command line (`ps`), and not in the server's environment (which Cypher could once read).
        secret = self.home / ".password"
        secret.unlink(missing_ok=True)
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(self.password)
        env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_PASSWORD", "KG_API_KEY")}
        cmd = [
            java,
            *tuning.jvm_args(),
            "-cp",
            f"{classes}{os.pathsep}{lib / 'jars'}/*",
            "Launcher",
            str(self.home / "data"),
            str(self.port),
            str(secret),
            str(self.conf),
        ]
        with open(self.log, "ab") as log:
            proc = subprocess.Popen(
                cmd,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                env=env,
            )
        self.pid_file.write_text(str(proc.pid))
        try:
            self._wait_ready(wait, proc)
        finally:
            secret.unlink(missing_ok=True)  # the server deletes it; this covers a failed start
        return self.uri

    def _wait_ready(self, wait: float, proc: subprocess.Popen[bytes] | None) -> None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, ServiceUnavailable

        deadline = time.monotonic() + wait
        last: Exception | None = None
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise LauncherError(f"Neo4j exited with code {proc.returncode}", hint=self._tail())
            # Until the launcher has set the password, a login would fail with the wrong one.
            if proc is not None and READY not in self._log_text():
                time.sleep(0.5)
                continue
            try:
                with GraphDatabase.driver(self.uri, auth=("neo4j", self.password)) as driver:
                    driver.verify_connectivity()
                return
            except AuthError as exc:
                raise LauncherError(
                    f"Neo4j at {self.uri} refused the password",
                    hint="NEO4J_PASSWORD differs from the one it was started with",
                ) from exc
            except (ServiceUnavailable, OSError) as exc:
                last = exc
                time.sleep(0.5)
        raise LauncherError(
            f"Neo4j did not answer on {self.uri} within {wait:.0f} s ({last})", hint=self._tail()
        )

    def _log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-20000:]
        except OSError:
            return ""

    def _tail(self) -> str:
        try:
            return "log tail:\n" + "\n".join(self.log.read_text(errors="replace").splitlines()[-25:])
        except OSError:
            return f"no log at {self.log}"

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM the server and wait for it to exit; nothing to do if it is not running."""
        pid = self._pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
            except ChildProcessError:
                pass
            if self._pid() is None:
                break
            time.sleep(0.2)
        else:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)


def _say(msg: str) -> None:
    print(f"[kg neo4j] {msg}", file=sys.stderr, flush=True)


def _launcher(settings: Settings) -> Launcher:
    return Launcher(
        settings.neo4j_home,
        port=settings.neo4j_port,
        password=settings.neo4j_password.get_secret_value(),
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
    )


def start_from_settings(settings: Settings) -> str:
    """`kg neo4j start`: the uri to export as NEO4J_URI."""
    return _launcher(settings).start()


def stop_from_settings(settings: Settings) -> None:
    """`kg neo4j stop`."""
    _launcher(settings).stop()


def status_from_settings(settings: Settings) -> LauncherStatus:
    """`kg neo4j status`."""
    return _launcher(settings).status()
