"""The round-trip guarantees of CONTRACT.md section 5, robustness and path accuracy, as properties."""

import copy
import enum
import inspect
import json
import re
from typing import Any, Callable, Dict, List, Set, Tuple

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests import fixtures, ftj
from tests.fixtures import (
    BASES,
    MODELS,
    REMOVE,
    event,
    every_job,
    job,
    method,
    model_of,
    page,
    put,
    read,
    walk,
    wandb_job,
)
from tests.strategies import (
    CONTRACT,
    PAYLOADS,
    REQUIRED,
    any_instance,
    canon,
    every_model,
    jobs,
    json_values,
    leaves,
    pages,
    same_json,
)

modes = pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
METRICS_KEYS = [field.key for field in ftj.TrainingMetrics._FIELDS]


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
def test_to_dict_is_plain_json_data(instance: Any) -> None:
    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return type(value) is dict and all(type(k) is str and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return type(value) is list and all(plain(v) for v in value)
        return value is None or type(value) in (str, int, float, bool)

    assert plain(instance.to_dict())


def test_same_json_tells_json_types_apart() -> None:
    assert same_json({"a": [1, 1.5, None]}, {"a": [1, 1.5, None]})
    assert not same_json(1, 1.0) and not same_json(True, 1) and not same_json([1], [1, 2])
    assert not same_json({"a": 1}, {"b": 1}) and same_json(float("nan"), float("nan"))


# --- Guarantee 2: from_dict(d).to_dict() == canon(d), and canon is idempotent.


@modes
@given(data=st.data())
def test_accepted_job_is_written_in_canonical_form(data: Any, strict: bool) -> None:
    payload = data.draw(jobs(strict))
    before = copy.deepcopy(payload)
    written = ftj.FineTuningJob.from_dict(payload, strict=strict).to_dict()
    assert payload == before, "the input was mutated"
    assert same_json(written, canon("job", payload))
    assert same_json(canon("job", canon("job", payload)), canon("job", payload))


@modes
@pytest.mark.parametrize("kind", ["page", "event", "checkpoint", "event page", "checkpoint page"])
@given(data=st.data())
def test_accepted_payload_of_each_kind_is_written_in_canonical_form(data: Any, kind: str, strict: bool) -> None:
    payload = data.draw(PAYLOADS[kind](strict))
    before = copy.deepcopy(payload)
    written = read(payload, kind, strict).to_dict()
    assert payload == before, "the input was mutated"
    assert same_json(written, canon(kind, payload))
    assert same_json(canon(kind, canon(kind, payload)), canon(kind, payload))
    assert same_json(model_of(kind).from_json(json.dumps(payload), strict=strict).to_dict(), written)


@given(jobs())
def test_keys_are_written_in_the_api_order_then_unknown_keys_as_they_came(payload: Dict[str, Any]) -> None:
    written = list(ftj.FineTuningJob.from_dict(payload).to_dict())
    order = [key for key, _, _ in CONTRACT["FineTuningJob"]]  # section 1's order
    known = [key for key in written if key in order]
    assert known == sorted(known, key=order.index)
    assert written[len(known) :] == [key for key in payload if key not in order]


# --- Guarantee 3: nothing is lost; every non-null value comes out equal and of the same type.


@modes
@given(data=st.data())
def test_every_non_null_value_comes_out_unchanged(data: Any, strict: bool) -> None:
    kind = data.draw(st.sampled_from(list(PAYLOADS)))
    payload = data.draw(PAYLOADS[kind](strict))
    written = read(payload, kind, strict).to_dict()
    for path, value in leaves(payload):
        out: Any = written
        for step in path:
            out = out[step]
        assert same_json(out, value), path


# --- Robustness: any JSON value gives an object or a ValidationError, nothing else.


@modes
@given(
    value=json_values | st.dictionaries(st.sampled_from(["id", "status", "object", "data", "method", "x"]), json_values)
)
def test_any_json_value_gives_an_object_or_a_validation_error(value: Any, strict: bool) -> None:
    for cls in every_model():
        try:
            result = cls.from_dict(value, strict=strict)
        except ftj.ValidationError as exc:
            problems = exc.errors
        else:
            problems = ()
            assert cls.from_dict(result.to_dict()) == result
        assert all(isinstance(e.path, tuple) and e.message for e in problems)


# --- Path accuracy: break one field and the error names exactly that path.

# Values that a kind of checker refuses, and the path below the value where the problem is
# reported: the breakers of every field come from its checker's kind and bounds, and its rule.
WRONG: Dict[str, Callable[[Any, bool], List[Tuple[Any, Tuple[Any, ...]]]]] = {
    "_Text": lambda check, strict: [(7, ()), ("\ud800", ())],
    "_Integer": lambda check, strict: [(check.low - 1, ()), (check.high + 1, ()), (True, ()), (float(check.low), ())],
    "_Boolean": lambda check, strict: [("no", ())],
    "_Number": lambda check, strict: [(float("nan"), ()), (True, ()), ("1", ())],
    "_Constant": lambda check, strict: [(check.expected + "s", ())],
    "_Choice": lambda check, strict: (
        [(5, ())] + [("zz", ())] * (strict or not check.open_in_tolerant) + [(never, ()) for never in check.never]
    ),
    "_Status": lambda check, strict: [(3, ())] + [("zz", ())] * strict,
    "_PrefixedChoice": lambda check, strict: [(5, ()), ("batch.completed", ())] + [(check.prefix + "zz", ())] * strict,
    "_AutoOrInteger": lambda check, strict: (
        [(check.low - 1, ()), ("AUTO", ()), (float(check.low), ())]
        + ([(check.high + 1, ())] if check.high is not None else [])
    ),
    "_AutoOrNumber": lambda check, strict: (
        [(check.above, ()), ("Auto", ()), (True, ())]
        + ([(check.at_most * 2 + 1, ())] if check.at_most is not None else [])
    ),
    "_Strings": lambda check, strict: [(["a", 2], (1,)), ("file-1", ())],
    "_Metadata": lambda check, strict: [({"k": 1}, ("k",)), ({"k" * 65: "v"}, ("k" * 65,))],
    "_JsonObject": lambda check, strict: [([], ()), ("text", ())],
    "_Nested": lambda check, strict: [("x", ()), ([], ())],
    "_EmptyIsNone": lambda check, strict: [("x", ())],
    "_Models": lambda check, strict: [("x", ()), ({}, ())],
}


def known_paths(cls: Any, value: Any, path: Tuple[Any, ...] = ()) -> List[Tuple[Tuple[Any, ...], Any, Any]]:
    """(path, class of the object holding it, field) for the known members of a payload, walked
    with the module's tables: not into content, objects kept whole, or an empty error."""
    opaque = cls._OPAQUE_UNLESS_KNOWN
    if opaque is not None and value.get(opaque[0]) not in opaque[1]:
        return []  # kept whole as opaque JSON
    fields = {field.key: field for field in cls._FIELDS}
    found = []
    for key, item in value.items():
        field = fields.get(key)
        if field is None:
            continue
        found.append((path + (key,), cls, field))
        check = field.check
        if check.model is None or item is None:
            continue
        if check.many:
            for index, member in enumerate(item):
                found.extend(known_paths(check.model, member, path + (key, index)))
        elif not (check.empty and all(member is None for member in item.values())):
            found.extend(known_paths(check.model, item, path + (key,)))
    return found


def breakable(payload: Any, kind: str, strict: bool) -> List[Tuple[Tuple[Any, ...], Any, Tuple[Any, ...]]]:
    """(path, new value or REMOVE, path of the expected error) for each way to break payload:
    a value its checker refuses, null where the reader refuses it, and the removal of a key it
    requires."""
    ways: List[Tuple[Tuple[Any, ...], Any, Tuple[Any, ...]]] = []
    for path, _, field in known_paths(model_of(kind), payload):
        presence = field.strict if strict else field.tolerant
        wrong = WRONG[type(field.check).__name__](field.check, strict)
        ways.extend((path, bad, path + suffix) for bad, suffix in wrong)
        if not presence.null:
            ways.append((path, None, path))
        if not presence.missing:
            ways.append((path, REMOVE, path))
    return ways


def test_every_kind_of_checker_has_its_wrong_values() -> None:
    kinds = {type(field.check).__name__ for model in every_model() for field in model._FIELDS}
    assert kinds == set(WRONG)


@modes
@given(data=st.data())
def test_one_broken_field_is_reported_at_exactly_its_path(data: Any, strict: bool) -> None:
    kind = data.draw(st.sampled_from(list(PAYLOADS)))
    payload = data.draw(PAYLOADS[kind](strict))
    ways = breakable(payload, kind, strict)  # never empty: "object" is always there
    path, bad, where = data.draw(st.sampled_from(ways))
    broken = copy.deepcopy(payload)
    put(broken, path, bad)
    with pytest.raises(ftj.ValidationError) as info:
        read(broken, kind, strict)
    assert [e.path for e in info.value.errors] == [where], [str(e) for e in info.value.errors]


@modes
@given(data=st.data())
def test_a_removed_required_key_is_reported_missing(data: Any, strict: bool) -> None:
    payload = data.draw(jobs(strict))
    key = data.draw(st.sampled_from([key for key, rule, _ in CONTRACT["FineTuningJob"] if rule == REQUIRED]))
    del payload[key]
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict(payload, strict=strict)
    assert [(e.path, e.message) for e in info.value.errors] == [((key,), "required key missing")]


# --- The fast readers and the hand-written writers change nothing: with the fast readers off,
# every input gives the same object, built the same way, or the same errors; and each class's
# writer writes what the table-driven writer writes.


def anatomy(value: Any) -> Any:
    """Everything that could tell two readings apart: classes, the order of fields, JSON types."""
    if isinstance(value, ftj._Model):
        return type(value).__name__, [(key, anatomy(item)) for key, item in vars(value).items()]
    if isinstance(value, ftj.FrozenDict):
        return "FrozenDict", [(key, anatomy(item)) for key, item in value.items()]
    if isinstance(value, tuple):
        return "tuple", [anatomy(item) for item in value]
    return type(value).__name__, value


def refuse_all(data: Any, depth: int) -> Any:
    raise ftj._Invalid([])


def read_both_ways(cls: Any, payload: Any) -> Tuple[Any, Any]:
    def outcome() -> Any:
        try:
            return anatomy(cls.from_dict(payload))
        except ftj.ValidationError as exc:
            return [(e.path, e.message) for e in exc.errors]

    fast = outcome()
    with pytest.MonkeyPatch.context() as patch:
        for model in every_model():
            patch.setattr(model, "_read_fast", staticmethod(refuse_all))
        slow = outcome()
    return fast, slow


def read_fast(cls: Any, payload: Any) -> Any:
    """Read with the class's fast reader alone: it raises _Invalid rather than hand anything on."""
    return cls._read_fast(payload, 1)


def object_paths(value: Any, path: Tuple[Any, ...] = ()) -> List[Tuple[Any, ...]]:
    """The path of every object in a payload, the top one included."""
    if isinstance(value, dict):
        return [path] + [p for key, item in value.items() for p in object_paths(item, path + (key,))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in object_paths(item, path + (index,))]
    return []


# Values each fast test must either take as its checker does or hand to the checker.
EDGES: List[Any] = [None, True, False, 0, 1, -1, 2, 50, 51, 256, 257, 2**31, 2**63]
EDGES += [ftj.MAX_TIMESTAMP, ftj.MAX_TIMESTAMP + 1, 0.0, -0.5, 1.0, 0.5, 2.0, 2.5, 1e-6, float("nan"), float("inf")]
EDGES += [-float("inf"), -1e308, 1e308, 10**ftj.MAX_INT_DIGITS, -(10**ftj.MAX_INT_DIGITS), 10**ftj.MAX_INT_DIGITS - 1]
EDGES += ["", "auto", "Auto", "é", "\ud800", "list", "wandb", "supervised", "x", [], ["a"], ["\ud800"], {}, {"x": 1}]
EDGES += ["event", "checkpoint.permission", "fine_tuning.job.", "fine_tuning.job.succeeded", "fine_tuning.job.x"]
EDGES += ["batch.completed", {"id": "x"}]


@given(data=st.data(), strict=st.booleans())
def test_fast_readers_give_what_the_checked_readers_give(data: Any, strict: bool) -> None:
    # The fast readers serve the tolerant mode; payloads drawn for either mode are inputs to it.
    kind = data.draw(st.sampled_from(list(PAYLOADS)))
    payload = data.draw(PAYLOADS[kind](strict))
    # A broken field, edge values at a few known paths, a stranger key, or no change.
    change = data.draw(st.sampled_from(["none", "broken", "edges", "unknown key"]))
    if change == "broken":
        path, bad, _ = data.draw(st.sampled_from(breakable(payload, kind, False)))
        put(payload, path, bad)
    elif change == "edges":
        paths = data.draw(st.lists(st.sampled_from(known_paths(model_of(kind), payload)), min_size=1, max_size=4))
        for path, _, _ in sorted(paths, key=lambda item: -len(item[0])):  # the deepest first: all still exist
            put(payload, path, data.draw(st.sampled_from(EDGES)))
    elif change == "unknown key":
        path = data.draw(st.sampled_from(object_paths(payload)))
        key = data.draw(st.sampled_from(["x_new", 7, "\ud800"]))
        put(payload, path + (key,), data.draw(json_values | st.sampled_from(EDGES)))
    fast, slow = read_both_ways(model_of(kind), payload)
    assert fast == slow


@pytest.mark.parametrize("kind", ["supervised", "dpo", "reinforcement", "event page", "checkpoint page"])
def test_fast_readers_agree_on_every_edge_value_at_every_path(kind: str) -> None:
    if kind.endswith("page"):
        payload, schema = one_item_page(kind), kind
    else:
        payload, schema = (wandb_job() if kind == "supervised" else job("running", kind)), "job"
    for path, _, _ in known_paths(model_of(schema), payload):
        for edge in EDGES:
            changed = copy.deepcopy(payload)
            put(changed, path, edge)
            fast, slow = read_both_ways(model_of(schema), changed)
            assert fast == slow, (path, edge)


def one_item_page(kind: str) -> Any:
    """A page of one item of each kind of object, every known key present."""
    if kind == "event page":
        payload = fixtures.event_page()
        del payload["data"][1:]
    elif kind == "checkpoint page":
        payload = fixtures.checkpoint_page()
        del payload["data"][1:]
        payload["data"][0]["metrics"] = dict.fromkeys(METRICS_KEYS, 0.5)
    else:
        payload = page([wandb_job() if kind == "supervised" else job("running", kind)])
    return payload


@pytest.mark.parametrize("kind", ["supervised", "dpo", "reinforcement", "event page", "checkpoint page"])
def test_fast_readers_count_depth_as_the_checked_reader_does(kind: str) -> None:
    # Under every object, an unknown value whose innermost container is at the deepest level
    # allowed, then one level deeper.
    payload = one_item_page(kind)
    paths = [p for p in object_paths(payload) if p[-1:] != ("metadata",)]  # metadata holds strings
    assert_depth_counted_alike(model_of(kind if kind.endswith("page") else "page"), payload, paths)


def assert_depth_counted_alike(model: Any, payload: Any, paths: List[Tuple[Any, ...]]) -> None:
    """Under each object path, an unknown value whose innermost container is at the deepest
    level allowed, then one level deeper: both readers read it alike, and the deepest allowed
    is read by the fast readers themselves."""
    for path in paths:
        for innermost in (ftj.MAX_DEPTH, ftj.MAX_DEPTH + 1):
            changed = copy.deepcopy(payload)
            value: Any = []
            for _ in range(innermost - len(path) - 2):  # the value itself is at level len(path) + 2
                value = [value]
            put(changed, path + ("x_deep",), value)
            fast, slow = read_both_ways(model, changed)
            assert fast == slow, path
            assert isinstance(fast, tuple) is (innermost == ftj.MAX_DEPTH), path
            if innermost == ftj.MAX_DEPTH:  # read by the fast readers themselves, to the last level
                read_fast(model, changed)


def test_the_fast_readers_read_valid_values_that_need_their_checkers() -> None:
    # Non-ASCII text, integer rates, unknown keys in every object: valid, so read by the fast
    # readers themselves (through the checkers), not handed to the checked reader.
    payloads = [wandb_job(), job("running", "dpo"), job("failed"), job("running", "reinforcement")]
    for payload in payloads:
        for path in object_paths(payload):
            if path[-1:] != ("metadata",):
                put(payload, path + ("x_unknown",), [1.5, {"é": None}])
        for path, value in leaves(payload):
            if isinstance(value, str) and path[-1] not in (
                "object",
                "status",
                "type",
                "batch_size",
                "n_epochs",
                "learning_rate_multiplier",
                "beta",
                "compute_multiplier",
                "eval_interval",
                "eval_samples",
                "reasoning_effort",
            ):
                put(payload, path, value + " é")
    put(payloads[0], ("hyperparameters", "learning_rate_multiplier"), 2)  # integer numbers, valid everywhere
    for key in ("beta", "learning_rate_multiplier"):
        put(payloads[1], ("method", "dpo", "hyperparameters", key), 1)
    for key in ("compute_multiplier", "learning_rate_multiplier"):
        put(payloads[3], ("method", "reinforcement", "hyperparameters", key), 2)
    put(payloads[3], ("method", "reinforcement", "hyperparameters", "reasoning_effort"), "xhigh")  # newer than us
    put(payloads[0], ("status",), "pending")  # a status and a method the module does not know
    put(payloads[0], ("integrations", 0, "wandb", "name"), "essai n°2")  # every optional string given
    put(payloads[0], ("method", "supervised", "hyperparameters", "learning_rate_multiplier"), 2)
    payloads.append({**job("running"), "method": {"type": "future", "future": {"k": 1}}})
    listed = {**page(payloads), "x_unknown": {"é": [None]}}
    read = read_fast(ftj.FineTuningJobList, listed)
    assert anatomy(read) == read_both_ways(ftj.FineTuningJobList, listed)[1]
    each_fast_reader_reads_its_own_objects(read)


def each_fast_reader_reads_its_own_objects(read: Any) -> None:
    # Some objects reach their fast reader through a checker that falls back to the checked
    # reader (an error, an integration): call each class's fast reader on its own objects.
    for model in models_in(read):
        assert anatomy(read_fast(type(model), model.to_dict())) == anatomy(model), type(model).__name__


@pytest.mark.parametrize("kind", ["event page", "checkpoint page"])
def test_the_event_and_checkpoint_readers_read_valid_values_that_need_their_checkers(kind: str) -> None:
    payload = one_item_page(kind)
    for path in object_paths(payload):  # an event's data too, where the value is content
        put(payload, path + ("x_unknown",), [1.5, {"é": None}])
    for path, value in leaves(payload):
        if isinstance(value, str) and path[-1] not in ("object", "level", "type"):
            put(payload, path, value + " é")
    if kind == "event page":  # a level and a type the module does not know, kept as given
        put(payload, ("data", 0, "level"), "debug")
        put(payload, ("data", 0, "type"), "progress")
    read = read_fast(model_of(kind), payload)
    assert anatomy(read) == read_both_ways(model_of(kind), payload)[1]
    each_fast_reader_reads_its_own_objects(read)


@pytest.mark.parametrize("payload", every_job(), ids=lambda d: f"{d['status']}-{d['method']['type']}")
def test_the_fast_reader_takes_every_fixture_whole(payload: Any) -> None:
    # Called directly, a fast reader raises rather than hand anything to the checked reader.
    job = read_fast(ftj.FineTuningJob, payload)
    assert anatomy(job) == anatomy(ftj.FineTuningJob.from_dict(payload))
    listed = read_fast(ftj.FineTuningJobList, page([payload, payload]))
    assert listed.data == (job, job)


def test_every_class_has_a_fast_reader_and_a_writer_of_its_own() -> None:
    models = every_model()
    assert ftj.FineTuningJobList in models and ftj.Grader in models
    for model in models:
        assert "_read_fast" in vars(model) and "to_dict" in vars(model), model
    grader = {"type": "custom", "name": "g", "source": "print(1)"}  # an unknown type: tolerant only
    assert read_fast(ftj.Grader, grader) == ftj.Grader.from_dict(grader)
    with pytest.raises(ftj._Invalid):
        read_fast(ftj.Grader, {"type": 1})


# Values the fast readers must take at a glance, without calling a checker: the bounds of each
# inline test and what the API sends. (A fast reader that hands them to the checkers still
# reads them right, only slower: this is the test that notices.)
AT_A_GLANCE: List[Tuple[Tuple[Any, ...], List[Any]]] = [
    (("id",), ["ftjob-abc123"]),
    (("created_at",), [0, ftj.MAX_TIMESTAMP]),
    (
        ("error",),
        [None, {"code": "c", "message": "m", "param": None}, {"code": "c", "message": "m", "param": "p", "x": True}],
    ),
    (("fine_tuned_model",), [None, "ft:gpt-4o-mini:acme::x"]),
    (("finished_at",), [None, 0, ftj.MAX_TIMESTAMP]),
    (("hyperparameters",), [None, {}]),
    (("hyperparameters", "batch_size"), [None, 1, ftj.MAX_BATCH_SIZE, "auto"]),
    (("hyperparameters", "learning_rate_multiplier"), [None, 5e-324, 1.8, 1e308, "auto"]),
    (("hyperparameters", "n_epochs"), [None, 1, ftj.MAX_EPOCHS, "auto"]),
    (("model",), ["gpt-4o-mini-2024-07-18"]),
    (("object",), ["fine_tuning.job"]),
    (("organization_id",), [None, "org-x"]),
    (("result_files",), [None, [], ["file-a", "file-b"]]),
    (("status",), ["running", "paused"]),
    (("trained_tokens",), [None, 0, ftj.MAX_COUNT]),
    (("training_file",), ["file-t"]),
    (("validation_file",), [None, "file-v"]),
    (("seed",), [None, 0, ftj.MAX_SEED]),
    (("integrations",), [None, [], [{"type": "wandb", "wandb": {"project": "p"}}] * ftj.MAX_INTEGRATIONS]),
    (("integrations", 0, "wandb", "project"), ["p"]),
    (("integrations", 0, "wandb", "name"), [None, "n"]),
    (("integrations", 0, "wandb", "entity"), [None, "e"]),
    (("integrations", 0, "wandb", "tags"), [None, [], ["t"]]),
    (("estimated_finish",), [None, 0, ftj.MAX_TIMESTAMP]),
    (("method",), [None, {"type": "supervised"}, {"type": "dpo", "dpo": {}}]),
    (("method", "supervised"), [None, {}]),
    (("method", "supervised", "hyperparameters"), [None, {"batch_size": "auto", "n_epochs": 1}]),
    (("metadata",), [None, {}, {"k" * ftj.MAX_METADATA_KEY: "v" * ftj.MAX_METADATA_VALUE}]),
    (("metadata",), [{f"k{i}": "v" for i in range(ftj.MAX_METADATA_PAIRS)}]),
    (("user_provided_suffix",), [None, True, "s"]),  # unknown keys: null, booleans, ASCII text
]
DPO_AT_A_GLANCE: Dict[str, List[Any]] = {
    "beta": [None, 5e-324, float(ftj.MAX_BETA), "auto"],
    "batch_size": [None, 1, ftj.MAX_BATCH_SIZE, "auto"],
    "learning_rate_multiplier": [None, 5e-324, 1e308, "auto"],
    "n_epochs": [None, 1, ftj.MAX_EPOCHS, "auto"],
}
RFT = ("method", "reinforcement")
RFT_AT_A_GLANCE: List[Tuple[Tuple[Any, ...], List[Any]]] = [
    (RFT + ("grader", "type"), ["string_check", "multi"]),
    (RFT + ("grader", "name"), ["g"]),
    (RFT + ("hyperparameters",), [None, {}]),
    (RFT + ("hyperparameters", "reasoning_effort"), [None, "default", "high"]),
    (RFT + ("hyperparameters", "compute_multiplier"), [None, 1.5e-05, 10.0, "auto"]),
    (RFT + ("hyperparameters", "eval_interval"), [None, 1, 2**62, "auto"]),
    (RFT + ("hyperparameters", "eval_samples"), [None, 1, "auto"]),
    (RFT + ("hyperparameters", "n_epochs"), [None, 1, ftj.MAX_EPOCHS, "auto"]),
    (RFT + ("hyperparameters", "batch_size"), [None, 1, ftj.MAX_BATCH_SIZE, "auto"]),
    (RFT + ("hyperparameters", "learning_rate_multiplier"), [None, 5e-324, 1e308, "auto"]),
]
# The checkers the generated readers call only for what fails a plain test: the members
# `"key": v if ... type(v ... else CHECKER(v, False, inner)` of their dict displays.
FALLBACKS = sorted(
    {
        name
        for member in inspect.getsource(ftj).split('\n        "')
        if "type(v" in member
        for name in re.findall(r"else (_check_\w+)\.(?:tolerant|check)\(v\b", member)
    }
)


def refuse_checkers(monkeypatch: pytest.MonkeyPatch, refuse: Any) -> None:
    """Make every checker the generated readers call for what fails a quick test refuse, and
    the text and JSON checks the other checkers share."""
    for name in FALLBACKS:
        # In the instance's own dict, so that undoing it leaves nothing there (setattr would put
        # the bound method back on the instance on some pytest versions).
        for rule in ("check", "tolerant"):
            monkeypatch.setitem(vars(getattr(ftj, name)), rule, refuse)
    for name in ("_text", "_check_json"):
        monkeypatch.setattr(ftj, name, refuse)


def test_the_fast_readers_take_plain_values_without_a_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(value: Any, *rest: Any) -> Any:
        raise AssertionError(f"a checker was called for {value!r}")

    assert {"_check_str", "_check_beta", "_check_compute", "_check_effort"} <= set(FALLBACKS)
    refuse_checkers(monkeypatch, refuse)
    for model in every_model():  # nor may a fast reader hand an object to its table
        monkeypatch.setattr(model, "_read_checked", classmethod(lambda cls, data, *rest: refuse(data)))
    cases = [(path, value, wandb_job()) for path, values in AT_A_GLANCE for value in values]
    cases += [
        (("method", "dpo", "hyperparameters", key), value, job("running", "dpo"))
        for key, values in DPO_AT_A_GLANCE.items()
        for value in values
    ]
    cases += [  # the supervised block's hyperparameters: DPO's but beta
        (("method", "supervised", "hyperparameters", key), value, job("running"))
        for key, values in DPO_AT_A_GLANCE.items()
        if key != "beta"
        for value in values
    ]
    rft = job("running", "reinforcement")
    # A grader with scalar content only: nested content is checked as JSON, by a checker.
    put(rft, RFT + ("grader",), {"type": "string_check", "name": "g", "operation": "eq"})
    cases += [(path, value, copy.deepcopy(rft)) for path, values in RFT_AT_A_GLANCE for value in values]
    for path, value, payload in cases:
        put(payload, path, value)
        read = read_fast(ftj.FineTuningJobList, page([payload], has_more=value is None))
        assert same_json(read.data[0].to_dict(), canon("job", payload)), (path, value)
    # What is not plain does reach a checker: the refusals above were in the way.
    with pytest.raises(AssertionError, match="a checker was called for 'é'"):
        read_fast(ftj.FineTuningJob, {**wandb_job(), "model": "é"})


def test_the_fast_reader_keeps_an_integration_of_an_unknown_type_whole() -> None:
    # The fast reader alone (it raises rather than hand the object to the table).
    payload = {**wandb_job(), "integrations": [{"type": "comet", "comet": {"project": "p"}}]}
    (kept,) = read_fast(ftj.FineTuningJob, payload).integrations
    assert (kept.type, kept.wandb, dict(kept.extra)) == ("comet", None, {"comet": ftj.FrozenDict({"project": "p"})})


# The same for events, checkpoints and their pages: (path in the page, values).
EVENT_AT_A_GLANCE: List[Tuple[Tuple[Any, ...], List[Any]]] = [
    (("has_more",), [None, True, False]),
    (("data", 0, "id"), ["ftevent-abc"]),
    (("data", 0, "created_at"), [0, ftj.MAX_TIMESTAMP]),
    (("data", 0, "level"), ["info", "warn", "error"]),
    (("data", 0, "message"), ["", "Step 1/2: training loss=1.05"]),
    (("data", 0, "type"), [None, REMOVE, "message", "metrics"]),
    (("data", 0, "data"), [None, REMOVE, {}, {"step": 1, "train_loss": 5e-324, "valid_loss": -1e308}]),
    (("x_unknown",), [None, True, "s"]),
]
CHECKPOINT_AT_A_GLANCE: List[Tuple[Tuple[Any, ...], List[Any]]] = [
    (("has_more",), [None, True]),
    (("first_id",), [None, REMOVE, "ftckpt_a"]),
    (("last_id",), [None, REMOVE, "ftckpt_b"]),
    (("data", 0, "id"), ["ftckpt_a"]),
    (("data", 0, "created_at"), [0, ftj.MAX_TIMESTAMP]),
    (("data", 0, "fine_tuned_model_checkpoint"), ["ft:gpt-4o-mini:acme::x:ckpt-step-1"]),
    (("data", 0, "fine_tuning_job_id"), ["ftjob-a"]),
    (("data", 0, "metrics"), [{}]),
    *[(("data", 0, "metrics", key), [None, 0, -1.5, 1e308]) for key in METRICS_KEYS],
    (("data", 0, "metrics", "step"), [REMOVE]),
    (("data", 0, "step_number"), [0, ftj.MAX_COUNT]),
]


def test_the_event_and_checkpoint_readers_take_plain_values_without_a_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(value: Any, *rest: Any) -> Any:
        raise AssertionError(f"a checker was called for {value!r}")

    refuse_checkers(monkeypatch, refuse)
    for model in every_model():
        monkeypatch.setattr(model, "_read_checked", classmethod(lambda cls, data, *rest: refuse(data)))
    for kind, base, table in [
        ("event page", fixtures.event_page, EVENT_AT_A_GLANCE),
        ("checkpoint page", fixtures.checkpoint_page, CHECKPOINT_AT_A_GLANCE),
    ]:
        for path, values in table:
            for value in values:
                payload = base()
                put(payload, path, value)
                assert same_json(read_fast(model_of(kind), payload).to_dict(), canon(kind, payload)), (path, value)
    with pytest.raises(AssertionError, match="a checker was called for 'é'"):
        read_fast(ftj.FineTuningJobEvent, {**event(), "message": "é"})


def models_in(value: Any) -> List[Any]:
    if isinstance(value, ftj._Model):
        return [value] + [m for item in vars(value).values() for m in models_in(item)]
    if isinstance(value, tuple):
        return [m for item in value for m in models_in(item)]
    return []


@given(st.one_of(any_instance, jobs().map(ftj.FineTuningJob.from_dict), pages().map(ftj.FineTuningJobList.from_dict)))
def test_each_writer_writes_what_the_table_driven_writer_writes(instance: Any) -> None:
    for model in models_in(instance):
        # JSON text tells apart what == does not: key order, 1 from 1.0 and from true.
        assert json.dumps(model.to_dict()) == json.dumps(ftj._Model.to_dict(model))


def fullest_job() -> Any:
    """A job with every member the module knows, at every depth: each method block, an error,
    a W&B and an unknown integration, every hyperparameter, and an unknown key in each object."""
    data = wandb_job()
    data["integrations"][0]["wandb"]["name"] = "run-1"
    data["integrations"].append({"type": "slack", "slack": {"channel": "ft"}})
    data["error"] = {"code": "c", "message": "m", "param": "training_file"}
    data["estimated_finish"] = data["created_at"]
    blocks = [method(kind) for kind in ("supervised", "dpo", "reinforcement")]
    data["method"] = {"type": "supervised", **{k: v for block in blocks for k, v in block.items() if k != "type"}}
    for path in object_paths(data):
        if path[-1:] not in (("metadata",), ("grader",)) and path[-2:] != ("integrations", 1):
            put(data, path + ("x_seen",), True)
    return data


def test_every_writer_branch_writes_what_the_table_driven_writer_writes() -> None:
    # The fullest job, then the same with each member taken out in turn: every writer (and
    # every nested writer written into it) meets each member present and absent.
    fullest = fullest_job()
    variants = [fullest] + [copy.deepcopy(fullest) for _ in walk(fullest)]
    for variant, (path, _) in zip(variants[1:], walk(fullest)):
        put(variant, path, REMOVE)
    read_any = 0
    for variant in variants:
        try:
            listed = ftj.FineTuningJobList.from_dict(page([variant]))
        except ftj.ValidationError:
            continue  # a required member taken out
        read_any += 1
        for model in models_in(listed):
            assert json.dumps(model.to_dict()) == json.dumps(ftj._Model.to_dict(model))
    assert read_any > 60


def test_the_oracle_leaves_opaque_and_empty_objects_alone() -> None:
    data = job("running")
    data["error"] = {"code": None, "message": None}
    data["integrations"] = [{"type": "slack", "slack": {"channel": "x"}}]
    paths = [path for path, _, _ in known_paths(ftj.FineTuningJob, data)]
    assert ("error",) in paths and ("integrations",) in paths
    assert not any(path[:1] == ("error",) and len(path) > 1 for path in paths)
    assert not any(path[:2] == ("integrations", 0) for path in paths)


class _Level(enum.IntEnum):
    ONE = 1


class _Loss(float):
    pass


METRIC_VALUES: "st.SearchStrategy[Any]" = st.one_of(
    st.integers(),
    st.floats(),
    st.sampled_from([2**1023, 2**1024, -(2**1100), 10**ftj.MAX_INT_DIGITS - 1, 10**ftj.MAX_INT_DIGITS, 1e308]),
    st.sampled_from([True, None, "1.5", [], {}, _Level.ONE, _Loss(0.5)]),
)


def checked_json(check: Any, value: Any) -> Any:
    try:
        return anatomy(check(value, 2))
    except ftj._Invalid as exc:
        return [(e.path, e.message) for e in exc.problems]


@given(st.dictionaries(st.sampled_from([*METRICS_KEYS, "x", "é", 7]), METRIC_VALUES, max_size=7))
@example({7: 1.5, "step": 1})  # numbers all, but a key that is not a string
@example({"é": 1.5})
def test_event_data_of_metrics_reads_as_any_json_object_does(data: Dict[str, Any]) -> None:
    # The short cut for an object of numbers keeps, or refuses, what the general check does.
    def as_object(value: Any, depth: int) -> Any:
        return ftj._check_json_object(value, False, depth)

    assert checked_json(as_object, data) == checked_json(ftj._check_json, data)


def test_event_data_of_metrics_is_taken_without_the_general_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(value: Any, *rest: Any) -> Any:
        raise AssertionError(f"checked as JSON: {value!r}")

    monkeypatch.setattr(ftj._check_json_object, "known_keys", set())
    first = {"step": 0, "train_loss": 1e308, "valid_loss": -0.0, "full_valid_loss": 5e-324}
    assert ftj.FineTuningJobEvent.from_dict({**event(), "data": first}).data == first  # read in full
    monkeypatch.setattr(ftj, "_check_json", refuse)
    values = [{}, first, {"valid_loss": 2, "step": 7}]  # its keys are known now, in any order
    values += [{"step": step, "train_loss": 1.5} for step in (2**1023, -(2**1023), 1)]
    for value in values:
        assert ftj.FineTuningJobEvent.from_dict({**event(), "data": value}).data == value
    for value in [{"train_loss": 1e308, "valid_loss": 1e308}, {"step": 2**1024}, {"step": "1"}, {"stop": 1}]:
        with pytest.raises(AssertionError, match="checked as JSON"):  # overflow, not a number, a new key
            ftj._check_json_object(value, False, 2)


def test_the_keys_known_to_the_short_cut_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    known: Set[str] = set()
    monkeypatch.setattr(ftj._check_json_object, "known_keys", known)
    kept, most = ftj._check_json_object.keys_kept, 0
    for i in range(3 * kept):
        ftj._check_json_object({f"k{i}": i, "step": 1}, False, 2)
        assert {f"k{i}", "step"} <= known
        most = max(most, len(known))
    assert most == kept + 1  # more than keys_kept: it starts again with the next object read in full
    known.clear()
    for bad in [{"\ud800": 1}, {"step": 1, 7: 1}, {"step": 1, "x": float("nan")}]:  # none of their keys kept
        with pytest.raises(ftj._Invalid):
            ftj._check_json_object(bad, False, 2)
    assert not known


# --- The same for the classes of CONTRACT.md section 9: webhook events and checkpoint permissions.

SECTION_9 = ["webhook event", "permission", "permission page", "deleted permission"]
section_9 = pytest.mark.parametrize("kind", SECTION_9)


@section_9
def test_section_9_fast_readers_agree_on_every_edge_value_at_every_path(kind: str) -> None:
    payload = BASES[kind]()
    for path, _, _ in known_paths(MODELS[kind], payload):
        for edge in EDGES:
            changed = copy.deepcopy(payload)
            put(changed, path, edge)
            fast, slow = read_both_ways(MODELS[kind], changed)
            assert fast == slow, (path, edge)


@section_9
def test_section_9_fast_readers_count_depth_as_the_checked_reader_does(kind: str) -> None:
    # Under every object, an unknown value whose innermost container is at the deepest level
    # allowed, then one level deeper.
    payload = BASES[kind]()
    assert_depth_counted_alike(MODELS[kind], payload, object_paths(payload))


@section_9
def test_section_9_fast_readers_read_valid_values_that_need_their_checkers(kind: str) -> None:
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
    fast = read_fast(MODELS[kind], payload)
    assert anatomy(fast) == read_both_ways(MODELS[kind], payload)[1]
    each_fast_reader_reads_its_own_objects(fast)


# Values the fast readers must take at a glance, without calling a checker: (path, values).
SECTION_9_AT_A_GLANCE: Dict[str, List[Tuple[Tuple[Any, ...], List[Any]]]] = {
    "webhook event": [
        (("id",), ["evt_abc", ""]),
        (("created_at",), [0, ftj.MAX_TIMESTAMP]),
        (("data", "id"), ["ftjob-abc"]),
        (("object",), [None, REMOVE, "event"]),
        (("type",), list(ftj._WEBHOOK_TYPES)),
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


def test_section_9_fast_readers_take_plain_values_without_a_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(value: Any, *rest: Any) -> Any:
        raise AssertionError(f"a checker was called for {value!r}")

    refuse_checkers(monkeypatch, refuse)
    for model in every_model():  # nor may a fast reader hand an object to its table
        monkeypatch.setattr(model, "_read_checked", classmethod(lambda cls, data, *rest: refuse(data)))
    for kind, table in SECTION_9_AT_A_GLANCE.items():
        for path, values in table:
            for value in values:
                payload = BASES[kind]()
                put(payload, path, value)
                assert same_json(read_fast(MODELS[kind], payload).to_dict(), canon(kind, payload)), (path, value)
    with pytest.raises(AssertionError, match="a checker was called for 'é'"):
        read_fast(MODELS["permission"], {**BASES["permission"](), "project_id": "é"})


def test_section_9_writers_write_what_the_table_driven_writer_writes_in_every_branch() -> None:
    # Each base with an unknown key in every object, then with each member taken out in turn.
    for kind in SECTION_9:
        make = BASES[kind]
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
