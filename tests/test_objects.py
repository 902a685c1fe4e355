"""The objects themselves: construction, immutability, hashing, pickling, the status enum,
the conveniences and the public API."""

import copy
import dataclasses
import datetime
import json
import pickle
from pathlib import Path
from typing import Any, Dict, Tuple

import pytest
from hypothesis import given

from tests import ftj
from tests.fixtures import STATUSES, event, every_job, job, page
from tests.strategies import any_instance, canon

UTC = datetime.timezone.utc


def test_all_lists_every_public_name() -> None:
    public = {
        name
        for name in vars(ftj)
        if not name.startswith("_")
        and getattr(getattr(ftj, name), "__module__", None) == ftj.__name__
        and "__mutmut_" not in name  # the mutation tester's copies of each function
        # json and datetime, until first used, are stand-ins defined in the module.
        and not isinstance(getattr(ftj, name), ftj._ImportedOnFirstUse)
    }
    assert public == set(ftj.__all__)
    assert all(hasattr(ftj, name) for name in ftj.__all__)


@given(any_instance)
def test_instances_are_frozen_hashable_picklable_and_copyable(instance: Any) -> None:
    field = dataclasses.fields(instance)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(instance, field, None)
    assert hash(instance) == hash(copy.deepcopy(instance))
    assert pickle.loads(pickle.dumps(instance)) == instance
    assert copy.copy(instance) == instance
    assert dataclasses.replace(instance) == instance
    assert {instance: 1}[copy.deepcopy(instance)] == 1


@given(any_instance)
def test_instances_are_deeply_immutable(instance: Any) -> None:
    def check(value: Any) -> None:
        assert not isinstance(value, (list, dict, set, bytearray)), value
        if isinstance(value, (tuple, ftj.FrozenDict)):
            for item in value.values() if isinstance(value, ftj.FrozenDict) else value:
                check(item)
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                check(getattr(value, field.name))

    check(instance)


@pytest.mark.parametrize("payload", every_job(), ids=lambda d: f"{d['status']}-{d['method']['type']}")
def test_fixtures_are_valid_in_both_readers(payload: Any) -> None:
    strict = ftj.FineTuningJob.from_dict(payload, strict=True)
    assert ftj.FineTuningJob.from_dict(payload) == strict
    assert strict.to_dict() == canon("job", payload)


def test_a_page_reads_its_jobs() -> None:
    listed = ftj.FineTuningJobList.from_dict(page(every_job(), has_more=True), strict=True)
    assert [j.status.value for j in listed.data][: len(STATUSES)] == list(STATUSES)
    assert listed.has_more is True and listed.object == "list"


def test_failed_job_carries_its_error() -> None:
    failed = ftj.FineTuningJob.from_dict(job("failed"))
    assert failed.error == ftj.FineTuningJobError(
        "invalid_training_file", "Example 12: 'messages' must be a list.", "training_file"
    )
    assert failed.is_terminal and failed.status is ftj.FineTuningJobStatus.FAILED


@pytest.mark.parametrize(
    "error", [None, {}, {"code": None, "message": None, "param": None}, {"param": None, "x": None}]
)
def test_an_empty_error_is_no_error_in_the_tolerant_reader(error: Any) -> None:
    data = job("running")
    data["error"] = error
    assert ftj.FineTuningJob.from_dict(data).error is None
    assert ftj.FineTuningJob.from_dict(data).to_dict()["error"] is None


def test_an_error_with_a_non_null_unknown_member_is_not_empty() -> None:
    data = job("running")
    data["error"] = {"code": None, "message": None, "param": None, "detail": "x"}
    with pytest.raises(ftj.ValidationError):
        ftj.FineTuningJob.from_dict(data)


def test_tolerant_reader_keeps_unknown_statuses_types_and_keys() -> None:
    data = job("queued", "reinforcement")
    data["status"] = "pausing"
    data["method"]["type"] = "pretraining"
    data["method"]["pretraining"] = {"steps": [1, 2]}
    data["method"]["reinforcement"]["grader"]["type"] = "label_model"
    data["integrations"] = [{"type": "slack", "slack": {"channel": "#ml"}, "wandb": 5}]
    data["user_provided_suffix"] = None
    read = ftj.FineTuningJob.from_dict(data)
    assert read.status == "pausing" and not read.status.is_known and not read.status.is_terminal
    assert isinstance(read.status, ftj.FineTuningJobStatus)
    assert read.method is not None and not read.method.is_known
    assert read.method.extra == {"pretraining": ftj.FrozenDict({"steps": (1, 2)})}
    assert read.method.reinforcement is not None and not read.method.reinforcement.grader.is_known
    integration = read.integrations[0] if read.integrations else None
    assert integration is not None and not integration.is_known and integration.wandb is None
    assert integration.extra == {"slack": ftj.FrozenDict({"channel": "#ml"}), "wandb": 5}
    assert read.extra == {"user_provided_suffix": None}
    assert read.to_dict() == canon("job", data)


