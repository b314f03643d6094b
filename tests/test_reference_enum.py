"""``statuscheck.HTTPStatus`` against the snapshot and the stdlib's API."""

from __future__ import annotations

import http
import pickle
import sys

import pytest

import statuscheck
from statuscheck import HTTPStatus, client, load_snapshot

ASSIGNED = load_snapshot().assigned()


def test_members_are_exactly_the_assigned_codes_in_ascending_order() -> None:
    assert [member.value for member in HTTPStatus] == [entry.first for entry in ASSIGNED]


@pytest.mark.parametrize("entry", ASSIGNED, ids=lambda entry: str(entry.first))
def test_each_member_carries_the_registry_phrase_status_and_references(entry: object) -> None:
    from statuscheck import Entry

    assert isinstance(entry, Entry)
    member = HTTPStatus(entry.first)
    assert member.phrase == entry.phrase
    assert member.registry_status == entry.status
    assert member.references == entry.references
    assert member.description
    assert "\n" not in member.description
    assert member.description.strip() != member.phrase
    assert member == entry.first
    assert isinstance(member, int)


def test_names_follow_the_stdlib_convention() -> None:
    assert HTTPStatus(413).name == "CONTENT_TOO_LARGE"
    assert HTTPStatus(203).name == "NON_AUTHORITATIVE_INFORMATION"
    assert HTTPStatus(226).name == "IM_USED"
    assert HTTPStatus(104).name == "UPLOAD_RESUMPTION_SUPPORTED"
    assert HTTPStatus(510).phrase == "Not Extended"


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("REQUEST_ENTITY_TOO_LARGE", "CONTENT_TOO_LARGE"),
        ("REQUEST_URI_TOO_LONG", "URI_TOO_LONG"),
        ("REQUESTED_RANGE_NOT_SATISFIABLE", "RANGE_NOT_SATISFIABLE"),
        ("UNPROCESSABLE_ENTITY", "UNPROCESSABLE_CONTENT"),
    ],
)
def test_old_stdlib_names_are_aliases(alias: str, canonical: str) -> None:
    assert HTTPStatus[alias] is HTTPStatus[canonical]
    assert getattr(client, alias) is HTTPStatus[canonical]


@pytest.mark.parametrize("code", [418, 306, 420, 99, 600, 999, -1])
def test_unassigned_values_raise_value_error(code: int) -> None:
    with pytest.raises(ValueError, match="is not a valid HTTPStatus"):
        HTTPStatus(code)


def test_every_stdlib_member_name_exists_with_the_same_value_except_the_teapot() -> None:
    for name, member in http.HTTPStatus.__members__.items():
        if member.value == 418:
            assert name not in HTTPStatus.__members__
            continue
        assert HTTPStatus[name].value == member.value


def test_stdlib_attributes_and_class_predicates() -> None:
    for attribute in ("value", "name", "phrase", "description"):
        assert hasattr(HTTPStatus.OK, attribute)
    for member in HTTPStatus:
        flags = [
            member.is_informational,
            member.is_success,
            member.is_redirection,
            member.is_client_error,
            member.is_server_error,
        ]
        assert flags.index(True) == member // 100 - 1
        assert sum(flags) == 1


def test_behaves_like_the_stdlib_enum_of_the_running_python() -> None:
    ours, theirs = HTTPStatus.NOT_FOUND, http.HTTPStatus.NOT_FOUND
    assert (str(ours), format(ours), repr(ours)) == (str(theirs), format(theirs), repr(theirs))
    assert pickle.loads(pickle.dumps(ours)) is ours
    assert HTTPStatus["NOT_FOUND"] is ours
    assert int(ours) == int(theirs) == 404
    assert ours == 404
    assert len(HTTPStatus) == len(ASSIGNED)


def test_client_constants_mirror_every_member_name() -> None:
    assert set(client.__all__) == set(HTTPStatus.__members__)
    for name, member in HTTPStatus.__members__.items():
        assert getattr(client, name) is member
    assert list(client.__all__) == sorted(client.__all__, key=lambda name: HTTPStatus[name])
    assert statuscheck.client is client


def test_package_exposes_exactly_its_public_api() -> None:
    for name in statuscheck.__all__:
        assert getattr(statuscheck, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        statuscheck.nope  # noqa: B018
    assert sys.modules["statuscheck"].HTTPStatus is HTTPStatus
