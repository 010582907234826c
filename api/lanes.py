"""A lane for expensive requests, so that cheap ones do not queue behind them (docs/api.md, "Throughput").

Under many concurrent clients, every request that runs shares the CPU (and the GIL) with every other.
A shortest-path search, a user's Cypher, the alliance analytics or a view costs tens to hundreds of ms;
a search or a neighbourhood a few. Run side by side, each cheap request is stretched by every expensive
one in flight, so the cheap requests' p99 becomes the expensive ones' time. `HeavyLane` lets at most
`slots` expensive requests run at once per process; the others wait here, on the event loop (no thread,
no store connection held), while cheap requests go straight through. The expensive requests pay the
wait, in proportion to their own cost.

It sits inside the response cache: a cached answer (a hit) never waits, whatever its path.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

# Paths whose requests cost more than a page of entities, relations or events: graph searches, whole-
# graph analytics, user queries, whole-graph export and the HTML views that draw them.
HEAVY_PREFIXES = (
    "/api/v1/paths",
    "/api/v1/alliances",
    "/api/v1/cypher",
    "/api/v1/subgraph",
    "/api/v1/export",
    "/views/",
)


def is_heavy(path: str) -> bool:
    """Whether a request for `path` takes the heavy lane."""
    return path.startswith(HEAVY_PREFIXES)


class HeavyLane:
    """At most `slots` heavy requests at once (0: no limit); first come, first served among them."""

    def __init__(self, app: ASGIApp, slots: int) -> None:
        self.app = app
        self.slots = slots
        self._sem: asyncio.Semaphore | None = None  # made on the server's event loop, at first use

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.slots <= 0 or scope["type"] != "http" or not is_heavy(scope["path"]):
            await self.app(scope, receive, send)
            return
        if self._sem is None:
            self._sem = asyncio.Semaphore(self.slots)
        async with self._sem:
            await self.app(scope, receive, send)