def test_status_enum_members_and_properties() -> None:
    assert [m.value for m in ftj.FineTuningJobStatus] == list(STATUSES)
    terminal = {m.value for m in ftj.FineTuningJobStatus if m.is_terminal}
    assert terminal == {"succeeded", "failed", "cancelled"}
    assert all(m.is_known for m in ftj.FineTuningJobStatus)
    unknown = ftj.FineTuningJobStatus("created")
    assert unknown == "created" and hash(unknown) == hash("created") and unknown.value == "created"
    assert not unknown.is_known and not unknown.is_terminal
    assert pickle.loads(pickle.dumps(unknown)) == unknown
    assert ftj.FineTuningJobStatus("paused") is ftj.FineTuningJobStatus.PAUSED
    with pytest.raises(ValueError, match="3 is not a valid FineTuningJobStatus"):
        ftj.FineTuningJobStatus(3)


def test_constructor_takes_python_values_and_stores_immutable_ones() -> None:
    made = ftj.FineTuningJob(
        id="ftjob-1",
        created_at=100,
        model="gpt-4o-mini",
        status="running",  # type: ignore[arg-type]
        training_file="file-1",
        result_files=["file-2"],  # type: ignore[arg-type]
        metadata={"a": "b"},
        integrations=[ftj.Integration("wandb", ftj.WandbIntegration("p", tags=["t"]))],  # type: ignore[arg-type]
        extra={"x": [1, {"y": None}]},
    )
    assert made.status is ftj.FineTuningJobStatus.RUNNING
    assert made.result_files == ("file-2",)
    assert isinstance(made.metadata, ftj.FrozenDict) and made.metadata == {"a": "b"}
    assert made.integrations is not None and made.integrations[0].wandb is not None
    assert made.integrations[0].wandb.tags == ("t",)
    assert made.extra == {"x": (1, ftj.FrozenDict({"y": None}))}
    assert made.to_dict()["x"] == [1, {"y": None}]
    assert ftj.FineTuningJob.from_dict(made.to_dict()) == made


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"created_at": -5}, "$.created_at: expected an integer in 0..253402300799, got -5"),
        (
            {"status": 3},
            '$.status: expected one of "validating_files", "queued", "running", "succeeded", "failed", "cancelled", "paused", got 3 (int)',
        ),
        (
            {"hyperparameters": {"n_epochs": 3}},
            '$.hyperparameters: expected a Hyperparameters, got {"n_epochs": 3} (dict)',
        ),
        (
            {"integrations": [{"type": "wandb"}]},
            '$.integrations[0]: expected a Integration, got {"type": "wandb"} (dict)',
        ),
        ({"integrations": "wandb"}, '$.integrations: expected a sequence of Integration, got "wandb" (str)'),
        ({"metadata": {"k": 1}}, "$.metadata.k: expected a string, got 1 (int)"),
        ({"extra": {"id": "x"}}, "$.id: given both as a field and in extra"),
        ({"extra": 5}, "$.extra: expected a mapping, got 5"),
        ({"extra": {"x": float("nan")}}, "$.x: expected a finite number, got NaN"),
        ({"extra": {"x": [{1, 2}]}}, "$.x[0]: expected JSON data, got <set> (set)"),
    ],
)
def test_constructor_and_replace_validate(change: Any, expected: str) -> None:
    base = ftj.FineTuningJob.from_dict(job("running"))
    with pytest.raises(ftj.ValidationError) as info:
        dataclasses.replace(base, **change)
    assert [str(e) for e in info.value.errors] == [expected]
    assert info.value.title == "FineTuningJob"


def test_nested_constructors_validate() -> None:
    with pytest.raises(ftj.ValidationError, match=r"\$\.n_epochs: expected \"auto\" or an integer in 1..50, got 0"):
        ftj.Hyperparameters(n_epochs=0)
    with pytest.raises(ftj.ValidationError, match="1 validation error for FineTuningJobError"):
        ftj.FineTuningJobError(code=None, message="m")  # type: ignore[arg-type]
    assert ftj.Method("dpo", dpo=ftj.DpoMethod(ftj.DpoHyperparameters(beta=2))).to_dict() == {
        "type": "dpo",
        "dpo": {"hyperparameters": {"beta": 2}},
    }


