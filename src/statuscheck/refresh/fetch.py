"""Fetching the live registry over HTTP(S) with requests, defensively.

A refresher that runs unattended must tell "the registry changed" from "the
network had a bad day", so every way a fetch can go wrong ends in a
:class:`FetchError` (exit status 2), never in a body that would be diffed:

- every request has a connect and read timeout, and each attempt a deadline;
- connection errors, timeouts, truncated bodies, 408, 429 and 5xx are retried
  a bounded number of times with exponential backoff, honouring
  ``Retry-After`` up to a limit;
- bodies are read in chunks and abandoned past a size limit (after
  decompression, so a gzip bomb is cut off too);
- redirects are followed by hand, a bounded number of times, and only to
  ``https`` URLs;
- conditional requests (``If-None-Match``/``If-Modified-Since``) turn an
  unchanged registry into a cheap ``304``.

requests is imported inside :func:`fetch` so that importing statuscheck never
pays for it.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING, Callable
from urllib.parse import urljoin

if TYPE_CHECKING:
    import requests
from statuscheck.refresh.fetch_model import Fetched, FetchError, FetchOptions
from statuscheck.refresh.http_rules import (
    check_redirect,
    check_scheme,
    error_reason,
    retry_after_seconds,
    user_agent,
)

__all__ = ["DEFAULT_URL", "fetch"]

DEFAULT_URL = "https://www.iana.org/assignments/http-status-codes/http-status-codes-1.csv"
_ACCEPT = (
    "text/csv, application/xml;q=0.9, text/xml;q=0.9, application/xhtml+xml;q=0.8, "
    "text/html;q=0.5, */*;q=0.1"
)
_RETRY_STATUSES = frozenset({408, 429})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 16384


class _Retryable(Exception):
    """A failure worth another attempt."""

    def __init__(self, problem: str, *, url: str, retry_after: float | None = None):
        super().__init__(problem)
        self.problem = problem
        self.url = url
        self.retry_after = retry_after


def fetch(
    url: str,
    *,
    options: FetchOptions | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Fetched:
    """GET ``url`` under ``options``; ``etag``/``last_modified`` make the request conditional.

    Raises :class:`FetchError` for anything but a complete 200 or a 304.
    """
    import requests

    options = options or FetchOptions()
    check_scheme(url, url=url)
    conditional: dict[str, str] = {}
    if etag:
        conditional["If-None-Match"] = etag
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    with requests.Session() as session:
        session.headers.update({"User-Agent": user_agent(), "Accept": _ACCEPT})
        attempt = 0
        while True:
            attempt += 1
            try:
                fetched = _attempt(session, url, conditional, options, clock)
                return dataclasses.replace(fetched, attempts=attempt)
            except _Retryable as failure:
                if attempt > options.retries:
                    tries = f"{attempt} attempts" if attempt > 1 else "1 attempt"
                    raise FetchError(
                        f"{failure.problem} (gave up after {tries})", url=failure.url
                    ) from None
                delay = min(options.backoff * 2 ** (attempt - 1), options.max_backoff)
                if failure.retry_after is not None:
                    if failure.retry_after > options.max_retry_after:
                        raise FetchError(
                            f"{failure.problem}, and Retry-After asks to wait "
                            f"{failure.retry_after:g} s, more than the "
                            f"{options.max_retry_after:g} s limit",
                            url=failure.url,
                        ) from None
                    delay = failure.retry_after
                sleep(delay)


def _attempt(
    session: requests.Session,
    url: str,
    conditional: dict[str, str],
    options: FetchOptions,
    clock: Callable[[], float],
) -> Fetched:
    import requests

    deadline = clock() + options.deadline
    current = url
    for _hop in range(options.max_redirects + 1):
        try:
            response = session.get(
                current,
                headers=conditional,
                timeout=(options.timeout, options.timeout),
                stream=True,
                allow_redirects=False,
                verify=options.ca_bundle if options.ca_bundle is not None else True,
            )
        except requests.exceptions.SSLError as error:
            raise FetchError(f"TLS failure: {error_reason(error)}", url=current) from None
        except requests.exceptions.Timeout:
            raise _Retryable(f"no response within {options.timeout:g} s", url=current) from None
        except requests.exceptions.ConnectionError as error:
            raise _Retryable(f"cannot connect: {error_reason(error)}", url=current) from None
        except (requests.exceptions.RequestException, OSError, ValueError) as error:
            raise FetchError(f"request failed: {error_reason(error)}", url=current) from None
        with response:
            status = response.status_code
            if status in _REDIRECT_STATUSES and "Location" in response.headers:
                target = urljoin(current, response.headers["Location"])
                check_redirect(current, target)
                current = target
                continue
            if status == 304:
                if not conditional:
                    raise FetchError(
                        "HTTP 304 Not Modified to an unconditional request", url=current
                    )
                return _fetched(current, response, b"")
            if status == 200:
                return _fetched(
                    current, response, _body(response, current, options, deadline, clock)
                )
            problem = f"HTTP {status} {response.reason or ''}".rstrip()
            if status in _RETRY_STATUSES or 500 <= status <= 599:
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                raise _Retryable(problem, url=current, retry_after=retry_after)
            raise FetchError(problem, url=current)
    raise FetchError(f"more than {options.max_redirects} redirects (a redirect loop?)", url=url)


def _body(
    response: requests.Response,
    url: str,
    options: FetchOptions,
    deadline: float,
    clock: Callable[[], float],
) -> bytes:
    import requests

    limit = options.max_bytes
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"body of {int(declared)} bytes exceeds the {limit}-byte limit", url=url)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"body exceeds the {limit}-byte limit", url=url)
            if clock() > deadline:
                raise _Retryable(
                    f"body not complete within {options.deadline:g} s (a stalled server?)",
                    url=url,
                )
            chunks.append(chunk)
    except requests.exceptions.ContentDecodingError as error:
        raise FetchError(f"cannot decode the body: {error_reason(error)}", url=url) from None
    except requests.exceptions.ChunkedEncodingError as error:
        raise _Retryable(f"body cut short: {error_reason(error)}", url=url) from None
    except requests.exceptions.ConnectionError as error:
        raise _Retryable(f"reading the body failed: {error_reason(error)}", url=url) from None
    encoded = response.headers.get("Content-Encoding", "identity").lower() != "identity"
    if declared.isdigit() and not encoded and size != int(declared):
        # urllib3 2 raises IncompleteRead itself; urllib3 1.x does not by default.
        raise _Retryable(f"body cut short: {size} of {int(declared)} bytes", url=url)
    return b"".join(chunks)


def _fetched(url: str, response: requests.Response, body: bytes) -> Fetched:
    headers = response.headers
    return Fetched(
        url=url,
        status=response.status_code,
        body=body,
        attempts=1,
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
        content_type=headers.get("Content-Type"),
    )
