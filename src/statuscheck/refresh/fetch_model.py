"""What a fetch is given and gives back: its limits, its result, its one error type.

Kept apart from the HTTP code so that the refresher, its reports and the CLI
can speak of fetches without importing requests.
"""

from __future__ import annotations

import dataclasses

from statuscheck.registry.errors import StatuscheckError

__all__ = ["FetchError", "FetchOptions", "Fetched"]


class FetchError(StatuscheckError):
    """The registry could not be fetched; the message names the URL."""

    def __init__(self, problem: str, *, url: str):
        self.problem = problem
        self.url = url
        super().__init__(f"{url}: {problem}")


@dataclasses.dataclass(frozen=True)
class FetchOptions:
    """Limits and knobs of one fetch. Defaults suit iana.org; tests shrink them."""

    #: Seconds allowed to connect, and between two reads of the body.
    timeout: float = 10.0
    #: Seconds allowed for one attempt from request to last body byte.
    deadline: float = 60.0
    #: Retries after the first attempt (so ``retries + 1`` attempts at most).
    retries: int = 3
    #: Seconds before the first retry; doubled before each further one.
    backoff: float = 1.0
    max_backoff: float = 30.0
    #: The longest ``Retry-After`` honoured; a server asking for more ends the fetch.
    max_retry_after: float = 120.0
    #: The largest body accepted, after content decoding.
    max_bytes: int = 1024 * 1024
    max_redirects: int = 5
    #: A CA bundle to verify TLS with; ``None`` means requests' default
    #: (certifi, or ``REQUESTS_CA_BUNDLE`` when set).
    ca_bundle: str | None = None


@dataclasses.dataclass(frozen=True)
class Fetched:
    """A successful fetch: a body (status 200) or "not modified" (status 304)."""

    url: str
    status: int
    body: bytes
    attempts: int
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304
