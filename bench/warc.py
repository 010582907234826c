"""WARC reading: warcio against fastwarc on the same file, and memory while streaming a large archive.

    python bench/warc.py [--pages 3000] [--memory-gb 1]

1. Parse speed: one gzipped WARC of HTML responses (with request and image records between them) is
   iterated by both libraries, each reading the HTML payloads and skipping the rest, as the reader
   does. Reports records/s and MB/s, best of three, in one run.
2. Memory: an uncompressed archive of `--memory-gb` GB (mostly 4 MB binary records, an HTML page every
   few) is streamed by the real reader (`loaders.readers.read_input`, trafilatura included) in a fresh
   process; reports its RSS after the first pages and at its peak.
Results go to bench/results/warc.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.inputs.test_warc import PROBE  # noqa: E402
from tests.inputs.warcs import large_archive, response  # noqa: E402


def speed_archive(path: Path, pages: int) -> None:
    import io

    from warcio.warcwriter import WARCWriter

    from tests.inputs.conftest import article_html

    filler = b"<p>" + b"Officials met for talks on the crisis and issued a statement. " * 600 + b"</p>"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for n in range(pages):
            url = f"http://news.test/{n}"
            w.write_record(
                w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            html = article_html(n).replace(b"</article>", filler + b"</article>")
            response(w, url, html, "text/html; charset=utf-8")
            if n % 3 == 0:
                response(w, url + ".jpg", b"\xff\xd8" + bytes(range(256)) * 200, "image/jpeg")


def with_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = size = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            records += 1
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            if (rec.http_headers.get_header("Content-Type") or "").startswith("text/html"):
                size += len(rec.content_stream().read())
    return records, size


def with_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = size = 0
    for rec in ArchiveIterator(str(path), parse_http=True, fsspec_args=False):
        records += 1
        if rec.record_type != WarcRecordType.response or rec.http_headers is None:
            continue
        if (rec.http_content_type or "").startswith("text/html"):
            size += len(rec.reader.read())
    return records, size


def best_of(fn, path: Path, n: int = 3) -> tuple[float, tuple[int, int]]:  # type: ignore[no-untyped-def]
    times, got = [], (0, 0)
    for _ in range(n):
        start = time.perf_counter()
        got = fn(path)
        times.append(time.perf_counter() - start)
    return min(times), got


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--memory-gb", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "warc.json")
    args = parser.parse_args()
    work = ROOT / ".bench-warc"
    work.mkdir(exist_ok=True)
    report: dict[str, object] = {}

    path = work / "speed.warc.gz"
    speed_archive(path, args.pages)
    raw_mb = len(gzip.decompress(path.read_bytes())) / 2**20
    speed = {}
    for name, fn in (("warcio", with_warcio), ("fastwarc", with_fastwarc)):
        seconds, (records, html_bytes) = best_of(fn, path)
        speed[name] = {
            "seconds": round(seconds, 3),
            "records": records,
            "html_bytes": html_bytes,
            "records_per_s": round(records / seconds),
            "mb_per_s": round(raw_mb / seconds, 1),
        }
        print(f"{name:9s} {seconds:6.2f} s  {records / seconds:9.0f} records/s  {raw_mb / seconds:6.1f} MB/s")
    assert speed["warcio"]["records"] == speed["fastwarc"]["records"]
    assert speed["warcio"]["html_bytes"] == speed["fastwarc"]["html_bytes"]
    report["speed"] = {
        "file_mb_gzip": round(path.stat().st_size / 2**20, 1),
        "file_mb_raw": round(raw_mb, 1),
        **speed,
        "fastwarc_speedup": round(speed["warcio"]["seconds"] / speed["fastwarc"]["seconds"], 2),  # type: ignore[operator]
    }
    path.unlink()

    if args.memory_gb > 0:
        big = work / "large.warc"
        pages = large_archive(big, int(args.memory_gb * 2**30))
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", PROBE, str(big)], cwd=ROOT, capture_output=True, text=True, check=True
        )
        got = json.loads(proc.stdout)
        report["memory"] = {
            "file_mb": round(big.stat().st_size / 2**20),
            "html_pages": pages,
            "items_read": got["items"],
            "rss_after_first_pages_mb": round(got["base"] / 2**20, 1),
            "rss_peak_mb": round(got["peak"] / 2**20, 1),
            "growth_mb": round((got["peak"] - got["base"]) / 2**20, 1),
            "seconds": round(time.perf_counter() - start, 1),
        }
        print(json.dumps(report["memory"]))
        big.unlink()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
