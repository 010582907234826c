"""`kg serve --workers N`: connections it accepts have Nagle switched off, and each worker listens on a
socket of its own on the shared port (api/listening.py)."""

from __future__ import annotations

import pickle
import socket

import pytest

from api.listening import NoDelayConfig, WorkerListener, reserve_port
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


def test_each_worker_gets_a_listener_of_its_own_and_connections_spread_over_them() -> None:
    port = free_port()
    with reserve_port("127.0.0.1", port):
        # What uvicorn does with the sockets it hands a spawned worker: pickle, then unpickle there.
        listeners = [pickle.loads(pickle.dumps(WorkerListener("127.0.0.1", port, 64))) for _ in range(2)]
        try:
            assert all(isinstance(s, socket.socket) for s in listeners)
            clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(32)]
            accepted = []
            for listener in listeners:
                listener.setblocking(False)
                n = 0
                while True:
                    try:
                        conn, _ = listener.accept()
                    except BlockingIOError:
                        break
                    assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
                    conn.close()
                    n += 1
                accepted.append(n)
            for c in clients:
                c.close()
            # Every connection reached a listener, and both had some (all 32 on one: a 2^-31 chance).
            assert sum(accepted) == 32 and min(accepted) > 0, accepted
        finally:
            for s in listeners:
                s.close()


def test_a_port_already_listened_on_is_refused_before_any_worker_starts() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        with pytest.raises(OSError):
            reserve_port("127.0.0.1", taken.getsockname()[1])
