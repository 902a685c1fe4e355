"""Hypothesis strategies: wire payloads for both readers, instances of every class, arbitrary
JSON, and the contract's ``canon`` as an oracle written independently of the module.

Payload strategies take ``strict``: strict payloads follow the schema to the letter;
tolerant ones also use everything the live API does (missing keys, nulls, ``error: {}``,
unknown keys at any depth, unknown statuses and types). Unknown keys start with ``x_`` so
that tests can tell them from known ones.
"""

import math
from typing import Any, Callable, Dict, List, Optional, Tuple

from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import walk

Json = Dict[str, Any]
Draw = Callable[[Any], Any]

text = st.text(st.characters(codec="utf-8"), max_size=12)
ids = st.from_regex(r"\A(ftjob|file|org)-[A-Za-z0-9]{1,24}\Z")
timestamps = st.integers(0, ftj.MAX_TIMESTAMP)
finite = st.floats(allow_nan=False, allow_infinity=False)
json_scalars = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | finite | text
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
unknown_keys = text.map(lambda s: "x_" + s)
unknown_members = st.dictionaries(unknown_keys, json_values, max_size=2)


def auto_int(low: int, high: Optional[int]) -> st.SearchStrategy[Any]:
    return st.just("auto") | st.integers(low, high)


def auto_number(above: float, at_most: Optional[float]) -> st.SearchStrategy[Any]:
    numbers = st.floats(min_value=above, max_value=at_most, exclude_min=True, allow_nan=False, allow_infinity=False)
    low = math.floor(above) + 1
    ints = st.integers(low, int(at_most) if at_most is not None else 10**6)
    return st.just("auto") | numbers | ints


# Each member: (key, values, rule); rules as in CONTRACT.md section 4.
REQUIRED, REQUIRED_NULLABLE, TOLERATED, OPTIONAL, NULLABLE = "R", "RN", "T", "O", "N"

HYPERPARAMETERS = [
    ("batch_size", auto_int(1, 256), NULLABLE),
    ("learning_rate_multiplier", auto_number(0, None), OPTIONAL),
    ("n_epochs", auto_int(1, 50), OPTIONAL),
]
METHOD_HYPERPARAMETERS = [(key, values, OPTIONAL) for key, values, _ in HYPERPARAMETERS]
DPO_HYPERPARAMETERS = [("beta", auto_number(0, 2), OPTIONAL)] + METHOD_HYPERPARAMETERS
REINFORCEMENT_HYPERPARAMETERS = METHOD_HYPERPARAMETERS + [
    ("reasoning_effort", st.sampled_from(["default", "low", "medium", "high"]), OPTIONAL),
    ("compute_multiplier", auto_number(0.00001, 10), OPTIONAL),
    ("eval_interval", auto_int(1, None), OPTIONAL),
    ("eval_samples", auto_int(1, None), OPTIONAL),
]


def members(draw: Draw, spec: List[Tuple[str, Any, str]], strict: bool, unknown: bool = True) -> Json:
    """Draw an object's members by their rules; tolerant objects may carry unknown keys."""
    out: Json = {}
    for key, values, rule in spec:
        choices = ["value"]
        if rule in (REQUIRED_NULLABLE, NULLABLE) or (rule in (TOLERATED, OPTIONAL) and not strict):
            choices.append("null")
        if rule in (OPTIONAL, NULLABLE) or (rule in (REQUIRED_NULLABLE, TOLERATED) and not strict):
            choices.append("missing")
        choice = draw(st.sampled_from(choices))
        if choice == "value":
            out[key] = draw(values)
        elif choice == "null":
            out[key] = None
    if unknown and not strict:
        out.update(draw(unknown_members))
    return out


@st.composite
def hyperparameters(draw: Draw, spec: List[Tuple[str, Any, str]], strict: bool = False) -> Json:
    return members(draw, spec, strict)


@st.composite
def graders(draw: Draw, strict: bool = False) -> Json:
    known = st.sampled_from(["string_check", "text_similarity", "python", "score_model", "multi"])
    kind = draw(known if strict else known | text)
    out = {"type": kind, "name": draw(text)}
    # Everything past type and name is the grader's content, kept in both modes.
    out.update(draw(st.dictionaries(st.sampled_from(["input", "reference", "operation", "x_a", "x_b"]), json_values)))
    return out


