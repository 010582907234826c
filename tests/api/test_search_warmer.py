"""The search warmer's thread outlives a failing store (api/search_warmer.py)."""

from __future__ import annotations

import time

from api.search_warmer import SearchWarmer


class FlakyStore:
    """prepare_search raises a plain exception (a bug, not a KGError) until `healthy` is set."""

    def __init__(self) -> None:
        self.healthy = False
        self.calls = 0

    def prepare_search(self, load: bool) -> str:
        self.calls += 1
        if not self.healthy:
            raise RuntimeError("boom")
        return "ready"


def wait_for(predicate, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def test_an_unexpected_error_is_unavailable_and_the_thread_goes_on() -> None:
    store = FlakyStore()
    warmer = SearchWarmer(store, gap=0.0, poll=0.01).start()  # type: ignore[arg-type]
    try:
        assert wait_for(lambda: store.calls >= 3)  # asked again after the first failure
        assert warmer.state == "unavailable"
        assert warmer._thread.is_alive()
        store.healthy = True
        assert wait_for(lambda: warmer.state == "ready")
    finally:
        warmer.stop()
    assert not warmer._thread.is_alive()
