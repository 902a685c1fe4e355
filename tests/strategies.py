"""Hypothesis strategies drawn from the module's tables of fields, and the contract's tables and
``canon`` as an oracle written independently of the module.

Two sources, kept apart on purpose:
- ``CONTRACT`` is CONTRACT.md's tables of keys (sections 1, 2, 8), written here from its text:
  which keys each object has, in which order, their rule (required, nullable, ...) and which
  object each holds. ``canon`` (section 5) is computed from it alone. A test holds every class's
  ``_FIELDS`` to it, so that a field added to a table and not here fails that test.
- The payload and instance strategies are drawn from each class's ``_FIELDS``: a field added to
  a table (once added here too) is drawn by every property test, from its checker's domain.

Payload strategies take ``strict``: strict payloads follow the schema to the letter; tolerant
ones also use everything the live API does (missing keys, nulls, ``error: {}``, unknown keys at
any depth, unknown statuses and types). Unknown keys start with ``x_`` so that tests can tell
them from known ones.
"""

import base64
import functools
import hashlib
import hmac
import math
from typing import Any, Callable, Dict, List, Optional, Tuple

from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import MODELS, walk

Json = Dict[str, Any]
Draw = Callable[[Any], Any]

text = st.text(st.characters(codec="utf-8"), max_size=12)
finite = st.floats(allow_nan=False, allow_infinity=False)
json_scalars = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | finite | text
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
unknown_keys = text.map(lambda s: "x_" + s)
unknown_members = st.dictionaries(unknown_keys, json_values, max_size=2)

# ---------------------------------------------------------------------------
# The contract's tables (CONTRACT.md sections 1, 2, 8), written from its text.
# ---------------------------------------------------------------------------

# Rules, as in CONTRACT.md section 4: required; required and nullable; required by the schema
# but tolerated missing or null (seed, hyperparameters, organization_id, result_files, has_more);
# optional; optional and nullable.
REQUIRED, REQUIRED_NULLABLE, TOLERATED, OPTIONAL, NULLABLE = "R", "RN", "T", "O", "N"
OPAQUE = "opaque"  # an event's data: content kept whole