@st.composite
def methods(draw: Draw, strict: bool = False) -> Json:
    kinds = st.sampled_from(["supervised", "dpo", "reinforcement"])
    kind = draw(kinds if strict else kinds | unknown_keys)
    blocks = {
        "supervised": [("hyperparameters", hyperparameters(METHOD_HYPERPARAMETERS, strict), OPTIONAL)],
        "dpo": [("hyperparameters", hyperparameters(DPO_HYPERPARAMETERS, strict), OPTIONAL)],
        "reinforcement": [
            ("grader", graders(strict), REQUIRED),
            ("hyperparameters", hyperparameters(REINFORCEMENT_HYPERPARAMETERS, strict), OPTIONAL),
        ],
    }
    out: Json = {"type": kind}
    for name, spec in blocks.items():
        # Strict: the named block and no other. Tolerant: any valid block, the named one optional.
        choice = (
            ("block" if name == kind else "missing") if strict else draw(st.sampled_from(["block", "missing", "null"]))
        )
        if choice == "block":
            out[name] = members(draw, spec, strict)
        elif choice == "null":
            out[name] = None
    if kind not in blocks:
        out[kind] = draw(json_values)  # an unknown method's block: opaque
    if not strict:
        out.update(draw(unknown_members))
    return out


@st.composite
def integrations(draw: Draw, strict: bool = False) -> Json:
    if not strict and draw(st.booleans()):
        # An integration of an unknown type: kept whole as opaque JSON.
        out = {"type": draw(unknown_keys)}
        out.update(draw(st.dictionaries(st.sampled_from(["wandb", "x_a", "config"]), json_values)))
        return out
    wandb = [
        ("project", text, REQUIRED),
        ("name", text, NULLABLE),
        ("entity", text, NULLABLE),
        ("tags", st.lists(text, max_size=3), OPTIONAL),
    ]
    return {"type": "wandb", "wandb": members(draw, wandb, strict), **members(draw, [], strict)}


@st.composite
def errors(draw: Draw, strict: bool = False) -> Json:
    if not strict and draw(st.booleans()):
        # What the API sends for jobs that did not fail: {} or every member null.
        keys = draw(st.lists(st.sampled_from(["code", "message", "param", "x_extra"]), unique=True))
        return dict.fromkeys(keys)
    spec = [("code", text, REQUIRED), ("message", text, REQUIRED), ("param", text, REQUIRED_NULLABLE)]
    return members(draw, spec, strict)


metadata = st.dictionaries(text.filter(lambda s: len(s) <= 64), text, max_size=16)


@st.composite
def statuses(draw: Draw, strict: bool = False) -> str:
    known = st.sampled_from([member.value for member in ftj.FineTuningJobStatus])
    return draw(known if strict else known | text)  # type: ignore[no-any-return]


@st.composite
def jobs(draw: Draw, strict: bool = False) -> Json:
    """A job payload that the reader of the given mode accepts."""
    spec = [
        ("id", text, REQUIRED),
        ("created_at", timestamps, REQUIRED),
        ("error", errors(strict), REQUIRED_NULLABLE),
        ("fine_tuned_model", text, REQUIRED_NULLABLE),
        ("finished_at", timestamps, REQUIRED_NULLABLE),
        ("hyperparameters", hyperparameters(HYPERPARAMETERS, strict), TOLERATED),
        ("model", text, REQUIRED),
        ("object", st.just("fine_tuning.job"), REQUIRED),
        ("organization_id", text, TOLERATED),
        ("result_files", st.lists(ids, max_size=3), TOLERATED),
        ("status", statuses(strict), REQUIRED),
        ("trained_tokens", st.integers(0, 2**63 - 1), REQUIRED_NULLABLE),
        ("training_file", ids, REQUIRED),
        ("validation_file", ids, REQUIRED_NULLABLE),
        ("seed", st.integers(0, 2147483647), TOLERATED),
        ("integrations", st.lists(integrations(strict), max_size=5), NULLABLE),
        ("estimated_finish", timestamps, NULLABLE),
        ("method", methods(strict), OPTIONAL),
        ("metadata", metadata, NULLABLE),
    ]
    out = members(draw, spec, strict)
    # Keys arrive in any order; the writer puts them back in the API's order.
    keys = draw(st.permutations(list(out)))
    return {key: out[key] for key in keys}


@st.composite
def pages(draw: Draw, strict: bool = False) -> Json:
    spec = [
        ("object", st.just("list"), REQUIRED),
        ("data", st.lists(jobs(strict), max_size=3), REQUIRED),
        ("has_more", st.booleans(), TOLERATED),
    ]
    return members(draw, spec, strict)


