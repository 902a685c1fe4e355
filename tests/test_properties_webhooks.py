"""The properties every class holds (CONTRACT.md sections 4 to 7), for the classes of section 9:
webhook events and checkpoint permissions. Round trips, the canonical form, nothing lost,
robustness, path accuracy, the fast readers against the table-driven ones, and the objects'
own guarantees (frozen, hashable, picklable, deeply immutable)."""

import copy
import dataclasses
import json
import pickle
from typing import Any, Dict, List, Set, Tuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import REMOVE, put, walk
from tests.strategies import json_values, leaves, same_json
from tests.strategies_webhooks import BASES, MODELS, PAYLOADS, SCHEMA, any_instance, canon, known_paths

modes = pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
kinds = pytest.mark.parametrize("kind", list(PAYLOADS))


def read(data: Any, kind: str, strict: bool = False) -> Any:
    return MODELS[kind].from_dict(data, strict=strict)


# --- Guarantee 1: from_dict(x.to_dict()) == x and from_json(x.to_json()) == x, for every instance.


@given(any_instance)
def test_every_instance_round_trips_through_dict_and_json(instance: Any) -> None:
    cls = type(instance)
    data = instance.to_dict()
    assert cls.from_dict(data) == instance
    assert cls.from_json(instance.to_json()) == instance
    assert cls.from_json(instance.to_json(indent=2)) == instance
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert same_json(cls.from_dict(data).to_dict(), data)


@given(any_instance)
def test_instances_are_frozen_hashable_picklable_copyable_and_deeply_immutable(instance: Any) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        instance.id = "other"
    assert hash(instance) == hash(copy.deepcopy(instance))
    assert pickle.loads(pickle.dumps(instance)) == instance
    assert copy.copy(instance) == instance and dataclasses.replace(instance) == instance

    def check(value: Any) -> None:
        assert not isinstance(value, (list, dict, set, bytearray)), value
        if isinstance(value, (tuple, ftj.FrozenDict)):
            for item in value.values() if isinstance(value, ftj.FrozenDict) else value:
                check(item)
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                check(getattr(value, field.name))

    check(instance)


