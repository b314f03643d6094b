"""A real HTTP(S) server on 127.0.0.1 that serves registry files and misbehaves on demand.

The refresher is tested against this server rather than against mocks of
requests, so every test exercises the real sockets, TLS, redirects, content
decoding and timeouts. Each path is given a list of :class:`Reply` objects,
served in order (the last one repeats), and every request is recorded so
tests can assert what the client sent and how often it retried.

A reply that stalls waits on an event that :meth:`RegistryServer.close`
sets, so no handler thread outlives its test by more than an instant.
"""

from __future__ import annotations

import contextlib
import dataclasses
import http.server
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

__all__ = ["RegistryServer", "Reply", "Seen", "Tls", "make_tls", "serve"]

#: The longest any stall lasts, should a test forget to close its server.
_MAX_STALL = 10.0


@dataclasses.dataclass(frozen=True)
class Reply:
    """One response, and how to misbehave while sending it."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    #: Send ``Content-Length: len(body)``; ``False`` ends the body by closing.
    content_length: bool = True
    #: Wait this long before answering at all.
    stall: float = 0.0
    #: Send only this many bytes of the body, then close (or stall, see below).
    cut_after: int | None = None
    #: After ``cut_after`` bytes, wait this long and then send the rest.
    stall_after_cut: float = 0.0


@dataclasses.dataclass(frozen=True)
class Seen:
    """A request as the server received it."""

    path: str
    headers: dict[str, str]


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    tls: ssl.SSLContext | None = None

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, list[Reply]] = {}
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.release = threading.Event()

    def get_request(self) -> tuple[socket.socket, object]:
        connection, address = super().get_request()
        if self.tls is not None:
            # Handshake lazily, in the handler thread, so a slow client never
            # blocks the accept loop.
            connection = self.tls.wrap_socket(
                connection, server_side=True, do_handshake_on_connect=False
            )
        return connection, address

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that give up (timeouts, refused redirects) are expected here."""

    def next_reply(self, path: str) -> Reply:
        with self.lock:
            replies = self.routes.get(path)
            if not replies:
                return Reply(404, b"no such path on the test server\n")
            return replies.pop(0) if len(replies) > 1 else replies[0]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.seen.append(Seen(self.path, dict(self.headers.items())))
        reply = self.server.next_reply(self.path)
        if reply.stall:
            self.server.release.wait(min(reply.stall, _MAX_STALL))
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.content_length:
            self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if reply.cut_after is None:
            self.wfile.write(reply.body)
            return
        self.wfile.write(reply.body[: reply.cut_after])
        self.wfile.flush()
        if reply.stall_after_cut:
            self.server.release.wait(min(reply.stall_after_cut, _MAX_STALL))
            self.wfile.write(reply.body[reply.cut_after :])

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests assert on :attr:`RegistryServer.seen` instead."""


class RegistryServer:
    """A running server; use :func:`serve` to get one that is closed afterwards."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self._server = _Server()
        self._server.tls = tls
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self.scheme = "https" if tls is not None else "http"

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def route(self, path: str, *replies: Reply) -> str:
        """Serve ``replies`` in order at ``path`` (the last repeats); return its URL."""
        with self._server.lock:
            self._server.routes[path] = list(replies)
        return self.url(path)

    @property
    def seen(self) -> list[Seen]:
        with self._server.lock:
            return list(self._server.seen)

    def hits(self, path: str) -> int:
        return sum(1 for request in self.seen if request.path == path)

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._server.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@contextlib.contextmanager
def serve(tls: ssl.SSLContext | None = None) -> Iterator[RegistryServer]:
    server = RegistryServer(tls)
    server.start()
    try:
        yield server
    finally:
        server.close()


@dataclasses.dataclass(frozen=True)
class Tls:
    """A server-side TLS context for 127.0.0.1 and the CA bundle that trusts it."""

    context: ssl.SSLContext
    ca_bundle: Path


def make_tls(directory: Path) -> Tls:
    """A throw-away CA (trustme) and a certificate for 127.0.0.1 signed by it."""
    import trustme

    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    bundle = directory / "test-ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    return Tls(context, bundle)
