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
