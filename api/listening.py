"""The listening socket of `kg serve --workers N`: TCP_NODELAY on every connection.

With one process, uvicorn lets the event loop open the socket, and asyncio and uvloop switch Nagle's
algorithm off on each accepted connection. With several workers, uvicorn binds the socket itself as
`socket.socket(family)`, whose protocol number is 0, and asyncio only sets TCP_NODELAY on sockets whose
protocol is IPPROTO_TCP. Nagle then holds back the second write of every response (the body after the
headers) until the client acknowledges the first, and clients delay that ACK by up to 40 ms: on a
keep-alive connection each request took 44 ms, /health included (measured with `bench/api.py
--concurrent` at one client). Linux copies TCP_NODELAY from a listening socket to the connections it
accepts, so it is set once here.
"""

from __future__ import annotations

import socket

import uvicorn


class NoDelayConfig(uvicorn.Config):
    """uvicorn's configuration, binding a listening socket whose connections send without delay."""

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock


def reuse_port_listener(host: str, port: int, backlog: int) -> socket.socket:
    """A listening socket of its own for one worker, on a port the other workers share (SO_REUSEPORT),
    connections sent without delay (above)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


class WorkerListener:
    """What `kg serve --workers N` hands each worker instead of one shared socket: unpickled in the
    worker (uvicorn sends its sockets to each spawned worker), it becomes that worker's own listener.

    Why: with one shared listening socket, the worker whose event loop wakes first accepts every pending
    connection in one go (asyncio and uvloop accept up to the backlog per wake-up), so 64 keep-alive
    clients connecting at once split about 50 / 14 between two workers (measured five times: 47/17,
    52/12, 51/13, 47/17, 50/14). The busier worker, one GIL, serves three quarters of the load while the
    other idles: throughput and the tail then depend on each run's split. With a socket per worker on
    SO_REUSEPORT, Linux spreads connections over the workers by a hash of their addresses."""

    def __init__(self, host: str, port: int, backlog: int) -> None:
        self.host, self.port, self.backlog = host, port, backlog

    def __reduce__(self) -> tuple[object, tuple[str, int, int]]:
        return reuse_port_listener, (self.host, self.port, self.backlog)


def reserve_port(host: str, port: int) -> socket.socket:
    """A socket bound to the workers' port but not listening (so Linux sends it no connections): the
    supervisor holds it so a port already taken fails at once, in the supervisor, with its own error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:  # without SO_REUSEPORT: fails on any user
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # (another `kg serve` included)
        probe.bind((host, port))
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock
