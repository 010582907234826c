"""Readers: each format, metadata sidecars, folders and globs, standard input, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import BadArticle, TooLarge
from graph.model import Extraction
from loaders.readers import ReadFailure, from_record, read_one, read_paths
from loaders.source import SourceArticle

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 100_000


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_text_with_sidecar_metadata(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Talks stall in Geneva\n\nDiplomats from Chad and Niger met on Monday.\n")
    write(
        tmp_path / "a.meta.json",
        json.dumps({"url": "https://example.org/a", "published": "2023-08-07", "source": "Wire"}),
    )
    src = read_one(str(tmp_path / "a.txt"), max_bytes=LIMIT)
    assert src.article.published == "2023-08-07" and src.article.source == "Wire"
    assert src.article.title == "Talks stall in Geneva"  # first line when the sidecar has no title
    assert "Chad and Niger" in src.text


def test_explicit_meta_and_text_hash_id(tmp_path: Path) -> None:
    a = write(tmp_path / "b.txt", "Ghana and Togo signed a border accord on Friday.")
    meta = write(
        tmp_path / "other.json", json.dumps({"published": "Friday, 3 March 2023", "title": "Accord"})
    )
    src = read_one(str(a), str(meta), max_bytes=LIMIT)
    assert src.article.published == "2023-03-03"  # dateparser normalises any common form
    again = read_one(str(a), str(meta), max_bytes=LIMIT)
    assert src.article.id == again.article.id and src.article.id.startswith("article:")


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = write(
        tmp_path / "p.html",
        "<html><head><title>Ceasefire holds</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Ceasefire holds</h1><p>Sudan's army and the Rapid Support Forces observed a truce on Sunday, "
        "mediators from Saudi Arabia said.</p><p>Aid convoys reached Khartoum for the first time in weeks.</p></article>"
        "<footer>Copyright 2023 Example News</footer></body></html>",
    )
    src = read_one(str(page), max_bytes=LIMIT)
    assert "Rapid Support Forces" in src.text
    assert "Sport" not in src.text and "Copyright" not in src.text  # menus and footers dropped
    assert src.article.title == "Ceasefire holds"


def test_json_array_jsonl_and_extraction_files(tmp_path: Path) -> None:
    write(
        tmp_path / "batch.json",
        json.dumps(
            [
                {"text": "Mali expelled French troops.", "url": "https://e.org/1"},
                {
                    "html": "<p>Chad closed its border with Sudan on Monday after clashes.</p>",
                    "url": "https://e.org/2",
                },
            ]
        ),
    )
    write(
        tmp_path / "feed.jsonl",
        json.dumps({"text": "Kenya sent police to Haiti.", "url": "https://e.org/3"})
        + "\n\n"
        + json.dumps({"text": "Benin recalled its envoy.", "url": "https://e.org/4"})
        + "\n",
    )
    write(tmp_path / "graph.json", (ROOT / "tests/fixtures/extractions/kyiv-talks.json").read_text())
    got = list(read_paths([str(tmp_path)], max_bytes=LIMIT))
    arts = [g for g in got if isinstance(g, SourceArticle)]
    exts = [g for g in got if isinstance(g, Extraction)]
    assert sorted(a.article.url for a in arts) == [
        "https://e.org/1",
        "https://e.org/2",
        "https://e.org/3",
        "https://e.org/4",
    ]
    assert len(exts) == 1 and len(exts[0].entities) == 5
    assert not [g for g in got if isinstance(g, ReadFailure)]


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    for n in ("x1", "x2"):
        write(tmp_path / f"{n}.txt", f"Article {n}: Peru and Chile held talks.")
    got = list(read_paths([str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt")], max_bytes=LIMIT))
    assert sum(isinstance(g, SourceArticle) for g in got) == 2
    failures = [g for g in got if isinstance(g, ReadFailure)]
    assert len(failures) == 1 and "nope.txt" in failures[0].error.message


def test_standard_input() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from loaders.readers import read_one; s = read_one('-', max_bytes=10000); print(s.article.id, s.text.strip())",
        ],
        input="Nigeria and Niger reopened their border.\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert "Nigeria and Niger reopened their border." in proc.stdout and proc.stdout.startswith("article:")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f" * 20 + b"abc", "binary"),
        ("Ukraine’s grain deal".encode("utf-16"), None),  # decodes through its BOM
        ("Côte d’Ivoire reçoit".encode("cp1252"), None),  # legacy Windows text is accepted
    ],
)
def test_bad_and_odd_bytes(tmp_path: Path, data: bytes, message: str | None) -> None:
    f = write(tmp_path / "in.txt", data)
    if message is None:
        assert read_one(str(f), max_bytes=LIMIT).text.strip()
    else:
        with pytest.raises(BadArticle, match=message) as err:
            read_one(str(f), max_bytes=LIMIT)
        assert "in.txt" in str(err.value)


def test_enormous_file_is_refused_before_reading(tmp_path: Path) -> None:
    f = write(tmp_path / "big.txt", "word " * 5000)
    with pytest.raises(TooLarge) as err:
        read_one(str(f), max_bytes=1000)
    assert err.value.status == 413 and "big.txt" in str(err.value)


def test_malformed_json_names_the_place(tmp_path: Path) -> None:
    f = write(tmp_path / "broken.json", '{"text": "Iran and Iraq"\n  "url": 3}')
    (failure,) = list(read_paths([str(f)], max_bytes=LIMIT))
    assert isinstance(failure, ReadFailure)
    assert isinstance(failure.error, BadArticle)
    assert "broken.json" in failure.error.message and "line 2 column 3" in failure.error.message


def test_one_bad_file_does_not_stop_the_folder(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Qatar mediated between Israel and Hamas.")
    write(tmp_path / "b.txt", b"\x00\x00binary")
    write(tmp_path / "c.txt", "Egypt opened the Rafah crossing.")
    got = list(read_paths([str(tmp_path)], max_bytes=LIMIT))
    assert [type(g).__name__ for g in got] == ["SourceArticle", "ReadFailure", "SourceArticle"]


def test_records_need_text_or_html() -> None:
    with pytest.raises(BadArticle, match="`text` or an `html`"):
        from_record({"title": "no body"}, max_bytes=LIMIT)
    with pytest.raises(TooLarge):
        from_record({"text": "x" * 2000}, max_bytes=1000)
