"""WARC files written with warcio's writer, for the WARC tests and bench/warc.py."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.inputs.conftest import article_html


def response(
    writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK", date: str = ""
) -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    warc_headers = {"WARC-Date": date} if date else None
    rec = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=warc_headers
    )
    writer.write_record(rec)


def small_archive(path: Path, *, gzip: bool = True) -> None:
    """Three HTML pages among records that are not articles (request, image, 404, metadata)."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "actorgraph tests"}))
        for n in range(3):
            url = f"http://news.test/story/{n}"
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            w.write_record(req)
            response(w, url, article_html(n), "text/html; charset=utf-8", date=f"2024-05-0{n + 1}T08:00:00Z")
            response(w, f"{url}.png", b"\x89PNG" + b"\x00" * 500, "image/png")
        response(
            w,
            "http://news.test/gone",
            b"<html><body><p>Not found</p></body></html>",
            "text/html",
            "404 Not Found",
        )


def large_archive(path: Path, total_bytes: int, *, gzip: bool = False, html_every: int = 8) -> int:
    """About `total_bytes` of records: mostly 4 MB binary payloads, with an HTML page every few.

    Returns the number of HTML pages written.
    """
    blob = bytes(range(256)) * (4 * 1024 * 1024 // 256)
    pages = 0
    written = 0
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        n = 0
        while written < total_bytes:
            if n % html_every == 0:
                response(
                    w, f"http://news.test/big/{n}", article_html(n), "text/html", date="2024-06-01T00:00:00Z"
                )
                pages += 1
            else:
                response(w, f"http://news.test/video/{n}.bin", blob, "application/octet-stream")
                written += len(blob)
            n += 1
    return pages
