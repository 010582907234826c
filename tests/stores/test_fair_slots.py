"""The embedded store's reader slots go to waiters in the order they asked (graph/stores/slots.py)."""

from __future__ import annotations

import threading
import time

import pytest

from graph.stores.slots import FairSlots


def _wait_for_queue(slots: FairSlots, n: int) -> None:
    deadline = time.monotonic() + 10
    while slots.queued < n and time.monotonic() < deadline:
        time.sleep(0.005)
    assert slots.queued == n


def test_waiters_are_served_in_the_order_they_asked() -> None:
    slots = FairSlots(1)
    slots.acquire()
    order: list[str] = []

    def waiter(name: str) -> None:
        with slots:
            order.append(name)

    threads = []
    for name in ("first", "second", "third"):
        t = threading.Thread(target=waiter, args=(name,))
        t.start()
        threads.append(t)
        _wait_for_queue(slots, len(threads))  # it holds its ticket before the next one asks
    slots.release()
    for t in threads:
        t.join(10)
    assert order == ["first", "second", "third"]


def test_a_waiter_gets_a_slot_while_other_threads_take_them_in_a_loop() -> None:
    # With threading.Semaphore the looping threads take every released slot straight back and the
    # waiter below never runs (the embedded store's write then hung behind its readers).
    slots = FairSlots(2)
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            with slots:
                sum(range(200))

    loopers = [threading.Thread(target=busy) for _ in range(2)]
    for t in loopers:
        t.start()
    got = threading.Event()

    def waiter() -> None:
        with slots:
            got.set()

    w = threading.Thread(target=waiter)
    w.start()
    try:
        assert got.wait(30), "the waiter never got a slot"
    finally:
        stop.set()
        for t in [*loopers, w]:
            t.join(10)


def test_releasing_more_than_was_acquired_is_an_error() -> None:
    slots = FairSlots(2)
    with pytest.raises(ValueError):
        slots.release()
    with pytest.raises(ValueError):
        FairSlots(0)
