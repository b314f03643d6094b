"""The small rules a careful HTTP client follows, each testable on its own.

Which URLs may be fetched and redirected to (https only), how long a
``Retry-After`` asks to wait, how a nested requests/urllib3 error reads on one
line, and how statuscheck names itself to the server.
"""

from __future__ import annotations

import datetime
import email.utils
from urllib.parse import urlsplit

from statuscheck.refresh.fetch_model import FetchError

__all__ = ["check_redirect", "check_scheme", "error_reason", "retry_after_seconds", "user_agent"]


def user_agent() -> str:
    """``statuscheck/0.1.0 (IANA HTTP status code registry refresher; python-requests/2.x)``."""
    from importlib.metadata import PackageNotFoundError, version

    import requests

    try:
        own = version("statuscheck")
    except PackageNotFoundError:  # running from a bare source tree
        own = "unknown"
    return (
        f"statuscheck/{own} (IANA HTTP status code registry refresher; "
        f"python-requests/{requests.__version__})"
    )


def check_scheme(target: str, *, url: str) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("https", "http"):
        raise FetchError(f"unsupported URL scheme {scheme or '(none)'!r}: use https", url=url)


def check_redirect(current: str, target: str) -> None:
    if urlsplit(target).scheme.lower() != "https":
        raise FetchError(
            f"refusing to follow a redirect to {target}: redirects are followed only to https",
            url=current,
        )


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds())


def error_reason(error: BaseException) -> str:
    """The innermost useful cause of a requests/urllib3 error, on one line."""
    seen: set[int] = set()
    current: BaseException | None = error
    reason = str(error)
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            reason = current.strerror
            break
        nested = [arg for arg in current.args if isinstance(arg, BaseException)]
        inner = getattr(current, "reason", None)
        if isinstance(inner, BaseException):
            nested.insert(0, inner)
        current = nested[0] if nested else current.__cause__ or current.__context__
        if current is not None and str(current):
            reason = str(current)
    text = " ".join(reason.split())
    return text if len(text) <= 200 else text[:197] + "..."
