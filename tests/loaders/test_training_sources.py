"""The learned parts' training sentences never come from a page that a check set measures.

bench/news, bench/news2, bench/news3, bench/news4, bench/news5, bench/news6 and bench/news7 (and ../shared/eval/dev, when it
sits beside the checkout) are the texts the extraction is scored on; a training sentence taken from one of their pages
would make that article's score measure memory, not extraction. Round 10 found eleven such sentences and dropped
them (docs/learned-relations.md); this keeps it from happening again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRAINING = sorted((ROOT / "loaders/data/training").glob("*.jsonl"))


def page_key(url: str) -> str:
    """A page's address without scheme, mobile/AMP host prefix, query, AMP path part or trailing slash."""
    key = re.sub(r"^https?://(www\.|m\.|amp\.)?", "", url.strip().lower())
    key = key.split("?")[0].split("#")[0].replace("/amp/", "/")
    return key.rstrip("/")


def check_set_pages() -> dict[str, str]:
    metas = [*ROOT.glob("bench/news*/*.meta.json"), *(ROOT.parent / "shared/eval/dev").glob("*.meta.json")]
    pages = {}
    for meta in metas:
        url = json.loads(meta.read_text()).get("url") or ""
        if url:
            pages[page_key(url)] = meta.name
    return pages


def test_page_key_ignores_scheme_host_prefix_and_query() -> None:
    assert page_key("https://www.example.org/world/story-1/?ref=rss") == page_key(
        "http://example.org/world/story-1"
    )
    assert page_key("https://example.org/amp/world/story-1") == page_key("https://example.org/world/story-1")
    assert page_key("https://example.org/world/story-1") != page_key("https://example.org/world/story-2")


def test_the_check_sets_are_found() -> None:
    assert len(check_set_pages()) >= 104  # bench/news and news2..news7 hold 112 articles


@pytest.mark.parametrize("path", TRAINING, ids=lambda p: p.name)
def test_no_training_sentence_comes_from_a_check_set_page(path: Path) -> None:
    pages = check_set_pages()
    clashes = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        url = json.loads(line).get("url") or ""
        if page_key(url) in pages:
            clashes.append(f"{path.name}:{n} {url} is the page of {pages[page_key(url)]}")
    assert not clashes, "\n".join(clashes)
