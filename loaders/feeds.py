"""RSS/Atom feeds (feedparser): every entry not yet seen becomes an article, fetched from its link.

`FeedState` (a JSON file under `$KG_HOME/state/`) keeps, per feed, the keys of the entries already
ingested, and the ETag/Last-Modified of each feed so that an unchanged feed costs one 304. An entry is
marked seen only after its article is in the store, and a feed whose entries did not all succeed keeps
no validators, so its next read is a full one and the failed entries are tried again: a restart
neither re-fetches what is stored nor misses what is not.

A process reads and rewrites the state under an exclusive `StateLock` (`FeedState.locked`), taken
before it reads the file and held until it is done (a watcher: its whole life). Without it, two
watchers on one KG_HOME would each save their own copy over the other's (entries lost from the
state, so fetched and ingested again) and fetch the same new entries twice.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import KGError
from loaders.fetch import Fetcher, FetchFailed, Validators
from loaders.runstate import StateLock, read_json, write_json_atomic
from loaders.source import ReadFailure, SourceArticle
from loaders.web import page_article

log = logging.getLogger(__name__)


class FeedState:
    """Seen entry keys per feed and HTTP validators per URL, saved atomically after each feed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = read_json(path, {})
        data = data if isinstance(data, dict) else {}
        self.seen: dict[str, set[str]] = {k: set(v) for k, v in data.get("seen", {}).items()}
        self.validators = Validators(dict(data.get("validators", {})))

    @classmethod
    @contextmanager
    def locked(cls, path: Path, holder: str) -> Iterator[FeedState]:
        """The state of `path`, read under its exclusive lock and held until the block ends.

        Raises `StateLocked` at once if another process holds it: a second watcher fails rather than
        waits, since the first may run for days.
        """
        with StateLock(path, holder):
            yield cls(path)

    def save(self) -> None:
        write_json_atomic(
            self.path,
            {"seen": {k: sorted(v) for k, v in self.seen.items()}, "validators": self.validators.by_url},
        )


@dataclass
class FeedResult:
    """One read of one feed."""

    feed: str
    not_modified: bool = False
    entries: int = 0  # in the feed document
    new: int = 0  # not seen before
    stored: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


def entry_key(entry: Any) -> str:
    """An entry's identity: its id/guid, else its link, else a hash of its title and summary."""
    for attr in ("id", "link"):
        value = entry.get(attr)
        if value:
            return str(value)
    text = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


def entry_meta(entry: Any, feed_title: str | None) -> dict[str, Any]:
    """Title, publication date and source of an entry, which win over the page's own metadata."""
    meta: dict[str, Any] = {}
    if entry.get("title"):
        meta["title"] = entry["title"]
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        meta["published"] = time.strftime("%Y-%m-%d", parsed)
    if feed_title:
        meta["source"] = feed_title
    return meta


def read_feed(
    fetcher: Fetcher,
    feed_url: str,
    state: FeedState,
    store_articles: Callable[[list[SourceArticle]], None],
) -> FeedResult:
    """Fetch a feed (conditionally), ingest its unseen entries, then record them in `state`.

    `store_articles` extracts and writes a list of articles; the state is saved only after it returns.
    A failure of the feed itself is a `ReadFailure` in the result, never an exception.
    """
    import feedparser

    result = FeedResult(feed_url)
    try:
        resp = fetcher.get(feed_url, validators=state.validators)
    except KGError as exc:
        result.failures.append(ReadFailure(feed_url, exc))
        return result
    if resp.not_modified:
        result.not_modified = True
        return result
    doc = feedparser.parse(resp.body, response_headers=resp.headers)
    if not doc.entries and doc.get("bozo"):
        state.validators.forget(feed_url)
        result.failures.append(ReadFailure(feed_url, FetchFailed(feed_url, "is not an RSS or Atom feed")))
        state.save()
        return result
    seen = state.seen.setdefault(feed_url, set())
    title = doc.feed.get("title")
    result.entries = len(doc.entries)
    fresh = [e for e in doc.entries if entry_key(e) not in seen]
    result.new = len(fresh)
    articles: list[SourceArticle] = []
    keys: list[str] = []
    for entry in fresh:
        link = entry.get("link")
        try:
            if not link:
                raise FetchFailed(feed_url, f"entry {entry_key(entry)!r} has no link")
            articles.append(page_article(fetcher, link, entry_meta(entry, title)))
            keys.append(entry_key(entry))
        except KGError as exc:
            result.failures.append(ReadFailure(link or feed_url, exc))
    if articles:
        try:
            store_articles(articles)
        except BaseException:
            state.validators.forget(feed_url)  # nothing was recorded: the next read must be a full one
            raise
    seen.update(keys)
    result.stored = len(keys)
    if result.failures:
        state.validators.forget(feed_url)  # read it whole next time, to retry the failed entries
    state.save()
    return result


def parse_interval(text: str) -> float:
    """`90`, `30s`, `15m`, `2h`, `1d` as seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value = text.strip().lower()
    try:
        seconds = float(value[:-1]) * units[value[-1]] if value and value[-1] in units else float(value)
    except ValueError as exc:
        from graph.errors import InvalidInput

        raise InvalidInput(f"--every {text!r} is not an interval", hint="e.g. 30s, 15m, 2h") from exc
    if seconds <= 0:
        from graph.errors import InvalidInput

        raise InvalidInput(f"--every {text!r} must be positive", hint="e.g. 15m")
    return seconds
