"""A headless Chromium, driven over the DevTools protocol, for testing pages for real.

Chromium runs with ``--remote-debugging-pipe``: the DevTools protocol then
travels as NUL-terminated JSON over file descriptors 3 and 4, so the tests
need no websocket client, no WebDriver, no port and no extra dependency, and
nothing listens on the network. Every console error the page causes is
collected -- uncaught exceptions, ``console.error``/``console.assert``, and the
browser's own error log (a resource that fails to load, a blocked request) --
as is every request for something that is not a local file, so a page that
is not self-contained is caught too.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["Browser", "BrowserError", "PageReport", "find_browser"]

CANDIDATES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",  # root in a container; the pages are our own
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-crash-reporter",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
_LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


class BrowserError(Exception):
    """The browser could not be started or did not answer in time."""


@dataclasses.dataclass(frozen=True)
class PageReport:
    """What loading one page produced."""

    url: str
    console_errors: tuple[str, ...]
    external_requests: tuple[str, ...]
    #: The value of the ``evaluate`` expression, if one was given.
    value: Any = None
    screenshot: Path | None = None


def find_browser() -> str | None:
    """``$STATUSCHECK_CHROMIUM`` or the first Chromium on ``PATH``; ``None`` if there is none."""
    explicit = os.environ.get("STATUSCHECK_CHROMIUM")
    if explicit:
        return explicit if shutil.which(explicit) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    """``fd`` moved above 10, close-on-exec, so it can never land on 3 or 4 by accident."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """``with Browser(path) as browser: report = browser.load(page)``."""

    def __init__(self, executable: str, *, timeout: float = 30.0) -> None:
        self.executable = executable
        self.timeout = timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._profile: str | None = None
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        self._profile = tempfile.mkdtemp(prefix="statuscheck-chromium-")
        commands_read, self._commands = map(_high, os.pipe())
        self._replies, replies_write = map(_high, os.pipe())

        def on_fds_3_and_4() -> None:  # runs in the child, between fork and exec
            os.dup2(commands_read, 3)
            os.dup2(replies_write, 4)

        try:
            self._process = subprocess.Popen(
                [self.executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=False,  # keep 3 and 4; everything else is close-on-exec
                preexec_fn=on_fds_3_and_4,
                start_new_session=True,  # its helpers form a group we can stop by its id
            )
        finally:
            os.close(commands_read)
            os.close(replies_write)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        process = self._process
        if process is not None:
            try:
                self._send("Browser.close")
                process.wait(timeout=10)
            except (OSError, BrowserError, subprocess.TimeoutExpired):
                pass
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        for fd in (self._commands, self._replies):
            with contextlib.suppress(OSError):
                os.close(fd)
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)

    # -- the protocol -------------------------------------------------------------------------

    def _send(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"no answer from {self.executable} in {self.timeout} s")
            ready, _, _ = select.select([self._replies], [], [], remaining)
            if ready:
                chunk = os.read(self._replies, 1 << 20)
                if not chunk:
                    raise BrowserError(f"{self.executable} exited")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def call(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> Any:
        """Send a command and return its result; events that arrive meanwhile are kept."""
        wanted = self._send(method, params, session)
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self._events.append(message)

    def _wait_for(self, event: str, session: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e["method"] == event and e.get("sessionId") == session for e in self._events):
            message = self._receive(deadline)
            if "method" in message:
                self._events.append(message)

    # -- pages --------------------------------------------------------------------------------

    def load(
        self,
        page: Path,
        *,
        evaluate: str | None = None,
        screenshot: Path | None = None,
        width: int = 1600,
        height: int = 1000,
    ) -> PageReport:
        """Open ``page`` in a new tab, wait for it to load and settle, and report.

        The screenshot (the whole page) is taken before ``evaluate`` runs, so it
        shows the page as it first appears.
        """
        url = page.resolve().as_uri()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self._events.clear()
        for domain in ("Runtime", "Log", "Network", "Page"):
            self.call(f"{domain}.enable", session=session)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        self.call("Page.navigate", {"url": url}, session=session)
        self._wait_for("Page.loadEventFired", session)
        # Two frames and a tick, so errors thrown by late scripts are in too.
        self.call(
            "Runtime.evaluate",
            {
                "expression": "new Promise(done => requestAnimationFrame("
                "() => requestAnimationFrame(() => setTimeout(done, 50))))",
                "awaitPromise": True,
            },
            session=session,
        )
        if screenshot is not None:
            size = self.call("Page.getLayoutMetrics", session=session)["cssContentSize"]
            shot = self.call(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {
                        "x": 0,
                        "y": 0,
                        "width": max(size["width"], 1),
                        "height": max(size["height"], 1),
                        "scale": 1,
                    },
                },
                session=session,
            )
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        value = None
        if evaluate is not None:
            result = self.call(
                "Runtime.evaluate",
                {"expression": evaluate, "returnByValue": True, "awaitPromise": True},
                session=session,
            )
            if "exceptionDetails" in result:
                raise BrowserError(f"evaluating failed: {result['exceptionDetails']}")
            value = result["result"].get("value")
        events = [e for e in self._events if e.get("sessionId") == session]
        self.call("Target.closeTarget", {"targetId": target})
        return PageReport(
            url=url,
            console_errors=tuple(_console_errors(events)),
            external_requests=tuple(_external_requests(events)),
            value=value,
            screenshot=screenshot,
        )


def _console_errors(events: list[dict[str, Any]]) -> list[str]:
    errors = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            thrown = details.get("exception", {}).get("description") or details.get("text")
            errors.append(
                f"uncaught: {thrown} ({details.get('url', '')}:{details.get('lineNumber')})"
            )
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            words = [str(arg.get("value", arg.get("description", ""))) for arg in params["args"]]
            errors.append(f"console.{params['type']}: {' '.join(words)}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            errors.append(
                f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip()
            )
    return errors


def _external_requests(events: list[dict[str, Any]]) -> list[str]:
    return [
        e["params"]["request"]["url"]
        for e in events
        if e["method"] == "Network.requestWillBeSent"
        and not e["params"]["request"]["url"].startswith(_LOCAL_SCHEMES)
    ]