numbers = st.integers(-(2**70), 2**70) | finite
METRICS = [
    (key, numbers, OPTIONAL)
    for key in (
        "step",
        "train_loss",
        "train_mean_token_accuracy",
        "valid_loss",
        "valid_mean_token_accuracy",
        "full_valid_loss",
        "full_valid_mean_token_accuracy",
    )
]


@st.composite
def training_metrics(draw: Draw, strict: bool = False) -> Json:
    return members(draw, METRICS, strict)


@st.composite
def events(draw: Draw, strict: bool = False) -> Json:
    """An event payload that the reader of the given mode accepts."""
    levels, kinds = st.sampled_from(["info", "warn", "error"]), st.sampled_from(["message", "metrics"])
    kind = draw(kinds if strict else kinds | text)
    content = training_metrics(strict) if kind == "metrics" else st.dictionaries(text, json_values, max_size=3)
    spec = [
        ("id", text, REQUIRED),
        ("created_at", timestamps, REQUIRED),
        ("level", levels if strict else levels | text, REQUIRED),
        ("message", text, REQUIRED),
        ("object", st.just("fine_tuning.job.event"), REQUIRED),
        ("type", st.just(kind), OPTIONAL),
        ("data", content, OPTIONAL),
    ]
    out = members(draw, spec, strict)
    return {key: out[key] for key in draw(st.permutations(list(out)))}


@st.composite
def checkpoints(draw: Draw, strict: bool = False) -> Json:
    """A checkpoint payload that the reader of the given mode accepts."""
    spec = [
        ("id", text, REQUIRED),
        ("created_at", timestamps, REQUIRED),
        ("fine_tuned_model_checkpoint", text, REQUIRED),
        ("fine_tuning_job_id", ids, REQUIRED),
        ("metrics", training_metrics(strict), REQUIRED),
        ("object", st.just("fine_tuning.job.checkpoint"), REQUIRED),
        ("step_number", st.integers(0, 2**63 - 1), REQUIRED),
    ]
    out = members(draw, spec, strict)
    return {key: out[key] for key in draw(st.permutations(list(out)))}


@st.composite
def event_pages(draw: Draw, strict: bool = False) -> Json:
    spec = [
        ("object", st.just("list"), REQUIRED),
        ("data", st.lists(events(strict), max_size=4), REQUIRED),
        ("has_more", st.booleans(), TOLERATED),
    ]
    return members(draw, spec, strict)


@st.composite
def checkpoint_pages(draw: Draw, strict: bool = False) -> Json:
    spec = [
        ("object", st.just("list"), REQUIRED),
        ("data", st.lists(checkpoints(strict), max_size=3), REQUIRED),
        ("first_id", text, NULLABLE),
        ("last_id", text, NULLABLE),
        ("has_more", st.booleans(), TOLERATED),
    ]
    return members(draw, spec, strict)


# Payloads by kind (the keys of tests.fixtures.MODELS).
PAYLOADS: Dict[str, Callable[[bool], st.SearchStrategy[Json]]] = {
    "job": jobs,
    "page": pages,
    "event": events,
    "checkpoint": checkpoints,
    "event page": event_pages,
    "checkpoint page": checkpoint_pages,
}


# ---------------------------------------------------------------------------
# Instances built through the constructors, from each field's domain.
# ---------------------------------------------------------------------------

frozen_extra = unknown_members.map(ftj.FrozenDict)
maybe = st.none().__or__


def _from(spec: List[Tuple[str, Any, str]]) -> Dict[str, Any]:
    return {key: maybe(values) for key, values, _ in spec}