# For each object, by the module's class name: (key, rule, what it holds: None for a plain value,
# a class name for an object, "[Name]" for an array of them, OPAQUE for content).
Table = List[Tuple[str, str, Optional[str]]]
_HYPERPARAMETERS: Table = [
    ("batch_size", OPTIONAL, None),
    ("learning_rate_multiplier", OPTIONAL, None),
    ("n_epochs", OPTIONAL, None),
]
CONTRACT: Dict[str, Table] = {
    "FineTuningJobError": [("code", REQUIRED, None), ("message", REQUIRED, None), ("param", REQUIRED_NULLABLE, None)],
    # The job-level batch_size alone may be null in the strict reader too.
    "Hyperparameters": [("batch_size", NULLABLE, None), *_HYPERPARAMETERS[1:]],
    "SupervisedHyperparameters": _HYPERPARAMETERS,
    "DpoHyperparameters": [("beta", OPTIONAL, None), *_HYPERPARAMETERS],
    "ReinforcementHyperparameters": [
        *_HYPERPARAMETERS,
        ("reasoning_effort", OPTIONAL, None),
        ("compute_multiplier", OPTIONAL, None),
        ("eval_interval", OPTIONAL, None),
        ("eval_samples", OPTIONAL, None),
    ],
    "Grader": [("type", REQUIRED, None), ("name", REQUIRED, None)],
    "SupervisedMethod": [("hyperparameters", OPTIONAL, "SupervisedHyperparameters")],
    "DpoMethod": [("hyperparameters", OPTIONAL, "DpoHyperparameters")],
    "ReinforcementMethod": [
        ("grader", REQUIRED, "Grader"),
        ("hyperparameters", OPTIONAL, "ReinforcementHyperparameters"),
    ],
    "Method": [
        ("type", REQUIRED, None),
        ("supervised", OPTIONAL, "SupervisedMethod"),
        ("dpo", OPTIONAL, "DpoMethod"),
        ("reinforcement", OPTIONAL, "ReinforcementMethod"),
    ],
    "WandbIntegration": [
        ("project", REQUIRED, None),
        ("name", NULLABLE, None),
        ("entity", NULLABLE, None),
        ("tags", OPTIONAL, None),
    ],
    "Integration": [("type", REQUIRED, None), ("wandb", REQUIRED, "WandbIntegration")],
    "FineTuningJob": [
        ("id", REQUIRED, None),
        ("created_at", REQUIRED, None),
        ("error", REQUIRED_NULLABLE, "FineTuningJobError"),
        ("fine_tuned_model", REQUIRED_NULLABLE, None),
        ("finished_at", REQUIRED_NULLABLE, None),
        ("hyperparameters", TOLERATED, "Hyperparameters"),
        ("model", REQUIRED, None),
        ("object", REQUIRED, None),
        ("organization_id", TOLERATED, None),
        ("result_files", TOLERATED, None),
        ("status", REQUIRED, None),
        ("trained_tokens", REQUIRED_NULLABLE, None),
        ("training_file", REQUIRED, None),
        ("validation_file", REQUIRED_NULLABLE, None),
        ("seed", TOLERATED, None),
        ("integrations", NULLABLE, "[Integration]"),
        ("estimated_finish", NULLABLE, None),
        ("method", OPTIONAL, "Method"),
        ("metadata", NULLABLE, None),
    ],
    "TrainingMetrics": [
        (key, OPTIONAL, None)
        for key in (
            "step",
            "train_loss",
            "train_mean_token_accuracy",
            "valid_loss",
            "valid_mean_token_accuracy",
            "full_valid_loss",
            "full_valid_mean_token_accuracy",
        )
    ],
    "FineTuningJobEvent": [
        ("id", REQUIRED, None),
        ("created_at", REQUIRED, None),
        ("level", REQUIRED, None),
        ("message", REQUIRED, None),
        ("object", REQUIRED, None),
        ("type", OPTIONAL, None),
        ("data", OPTIONAL, OPAQUE),
    ],
    "FineTuningJobCheckpoint": [
        ("id", REQUIRED, None),
        ("created_at", REQUIRED, None),
        ("fine_tuned_model_checkpoint", REQUIRED, None),
        ("fine_tuning_job_id", REQUIRED, None),
        ("metrics", REQUIRED, "TrainingMetrics"),
        ("object", REQUIRED, None),
        ("step_number", REQUIRED, None),
    ],
    "FineTuningJobList": [
        ("object", REQUIRED, None),
        ("data", REQUIRED, "[FineTuningJob]"),
        ("has_more", TOLERATED, None),
    ],
    "FineTuningJobEventList": [
        ("object", REQUIRED, None),
        ("data", REQUIRED, "[FineTuningJobEvent]"),
        ("has_more", TOLERATED, None),
    ],
    # Section 9: a job's end pushed to a webhook, and checkpoint permissions.
    "FineTuningJobWebhookEventData": [("id", REQUIRED, None)],
    "FineTuningJobWebhookEvent": [
        ("id", REQUIRED, None),
        ("created_at", REQUIRED, None),
        ("type", REQUIRED, None),
        ("data", REQUIRED, "FineTuningJobWebhookEventData"),
        ("object", OPTIONAL, None),
    ],
    "FineTuningCheckpointPermission": [
        ("id", REQUIRED, None),
        ("created_at", REQUIRED, None),
        ("object", REQUIRED, None),
        ("project_id", REQUIRED, None),
    ],
    "FineTuningCheckpointPermissionDeleted": [
        ("id", REQUIRED, None),
        ("object", REQUIRED, None),
        ("deleted", REQUIRED, None),
    ],
    "FineTuningCheckpointPermissionList": [
        ("object", REQUIRED, None),
        ("data", REQUIRED, "[FineTuningCheckpointPermission]"),
        ("first_id", NULLABLE, None),
        ("last_id", NULLABLE, None),
        ("has_more", TOLERATED, None),
    ],
    "FineTuningJobCheckpointList": [
        ("object", REQUIRED, None),
        ("data", REQUIRED, "[FineTuningJobCheckpoint]"),
        ("first_id", NULLABLE, None),
        ("last_id", NULLABLE, None),
        ("has_more", TOLERATED, None),
    ],
}
# A grader's members past type and name are its content (kept in both modes); an integration of
# a type other than "wandb" is kept whole; an error with every member null (or none) is no error.
CONTENT_AFTER_KNOWN = {"Grader"}
KEPT_WHOLE_UNLESS = {"Integration": ("type", "wandb")}
EMPTY_IS_NONE = {("FineTuningJob", "error")}