def test_equality_is_by_class_and_fields_and_repr_shows_the_fields() -> None:
    read = ftj.FineTuningJob.from_dict(job("succeeded"))
    assert read != read.to_dict() and read != "ftjob-succsup0001"
    assert read != dataclasses.replace(read, seed=1) and read == dataclasses.replace(read)
    assert ftj.Hyperparameters(n_epochs=2) != ftj.SupervisedHyperparameters(n_epochs=2)
    assert (
        repr(ftj.Hyperparameters(n_epochs=2))
        == "Hyperparameters(batch_size=None, learning_rate_multiplier=None, n_epochs=2, extra=FrozenDict({}))"
    )
    assert repr(read).startswith(
        "FineTuningJob(id='ftjob-succsup0001', created_at=1767225600, model='gpt-4o-mini-2024-07-18', status=<FineTuningJobStatus.SUCCEEDED: 'succeeded'>"
    )


def test_timestamps_durations_and_terminal_state() -> None:
    done = ftj.FineTuningJob.from_dict(job("succeeded"))
    assert done.created_datetime == datetime.datetime(2026, 1, 1, tzinfo=UTC)
    assert done.finished_datetime == datetime.datetime(2026, 1, 1, 1, 1, 1, tzinfo=UTC)
    assert done.duration == datetime.timedelta(hours=1, minutes=1, seconds=1)
    assert done.elapsed(datetime.datetime(2030, 1, 1, tzinfo=UTC)) == done.duration
    assert done.is_terminal and done.estimated_finish_datetime is None
    running = ftj.FineTuningJob.from_dict(job("running"))
    assert running.duration is None and running.finished_datetime is None and not running.is_terminal
    assert running.estimated_finish_datetime == datetime.datetime(2026, 1, 1, 2, tzinfo=UTC)
    assert running.elapsed(datetime.datetime(2026, 1, 1, 0, 30, tzinfo=UTC)) == datetime.timedelta(minutes=30)
    latest = ftj.FineTuningJob.from_dict({**job("running"), "created_at": ftj.MAX_TIMESTAMP})
    assert latest.created_datetime.year == 9999


@pytest.mark.parametrize(
    ("now", "error", "message"),
    [
        (
            datetime.datetime(2026, 1, 1),
            ValueError,
            "expected an aware datetime (such as datetime.now(timezone.utc)), got a naive one",
        ),
        ("2026-01-01", TypeError, 'expected an aware datetime or Unix seconds, got "2026-01-01" (str)'),
        (True, TypeError, "expected an aware datetime or Unix seconds, got true (bool)"),
        (datetime.date(2026, 1, 1), TypeError, "expected an aware datetime or Unix seconds, got <date> (date)"),
        (float("nan"), ValueError, "expected Unix seconds in 0..253402300799, got NaN"),
        (10**20, ValueError, "expected Unix seconds in 0..253402300799, got 100000000000000000000"),
    ],
)
def test_now_is_an_aware_datetime_or_unix_seconds(now: Any, error: Any, message: str) -> None:
    running = ftj.FineTuningJob.from_dict(job("running"))
    half_hour = datetime.timedelta(minutes=30)
    assert running.elapsed(1767227400) == running.elapsed(1767227400.0) == half_hour
    assert running.summary(now=1767227400).endswith("duration 30m 00s so far")
    with pytest.raises(error) as info:
        running.elapsed(now)
    assert str(info.value) == message
    # A finished job does not need now, and still says what it takes.
    finished = ftj.FineTuningJob.from_dict(job("succeeded"))
    with pytest.raises(error) as info:
        finished.elapsed(now)
    assert str(info.value) == message


def test_a_page_is_a_sequence_of_what_it_holds() -> None:
    first, second = ftj.FineTuningJob.from_dict(job("succeeded")), ftj.FineTuningJob.from_dict(job("running"))
    listed = ftj.FineTuningJobList.from_dict(page([job("succeeded"), job("running")]))
    assert len(listed) == 2 and list(listed) == [first, second] and first in listed
    # Typed for mypy (this file is checked by it): an index gives an item, a slice a tuple.
    item: ftj.FineTuningJob = listed[-1]
    items: Tuple[ftj.FineTuningJob, ...] = listed[:1]
    assert item == second and items == (first,) and listed[::-1] == (second, first)
    assert list(reversed(listed)) == [second, first]
    with pytest.raises(IndexError):
        listed[2]
    empty = ftj.FineTuningJobEventList(data=())
    assert len(empty) == 0 and not empty and list(empty) == []
    events = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event()]})
    assert [e.level for e in events] == ["info"]


