"""``statuscheck refresh`` and ``statuscheck diff``, end to end against a real loopback server.

Every failure case runs with ``--write`` and asserts the exit status, the
message, and that the snapshot and its provenance are byte-identical
afterwards. The registry bytes served are the real files in
``tests/data/iana`` or bytes derived from them by code.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

from statuscheck.cli.main import main
from statuscheck.registry.snapshot import Provenance
from tests.conftest import IANA, NEWEST_CSV, OLD_CSV, SNAPSHOT
from tests.registry_server import RegistryServer, Reply, Tls, serve

CSV = NEWEST_CSV.read_bytes()
OLD = OLD_CSV.read_bytes()
XML = (IANA / "xml-2025-09-15.xml").read_bytes()
TODAY = "2026-11-28"
EXPIRED = (
    "statuscheck: warning: snapshot: temporary registration 104 Upload Resumption Supported "
    "expired on 2026-11-13; IANA may have extended or withdrawn it"
)


@dataclasses.dataclass
class Snapshot:
    """A private copy of a snapshot (and maybe its provenance) that a test may refresh."""

    path: Path

    @property
    def sidecar(self) -> Path:
        return self.path.with_suffix(".json")

    def state(self) -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in sorted(self.path.parent.iterdir())}


@dataclasses.dataclass(frozen=True)
class Result:
    status: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def snapshot(tmp_path: Path) -> Snapshot:
    """A copy of the pinned snapshot and its provenance, with their file modes."""
    directory = tmp_path / "snapshot"
    directory.mkdir()
    for source in (SNAPSHOT, SNAPSHOT.with_suffix(".json")):
        shutil.copy2(source, directory / source.name)
    return Snapshot(directory / SNAPSHOT.name)


Invoke = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Invoke:
    """Run the CLI in this process and capture what it printed."""

    def invoke(*args: str | Path) -> Result:
        status = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return invoke


def _refresh(run: Invoke, snapshot: Snapshot, *args: str | Path) -> Result:
    return run(
        "refresh",
        "--snapshot",
        snapshot.path,
        "--today",
        TODAY,
        "--timeout",
        "0.5",
        "--backoff",
        "0.001",
        *args,
    )


def _billion_laughs(data: bytes) -> bytes:
    entities = b'<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (name, (b"&%c;" % (name - 1)) * 10) for name in b"bcdefghi"
    )
    end = data.index(b"?>") + 2
    return data[:end] + b"<!DOCTYPE registry [" + entities + b"]>" + data[end:]


_MID_ROW = CSV.index(b"Upload Resumption") + 6  # inside the quoted 104 row, line 6
_ERROR_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Registry temporarily unavailable</title></head>"
    b"<body><p>Please retry.</p></body></html>\n"
)

# name: (replies, extra arguments, the message after "statuscheck: error: URL", requests made)
FAILURES: dict[str, tuple[tuple[Reply, ...], tuple[str, ...], str, int]] = {
    "404": ((Reply(404),), (), ": HTTP 404 Not Found", 1),
    "500 every time": (
        (Reply(500),),
        ("--retries", "2"),
        ": HTTP 500 Internal Server Error (gave up after 3 attempts)",
        3,
    ),
    "503 with a Retry-After too long to wait": (
        (Reply(503, headers=(("Retry-After", "3600"),)), Reply(body=CSV)),
        (),
        ": HTTP 503 Service Unavailable, and Retry-After asks to wait 3600 s, "
        "more than the 120 s limit",
        1,
    ),
    "body that stops mid-row": (
        (Reply(body=CSV[:_MID_ROW], content_length=False),),
        (),
        ":6: truncated row: quoted field is never closed",
        1,
    ),
    "body shorter than its Content-Length": (
        (Reply(body=CSV, cut_after=_MID_ROW),),
        ("--retries", "1"),
        ": body cut short: ",
        2,
    ),
    "stall past the timeout": (
        (Reply(body=CSV, stall=5),),
        ("--retries", "0", "--timeout", "0.3"),
        ": no response within 0.3 s (gave up after 1 attempt)",
        1,
    ),
    "oversized body": (
        (Reply(body=CSV),),
        ("--max-bytes", "1000"),
        f": body of {len(CSV)} bytes exceeds the 1000-byte limit",
        1,
    ),
    "HTML error page served with 200": (
        (Reply(body=_ERROR_PAGE, headers=(("Content-Type", "text/html"),)),),
        (),
        ": HTML page 'Registry temporarily unavailable' has no registry table "
        "(table#table-http-status-codes-1): an error page rather than the registry?",
        1,
    ),
    "body in another charset (UTF-16)": (
        (
            Reply(
                body=CSV.decode().encode("utf-16"),
                headers=(("Content-Type", "text/csv; charset=utf-16"),),
            ),
        ),
        (),
        ":1: is UTF-16 (byte-order mark); IANA publishes its registries in UTF-8",
        1,
    ),
    "hostile XML (entity expansion)": (
        (Reply(body=_billion_laughs(XML)),),
        (),
        ":1: declares an entity (<!ENTITY>): refused, a registry needs none",
        1,
    ),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_a_misbehaving_server_is_could_not_tell_and_leaves_the_snapshot_alone(
    case: str, server: RegistryServer, snapshot: Snapshot, run: Invoke
) -> None:
    replies, extra, message, requests = FAILURES[case]
    url = server.route("/http-status-codes-1.csv", *replies)
    before = snapshot.state()
    result = _refresh(run, snapshot, "--url", url, "--write", *extra)
    assert result.status == 2
    *warnings, error = result.err.splitlines()
    assert warnings == [EXPIRED]
    expected = f"statuscheck: error: {url}{message}"
    if message.endswith(": "):  # the rest is the HTTP library's wording
        assert error.startswith(expected)
        assert error.endswith("(gave up after 2 attempts)")
    else:
        assert error == expected
    assert result.out.startswith("statuscheck refresh: could not tell: ")
    assert snapshot.state() == before
    assert server.hits("/http-status-codes-1.csv") == requests


def test_a_refused_connection_is_could_not_tell(snapshot: Snapshot, run: Invoke) -> None:
    with serve() as closed:
        url = closed.url("/csv")
    before = snapshot.state()
    result = _refresh(run, snapshot, "--url", url, "--write", "--retries", "1")
    assert result.status == 2
    assert result.err.splitlines() == [
        EXPIRED,
        f"statuscheck: error: {url}: cannot connect: Connection refused (gave up after 2 attempts)",
    ]
    assert snapshot.state() == before


@pytest.mark.parametrize(
    ("route", "message"),
    [
        pytest.param(
            ("/loop", Reply(302, headers=(("Location", "/loop"),))),
            ": more than 5 redirects (a redirect loop?)",
            id="redirect loop",
        ),
        pytest.param(
            ("/csv", Reply(301, headers=(("Location", "http://127.0.0.1:9/csv"),))),
            ": refusing to follow a redirect to http://127.0.0.1:9/csv: "
            "redirects are followed only to https",
            id="redirect to http",
        ),
    ],
)
def test_redirects_that_leave_https_or_never_end_are_errors(
    route: tuple[str, Reply],
    message: str,
    https_server: RegistryServer,
    tls: Tls,
    snapshot: Snapshot,
    run: Invoke,
) -> None:
    url = https_server.route(*route)
    before = snapshot.state()
    result = _refresh(run, snapshot, "--url", url, "--ca-bundle", tls.ca_bundle, "--write")
    assert result.status == 2
    assert f"statuscheck: error: {url}{message}" in result.err.splitlines()
    assert snapshot.state() == before


def test_a_redirect_to_http_is_not_followed_at_all(
    https_server: RegistryServer, server: RegistryServer, tls: Tls, snapshot: Snapshot, run: Invoke
) -> None:
    plain = server.route("/csv", Reply(body=OLD))
    url = https_server.route("/csv", Reply(302, headers=(("Location", plain),)))
    result = _refresh(run, snapshot, "--url", url, "--ca-bundle", tls.ca_bundle)
    assert result.status == 2
    assert server.hits("/csv") == 0


def test_an_untrusted_certificate_is_could_not_tell(
    https_server: RegistryServer, snapshot: Snapshot, run: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    url = https_server.route("/csv", Reply(body=OLD))
    result = _refresh(run, snapshot, "--url", url)
    assert result.status == 2
    assert f"statuscheck: error: {url}: TLS failure: " in result.err


@pytest.mark.parametrize(
    ("replies", "verdict"),
    [
        pytest.param((Reply(body=CSV),), "identical", id="the same CSV"),
        pytest.param(
            (Reply(body=CSV, headers=(("Content-Type", "text/csv; charset=iso-8859-1"),)),),
            "identical",
            id="a wrong charset in Content-Type",
        ),
        pytest.param(
            (Reply(body=gzip.compress(CSV), headers=(("Content-Encoding", "gzip"),)),),
            "identical",
            id="gzip content-encoding",
        ),
        pytest.param(
            (Reply(body=XML, headers=(("Content-Type", "text/csv"),)),),
            "equivalent",
            id="the XML of the same date, mislabelled",
        ),
        pytest.param((Reply(500), Reply(body=CSV)), "identical", id="500 then success"),
        pytest.param(
            (Reply(503, headers=(("Retry-After", "0"),)), Reply(body=CSV)),
            "identical",
            id="503 with Retry-After then success",
        ),
        pytest.param(
            (Reply(body=CSV, cut_after=_MID_ROW), Reply(body=CSV)),
            "identical",
            id="a cut body then success",
        ),
    ],
)
def test_no_drift_is_exit_0_and_writes_nothing(
    replies: tuple[Reply, ...],
    verdict: str,
    server: RegistryServer,
    snapshot: Snapshot,
    run: Invoke,
) -> None:
    url = server.route("/csv", *replies)
    before = snapshot.state()
    result = _refresh(run, snapshot, "--url", url, "--write", "--format", "json")
    assert (result.status, result.json["drift"], result.json["verdict"]) == (0, False, verdict)
    assert result.json["changes"] == []
    assert result.json["error"] is None
    assert result.json["notes"] == [
        "nothing written: the snapshot already has the live registry's content"
    ]
    assert result.err.splitlines() == [EXPIRED]
    assert snapshot.state() == before
    assert server.hits("/csv") == len(replies)


def test_drift_is_exit_1_with_exactly_the_changed_fields(
    server: RegistryServer, snapshot: Snapshot, run: Invoke
) -> None:
    url = server.route("/csv", Reply(body=OLD))
    result = _refresh(run, snapshot, "--url", url, "--format", "json")
    assert result.status == 1
    report = result.json
    assert report["drift"] is True
    assert [(c["code"], c["field"]) for c in report["changes"]] == [
        (104, "status"),
        (104, "phrase"),
        (104, "reference"),
        (510, "reference"),
    ]
    assert report["snapshot"] == {
        "source": str(snapshot.path),
        "format": "csv",
        "sha256": Provenance.from_json(snapshot.sidecar.read_text(), source="p").sha256,
        "size": len(CSV),
        "registry_updated": "2025-09-15",
        "http_status": None,
        "etag": None,
        "last_modified": None,
    }
    assert report["live"]["source"] == url
    assert report["live"]["http_status"] == 200
    assert report["warnings"] == [EXPIRED.split("warning: ", 1)[1]]
    assert result.err.splitlines() == [EXPIRED]


def test_the_markdown_report_is_a_job_summary(
    server: RegistryServer, snapshot: Snapshot, run: Invoke, tmp_path: Path
) -> None:
    url = server.route("/csv", Reply(body=OLD))
    json_file = tmp_path / "drift.json"
    result = _refresh(run, snapshot, "--url", url, "--format", "markdown", "--json-file", json_file)
    assert result.status == 1
    lines = result.out.splitlines()
    assert lines[0] == "## IANA HTTP Status Code Registry: drift detected"
    assert "| 104 | phrase | `Upload Resumption Supported` | *(none)* |" in lines
    assert (
        "| 510 | reference | `[RFC2774][Status change of HTTP experiments to Historic]` "
        "| `[RFC2774][status-change-http-experiments-to-historic]` |"
    ) in lines
    assert "### Warnings" in lines
    written = json.loads(json_file.read_text(encoding="utf-8"))
    assert written["drift"] is True
    assert len(written["changes"]) == 4


def test_a_304_for_the_recorded_etag_is_no_drift(
    server: RegistryServer, snapshot: Snapshot, run: Invoke
) -> None:
    url = server.route("/csv", Reply(304))
    _record_validators(snapshot, url, etag='"abc"', last_modified="Mon, 15 Sep 2025 08:00:00 GMT")
    result = _refresh(run, snapshot, "--url", url, "--format", "json")
    assert (result.status, result.json["verdict"], result.json["drift"]) == (
        0,
        "not-modified",
        False,
    )
    (request,) = server.seen
    assert request.headers["If-None-Match"] == '"abc"'
    assert request.headers["If-Modified-Since"] == "Mon, 15 Sep 2025 08:00:00 GMT"


def test_validators_of_another_url_or_other_bytes_are_not_sent(
    server: RegistryServer, snapshot: Snapshot, run: Invoke
) -> None:
    url = server.route("/csv", Reply(body=CSV))
    _record_validators(snapshot, url + "?elsewhere", etag='"abc"')
    assert _refresh(run, snapshot, "--url", url).status == 0
    _record_validators(snapshot, url, etag='"abc"', sha256="0" * 64)
    result = _refresh(run, snapshot, "--url", url)
    assert result.status == 0
    assert "does not describe the bytes" in result.err
    assert all("If-None-Match" not in request.headers for request in server.seen)


def _record_validators(
    snapshot: Snapshot,
    url: str,
    *,
    etag: str,
    last_modified: str | None = None,
    sha256: str | None = None,
) -> None:
    provenance = Provenance.from_json(snapshot.sidecar.read_text(), source="p")
    provenance = dataclasses.replace(
        provenance,
        source_url=url,
        etag=etag,
        last_modified=last_modified,
        sha256=sha256 or provenance.sha256,
    )
    snapshot.sidecar.write_text(provenance.to_json(), encoding="utf-8")


def test_write_replaces_snapshot_and_provenance_on_drift(
    server: RegistryServer, tmp_path: Path, run: Invoke
) -> None:
    old = Snapshot(tmp_path / "iana_snapshot.csv")
    old.path.write_bytes(OLD)
    old.path.chmod(0o444)
    headers = (("ETag", '"2025-09-15"'), ("Last-Modified", "Mon, 15 Sep 2025 10:00:00 GMT"))
    url = server.route("/csv", Reply(body=CSV, headers=headers), Reply(304))
    result = _refresh(run, old, "--url", url, "--write")
    assert result.status == 1
    assert old.path.read_bytes() == CSV
    assert stat.S_IMODE(old.path.stat().st_mode) == 0o444
    assert json.loads(old.sidecar.read_text(encoding="utf-8")) == {
        "source_url": url,
        "registry_updated": "unknown",
        "sha256": Provenance.from_json(
            (SNAPSHOT.with_suffix(".json")).read_text(), source="p"
        ).sha256,
        "size": len(CSV),
        "retrieved": TODAY,
        "method": "fetched by `statuscheck refresh` (HTTP 200); the CSV written byte for byte",
        "etag": '"2025-09-15"',
        "last_modified": "Mon, 15 Sep 2025 10:00:00 GMT",
    }
    assert f"  wrote {old.path}" in result.out.splitlines()
    assert "run `statuscheck generate`" in result.out
    assert sorted(path.name for path in tmp_path.iterdir()) == [old.path.name, old.sidecar.name]
    # The next refresh asks conditionally with what was recorded, and a 304 is no drift.
    again = _refresh(run, old, "--url", url, "--format", "json")
    assert (again.status, again.json["verdict"]) == (0, "not-modified")
    assert server.seen[-1].headers["If-None-Match"] == '"2025-09-15"'


def test_write_from_the_xml_records_the_derived_csv_and_the_registry_date(
    server: RegistryServer, tmp_path: Path, run: Invoke
) -> None:
    old = Snapshot(tmp_path / "iana_snapshot.csv")
    old.path.write_bytes(OLD)
    url = server.route("/http-status-codes.xml", Reply(body=XML))
    assert _refresh(run, old, "--url", url, "--write").status == 1
    assert old.path.read_bytes() == CSV  # derived from the XML, byte for byte
    provenance = Provenance.from_json(old.sidecar.read_text(encoding="utf-8"), source="p")
    assert provenance.registry_updated == "2025-09-15"
    assert provenance.matches(CSV)
    assert "as XML; written as the CSV derived from it" in provenance.method


def test_write_records_a_given_registry_date_for_a_csv(tmp_path: Path, run: Invoke) -> None:
    old = Snapshot(tmp_path / "iana_snapshot.csv")
    old.path.write_bytes(OLD)
    result = _refresh(run, old, "--file", NEWEST_CSV, "--write", "--registry-updated", "2025-09-15")
    assert result.status == 1
    provenance = Provenance.from_json(old.sidecar.read_text(encoding="utf-8"), source="p")
    assert (provenance.registry_updated, provenance.etag) == ("2025-09-15", None)
    assert provenance.source_url == NEWEST_CSV.resolve().as_uri()
    assert "--file" in provenance.method


_LIMITED_CLI = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
from statuscheck.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_a_failed_write_keeps_the_old_snapshot_and_still_reports_drift(
    snapshot: Snapshot,
) -> None:
    """Files may not grow past 1000 bytes (as on a full disk): the write fails, drift stays."""
    pytest.importorskip("resource")
    before = snapshot.state()
    completed = subprocess.run(
        [
            *(sys.executable, "-c", _LIMITED_CLI, "refresh", "--snapshot", str(snapshot.path)),
            *("--file", str(OLD_CSV), "--today", TODAY, "--write", "--format", "json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    report = json.loads(completed.stdout)
    assert (report["drift"], len(report["changes"]), report["written"]) == (True, 4, [])
    assert report["error"].startswith("cannot write ")
    assert report["error"].endswith(f"{snapshot.path} was left as it was")
    assert completed.stderr.splitlines() == [EXPIRED, f"statuscheck: error: {report['error']}"]
    assert snapshot.state() == before


def test_a_write_failing_between_the_two_renames_is_rolled_back(snapshot: Snapshot) -> None:
    from statuscheck.registry.snapshot_write import SnapshotWriteError, write_snapshot

    snapshot.sidecar.unlink()
    snapshot.sidecar.mkdir()  # the provenance cannot replace a directory
    before = snapshot.path.read_bytes()
    provenance = dataclasses.replace(
        Provenance.from_json(SNAPSHOT.with_suffix(".json").read_text(), source="p"),
        sha256=hashlib.sha256(OLD).hexdigest(),
        size=len(OLD),
    )
    with pytest.raises(SnapshotWriteError, match=f"cannot write .*{snapshot.path} was left as"):
        write_snapshot(snapshot.path, OLD, provenance)
    assert snapshot.path.read_bytes() == before
    assert sorted(path.name for path in snapshot.path.parent.iterdir()) == [
        snapshot.path.name,
        snapshot.sidecar.name,
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(OLD[:-40], "truncated row", id="invalid registry"),
        pytest.param(OLD.replace(b"Gone", b"Went"), "provenance does not describe", id="sha"),
    ],
)
def test_write_refuses_bytes_that_are_invalid_or_not_described(
    snapshot: Snapshot, data: bytes, problem: str
) -> None:
    from statuscheck.registry.snapshot_write import SnapshotWriteError, write_snapshot

    provenance = dataclasses.replace(
        Provenance.from_json(SNAPSHOT.with_suffix(".json").read_text(), source="p"),
        sha256=hashlib.sha256(OLD).hexdigest(),
        size=len(OLD),
    )
    before = snapshot.state()
    with pytest.raises(SnapshotWriteError, match=problem):
        write_snapshot(snapshot.path, data, provenance)
    assert snapshot.state() == before


def test_no_warning_before_the_registration_expires(snapshot: Snapshot, run: Invoke) -> None:
    result = _refresh(run, snapshot, "--file", NEWEST_CSV, "--today", "2026-11-13")
    assert (result.status, result.err) == (0, "")


def test_an_unreadable_snapshot_is_could_not_tell(tmp_path: Path, run: Invoke) -> None:
    missing = Snapshot(tmp_path / "missing.csv")
    result = _refresh(run, missing, "--file", NEWEST_CSV)
    assert result.status == 2
    assert (
        result.err
        == f"statuscheck: error: {missing.path}: cannot read: No such file or directory\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "status", "changes"),
    [
        ("csv-2025-09-15.csv", "xml-2025-09-15.xml", 0, 0),
        ("csv-2022-06-08.csv", "xml-2025-09-15.xml", 1, 4),
        ("xml-2024-11-13.xml", "csv-2025-09-15.csv", 1, 1),
    ],
)
def test_diff_compares_two_local_files_of_any_format(
    old: str, new: str, status: int, changes: int, run: Invoke
) -> None:
    result = run("diff", IANA / old, IANA / new, "--format", "json")
    assert result.status == status
    assert len(result.json["changes"]) == changes
    assert result.json["snapshot"]["source"] == str(IANA / old)
    assert result.json["live"]["source"] == str(IANA / new)


def test_diff_of_an_unreadable_file_is_could_not_tell(tmp_path: Path, run: Invoke) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_ERROR_PAGE)
    result = run("diff", NEWEST_CSV, page)
    assert result.status == 2
    assert result.err.startswith(f"statuscheck: error: {page}: HTML page ")


def test_python_dash_m_statuscheck_runs_the_refresher(tmp_path: Path, snapshot: Snapshot) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "statuscheck",
            "refresh",
            "--file",
            str(OLD_CSV),
            "--snapshot",
            str(snapshot.path),
            "--today",
            TODAY,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert json.loads(completed.stdout)["drift"] is True
    assert completed.stderr.splitlines() == [EXPIRED]


def test_write_refuses_to_rewrite_the_installed_package_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    packaged = tmp_path / "statuscheck" / "_data" / "iana_snapshot.csv"
    packaged.parent.mkdir(parents=True)
    packaged.write_bytes(OLD_CSV.read_bytes())
    monkeypatch.setattr("statuscheck.registry.snapshot.snapshot_path", lambda: packaged)
    status = main(["refresh", "--write", "--file", str(NEWEST_CSV)])
    assert status == 2
    assert "--write needs --snapshot PATH" in capsys.readouterr().err
    assert packaged.read_bytes() == OLD_CSV.read_bytes()
