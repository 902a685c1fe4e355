"""Checkpoint permissions (CONTRACT.md section 9.3): a permission, a page of them and the deleted
response, read in both modes; every refusal's exact path and message; responses of other kinds."""

import datetime
from typing import Any, Callable, Dict, List, Tuple

import pytest

from tests import ftj
from tests.fixtures import BASES as JOB_BASES
from tests.fixtures import REMOVE, deleted_permission, permission, permission_page, put

UTC = datetime.timezone.utc
modes = pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])


@modes
def test_a_permission_a_page_and_a_deleted_permission_read_in_both_modes(strict: bool) -> None:
    read = ftj.FineTuningCheckpointPermission.from_dict(permission(), strict=strict)
    assert (read.id, read.project_id, read.object) == (
        "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        "proj_abGMw1llN8IrBb6SvvY5A1iH",
        "checkpoint.permission",
    )
    assert read.created_datetime == datetime.datetime(2026, 1, 1, 1, 1, 40, tzinfo=UTC)
    assert read.to_dict() == {
        "id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        "created_at": 1767229300,
        "object": "checkpoint.permission",
        "project_id": "proj_abGMw1llN8IrBb6SvvY5A1iH",
    }
    page = ftj.FineTuningCheckpointPermissionList.from_dict(permission_page(), strict=strict)
    assert [p.project_id for p in page.data] == ["proj_abGMw1llN8IrBb6SvvY5A1iH", "proj_iqGMw1llN8IrBb6SvvY5A1oF"]
    assert (page.first_id, page.last_id, page.has_more) == (page.data[0].id, page.data[1].id, False)
    assert page.to_dict() == permission_page()
    deleted = ftj.FineTuningCheckpointPermissionDeleted.from_dict(deleted_permission(), strict=strict)
    assert (deleted.id, deleted.deleted, deleted.object) == (
        "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        True,
        "checkpoint.permission",
    )
    assert deleted.to_dict() == {
        "id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        "object": "checkpoint.permission",
        "deleted": True,
    }


def test_the_tolerant_reader_keeps_what_the_page_leaves_out_or_adds() -> None:
    # Azure-style pages leave first_id and last_id out; has_more may be missing too.
    data = {"object": "list", "data": [{**permission(), "x_scope": ["read"]}], "first_id": None, "x_total": 1}
    page = ftj.FineTuningCheckpointPermissionList.from_dict(data)
    assert (page.first_id, page.last_id, page.has_more) == (None, None, None)
    assert page.extra == {"x_total": 1} and page.data[0].extra == {"x_scope": ("read",)}
    assert page.to_dict() == {"object": "list", "data": [{**permission(), "x_scope": ["read"]}], "x_total": 1}


