"""`kg serve --workers N` binds its own socket: connections it accepts must have Nagle switched off."""

from __future__ import annotations

import socket

from api.listening import NoDelayConfig
from tests.conftest import free_port


def test_accepted_connections_send_without_delay() -> None:
    config = NoDelayConfig("api.app:create_app", factory=True, host="127.0.0.1", port=free_port(), workers=2)
    listener = config.bind_socket()
    try:
        listener.listen(1)
        with socket.create_connection(listener.getsockname()[:2]) as client:
            conn, _ = listener.accept()
            with conn:
                # uvicorn's socket has protocol number 0, so asyncio does not set the option on the
                # connections it accepts: it must come from the listener (api/listening.py)
                assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
                conn.sendall(b"ok")
                assert client.recv(2) == b"ok"
    finally:
        listener.close()
