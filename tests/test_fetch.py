"""The HTTP fetcher against a real server on 127.0.0.1 that misbehaves on demand.

Waits between retries go through an injected ``sleep`` that records what it
was asked for, so backoff and ``Retry-After`` are asserted exactly without
the tests waiting for them.
"""

from __future__ import annotations

import email.utils
import gzip
import time
from pathlib import Path

import pytest

from statuscheck.refresh.fetch import fetch
from statuscheck.refresh.fetch_model import FetchError, FetchOptions
from tests.conftest import NEWEST_CSV
from tests.registry_server import RegistryServer, Reply, Tls, serve

FAST = FetchOptions(timeout=0.5, backoff=0.001, retries=3)
CSV = NEWEST_CSV.read_bytes()


def _fetch(url: str, options: FetchOptions = FAST) -> tuple[bytes, list[float]]:
    """The body fetched, and the waits between attempts (recorded, not slept)."""
    sleeps: list[float] = []
    fetched = fetch(url, options=options, sleep=sleeps.append)
    return fetched.body, sleeps


def test_a_plain_fetch_sends_a_descriptive_user_agent(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(body=CSV, headers=(("ETag", '"v1"'),)))
    fetched = fetch(url, options=FAST)
    assert (fetched.status, fetched.body, fetched.attempts, fetched.etag) == (200, CSV, 1, '"v1"')
    (request,) = server.seen
    assert request.headers["User-Agent"].startswith("statuscheck/")
    assert "registry refresher" in request.headers["User-Agent"]
    assert "text/csv" in request.headers["Accept"]
    assert "If-None-Match" not in request.headers


def test_server_errors_are_retried_with_exponential_backoff(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(500), Reply(502), Reply(504), Reply(body=CSV))
    body, sleeps = _fetch(url, FetchOptions(timeout=0.5, backoff=0.25, retries=3))
    assert body == CSV
    assert sleeps == [0.25, 0.5, 1.0]
    assert server.hits("/csv") == 4


def test_retries_are_bounded(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(500))
    with pytest.raises(FetchError) as caught:
        _fetch(url, FetchOptions(timeout=0.5, backoff=0.001, retries=2))
    assert str(caught.value) == f"{url}: HTTP 500 Internal Server Error (gave up after 3 attempts)"
    assert server.hits("/csv") == 3


def test_retry_after_in_seconds_is_honoured(server: RegistryServer) -> None:
    url = server.route(
        "/csv", Reply(503, headers=(("Retry-After", "7"),)), Reply(429), Reply(body=CSV)
    )
    body, sleeps = _fetch(url, FetchOptions(timeout=0.5, backoff=0.5))
    assert (body, sleeps) == (CSV, [7.0, 1.0])


def test_retry_after_as_a_date_is_honoured(server: RegistryServer) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    url = server.route("/csv", Reply(503, headers=(("Retry-After", when),)), Reply(body=CSV))
    _, (slept,) = _fetch(url)
    assert 20 < slept <= 31


def test_a_retry_after_beyond_the_limit_ends_the_fetch_at_once(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(503, headers=(("Retry-After", "86400"),)), Reply(body=CSV))
    with pytest.raises(FetchError, match="Retry-After asks to wait 86400 s, more than the 120 s"):
        _fetch(url)
    assert server.hits("/csv") == 1


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_client_errors_are_not_retried(server: RegistryServer, status: int) -> None:
    url = server.route("/csv", Reply(status))
    with pytest.raises(FetchError, match=rf"^{url}: HTTP {status} \w"):
        _fetch(url)
    assert server.hits("/csv") == 1


def test_conditional_requests_turn_an_unchanged_registry_into_a_304(
    server: RegistryServer,
) -> None:
    url = server.route("/csv", Reply(304))
    fetched = fetch(url, options=FAST, etag='"v1"', last_modified="Mon, 15 Sep 2025 00:00:00 GMT")
    assert fetched.not_modified
    assert fetched.body == b""
    (request,) = server.seen
    assert request.headers["If-None-Match"] == '"v1"'
    assert request.headers["If-Modified-Since"] == "Mon, 15 Sep 2025 00:00:00 GMT"


def test_a_304_to_an_unconditional_request_is_an_error(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(304))
    with pytest.raises(FetchError, match="304 Not Modified to an unconditional request"):
        _fetch(url)


@pytest.mark.parametrize("declared", [True, False], ids=["Content-Length", "no length"])
def test_an_oversized_body_is_refused(server: RegistryServer, declared: bool) -> None:
    url = server.route("/csv", Reply(body=CSV * 10, content_length=declared))
    options = FetchOptions(timeout=0.5, backoff=0.001, max_bytes=len(CSV))
    with pytest.raises(FetchError, match=f"exceeds the {len(CSV)}-byte limit"):
        _fetch(url, options)
    assert server.hits("/csv") == 1


