"""WARC input: HTML responses become articles with the record's URL and date; memory stays flat."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from loaders.readers import read_input, read_paths
from loaders.source import ReadFailure, SourceArticle
from tests.inputs.warcs import large_archive, response, small_archive

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_only_with_url_and_date(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    small_archive(path, gzip=name.endswith(".gz"))
    got = list(read_input(path, max_bytes=1_000_000))
    assert all(isinstance(g, SourceArticle) for g in got)
    arts = [g.article for g in got if isinstance(g, SourceArticle)]
    assert [a.url for a in arts] == [f"http://news.test/story/{n}" for n in range(3)]
    # The pages state their own dates; the record date is kept when a page has none (next test).
    assert [a.published for a in arts] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert "Russia condemned the sanctions" in got[0].text  # type: ignore[union-attr]


def test_record_date_when_the_page_has_none_and_oversized_records(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "dated.warc.gz"
    page = b"<html><body><article><p>France and Germany signed a trade agreement in Berlin.</p></article></body></html>"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        response(w, "http://news.test/a", page, "text/html", date="2023-11-20T12:00:00Z")
        response(
            w,
            "http://news.test/huge",
            b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>",
            "text/html",
        )
        response(w, "http://news.test/b", page.replace(b"Berlin", b"Paris"), "application/xhtml+xml")
    got = list(read_paths([str(path)], max_bytes=1_000_000))
    assert isinstance(got[0], SourceArticle) and got[0].article.published == "2023-11-20"
    assert isinstance(got[1], ReadFailure) and "above the limit" in got[1].error.message
    assert "http://news.test/huge" in got[1].path
    assert isinstance(got[2], SourceArticle) and got[2].article.url == "http://news.test/b"


def test_not_an_archive_is_a_read_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"this is not a web archive at all\n" * 10)
    (failure,) = list(read_paths([str(path)], max_bytes=1_000_000))
    assert isinstance(failure, ReadFailure) and "not a readable WARC" in failure.error.message


PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import psutil
    from loaders.readers import read_input
    proc = psutil.Process()
    base, peak, n = None, 0, 0
    for n, item in enumerate(read_input(Path(sys.argv[1]), max_bytes=5_000_000), 1):
        rss = proc.memory_info().rss
        if n == 3:
            base = rss  # after the first pages: trafilatura and lxml are loaded
        peak = max(peak, rss)
    print(json.dumps({"base": base, "peak": peak, "items": n}))
    """
)


@pytest.mark.slow
def test_memory_stays_flat_on_a_large_archive(tmp_path: Path) -> None:
    path = tmp_path / "large.warc"
    pages = large_archive(path, 320 * 1024 * 1024)
    size = path.stat().st_size
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    got = json.loads(proc.stdout)
    assert got["items"] == pages
    growth = got["peak"] - got["base"]
    # The archive is >300 MB; streaming keeps at most a record or two (4 MB each) in memory.
    assert size > 300 * 1024 * 1024
    assert growth < 40 * 1024 * 1024, f"RSS grew {growth / 2**20:.1f} MB on a {size / 2**20:.0f} MB archive"


def test_arc_files_are_read_too(tmp_path: Path) -> None:
    page = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        b"<html><body><article><p>Poland and Lithuania agreed to share air defence systems.</p>"
        b"</article></body></html>"
    )
    version = b"1 0 Actorgraph\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://test.arc 0.0.0.0 20240105120000 text/plain %d\n" % len(version)
    record = b"http://news.test/arc 127.0.0.1 20240105120000 text/html %d\n" % len(page)
    path = tmp_path / "old.arc"
    path.write_bytes(header + version + b"\n" + record + page + b"\n")
    (got,) = list(read_paths([str(path)], max_bytes=100_000))
    assert isinstance(got, SourceArticle)
    assert got.article.url == "http://news.test/arc" and got.article.published == "2024-01-05"
    assert "Poland and Lithuania" in got.text
