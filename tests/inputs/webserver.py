"""A real HTTP server on loopback for the fetch, URL and feed tests (threads, no internet).

Routes map a path to a `Page`; every request is logged with its headers, so tests can assert what was
fetched and whether it was conditional. ETag/If-None-Match is honoured for pages that have an ETag.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    location: str | None = None  # for redirects
    delay: float = 0.0  # seconds before the body
    stream_bytes: int = 0  # send this many bytes in chunks, without Content-Length
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int


class TestServer:
    """`with TestServer() as srv: srv.routes["/a"] = Page(...); srv.url("/a")`."""

    __test__ = False

    def __init__(self) -> None:
        self.routes: dict[str, Page] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def handle(self) -> None:
                # The client may give up (timeouts, size limits): expected in these tests.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

            def do_GET(self) -> None:
                page = server.routes.get(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                if page is None:
                    page = Page(b"not here", status=404, content_type="text/plain")
                status = page.status
                if page.etag and headers.get("if-none-match") == page.etag:
                    status = 304
                with server.lock:
                    server.hits.append(Hit(self.path, headers, status))
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._send(page, status)

            def _send(self, page: Page, status: int) -> None:
                if page.delay:
                    time.sleep(page.delay)
                self.send_response(status)
                self.send_header("Content-Type", page.content_type)
                if page.etag:
                    self.send_header("ETag", page.etag)
                if page.location:
                    self.send_header("Location", page.location)
                for k, v in page.headers.items():
                    self.send_header(k, v)
                if status == 304:
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if page.stream_bytes:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b"x" * 65536
                    sent = 0
                    while sent < page.stream_bytes:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        sent += len(chunk)
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                self.wfile.write(page.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def hits_for(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path]

    def __enter__(self) -> TestServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve() -> Iterator[TestServer]:
    with TestServer() as srv:
        yield srv