def canon(kind: str, data: Any) -> Any:
    """Return what to_dict must write for an accepted payload of a kind of tests.fixtures.MODELS."""
    return canon_of(MODELS[kind].__name__, data)


def canon_of(name: str, data: Any) -> Any:
    """CONTRACT.md section 5's canon for an object of the class named: drop the nulls of known
    keys that are not required-nullable, add the missing required-nullable keys as null, and
    keep unknown keys, content and objects kept whole as they came."""
    if name in CONTENT_AFTER_KNOWN:
        return data
    if name in KEPT_WHOLE_UNLESS:
        key, known_type = KEPT_WHOLE_UNLESS[name]
        if data.get(key) != known_type:
            return data
    table = {key: (rule, holds) for key, rule, holds in CONTRACT[name]}
    out: Json = {}
    for key, value in data.items():
        if key not in table:
            out[key] = value
            continue
        rule, holds = table[key]
        written = value
        if value is not None and holds is not None and holds != OPAQUE:
            if holds.startswith("["):
                written = [canon_of(holds[1:-1], item) for item in value]
            elif (name, key) in EMPTY_IS_NONE and all(item is None for item in value.values()):
                written = None
            else:
                written = canon_of(holds, value)
        if written is not None or rule == REQUIRED_NULLABLE:
            out[key] = written
    for key, (rule, _) in table.items():
        if rule == REQUIRED_NULLABLE and key not in data:
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


# ---------------------------------------------------------------------------
# Payloads, drawn from the module's tables: each field from its checker's domain.
# ---------------------------------------------------------------------------


def rule_of(field: Any) -> str:
    """A field's rule, read from its presence in each reader (the inverse of the module's table
    of _required, _required_nullable, _tolerated, _optional and _nullable)."""
    rules = {
        ((False, False), (False, False), False): REQUIRED,
        ((True, True), (False, True), True): REQUIRED_NULLABLE,
        ((True, True), (False, False), False): TOLERATED,
        ((True, True), (True, False), False): OPTIONAL,
        ((True, True), (True, True), False): NULLABLE,
    }
    presences = [(presence.missing, presence.null) for presence in (field.tolerant, field.strict)]
    return rules[(*presences, field.writes_null)]


def auto_int(low: int, high: Optional[int]) -> "st.SearchStrategy[Any]":
    return st.just("auto") | st.integers(low, high)


def auto_number(above: float, at_most: Optional[float]) -> "st.SearchStrategy[Any]":
    numbers = st.floats(min_value=above, max_value=at_most, exclude_min=True, allow_nan=False, allow_infinity=False)
    low = math.floor(above) + 1
    ints = st.integers(low, int(at_most) if at_most is not None else 10**6)
    return st.just("auto") | numbers | ints


