"""Polite, bounded HTTP fetching for URLs and feeds (httpx).

One `Fetcher` per run: a User-Agent, robots.txt (urllib.robotparser), a per-host minimum interval,
timeouts, retries with exponential back-off on network errors, 429 and 5xx, conditional requests
(ETag/Last-Modified from a `Validators` table the caller persists), a size limit checked from
Content-Length and again while streaming, and a bounded number of redirects. Every failure is a
`FetchFailed` naming the URL; callers report it per URL and go on. The transport is injectable
(`httpx.BaseTransport`), as in httpx itself, so tests can count requests.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from graph.errors import KGError

log = logging.getLogger(__name__)

USER_AGENT = "Actorgraph/0.1 (news knowledge graph; polite crawler)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchFailed(KGError):
    """A URL that could not be fetched: network error, HTTP error, robots.txt, too large, bad type."""

    status = 502
    code = "fetch_failed"
    exit_code = 2

    def __init__(self, url: str, reason: str, *, status: int | None = None, hint: str | None = None) -> None:
        super().__init__(f"{url}: {reason}", hint=hint, url=url, http_status=status)
        self.url = url
        self.reason = reason
        self.http_status = status


@dataclass(frozen=True)
class FetchPolicy:
    """How a run fetches; the defaults suit a few feeds followed daily."""

    user_agent: str = USER_AGENT
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_backoff: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    min_interval: float = 1.0  # seconds between two requests to one host
    obey_robots: bool = True


@dataclass
class Response:
    """A fetched resource; `not_modified` when the server answered 304 to a conditional request."""

    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""
    not_modified: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


@dataclass
class Validators:
    """ETag/Last-Modified per URL: the caller loads and saves them with its state file."""

    by_url: dict[str, dict[str, str]] = field(default_factory=dict)

    def headers_for(self, url: str) -> dict[str, str]:
        got = self.by_url.get(url, {})
        out = {}
        if got.get("etag"):
            out["If-None-Match"] = got["etag"]
        if got.get("last_modified"):
            out["If-Modified-Since"] = got["last_modified"]
        return out

    def remember(self, url: str, headers: dict[str, str]) -> None:
        found = {
            k: headers[h] for k, h in (("etag", "etag"), ("last_modified", "last-modified")) if h in headers
        }
        if found:
            self.by_url[url] = found

    def forget(self, url: str) -> None:
        self.by_url.pop(url, None)


class Fetcher:
    """GET with the policy applied; one per run (it holds the robots and rate-limit state)."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.sleep = sleep
        self.clock = clock
        self.client = httpx.Client(
            transport=transport,
            headers={"User-Agent": self.policy.user_agent},
            timeout=self.policy.timeout,
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------------------ public

    def get(self, url: str, *, validators: Validators | None = None) -> Response:
        """The resource at `url`; with `validators`, a conditional request (304: `not_modified`, no body)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchFailed(url, "not an http(s) URL", hint="pass a URL such as https://example.org/news/1")
        if self.policy.obey_robots and not self._allowed(url):
            raise FetchFailed(url, "disallowed by robots.txt", hint="the site asks crawlers not to fetch it")
        headers = validators.headers_for(url) if validators is not None else {}
        resp = self._get_with_retries(url, headers)
        if validators is not None and not resp.not_modified:
            validators.remember(url, resp.headers)
        return resp

    # ----------------------------------------------------------------------- plumbing

    def _wait_turn(self, host: str) -> None:
        """Keep `min_interval` between two requests to one host (concurrent callers queue)."""
        with self._lock:
            now = self.clock()
            ready = self._last.get(host, -1e18) + self.policy.min_interval
            start = max(now, ready)
            self._last[host] = start
        if start > now:
            self.sleep(start - now)

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> Response:
        attempt = 0
        while True:
            try:
                resp = self._get_once(url, headers)
            except FetchFailed as exc:
                if not self._retryable(exc) or attempt >= self.policy.retries:
                    raise
                delay = self._delay(attempt, getattr(exc, "retry_after", None))
                log.info("retrying %s in %.1fs: %s", url, delay, exc.reason)
                self.sleep(delay)
                attempt += 1
                continue
            return resp

    @staticmethod
    def _retryable(exc: FetchFailed) -> bool:
        return (
            exc.http_status is None and exc.data.get("transient", False)
        ) or exc.http_status in RETRY_STATUSES

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        delay = self.policy.backoff * (2**attempt)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return min(delay, self.policy.max_backoff)

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_turn(urlsplit(url).netloc.lower())
        limit = self.policy.max_bytes
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                got = {k.lower(): v for k, v in r.headers.items()}
                final = str(r.url)
                if r.status_code == 304:
                    return Response(final, 304, got, not_modified=True)
                if r.status_code >= 400:
                    exc = FetchFailed(url, f"HTTP {r.status_code} {r.reason_phrase}", status=r.status_code)
                    exc.retry_after = _retry_after(got.get("retry-after"))  # type: ignore[attr-defined]
                    raise exc
                declared = got.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchFailed(url, f"is {int(declared):,} bytes, above the limit of {limit:,}")
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchFailed(url, f"is more than {limit:,} bytes, the limit")
                return Response(final, r.status_code, got, bytes(body))
        except httpx.TooManyRedirects as exc:
            raise FetchFailed(url, f"more than {self.policy.max_redirects} redirects") from exc
        except httpx.TimeoutException as exc:
            raise _transient(url, f"timed out after {self.policy.timeout:g}s") from exc
        except httpx.TransportError as exc:
            raise _transient(url, f"network error: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(url, f"HTTP error: {exc}") from exc

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        return True if rules is None else rules.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """Rules of a site; None (allow all) when it has no robots.txt (4xx), as RFC 9309 says."""
        robots_url = f"{origin}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            resp = self._get_with_retries(robots_url, {})
        except FetchFailed as exc:
            if exc.http_status is not None and 400 <= exc.http_status < 500:
                return None
            # Unreachable or 5xx: RFC 9309 says assume complete disallow.
            raise FetchFailed(origin, f"robots.txt unavailable ({exc.reason})") from exc
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        return parser


def _transient(url: str, reason: str) -> FetchFailed:
    exc = FetchFailed(url, reason)
    exc.data["transient"] = True
    return exc


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds or as an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    from datetime import UTC, datetime

    return max(0.0, (when - datetime.now(UTC)).total_seconds())
