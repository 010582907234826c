"""A counting semaphore that serves waiters first come, first served.

`threading.Semaphore` lets a thread that releases a slot take it straight back: it still holds the
GIL when the waiter it woke would run. Threads that read in a loop then keep every slot, and a thread
waiting for one (a write's own read-back, a request queued behind a busy server) can wait forever.
Here each acquire takes a ticket and slots go out in ticket order.
"""

from __future__ import annotations

import threading


class FairSlots:
    """`n` slots, handed out in the order they were asked for."""

    def __init__(self, n: int) -> None:
        if n < 1:
            raise ValueError(f"at least one slot is needed, not {n}")
        self._cond = threading.Condition(threading.Lock())
        self._free = n
        self._size = n
        self._next_ticket = 0
        self._serving = 0  # the oldest ticket not yet served

    @property
    def queued(self) -> int:
        """Threads waiting for a slot now."""
        with self._cond:
            return self._next_ticket - self._serving

    def acquire(self) -> None:
        with self._cond:
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._serving or self._free == 0:
                self._cond.wait()
            self._serving += 1
            self._free -= 1
            self._cond.notify_all()  # the next ticket may be served too, if a slot is free

    def release(self) -> None:
        with self._cond:
            if self._free >= self._size:
                raise ValueError("released more slots than were acquired")
            self._free += 1
            self._cond.notify_all()

    def __enter__(self) -> FairSlots:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
