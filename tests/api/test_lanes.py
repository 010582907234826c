"""The heavy lane (api/lanes.py): at most `slots` expensive requests run at once; cheap ones never wait."""

from __future__ import annotations

import asyncio
from typing import Any

from api.lanes import HeavyLane, is_heavy


def test_expensive_paths_take_the_lane_and_cheap_ones_do_not() -> None:
    assert is_heavy("/api/v1/paths")
    assert is_heavy("/api/v1/cypher")
    assert is_heavy("/views/alliances")
    assert is_heavy("/api/v1/alliances")
    assert not is_heavy("/api/v1/entities")
    assert not is_heavy("/api/v1/entities/e1/neighbors")
    assert not is_heavy("/health")


class _Recorder:
    """An ASGI app that holds each request until released, and records how many run at once by path."""

    def __init__(self) -> None:
        self.running: dict[str, int] = {}
        self.most: dict[str, int] = {}
        self.release = asyncio.Event()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope["path"]
        self.running[path] = self.running.get(path, 0) + 1
        self.most[path] = max(self.most.get(path, 0), self.running[path])
        await self.release.wait()
        self.running[path] -= 1


async def _drive(slots: int, heavy: int, cheap: int) -> _Recorder:
    app = _Recorder()
    lane = HeavyLane(app, slots=slots)  # type: ignore[arg-type]

    def call(path: str) -> Any:
        return lane({"type": "http", "path": path}, None, None)  # type: ignore[arg-type]

    tasks = [asyncio.create_task(call("/api/v1/paths")) for _ in range(heavy)]
    tasks += [asyncio.create_task(call("/api/v1/entities")) for _ in range(cheap)]
    for _ in range(20):  # let every request that may start, start
        await asyncio.sleep(0)
    started = dict(app.running)
    app.release.set()
    await asyncio.gather(*tasks)
    assert all(n == 0 for n in app.running.values())  # every request ran to the end
    app.running = started
    return app


def test_at_most_slots_heavy_requests_run_at_once_while_every_cheap_one_runs() -> None:
    app = asyncio.run(_drive(slots=2, heavy=6, cheap=10))
    assert app.running == {"/api/v1/paths": 2, "/api/v1/entities": 10}
    assert app.most["/api/v1/paths"] == 2


def test_zero_slots_lets_everything_through() -> None:
    app = asyncio.run(_drive(slots=0, heavy=6, cheap=3))
    assert app.running == {"/api/v1/paths": 6, "/api/v1/entities": 3}