def test_objects_from_an_earlier_run_of_the_module_stay_usable() -> None:
    # What a notebook does when the cell that pasted the module runs again: a second copy of
    # every class. Objects made before still compare as jobs and go into the new constructors.
    source = Path(ftj.__file__).read_text(encoding="utf-8")
    earlier: Dict[str, Any] = {"__name__": ftj.__name__}
    exec(compile(source, "<cell>", "exec"), earlier)
    old_job = earlier["FineTuningJob"].from_dict({**job("succeeded"), "status": "running"})
    new_job = ftj.FineTuningJob.from_dict(job("succeeded"))
    assert type(old_job) is not ftj.FineTuningJob
    assert new_job.changes(old_job)["$.status"] == ("running", "succeeded")
    old_error = earlier["FineTuningJobError"](code="c", message="m")
    failed = dataclasses.replace(new_job, error=old_error)
    assert type(failed.error) is ftj.FineTuningJobError and failed.error.code == "c"
    listed = ftj.FineTuningJobList(data=(old_job,))
    assert type(listed[0]) is ftj.FineTuningJob and listed[0].status == "running"
    # Another class of the same module, or another job: said plainly.
    with pytest.raises(TypeError) as info:
        new_job.changes(earlier["FineTuningJobEvent"].from_dict(event()))
    assert str(info.value) == "expected a FineTuningJob, got FineTuningJobEvent"
    with pytest.raises(ValueError, match="cannot compare two different jobs"):
        new_job.changes(earlier["FineTuningJob"].from_dict({**job("running"), "id": "ftjob-other"}))

    class FineTuningJob:  # an earlier version of the class that writes what this one refuses
        __module__ = ftj.FineTuningJob.__module__

        def to_dict(self) -> Dict[str, Any]:
            return {"id": "ftjob-1"}

    with pytest.raises(TypeError) as info:
        new_job.changes(FineTuningJob())  # type: ignore[arg-type]
    assert str(info.value) == (
        "a FineTuningJob from an earlier run of the module that cannot be read again: 5 validation errors for"
        " FineTuningJob\n  $.created_at: required key missing\n  $.model: required key missing\n"
        "  $.object: required key missing\n  $.status: required key missing\n  $.training_file: required key missing"
    )

    silent = type("FineTuningJob", (), {"__module__": ftj.FineTuningJob.__module__})  # nothing writes it: no job
    with pytest.raises(TypeError) as info:
        new_job.changes(silent())
    assert str(info.value) == "expected a FineTuningJob, got FineTuningJob"


def test_frozen_dict_is_a_read_only_hashable_mapping() -> None:
    mapping = ftj.FrozenDict({"a": "1", "b": "2"})
    assert mapping == {"a": "1", "b": "2"} and mapping == ftj.FrozenDict({"b": "2", "a": "1"})
    assert mapping not in ({"a": "1"}, ["a", "b"]) and "a" in mapping and len(mapping) == 2
    assert list(mapping) == ["a", "b"] and mapping["a"] == "1" and repr(mapping) == "FrozenDict({'a': '1', 'b': '2'})"
    assert hash(mapping) == hash(ftj.FrozenDict({"b": "2", "a": "1"}))
    assert pickle.loads(pickle.dumps(mapping)) == mapping and copy.deepcopy(mapping) == mapping
    with pytest.raises(TypeError):
        mapping["c"] = "3"  # type: ignore[index]
    with pytest.raises(AttributeError):
        mapping.x = 1  # type: ignore[attr-defined]
    assert ftj.FrozenDict() == {} and not ftj.FrozenDict()


def test_input_is_never_mutated_and_output_shares_nothing_mutable() -> None:
    data = job("succeeded")
    snapshot = copy.deepcopy(data)
    read = ftj.FineTuningJob.from_dict(data)
    out = read.to_dict()
    assert data == snapshot
    out["result_files"].append("file-x")
    out["metadata"]["k"] = "v"
    assert read.to_dict() == canon("job", snapshot)


