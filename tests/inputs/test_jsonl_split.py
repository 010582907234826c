"""JSON Lines cut into byte ranges for the backfill's tasks: every record read once, in any cut."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from loaders.jsonl_split import chunk_articles, cut
from loaders.source import ReadFailure, SourceArticle

MAX = 1_000_000


def write_records(path: Path, count: int) -> list[str]:
    urls = [f"http://wire.test/{n}" for n in range(count)]
    lines = [
        json.dumps(
            {
                "url": u,
                "title": f"Item {n}",
                "text": f"Officials of Norland met in Estmark, item {n}." * (n % 5 + 1),
            }
        )
        for n, u in enumerate(urls)
    ]
    path.write_text("\n".join(lines[:5]) + "\n\n" + "\n".join(lines[5:]) + "\n", encoding="utf-8")
    return urls


def urls_read(chunks: list[tuple[str, int, int]]) -> list[str]:
    got = [a for c in chunks for a in chunk_articles([c], MAX)]
    assert all(isinstance(a, SourceArticle) for a in got)
    return [a.article.url for a in got if isinstance(a, SourceArticle)]


def test_every_record_is_read_once_however_the_files_are_cut(tmp_path: Path) -> None:
    big, small = tmp_path / "big.jsonl", tmp_path / "small.jsonl"
    want = write_records(big, 37)
    small.write_text("", encoding="utf-8")
    for parts in (1, 2, 3, 4, 7, 50, 500):
        chunks = cut([big, small], parts)
        assert urls_read(chunks) == want, parts
        starts = [c[1] for c in chunks if c[0] == str(big)]
        assert starts == sorted(set(starts)) and starts[0] == 0
        raw = big.read_bytes()
        assert all(s == 0 or raw[s - 1 : s] == b"\n" for s in starts)  # every range begins a line
    assert len(cut([big, small], 4)) >= 4  # the big file is spread; the empty one is one range


def test_gzip_is_one_range_and_bad_lines_are_failures(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl"
    want = write_records(plain, 6)
    packed = tmp_path / "packed.jsonl.gz"
    packed.write_bytes(gzip.compress(b"\xef\xbb\xbf" + plain.read_bytes()))  # with a byte order mark
    assert cut([packed], 8) == [(str(packed), 0, -1)]
    assert urls_read(cut([packed], 8)) == want

    broken = tmp_path / "broken.jsonl"
    broken.write_text(
        '{"url": "http://wire.test/ok", "text": "Norland thanked Estmark."}\n{"url": \n[1, 2]\n'
    )
    got = list(chunk_articles(cut([broken], 2), MAX))
    assert isinstance(got[0], SourceArticle)
    fails = [g for g in got if isinstance(g, ReadFailure)]
    assert len(fails) == 2 and "malformed JSON" in fails[0].error.message
    assert "must be a JSON object" in fails[1].error.message and "at byte" in fails[1].path

    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(packed.read_bytes()[:40])
    (failure,) = [g for g in chunk_articles(cut([truncated], 1), MAX) if isinstance(g, ReadFailure)]
    assert "cannot be read" in failure.error.message