def test_a_gzip_bomb_is_cut_off_at_the_limit_after_decompression(server: RegistryServer) -> None:
    bomb = gzip.compress(b"\n" * 50_000_000)
    url = server.route("/csv", Reply(body=bomb, headers=(("Content-Encoding", "gzip"),)))
    assert len(bomb) < 100_000
    with pytest.raises(FetchError, match="body exceeds the 1048576-byte limit"):
        _fetch(url)


def test_gzip_content_encoding_is_decoded(server: RegistryServer) -> None:
    url = server.route(
        "/csv", Reply(body=gzip.compress(CSV), headers=(("Content-Encoding", "gzip"),))
    )
    assert _fetch(url)[0] == CSV


def test_a_body_cut_short_is_retried_and_then_reported(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(body=CSV, cut_after=1000))
    with pytest.raises(FetchError) as caught:
        _fetch(url, FetchOptions(timeout=0.5, backoff=0.001, retries=1))
    assert str(caught.value).startswith(f"{url}: body cut short: IncompleteRead(1000 bytes read")
    assert str(caught.value).endswith("(gave up after 2 attempts)")
    assert server.hits("/csv") == 2


def test_a_body_cut_short_once_succeeds_on_retry(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(body=CSV, cut_after=1000), Reply(body=CSV))
    assert _fetch(url)[0] == CSV


def test_a_stalled_server_times_out(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(body=CSV, stall=5))
    with pytest.raises(FetchError) as caught:
        _fetch(url, FetchOptions(timeout=0.3, retries=0))
    assert str(caught.value) == f"{url}: no response within 0.3 s (gave up after 1 attempt)"


def test_a_trickling_body_hits_the_attempt_deadline(server: RegistryServer) -> None:
    url = server.route("/csv", Reply(body=CSV, cut_after=100, stall_after_cut=0.6))
    with pytest.raises(FetchError, match=r"body not complete within 0\.2 s"):
        _fetch(url, FetchOptions(timeout=2, deadline=0.2, retries=0))


def test_https_is_verified_against_the_given_ca_bundle(
    https_server: RegistryServer, tls: Tls
) -> None:
    url = https_server.route("/csv", Reply(body=CSV))
    assert url.startswith("https://127.0.0.1:")
    assert _fetch(url, FetchOptions(timeout=0.5, ca_bundle=str(tls.ca_bundle)))[0] == CSV


def test_requests_ca_bundle_in_the_environment_is_honoured(
    https_server: RegistryServer, tls: Tls, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tls.ca_bundle))
    url = https_server.route("/csv", Reply(body=CSV))
    assert _fetch(url)[0] == CSV


def test_an_untrusted_certificate_is_an_error_and_not_retried(
    https_server: RegistryServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    url = https_server.route("/csv", Reply(body=CSV))
    with pytest.raises(FetchError, match=f"^{url}: TLS failure: .*certificate verify failed"):
        _fetch(url)
    assert https_server.hits("/csv") == 0  # the handshake failed: no request was made


def test_redirects_within_https_are_followed(https_server: RegistryServer, tls: Tls) -> None:
    final = https_server.route("/registry.csv", Reply(body=CSV, headers=(("ETag", '"x"'),)))
    https_server.route("/moved", Reply(302, headers=(("Location", "/registry.csv"),)))
    start = https_server.route("/old", Reply(301, headers=(("Location", final),)))
    fetched = fetch(start, options=FetchOptions(timeout=0.5, ca_bundle=str(tls.ca_bundle)))
    assert (fetched.url, fetched.body, fetched.etag) == (final, CSV, '"x"')


def test_a_redirect_to_http_is_refused(
    https_server: RegistryServer, server: RegistryServer, tls: Tls
) -> None:
    plain = server.route("/csv", Reply(body=CSV))
    start = https_server.route("/csv", Reply(302, headers=(("Location", plain),)))
    with pytest.raises(FetchError) as caught:
        fetch(start, options=FetchOptions(timeout=0.5, ca_bundle=str(tls.ca_bundle)))
    assert str(caught.value) == (
        f"{start}: refusing to follow a redirect to {plain}: redirects are followed only to https"
    )
    assert server.hits("/csv") == 0


def test_redirects_are_bounded(https_server: RegistryServer, tls: Tls) -> None:
    loop = https_server.route("/loop", Reply(302, headers=(("Location", "/loop"),)))
    options = FetchOptions(timeout=0.5, ca_bundle=str(tls.ca_bundle), max_redirects=3)
    with pytest.raises(FetchError, match=f"^{loop}: more than 3 redirects"):
        fetch(loop, options=options)
    assert https_server.hits("/loop") == 4


def test_a_refused_connection_is_retried_then_reported(tmp_path: Path) -> None:
    with serve() as closed:
        url = closed.url("/csv")
    with pytest.raises(FetchError) as caught:
        _fetch(url, FetchOptions(timeout=0.5, backoff=0.001, retries=1))
    assert str(caught.value) == (
        f"{url}: cannot connect: Connection refused (gave up after 2 attempts)"
    )


@pytest.mark.parametrize("url", ["ftp://example.org/registry.csv", "registry.csv"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        _fetch(url)