def domain(check: Any, strict: bool) -> "st.SearchStrategy[Any]":
    """The values a checker takes in a reader, as JSON data: by the kind of checker and its
    bounds (a kind the tests do not know yet fails here, loudly)."""
    kind = type(check).__name__
    if check.model is not None:
        item = payloads(check.model, strict)
        if check.many:
            return st.lists(item, max_size=min(3, check.limit or 3))
        if check.empty and not strict:
            # What the API sends when there is none: {} or every member null, known or not.
            keys = [key for key, _, _ in CONTRACT[check.model.__name__]] + ["x_extra"]
            return item | st.lists(st.sampled_from(keys), unique=True).map(dict.fromkeys)
        return item
    simple: Dict[str, Callable[[], st.SearchStrategy[Any]]] = {
        "_Text": lambda: text,
        "_Boolean": st.booleans,
        "_Number": lambda: st.integers(-(2**70), 2**70) | finite,
        "_Integer": lambda: st.integers(check.low, check.high),
        "_Constant": lambda: st.just(check.expected),
        "_AutoOrInteger": lambda: auto_int(check.low, check.high),
        "_AutoOrNumber": lambda: auto_number(check.above, check.at_most),
        "_Strings": lambda: st.lists(text, max_size=3),
        "_Metadata": lambda: st.dictionaries(text.filter(lambda s: len(s) <= 64), text, max_size=16),
        "_JsonObject": lambda: st.dictionaries(text, json_values, max_size=3) | payloads(ftj.TrainingMetrics, strict),
    }
    if kind in simple:
        return simple[kind]()
    if kind == "_PrefixedChoice":
        known = st.sampled_from(check.choices)
        return known if strict else known | text.map(lambda rest: check.prefix + rest)
    if kind in ("_Choice", "_Status"):
        choices = check.choices if kind == "_Choice" else tuple(ftj._STATUS_BY_VALUE)
        known = st.sampled_from(choices)
        opened = kind == "_Status" or check.open_in_tolerant
        if strict or not opened:
            return known
        never = () if kind == "_Status" else check.never
        return known | text.filter(lambda value: value not in never)
    raise AssertionError(f"no domain for the checker {check!r}: teach tests/strategies.py its kind")


_PAYLOADS: Dict[Tuple[type, bool], "st.SearchStrategy[Json]"] = {}


def payloads(cls: type, strict: bool = False) -> "st.SearchStrategy[Json]":
    """Payloads of a class that its reader of the given mode accepts, from its table."""
    if (cls, strict) not in _PAYLOADS:
        _PAYLOADS[(cls, strict)] = st.deferred(lambda: _objects(cls, strict))
    return _PAYLOADS[(cls, strict)]


def members(draw: Draw, fields: Any, strict: bool, values: Callable[[Any], "st.SearchStrategy[Any]"]) -> Json:
    """Draw an object's members by their rules: a value, null where the reader allows it, or
    nothing where it may be missing."""
    out: Json = {}
    for field in fields:
        presence = field.strict if strict else field.tolerant
        choices = ["value"] + ["null"] * presence.null + ["missing"] * presence.missing
        choice = draw(st.sampled_from(choices))
        if choice == "value":
            out[field.key] = draw(values(field))
        elif choice == "null":
            out[field.key] = None
    return out


@st.composite
def _objects(draw: Draw, cls: Any, strict: bool) -> Json:
    opaque = cls._OPAQUE_UNLESS_KNOWN
    if opaque is not None and not strict and draw(st.booleans()):
        # An object of a type the module does not know: kept whole as opaque JSON.
        key, _ = opaque
        others = [f.key for f in cls._FIELDS if f.key != key]
        whole = {key: draw(unknown_keys)}
        whole.update(draw(st.dictionaries(st.sampled_from([*others, "x_a", "config"]), json_values)))
        return whole
    out = members(draw, cls._FIELDS, strict, lambda field: domain(field.check, strict))
    if cls is ftj.Method:
        method_blocks(draw, out, strict)
    if cls._OPEN:
        # Everything past the known members is the object's content, kept in both modes.
        out.update(draw(st.dictionaries(st.sampled_from(["input", "reference", "operation", "x_a"]), json_values)))
    elif not strict:
        out.update(draw(unknown_members))
    if issubclass(cls, ftj._Response):
        # Keys of a response arrive in any order; the writer puts them back in the API's order.
        out = {key: out[key] for key in draw(st.permutations(list(out)))}
    return out


def method_blocks(draw: Draw, out: Json, strict: bool) -> None:
    """A method's blocks: the strict reader wants the block named by type and no other; the
    tolerant one takes any valid block, and keeps the block of an unknown type as content."""
    kind, blocks = out["type"], {f.key: f.check.model for f in ftj.Method._FIELDS if f.check.model}
    if strict:
        for name, model in blocks.items():
            out.pop(name, None)
            if name == kind:
                out[name] = draw(payloads(model, strict))
    elif kind not in blocks:
        out.setdefault(kind, draw(json_values))  # (not over the type, for a type named "type")


