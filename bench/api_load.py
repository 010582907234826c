"""Concurrent load on the API: the example graph, a request mix, 1, 8 and 64 clients (used by bench/api.py).

The example articles are extracted once (spaCy) and written to the store; `kg serve --workers W` serves
them; asyncio clients on keep-alive connections send a fixed mix: entity search, 1-hop neighbours,
shortest paths, events, alliances, a Cypher count and the alliance page. Reported per level: requests/s,
p50/p99 per endpoint family, and every status >= 500 (there must be none).
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

MIX = [  # (family, weight)
    ("search", 30),
    ("neighbors", 25),
    ("paths", 10),
    ("events", 10),
    ("alliances", 10),
    ("cypher", 10),
    ("alliance_page", 5),
]


def requests_for(
    ids: list[str], names: list[str], n: int, seed: int = 5
) -> list[tuple[str, str, dict[str, Any]]]:
    """`n` (family, path, params) drawn from the mix, reproducibly."""
    rng = random.Random(seed)
    fams = [f for f, w in MIX for _ in range(w)]
    out = []
    for _ in range(n):
        fam = rng.choice(fams)
        if fam == "search":
            name = rng.choice(names)
            out.append(
                (fam, "/api/v1/entities", {"q": name[: rng.randint(3, max(3, len(name)))], "limit": 20})
            )
        elif fam == "neighbors":
            out.append((fam, f"/api/v1/entities/{rng.choice(ids)}/neighbors", {"depth": 1}))
        elif fam == "paths":
            out.append(
                (fam, "/api/v1/paths", {"from": rng.choice(ids), "to": rng.choice(ids), "max_hops": 3})
            )
        elif fam == "events":
            out.append((fam, "/api/v1/events", {"limit": 50}))
        elif fam == "alliances":
            out.append((fam, "/api/v1/alliances", {}))
        elif fam == "cypher":
            out.append(
                (fam, "/api/v1/cypher", {"query": "MATCH (e:Entity) RETURN e.kind AS k, count(*) AS n"})
            )
        else:
            out.append((fam, "/views/alliances", {}))
    return out


class _Conn:
    """A keep-alive HTTP/1.1 connection on asyncio streams: a client that costs the server's machine
    almost nothing, so that the measured throughput is the server's (httpx spends ~2-9 ms of CPU per
    request at 64 clients, on the same two cores)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, body: bytes = b"") -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}\r\nContent-Length: {len(body)}\r\n"
        if body:
            head += "Content-Type: application/json\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length, chunked = 0, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "transfer-encoding" and "chunked" in value:
                chunked = True
        if chunked:
            while (size := int((await self.reader.readline()).strip(), 16)) > 0:
                await self.reader.readexactly(size + 2)
            await self.reader.readline()
        else:
            await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def drive(base: str, reqs: list[tuple[str, str, dict[str, Any]]], clients: int) -> dict[str, Any]:
    """Send `reqs` from `clients` concurrent connections; latency per family, 5xx and unexpected 4xx."""
    import json
    from urllib.parse import urlencode, urlsplit

    url = urlsplit(base)
    queue = list(reversed(reqs))
    lat: dict[str, list[float]] = {}
    errors: list[str] = []

    async def client() -> None:
        conn = _Conn(url.hostname or "127.0.0.1", url.port or 80)
        try:
            while queue:
                fam, path, params = queue.pop()
                t = time.perf_counter()
                if fam == "cypher":
                    status = await conn.request("POST", path, json.dumps({"query": params["query"]}).encode())
                else:
                    status = await conn.request("GET", f"{path}?{urlencode(params)}" if params else path)
                lat.setdefault(fam, []).append((time.perf_counter() - t) * 1000)
                if status >= 500 or (status >= 400 and fam != "paths"):
                    errors.append(f"{status} {path}")
        finally:
            conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    total = time.perf_counter() - t0

    def pct(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(len(xs) * p))], 1)

    every = [x for xs in lat.values() for x in xs]
    return {
        "clients": clients,
        "requests": len(every),
        "rps": round(len(every) / total, 1),
        "p50_ms": round(statistics.median(every), 1),
        "p99_ms": pct(every, 0.99),
        "by_family": {
            f: {"n": len(xs), "p50_ms": pct(xs, 0.5), "p99_ms": pct(xs, 0.99)} for f, xs in lat.items()
        },
        "errors": errors[:10],
        "error_count": len(errors),
    }


def _serve(src: Path, env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        cwd=src,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_healthy(base: str) -> None:
    """Wait (up to 2 minutes) until the server at `base` answers /health."""
    import httpx

    with httpx.Client(base_url=base, timeout=60) as c:
        for _ in range(600):
            try:
                if c.get("/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)


def run(
    store_kind: str,
    env: dict[str, str],
    port: int,
    workers: int,
    levels: list[int],
    per_level: int,
    servers: dict[str, tuple[Path, dict[str, str]]] | None = None,
) -> dict[str, Any]:
    """Ingest the examples into the (cleared) store of `env`, serve it, and drive each level.

    `servers` names source trees (with extra environment) to serve the same store from, each on its own
    port; at every level each is driven in turn (the first one alternating), so that a baseline and this
    tree meet the same load in the same minutes. By default: this tree alone, as "this".
    """
    import httpx

    servers = servers or {"this": (ROOT, {})}
    subprocess.run(
        [sys.executable, "-m", "api.cli", "clear", "--yes"],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [sys.executable, "-m", "api.cli", "ingest", str(ROOT / "examples" / "articles")],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    names = list(servers)
    bases = {name: f"http://127.0.0.1:{port + i}" for i, name in enumerate(names)}
    procs = [
        _serve(src, {**env, "PYTHONPATH": str(src), **extra}, port + i, workers)
        for i, (src, extra) in enumerate(servers.values())
    ]
    try:
        for base in bases.values():
            wait_healthy(base)
        with httpx.Client(base_url=bases[names[0]], timeout=60) as c:
            ents = c.get("/api/v1/entities", params={"limit": 1000}).json()["items"]
        ids = [e["id"] for e in ents]
        labels = [e["name"] for e in ents]
        out: dict[str, Any] = {
            "store": store_kind,
            "workers": workers,
            "entities": len(ids),
            "load_average_start": [round(x, 2) for x in os.getloadavg()],
            "servers": {name: {"levels": []} for name in names},
        }
        for base in bases.values():
            asyncio.run(drive(base, requests_for(ids, labels, 100, seed=1), 8))  # warm-up
        for n, clients in enumerate(levels):
            for name in names[n % len(names) :] + names[: n % len(names)]:
                # A new draw per level (the same for every server): a level does not only replay the
                # requests the previous one already put in the cache.
                reqs = requests_for(ids, labels, per_level, seed=5 + clients)
                level = asyncio.run(drive(bases[name], reqs, clients))
                level["load_average"] = round(os.getloadavg()[0], 2)
                out["servers"][name]["levels"].append(level)
        return out
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(30)