def test_to_json_is_compact_keeps_non_ascii_and_indents_on_request() -> None:
    data = job("succeeded")
    data["model"] = "modèle-日本"
    read = ftj.FineTuningJob.from_dict(data)
    assert read.to_json().startswith('{"id":"ftjob-succsup0001","created_at":1767225600,"error":null,')
    assert "modèle-日本" in read.to_json()
    assert read.to_json(indent=2).startswith('{\n  "id": "ftjob-succsup0001",\n')
    assert ftj.FineTuningJob.from_json(read.to_json().encode("utf-16")) == read
    assert ftj.FineTuningJob.from_json(bytearray(read.to_json().encode())) == read


def test_hashes_spread_and_unknown_status_has_a_name() -> None:
    hashes = {hash(ftj.FineTuningJob.from_dict(payload)) for payload in every_job()}
    assert len(hashes) == len(every_job())
    unknown = ftj.FineTuningJobStatus("created")
    assert unknown.name == "UNKNOWN" and repr(unknown) == "<FineTuningJobStatus.UNKNOWN: 'created'>"


def test_indented_json_keeps_non_ascii_and_from_json_honours_strict() -> None:
    data = job("succeeded")
    data["model"] = "modèle"
    read = ftj.FineTuningJob.from_dict(data)
    assert '"model": "modèle"' in read.to_json(indent=2)
    tolerant_only = json.dumps({**data, "seed": None})
    ftj.FineTuningJob.from_json(tolerant_only)
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_json(tolerant_only, strict=True)
    assert [str(e) for e in info.value.errors] == ["$.seed: expected an integer, got null"]
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobList.from_json("[")
    assert str(info.value).startswith("1 validation error for FineTuningJobList\n")
    assert info.value.errors[0].value == "["


def test_an_unknown_integration_equals_the_same_one_built_by_hand() -> None:
    read = ftj.Integration.from_dict({"type": "slack", "slack": {"channel": "#ml"}, "wandb": None})
    made = ftj.Integration("slack", extra={"slack": {"channel": "#ml"}, "wandb": None})
    assert read == made and hash(read) == hash(made) and read.to_dict() == made.to_dict()
    assert dataclasses.replace(read) == read
    with pytest.raises(ftj.ValidationError, match=r"\$\.slack\.x: expected a finite number, got NaN"):
        ftj.Integration.from_dict({"type": "slack", "slack": {"x": float("nan")}})


def test_the_constructor_reports_every_bad_argument_with_its_value() -> None:
    base = ftj.FineTuningJob.from_dict(job("running"))
    bad_method = {"type": "dpo"}
    with pytest.raises(ftj.ValidationError) as info:
        dataclasses.replace(base, hyperparameters={"n_epochs": 1}, method=bad_method, extra={"id": "x", "y": 1})  # type: ignore[arg-type]
    assert [(e.location, e.value) for e in info.value.errors] == [
        ("$.hyperparameters", {"n_epochs": 1}),
        ("$.method", bad_method),
        ("$.id", "x"),
    ]
    with pytest.raises(ftj.ValidationError) as info:
        dataclasses.replace(base, extra=[("x", 1)])  # type: ignore[arg-type]
    assert info.value.errors[0].value == [("x", 1)]


def test_an_unpickled_event_writes_its_nested_data_as_json() -> None:
    read = ftj.FineTuningJobEvent.from_dict({**event(), "data": {"grader": {"scores": [0.5, {"x": None}]}}})
    assert pickle.loads(pickle.dumps(read)).to_json() == read.to_json()


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "0"), (0.0, "0"), (2.0, "2"), (0.00001, "0.00001"), (1.5, "1.5"), (10**30, "1" + "0" * 30)],
)
def test_a_bound_is_written_as_people_write_it(number: Any, text: str) -> None:
    assert ftj._decimal(number) == text


def test_a_number_checkers_message_states_its_bounds() -> None:
    for check, message in [
        (ftj._AutoOrNumber(0.0, 2.0), '"auto" or a number > 0 and <= 2'),
        (ftj._AutoOrNumber(0.00001), '"auto" or a number > 0.00001'),
    ]:
        with pytest.raises(ftj._Invalid) as info:
            check.check(-1, False, 2)
        assert [e.message for e in info.value.problems] == [f"expected {message}, got -1"]


def test_to_json_makes_its_encoder_once_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ftj, "_compact", [])
    read = ftj.FineTuningJob.from_dict({**job("succeeded"), "user_provided_suffix": "équipe 東京"})
    text = read.to_json()
    assert text == json.dumps(read.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert '"user_provided_suffix":"équipe 東京"' in text
    assert read.to_json() == text and len(ftj._compact) == 1