# Payloads by kind (the keys of tests.fixtures.MODELS).
def jobs(strict: bool = False) -> "st.SearchStrategy[Json]":
    return payloads(ftj.FineTuningJob, strict)


def pages(strict: bool = False) -> "st.SearchStrategy[Json]":
    return payloads(ftj.FineTuningJobList, strict)


PAYLOADS: Dict[str, Callable[[bool], "st.SearchStrategy[Json]"]] = {
    kind: functools.partial(payloads, cls) for kind, cls in MODELS.items()
}

# ---------------------------------------------------------------------------
# Instances built through the constructors, from each field's domain as Python values.
# ---------------------------------------------------------------------------

frozen_extra = unknown_members.map(ftj.FrozenDict)
_INSTANCES: Dict[type, "st.SearchStrategy[Any]"] = {}


def python_values(check: Any) -> "st.SearchStrategy[Any]":
    """What the constructor takes for a field: nested instances, lists or tuples, any mapping,
    a status member or its string."""
    if check.model is not None:
        item = instances(check.model)
        return (st.lists(item, max_size=min(3, check.limit or 3)) | st.tuples(item)) if check.many else item
    if type(check).__name__ == "_Status":
        return st.sampled_from(list(ftj.FineTuningJobStatus)) | text
    return domain(check, strict=False)


def instances(cls: type) -> "st.SearchStrategy[Any]":
    """Instances of a class, built with its constructor from each field's domain."""
    if cls not in _INSTANCES:
        _INSTANCES[cls] = st.deferred(lambda: _build(cls))
    return _INSTANCES[cls]


def _build(cls: Any) -> "st.SearchStrategy[Any]":
    arguments = {}
    for field in cls._FIELDS:
        values = python_values(field.check)
        # None is "not given": for what the tolerant reader lets be missing.
        arguments[field.key] = st.none() | values if field.tolerant.missing else values
    opaque = cls._OPAQUE_UNLESS_KNOWN
    if opaque is None:
        return st.builds(cls, **arguments, extra=frozen_extra)
    # A known type with its members, or an object of another type, kept whole.
    key, known = opaque
    arguments[key] = st.sampled_from(known)
    return st.builds(cls, **arguments, extra=frozen_extra) | payloads(cls).map(cls.from_dict)


def every_model(base: Any = ftj._Model) -> List[Any]:
    """Every class of the module made with _Model, however deep (subclasses of subclasses too)."""
    found = []
    for cls in base.__subclasses__():
        if cls.__module__ == ftj.__name__ and "_FIELDS" in vars(cls):
            found.append(cls)
        found.extend(every_model(cls))
    return found


any_instance = st.one_of([instances(cls) for cls in every_model()])


# ---------------------------------------------------------------------------
# Standard Webhooks signatures, written here from the specification (not from the module).
# ---------------------------------------------------------------------------


def signature(key: bytes, webhook_id: str, timestamp: str, body: bytes) -> str:
    """The v1 signature: base64 of HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`."""
    signed = webhook_id.encode() + b"." + timestamp.encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def as_hmac_key(key: bytes) -> bytes:
    """The key HMAC-SHA256 really uses: a longer key is hashed, a shorter one padded with zero
    bytes to the 64-byte block (RFC 2104), so b"\\x00" and b"\\x00\\x00" sign alike."""
    return (hashlib.sha256(key).digest() if len(key) > 64 else key).ljust(64, b"\0")


def whsec(key: bytes) -> str:
    """A secret as OpenAI shows it: whsec_ and the base64 of the key."""
    return "whsec_" + base64.b64encode(key).decode()


# A secret and the key it stands for: whsec_ and base64, or any other text as its own UTF-8.
secrets = st.one_of(
    st.binary(min_size=1, max_size=64).map(lambda key: (whsec(key), key)),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
    .filter(lambda s: not s.startswith("whsec_"))
    .map(lambda s: (s, s.encode())),
)