instance_strategies: Dict[type, st.SearchStrategy[Any]] = {}
instance_strategies[ftj.FineTuningJobError] = st.builds(
    ftj.FineTuningJobError, code=text, message=text, param=maybe(text), extra=frozen_extra
)
instance_strategies[ftj.Hyperparameters] = st.builds(ftj.Hyperparameters, **_from(HYPERPARAMETERS), extra=frozen_extra)
instance_strategies[ftj.SupervisedHyperparameters] = st.builds(
    ftj.SupervisedHyperparameters, **_from(METHOD_HYPERPARAMETERS), extra=frozen_extra
)
instance_strategies[ftj.DpoHyperparameters] = st.builds(
    ftj.DpoHyperparameters, **_from(DPO_HYPERPARAMETERS), extra=frozen_extra
)
instance_strategies[ftj.ReinforcementHyperparameters] = st.builds(
    ftj.ReinforcementHyperparameters, **_from(REINFORCEMENT_HYPERPARAMETERS), extra=frozen_extra
)
instance_strategies[ftj.Grader] = graders().map(ftj.Grader.from_dict)
instance_strategies[ftj.SupervisedMethod] = st.builds(
    ftj.SupervisedMethod, hyperparameters=maybe(instance_strategies[ftj.SupervisedHyperparameters]), extra=frozen_extra
)
instance_strategies[ftj.DpoMethod] = st.builds(
    ftj.DpoMethod, hyperparameters=maybe(instance_strategies[ftj.DpoHyperparameters]), extra=frozen_extra
)
instance_strategies[ftj.ReinforcementMethod] = st.builds(
    ftj.ReinforcementMethod,
    grader=instance_strategies[ftj.Grader],
    hyperparameters=maybe(instance_strategies[ftj.ReinforcementHyperparameters]),
    extra=frozen_extra,
)
instance_strategies[ftj.Method] = st.builds(
    ftj.Method,
    type=st.sampled_from(["supervised", "dpo", "reinforcement"]) | unknown_keys,
    supervised=maybe(instance_strategies[ftj.SupervisedMethod]),
    dpo=maybe(instance_strategies[ftj.DpoMethod]),
    reinforcement=maybe(instance_strategies[ftj.ReinforcementMethod]),
    extra=frozen_extra,
)
instance_strategies[ftj.WandbIntegration] = st.builds(
    ftj.WandbIntegration,
    project=text,
    name=maybe(text),
    entity=maybe(text),
    tags=maybe(st.lists(text, max_size=3)),
    extra=frozen_extra,
)
instance_strategies[ftj.Integration] = st.builds(
    ftj.Integration, type=st.just("wandb"), wandb=instance_strategies[ftj.WandbIntegration]
) | integrations().map(ftj.Integration.from_dict)
instance_strategies[ftj.FineTuningJob] = st.builds(
    ftj.FineTuningJob,
    id=text,
    created_at=timestamps,
    model=text,
    status=st.sampled_from(list(ftj.FineTuningJobStatus)) | text,
    training_file=ids,
    error=maybe(instance_strategies[ftj.FineTuningJobError]),
    fine_tuned_model=maybe(text),
    finished_at=maybe(timestamps),
    hyperparameters=maybe(instance_strategies[ftj.Hyperparameters]),
    organization_id=maybe(text),
    result_files=maybe(st.lists(ids, max_size=3) | st.tuples(ids)),
    trained_tokens=maybe(st.integers(0, 2**63 - 1)),
    validation_file=maybe(ids),
    seed=maybe(st.integers(0, 2147483647)),
    integrations=maybe(st.lists(instance_strategies[ftj.Integration], max_size=5)),
    estimated_finish=maybe(timestamps),
    method=maybe(instance_strategies[ftj.Method]),
    metadata=maybe(metadata),
    extra=frozen_extra,
)
instance_strategies[ftj.FineTuningJobList] = st.builds(
    ftj.FineTuningJobList,
    data=st.lists(instance_strategies[ftj.FineTuningJob], max_size=3),
    has_more=maybe(st.booleans()),
    extra=frozen_extra,
)
instance_strategies[ftj.TrainingMetrics] = st.builds(ftj.TrainingMetrics, **_from(METRICS), extra=frozen_extra)
instance_strategies[ftj.FineTuningJobEvent] = st.builds(
    ftj.FineTuningJobEvent,
    id=text,
    created_at=timestamps,
    level=st.sampled_from(["info", "warn", "error"]) | text,
    message=text,
    type=maybe(st.sampled_from(["message", "metrics"]) | text),
    data=maybe(st.dictionaries(text, json_values, max_size=3)),
    extra=frozen_extra,
)
instance_strategies[ftj.FineTuningJobCheckpoint] = st.builds(
    ftj.FineTuningJobCheckpoint,
    id=text,
    created_at=timestamps,
    fine_tuned_model_checkpoint=text,
    fine_tuning_job_id=ids,
    metrics=instance_strategies[ftj.TrainingMetrics],
    step_number=st.integers(0, 2**63 - 1),
    extra=frozen_extra,
)
instance_strategies[ftj.FineTuningJobEventList] = st.builds(
    ftj.FineTuningJobEventList,
    data=st.lists(instance_strategies[ftj.FineTuningJobEvent], max_size=3),
    has_more=maybe(st.booleans()),
    extra=frozen_extra,
)
instance_strategies[ftj.FineTuningJobCheckpointList] = st.builds(
    ftj.FineTuningJobCheckpointList,
    data=st.lists(instance_strategies[ftj.FineTuningJobCheckpoint], max_size=3),
    first_id=maybe(text),
    last_id=maybe(text),
    has_more=maybe(st.booleans()),
    extra=frozen_extra,
)
any_instance = st.one_of(list(instance_strategies.values()))