# (base, path, new value or REMOVE, expected lines): both readers refuse these.
BOTH: List[Tuple[Callable[[], Any], Any, Any, List[str]]] = [
    (permission, ("id",), REMOVE, ["$.id: required key missing"]),
    (permission, ("id",), None, ["$.id: expected a string, got null"]),
    (permission, ("created_at",), "1767229300", ['$.created_at: expected an integer, got "1767229300" (str)']),
    (
        permission,
        ("created_at",),
        1767229300000,
        [
            "$.created_at: expected an integer in 0..253402300799, got 1767229300000 (milliseconds? timestamps are in seconds)"
        ],
    ),
    (
        permission,
        ("object",),
        "checkpoint_permission",
        ['$.object: expected "checkpoint.permission", got "checkpoint_permission"'],
    ),
    (permission, ("object",), REMOVE, ["$.object: required key missing"]),
    (permission, ("project_id",), REMOVE, ["$.project_id: required key missing"]),
    (permission, ("project_id",), ["proj_1"], ['$.project_id: expected a string, got ["proj_1"] (list)']),
    (permission_page, ("object",), "page", ['$.object: expected "list", got "page"']),
    (permission_page, ("data",), REMOVE, ["$.data: required key missing"]),
    (permission_page, ("data",), {}, ["$.data: expected an array, got {} (dict)"]),
    (permission_page, ("data", 1, "project_id"), 7, ["$.data[1].project_id: expected a string, got 7 (int)"]),
    (
        permission_page,
        ("data", 0, "object"),
        "ft-object",
        ['$.data[0].object: expected "checkpoint.permission", got "ft-object"'],
    ),
    (permission_page, ("first_id",), 1, ["$.first_id: expected a string, got 1 (int)"]),
    (permission_page, ("last_id",), True, ["$.last_id: expected a string, got true (bool)"]),
    (permission_page, ("has_more",), "false", ['$.has_more: expected a boolean, got "false" (str)']),
    (deleted_permission, ("deleted",), "true", ['$.deleted: expected a boolean, got "true" (str)']),
    (deleted_permission, ("deleted",), 1, ["$.deleted: expected a boolean, got 1 (int)"]),
    (deleted_permission, ("deleted",), None, ["$.deleted: expected a boolean, got null"]),
    (deleted_permission, ("deleted",), REMOVE, ["$.deleted: required key missing"]),
    (
        deleted_permission,
        ("object",),
        "checkpoint.permission.deleted",
        ['$.object: expected "checkpoint.permission", got "checkpoint.permission.deleted"'],
    ),
    (deleted_permission, ("id",), 5, ["$.id: expected a string, got 5 (int)"]),
]
# Only the strict reader refuses these.
STRICT: List[Tuple[Callable[[], Any], Any, Any, List[str]]] = [
    (permission_page, ("has_more",), REMOVE, ["$.has_more: required key missing"]),
    (permission_page, ("has_more",), None, ["$.has_more: expected a boolean, got null"]),
    (permission_page, ("x_total",), 2, ["$.x_total: unknown key"]),
    (permission_page, ("data", 0, "x_scope"), "read", ["$.data[0].x_scope: unknown key"]),
    (permission, ("x_scope",), None, ["$.x_scope: unknown key"]),
    (deleted_permission, ("x_at",), 1, ["$.x_at: unknown key"]),
]
CLASSES: Dict[Any, Any] = {
    permission: ftj.FineTuningCheckpointPermission,
    permission_page: ftj.FineTuningCheckpointPermissionList,
    deleted_permission: ftj.FineTuningCheckpointPermissionDeleted,
}


def broken(base: Callable[[], Any], path: Any, value: Any) -> Any:
    data = base()
    put(data, path, value)
    return data


@modes
@pytest.mark.parametrize(("base", "path", "value", "expected"), BOTH)
def test_both_readers_refuse(base: Callable[[], Any], path: Any, value: Any, expected: List[str], strict: bool) -> None:
    with pytest.raises(ftj.ValidationError) as info:
        CLASSES[base].from_dict(broken(base, path, value), strict=strict)
    assert [str(e) for e in info.value.errors] == expected
    assert info.value.title == CLASSES[base].__name__


@pytest.mark.parametrize(("base", "path", "value", "expected"), STRICT)
def test_only_the_strict_reader_refuses(base: Callable[[], Any], path: Any, value: Any, expected: List[str]) -> None:
    data = broken(base, path, value)
    CLASSES[base].from_dict(data)
    with pytest.raises(ftj.ValidationError) as info:
        CLASSES[base].from_dict(data, strict=True)
    assert [str(e) for e in info.value.errors] == expected