@given(any_instance)
def test_to_dict_is_plain_json_data_and_each_writer_writes_what_the_table_driven_writer_writes(instance: Any) -> None:
    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return type(value) is dict and all(type(k) is str and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return type(value) is list and all(plain(v) for v in value)
        return value is None or type(value) in (str, int, float, bool)

    assert plain(instance.to_dict())
    for model in models_in(instance):
        # JSON text tells apart what == does not: key order, 1 from 1.0 and from true.
        assert json.dumps(model.to_dict()) == json.dumps(ftj._Model.to_dict(model))


# --- Guarantee 2: from_dict(d).to_dict() == canon(d), and canon is idempotent.


@modes
@kinds
@given(data=st.data())
def test_accepted_payload_is_written_in_canonical_form(data: Any, kind: str, strict: bool) -> None:
    payload = data.draw(PAYLOADS[kind](strict))
    before = copy.deepcopy(payload)
    written = read(payload, kind, strict).to_dict()
    assert payload == before, "the input was mutated"
    assert same_json(written, canon(kind, payload))
    assert same_json(canon(kind, canon(kind, payload)), canon(kind, payload))
    assert same_json(MODELS[kind].from_json(json.dumps(payload), strict=strict).to_dict(), written)
    # Known keys in the order of the contract's table, then unknown keys in the order they came.
    order = list(SCHEMA[kind])
    known = [key for key in written if key in order]
    assert known == sorted(known, key=order.index)
    assert list(written)[len(known) :] == [key for key in payload if key not in order]


# --- Guarantee 3: nothing is lost; every non-null value comes out equal and of the same type.


@modes
@kinds
@given(data=st.data())
def test_every_non_null_value_comes_out_unchanged(data: Any, kind: str, strict: bool) -> None:
    payload = data.draw(PAYLOADS[kind](strict))
    written = read(payload, kind, strict).to_dict()
    for path, value in leaves(payload):
        out: Any = written
        for step in path:
            out = out[step]
        assert same_json(out, value), path


# --- Robustness: any JSON value gives an object or a ValidationError, nothing else.

NEW_MODELS = [*MODELS.values(), ftj.FineTuningJobWebhookEventData]
KEYS = ["id", "created_at", "type", "data", "object", "project_id", "deleted", "has_more", "first_id", "x"]


@modes
@given(value=json_values | st.dictionaries(st.sampled_from(KEYS), json_values | st.sampled_from(["event", "list"])))
def test_any_json_value_gives_an_object_or_a_validation_error(value: Any, strict: bool) -> None:
    for cls in NEW_MODELS:
        result: Any
        try:
            result = cls.from_dict(value, strict=strict)
        except ftj.ValidationError as exc:
            result = exc
        if isinstance(result, ftj.ValidationError):
            assert result.errors and all(isinstance(e.path, tuple) and e.message for e in result.errors)
        else:
            assert cls.from_dict(result.to_dict()) == result


# --- Path accuracy: break one field and the error names exactly that path.

# A value that is wrong for each key wherever it appears, and the path suffix it is reported at.
BREAKERS: Dict[str, List[Tuple[Any, Tuple[Any, ...]]]] = {
    "id": [(7, ()), (None, ()), ("\ud800", ())],
    "created_at": [(-1, ()), (True, ()), (1.0, ()), (ftj.MAX_TIMESTAMP + 1, ())],
    "type": [(5, ()), ("batch.completed", ()), ("", ()), (None, ())],
    "data": [([], ()), ("ftjob-1", ())],
    "object": [("events", ()), (1, ())],
    "project_id": [(None, ()), (1, ())],
    "deleted": [("true", ()), (1, ()), (None, ())],
    "first_id": [(1, ())],
    "last_id": [(False, ())],
    "has_more": [("no", ())],
}
# Where a key means something else in another object: (holder, key) first.
BREAKERS_IN: Dict[Tuple[str, str], List[Tuple[Any, Tuple[Any, ...]]]] = {
    ("permission page", "data"): [({}, ()), ([None], (0,))],
}
# Values only the strict reader rejects.
STRICT_BREAKERS: Dict[Tuple[str, str], List[Any]] = {
    ("webhook event", "type"): ["fine_tuning.job.paused"],
    ("webhook event", "object"): [None],
    ("permission page", "has_more"): [None],
}
# For each kind of object, the keys whose removal is an error: in both readers, in the strict one.
REQUIRED: Dict[str, Tuple[Set[str], Set[str]]] = {
    "webhook event": ({"id", "created_at", "type", "data"}, set()),
    "webhook data": ({"id"}, set()),
    "permission": ({"id", "created_at", "object", "project_id"}, set()),
    "permission page": ({"object", "data"}, {"has_more"}),
    "deleted permission": ({"id", "object", "deleted"}, set()),
}


def breakable(payload: Any, kind: str, strict: bool) -> List[Tuple[Tuple[Any, ...], Any, Tuple[Any, ...]]]:
    """(path, new value or REMOVE, path of the expected error) for each way to break payload."""
    ways: List[Tuple[Tuple[Any, ...], Any, Tuple[Any, ...]]] = []
    for path, holder in known_paths(kind, payload):
        key = path[-1]
        breakers = BREAKERS_IN.get((holder, key), BREAKERS.get(key, []))
        ways.extend((path, bad, path + suffix) for bad, suffix in breakers)
        if strict:
            ways.extend((path, bad, path) for bad in STRICT_BREAKERS.get((holder, key), []))
        always, in_strict = REQUIRED[holder]
        if key in always or (strict and key in in_strict):
            ways.append((path, REMOVE, path))
    return ways


@modes
@kinds
@given(data=st.data())
def test_one_broken_field_is_reported_at_exactly_its_path(data: Any, kind: str, strict: bool) -> None:
    payload = data.draw(PAYLOADS[kind](strict))
    path, bad, where = data.draw(st.sampled_from(breakable(payload, kind, strict)))
    put(payload, path, bad)
    with pytest.raises(ftj.ValidationError) as info:
        read(payload, kind, strict)
    assert [e.path for e in info.value.errors] == [where], [str(e) for e in info.value.errors]
    assert info.value.title == MODELS[kind].__name__


@modes
@kinds
@given(data=st.data())
def test_an_unknown_key_is_kept_by_the_tolerant_reader_and_refused_by_the_strict_one(
    data: Any, kind: str, strict: bool
) -> None:
    payload = data.draw(PAYLOADS[kind](True))
    path = data.draw(st.sampled_from(object_paths(payload)))
    value = data.draw(json_values)
    put(payload, path + ("x_new",), value)
    if strict:
        with pytest.raises(ftj.ValidationError) as info:
            read(payload, kind, strict)
        assert [(e.path, e.message) for e in info.value.errors] == [(path + ("x_new",), "unknown key")]
    else:
        written: Any = read(payload, kind).to_dict()
        for step in path:
            written = written[step]
        assert same_json(written["x_new"], value)


# --- The fast readers change nothing: with them off, every input gives the same object, built
# the same way, or the same errors.


def anatomy(value: Any) -> Any:
    """Everything that could tell two readings apart: classes, the order of fields, JSON types."""
    if isinstance(value, ftj._Model):
        return type(value).__name__, [(key, anatomy(item)) for key, item in vars(value).items()]
    if isinstance(value, ftj.FrozenDict):
        return "FrozenDict", [(key, anatomy(item)) for key, item in value.items()]
    if isinstance(value, tuple):
        return "tuple", [anatomy(item) for item in value]
    return type(value).__name__, value


def every_model(base: Any = ftj._Model) -> List[Any]:
    found = []
    for cls in base.__subclasses__():
        found.append(cls)
        found.extend(every_model(cls))
    return found


def read_both_ways(cls: Any, payload: Any) -> Tuple[Any, Any]:
    def outcome() -> Any:
        try:
            return anatomy(cls.from_dict(payload))
        except ftj.ValidationError as exc:
            return [(e.path, e.message) for e in exc.errors]

    fast = outcome()
    with pytest.MonkeyPatch.context() as patch:
        for model in every_model():
            patch.setattr(model, "_read_fast", None)
        slow = outcome()
    return fast, slow


def object_paths(value: Any, path: Tuple[Any, ...] = ()) -> List[Tuple[Any, ...]]:
    """The path of every object in a payload, the top one included."""
    if isinstance(value, dict):
        return [path] + [p for key, item in value.items() for p in object_paths(item, path + (key,))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in object_paths(item, path + (index,))]
    return []


def models_in(value: Any) -> List[Any]:
    if isinstance(value, ftj._Model):
        return [value] + [m for item in vars(value).values() for m in models_in(item)]
    if isinstance(value, tuple):
        return [m for item in value for m in models_in(item)]
    return []


# Values each fast test must either take as its checker does or hand to the checker.
EDGES: List[Any] = [None, True, False, 0, 1, -1, ftj.MAX_TIMESTAMP, ftj.MAX_TIMESTAMP + 1, 1.0, float("nan")]
EDGES += [10**ftj.MAX_INT_DIGITS, "", "é", "\ud800", "event", "list", "checkpoint.permission", "fine_tuning.job."]
EDGES += ["fine_tuning.job.succeeded", "fine_tuning.job.x", "batch.completed", [], ["a"], {}, {"id": "x"}]


@given(data=st.data(), strict=st.booleans())
def test_fast_readers_give_what_the_checked_readers_give(data: Any, strict: bool) -> None:
    # The fast readers serve the tolerant mode; payloads drawn for either mode are inputs to it.
    kind = data.draw(st.sampled_from(list(PAYLOADS)))
    payload = data.draw(PAYLOADS[kind](strict))
    change = data.draw(st.sampled_from(["none", "broken", "edges", "unknown key"]))
    if change == "broken":
        path, bad, _ = data.draw(st.sampled_from(breakable(payload, kind, False)))
        put(payload, path, bad)
    elif change == "edges":
        paths = data.draw(st.lists(st.sampled_from(known_paths(kind, payload)), min_size=1, max_size=3))
        for path, _ in sorted(paths, key=lambda item: -len(item[0])):  # the deepest first: all still exist
            put(payload, path, data.draw(st.sampled_from(EDGES)))
    elif change == "unknown key":
        path = data.draw(st.sampled_from(object_paths(payload)))
        key = data.draw(st.sampled_from(["x_new", 7, "\ud800"]))
        put(payload, path + (key,), data.draw(json_values | st.sampled_from(EDGES)))
    fast, slow = read_both_ways(MODELS[kind], payload)
    assert fast == slow


@kinds
def test_fast_readers_agree_on_every_edge_value_at_every_path(kind: str) -> None:
    payload = BASES[kind]()
    for path, _ in known_paths(kind, payload):
        for edge in EDGES:
            changed = copy.deepcopy(payload)
            put(changed, path, edge)
            fast, slow = read_both_ways(MODELS[kind], changed)
            assert fast == slow, (path, edge)


@kinds
def test_fast_readers_count_depth_as_the_checked_reader_does(kind: str) -> None:
    # Under every object, an unknown value whose innermost container is at the deepest level
    # allowed, then one level deeper.
    payload = BASES[kind]()
    for path in object_paths(payload):
        for innermost in (ftj.MAX_DEPTH, ftj.MAX_DEPTH + 1):
            changed = copy.deepcopy(payload)
            value: Any = []
            for _ in range(innermost - len(path) - 2):  # the value itself is at level len(path) + 2
                value = [value]
            put(changed, path + ("x_deep",), value)
            fast, slow = read_both_ways(MODELS[kind], changed)
            assert fast == slow, path
            assert isinstance(fast, tuple) is (innermost == ftj.MAX_DEPTH), path
            if innermost == ftj.MAX_DEPTH:  # read by the fast readers themselves, to the last level
                MODELS[kind]._read_fast(changed, 1)


@kinds
def test_the_fast_readers_read_valid_values_that_need_their_checkers(kind: str) -> None:
    # Non-ASCII text, a newer event type and unknown keys in every object: valid, so read by the
    # fast readers themselves (through the checkers), not handed to the checked reader.
    payload = BASES[kind]()
    for path in object_paths(payload):
        put(payload, path + ("x_unknown",), [1.5, {"é": None}])
    for path, value in leaves(payload):
        if isinstance(value, str) and path[-1] not in ("object", "type"):
            put(payload, path, value + " é")
    if kind == "webhook event":
        put(payload, ("type",), "fine_tuning.job.paused")
    read_fast = MODELS[kind]._read_fast(payload, 1)
    assert anatomy(read_fast) == read_both_ways(MODELS[kind], payload)[1]
    for model in models_in(read_fast):
        assert anatomy(type(model)._read_fast(model.to_dict(), 1)) == anatomy(model), type(model).__name__


# Values the fast readers must take at a glance, without calling a checker: (path, values).
AT_A_GLANCE: Dict[str, List[Tuple[Tuple[Any, ...], List[Any]]]] = {
    "webhook event": [
        (("id",), ["evt_abc", ""]),
        (("created_at",), [0, ftj.MAX_TIMESTAMP]),
        (("data", "id"), ["ftjob-abc"]),
        (("object",), [None, REMOVE, "event"]),
        (("x_unknown",), [None, True, "s"]),
    ],
    "permission page": [
        (("has_more",), [None, REMOVE, True, False]),
        (("first_id",), [None, REMOVE, "cp_a"]),
        (("last_id",), [None, REMOVE, "cp_b"]),
        (("data", 0, "id"), ["cp_a"]),
        (("data", 0, "created_at"), [0, ftj.MAX_TIMESTAMP]),
        (("data", 0, "project_id"), ["proj_a"]),
    ],
    "deleted permission": [(("id",), ["cp_a"]), (("deleted",), [True, False])],
}


def test_the_fast_readers_take_plain_values_without_a_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(value: Any, *rest: Any) -> Any:
        raise AssertionError(f"a checker was called for {value!r}")

    # The webhook type has no plain test of its own (its rule is a prefix): its checker is the
    # one the fast reader always calls.
    for name in ["_check_str", "_check_timestamp", "_check_bool", "_check_list_object", "_text", "_check_json"]:
        monkeypatch.setattr(ftj, name, refuse)
    monkeypatch.setattr(ftj, "_check_webhook_object", refuse)
    monkeypatch.setattr(ftj, "_check_permission_object", refuse)
    for model in every_model():  # nor may a fast reader hand an object to its table
        monkeypatch.setattr(model, "_read_checked", classmethod(lambda cls, data, *rest: refuse(data)))
    for kind, table in AT_A_GLANCE.items():
        for path, values in table:
            for value in values:
                payload = BASES[kind]()
                put(payload, path, value)
                assert same_json(MODELS[kind]._read_fast(payload, 1).to_dict(), canon(kind, payload)), (path, value)
    with pytest.raises(AssertionError, match="a checker was called for 'é'"):
        MODELS["permission"]._read_fast({**BASES["permission"](), "project_id": "é"}, 1)


def test_every_new_class_has_a_fast_reader_and_a_writer_of_its_own() -> None:
    for model in NEW_MODELS:
        assert model in every_model()
        assert model._read_fast is not None and model.to_dict is not ftj._Model.to_dict, model


def test_every_writer_branch_writes_what_the_table_driven_writer_writes() -> None:
    # Each base with an unknown key in every object, then with each member taken out in turn.
    for kind, make in BASES.items():
        fullest = make()
        for path in object_paths(fullest):
            put(fullest, path + ("x_seen",), True)
        variants = [fullest]
        for path, _ in walk(fullest):
            variant = copy.deepcopy(fullest)
            put(variant, path, REMOVE)
            variants.append(variant)
        read_any = 0
        for variant in variants:
            try:
                instance = read(variant, kind)
            except ftj.ValidationError:
                continue  # a required member taken out
            read_any += 1
            for model in models_in(instance):
                assert json.dumps(model.to_dict()) == json.dumps(ftj._Model.to_dict(model))
        assert read_any >= 2, kind  # the fullest, and without its unknown key at least


# --- The constructor checks by the tolerant reader's rules and wants instances for nested objects.


def test_the_constructor_checks_its_arguments() -> None:
    data = ftj.FineTuningJobWebhookEventData("ftjob-1")
    event = ftj.FineTuningJobWebhookEvent("evt_1", 1767229261, "fine_tuning.job.failed", data)
    assert event.object == "event" and event.job_id == "ftjob-1"
    assert event.to_dict() == {
        "id": "evt_1",
        "created_at": 1767229261,
        "type": "fine_tuning.job.failed",
        "data": {"id": "ftjob-1"},
        "object": "event",
    }
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobWebhookEvent("evt_1", -1, "batch.completed", {"id": "ftjob-1"})  # type: ignore[arg-type]
    assert [str(e) for e in info.value.errors] == [
        '$.data: expected a FineTuningJobWebhookEventData, got {"id": "ftjob-1"} (dict)',
    ]
    with pytest.raises(ftj.ValidationError) as info:
        dataclasses.replace(event, created_at=-1, type="batch.completed")
    assert [str(e) for e in info.value.errors] == [
        "$.created_at: expected an integer in 0..253402300799, got -1",
        '$.type: expected a fine-tuning event (a type that starts with "fine_tuning.job."), got "batch.completed"',
    ]
    page = ftj.FineTuningCheckpointPermissionList((ftj.FineTuningCheckpointPermission("cp_1", 1, "proj_1"),))
    assert page.data == (ftj.FineTuningCheckpointPermission("cp_1", 1, "proj_1"),)
    assert page.to_dict() == {
        "object": "list",
        "data": [{"id": "cp_1", "created_at": 1, "object": "checkpoint.permission", "project_id": "proj_1"}],
    }
    deleted = ftj.FineTuningCheckpointPermissionDeleted("cp_1", True)
    assert deleted.to_dict() == {"id": "cp_1", "object": "checkpoint.permission", "deleted": True}
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningCheckpointPermissionDeleted("cp_1", 1)  # type: ignore[arg-type]
    assert [str(e) for e in info.value.errors] == ["$.deleted: expected a boolean, got 1 (int)"]
    assert info.value.title == "FineTuningCheckpointPermissionDeleted"