# ---------------------------------------------------------------------------
# The contract's canon (section 5), written from its text, not from the module.
# ---------------------------------------------------------------------------

# For each object: its known keys -> (written as null when None, child object, is an array).
SCHEMA: Dict[str, Dict[str, Tuple[bool, Optional[str], bool]]] = {
    "job": {
        "id": (False, None, False),
        "created_at": (False, None, False),
        "error": (True, "error", False),
        "fine_tuned_model": (True, None, False),
        "finished_at": (True, None, False),
        "hyperparameters": (False, "plain", False),
        "model": (False, None, False),
        "object": (False, None, False),
        "organization_id": (False, None, False),
        "result_files": (False, None, False),
        "status": (False, None, False),
        "trained_tokens": (True, None, False),
        "training_file": (False, None, False),
        "validation_file": (True, None, False),
        "seed": (False, None, False),
        "integrations": (False, "integration", True),
        "estimated_finish": (False, None, False),
        "method": (False, "method", False),
        "metadata": (False, None, False),
    },
    "error": {"code": (False, None, False), "message": (False, None, False), "param": (True, None, False)},
    "method": {
        "type": (False, None, False),
        "supervised": (False, "block", False),
        "dpo": (False, "block", False),
        "reinforcement": (False, "block", False),
    },
    "block": {"hyperparameters": (False, "plain", False), "grader": (False, "grader", False)},
    "integration": {"type": (False, None, False), "wandb": (False, "plain", False)},
    "grader": {},  # type and name are strings; the rest is opaque content
    "page": {"object": (False, None, False), "data": (False, "job", True), "has_more": (False, None, False)},
    # Events and checkpoints (CONTRACT.md section 8): an event's data is opaque, kept whole.
    "event": dict.fromkeys(["id", "created_at", "level", "message", "object", "type", "data"], (False, None, False)),
    "metrics": dict.fromkeys([key for key, _, _ in METRICS], (False, None, False)),
    "checkpoint": {
        **dict.fromkeys(
            ["id", "created_at", "fine_tuned_model_checkpoint", "fine_tuning_job_id", "object", "step_number"],
            (False, None, False),
        ),
        "metrics": (False, "metrics", False),
    },
    "event page": {"object": (False, None, False), "data": (False, "event", True), "has_more": (False, None, False)},
    "checkpoint page": {
        "object": (False, None, False),
        "data": (False, "checkpoint", True),
        "first_id": (False, None, False),
        "last_id": (False, None, False),
        "has_more": (False, None, False),
    },
}
# Hyperparameters and wandb settings: every known member is a plain value that is left out when null.
PLAIN_KEYS = {
    key for spec in (HYPERPARAMETERS, REINFORCEMENT_HYPERPARAMETERS, DPO_HYPERPARAMETERS) for key, _, _ in spec
} | {
    "project",
    "name",
    "entity",
    "tags",
}


def canon(kind: str, data: Any) -> Any:
    """Return what to_dict must write for an accepted payload of the given kind."""
    if kind == "grader":
        return data
    if kind == "integration" and data.get("type") != "wandb":
        return data  # an unknown integration is kept whole
    if kind == "error" and all(value is None for value in data.values()):
        return None
    known = SCHEMA[kind] if kind != "plain" else dict.fromkeys(PLAIN_KEYS, (False, None, False))
    out: Json = {}
    for key, value in data.items():
        if key not in known:
            out[key] = value
            continue
        null_written, child, many = known[key]
        written = value
        if child is not None and value is not None:
            written = [canon(child, item) for item in value] if many else canon(child, value)
        if written is not None or null_written:
            out[key] = written
    for key, (null_written, _, _) in known.items():
        if null_written and key not in data:
            out[key] = None
    return out


def same_json(a: Any, b: Any) -> bool:
    """Equal as JSON, types included: 1 is not 1.0 and neither is true."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b))
    return a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b))


def leaves(data: Any) -> List[Tuple[Tuple[Any, ...], Any]]:
    """Every non-null scalar of data with its path."""
    return [(path, value) for path, value in walk(data) if value is not None and not isinstance(value, (dict, list))]