# CONTRACT.md 8.4, which section 9.3 extends to the permission page: each class refuses a
# response of another kind and names the class that reads it: an object at the member that is
# wrong, a page of another kind as a whole. (base, class given to, path, message)
MISREAD: List[Tuple[Callable[[], Any], Any, Tuple[str, ...], str]] = [
    (
        permission_page,
        ftj.FineTuningJobList,
        (),
        "expected a page of fine_tuning.job objects, got a page of checkpoint.permission objects: read it with FineTuningCheckpointPermissionList",
    ),
    (
        permission_page,
        ftj.FineTuningJobEventList,
        (),
        "expected a page of fine_tuning.job.event objects, got a page of checkpoint.permission objects: read it with FineTuningCheckpointPermissionList",
    ),
    (
        permission_page,
        ftj.FineTuningJobCheckpointList,
        (),
        "expected a page of fine_tuning.job.checkpoint objects, got a page of checkpoint.permission objects: read it with FineTuningCheckpointPermissionList",
    ),
    (
        JOB_BASES["checkpoint page"],
        ftj.FineTuningCheckpointPermissionList,
        (),
        "expected a page of checkpoint.permission objects, got a page of fine_tuning.job.checkpoint objects: read it with FineTuningJobCheckpointList",
    ),
    (
        JOB_BASES["page"],
        ftj.FineTuningCheckpointPermissionList,
        (),
        "expected a page of checkpoint.permission objects, got a page of fine_tuning.job objects: read it with FineTuningJobList",
    ),
    (
        permission,
        ftj.FineTuningCheckpointPermissionList,
        ("object",),
        'expected "list", got "checkpoint.permission": read it with FineTuningCheckpointPermission',
    ),
    (
        permission_page,
        ftj.FineTuningCheckpointPermission,
        ("object",),
        'expected "checkpoint.permission", got "list" (a page of checkpoint.permission objects): read it with FineTuningCheckpointPermissionList',
    ),
    (
        permission,
        ftj.FineTuningJob,
        ("object",),
        'expected "fine_tuning.job", got "checkpoint.permission": read it with FineTuningCheckpointPermission',
    ),
    (
        JOB_BASES["checkpoint"],
        ftj.FineTuningCheckpointPermission,
        ("object",),
        'expected "checkpoint.permission", got "fine_tuning.job.checkpoint": read it with FineTuningJobCheckpoint',
    ),
    (
        JOB_BASES["job"],
        ftj.FineTuningCheckpointPermission,
        ("object",),
        'expected "checkpoint.permission", got "fine_tuning.job": read it with FineTuningJob',
    ),
]


@modes
@pytest.mark.parametrize(
    ("base", "cls", "path", "message"), MISREAD, ids=[f"{b.__name__}-as-{c.__name__}" for b, c, _, _ in MISREAD]
)
def test_a_response_of_another_kind_names_the_class_that_reads_it(
    base: Any, cls: Any, path: Tuple[str, ...], message: str, strict: bool
) -> None:
    data = base()
    with pytest.raises(ftj.ValidationError) as info:
        cls.from_dict(data, strict=strict)
    assert [(e.path, e.message) for e in info.value.errors] == [(path, message)]
    assert info.value.errors[0].value is (data["object"] if path else data)


def test_an_empty_page_fits_the_permission_page_and_every_other() -> None:
    empty = {"object": "list", "data": [], "has_more": False}
    assert ftj.FineTuningCheckpointPermissionList.from_dict(empty, strict=True).data == ()
    assert ftj.FineTuningJobList.from_dict(empty, strict=True).data == ()


@modes
def test_the_two_kinds_of_checkpoint_permission_are_told_apart_by_their_members(strict: bool) -> None:
    # Both say "checkpoint.permission" (CONTRACT.md 9.3): a deleted one given to the permission
    # class is wrong at its `deleted`, which names the class to read it with; a permission given
    # to the deleted class lacks `deleted`, which that class requires.
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningCheckpointPermission.from_dict(deleted_permission(), strict=strict)
    assert [str(e) for e in info.value.errors] == [
        "$.deleted: a key that a FineTuningCheckpointPermission does not have: read it with FineTuningCheckpointPermissionDeleted"
    ]
    assert info.value.errors[0].value is deleted_permission()["deleted"]  # the member, as its value
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningCheckpointPermissionDeleted.from_dict(permission(), strict=strict)
    assert [str(e) for e in info.value.errors] == [
        "$.deleted: required key missing",
        *(["$.created_at: unknown key", "$.project_id: unknown key"] if strict else []),
    ]
