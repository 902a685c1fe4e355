# SPDX-License-Identifier: MIT
"""OpenAI's fine-tuning job object (``fine_tuning.job``) as validated, frozen dataclasses.

One file, standard library only, CPython 3.8 to 3.13. Quick start::

    from finetuning_job import FineTuningJob
    job = FineTuningJob.from_json(response_text)        # tolerant: reads what the API sends
    print(job.status.value, job.is_terminal, job.duration)
    FineTuningJob.from_dict(fixture, strict=True)         # strict: the schema to the letter
    archive.write(job.to_json())                          # canonical JSON, nothing lost

Run ``python finetuning_job.py FILE...`` to check and summarise jobs from files.
"""

import dataclasses
import enum
import functools
import operator
import os
import re
import sys
from collections.abc import Mapping as _AbcMapping
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    Generic,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Set,
    Tuple,
    Type,
    TypeVar,
    Union,
    overload,
)


class _ImportedOnFirstUse:
    """A module imported when first used, which then takes the place of this stand-in: json is
    needed to read and write, datetime to show times, math to draw charts and check webhook
    times, none to import this module (1.6, 1.1 and 0.3 ms of `import finetuning_job`).
    Annotations name datetime's classes in quotes."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        module = __import__(self._name)
        globals()[self._name] = module
        return getattr(module, attribute)


if TYPE_CHECKING:
    import datetime
    import json
    import math
else:
    datetime, json, math = _ImportedOnFirstUse("datetime"), _ImportedOnFirstUse("json"), _ImportedOnFirstUse("math")

# The annotations of the public API are evaluated, for typing.get_type_hints and the tools that
# use it; those of private helpers are strings, which mypy reads all the same and which cost the
# import nothing (evaluating them took about 1 ms of it).

__all__ = [
    "DpoHyperparameters",
    "DpoMethod",
    "ErrorDetail",
    "FileEntry",
    "FineTuningCheckpointPermission",
    "FineTuningCheckpointPermissionDeleted",
    "FineTuningCheckpointPermissionList",
    "FineTuningJob",
    "FineTuningJobCheckpoint",
    "FineTuningJobCheckpointList",
    "FineTuningJobError",
    "FineTuningJobEvent",
    "FineTuningJobEventList",
    "FineTuningJobList",
    "FineTuningJobStatus",
    "FineTuningJobWebhookEvent",
    "FineTuningJobWebhookEventData",
    "FrozenDict",
    "Grader",
    "Hyperparameters",
    "Integration",
    "Method",
    "ReinforcementHyperparameters",
    "ReinforcementMethod",
    "SupervisedHyperparameters",
    "SupervisedMethod",
    "TrainingMetrics",
    "ValidationError",
    "WandbIntegration",
    "WebhookVerificationError",
    "main",
    "read_file",
    "unwrap_webhook",
    "verify_webhook",
]
__version__ = "0.1.0"

# ---------------------------------------------------------------------------
# Constants: the limits (each with its source) and the values the module knows
# ---------------------------------------------------------------------------

# Timestamps up to 9999-12-31T23:59:59Z, so every one is a valid datetime.
MAX_TIMESTAMP = 253402300799
# Counters (trained_tokens, a checkpoint's step_number): signed 64-bit on the API side.
MAX_COUNT = 2**63 - 1
# seed: the create request's bounds (OpenAPI CreateFineTuningJobRequest).
MAX_SEED = 2147483647
# Any JSON value nested deeper than this, counted from the top of the document.
MAX_DEPTH = 100
_TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels"
# Python refuses to turn longer integers into text (sys.int_info.default_max_str_digits).
MAX_INT_DIGITS = 4300
_INT_LIMIT = 10**MAX_INT_DIGITS
# Hyperparameters: OpenAPI's bounds for the numeric forms (CONTRACT.md section 2.2).
MAX_BATCH_SIZE = 256
MAX_EPOCHS = 50
MAX_BETA = 2
# metadata: OpenAPI Metadata schema.
MAX_METADATA_PAIRS = 16
MAX_METADATA_KEY = 64
MAX_METADATA_VALUE = 512
# integrations: OpenAPI maxItems.
MAX_INTEGRATIONS = 5
# How much of an offending value an error message may echo.
PREVIEW_CHARS = 80
# The types and values the module knows (CONTRACT.md sections 2.2 to 2.4); the tolerant reader
# keeps others as given, except reasoning efforts.
_METHOD_TYPES = ("supervised", "dpo", "reinforcement")
_INTEGRATION_TYPES = ("wandb",)
_GRADER_TYPES = ("string_check", "text_similarity", "python", "score_model", "multi")
_REASONING_EFFORTS = ("default", "low", "medium", "high")
_EVENT_LEVELS = ("info", "warn", "error")
_EVENT_TYPES = ("message", "metrics")
# A job's end, pushed to a URL (CONTRACT.md section 9.1): the body's type names the ending.
_WEBHOOK_TYPE_PREFIX = "fine_tuning.job."
_WEBHOOK_TYPES = ("fine_tuning.job.succeeded", "fine_tuning.job.failed", "fine_tuning.job.cancelled")
# The `object` member of each kind of object the module reads. A webhook event says "event",
# as the legacy 2023 event did; a permission and a deleted permission both say
# "checkpoint.permission" (the deleted one has a `deleted` member).
_JOB_OBJECT = "fine_tuning.job"
_EVENT_OBJECT = "fine_tuning.job.event"
_CHECKPOINT_OBJECT = "fine_tuning.job.checkpoint"
_WEBHOOK_OBJECT = "event"
_PERMISSION_OBJECT = "checkpoint.permission"
_LIST_OBJECT = "list"

# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------

_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*\Z"  # (re compiles a pattern on first use, and keeps it)


class ErrorDetail(NamedTuple):
    """One problem: where (``path``, keys and indices from the top), what, and the value."""

    path: Tuple[Any, ...]
    message: str
    value: Any

    @property
    def location(self) -> str:
        """Return the path as text: ``$.data[3].status``."""
        return _format_path(self.path)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __repr__(self) -> str:
        # The value may be huge or deeply nested: never repr it whole.
        return f"ErrorDetail(path={self.path!r}, message={self.message!r}, value={_preview(self.value)})"


class ValidationError(ValueError):
    """Bad input: every problem found, each with its path (``err.errors``)."""

    def __init__(self, errors: "Sequence[ErrorDetail]", title: str = "FineTuningJob") -> None:
        self.errors: Tuple[ErrorDetail, ...] = tuple(errors)
        self.title = title
        count = len(self.errors)
        lines = [f"{count} validation error{'' if count == 1 else 's'} for {title}"]
        lines.extend(f"  {error}" for error in self.errors)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (type(self), (self.errors, self.title))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython shows an exception that is a cell's value by its repr, "\n" and all.
        printer.text(f"{type(self).__name__}: {self}")


class _Invalid(Exception):
    """Problems below one value, paths relative to it; parents prepend their key."""

    def __init__(self, problems: "List[ErrorDetail]") -> None:
        super().__init__()
        self.problems = problems


def _problem(message: str, value: Any, path: "Tuple[Any, ...]" = ()) -> _Invalid:
    return _Invalid([ErrorDetail(path, message, value)])


def _nested(key: Any, invalid: _Invalid) -> "List[ErrorDetail]":
    return [ErrorDetail((key,) + p.path, p.message, p.value) for p in invalid.problems]


def _format_path(path: "Sequence[Any]") -> str:
    parts = ["$"]
    for item in path:
        if isinstance(item, str):
            if re.match(_IDENTIFIER, item):
                parts.append(f".{item}")
            else:
                parts.append(f"['{_quote(_shorten(item))}']")
        else:
            parts.append(f"[{item!r}]")
    return "".join(parts)


def _quote(text: str) -> str:
    # RFC 9535 single-quoted name: escape the quote, the backslash, controls and surrogates.
    out = []
    for char in text:
        code = ord(char)
        if char in "'\\":
            out.append("\\" + char)
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def _shorten(text: str, limit: int = PREVIEW_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_text(text: str) -> bool:
    # A lone surrogate ("\ud800" in JSON) cannot be written out as UTF-8.
    if text.isascii():
        return True
    try:
        text.encode()  # UTF-8
    except UnicodeEncodeError:
        return False
    return True


def _preview(value: Any) -> str:
    """Return value as short JSON-like text, built without visiting more than needed."""
    parts: List[str] = []
    _render(value, parts, PREVIEW_CHARS + 1)
    return _shorten("".join(parts))


def _render(value: Any, parts: "List[str]", budget: int) -> int:
    # Every level writes at least one character, so the budget also bounds the recursion.
    if budget <= 0:
        return 0
    if isinstance(value, str):
        text = json.dumps(value[:budget], ensure_ascii=False)
        if not _is_text(text):
            text = json.dumps(value[:budget])
    elif isinstance(value, int) and not isinstance(value, bool) and not -_INT_LIMIT < value < _INT_LIMIT:
        # Too long to turn into text at all: say how long it is instead.
        digits = int((abs(value).bit_length() - 1) * 0.30102999566398120) + 1
        text = f"<int of {digits + (abs(value) >= 10**digits)} digits>"
    elif value is None or isinstance(value, (bool, int, float)):
        text = "null" if value is None else json.dumps(value)
    elif isinstance(value, (list, tuple, _AbcMapping)):
        is_map = isinstance(value, _AbcMapping)
        parts.append("{" if is_map else "[")
        used = 1
        items = value.items() if isinstance(value, _AbcMapping) else value
        for index, item in enumerate(items):
            if used >= budget:
                break
            if index:
                parts.append(", ")
                used += 2
            if is_map:
                used += _render(item[0], parts, budget - used)
                parts.append(": ")
                used += 2
            used += _render(item[1] if is_map else item, parts, budget - used)
        parts.append("}" if is_map else "]")
        return used + 1
    else:
        text = f"<{type(value).__name__}>"
    parts.append(text)
    return len(text)


def _expected(what: str, value: Any, *, right_type: bool = False) -> _Invalid:
    """Make the problem 'expected WHAT, got VALUE (type)'; the type is left out when it was right."""
    got = _preview(value)
    if not right_type and value is not None:
        got += f" ({type(value).__name__})"
    return _problem(f"expected {what}, got {got}", value)


# ---------------------------------------------------------------------------
# Enums
# ---------------------------------------------------------------------------


class FineTuningJobStatus(str, enum.Enum):
    """A job's status; an unknown one read in tolerant mode is kept, with ``is_known`` false."""

    VALIDATING_FILES = "validating_files"
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PAUSED = "paused"

    @classmethod
    def _missing_(cls, value: object) -> "Optional[FineTuningJobStatus]":
        # A pseudo-member: an instance of the enum that is not one of its members. It is not
        # cached, so hostile input cannot grow the class; equality and hashing are the string's.
        if type(value) is not str:
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    # Print as the wire value on every Python: 3.11 changed what str() and format() of a
    # str-mixin enum give (the member's name, where 3.8-3.10 gave the value for format()).
    def __str__(self) -> str:
        return self._value_

    def __format__(self, spec: str) -> str:
        return format(self._value_, spec)

    @property
    def is_known(self) -> bool:
        """Return True for the seven statuses the module knows."""
        return self._value_ in _STATUS_BY_VALUE

    @property
    def is_terminal(self) -> bool:
        """Return True when the job will not change again (succeeded, failed, cancelled)."""
        return self._value_ in _TERMINAL


# ---------------------------------------------------------------------------
# Read-only mapping
# ---------------------------------------------------------------------------

_V = TypeVar("_V")
_new = object.__new__
_set_attribute = object.__setattr__


class FrozenDict(Mapping[str, _V]):
    """A read-only, hashable, picklable mapping (``types.MappingProxyType`` is neither)."""

    __slots__ = ("_data", "_hash")
    _data: "Dict[str, _V]"
    _hash: "Optional[int]"

    def __init__(self, data: "Optional[Mapping[str, _V]]" = None) -> None:
        self._data = dict(data) if data is not None else {}
        self._hash = None

    def __getitem__(self, key: str) -> _V:
        return self._data[key]

    def __iter__(self) -> "Iterator[str]":
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._data == other._data
        if isinstance(other, _AbcMapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (FrozenDict, (self._data,))


def _frozen(data: "Dict[str, Any]") -> "FrozenDict[Any]":
    # Wrap a dict the module built itself, without copying it again.
    mapping: FrozenDict[Any] = _new(FrozenDict)
    mapping._data = data
    mapping._hash = None
    return mapping


_EMPTY: "FrozenDict[Any]" = FrozenDict()
# What frozen JSON data holds besides scalars: arrays become tuples, objects FrozenDicts.
_FROZEN_CONTAINERS = frozenset([tuple, FrozenDict])


def _thaw(value: Any) -> Any:
    """Return frozen JSON data as plain JSON data (tuples to lists, mappings to dicts)."""
    if isinstance(value, (str, int, float)) or value is None:
        return value._value_ if isinstance(value, enum.Enum) else value
    if isinstance(value, (tuple, list)):
        return [_thaw(item) for item in value]
    if isinstance(value, _AbcMapping):
        return {key: _thaw(item) for key, item in value.items()}
    return value  # not JSON data: the reader that gets it next reports it


def _plain_dict(value: "FrozenDict[Any]") -> "Dict[str, Any]":
    """Return a copy of a mapping's dict (one of scalars is its own plain form)."""
    return value._data.copy()


def _thaw_object(value: "FrozenDict[Any]") -> "Dict[str, Any]":
    """Return a frozen JSON object as a plain dict; one of scalars alone is a copy of its dict."""
    data = value._data
    for item in data.values():
        # A type test, because isinstance with an ABC subclass is slow.
        if type(item) in _FROZEN_CONTAINERS:
            return {key: _thaw(item) for key, item in data.items()}
    return data.copy()


# ---------------------------------------------------------------------------
# Checkers: one kind of checker for each kind of value, then the checkers the tables use
# ---------------------------------------------------------------------------

# Nesting levels are counted from the top of a document, which is level 1; the values of an
# object or an array are one level below it.
_TOP_LEVEL = 1
_MEMBER_LEVEL = _TOP_LEVEL + 1  # a member of the top object: an event's data, a page's data array
_PAGE_ITEM_LEVEL = _MEMBER_LEVEL + 1  # an item of a page: in the array of its data member
# The fast readers' upper bound for numbers that have no maximum: finite floats are below it.
_INFINITY = float("inf")


def _is_integer(value: Any) -> bool:
    # bool is an int in Python but not an integer in JSON; and json cannot write huge ints.
    return type(value) is int and -_INT_LIMIT < value < _INT_LIMIT


def _is_number(value: Any) -> bool:
    # value - value is 0.0 only for finite floats (NaN and the infinities give NaN).
    return _is_integer(value) or (type(value) is float and value - value == 0.0)


def _text(value: Any) -> str:
    if type(value) is str and _is_text(value):
        return value
    if type(value) is str:
        raise _expected("a string of valid Unicode text", value, right_type=True)
    raise _expected("a string", value)


# The depth given to a rule that reads none (see _Checker.reads_depth).
_DEPTH_UNREAD = 0


class _Checker:
    """A kind of value: called with (value, strict, depth), a checker returns the value to store
    or raises _Invalid; depth is the value's own nesting level.

    Each kind states its full rule once (``check`` where it reads the strict flag, ``tolerant``
    where it does not) and, beside it, its quick test (``plain``):
    Python source on a value named ``v``, alternatives any one of which proves v valid and
    stored as given. A name in braces stands for the checker's attribute of that name (a bound,
    the choices). tools/generate.py writes the quick test into the generated readers, which
    call the checker for anything else; a property test holds every checker to its quick test.
    ``dump`` turns a stored value back into JSON data (None: the stored value already is).
    """

    plain: "Tuple[str, ...]" = ()
    empty: "Tuple[str, ...]" = ()  # the same for values the tolerant reader stores as None
    # True where ``plain`` is the whole tolerant rule, so that a value it declines is invalid:
    # the generated readers then refuse it (_declined) without calling the checker.
    exact = False
    # True where the rule reads the value's depth (to bound nesting); the generated readers
    # pass it only then.
    reads_depth = False
    dump: "Optional[Callable[[Any], Any]]" = None
    # The class of a nested object (``many``: a tuple of them): the constructor wants its
    # instances, the generated code reads and writes it with that class's own functions.
    model: "Optional[Type[_Model]]" = None
    many = False

    def __call__(self, value: Any, strict: bool, depth: int) -> Any:
        return self.check(value, strict, depth)

    def check(self, value: Any, strict: bool, depth: int) -> Any:
        """The rule, for either reader. A kind whose rule reads the strict flag states it here;
        one whose rule does not states it as ``tolerant``, which this calls."""
        return self.tolerant(value, depth)

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> Any:
        """The rule of a kind that reads no strict flag; the generated readers call it by this
        name (and ``check(v, False, ...)`` for the other kinds) for what fails the quick test."""
        raise NotImplementedError


def _declined() -> Any:
    """What a generated reader calls for a value that fails an exact quick test: the value is
    invalid, and the table reader, which reads the object again, says why."""
    raise _Invalid([])


class _Text(_Checker):
    """A string of valid Unicode text (ASCII needs no closer look)."""

    plain = ("type(v) is str and v.isascii()",)

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> str:
        return _text(value)


class _Integer(_Checker):
    """An integer in low..high; ``hint(value, high)`` adds to the message of a wrong one."""

    plain = ("type(v) is int and {low} <= v <= {high}",)
    exact = True

    def __init__(self, low: int, high: int, hint: "Optional[Callable[[Any, int], str]]" = None) -> None:
        self.low, self.high, self.hint = low, high, hint

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> int:
        if type(value) is int and self.low <= value <= self.high:
            return value
        if type(value) is int:
            problem = _expected(f"an integer in {self.low}..{self.high}", value, right_type=True)
        else:
            problem = _expected("an integer", value)
        if self.hint is not None:
            detail = problem.problems[0]
            problem.problems[0] = detail._replace(message=detail.message + self.hint(value, self.high))
        raise problem


def _milliseconds(value: Any, high: int) -> str:
    # The commonest mistake with Unix time: milliseconds where the API sends seconds. Real ones
    # are past 10**12 (2001-09-09 in milliseconds), and their seconds are in range; a float
    # of them is what JavaScript's Date.now() / 1 or a spreadsheet gives.
    if type(value) is float and value - value == 0.0 and value == int(value):
        value = int(value)
    if type(value) is not int:
        return ""
    return " (milliseconds? timestamps are in seconds)" if value >= 10**12 and value // 1000 <= high else ""


class _Boolean(_Checker):
    plain = ("type(v) is bool",)
    exact = True

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> bool:
        if type(value) is bool:
            return value
        raise _expected("a boolean", value)


class _Number(_Checker):
    """A finite JSON number, which keeps its type: an integer or a float."""

    plain = ("type(v) is float and -_INFINITY < v < _INFINITY", "type(v) is int and -_INT_LIMIT < v < _INT_LIMIT")
    exact = True

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> "Union[int, float]":
        if _is_number(value):
            number: Union[int, float] = value
            return number
        raise _expected("a finite number", value, right_type=type(value) in (int, float))


class _Constant(_Checker):
    """Exactly one string (an object's ``object`` member)."""

    plain = ("type(v) is str and v == {expected}",)
    exact = True

    def __init__(self, expected: str) -> None:
        self.expected = expected

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> str:
        if type(value) is str and value == self.expected:
            return self.expected
        raise _expected(json.dumps(self.expected), value, right_type=type(value) is str)


class _Choice(_Checker):
    """One string of a set. An open choice keeps any other string in the tolerant reader (the
    API adds values without notice), but the values ``never``, which no reader takes."""

    plain = ("type(v) is str and v in {choices}",)

    def __init__(self, choices: "Sequence[str]", *, open_in_tolerant: bool, never: "Sequence[str]" = ()) -> None:
        self.choices, self.open_in_tolerant, self.never = tuple(choices), open_in_tolerant, tuple(never)

    def check(self, value: Any, strict: bool, depth: int) -> str:
        if type(value) is str and (
            value in self.choices
            or (self.open_in_tolerant and not strict and value not in self.never and _is_text(value))
        ):
            return value
        listed = ", ".join(json.dumps(choice) for choice in self.choices)
        raise _expected(f"one of {listed}", value, right_type=type(value) is str)


class _PrefixedChoice(_Choice):
    """An open choice of strings that all start with ``prefix``: one without it is another
    product's (a webhook endpoint receives batch.completed too), refused by both readers."""

    def __init__(self, choices: "Sequence[str]", prefix: str, what: str) -> None:
        super().__init__(choices, open_in_tolerant=True)
        self.prefix, self.what = prefix, what

    def check(self, value: Any, strict: bool, depth: int) -> str:
        if type(value) is str and not value.startswith(self.prefix):
            raise _expected(f"{self.what} (a type that starts with {json.dumps(self.prefix)})", value, right_type=True)
        return super().check(value, strict, depth)


_STATUS_BY_VALUE: "Dict[str, FineTuningJobStatus]" = {m.value: m for m in FineTuningJobStatus}
_TERMINAL = frozenset(
    [FineTuningJobStatus.SUCCEEDED.value, FineTuningJobStatus.FAILED.value, FineTuningJobStatus.CANCELLED.value]
)


_status_value = operator.attrgetter("_value_")


class _Status(_Checker):
    """A job's status, stored as the enum's member (a pseudo-member for an unknown one): no
    value is stored as given, so there is no quick test."""

    dump = _status_value
    _text = _Choice(list(_STATUS_BY_VALUE), open_in_tolerant=True)

    def check(self, value: Any, strict: bool, depth: int) -> FineTuningJobStatus:
        # A known status is one dict lookup; the enum's own lookup gives the same member, slower.
        member = _STATUS_BY_VALUE.get(value) if type(value) is str else None
        if member is not None:
            return member
        return FineTuningJobStatus(self._text(value, strict, depth))


class _AutoOrInteger(_Checker):
    """The string "auto" or an integer in low..high (no maximum when high is None)."""

    exact = True

    def __init__(self, low: int, high: "Optional[int]" = None) -> None:
        self.low, self.high = low, high
        # With no maximum, an integer must still be one json can write.
        bound = "{low} <= v < _INT_LIMIT" if high is None else "{low} <= v <= {high}"
        self.plain = (f"type(v) is int and {bound}", 'type(v) is str and v == "auto"')

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> "Union[str, int]":
        if type(value) is str and value == "auto":
            return value
        if type(value) is int and self.low <= value < _INT_LIMIT and (self.high is None or value <= self.high):
            return value
        bound = f"in {self.low}..{self.high}" if self.high is not None else f">= {self.low}"
        what = f'"auto" or an integer {bound}'
        raise _expected(what, value, right_type=type(value) in (int, str))


def _decimal(number: float) -> str:
    """A bound as people write it: 0.00001, not 1e-05."""
    return repr(number) if type(number) is int else format(number, ".15f").rstrip("0").rstrip(".")


class _AutoOrNumber(_Checker):
    """The string "auto" or a finite number above ``above`` (and at most ``at_most``)."""

    def __init__(self, above: float, at_most: "Optional[float]" = None) -> None:
        self.above, self.at_most = above, at_most
        self.text = f"> {_decimal(above)}" + ("" if at_most is None else f" and <= {_decimal(at_most)}")
        # The quick test takes floats alone: an integer rate is valid too, but rare.
        bound = "{above} < v " + ("< _INFINITY" if at_most is None else "<= {at_most}")
        self.plain = (f"type(v) is float and {bound}", 'type(v) is str and v == "auto"')

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> "Union[str, int, float]":
        if type(value) is str and value == "auto":
            return value
        if _is_number(value) and value > self.above and (self.at_most is None or value <= self.at_most):
            number: Union[int, float] = value
            return number
        raise _expected(f'"auto" or a number {self.text}', value, right_type=type(value) in (int, float, str))


class _Strings(_Checker):
    """An array of strings, stored as a tuple."""

    dump = list

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> "Tuple[str, ...]":
        if type(value) is not list:
            raise _expected("an array of strings", value)
        for item in value:
            if type(item) is not str or not _is_text(item):
                break
        else:
            return tuple(value)
        problems: List[ErrorDetail] = []
        for index, item in enumerate(value):
            try:
                _text(item)
            except _Invalid as exc:
                problems.extend(_nested(index, exc))
        raise _Invalid(problems)


class _Metadata(_Checker):
    """The job's metadata: at most 16 pairs of strings, keys of at most 64 characters and values
    of at most 512, stored as a FrozenDict."""

    dump = staticmethod(_plain_dict)

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> "FrozenDict[str]":
        if not isinstance(value, dict):
            raise _expected("an object of strings", value)
        if len(value) <= MAX_METADATA_PAIRS:
            # Short ASCII pairs are the rule: checking them in one pass saves the per-pair calls.
            for key, item in value.items():
                if not (
                    type(key) is str
                    and type(item) is str
                    and len(key) <= MAX_METADATA_KEY
                    and len(item) <= MAX_METADATA_VALUE
                    and key.isascii()
                    and item.isascii()
                ):
                    break
            else:
                return FrozenDict(value)
        problems: List[ErrorDetail] = []
        if len(value) > MAX_METADATA_PAIRS:
            problems.append(ErrorDetail((), f"expected at most {MAX_METADATA_PAIRS} pairs, got {len(value)}", value))
        for key, item in value.items():
            try:
                _text(key)
                if len(key) > MAX_METADATA_KEY:
                    raise _problem(f"expected a key of at most {MAX_METADATA_KEY} characters, got {len(key)}", key)
                _text(item)
                if len(item) > MAX_METADATA_VALUE:
                    raise _expected(f"a string of at most {MAX_METADATA_VALUE} characters", item, right_type=True)
            except _Invalid as exc:
                problems.extend(_nested(key, exc))
        if problems:
            raise _Invalid(problems)
        return FrozenDict(value)


def _check_json(value: Any, depth: int) -> Any:
    """Check opaque JSON data (unknown keys, grader content) and return it frozen."""
    kind = type(value)
    if kind is str:
        return _text(value)
    if value is None or kind is bool or _is_number(value):
        return value
    if kind is int:
        raise _expected(f"an integer of at most {MAX_INT_DIGITS} digits", value, right_type=True)
    if kind is float:
        raise _expected("a finite number", value, right_type=True)
    if not isinstance(value, (list, dict)):
        raise _expected("JSON data", value)
    if depth > MAX_DEPTH:
        raise _problem(_TOO_DEEP, value)
    problems: List[ErrorDetail] = []
    if isinstance(value, list):
        items = []
        for index, item in enumerate(value):
            try:
                items.append(_check_json(item, depth + 1))
            except _Invalid as exc:
                problems.extend(_nested(index, exc))
        if problems:
            raise _Invalid(problems)
        return tuple(items)
    members = {}
    for key, item in value.items():
        try:
            if type(key) is not str:
                raise _expected("a string key", key)
            members[_text(key)] = _check_json(item, depth + 1)
        except _Invalid as exc:
            problems.extend(_nested(key, exc))
    if problems:
        raise _Invalid(problems)
    return _frozen(members)


class _JsonObject(_Checker):
    """Opaque JSON content that must be an object (an event's data), kept whole and frozen."""

    dump = staticmethod(_thaw_object)
    reads_depth = True
    # Keys this checker has found valid (strings of valid text) in objects it read in full: a
    # metrics event's data has the same few on every event, and a set tells them at once. When
    # it holds more than this, it starts again, so that no input grows it without end.
    keys_kept = 256

    def __init__(self) -> None:
        self.known_keys: Set[str] = set()

    def tolerant(self, value: Any, depth: int = _DEPTH_UNREAD) -> "FrozenDict[Any]":
        if type(value) is not dict:
            raise _expected("an object", value)
        known = self.known_keys
        if known.issuperset(value):
            # Mostly a metrics event's data: known keys and finite numbers, valid JSON data as
            # they are, told by a type test a value and one sum; _check_json reads anything else.
            items = value.values()
            for item in items:
                if type(item) is not float and type(item) is not int:
                    break
            else:
                # The sum of floats and ints is finite only when each float is, and each int is
                # below 2 ** 1024 (OverflowError otherwise), far inside _INT_LIMIT.
                try:
                    total = sum(items, 0.0)
                except OverflowError:
                    total = _INFINITY
                if total - total == 0.0:
                    frozen: FrozenDict[Any] = _new(FrozenDict)  # as _frozen does, one call fewer
                    frozen._data, frozen._hash = value.copy(), None
                    return frozen
        checked: FrozenDict[Any] = _check_json(value, depth)
        if len(known) > self.keys_kept:
            known.clear()
        known.update(value)  # _check_json has read every key as a string of valid text
        return checked


# The checkers of the tables, one per kind of value and its bounds (CONTRACT.md sections 1 to 2.4,
# and 8). The generated readers call them by these names for what fails a quick test.
_check_str = _Text()
_check_bool = _Boolean()
_check_number = _Number()
_check_timestamp = _Integer(0, MAX_TIMESTAMP, _milliseconds)
_check_count = _Integer(0, MAX_COUNT)
_check_seed = _Integer(0, MAX_SEED)
_check_status = _Status()
_check_strings = _Strings()
_check_metadata = _Metadata()
_check_json_object = _JsonObject()
_check_batch_size = _AutoOrInteger(1, MAX_BATCH_SIZE)
_check_learning_rate = _AutoOrNumber(0)
_check_n_epochs = _AutoOrInteger(1, MAX_EPOCHS)
_check_beta = _AutoOrNumber(0, MAX_BETA)
_check_compute = _AutoOrNumber(0.00001, 10)
_check_eval = _AutoOrInteger(1)
# The API's reasoning efforts have grown (none, minimal, xhigh, max): the tolerant reader keeps
# any, but "auto", which the schema excludes here.
_check_effort = _Choice(_REASONING_EFFORTS, open_in_tolerant=True, never=["auto"])
_check_grader_type = _Choice(_GRADER_TYPES, open_in_tolerant=True)
_check_method_type = _Choice(_METHOD_TYPES, open_in_tolerant=True)
_check_integration_type = _Choice(_INTEGRATION_TYPES, open_in_tolerant=True)
_check_event_level = _Choice(_EVENT_LEVELS, open_in_tolerant=True)
_check_event_type = _Choice(_EVENT_TYPES, open_in_tolerant=True)
_check_job_object = _Constant(_JOB_OBJECT)
_check_event_object = _Constant(_EVENT_OBJECT)
_check_checkpoint_object = _Constant(_CHECKPOINT_OBJECT)
_check_list_object = _Constant(_LIST_OBJECT)
_check_webhook_type = _PrefixedChoice(_WEBHOOK_TYPES, _WEBHOOK_TYPE_PREFIX, "a fine-tuning event")
_check_webhook_object = _Constant(_WEBHOOK_OBJECT)
_check_permission_object = _Constant(_PERMISSION_OBJECT)


# Python's literals, which a repr pasted as JSON holds where JSON writes its own.
_PYTHON_LITERAL = r"(None|True|False)\b"
_JSON_LITERALS = {"None": "null", "True": "true", "False": "false"}
# Longer text is not a file name (Linux's PATH_MAX).
_PATH_MAX = 4096


def _loads(text: Any, *, line: bool = False, whole: bool = False) -> Any:
    """Parse JSON text; raise _Invalid (at the root) for text that is not JSON. With line, the
    text is one line of a file, and a position in it is a column alone. With whole, the text is
    all there was to read (a file, a stream, one of its lines): where it ends too soon, say so."""

    def fail(message: str) -> _Invalid:
        return _problem(message, text)

    if not isinstance(text, (str, bytes, bytearray)):
        raise fail(f"expected JSON text (str, bytes or bytearray), got {_not_text(text)}")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if line else f"line {exc.lineno} column {exc.colno}"
        what, hint = _json_mistake(exc.msg, exc.doc, exc.pos)
        rest = exc.doc[exc.pos :].strip()
        if whole and not hint and (not rest or what.startswith("Unterminated string")):
            ends = "inside it" if rest else "there"
            hint = f" (the {'line' if line else 'input'} ends {ends}: is it cut short?)"
        raise fail(f"invalid JSON: {what} at {where}{hint}{_file_name_hint(text)}") from None
    except UnicodeDecodeError as exc:
        raise fail(f"invalid {exc.encoding.upper()} at byte {exc.start}") from None
    except RecursionError:
        raise fail(_TOO_DEEP) from None
    except ValueError:  # the one left: an integer past Python's digit limit (worded per version)
        raise fail(f"invalid JSON: an integer of more than {MAX_INT_DIGITS} digits") from None
    # Python 3.13 parses arrays nested far deeper than earlier versions do; the readers count
    # the depth of objects, but an array at the top would only be "not an object".
    if type(value) is list and _nested_deeper_than_allowed(value):
        raise fail(_TOO_DEEP)
    return value


def _not_text(value: Any) -> str:
    """What came instead of JSON text: a path or an open file is named as such, with what to do."""
    if isinstance(value, os.PathLike):
        return f"a path: read the file first, e.g. Path({_preview(os.fsdecode(value))}).read_bytes()"
    if callable(getattr(value, "read", None)):
        return f"a file ({type(value).__name__}): read it first, e.g. file.read()"
    return _preview(value)


def _json_mistake(message: str, doc: str, pos: int) -> "Tuple[str, str]":
    """Return json's words for what is wrong at pos, as English, and a hint for the commonest
    mistakes: Python's literals and quotes (a repr), a trailing comma, two values in one text."""
    # json words some messages to be followed by ": line 1 column 2": drop their trailing "at".
    what = message[:-3] if message.endswith(" at") else message
    char, before = doc[pos : pos + 1], doc[:pos].rstrip()[-1:]
    # Python 3.13 names a trailing comma itself (at the comma); earlier ones expect another
    # member (at the bracket). Both get 3.13's words.
    if before == "," and char == "}" and message.startswith("Expecting property name"):
        return "Illegal trailing comma before end of object", ""
    if before == "," and char == "]" and message == "Expecting value":
        return "Illegal trailing comma before end of array", ""
    if message.startswith("Invalid control character") and char in ("\n", "\r"):
        return "Line break inside a string", " (is a closing quote missing?)"
    literal = re.compile(_PYTHON_LITERAL).match(doc, pos)
    if message == "Expecting value" and literal:
        return what, f" (Python's {literal[1]}: JSON writes {_JSON_LITERALS[literal[1]]})"
    if char == "'" and message in ("Expecting value", "Expecting property name enclosed in double quotes"):
        return what, " (single quotes are Python's: JSON strings take double quotes)"
    if message == "Extra data" and char in ("{", "["):
        return what, " (a second JSON value: JSON Lines holds one value per line)"
    return what, ""


def _file_name_hint(text: Any) -> str:
    """A hint for a file name given as JSON text: an existing file, or a name ending .json(l)."""
    if not isinstance(text, str) or len(text) > _PATH_MAX:
        return ""
    name = text.strip()
    if "\n" in name or not (name.lower().endswith((".json", ".jsonl")) or os.path.isfile(name)):
        return ""
    return f" (a file name? read the file first, e.g. Path({_preview(name)}).read_bytes())"


def _nested_deeper_than_allowed(value: Any) -> bool:
    """Return True when JSON data holds a container more than MAX_DEPTH levels down (no recursion)."""
    level, layer = 1, [value]
    while layer:
        if level > MAX_DEPTH:
            return True
        layer = [
            item
            for container in layer
            for item in (container.values() if isinstance(container, dict) else container)
            if isinstance(item, (list, dict))
        ]
        level += 1
    return False


# ---------------------------------------------------------------------------
# Fields and the reader shared by every class
# ---------------------------------------------------------------------------

# When a key may be missing and when it may be null, in each reader (CONTRACT.md section 4).
# "Not given" (missing, or null where null is allowed) is stored as None. The required-nullable
# keys are the schema's `R N` keys: the writer writes their None as null, every other None is
# left out, so the output never holds a null the schema forbids.
#
#                         tolerant reader       strict reader
#   made by               missing  null         missing  null     None written as
#   _required             no       no           no       no       (never None)
#   _required_nullable    yes      yes          no       yes      null
#   _tolerated            yes      yes          no       no       nothing
#   _optional             yes      yes          yes      no       nothing
#   _nullable             yes      yes          yes      yes      nothing
#
# _tolerated keys are required by the schema but left out or sent as null by the live API.


# (Plain classes, not NamedTuples: each NamedTuple costs 0.1 ms of `import finetuning_job`.)


class _Presence:
    """Whether a key may be missing and whether it may be null, in one reader."""

    __slots__ = ("missing", "null")

    def __init__(self, missing: bool, null: bool) -> None:
        self.missing, self.null = missing, null


class _Field:
    """A row of a table of fields: the key, its checker, its presence in each reader, and
    whether None is written as null (required-nullable keys)."""

    __slots__ = ("check", "key", "strict", "tolerant", "writes_null")

    def __init__(self, key: str, check: _Checker, tolerant: _Presence, strict: _Presence, writes_null: bool) -> None:
        self.key, self.check, self.tolerant, self.strict, self.writes_null = key, check, tolerant, strict, writes_null


_NO, _YES = _Presence(missing=False, null=False), _Presence(missing=True, null=True)
_NULL_ONLY, _MISSING_ONLY = _Presence(missing=False, null=True), _Presence(missing=True, null=False)


def _required(key: str, check: _Checker) -> _Field:
    return _Field(key, check, _NO, _NO, False)


def _required_nullable(key: str, check: _Checker) -> _Field:
    return _Field(key, check, _YES, _NULL_ONLY, True)


def _tolerated(key: str, check: _Checker) -> _Field:
    return _Field(key, check, _YES, _NO, False)


def _optional(key: str, check: _Checker) -> _Field:
    return _Field(key, check, _YES, _MISSING_ONLY, False)


def _nullable(key: str, check: _Checker) -> _Field:
    return _Field(key, check, _YES, _YES, False)


_T = TypeVar("_T", bound="_Model")
_MISSING: Any = object()
_Encode = Callable[[Any], str]
_compact: "List[_Encode]" = []  # made on first use, as json is imported


def _compact_encoder() -> _Encode:
    """The encoder of compact JSON text. to_dict builds a new tree each time, which cannot hold
    a cycle: the encoder need not look."""
    _compact.append(
        json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), check_circular=False).encode
    )
    return _compact[0]


def _with_extra(out: "Dict[str, Any]", extra: "FrozenDict[Any]") -> "Dict[str, Any]":
    """Append the unknown keys to what a writer wrote (out, returned), as plain JSON data."""
    data = extra._data
    for value in data.values():
        # Mostly scalars; a type test, because isinstance with an ABC subclass is slow.
        if type(value) in _FROZEN_CONTAINERS:
            out.update(_thaw_object(extra))
            return out
    out.update(data)
    return out


def _instance(cls: "Type[_T]", values: "Dict[str, Any]") -> _T:
    """Make an instance holding values (every field, in the API's order, then extra)."""
    instance: _T = _new(cls)
    # Frozen dataclasses set each field through object.__setattr__; one dict is much faster.
    _set_attribute(instance, "__dict__", values)
    return instance


def _read_opaque(cls: "Type[_T]", key: str, data: "Dict[Any, Any]", depth: int) -> _T:
    """Keep an object of a type (its member key) the module does not know whole: its type, the
    rest as JSON."""
    values: Dict[str, Any] = dict.fromkeys([f.key for f in cls._FIELDS])
    values[key] = _text(data[key])
    values["extra"] = _check_json({name: value for name, value in data.items() if name != key}, depth)
    return _instance(cls, values)


def _same_class(value: Any, model: type) -> bool:
    """Return True for an instance of model, or of a class of the same name made by an earlier
    run of the module (a notebook cell run again): what it writes is read again, and checked."""
    kind = type(value)
    return isinstance(value, model) or (
        kind.__name__ == model.__name__
        and kind.__module__ == model.__module__
        and callable(getattr(value, "to_dict", None))
    )


def _from_earlier_run(value: Any, model: "Type[_T]") -> _T:
    """Return value, of another class than model, as an instance of model (see _same_class), or
    raise TypeError."""
    if not _same_class(value, model):
        raise TypeError(f"expected a {model.__name__}, got {type(value).__name__}")
    try:
        return model.from_dict(value.to_dict())
    except (ValidationError, TypeError, AttributeError) as exc:
        raise TypeError(
            f"a {model.__name__} from an earlier run of the module that cannot be read again: {exc}"
        ) from None


def _dump_from_python(value: Any, model: type, many: bool) -> Any:
    """Turn the constructor's nested instances into JSON data; a dict is not an instance."""
    if not many:
        if _same_class(value, model):
            return _dump_model(value)
        raise _expected(f"a {model.__name__}", value)
    if not isinstance(value, (list, tuple)):
        raise _expected(f"a sequence of {model.__name__}", value)
    problems: List[ErrorDetail] = []
    for index, item in enumerate(value):
        if not _same_class(item, model):
            problems.extend(_nested(index, _expected(f"a {model.__name__}", item)))
    if problems:
        raise _Invalid(problems)
    return _dump_models(value)


def _dump_model(value: Any) -> Any:
    return value.to_dict()


def _dump_models(value: "Sequence[Any]") -> "List[Any]":
    return [item.to_dict() for item in value]


class _Model:
    """What every class of the module shares: the readers, the writer and the constructor check.

    A class is described once, by its annotations and its table of fields (_FIELDS). The table
    drives the checked reader (both modes, every problem reported at its path) and the
    reference writer below. Each class also has a fast reader for the tolerant mode and a
    writer of its own, generated from the same table by tools/generate.py into the generated
    section of this file, which its class names (``_read_fast``, ``to_dict``); property tests
    hold them to the table-driven ones.
    """

    _FIELDS: "ClassVar[Tuple[_Field, ...]]" = ()
    _OPEN: "ClassVar[bool]" = False  # unknown keys are content, allowed by the strict reader too
    # (type key, known types): an object of a type the module does not know is kept whole as
    # opaque JSON by the tolerant reader, every member but the type in extra.
    _OPAQUE_UNLESS_KNOWN: "ClassVar[Optional[Tuple[str, Tuple[str, ...]]]]" = None
    __dataclass_fields__: "ClassVar[Dict[str, Any]]"  # each class is a dataclass
    extra: "Mapping[str, Any]"

    @staticmethod
    def _read_fast(data: Any, depth: int) -> Any:
        """Read data in the tolerant mode, fast; each class's own is generated. It raises
        _Invalid, with no problems, at anything it does not take, and the checked reader then
        reads the object (_read)."""
        raise _Invalid([])

    @classmethod
    def _read(cls: "Type[_T]", data: Any, strict: bool, depth: int) -> _T:
        """Check data (JSON, the object at nesting level depth) and build an instance."""
        if not strict:
            try:
                instance: _T = cls._read_fast(data, depth)
                return instance
            except _Invalid:
                pass  # the checked reader finds every problem and reports it at its path
        return cls._read_checked(data, strict, depth)

    @classmethod
    def _read_checked(cls: "Type[_T]", data: Any, strict: bool, depth: int) -> _T:
        """Read data by the table of fields, collecting every problem."""
        if not isinstance(data, dict):
            raise _expected("an object", data)
        opaque = cls._OPAQUE_UNLESS_KNOWN
        if opaque is not None and not strict:
            kind = data.get(opaque[0])
            if type(kind) is str and kind not in opaque[1]:
                return _read_opaque(cls, opaque[0], data, depth)
        rest = dict(data)  # once the known keys are taken out: the unknown ones, in order
        take = rest.pop
        values: Dict[str, Any] = {}
        problems: List[ErrorDetail] = []
        for field in cls._FIELDS:
            key, presence = field.key, field.strict if strict else field.tolerant
            value = take(key, _MISSING)
            if value is _MISSING:
                if not presence.missing:
                    problems.append(ErrorDetail((key,), "required key missing", None))
                values[key] = None
            elif value is None and presence.null:
                values[key] = None
            else:
                try:
                    values[key] = field.check(value, strict, depth + 1)
                except _Invalid as exc:
                    problems.extend(_nested(key, exc))
        values["extra"] = _EMPTY
        if rest:
            try:
                values["extra"] = cls._read_unknown(rest, strict, depth)
            except _Invalid as exc:
                problems.extend(exc.problems)
        if strict and not problems:
            cls._check_whole(values, data, problems)
        if problems:
            raise _Invalid(problems)
        return _instance(cls, values)

    @classmethod
    def _read_unknown(cls, unknown: "Dict[Any, Any]", strict: bool, depth: int) -> "FrozenDict[Any]":
        """Check the keys the class does not know (of the object at depth) and their values."""
        kept = {}
        problems: List[ErrorDetail] = []
        for key, given in unknown.items():
            if type(key) is not str:
                problems.extend(_nested(key, _expected("a string key", key)))
            elif strict and not cls._OPEN:
                problems.append(ErrorDetail((key,), "unknown key" + _did_you_mean(key, cls._FIELDS), given))
            else:
                try:
                    value = given
                    # Mostly nulls, booleans and ASCII text, which need no call to check.
                    if not (value is None or type(value) is bool or (type(value) is str and value.isascii())):
                        value = _check_json(value, depth + 1)
                    kept[key if key.isascii() else _text(key)] = value
                except _Invalid as exc:
                    problems.extend(_nested(key, exc))
        if problems:
            raise _Invalid(problems)
        return _frozen(kept)

    @classmethod
    def _check_whole(cls, values: "Dict[str, Any]", data: "Dict[str, Any]", problems: "List[ErrorDetail]") -> None:
        """Add the problems that involve more than one field (none by default). Only the strict
        reader has such rules: the tolerant one reads whatever combination the API sends."""

    def __post_init__(self) -> None:
        # The constructor (and dataclasses.replace) checks by the tolerant reader's rules:
        # turn the Python values into JSON data, read that, and keep what was read.
        problems: List[ErrorDetail] = []
        data: Dict[str, Any] = {}
        given = self.__dict__
        for field in self._FIELDS:
            value = given[field.key]
            if value is None:
                continue  # None means "not given", which is not always the same as null
            model = field.check.model
            if model is not None:
                try:
                    value = _dump_from_python(value, model, field.check.many)
                except _Invalid as exc:
                    problems.extend(_nested(field.key, exc))
                    continue
            data[field.key] = _thaw(value)
        extra = given["extra"]
        if not isinstance(extra, _AbcMapping):
            problems.append(ErrorDetail(("extra",), f"expected a mapping, got {_preview(extra)}", extra))
        else:
            for key, value in extra.items():
                # An integration of an unknown type keeps a "wandb" member as content, in extra.
                if key in data:
                    problems.append(ErrorDetail((key,), "given both as a field and in extra", value))
                else:
                    data[key] = _thaw(value)
        try:
            if problems:
                raise _Invalid(problems)
            instance = type(self)._read(data, False, _TOP_LEVEL)
        except _Invalid as exc:
            raise ValidationError(exc.problems, type(self).__name__) from None
        _set_attribute(self, "__dict__", instance.__dict__)

    # The classes share __eq__, __hash__ and __repr__ (eq=False, repr=False in their decorators)
    # instead of having dataclasses generate three more functions for each: that halves the
    # module's import time.

    def __eq__(self, other: object) -> bool:
        # The instance dict holds the fields and nothing else, as dataclasses would compare.
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        values = self.__dict__
        return hash(tuple([values[name] for name in self.__dataclass_fields__]))

    def __repr__(self) -> str:
        values = self.__dict__
        fields = ", ".join(f"{name}={values[name]!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({fields})"

    @classmethod
    def from_dict(cls: Type[_T], data: Any, *, strict: bool = False) -> _T:
        """Read JSON data (as json.loads gives it); raise ValidationError for bad input."""
        try:
            return cls._read(data, strict, _TOP_LEVEL)
        except _Invalid as exc:
            raise ValidationError(exc.problems, cls.__name__) from None

    @classmethod
    def from_json(cls: Type[_T], text: Union[str, bytes, bytearray], *, strict: bool = False) -> _T:
        """Read JSON text (str, or bytes in UTF-8, UTF-16 or UTF-32)."""
        try:
            data = _loads(text)
        except _Invalid as exc:
            raise ValidationError(exc.problems, cls.__name__) from None
        return cls.from_dict(data, strict=strict)

    def to_dict(self) -> Dict[str, Any]:
        """Return the canonical JSON data: known keys in the API's order, then unknown keys."""
        # The reference writer, driven by the table; each class's own writer (generated) writes
        # the same, faster. The instance dict holds the fields in the API's order (the reader
        # builds it so), then extra: keep what is written, then convert the nested values.
        nulls = {field.key for field in self._FIELDS if field.writes_null}
        out = {key: value for key, value in self.__dict__.items() if value is not None or key in nulls}
        extra = out.pop("extra")
        for field in self._FIELDS:
            value = out.get(field.key)
            if value is not None and field.check.dump is not None:
                out[field.key] = field.check.dump(value)
        return _with_extra(out, extra)

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """Return canonical JSON text: compact, or indented for people; non-ASCII kept as is."""
        if indent is None:
            return (_compact[0] if _compact else _compact_encoder())(self.to_dict())
        return json.dumps(self.to_dict(), ensure_ascii=False, allow_nan=False, indent=indent)


def _did_you_mean(key: str, fields: "Sequence[_Field]") -> str:
    """`` (did you mean "fine_tuned_model"?)`` for an unknown key close to a known one."""
    import difflib  # noqa: PLC0415 (only a misspelt key needs it: keep `import finetuning_job` fast)

    close = difflib.get_close_matches(key, [f.key for f in fields], cutoff=0.8)  # the closest first
    return f" (did you mean {json.dumps(close[0])}?)" if close else ""


class _Nested(_Checker):
    """An object of a class of the module, read by that class."""

    dump = staticmethod(_dump_model)
    model: Type[_Model]
    reads_depth = True

    def __init__(self, model: "Type[_Model]") -> None:
        self.model = model

    def check(self, value: Any, strict: bool, depth: int) -> Any:
        return self.model._read(value, strict, depth)


class _EmptyIsNone(_Nested):
    """An object that the API sends as {} or with every member null when there is none (a job's
    error, when it did not fail): the tolerant reader reads those as None, the strict one holds
    them to the schema. ``empty`` is the quick test of that rule, as ``plain`` is of others."""

    empty = ("type(v) is dict and all(x is None for x in v.values())",)

    def check(self, value: Any, strict: bool, depth: int) -> Any:
        if not strict and isinstance(value, dict) and all(item is None for item in value.values()):
            return None
        return self.model._read(value, strict, depth)


class _Models(_Checker):
    """An array of objects of a class of the module (at most ``limit`` of them), as a tuple."""

    dump = staticmethod(_dump_models)
    model: Type[_Model]
    many = True
    reads_depth = True

    def __init__(self, model: "Type[_Model]", limit: "Optional[int]" = None) -> None:
        self.model, self.limit = model, limit

    def check(self, value: Any, strict: bool, depth: int) -> "Tuple[Any, ...]":
        if type(value) is not list:
            raise _expected("an array", value)
        problems: List[ErrorDetail] = []
        if self.limit is not None and len(value) > self.limit:
            problems.append(ErrorDetail((), f"expected at most {self.limit} items, got {len(value)}", value))
        items = []
        for index, item in enumerate(value):
            try:
                items.append(self.model._read(item, strict, depth + 1))
            except _Invalid as exc:
                problems.extend(_nested(index, exc))
        if problems:
            raise _Invalid(problems)
        return tuple(items)


def _read_array(read: "Callable[[Any, int], _T]", value: Any, limit: "Optional[int]", depth: int) -> "Tuple[_T, ...]":
    """Read an array of objects (at most limit of them) with a fast reader; value is at depth."""
    if type(value) is not list or (limit is not None and len(value) > limit):
        raise _Invalid([])
    inner = depth + 1
    return tuple([read(item, inner) for item in value])


# ---------------------------------------------------------------------------
# The fast readers and the writers, generated from the tables of fields
# ---------------------------------------------------------------------------

# BEGIN GENERATED CODE by tools/generate.py from the tables of fields below: do not edit by hand

# Fast readers (tolerant mode) and writers, from the tables below. A reader keeps a value that
# passes its checker's quick test, reads a nested object with that class's reader, and calls the
# checker's tolerant rule for the rest (or refuses it, _declined, where the quick test is the
# whole rule); at anything else it raises _Invalid, and the table reads the object again
# (_Model._read). A writer copies the instance dict, drops the Nones not written as null, writes
# a nested object in place (out1, v1... a level down) and an array by its items' writer.


def _read_fine_tuning_job_error(data: Any, depth: int) -> "FineTuningJobError":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "code": v if type(v := take("code", None)) is str and v.isascii() else _check_str.tolerant(v),
        "message": v if type(v := take("message", None)) is str and v.isascii() else _check_str.tolerant(v),
        "param": v
        if (v := take("param", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "extra": (rest and FineTuningJobError._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobError)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_error(obj: "FineTuningJobError") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    return _with_extra(out, extra) if extra._data else out


def _read_hyperparameters(data: Any, depth: int) -> "Hyperparameters":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "batch_size": v
        if (v := take("batch_size", None)) is None
        or (type(v) is int and 1 <= v <= 256)
        or (type(v) is str and v == "auto")
        else _declined(),
        "learning_rate_multiplier": v
        if (v := take("learning_rate_multiplier", None)) is None
        or (type(v) is float and 0 < v < _INFINITY)
        or (type(v) is str and v == "auto")
        else _check_learning_rate.tolerant(v),
        "n_epochs": v
        if (v := take("n_epochs", None)) is None
        or (type(v) is int and 1 <= v <= 50)
        or (type(v) is str and v == "auto")
        else _declined(),
        "extra": (rest and Hyperparameters._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(Hyperparameters)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_hyperparameters(obj: "Hyperparameters") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if out["batch_size"] is None:
        del out["batch_size"]
    if out["learning_rate_multiplier"] is None:
        del out["learning_rate_multiplier"]
    if out["n_epochs"] is None:
        del out["n_epochs"]
    return _with_extra(out, extra) if extra._data else out


def _read_supervised_hyperparameters(data: Any, depth: int) -> "SupervisedHyperparameters":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "batch_size": v
        if (v := take("batch_size", None)) is None
        or (type(v) is int and 1 <= v <= 256)
        or (type(v) is str and v == "auto")
        else _declined(),
        "learning_rate_multiplier": v
        if (v := take("learning_rate_multiplier", None)) is None
        or (type(v) is float and 0 < v < _INFINITY)
        or (type(v) is str and v == "auto")
        else _check_learning_rate.tolerant(v),
        "n_epochs": v
        if (v := take("n_epochs", None)) is None
        or (type(v) is int and 1 <= v <= 50)
        or (type(v) is str and v == "auto")
        else _declined(),
        "extra": (rest and SupervisedHyperparameters._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(SupervisedHyperparameters)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_supervised_hyperparameters(obj: "SupervisedHyperparameters") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if out["batch_size"] is None:
        del out["batch_size"]
    if out["learning_rate_multiplier"] is None:
        del out["learning_rate_multiplier"]
    if out["n_epochs"] is None:
        del out["n_epochs"]
    return _with_extra(out, extra) if extra._data else out


def _read_dpo_hyperparameters(data: Any, depth: int) -> "DpoHyperparameters":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "beta": v
        if (v := take("beta", None)) is None or (type(v) is float and 0 < v <= 2) or (type(v) is str and v == "auto")
        else _check_beta.tolerant(v),
        "batch_size": v
        if (v := take("batch_size", None)) is None
        or (type(v) is int and 1 <= v <= 256)
        or (type(v) is str and v == "auto")
        else _declined(),
        "learning_rate_multiplier": v
        if (v := take("learning_rate_multiplier", None)) is None
        or (type(v) is float and 0 < v < _INFINITY)
        or (type(v) is str and v == "auto")
        else _check_learning_rate.tolerant(v),
        "n_epochs": v
        if (v := take("n_epochs", None)) is None
        or (type(v) is int and 1 <= v <= 50)
        or (type(v) is str and v == "auto")
        else _declined(),
        "extra": (rest and DpoHyperparameters._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(DpoHyperparameters)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_dpo_hyperparameters(obj: "DpoHyperparameters") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if out["beta"] is None:
        del out["beta"]
    if out["batch_size"] is None:
        del out["batch_size"]
    if out["learning_rate_multiplier"] is None:
        del out["learning_rate_multiplier"]
    if out["n_epochs"] is None:
        del out["n_epochs"]
    return _with_extra(out, extra) if extra._data else out


def _read_reinforcement_hyperparameters(data: Any, depth: int) -> "ReinforcementHyperparameters":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "batch_size": v
        if (v := take("batch_size", None)) is None
        or (type(v) is int and 1 <= v <= 256)
        or (type(v) is str and v == "auto")
        else _declined(),
        "learning_rate_multiplier": v
        if (v := take("learning_rate_multiplier", None)) is None
        or (type(v) is float and 0 < v < _INFINITY)
        or (type(v) is str and v == "auto")
        else _check_learning_rate.tolerant(v),
        "n_epochs": v
        if (v := take("n_epochs", None)) is None
        or (type(v) is int and 1 <= v <= 50)
        or (type(v) is str and v == "auto")
        else _declined(),
        "reasoning_effort": v
        if (v := take("reasoning_effort", None)) is None or (type(v) is str and v in _REASONING_EFFORTS)
        else _check_effort.check(v, False, _DEPTH_UNREAD),
        "compute_multiplier": v
        if (v := take("compute_multiplier", None)) is None
        or (type(v) is float and 1e-05 < v <= 10)
        or (type(v) is str and v == "auto")
        else _check_compute.tolerant(v),
        "eval_interval": v
        if (v := take("eval_interval", None)) is None
        or (type(v) is int and 1 <= v < _INT_LIMIT)
        or (type(v) is str and v == "auto")
        else _declined(),
        "eval_samples": v
        if (v := take("eval_samples", None)) is None
        or (type(v) is int and 1 <= v < _INT_LIMIT)
        or (type(v) is str and v == "auto")
        else _declined(),
        "extra": (rest and ReinforcementHyperparameters._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(ReinforcementHyperparameters)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_reinforcement_hyperparameters(obj: "ReinforcementHyperparameters") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if out["batch_size"] is None:
        del out["batch_size"]
    if out["learning_rate_multiplier"] is None:
        del out["learning_rate_multiplier"]
    if out["n_epochs"] is None:
        del out["n_epochs"]
    if out["reasoning_effort"] is None:
        del out["reasoning_effort"]
    if out["compute_multiplier"] is None:
        del out["compute_multiplier"]
    if out["eval_interval"] is None:
        del out["eval_interval"]
    if out["eval_samples"] is None:
        del out["eval_samples"]
    return _with_extra(out, extra) if extra._data else out


def _read_grader(data: Any, depth: int) -> "Grader":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "type": v
        if type(v := take("type", None)) is str and v in _GRADER_TYPES
        else _check_grader_type.check(v, False, _DEPTH_UNREAD),
        "name": v if type(v := take("name", None)) is str and v.isascii() else _check_str.tolerant(v),
        "extra": (rest and Grader._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(Grader)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_grader(obj: "Grader") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    return _with_extra(out, extra) if extra._data else out


def _read_supervised_method(data: Any, depth: int) -> "SupervisedMethod":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "hyperparameters": v
        if (v := take("hyperparameters", None)) is None
        else _read_supervised_hyperparameters(v, inner),
        "extra": (rest and SupervisedMethod._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(SupervisedMethod)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_supervised_method(obj: "SupervisedMethod") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if (v := out["hyperparameters"]) is None:
        del out["hyperparameters"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if out1["batch_size"] is None:
            del out1["batch_size"]
        if out1["learning_rate_multiplier"] is None:
            del out1["learning_rate_multiplier"]
        if out1["n_epochs"] is None:
            del out1["n_epochs"]
        out["hyperparameters"] = _with_extra(out1, extra1) if extra1._data else out1
    return _with_extra(out, extra) if extra._data else out


def _read_dpo_method(data: Any, depth: int) -> "DpoMethod":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "hyperparameters": v if (v := take("hyperparameters", None)) is None else _read_dpo_hyperparameters(v, inner),
        "extra": (rest and DpoMethod._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(DpoMethod)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_dpo_method(obj: "DpoMethod") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if (v := out["hyperparameters"]) is None:
        del out["hyperparameters"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if out1["beta"] is None:
            del out1["beta"]
        if out1["batch_size"] is None:
            del out1["batch_size"]
        if out1["learning_rate_multiplier"] is None:
            del out1["learning_rate_multiplier"]
        if out1["n_epochs"] is None:
            del out1["n_epochs"]
        out["hyperparameters"] = _with_extra(out1, extra1) if extra1._data else out1
    return _with_extra(out, extra) if extra._data else out


def _read_reinforcement_method(data: Any, depth: int) -> "ReinforcementMethod":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "grader": _read_grader(take("grader", None), inner),
        "hyperparameters": v
        if (v := take("hyperparameters", None)) is None
        else _read_reinforcement_hyperparameters(v, inner),
        "extra": (rest and ReinforcementMethod._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(ReinforcementMethod)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_reinforcement_method(obj: "ReinforcementMethod") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    v = out["grader"]
    out1 = v.__dict__.copy()
    extra1 = out1.pop("extra")
    out["grader"] = _with_extra(out1, extra1) if extra1._data else out1
    if (v := out["hyperparameters"]) is None:
        del out["hyperparameters"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if out1["batch_size"] is None:
            del out1["batch_size"]
        if out1["learning_rate_multiplier"] is None:
            del out1["learning_rate_multiplier"]
        if out1["n_epochs"] is None:
            del out1["n_epochs"]
        if out1["reasoning_effort"] is None:
            del out1["reasoning_effort"]
        if out1["compute_multiplier"] is None:
            del out1["compute_multiplier"]
        if out1["eval_interval"] is None:
            del out1["eval_interval"]
        if out1["eval_samples"] is None:
            del out1["eval_samples"]
        out["hyperparameters"] = _with_extra(out1, extra1) if extra1._data else out1
    return _with_extra(out, extra) if extra._data else out


def _read_method(data: Any, depth: int) -> "Method":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "type": v
        if type(v := take("type", None)) is str and v in _METHOD_TYPES
        else _check_method_type.check(v, False, _DEPTH_UNREAD),
        "supervised": v if (v := take("supervised", None)) is None else _read_supervised_method(v, inner),
        "dpo": v if (v := take("dpo", None)) is None else _read_dpo_method(v, inner),
        "reinforcement": v if (v := take("reinforcement", None)) is None else _read_reinforcement_method(v, inner),
        "extra": (rest and Method._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(Method)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_method(obj: "Method") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if (v := out["supervised"]) is None:
        del out["supervised"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if (v1 := out1["hyperparameters"]) is None:
            del out1["hyperparameters"]
        else:
            out2 = v1.__dict__.copy()
            extra2 = out2.pop("extra")
            if out2["batch_size"] is None:
                del out2["batch_size"]
            if out2["learning_rate_multiplier"] is None:
                del out2["learning_rate_multiplier"]
            if out2["n_epochs"] is None:
                del out2["n_epochs"]
            out1["hyperparameters"] = _with_extra(out2, extra2) if extra2._data else out2
        out["supervised"] = _with_extra(out1, extra1) if extra1._data else out1
    if (v := out["dpo"]) is None:
        del out["dpo"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if (v1 := out1["hyperparameters"]) is None:
            del out1["hyperparameters"]
        else:
            out2 = v1.__dict__.copy()
            extra2 = out2.pop("extra")
            if out2["beta"] is None:
                del out2["beta"]
            if out2["batch_size"] is None:
                del out2["batch_size"]
            if out2["learning_rate_multiplier"] is None:
                del out2["learning_rate_multiplier"]
            if out2["n_epochs"] is None:
                del out2["n_epochs"]
            out1["hyperparameters"] = _with_extra(out2, extra2) if extra2._data else out2
        out["dpo"] = _with_extra(out1, extra1) if extra1._data else out1
    if (v := out["reinforcement"]) is None:
        del out["reinforcement"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        v1 = out1["grader"]
        out2 = v1.__dict__.copy()
        extra2 = out2.pop("extra")
        out1["grader"] = _with_extra(out2, extra2) if extra2._data else out2
        if (v1 := out1["hyperparameters"]) is None:
            del out1["hyperparameters"]
        else:
            out2 = v1.__dict__.copy()
            extra2 = out2.pop("extra")
            if out2["batch_size"] is None:
                del out2["batch_size"]
            if out2["learning_rate_multiplier"] is None:
                del out2["learning_rate_multiplier"]
            if out2["n_epochs"] is None:
                del out2["n_epochs"]
            if out2["reasoning_effort"] is None:
                del out2["reasoning_effort"]
            if out2["compute_multiplier"] is None:
                del out2["compute_multiplier"]
            if out2["eval_interval"] is None:
                del out2["eval_interval"]
            if out2["eval_samples"] is None:
                del out2["eval_samples"]
            out1["hyperparameters"] = _with_extra(out2, extra2) if extra2._data else out2
        out["reinforcement"] = _with_extra(out1, extra1) if extra1._data else out1
    return _with_extra(out, extra) if extra._data else out


def _read_wandb_integration(data: Any, depth: int) -> "WandbIntegration":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "project": v if type(v := take("project", None)) is str and v.isascii() else _check_str.tolerant(v),
        "name": v if (v := take("name", None)) is None or (type(v) is str and v.isascii()) else _check_str.tolerant(v),
        "entity": v
        if (v := take("entity", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "tags": v if (v := take("tags", None)) is None else _check_strings.tolerant(v),
        "extra": (rest and WandbIntegration._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(WandbIntegration)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_wandb_integration(obj: "WandbIntegration") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if out["name"] is None:
        del out["name"]
    if out["entity"] is None:
        del out["entity"]
    if (v := out["tags"]) is None:
        del out["tags"]
    else:
        out["tags"] = list(v)
    return _with_extra(out, extra) if extra._data else out


def _read_integration(data: Any, depth: int) -> "Integration":
    if type(data) is not dict:
        raise _Invalid([])
    if type(kind := data.get("type")) is str and kind not in _INTEGRATION_TYPES:
        return _read_opaque(Integration, "type", data, depth)
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "type": v if type(v := take("type", None)) is str and v in _INTEGRATION_TYPES else _declined(),
        "wandb": _read_wandb_integration(take("wandb", None), inner),
        "extra": (rest and Integration._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(Integration)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_integration(obj: "Integration") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if (v := out["wandb"]) is None:
        del out["wandb"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if out1["name"] is None:
            del out1["name"]
        if out1["entity"] is None:
            del out1["entity"]
        if (v1 := out1["tags"]) is None:
            del out1["tags"]
        else:
            out1["tags"] = list(v1)
        out["wandb"] = _with_extra(out1, extra1) if extra1._data else out1
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job(data: Any, depth: int) -> "FineTuningJob":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "id": v if type(v := take("id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "created_at": v if type(v := take("created_at", None)) is int and 0 <= v <= 253402300799 else _declined(),
        "error": None
        if (v := take("error", None)) is None or (type(v) is dict and all(x is None for x in v.values()))
        else _read_fine_tuning_job_error(v, inner),
        "fine_tuned_model": v
        if (v := take("fine_tuned_model", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "finished_at": v
        if (v := take("finished_at", None)) is None or (type(v) is int and 0 <= v <= 253402300799)
        else _declined(),
        "hyperparameters": v if (v := take("hyperparameters", None)) is None else _read_hyperparameters(v, inner),
        "model": v if type(v := take("model", None)) is str and v.isascii() else _check_str.tolerant(v),
        "object": v if type(v := take("object", None)) is str and v == "fine_tuning.job" else _declined(),
        "organization_id": v
        if (v := take("organization_id", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "result_files": v if (v := take("result_files", None)) is None else _check_strings.tolerant(v),
        "status": _check_status.check(take("status", None), False, _DEPTH_UNREAD),
        "trained_tokens": v
        if (v := take("trained_tokens", None)) is None or (type(v) is int and 0 <= v <= 9223372036854775807)
        else _declined(),
        "training_file": v if type(v := take("training_file", None)) is str and v.isascii() else _check_str.tolerant(v),
        "validation_file": v
        if (v := take("validation_file", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "seed": v if (v := take("seed", None)) is None or (type(v) is int and 0 <= v <= 2147483647) else _declined(),
        "integrations": v if (v := take("integrations", None)) is None else _read_array(_read_integration, v, 5, inner),
        "estimated_finish": v
        if (v := take("estimated_finish", None)) is None or (type(v) is int and 0 <= v <= 253402300799)
        else _declined(),
        "method": v if (v := take("method", None)) is None else _read_method(v, inner),
        "metadata": v if (v := take("metadata", None)) is None else _check_metadata.tolerant(v),
        "extra": (rest and FineTuningJob._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJob)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job(obj: "FineTuningJob") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if (v := out["error"]) is not None:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        out["error"] = _with_extra(out1, extra1) if extra1._data else out1
    if (v := out["hyperparameters"]) is None:
        del out["hyperparameters"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if out1["batch_size"] is None:
            del out1["batch_size"]
        if out1["learning_rate_multiplier"] is None:
            del out1["learning_rate_multiplier"]
        if out1["n_epochs"] is None:
            del out1["n_epochs"]
        out["hyperparameters"] = _with_extra(out1, extra1) if extra1._data else out1
    if out["organization_id"] is None:
        del out["organization_id"]
    if (v := out["result_files"]) is None:
        del out["result_files"]
    else:
        out["result_files"] = list(v)
    v = out["status"]
    out["status"] = _status_value(v)
    if out["seed"] is None:
        del out["seed"]
    if (v := out["integrations"]) is None:
        del out["integrations"]
    else:
        out["integrations"] = list(map(_write_integration, v)) if v else []
    if out["estimated_finish"] is None:
        del out["estimated_finish"]
    if (v := out["method"]) is None:
        del out["method"]
    else:
        out1 = v.__dict__.copy()
        extra1 = out1.pop("extra")
        if (v1 := out1["supervised"]) is None:
            del out1["supervised"]
        else:
            out2 = v1.__dict__.copy()
            extra2 = out2.pop("extra")
            if (v2 := out2["hyperparameters"]) is None:
                del out2["hyperparameters"]
            else:
                out3 = v2.__dict__.copy()
                extra3 = out3.pop("extra")
                if out3["batch_size"] is None:
                    del out3["batch_size"]
                if out3["learning_rate_multiplier"] is None:
                    del out3["learning_rate_multiplier"]
                if out3["n_epochs"] is None:
                    del out3["n_epochs"]
                out2["hyperparameters"] = _with_extra(out3, extra3) if extra3._data else out3
            out1["supervised"] = _with_extra(out2, extra2) if extra2._data else out2
        if (v1 := out1["dpo"]) is None:
            del out1["dpo"]
        else:
            out2 = v1.__dict__.copy()
            extra2 = out2.pop("extra")
            if (v2 := out2["hyperparameters"]) is None:
                del out2["hyperparameters"]
            else:
                out3 = v2.__dict__.copy()
                extra3 = out3.pop("extra")
                if out3["beta"] is None:
                    del out3["beta"]
                if out3["batch_size"] is None:
                    del out3["batch_size"]
                if out3["learning_rate_multiplier"] is None:
                    del out3["learning_rate_multiplier"]
                if out3["n_epochs"] is None:
                    del out3["n_epochs"]
                out2["hyperparameters"] = _with_extra(out3, extra3) if extra3._data else out3
            out1["dpo"] = _with_extra(out2, extra2) if extra2._data else out2
        if (v1 := out1["reinforcement"]) is None:
            del out1["reinforcement"]
        else:
            out2 = v1.__dict__.copy()
            extra2 = out2.pop("extra")
            v2 = out2["grader"]
            out3 = v2.__dict__.copy()
            extra3 = out3.pop("extra")
            out2["grader"] = _with_extra(out3, extra3) if extra3._data else out3
            if (v2 := out2["hyperparameters"]) is None:
                del out2["hyperparameters"]
            else:
                out3 = v2.__dict__.copy()
                extra3 = out3.pop("extra")
                if out3["batch_size"] is None:
                    del out3["batch_size"]
                if out3["learning_rate_multiplier"] is None:
                    del out3["learning_rate_multiplier"]
                if out3["n_epochs"] is None:
                    del out3["n_epochs"]
                if out3["reasoning_effort"] is None:
                    del out3["reasoning_effort"]
                if out3["compute_multiplier"] is None:
                    del out3["compute_multiplier"]
                if out3["eval_interval"] is None:
                    del out3["eval_interval"]
                if out3["eval_samples"] is None:
                    del out3["eval_samples"]
                out2["hyperparameters"] = _with_extra(out3, extra3) if extra3._data else out3
            out1["reinforcement"] = _with_extra(out2, extra2) if extra2._data else out2
        out["method"] = _with_extra(out1, extra1) if extra1._data else out1
    if (v := out["metadata"]) is None:
        del out["metadata"]
    else:
        out["metadata"] = _plain_dict(v)
    return _with_extra(out, extra) if extra._data else out


def _read_training_metrics(data: Any, depth: int) -> "TrainingMetrics":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "step": v
        if (v := take("step", None)) is None
        or (type(v) is float and -_INFINITY < v < _INFINITY)
        or (type(v) is int and -_INT_LIMIT < v < _INT_LIMIT)
        else _declined(),
        "train_loss": v
        if (v := take("train_loss", None)) is None
        or (type(v) is float and -_INFINITY < v < _INFINITY)
        or (type(v) is int and -_INT_LIMIT < v < _INT_LIMIT)
        else _declined(),
        "train_mean_token_accuracy": v
        if (v := take("train_mean_token_accuracy", None)) is None
        or (type(v) is float and -_INFINITY < v < _INFINITY)
        or (type(v) is int and -_INT_LIMIT < v < _INT_LIMIT)
        else _declined(),
        "valid_loss": v
        if (v := take("valid_loss", None)) is None
        or (type(v) is float and -_INFINITY < v < _INFINITY)
        or (type(v) is int and -_INT_LIMIT < v < _INT_LIMIT)
        else _declined(),
        "valid_mean_token_accuracy": v
        if (v := take("valid_mean_token_accuracy", None)) is None
        or (type(v) is float and -_INFINITY < v < _INFINITY)
        or (type(v) is int and -_INT_LIMIT < v < _INT_LIMIT)
        else _declined(),
        "full_valid_loss": v
        if (v := take("full_valid_loss", None)) is None
        or (type(v) is float and -_INFINITY < v < _INFINITY)
        or (type(v) is int and -_INT_LIMIT < v < _INT_LIMIT)
        else _declined(),
        "full_valid_mean_token_accuracy": v
        if (v := take("full_valid_mean_token_accuracy", None)) is None
        or (type(v) is float and -_INFINITY < v < _INFINITY)
        or (type(v) is int and -_INT_LIMIT < v < _INT_LIMIT)
        else _declined(),
        "extra": (rest and TrainingMetrics._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(TrainingMetrics)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_training_metrics(obj: "TrainingMetrics") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if out["step"] is None:
        del out["step"]
    if out["train_loss"] is None:
        del out["train_loss"]
    if out["train_mean_token_accuracy"] is None:
        del out["train_mean_token_accuracy"]
    if out["valid_loss"] is None:
        del out["valid_loss"]
    if out["valid_mean_token_accuracy"] is None:
        del out["valid_mean_token_accuracy"]
    if out["full_valid_loss"] is None:
        del out["full_valid_loss"]
    if out["full_valid_mean_token_accuracy"] is None:
        del out["full_valid_mean_token_accuracy"]
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job_event(data: Any, depth: int) -> "FineTuningJobEvent":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "id": v if type(v := take("id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "created_at": v if type(v := take("created_at", None)) is int and 0 <= v <= 253402300799 else _declined(),
        "level": v
        if type(v := take("level", None)) is str and v in _EVENT_LEVELS
        else _check_event_level.check(v, False, _DEPTH_UNREAD),
        "message": v if type(v := take("message", None)) is str and v.isascii() else _check_str.tolerant(v),
        "object": v if type(v := take("object", None)) is str and v == "fine_tuning.job.event" else _declined(),
        "type": v
        if (v := take("type", None)) is None or (type(v) is str and v in _EVENT_TYPES)
        else _check_event_type.check(v, False, _DEPTH_UNREAD),
        "data": v if (v := take("data", None)) is None else _check_json_object.tolerant(v, inner),
        "extra": (rest and FineTuningJobEvent._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobEvent)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_event(obj: "FineTuningJobEvent") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    if out["type"] is None:
        del out["type"]
    if (v := out["data"]) is None:
        del out["data"]
    else:
        out["data"] = _thaw_object(v)
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job_checkpoint(data: Any, depth: int) -> "FineTuningJobCheckpoint":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "id": v if type(v := take("id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "created_at": v if type(v := take("created_at", None)) is int and 0 <= v <= 253402300799 else _declined(),
        "fine_tuned_model_checkpoint": v
        if type(v := take("fine_tuned_model_checkpoint", None)) is str and v.isascii()
        else _check_str.tolerant(v),
        "fine_tuning_job_id": v
        if type(v := take("fine_tuning_job_id", None)) is str and v.isascii()
        else _check_str.tolerant(v),
        "metrics": _read_training_metrics(take("metrics", None), inner),
        "object": v if type(v := take("object", None)) is str and v == "fine_tuning.job.checkpoint" else _declined(),
        "step_number": v
        if type(v := take("step_number", None)) is int and 0 <= v <= 9223372036854775807
        else _declined(),
        "extra": (rest and FineTuningJobCheckpoint._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobCheckpoint)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_checkpoint(obj: "FineTuningJobCheckpoint") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    v = out["metrics"]
    out1 = v.__dict__.copy()
    extra1 = out1.pop("extra")
    if out1["step"] is None:
        del out1["step"]
    if out1["train_loss"] is None:
        del out1["train_loss"]
    if out1["train_mean_token_accuracy"] is None:
        del out1["train_mean_token_accuracy"]
    if out1["valid_loss"] is None:
        del out1["valid_loss"]
    if out1["valid_mean_token_accuracy"] is None:
        del out1["valid_mean_token_accuracy"]
    if out1["full_valid_loss"] is None:
        del out1["full_valid_loss"]
    if out1["full_valid_mean_token_accuracy"] is None:
        del out1["full_valid_mean_token_accuracy"]
    out["metrics"] = _with_extra(out1, extra1) if extra1._data else out1
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job_list(data: Any, depth: int) -> "FineTuningJobList":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "object": v if type(v := take("object", None)) is str and v == "list" else _declined(),
        "data": _read_array(_read_fine_tuning_job, take("data", None), None, inner),
        "has_more": v if (v := take("has_more", None)) is None or (type(v) is bool) else _declined(),
        "extra": (rest and FineTuningJobList._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobList)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_list(obj: "FineTuningJobList") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    v = out["data"]
    out["data"] = list(map(_write_fine_tuning_job, v)) if v else []
    if out["has_more"] is None:
        del out["has_more"]
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job_event_list(data: Any, depth: int) -> "FineTuningJobEventList":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "object": v if type(v := take("object", None)) is str and v == "list" else _declined(),
        "data": _read_array(_read_fine_tuning_job_event, take("data", None), None, inner),
        "has_more": v if (v := take("has_more", None)) is None or (type(v) is bool) else _declined(),
        "extra": (rest and FineTuningJobEventList._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobEventList)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_event_list(obj: "FineTuningJobEventList") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    v = out["data"]
    out["data"] = list(map(_write_fine_tuning_job_event, v)) if v else []
    if out["has_more"] is None:
        del out["has_more"]
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job_checkpoint_list(data: Any, depth: int) -> "FineTuningJobCheckpointList":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "object": v if type(v := take("object", None)) is str and v == "list" else _declined(),
        "data": _read_array(_read_fine_tuning_job_checkpoint, take("data", None), None, inner),
        "first_id": v
        if (v := take("first_id", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "last_id": v
        if (v := take("last_id", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "has_more": v if (v := take("has_more", None)) is None or (type(v) is bool) else _declined(),
        "extra": (rest and FineTuningJobCheckpointList._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobCheckpointList)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_checkpoint_list(obj: "FineTuningJobCheckpointList") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    v = out["data"]
    out["data"] = list(map(_write_fine_tuning_job_checkpoint, v)) if v else []
    if out["first_id"] is None:
        del out["first_id"]
    if out["last_id"] is None:
        del out["last_id"]
    if out["has_more"] is None:
        del out["has_more"]
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job_webhook_event_data(data: Any, depth: int) -> "FineTuningJobWebhookEventData":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "id": v if type(v := take("id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "extra": (rest and FineTuningJobWebhookEventData._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobWebhookEventData)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_webhook_event_data(obj: "FineTuningJobWebhookEventData") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_job_webhook_event(data: Any, depth: int) -> "FineTuningJobWebhookEvent":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "id": v if type(v := take("id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "created_at": v if type(v := take("created_at", None)) is int and 0 <= v <= 253402300799 else _declined(),
        "type": v
        if type(v := take("type", None)) is str and v in _WEBHOOK_TYPES
        else _check_webhook_type.check(v, False, _DEPTH_UNREAD),
        "data": _read_fine_tuning_job_webhook_event_data(take("data", None), inner),
        "object": v if (v := take("object", None)) is None or (type(v) is str and v == "event") else _declined(),
        "extra": (rest and FineTuningJobWebhookEvent._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningJobWebhookEvent)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_job_webhook_event(obj: "FineTuningJobWebhookEvent") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    v = out["data"]
    out1 = v.__dict__.copy()
    extra1 = out1.pop("extra")
    out["data"] = _with_extra(out1, extra1) if extra1._data else out1
    if out["object"] is None:
        del out["object"]
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_checkpoint_permission(data: Any, depth: int) -> "FineTuningCheckpointPermission":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "id": v if type(v := take("id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "created_at": v if type(v := take("created_at", None)) is int and 0 <= v <= 253402300799 else _declined(),
        "object": v if type(v := take("object", None)) is str and v == "checkpoint.permission" else _declined(),
        "project_id": v if type(v := take("project_id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "extra": (rest and FineTuningCheckpointPermission._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningCheckpointPermission)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_checkpoint_permission(obj: "FineTuningCheckpointPermission") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_checkpoint_permission_deleted(data: Any, depth: int) -> "FineTuningCheckpointPermissionDeleted":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take = rest.pop
    values = {
        "id": v if type(v := take("id", None)) is str and v.isascii() else _check_str.tolerant(v),
        "object": v if type(v := take("object", None)) is str and v == "checkpoint.permission" else _declined(),
        "deleted": v if type(v := take("deleted", None)) is bool else _declined(),
        "extra": (rest and FineTuningCheckpointPermissionDeleted._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningCheckpointPermissionDeleted)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_checkpoint_permission_deleted(obj: "FineTuningCheckpointPermissionDeleted") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    return _with_extra(out, extra) if extra._data else out


def _read_fine_tuning_checkpoint_permission_list(data: Any, depth: int) -> "FineTuningCheckpointPermissionList":
    if type(data) is not dict:
        raise _Invalid([])
    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order
    take, inner = rest.pop, depth + 1
    values = {
        "object": v if type(v := take("object", None)) is str and v == "list" else _declined(),
        "data": _read_array(_read_fine_tuning_checkpoint_permission, take("data", None), None, inner),
        "first_id": v
        if (v := take("first_id", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "last_id": v
        if (v := take("last_id", None)) is None or (type(v) is str and v.isascii())
        else _check_str.tolerant(v),
        "has_more": v if (v := take("has_more", None)) is None or (type(v) is bool) else _declined(),
        "extra": (rest and FineTuningCheckpointPermissionList._read_unknown(rest, False, depth)) or _EMPTY,
    }
    instance = _new(FineTuningCheckpointPermissionList)
    _set_attribute(instance, "__dict__", values)
    return instance


def _write_fine_tuning_checkpoint_permission_list(obj: "FineTuningCheckpointPermissionList") -> "Dict[str, Any]":
    out = obj.__dict__.copy()
    extra = out.pop("extra")
    v = out["data"]
    out["data"] = list(map(_write_fine_tuning_checkpoint_permission, v)) if v else []
    if out["first_id"] is None:
        del out["first_id"]
    if out["last_id"] is None:
        del out["last_id"]
    if out["has_more"] is None:
        del out["has_more"]
    return _with_extra(out, extra) if extra._data else out


# END GENERATED CODE


# ---------------------------------------------------------------------------
# The objects, from leaf to root
# ---------------------------------------------------------------------------

_Auto = Union[str, int, None]
_AutoNumber = Union[str, int, float, None]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobError(_Model):
    """Why a job failed: a machine-readable code, a message, and the parameter at fault."""

    code: str
    message: str
    param: Optional[str] = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("code", _check_str),
        _required("message", _check_str),
        _required_nullable("param", _check_str),
    )
    _read_fast = staticmethod(_read_fine_tuning_job_error)
    to_dict = _write_fine_tuning_job_error


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Hyperparameters(_Model):
    """The job-level hyperparameters ("auto" or a number each; sent for supervised jobs)."""

    batch_size: _Auto = None
    learning_rate_multiplier: _AutoNumber = None
    n_epochs: _Auto = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _nullable("batch_size", _check_batch_size),
        _optional("learning_rate_multiplier", _check_learning_rate),
        _optional("n_epochs", _check_n_epochs),
    )
    _read_fast = staticmethod(_read_hyperparameters)
    to_dict = _write_hyperparameters


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class SupervisedHyperparameters(_Model):
    """The hyperparameters of the supervised method."""

    batch_size: _Auto = None
    learning_rate_multiplier: _AutoNumber = None
    n_epochs: _Auto = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _optional("batch_size", _check_batch_size),
        _optional("learning_rate_multiplier", _check_learning_rate),
        _optional("n_epochs", _check_n_epochs),
    )
    _read_fast = staticmethod(_read_supervised_hyperparameters)
    to_dict = _write_supervised_hyperparameters


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class DpoHyperparameters(_Model):
    """The hyperparameters of the DPO method, with beta."""

    beta: _AutoNumber = None
    batch_size: _Auto = None
    learning_rate_multiplier: _AutoNumber = None
    n_epochs: _Auto = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _optional("beta", _check_beta),
        _optional("batch_size", _check_batch_size),
        _optional("learning_rate_multiplier", _check_learning_rate),
        _optional("n_epochs", _check_n_epochs),
    )
    _read_fast = staticmethod(_read_dpo_hyperparameters)
    to_dict = _write_dpo_hyperparameters


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class ReinforcementHyperparameters(_Model):
    """The hyperparameters of the reinforcement method."""

    batch_size: _Auto = None
    learning_rate_multiplier: _AutoNumber = None
    n_epochs: _Auto = None
    reasoning_effort: Optional[str] = None
    compute_multiplier: _AutoNumber = None
    eval_interval: _Auto = None
    eval_samples: _Auto = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _optional("batch_size", _check_batch_size),
        _optional("learning_rate_multiplier", _check_learning_rate),
        _optional("n_epochs", _check_n_epochs),
        _optional("reasoning_effort", _check_effort),
        _optional("compute_multiplier", _check_compute),
        _optional("eval_interval", _check_eval),
        _optional("eval_samples", _check_eval),
    )
    _read_fast = staticmethod(_read_reinforcement_hyperparameters)
    to_dict = _write_reinforcement_hyperparameters


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Grader(_Model):
    """A reinforcement grader: type and name checked, its other members (``extra``) kept as JSON."""

    type: str
    name: str
    extra: Mapping[str, Any] = _EMPTY

    # The spec's grader shapes contradict one another: members past type and name are content.
    _OPEN = True
    _FIELDS = (
        _required("type", _check_grader_type),
        _required("name", _check_str),
    )
    _read_fast = staticmethod(_read_grader)
    to_dict = _write_grader

    @property
    def is_known(self) -> bool:
        """Return True when the module knows the grader's type."""
        return self.type in _GRADER_TYPES


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class SupervisedMethod(_Model):
    """The supervised method's configuration."""

    hyperparameters: Optional[SupervisedHyperparameters] = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (_optional("hyperparameters", _Nested(SupervisedHyperparameters)),)
    _read_fast = staticmethod(_read_supervised_method)
    to_dict = _write_supervised_method


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class DpoMethod(_Model):
    """The DPO method's configuration."""

    hyperparameters: Optional[DpoHyperparameters] = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (_optional("hyperparameters", _Nested(DpoHyperparameters)),)
    _read_fast = staticmethod(_read_dpo_method)
    to_dict = _write_dpo_method


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class ReinforcementMethod(_Model):
    """The reinforcement method's configuration: a grader and hyperparameters."""

    grader: Grader
    hyperparameters: Optional[ReinforcementHyperparameters] = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("grader", _Nested(Grader)),
        _optional("hyperparameters", _Nested(ReinforcementHyperparameters)),
    )
    _read_fast = staticmethod(_read_reinforcement_method)
    to_dict = _write_reinforcement_method


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Method(_Model):
    """How the job trains: ``type`` names the block (supervised, dpo or reinforcement) that applies."""

    type: str
    supervised: Optional[SupervisedMethod] = None
    dpo: Optional[DpoMethod] = None
    reinforcement: Optional[ReinforcementMethod] = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("type", _check_method_type),
        _optional("supervised", _Nested(SupervisedMethod)),
        _optional("dpo", _Nested(DpoMethod)),
        _optional("reinforcement", _Nested(ReinforcementMethod)),
    )
    _read_fast = staticmethod(_read_method)
    to_dict = _write_method

    @classmethod
    def _check_whole(cls, values: "Dict[str, Any]", data: "Dict[str, Any]", problems: "List[ErrorDetail]") -> None:
        # The strict reader wants the block named by type and no other; the tolerant reader lets
        # the named block be missing (the API leaves it out) and keeps any other valid block.
        # The rule runs once every field is valid: the type is one of the three.
        kind = values["type"]
        for name in _METHOD_TYPES:
            if name == kind and values[name] is None:
                problems.append(ErrorDetail((name,), "required key missing", None))
            elif name != kind and values[name] is not None:
                problems.append(ErrorDetail((name,), f"not allowed when type is {json.dumps(kind)}", data[name]))

    @property
    def is_known(self) -> bool:
        """Return True when the module knows the method's type."""
        return self.type in _METHOD_TYPES


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class WandbIntegration(_Model):
    """The Weights and Biases settings of an integration."""

    project: str
    name: Optional[str] = None
    entity: Optional[str] = None
    tags: Optional[Tuple[str, ...]] = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("project", _check_str),
        _nullable("name", _check_str),
        _nullable("entity", _check_str),
        _optional("tags", _check_strings),
    )
    _read_fast = staticmethod(_read_wandb_integration)
    to_dict = _write_wandb_integration


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Integration(_Model):
    """An integration of the job; one of an unknown type keeps its members in ``extra``."""

    type: str
    wandb: Optional[WandbIntegration] = None
    extra: Mapping[str, Any] = _EMPTY

    _OPAQUE_UNLESS_KNOWN = ("type", _INTEGRATION_TYPES)
    _FIELDS = (
        _required("type", _check_integration_type),
        _required("wandb", _Nested(WandbIntegration)),
    )
    _read_fast = staticmethod(_read_integration)
    to_dict = _write_integration

    @property
    def is_known(self) -> bool:
        """Return True when the module knows the integration's type."""
        return self.type in _INTEGRATION_TYPES


def _utc(timestamp: int) -> "datetime.datetime":
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc)


def _datetime(timestamp: "Optional[int]") -> "Optional[datetime.datetime]":
    return None if timestamp is None else _utc(timestamp)


_Moment = Union["datetime.datetime", int, float, None]


def _now(now: _Moment) -> "datetime.datetime":
    """Return now as an aware datetime: the current time when None, Unix seconds in UTC. A naive
    datetime is refused, as it would be read as local time by some code and as UTC by other."""
    if now is None:
        return datetime.datetime.now(datetime.timezone.utc)
    if isinstance(now, datetime.datetime):
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("expected an aware datetime (such as datetime.now(timezone.utc)), got a naive one")
        return now
    if isinstance(now, (int, float)) and not isinstance(now, bool):
        try:
            return datetime.datetime.fromtimestamp(now, datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):  # NaN, or past the years datetime can hold
            raise ValueError(f"expected Unix seconds in 0..{MAX_TIMESTAMP}, got {_preview(now)}") from None
    raise TypeError(f"expected an aware datetime or Unix seconds, got {_preview(now)} ({type(now).__name__})")


def _diff(before: Any, after: Any, path: "Tuple[Any, ...]", found: "Dict[str, Tuple[Any, Any]]") -> None:
    """Add the leaves that differ between two JSON objects to found, by path (see changes)."""
    for key in [*after, *(key for key in before if key not in after)]:
        old, new = before.get(key), after.get(key)
        if isinstance(old, dict) or isinstance(new, dict):
            # Objects compare member by member; a leaf on the other side went or came.
            _diff(old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {}, path + (key,), found)
            old, new = (None if isinstance(value, dict) else value for value in (old, new))
        # Leaves compare as JSON text, so that 1, 1.0 and true differ as they do on the wire.
        if json.dumps(old) != json.dumps(new):
            found[_format_path(path + (key,))] = (old, new)


class _Response(_Model):
    """A class that reads a whole response (an object with an ``object`` member, or a list
    page). Given a response of another kind, it reports that alone and names the class that
    reads it (CONTRACT.md section 8.4), instead of every member that differs."""

    @classmethod
    def _read_checked(cls: "Type[_T]", data: Any, strict: bool, depth: int) -> _T:
        wrong = _misread(cls, data) if isinstance(data, dict) else None
        if wrong is not None:
            raise wrong
        instance: _T = _Model._read_checked.__func__(cls, data, strict, depth)  # type: ignore[attr-defined]
        return instance


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJob(_Response):
    """A fine-tuning job (``fine_tuning.job``), as the API reports it."""

    id: str
    created_at: int
    model: str
    status: FineTuningJobStatus
    training_file: str
    object: str = _JOB_OBJECT
    error: Optional[FineTuningJobError] = None
    fine_tuned_model: Optional[str] = None
    finished_at: Optional[int] = None
    hyperparameters: Optional[Hyperparameters] = None
    organization_id: Optional[str] = None
    result_files: Optional[Tuple[str, ...]] = None
    trained_tokens: Optional[int] = None
    validation_file: Optional[str] = None
    seed: Optional[int] = None
    integrations: Optional[Tuple[Integration, ...]] = None
    estimated_finish: Optional[int] = None
    method: Optional[Method] = None
    metadata: Optional[Mapping[str, str]] = None
    extra: Mapping[str, Any] = _EMPTY

    # In the order of the API reference, which is the order to_dict writes.
    _FIELDS = (
        _required("id", _check_str),
        _required("created_at", _check_timestamp),
        _required_nullable("error", _EmptyIsNone(FineTuningJobError)),
        _required_nullable("fine_tuned_model", _check_str),
        _required_nullable("finished_at", _check_timestamp),
        _tolerated("hyperparameters", _Nested(Hyperparameters)),
        _required("model", _check_str),
        _required("object", _check_job_object),
        _tolerated("organization_id", _check_str),  # Azure OpenAI sends null
        _tolerated("result_files", _check_strings),  # Azure OpenAI sends null
        _required("status", _check_status),
        _required_nullable("trained_tokens", _check_count),
        _required("training_file", _check_str),
        _required_nullable("validation_file", _check_str),
        _tolerated("seed", _check_seed),  # missing on jobs from before 2024
        _nullable("integrations", _Models(Integration, MAX_INTEGRATIONS)),
        _nullable("estimated_finish", _check_timestamp),
        _optional("method", _Nested(Method)),
        _nullable("metadata", _check_metadata),
    )
    _read_fast = staticmethod(_read_fine_tuning_job)
    to_dict = _write_fine_tuning_job

    @property
    def is_terminal(self) -> bool:
        """Return True when the job has ended (succeeded, failed or cancelled): stop polling."""
        return self.status.is_terminal

    @property
    def created_datetime(self) -> "datetime.datetime":
        """Return ``created_at`` as an aware UTC datetime."""
        return _utc(self.created_at)

    @property
    def finished_datetime(self) -> Optional["datetime.datetime"]:
        """Return ``finished_at`` as an aware UTC datetime, or None."""
        return _datetime(self.finished_at)

    @property
    def estimated_finish_datetime(self) -> Optional["datetime.datetime"]:
        """Return ``estimated_finish`` as an aware UTC datetime; None when there is no estimate."""
        # The API's own examples send 0 for "no estimate": the value stays 0, the time is None.
        return _datetime(self.estimated_finish or None)

    @property
    def duration(self) -> Optional["datetime.timedelta"]:
        """Return how long the job ran, from creation to finish; None until it finishes."""
        if self.finished_at is None:
            return None
        return datetime.timedelta(seconds=self.finished_at - self.created_at)

    def elapsed(self, now: _Moment = None) -> "datetime.timedelta":
        """Return the duration if the job finished, else the time from creation to ``now`` (an
        aware datetime or Unix seconds; the current time when not given). A ``now`` of any other
        kind is a TypeError, whether the job finished or not."""
        moment = _now(now)
        duration = self.duration
        if duration is not None:
            return duration
        return moment - self.created_datetime

    def changes(self, previous: "FineTuningJob") -> Dict[str, Tuple[Any, Any]]:
        """Return what changed since an earlier snapshot of this job: ``{path: (before, after)}``.

        Paths are written as in errors (``$.status``, ``$.method.dpo.hyperparameters.n_epochs``),
        values as plain JSON. Arrays compare whole; an object that appears or disappears is
        reported member by member, with None on the side where it is absent. Paths come in the
        order this snapshot writes its keys, then those only the earlier one had.
        """
        if not isinstance(previous, FineTuningJob):
            # A notebook that runs the module's cell again makes a new FineTuningJob class: a job
            # of the earlier one is still compared, by its fields.
            previous = _from_earlier_run(previous, FineTuningJob)
        if previous.id != self.id:
            raise ValueError(f"cannot compare two different jobs: {previous.id!r} and {self.id!r}")
        found: Dict[str, Tuple[Any, Any]] = {}
        _diff(previous.to_dict(), self.to_dict(), (), found)
        return found

    def summary(self, now: _Moment = None) -> str:
        """Return one line for logs: id, status, models, creation time and how long it took."""
        return _job_summary(self, _now(now))

    def _repr_html_(self) -> str:
        return _job_html(self, _now(None))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(_job_text(self, _now(None)))


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class TrainingMetrics(_Model):
    """A step's training metrics: every member a number that keeps its JSON type, or None."""

    step: Optional[Union[int, float]] = None
    train_loss: Optional[Union[int, float]] = None
    train_mean_token_accuracy: Optional[Union[int, float]] = None
    valid_loss: Optional[Union[int, float]] = None
    valid_mean_token_accuracy: Optional[Union[int, float]] = None
    full_valid_loss: Optional[Union[int, float]] = None
    full_valid_mean_token_accuracy: Optional[Union[int, float]] = None
    extra: Mapping[str, Any] = _EMPTY

    # The SDK writes absent members as null, and real responses add keys (`"type":
    # "supervised"`; a reinforcement job's nested objects): unknown keys, kept in extra.
    _FIELDS = (
        _optional("step", _check_number),
        _optional("train_loss", _check_number),
        _optional("train_mean_token_accuracy", _check_number),
        _optional("valid_loss", _check_number),
        _optional("valid_mean_token_accuracy", _check_number),
        _optional("full_valid_loss", _check_number),
        _optional("full_valid_mean_token_accuracy", _check_number),
    )
    _read_fast = staticmethod(_read_training_metrics)
    to_dict = _write_training_metrics


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobEvent(_Response):
    """What happened to a job (``fine_tuning.job.event``): a message, or a step's metrics."""

    id: str
    created_at: int
    level: str
    message: str
    object: str = _EVENT_OBJECT
    type: Optional[str] = None
    data: Optional[Mapping[str, Any]] = None
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("id", _check_str),
        _required("created_at", _check_timestamp),
        _required("level", _check_event_level),
        _required("message", _check_str),
        _required("object", _check_event_object),
        _optional("type", _check_event_type),  # absent on events from 2023
        _optional("data", _check_json_object),  # opaque content, kept whole
    )
    _read_fast = staticmethod(_read_fine_tuning_job_event)
    to_dict = _write_fine_tuning_job_event

    @property
    def created_datetime(self) -> "datetime.datetime":
        """Return ``created_at`` as an aware UTC datetime."""
        return _utc(self.created_at)

    @property
    def metrics(self) -> Optional["TrainingMetrics"]:
        """Return a metrics event's data read as TrainingMetrics (tolerantly, however the event
        was read); None for other events."""
        if self.type != "metrics" or self.data is None:
            return None
        try:
            return TrainingMetrics._read(_thaw(self.data), False, _MEMBER_LEVEL)
        except _Invalid as exc:
            raise ValidationError(_nested("data", exc), type(self).__name__) from None


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobCheckpoint(_Response):
    """A model saved along the way (``fine_tuning.job.checkpoint``), with its metrics."""

    id: str
    created_at: int
    fine_tuned_model_checkpoint: str
    fine_tuning_job_id: str
    metrics: TrainingMetrics
    step_number: int
    object: str = _CHECKPOINT_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("id", _check_str),
        _required("created_at", _check_timestamp),
        _required("fine_tuned_model_checkpoint", _check_str),
        _required("fine_tuning_job_id", _check_str),
        _required("metrics", _Nested(TrainingMetrics)),
        _required("object", _check_checkpoint_object),
        _required("step_number", _check_count),
    )
    _read_fast = staticmethod(_read_fine_tuning_job_checkpoint)
    to_dict = _write_fine_tuning_job_checkpoint

    @property
    def created_datetime(self) -> "datetime.datetime":
        """Return ``created_at`` as an aware UTC datetime."""
        return _utc(self.created_at)


# ---------------------------------------------------------------------------
# The list pages
# ---------------------------------------------------------------------------

_Item_co = TypeVar("_Item_co", covariant=True)


class _Page(_Response, Generic[_Item_co]):
    """A list page: a sequence of what it holds, as well as the page (``len(page)``, ``for item
    in page``, ``page[0]``; a slice is a tuple)."""

    data: "Tuple[_Item_co, ...]"

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> "Iterator[_Item_co]":
        return iter(self.data)

    @overload
    def __getitem__(self, index: int) -> _Item_co: ...

    @overload
    def __getitem__(self, index: slice) -> "Tuple[_Item_co, ...]": ...

    def __getitem__(self, index: "Union[int, slice]") -> "Union[_Item_co, Tuple[_Item_co, ...]]":
        return self.data[index]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobList(_Page[FineTuningJob]):
    """A page of jobs (``GET /fine_tuning/jobs``): ``{"object": "list", "data": [...], "has_more": ...}``."""

    data: Tuple[FineTuningJob, ...]
    has_more: Optional[bool] = None
    object: str = _LIST_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("object", _check_list_object),
        _required("data", _Models(FineTuningJob)),
        _tolerated("has_more", _check_bool),
    )
    _read_fast = staticmethod(_read_fine_tuning_job_list)
    to_dict = _write_fine_tuning_job_list

    def _repr_html_(self) -> str:
        return _job_list_html(self, _now(None))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(_job_list_text(self, _now(None), _terminal_width()))


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobEventList(_Page[FineTuningJobEvent]):
    """A page of a job's events (``GET /fine_tuning/jobs/{id}/events``), newest first."""

    data: Tuple[FineTuningJobEvent, ...]
    has_more: Optional[bool] = None
    object: str = _LIST_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("object", _check_list_object),
        _required("data", _Models(FineTuningJobEvent)),
        _tolerated("has_more", _check_bool),
    )
    _read_fast = staticmethod(_read_fine_tuning_job_event_list)
    to_dict = _write_fine_tuning_job_event_list

    def _repr_html_(self) -> str:
        return _event_list_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(_event_list_text(self, _terminal_width()))

    def metrics(self) -> List[TrainingMetrics]:
        """Return the metrics of the page's metrics events in step order (the API lists the
        newest first): ``[(m.step, m.train_loss) for m in page.metrics()]`` is a loss curve."""
        return _in_step_order(self.data)


def _in_step_order(events: "Sequence[FineTuningJobEvent]") -> "List[TrainingMetrics]":
    found = [(event.created_at, event.metrics) for event in reversed(events) if event.type == "metrics"]
    return [metrics for _, metrics in sorted(found, key=_by_step) if metrics is not None]


def _by_step(item: "Tuple[int, Optional[TrainingMetrics]]") -> "Tuple[bool, Union[int, float], int]":
    # Metrics without a step come last; equal steps keep the order of their creation.
    created, metrics = item
    step = None if metrics is None else metrics.step
    return (step is None, 0 if step is None else step, created)


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobCheckpointList(_Page[FineTuningJobCheckpoint]):
    """A page of a job's checkpoints (``GET /fine_tuning/jobs/{id}/checkpoints``), newest first."""

    data: Tuple[FineTuningJobCheckpoint, ...]
    first_id: Optional[str] = None
    last_id: Optional[str] = None
    has_more: Optional[bool] = None
    object: str = _LIST_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("object", _check_list_object),
        _required("data", _Models(FineTuningJobCheckpoint)),
        _nullable("first_id", _check_str),  # Azure OpenAI leaves both out
        _nullable("last_id", _check_str),
        _tolerated("has_more", _check_bool),
    )
    _read_fast = staticmethod(_read_fine_tuning_job_checkpoint_list)
    to_dict = _write_fine_tuning_job_checkpoint_list

    def _repr_html_(self) -> str:
        return _checkpoint_list_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(_checkpoint_list_text(self, _terminal_width()))


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobWebhookEventData(_Model):
    """The ``data`` of a webhook event: the id of the job it is about."""

    id: str
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (_required("id", _check_str),)
    _read_fast = staticmethod(_read_fine_tuning_job_webhook_event_data)
    to_dict = _write_fine_tuning_job_webhook_event_data


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningJobWebhookEvent(_Response):
    """A job's end, pushed to a webhook (``fine_tuning.job.succeeded``, ``.failed``, ``.cancelled``)."""

    id: str
    created_at: int
    type: str
    data: FineTuningJobWebhookEventData
    object: Optional[str] = _WEBHOOK_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("id", _check_str),
        _required("created_at", _check_timestamp),
        _required("type", _check_webhook_type),
        _required("data", _Nested(FineTuningJobWebhookEventData)),
        _optional("object", _check_webhook_object),
    )
    _read_fast = staticmethod(_read_fine_tuning_job_webhook_event)
    to_dict = _write_fine_tuning_job_webhook_event

    @property
    def job_id(self) -> str:
        """Return the id of the job the event is about (``data.id``)."""
        return self.data.id

    @property
    def created_datetime(self) -> "datetime.datetime":
        """Return ``created_at``, when the job ended, as an aware UTC datetime."""
        return _utc(self.created_at)

    @property
    def is_known(self) -> bool:
        """Return True for the three types the module knows (succeeded, failed, cancelled)."""
        return self.type in _WEBHOOK_TYPES


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningCheckpointPermission(_Response):
    """A checkpoint shared with a project (``checkpoint.permission``)."""

    id: str
    created_at: int
    project_id: str
    object: str = _PERMISSION_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("id", _check_str),
        _required("created_at", _check_timestamp),
        _required("object", _check_permission_object),
        _required("project_id", _check_str),
    )
    _read_fast = staticmethod(_read_fine_tuning_checkpoint_permission)
    to_dict = _write_fine_tuning_checkpoint_permission

    @property
    def created_datetime(self) -> "datetime.datetime":
        """Return ``created_at`` as an aware UTC datetime."""
        return _utc(self.created_at)


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningCheckpointPermissionDeleted(_Response):
    """What deleting a checkpoint permission returns: its id and ``deleted``."""

    id: str
    deleted: bool
    object: str = _PERMISSION_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("id", _check_str),
        _required("object", _check_permission_object),
        _required("deleted", _check_bool),
    )
    _read_fast = staticmethod(_read_fine_tuning_checkpoint_permission_deleted)
    to_dict = _write_fine_tuning_checkpoint_permission_deleted


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FineTuningCheckpointPermissionList(_Page[FineTuningCheckpointPermission]):
    """A page of a checkpoint's permissions (``GET /fine_tuning/checkpoints/{id}/permissions``)."""

    data: Tuple[FineTuningCheckpointPermission, ...]
    first_id: Optional[str] = None
    last_id: Optional[str] = None
    has_more: Optional[bool] = None
    object: str = _LIST_OBJECT
    extra: Mapping[str, Any] = _EMPTY

    _FIELDS = (
        _required("object", _check_list_object),
        _required("data", _Models(FineTuningCheckpointPermission)),
        _nullable("first_id", _check_str),
        _nullable("last_id", _check_str),
        _tolerated("has_more", _check_bool),
    )
    _read_fast = staticmethod(_read_fine_tuning_checkpoint_permission_list)
    to_dict = _write_fine_tuning_checkpoint_permission_list


# Which class reads each kind of response, picked from the response itself (CONTRACT.md 8.4,
# 9.1, 9.3): the class of each `object`, and the page class of each class of item. Named in the
# message when a response is given to another class; the command line reads by them too.
_READERS: "Dict[str, Type[_Model]]" = {
    _JOB_OBJECT: FineTuningJob,
    _EVENT_OBJECT: FineTuningJobEvent,
    _CHECKPOINT_OBJECT: FineTuningJobCheckpoint,
    _PERMISSION_OBJECT: FineTuningCheckpointPermission,
}
_PAGES: "Dict[Type[_Model], Type[_Model]]" = {
    FineTuningJob: FineTuningJobList,
    FineTuningJobEvent: FineTuningJobEventList,
    FineTuningJobCheckpoint: FineTuningJobCheckpointList,
    FineTuningCheckpointPermission: FineTuningCheckpointPermissionList,
}
# Two kinds that say the same `object` are told apart by one member, which one of them has.
_TOLD_APART: "Dict[FrozenSet[type], Tuple[str, type]]" = {
    frozenset([FineTuningCheckpointPermission, FineTuningCheckpointPermissionDeleted]): (
        "deleted",
        FineTuningCheckpointPermissionDeleted,
    ),
    frozenset([FineTuningJobWebhookEvent, FineTuningJobEvent]): ("level", FineTuningJobEvent),
}


def _reader_of(value: Any) -> "Optional[Type[_Model]]":
    """The class that reads a single object, picked from its members; None for none the module
    reads (a list page, training data, another product's object)."""
    if type(value) is not dict:
        return None
    kind, typed = value.get("object"), value.get("type")
    if kind == _WEBHOOK_OBJECT:
        # With a level, "event" is the legacy 2023 event, an event of the wrong shape for the
        # event reader to report; without one, a webhook event (of another product's, its reader
        # says at $.type).
        return FineTuningJobEvent if "level" in value else FineTuningJobWebhookEvent
    if "object" not in value:
        # A webhook event may leave its object out: its fine_tuning.job.* type and no level tell.
        is_webhook = type(typed) is str and typed.startswith(_WEBHOOK_TYPE_PREFIX) and "level" not in value
        return FineTuningJobWebhookEvent if is_webhook else None
    if kind == _PERMISSION_OBJECT and "deleted" in value:
        return FineTuningCheckpointPermissionDeleted
    return _READERS.get(kind) if type(kind) is str else None


def _items_reader(page: "Dict[Any, Any]") -> "Optional[Type[_Model]]":
    """The class of the items of a list page: that of its first item a page class holds."""
    items = page.get("data")
    readers = map(_reader_of, items) if type(items) is list else iter(())
    return next((reader for reader in readers if reader in _PAGES), None)


def _object_of(cls: "Type[_Model]") -> str:
    return next(f.check.expected for f in cls._FIELDS if f.key == "object" and isinstance(f.check, _Constant))


def _misread(cls: "Type[_Model]", data: "Dict[Any, Any]") -> "Optional[_Invalid]":
    """The problem of a response of another kind than cls reads (CONTRACT.md section 8.4), or
    None: at the member that is wrong (`$.object`), or at `$` for a page of another kind."""
    page_of = {page: items for items, page in _PAGES.items()}
    if data.get("object") == _LIST_OBJECT:
        items = _items_reader(data)
        if cls in page_of:
            if items is None or _PAGES[items] is cls:
                return None  # an empty page, or one of unknown objects, fits any page class
            message = (
                f"expected a page of {_object_of(page_of[cls])} objects, got a page of {_object_of(items)} objects"
            )
            return _problem(f"{message}: read it with {_PAGES[items].__name__}", data)
        reader = _PAGES[items] if items is not None else FineTuningJobList
        what = " (a list page)" if items is None else f" (a page of {_object_of(items)} objects)"
    else:
        found, what = _reader_of(data), ""
        if found is None or found is cls:
            return None
        reader = found
    own = _object_of(cls)  # a page's is "list"
    told_apart = _TOLD_APART.get(frozenset([cls, reader]))
    if told_apart is not None and data.get("object") == own:
        # The kinds share an object: the member that tells them apart is what is wrong. Only when
        # data has it; without it, the class that wants it says it is missing.
        member, has_it = told_apart
        if has_it is cls:
            return None
        message = f"a key that a {cls.__name__} does not have: read it with {reader.__name__}"
        return _Invalid([ErrorDetail((member,), message, data[member])])
    got = json.dumps(data["object"]) if "object" in data else "no object member"
    message = f"expected {json.dumps(own)}, got {got}{what}: read it with {reader.__name__}"
    return _Invalid([ErrorDetail(("object",), message, data.get("object"))])


# ---------------------------------------------------------------------------
# Webhooks: verifying a request before reading it (CONTRACT.md section 9.2)
# ---------------------------------------------------------------------------

# The headers of a Standard Webhooks request, and the window a timestamp must fall in, in
# seconds either way (the OpenAI SDK's default).
_WEBHOOK_HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")
_WEBHOOK_TOLERANCE = 300
# What HTTP servers decode header bytes with (ASGI hands names and values over as bytes).
_HEADER_ENCODING = "latin-1"
# The most digits a webhook-timestamp is read with: 12 make the year 9999, the rest is padding.
_TIMESTAMP_DIGITS = 20
# A secret that starts with this is the base64 of the key (Standard Webhooks' serialisation).
_SECRET_PREFIX = "whsec_"


class WebhookVerificationError(ValueError):
    """A webhook request refused: the message says which rule it broke, and never holds the
    secret or a signature the module computed."""


def verify_webhook(
    body: Union[bytes, bytearray, str],
    headers: Any,
    secret: str,
    *,
    tolerance: float = _WEBHOOK_TOLERANCE,
    now: Union[int, float, "datetime.datetime", None] = None,
) -> None:
    """Check that a webhook request was signed with the endpoint's secret and sent within
    ``tolerance`` seconds of ``now`` (either way); raise WebhookVerificationError if not.

    ``body`` is the request body exactly as received; ``headers`` the request's headers in any
    container (a mapping, an ``http.client`` or ``email`` message, a list of (name, value) pairs);
    ``now`` is Unix seconds or an aware datetime, the current time when not given.
    """
    _verified_text(body, headers, secret, tolerance, now)


def unwrap_webhook(
    body: Union[bytes, bytearray, str],
    headers: Any,
    secret: str,
    *,
    tolerance: float = _WEBHOOK_TOLERANCE,
    now: Union[int, float, "datetime.datetime", None] = None,
) -> FineTuningJobWebhookEvent:
    """Verify a webhook request as verify_webhook does, then read its body tolerantly. A request
    that fails verification raises WebhookVerificationError; a body that is not a fine-tuning
    job event, ValidationError."""
    return FineTuningJobWebhookEvent.from_json(_verified_text(body, headers, secret, tolerance, now))


def _verified_text(body: Any, headers: Any, secret: Any, tolerance: Any, now: Any) -> str:
    """Verify a webhook request (CONTRACT.md section 9.2) and return its body as text.

    The rules, in the order they are checked: the caller's arguments (body, secret, tolerance,
    now), the three headers, the timestamp's form and window, a v1 signature, a body that is
    text, and last the signature itself. The body is read as given, never parsed here.
    """
    # Only verification needs these: `import finetuning_job` stays as fast as it was.
    import base64  # noqa: PLC0415
    import hashlib  # noqa: PLC0415
    import hmac  # noqa: PLC0415

    if not isinstance(body, (bytes, bytearray, str)):
        raise WebhookVerificationError(f"body: expected bytes or str, got {type(body).__name__}")
    key = _webhook_key(secret)
    window = _webhook_tolerance(tolerance)
    current = _webhook_now(now)
    webhook_id, timestamp, signatures = _webhook_headers(headers)
    _check_webhook_time(timestamp, current, window)
    # Entries of other versions (v1a, asymmetric) are ignored, as are entries without a version.
    candidates = [entry[3:] for entry in signatures.split() if entry.startswith("v1,")]
    if not candidates:
        raise WebhookVerificationError(
            'header webhook-signature: no v1 signature (expected "v1,<base64>" entries separated by spaces)'
        )
    raw: Union[bytes, bytearray]
    if isinstance(body, str):
        try:
            text, raw = body, body.encode()
        except UnicodeEncodeError as exc:
            raise WebhookVerificationError(f"body: not valid Unicode text (character {exc.start})") from None
    else:
        try:
            text, raw = body.decode(), body
        except UnicodeDecodeError as exc:
            raise WebhookVerificationError(f"body: not valid UTF-8 (byte {exc.start})") from None
    # The signed content is `<webhook-id>.<webhook-timestamp>.<body>`: the body goes to the MAC
    # as it is, without being copied into one string with the rest.
    mac = hmac.new(key, f"{webhook_id}.{timestamp}.".encode(), hashlib.sha256)
    mac.update(raw)
    expected = base64.b64encode(mac.digest())
    # Each entry is compared in constant time; one that is not ASCII cannot be base64 at all.
    if not any(hmac.compare_digest(expected, entry.encode()) for entry in candidates if entry.isascii()):
        raise WebhookVerificationError(
            "header webhook-signature: no v1 signature matches"
            " (the wrong secret, or a body that is not the exact bytes received?)"
        )
    return text


def _webhook_key(secret: Any) -> bytes:
    """Return the HMAC key of a secret: the base64 after whsec_, or the secret's own UTF-8."""
    import base64  # noqa: PLC0415

    if not isinstance(secret, str):
        raise WebhookVerificationError(f"secret: expected a string, got {type(secret).__name__}")
    if not secret:
        raise WebhookVerificationError("secret: empty")
    if not _is_text(secret):
        raise WebhookVerificationError("secret: not valid Unicode text")
    if not secret.startswith(_SECRET_PREFIX):
        return secret.encode()
    # validate=True: a secret with a stray character (a newline, a space) is refused rather than
    # decoded without it, as base64.b64decode does by default.
    try:
        key = base64.b64decode(secret[len(_SECRET_PREFIX) :], validate=True)
    except ValueError:  # binascii.Error, or text that is not ASCII
        raise WebhookVerificationError(f'secret: expected base64 after "{_SECRET_PREFIX}"') from None
    if not key:
        raise WebhookVerificationError(f'secret: no key after "{_SECRET_PREFIX}"')
    return key


def _webhook_tolerance(tolerance: Any) -> "Union[int, float]":
    """Return tolerance if it is a finite number of seconds >= 0 (a bool is no number here)."""
    if (
        isinstance(tolerance, (int, float))
        and not isinstance(tolerance, bool)
        and (isinstance(tolerance, int) or math.isfinite(tolerance))
        and tolerance >= 0
    ):
        return tolerance
    raise WebhookVerificationError(f"tolerance: expected a number of seconds >= 0, got {_preview(tolerance)}")


def _webhook_now(now: Any) -> int:
    """Return now in whole Unix seconds (the current time when None), as the SDK counts it."""
    if now is None:
        import time  # noqa: PLC0415 (looked up at each call, so that a test clock can stand in)

        return math.floor(time.time())
    if isinstance(now, datetime.datetime):
        try:
            offset = now.utcoffset()
        except Exception:  # a time zone that gives no usable offset: as good as none
            offset = None
        if offset is None:
            raise WebhookVerificationError("now: expected Unix seconds or an aware datetime, got a naive datetime")
        return math.floor(now.timestamp())
    if isinstance(now, (int, float)) and not isinstance(now, bool) and (isinstance(now, int) or math.isfinite(now)):
        return math.floor(now)
    raise WebhookVerificationError(f"now: expected Unix seconds or an aware datetime, got {_preview(now)}")


def _webhook_headers(headers: Any) -> "Tuple[str, str, str]":
    """Return the values of webhook-id, webhook-timestamp and webhook-signature from any
    container of headers, names matched as HTTP matches them (ASCII, in any case)."""
    found: Dict[str, List[str]] = {name: [] for name in _WEBHOOK_HEADERS}
    try:
        if isinstance(headers, (list, tuple)):
            pairs: Any = headers
        elif callable(getattr(headers, "items", None)):
            pairs = headers.items()  # a mapping, an email or http.client message, a framework's own
        else:
            raise WebhookVerificationError(
                f"headers: expected a mapping or a list of (name, value) pairs, got {type(headers).__name__}"
            )
        for index, pair in enumerate(pairs):
            if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                raise WebhookVerificationError(f"headers[{index}]: expected a (name, value) pair, got {_preview(pair)}")
            name, value = pair
            if isinstance(name, (bytes, bytearray)):
                name = bytes(name).decode(_HEADER_ENCODING)
            key = name.lower() if isinstance(name, str) and name.isascii() else None
            if key in found:
                found[key].append(_header_text(key, value))
    except WebhookVerificationError:
        raise
    except Exception as exc:  # a container that fails to list its items is refused, as bad input is
        raise WebhookVerificationError(f"headers: could not be read ({type(exc).__name__})") from None
    missing = [name for name, values in found.items() if not values]
    if missing:
        raise WebhookVerificationError(f"missing header{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    for name, values in found.items():
        # Two different values would leave open which one was verified and which one is used.
        if len(set(values)) > 1:
            raise WebhookVerificationError(f"header {name}: given more than once, with different values")
    return found["webhook-id"][0], found["webhook-timestamp"][0], found["webhook-signature"][0]


def _header_text(name: str, value: Any) -> str:
    """Return the value of the header name as text: bytes as Latin-1, text that is valid as it is."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode(_HEADER_ENCODING)
    if not isinstance(value, str):
        raise WebhookVerificationError(f"header {name}: expected a string, got {type(value).__name__}")
    if not _is_text(value):
        raise WebhookVerificationError(f"header {name}: not valid Unicode text")
    return str.__str__(value)  # a str subclass as plain text, whatever its own __str__ says


def _check_webhook_time(timestamp: str, current: int, window: "Union[int, float]") -> None:
    """Refuse a webhook-timestamp that is not decimal digits or is outside the window."""
    if not (timestamp.isascii() and timestamp.isdigit()):
        raise WebhookVerificationError(
            f"header webhook-timestamp: expected Unix seconds (decimal digits), got {_preview(timestamp)}"
        )
    # More digits than that are far in the future (or padded past sense): not read as a number.
    sent = int(timestamp) if len(timestamp) <= _TIMESTAMP_DIGITS else None
    if sent is not None and current - sent > window:
        raise WebhookVerificationError(
            f"header webhook-timestamp: too old, more than {_preview(window)} seconds before now"
        )
    if sent is None or sent - current > window:
        hint = _milliseconds(sent, MAX_TIMESTAMP)
        raise WebhookVerificationError(
            f"header webhook-timestamp: too new, more than {_preview(window)} seconds after now{hint}"
        )


# ---------------------------------------------------------------------------
# Display: one-line summaries, text tables, and HTML for notebooks
# ---------------------------------------------------------------------------


def _format_duration(delta: "datetime.timedelta") -> str:
    seconds = int(delta.total_seconds())
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if days:
        return f"{sign}{days}d {hours:02d}h"  # minutes are noise at this scale
    if hours:
        return f"{sign}{hours}h {minutes:02d}m {seconds:02d}s"
    return f"{sign}{minutes}m {seconds:02d}s"


def _utc_text(moment: "datetime.datetime") -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _took(job: FineTuningJob, now: "datetime.datetime") -> str:
    """How long the job ran, how long it has been running, or "-" (ended with no finish time)."""
    if job.duration is not None:
        return _format_duration(job.duration)
    if not job.is_terminal:
        return _format_duration(job.elapsed(now)) + " so far"
    return "-"


def _status_text(status: FineTuningJobStatus) -> str:
    # An unknown status is shown as given with a "?", so that it does not pass for a known one.
    return status.value if status.is_known else status.value + "?"


# Text from a remote service goes to terminals: a control character in it (a newline in a
# message, an escape sequence) would break a table's line or drive the terminal. The text
# displays write each one escaped, as Python writes it in a string literal (\n, \x1b).
_CONTROLS = {code: repr(chr(code))[1:-1] for code in (*range(0x20), *range(0x7F, 0xA0))}


def _printable(text: str) -> str:
    return text.translate(_CONTROLS)


def _settings_text(values: "Mapping[str, Any]") -> str:
    """``beta=0.1, x_note="café"``: each member as its key and its JSON value."""
    return ", ".join(f"{key}={json.dumps(value, ensure_ascii=False)}" for key, value in values.items())


def _method_text(job: FineTuningJob) -> str:
    """The method and the hyperparameters that apply to it: ``dpo: beta=0.1, n_epochs=2``."""
    method = job.method
    block = getattr(method, method.type, None) if method is not None and method.is_known else None
    settings = getattr(block, "hyperparameters", None) or job.hyperparameters
    text = _settings_text(settings.to_dict()) if settings is not None else ""
    kind = method.type if method is not None else "supervised"
    return f"{kind}: {text}" if text else kind


def _integration_text(integration: Integration) -> str:
    """``wandb: project="bot", tags=["v2"]``: the members of the block that the type names, then
    the integration's other members; a type the module does not know is marked with "?"."""
    members = integration.to_dict()
    kind = members.pop("type")
    block = members.pop(kind) if isinstance(members.get(kind), dict) else {}
    text = ", ".join(part for part in (_settings_text(block), _settings_text(members)) if part)
    name = kind if integration.is_known else kind + "?"
    return f"{name}: {text}" if text else name


def _tokens_text(job: FineTuningJob) -> str:
    return "-" if job.trained_tokens is None else f"{job.trained_tokens:,}"


def _several(label: str, texts: "Sequence[str]") -> "List[Tuple[str, str]]":
    """A fact of several items, a row each: the label on the first row only."""
    return [(label if i == 0 else "", text) for i, text in enumerate(texts)]


def _job_facts(job: FineTuningJob, now: "datetime.datetime") -> "List[Tuple[str, str]]":
    """The job at a glance, as (label, text) rows: what the card and the text view both show.
    The error of a failed job comes first; integrations and metadata only when there are some."""
    finished = job.finished_datetime
    facts = [("status", _status_text(job.status))]
    if job.error is not None:
        facts.append(("error", f"{job.error.code}: {job.error.message}"))
    facts += [
        ("model", job.model),
        ("fine-tuned model", job.fine_tuned_model or "-"),
        ("created", _utc_text(job.created_datetime)),
        ("finished", "-" if finished is None else _utc_text(finished)),
        ("duration", _took(job, now)),
        ("trained tokens", _tokens_text(job)),
        ("method", _method_text(job)),
        ("training file", job.training_file),
        ("validation file", job.validation_file or "-"),
        ("result files", ", ".join(job.result_files or ()) or "-"),
        ("seed", "-" if job.seed is None else str(job.seed)),
    ]
    facts += _several("integrations", [_integration_text(integration) for integration in job.integrations or ()])
    metadata = job.metadata or {}
    facts += _several("metadata", [f"{key}={json.dumps(value, ensure_ascii=False)}" for key, value in metadata.items()])
    return facts


def _job_summary(job: FineTuningJob, now: "datetime.datetime") -> str:
    parts = [job.id, _status_text(job.status)]
    if job.error is not None:
        parts.append(f"({job.error.code})")
    models = job.model if job.fine_tuned_model is None else f"{job.model} -> {job.fine_tuned_model}"
    line = " ".join(parts) + f" {models}, created {_utc_text(job.created_datetime)}, duration {_took(job, now)}"
    return _printable(line)


def _job_text(job: FineTuningJob, now: "datetime.datetime") -> str:
    """The job on several lines, a row of facts a line: IPython's plain-text view."""
    facts = _job_facts(job, now)
    width = max(len(label) for label, _ in facts)
    lines = [f"FineTuningJob {job.id}"] + [f"  {label.ljust(width)}  {text}" for label, text in facts]
    return "\n".join(_printable(line) for line in lines)


def _count(number: int, noun: str) -> str:
    """``1 job``, ``1,000 jobs``: a count is written with thousands separators, wherever it is."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _tally(values: "Sequence[str]") -> str:
    """``1,200 running, 1 failed``: how many of each value, in the order first seen."""
    counts: Dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return ", ".join(f"{n:,} {_printable(value)}" for value, n in counts.items())


def _counts(values: "Sequence[str]", noun: str) -> str:
    """``3 jobs: 2 running, 1 failed``: how many in all, then how many of each value."""
    total = _count(len(values), noun)
    return f"{total}: {_tally(values)}" if values else total


def _status_counts(statuses: "Sequence[str]") -> str:
    """``3 jobs: 1 running, 1 failed, 1 paused``, statuses in the order first seen."""
    return _counts(statuses, "job")


def _more(has_more: "Optional[bool]") -> str:
    """What a page's counts end with when another page follows it."""
    return "; more on the next page" if has_more else ""


# A page shown in a notebook shows its first rows, then says how many more it holds; its counts
# and its chart take in every item. (All 1,000 rows of a page of jobs made 1.2 MB of HTML.)
_SHOWN_ROWS = 100


def _rest(items: "Sequence[Any]", noun: str) -> "List[str]":
    """``… 900 more jobs on this page``, when a display shows only the first rows of a page."""
    rest = len(items) - _SHOWN_ROWS
    return [f"\u2026 {_count(rest, 'more ' + noun)} on this page"] if rest > 0 else []


# HTML for notebooks (Jupyter, VS Code and Colab read _repr_html_). Every value is escaped: it
# comes from a remote service. No script, no stylesheet, no font: inline styles only. Text takes
# the page's own colour, so that light and dark themes both read. No one colour can read at 4.5:1
# on both white and Jupyter's dark background (#111111): the best reaches 4.35:1. So coloured
# text sits on a badge of its own colour: white on each badge reads at 4.5:1 or more, and each
# badge stands out from both backgrounds at 3:1 or more (WCAG's rule for parts of a display).
_BADGE_COLOURS = {
    "succeeded": "#1b863a",
    "failed": "#dd303c",
    "cancelled": "#6b7683",
    "running": "#0a71ea",
    "queued": "#9f6a00",
    "validating_files": "#9f6a00",
    "paused": "#8859e1",
}
_LEVEL_COLOURS = {"warn": "#9f6a00", "error": "#dd303c"}
_RULE = "1px solid rgba(128, 128, 128, 0.35)"
_CELL = "text-align: left; vertical-align: top; padding: 0.15em 0.8em 0.15em 0;"
_ONE_LINE = _CELL + " white-space: nowrap;"
_LABEL = _ONE_LINE + " font-weight: normal; opacity: 0.7;"


def _escape(text: str) -> str:
    import html  # noqa: PLC0415 (only the displays need it, and its import costs 1.7 ms: keep `import finetuning_job` fast)

    return html.escape(text, quote=True)


def _badge(text: str, colour: "Optional[str]") -> str:
    """Text on a badge of the colour given; None: outlined in the page's own colour."""
    look = (
        f"background: {colour}; color: #ffffff; border: 1px solid {colour};"
        if colour
        else "border: 1px dashed currentColor;"
    )
    return (
        f'<span style="{look} border-radius: 1em; padding: 0 0.6em; font-size: 0.85em; white-space: nowrap;">'
        f"{_escape(text)}</span>"
    )


def _status_badge(status: FineTuningJobStatus) -> str:
    return _badge(_status_text(status), _BADGE_COLOURS.get(status.value))


def _code_html(text: str) -> str:
    return f'<span style="font-family: monospace;">{_escape(text)}</span>'


def _job_html(job: FineTuningJob, now: "datetime.datetime") -> str:
    facts: List[Tuple[str, List[str]]] = []
    for label, text in _job_facts(job, now)[1:]:  # not the status: the badge shows it
        if label:
            facts.append((label, [text]))
        else:  # an item of the fact above: a line of its cell
            facts[-1][1].append(text)
    rows = "".join(
        f'<tr><th style="{_LABEL}">{_escape(label)}</th>'
        f'<td style="{_CELL}">{"<br>".join(_escape(text) for text in texts)}</td></tr>'
        for label, texts in facts
    )
    return (
        f'<div class="finetuning-job" style="border: {_RULE}; border-radius: 6px; padding: 0.6em 0.9em;'
        ' display: inline-block; max-width: 100%; line-height: 1.5;">'
        f'<div style="margin-bottom: 0.3em;"><span style="font-family: monospace; font-weight: bold;">'
        f"{_escape(job.id)}</span> {_status_badge(job.status)}</div>"
        f'<table style="border-collapse: collapse; margin: 0;">{rows}</table></div>'
    )


# The tables of jobs, events and checkpoints: each column is defined once, for the text table and
# the HTML one. A text table fits the width it is given (None: anything): first it cuts the cells
# that may be cut, each ending with "…", then it leaves out columns, the least useful first. Ids,
# file names, fine-tuned model names and error codes are never cut: people copy and search them.
class _Column:
    """A column of a table. Its functions take an item (a job, an event, a checkpoint) and the
    current time.

    title: as HTML writes it; a text table writes it in capitals. text: the cell as text. html:
    the cell as HTML (None: the text, escaped). cut: which items' cells may be cut to fit a width
    (None: none). cut_least: a cut cell keeps at least this many characters, its "…" included.
    leave_out: to fit a width, columns are left out by this rank, 1 first (0: never). wraps: in
    HTML, its cells may wrap onto several lines. optional: left out of a table where no cell has
    a value (every one is "-").
    """

    __slots__ = ("cut", "cut_least", "html", "leave_out", "optional", "text", "title", "wraps")

    def __init__(
        self,
        title: str,
        text: "Callable[[Any, datetime.datetime], str]",
        html: "Optional[Callable[[Any, datetime.datetime], str]]" = None,
        *,
        cut: "Optional[Callable[[Any], bool]]" = None,
        cut_least: int = 12,
        leave_out: int = 0,
        wraps: bool = False,
        optional: bool = False,
    ) -> None:
        self.title, self.text, self.html, self.cut, self.cut_least = title, text, html, cut, cut_least
        self.leave_out, self.wraps, self.optional = leave_out, wraps, optional


def _model_html(job: FineTuningJob, now: "datetime.datetime") -> str:
    if job.fine_tuned_model is None:
        return _escape(job.model)
    # A fine-tuned name is long (ft:BASE:ORG:SUFFIX:ID): it may break after a colon.
    return _escape(job.fine_tuned_model).replace(":", ":<wbr>")


def _error_html(job: FineTuningJob, now: "datetime.datetime") -> str:
    error = job.error
    return "-" if error is None else f'<span title="{_escape(error.message)}">{_escape(error.code)}</span>'


# Jobs. A job's model is the fine-tuned one once there is one (its name holds the base model's),
# else the base model, which may be cut (to 12 characters at least). To fit, the columns left
# out are, in turn: tokens (a detail of cost), duration, creation time, the model, the error
# code. ID and status stay. Tokens and errors have a column only where some job has them.
_JOB_COLUMNS = (
    _Column("ID", lambda job, now: job.id, lambda job, now: _code_html(job.id)),
    _Column("status", lambda job, now: _status_text(job.status), lambda job, now: _status_badge(job.status)),
    _Column(
        "model",
        lambda job, now: job.fine_tuned_model or job.model,
        _model_html,
        cut=lambda job: job.fine_tuned_model is None,
        leave_out=4,
        wraps=True,
    ),
    _Column("tokens", lambda job, now: _tokens_text(job), leave_out=1, optional=True),
    _Column("created (UTC)", lambda job, now: job.created_datetime.strftime("%Y-%m-%d %H:%M"), leave_out=3),
    _Column("duration", _took, leave_out=2),
    _Column(
        "error",
        lambda job, now: "-" if job.error is None else job.error.code,
        _error_html,
        leave_out=5,
        wraps=True,
        optional=True,
    ),
)


_GAP = "  "  # between two columns


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _room(widths: "Sequence[int]", shown: "Sequence[int]") -> int:
    return sum(widths[i] for i in shown) + len(_GAP) * (len(shown) - 1)


def _text_table(
    columns: "Sequence[_Column]", items: "Sequence[Any]", now: "datetime.datetime", width: "Optional[int]"
) -> "List[str]":
    """The titles in capitals, then a line per item, each line within width characters where the
    table can be made to fit (see _Column); with width None, nothing is cut or left out."""
    cells = [[_printable(column.text(item, now)) for item in items] for column in columns]
    shown = [i for i, column in enumerate(columns) if not column.optional or any(c != "-" for c in cells[i])]
    full = [max(map(len, [column.title, *cells[i]])) for i, column in enumerate(columns)]
    least = list(full)  # the narrowest each column may be made
    for i, column in enumerate(columns):
        if column.cut is not None:
            whole = [len(cell) for cell, item in zip(cells[i], items) if not column.cut(item)]
            least[i] = max([min(full[i], column.cut_least), len(column.title), *whole])
    widths = full
    if width is not None:
        for _, i in sorted((columns[i].leave_out, i) for i in shown if columns[i].leave_out):
            if _room(least, shown) <= width:
                break
            shown.remove(i)
        spare, widths = width - _room(least, shown), list(least)
        for i in shown:  # what room is left goes to the columns that were cut, left to right
            widths[i] = min(full[i], least[i] + max(spare, 0))
            spare -= widths[i] - least[i]
    lines = []
    for row in [[column.title.upper() for column in columns], *zip(*cells)]:
        texts = [_cut(row[i], widths[i]) for i in shown]
        # The last cell is not padded: a line ends where its text does.
        lines.append(_GAP.join([*(text.ljust(widths[i]) for i, text in zip(shown, texts[:-1])), texts[-1]]))
    return lines


def _html_table(columns: "Sequence[_Column]", items: "Sequence[Any]", now: "datetime.datetime", noun: str) -> str:
    """The first _SHOWN_ROWS items as a table, then a row that says how many more there are."""
    first = items[:_SHOWN_ROWS]
    shown = [c for c in columns if not c.optional or any(c.text(item, now) != "-" for item in first)]
    head = "".join(
        f'<th style="{_ONE_LINE} border-bottom: {_RULE}; font-weight: bold;">{_escape(c.title)}</th>' for c in shown
    )
    body = [
        "<tr>"
        + "".join(
            f'<td style="{_CELL if c.wraps else _ONE_LINE}">'
            f"{_escape(c.text(item, now)) if c.html is None else c.html(item, now)}</td>"
            for c in shown
        )
        + "</tr>"
        for item in first
    ]
    body += [
        f'<tr><td colspan="{len(shown)}" style="{_CELL} opacity: 0.75;">{_escape(line)}</td></tr>'
        for line in _rest(items, noun)
    ]
    table = '<table style="border-collapse: collapse; margin: 0;">'
    return f"{table}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _list_html(name: str, chart: str, table: str, note: str) -> str:
    """A page in HTML: its chart (if any), its table, and a note under them, a little fainter."""
    return (
        f'<div class="{name}" style="line-height: 1.5;">{chart}{table}'
        f'<div style="opacity: 0.75; margin-top: 0.3em;">{_escape(note)}</div></div>'
    )


def _jobs_table(jobs: "Sequence[FineTuningJob]", now: "datetime.datetime", width: "Optional[int]") -> "List[str]":
    """The table of jobs: a title line, then a line per job, within width columns (None: all in full)."""
    return _text_table(_JOB_COLUMNS, jobs, now, width)


def _job_list_text(page: FineTuningJobList, now: "datetime.datetime", width: "Optional[int]") -> str:
    counts = _status_counts([_status_text(job.status) for job in page.data])
    lines = [f"FineTuningJobList: {counts}{_more(page.has_more)}"]
    lines += _jobs_table(page.data[:_SHOWN_ROWS], now, width)
    return "\n".join(lines + _rest(page.data, "job"))


def _terminal_width() -> int:
    """The terminal's width in columns: where IPython's plain-text view is shown (80 where the
    output is not a terminal, as in Jupyter, which shows the HTML)."""
    import shutil  # noqa: PLC0415 (only IPython's plain-text view of a page needs it)

    return shutil.get_terminal_size().columns


def _job_list_html(page: FineTuningJobList, now: "datetime.datetime") -> str:
    counts = _status_counts([_status_text(job.status) for job in page.data])
    table = _html_table(_JOB_COLUMNS, page.data, now, "job")
    return _list_html("finetuning-job-list", "", table, f"{counts}{_more(page.has_more)}.")


# Events and checkpoints: a loss curve is what people look at. In a terminal, a sparkline; in a
# notebook, a chart drawn as inline SVG, with no dependency.
_SPARKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
_SPARKLINE_WIDTH = 40
# (the member of TrainingMetrics, its name, its colour, its dashes) for each loss. Lines are
# drawn on the page's own background: each colour stands out from white and from #111111 at
# 4.3:1, near the best any colour can, and the dashes tell the lines apart without colour.
_LOSSES = (
    ("train_loss", "train loss", "#3876e0", ""),
    ("valid_loss", "valid loss", "#c05e08", "6 3"),
    ("full_valid_loss", "full valid loss", "#1d8b3c", "2 3"),
)
_Series = List[Tuple[Union[int, float], Union[int, float]]]
# A chart draws at most this many points of a series, evenly chosen, the first and the last among
# them. (All the points of 5,000 events made 2 MB of HTML.)
_CHART_POINTS = 300


def _number_text(value: "Union[int, float]") -> str:
    return f"{value:.4g}" if type(value) is float else str(value)


def _float(value: "Union[int, float]") -> float:
    """A number as a float; an integer too large for one as the largest float of its sign."""
    try:
        return float(value)
    except OverflowError:  # (ints compare with floats exactly, however large)
        return max(-sys.float_info.max, min(sys.float_info.max, value))


def _loss_series(
    points: "Sequence[Tuple[Union[int, float], TrainingMetrics]]",
) -> "List[Tuple[str, str, str, _Series]]":
    """(name, colour, dashes, [(step, loss), ...] in step order) for each loss the metrics hold."""
    found = []
    for member, name, colour, dashes in _LOSSES:
        series = sorted(
            (step, getattr(metrics, member)) for step, metrics in points if getattr(metrics, member) is not None
        )
        if series:
            found.append((name, colour, dashes, series))
    return found


def _sparkline(values: "Sequence[Union[int, float]]") -> str:
    """Values as block characters, lowest ▁ to highest █, at most _SPARKLINE_WIDTH of them."""
    numbers = [_float(value) for value in values]
    if len(numbers) > _SPARKLINE_WIDTH:  # the mean of each of _SPARKLINE_WIDTH runs of values
        cuts = [round(i * len(numbers) / _SPARKLINE_WIDTH) for i in range(_SPARKLINE_WIDTH + 1)]
        numbers = [sum(number / (b - a) for number in numbers[a:b]) for a, b in zip(cuts, cuts[1:])]
    low, high = min(numbers), max(numbers)
    span = high / 2 - low / 2  # in halves, so that no difference of two floats overflows
    if span == 0:  # all equal, or too close to tell apart (0 and 5e-324)
        return _SPARKS[3] * len(numbers)
    return "".join(_SPARKS[min(7, int((n / 2 - low / 2) / span * 8))] for n in numbers)


def _loss_summaries(points: "Sequence[Tuple[Union[int, float], TrainingMetrics]]") -> "List[str]":
    """``train loss 2.31 ▇▆▅▄▃▂▂▁ 0.41 over steps 1-120``, a line per loss the metrics hold."""
    lines = []
    for name, _, _, series in _loss_series(points):
        losses = [loss for _, loss in series]
        first, last = _number_text(series[0][0]), _number_text(series[-1][0])
        steps = f"step {first}" if len(series) == 1 else f"steps {first}-{last}"
        lines.append(f"{name} {losses[0]:.3g} {_sparkline(losses)} {losses[-1]:.3g} over {steps}")
    return lines


def _ticks(low: float, high: float) -> "List[float]":
    """Round values from at most low to at least high (low < high), steps of 1, 2 or 5 times a
    power of ten."""
    span = high - low
    exponent = math.floor(math.log10(span) - math.log10(4))  # (span / 4 may be too small for a float)
    step = 10.0 ** max(exponent, -300)  # 10.0 ** -324 is 0
    step *= next(m for m in (1, 2, 5, 10) if span / (step * m) <= 6)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [(first + i) * step for i in range(max(last - first, 1) + 1)]


def _axis(values: "Sequence[float]") -> "Tuple[List[float], Callable[[float], float]]":
    """An axis over values: its ticks, and where a value falls on it, from 0 at the first tick
    to 1 at the last. A single value has a single tick, in the middle."""
    low, high = min(values), max(values)
    if low == high:
        return [low], lambda value: 0.5
    ticks = _ticks(low, high) if math.isfinite(high - low) else [low, high]
    if not math.isfinite(ticks[-1] - ticks[0]):  # round ticks beyond the largest float
        ticks = [low, high]
    first, last = ticks[0] / 2, ticks[-1] / 2  # in halves, so that no difference overflows
    return ticks, lambda value: (value / 2 - first) / (last - first)


def _evenly(points: _Series, limit: int) -> _Series:
    """At most limit points, evenly chosen, the first and the last among them."""
    if len(points) <= limit:
        return points
    return [points[round(i * (len(points) - 1) / (limit - 1))] for i in range(limit)]


def _loss_chart_svg(series: "List[Tuple[str, str, str, _Series]]") -> str:
    """An SVG line chart of losses by step: axes with labelled ticks, a legend, a title per series."""
    width, height, left, right, top, bottom = 560, 230, 52, 16, 30, 36
    drawn = [
        (name, colour, dashes, [(_float(step), _float(loss)) for step, loss in _evenly(points, _CHART_POINTS)])
        for name, colour, dashes, points in series
    ]
    x_ticks, x_at = _axis([step for _, _, _, points in drawn for step, _ in points])
    y_ticks, y_at = _axis([loss for _, _, _, points in drawn for _, loss in points])

    def x(step: float) -> float:
        return left + x_at(step) * (width - left - right)

    def y(loss: float) -> float:
        return height - bottom - y_at(loss) * (height - top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        ' role="img" style="font: 11px sans-serif; color: inherit;">',
        "<title>Loss by step</title>",
    ]
    for tick in y_ticks:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"'
            ' stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="currentColor">{tick:.3g}</text>'
        )
    for tick in x_ticks:
        parts.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{height - bottom}" y2="{height - bottom + 4}"'
            ' stroke="currentColor"/>'
            f'<text x="{x(tick):.1f}" y="{height - bottom + 16}" text-anchor="middle" fill="currentColor">'
            f"{tick:g}</text>"
        )
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{height - bottom}" y2="{height - bottom}" stroke="currentColor"/>'
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{height - bottom}" stroke="currentColor"/>'
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 4}" text-anchor="middle" fill="currentColor">'
        "step</text>"
    )
    legend_x = left + 8
    for name, colour, dashes, points in drawn:
        path = " ".join(f"{x(step):.1f},{y(loss):.1f}" for step, loss in points)
        dots = (
            "".join(f'<circle cx="{x(s):.1f}" cy="{y(v):.1f}" r="2.5"/>' for s, v in points)
            if len(points) <= 40
            else ""
        )
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        parts.append(
            f'<g fill="{colour}" stroke="{colour}"><title>{_escape(name)}</title>'
            f'<polyline points="{path}" fill="none" stroke-width="2"{dash}/>{dots}</g>'
            f'<g><line x1="{legend_x}" x2="{legend_x + 20}" y1="{top - 16}" y2="{top - 16}" stroke="{colour}"'
            f' stroke-width="2"{dash}/>'
            f'<text x="{legend_x + 24}" y="{top - 12}" fill="currentColor">{_escape(name)}</text></g>'
        )
        legend_x += 36 + 7 * len(name)
    parts.append("</svg>")
    return "".join(parts)


def _chart_html(points: "Sequence[Tuple[Union[int, float], TrainingMetrics]]") -> str:
    series = _loss_series(points)
    if not series:
        return '<div style="opacity: 0.75;">No training metrics on this page.</div>'
    return f'<div style="margin: 0.2em 0 0.6em 0;">{_loss_chart_svg(series)}</div>'


def _level_text(level: str) -> str:
    return level if level in _EVENT_LEVELS else level + "?"


def _level_html(event: FineTuningJobEvent, now: "datetime.datetime") -> str:
    if event.level == "info":
        return "info"
    return _badge(_level_text(event.level), _LEVEL_COLOURS.get(event.level))


def _type_text(event: FineTuningJobEvent, now: "datetime.datetime") -> str:
    return "-" if event.type is None else event.type if event.type in _EVENT_TYPES else event.type + "?"


# Events. Messages may be cut (to 32 characters at least: they are what people read). To fit,
# the columns left out are, in turn: the type (the message mostly says it), the id (wanted only
# to ask for the next page), the time. Level and message stay.
_EVENT_COLUMNS = (
    _Column("ID", lambda event, now: event.id, lambda event, now: _code_html(event.id), leave_out=2),
    _Column("created (UTC)", lambda event, now: event.created_datetime.strftime("%Y-%m-%d %H:%M:%S"), leave_out=3),
    _Column("level", lambda event, now: _level_text(event.level), _level_html),
    _Column("type", _type_text, leave_out=1),
    _Column("message", lambda event, now: event.message, cut=lambda event: True, cut_least=32, wraps=True),
)


def _loss_text(value: "Optional[Union[int, float]]") -> str:
    return "-" if value is None else _number_text(value)


# Checkpoints. Nothing is cut: the model is the name to use the checkpoint by. To fit, the
# columns left out are, in turn: the full validation loss, the validation loss, the training
# loss. Step and model stay. A loss that no checkpoint has is left out.
_CHECKPOINT_COLUMNS = (
    _Column("step", lambda checkpoint, now: str(checkpoint.step_number)),
    _Column(
        "train loss", lambda checkpoint, now: _loss_text(checkpoint.metrics.train_loss), leave_out=3, optional=True
    ),
    _Column(
        "valid loss", lambda checkpoint, now: _loss_text(checkpoint.metrics.valid_loss), leave_out=2, optional=True
    ),
    _Column(
        "full valid loss",
        lambda checkpoint, now: _loss_text(checkpoint.metrics.full_valid_loss),
        leave_out=1,
        optional=True,
    ),
    _Column(
        "model",
        lambda checkpoint, now: checkpoint.fine_tuned_model_checkpoint,
        lambda checkpoint, now: _code_html(checkpoint.fine_tuned_model_checkpoint),
        wraps=True,
    ),
)


# Webhook events: the job each is about and how it ended stay; to fit, the event's id goes, then
# its time. Permissions: the project stays; the id goes, then the time. Deleted permissions: both.
_WEBHOOK_COLUMNS = (
    _Column("ID", lambda event, now: event.id, leave_out=1),
    _Column("created (UTC)", lambda event, now: event.created_datetime.strftime("%Y-%m-%d %H:%M:%S"), leave_out=2),
    _Column("type", lambda event, now: event.type if event.is_known else event.type + "?"),
    _Column("job", lambda event, now: event.job_id),
)
_PERMISSION_COLUMNS = (
    _Column("ID", lambda permission, now: permission.id, leave_out=1),
    _Column("created (UTC)", lambda item, now: item.created_datetime.strftime("%Y-%m-%d %H:%M:%S"), leave_out=2),
    _Column("project", lambda permission, now: permission.project_id),
)
_DELETED_COLUMNS = (
    _Column("ID", lambda deleted, now: deleted.id),
    _Column("deleted", lambda deleted, now: "yes" if deleted.deleted else "no"),
)


def _events_table(events: "Sequence[FineTuningJobEvent]", width: "Optional[int]") -> "List[str]":
    """The table of events: a title line, then a line per event, within width columns (None: all in full)."""
    return _text_table(_EVENT_COLUMNS, events, _now(0), width)  # (its columns do not read the time)


def _checkpoints_table(checkpoints: "Sequence[FineTuningJobCheckpoint]", width: "Optional[int]") -> "List[str]":
    """The table of checkpoints: a title line, then a line per checkpoint, within width columns (None: all in full)."""
    return _text_table(_CHECKPOINT_COLUMNS, checkpoints, _now(0), width)


def _event_points(events: "Sequence[FineTuningJobEvent]") -> "List[Tuple[Union[int, float], TrainingMetrics]]":
    return [(metrics.step, metrics) for metrics in _in_step_order(events) if metrics.step is not None]


def _checkpoint_points(
    checkpoints: "Sequence[FineTuningJobCheckpoint]",
) -> "List[Tuple[Union[int, float], TrainingMetrics]]":
    return [(checkpoint.step_number, checkpoint.metrics) for checkpoint in checkpoints]


def _event_list_text(page: FineTuningJobEventList, width: "Optional[int]") -> str:
    counts = _counts([_level_text(event.level) for event in page.data], "event")
    lines = [f"FineTuningJobEventList: {counts}{_more(page.has_more)}"]
    lines += _events_table(page.data[:_SHOWN_ROWS], width) + _rest(page.data, "event")
    return "\n".join(lines + _loss_summaries(_event_points(page.data)))


def _checkpoint_list_text(page: FineTuningJobCheckpointList, width: "Optional[int]") -> str:
    lines = [f"FineTuningJobCheckpointList: {_count(len(page.data), 'checkpoint')}{_more(page.has_more)}"]
    lines += _checkpoints_table(page.data[:_SHOWN_ROWS], width) + _rest(page.data, "checkpoint")
    return "\n".join(lines + _loss_summaries(_checkpoint_points(page.data)))


def _event_list_html(page: FineTuningJobEventList) -> str:
    counts = _counts([_level_text(event.level) for event in page.data], "event")
    table = _html_table(_EVENT_COLUMNS, page.data, _now(0), "event")
    chart = _chart_html(_event_points(page.data))
    return _list_html("finetuning-job-events", chart, table, f"{counts}{_more(page.has_more)}. Newest first.")


def _checkpoint_list_html(page: FineTuningJobCheckpointList) -> str:
    counts = _count(len(page.data), "checkpoint")
    table = _html_table(_CHECKPOINT_COLUMNS, page.data, _now(0), "checkpoint")
    chart = _chart_html(_checkpoint_points(page.data))
    return _list_html("finetuning-job-checkpoints", chart, table, f"{counts}{_more(page.has_more)}. Newest first.")


# ---------------------------------------------------------------------------
# Reading files and streams: a JSON document, or JSON Lines
# ---------------------------------------------------------------------------


_Item = Union[
    FineTuningJob,
    FineTuningJobEvent,
    FineTuningJobCheckpoint,
    FineTuningJobWebhookEvent,
    FineTuningCheckpointPermission,
    FineTuningCheckpointPermissionDeleted,
]


class FileEntry(NamedTuple):
    """One JSON value that read_file read: a whole document, or one line of JSON Lines, with its
    valid objects (itself, or a list page's valid items) and every problem found in it."""

    line: Optional[int]  # its line in JSON Lines; None for a document
    items: Tuple[_Item, ...]
    errors: Tuple[ErrorDetail, ...]  # paths from the top of the value: $.data[3].status
    has_more: Optional[bool]  # a list page's has_more (False when not given); None for an object
    last_id: Optional[str]  # the id of a list page's last item: the API's `after` for the next page


def read_file(
    source: Union[str, "os.PathLike[str]", IO[bytes], IO[str]], *, strict: bool = False
) -> Iterator[FileEntry]:
    """Read the jobs, events, checkpoints, webhook events and permissions of a file (by its path)
    or an open stream.

    The input is one JSON document or JSON Lines (one value per line); each value is read by
    the class its ``object`` names, a list page item by item. Yield a FileEntry per value (none
    for an input with no value at all); problems are in the entries, never raised. A path is
    opened when the first entry is asked for; OSError comes from reading, as from open().
    """
    if isinstance(source, (str, os.PathLike)):
        return _read_path(source, strict)
    if not callable(getattr(source, "readline", None)):
        raise TypeError(f"read_file reads a path or an open file, not {type(source).__name__}: wrap text in io.BytesIO")
    return _read_stream(source, strict)


def _read_path(path: "Union[str, os.PathLike[str]]", strict: bool) -> "Iterator[FileEntry]":
    with open(path, "rb") as stream:
        yield from _read_stream(stream, strict)


def _read_stream(stream: Any, strict: bool) -> "Iterator[FileEntry]":
    first_training: Any = None  # a file of training examples is named once, at its first
    for line, value in _values(stream):
        if isinstance(value, _Invalid):
            yield FileEntry(line, (), tuple(value.problems), None, None)
        elif _training_data(value) is None:
            yield _entry(line, value, strict)
        elif first_training is None:
            first_training = value
            got = f"got fine-tuning training data ({_training_data(value)})"
            yield FileEntry(line, (), (ErrorDetail((), f"expected {_WHAT_IS_READ}, {got}", value),), None, None)


def _values(stream: Any) -> "Iterator[Tuple[Optional[int], Any]]":
    """Yield (line number or None, JSON value or _Invalid) for each value of a stream.

    A stream whose first line is a whole JSON value is JSON Lines, read line by line, so memory
    stays bounded (one line and nothing else is a document). Any other stream is read whole:
    it is one JSON document, whatever its line breaks, or, when it is not, JSON Lines with a
    broken line first, if a later line is a JSON object that starts in the line's first column
    (a document's nested objects are indented).
    """
    number, skipped, first = 1, [], stream.readline()
    while first and not first.strip():
        skipped.append(first)
        number, first = number + 1, stream.readline()
    if not first:
        return
    head = _parse(first, line=True)
    if not isinstance(head, _Invalid):
        rest = _lines(enumerate(stream, number + 1))
        second = next(rest, None)
        if second is None:
            yield None, head
            return
        yield number, head
        yield second
        yield from rest
        return
    text = first[:0].join([*skipped, first]) + stream.read()  # blank lines kept: json counts the lines
    lines = text.split(b"\n" if isinstance(text, bytes) else "\n")
    whole = _parse(text, line=False)
    if isinstance(whole, _Invalid) and _one_value_per_line(lines[number:]):
        yield from _lines(enumerate(lines[number - 1 :], number))
    else:
        yield None, whole


def _one_value_per_line(lines: "List[Any]") -> bool:
    """Whether the lines after a broken first one make JSON Lines: one of them is a JSON object
    that starts in the line's first column (a document's nested lines are indented), and the
    next line does not close an array around it (as after a document's unindented last item)."""
    rest = [text.lstrip()[:1] for text in lines if text.strip()]
    for index, text in enumerate(text for text in lines if text.strip()):
        closes = index + 1 < len(rest) and rest[index + 1] in (b"]", b"}", "]", "}")
        if text[:1] in (b"{", "{") and not closes and type(_parse(text, line=True)) is dict:
            return True
    return False


def _lines(numbered: Any) -> "Iterator[Tuple[Optional[int], Any]]":
    for number, text in numbered:
        if text.strip():
            yield number, _parse(text, line=True)


def _parse(text: Any, *, line: bool) -> Any:
    """Return the JSON value of an input or of one of its lines, or the _Invalid that says why
    there is none."""
    if line:  # a position is a column within the line: its end is not part of it
        text = text.rstrip(b"\r\n" if isinstance(text, bytes) else "\r\n")
    try:
        return _loads(text, line=line, whole=True)
    except _Invalid as exc:
        return exc


# What read_file reads, and what it names when it is given something else.
_WHAT_IS_READ = "a fine-tuning job, event, checkpoint, webhook event or checkpoint permission, or a list page of them"
# Files that people give a fine-tuning job (OpenAI's fine-tuning guide: one example per line).
_TRAINING_DATA = (
    (("messages",), "chat messages"),
    (("prompt", "completion"), "a prompt and completion"),
    (("preferred_output", "non_preferred_output"), "a preference pair"),
)


def _training_data(value: Any) -> "Optional[str]":
    """Name the kind of training example value is, or None: it has no object and the keys of one."""
    if type(value) is not dict or "object" in value:
        return None
    return next((kind for keys, kind in _TRAINING_DATA if all(key in value for key in keys)), None)


def _entry(line: "Optional[int]", value: Any, strict: bool) -> FileEntry:
    """Read a value by its kind (a job when it is none the module reads), a list page item by
    item, so that a bad item does not hide the good ones."""
    items = value.get("data") if type(value) is dict and value.get("object") == _LIST_OBJECT else None
    if type(items) is not list:
        try:
            return FileEntry(
                line, (_read_item(_reader_of(value) or FineTuningJob, value, strict, _TOP_LEVEL),), (), None, None
            )
        except _Invalid as exc:
            return FileEntry(line, (), tuple(exc.problems), None, None)
    held = _items_reader(value) or FineTuningJob
    read, errors = [], []
    try:
        _PAGES[held]._read({**value, "data": []}, strict, _TOP_LEVEL)  # the page around its items
    except _Invalid as exc:
        errors.extend(exc.problems)
    for index, item in enumerate(items):
        try:
            read.append(_read_item(held, item, strict, _PAGE_ITEM_LEVEL))
        except _Invalid as exc:
            errors.extend(_nested("data", _Invalid(_nested(index, exc))))
    last = items[-1] if items and type(items[-1]) is dict else {}
    last_id = last.get("id") if type(last.get("id")) is str else None
    return FileEntry(line, tuple(read), tuple(errors), value.get("has_more") is True, last_id)


def _read_item(cls: "Type[_Model]", value: Any, strict: bool, depth: int) -> _Item:
    item: Any = cls._read(value, strict, depth)
    read: _Item = item
    return read


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------

_STDIN = "<stdin>"
_STDOUT = "<stdout>"
# Of one input, at most this many problems are written; then a line says how many more there were.
MAX_PROBLEMS_SHOWN = 50
_NO_VALUE = "no JSON value"


class _Problems:
    """The problems of one input as lines, the first MAX_PROBLEMS_SHOWN of them, the rest counted:
    written to out as they come (with --json, which streams), or kept to follow the tables."""

    def __init__(self, label: str, out: Any) -> None:
        self.label, self.out, self.count = label, out, 0
        self.lines: List[str] = []

    def add(self, where: str, text: str) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS_SHOWN:
            self.line(f"{where}: {text}")

    def line(self, text: str) -> None:
        if self.out is None:
            self.lines.append(text + "\n")
        else:
            self.out.write(text + "\n")

    def close(self) -> None:
        if self.count > MAX_PROBLEMS_SHOWN:
            self.line(f"{self.label}: ... and {self.count - MAX_PROBLEMS_SHOWN:,} more problems")


class _OutputFailed(Exception):
    """Writing to standard output failed: its OSError is args[0]. Kept apart from OSError, which
    is what reading an input raises, so that a full disk is never blamed on an input."""


def _write(stdout: Any, text: str) -> None:
    try:
        stdout.write(text)
    except OSError as exc:
        raise _OutputFailed(exc) from None


def _flush(stdout: Any) -> None:
    try:
        stdout.flush()
    except OSError as exc:
        raise _OutputFailed(exc) from None


def _tables(
    found: "List[Tuple[str, _Model]]", several: bool, now: "datetime.datetime", width: "Optional[int]"
) -> "List[List[str]]":
    """A table for each kind of item read, a heading per input when there are several, then its
    totals and, for metrics, a loss line per input with a sparkline."""
    tables = []
    for kind, columns, totals, points in _TABLES:
        items = [(label, item) for label, item in found if type(item) is kind]
        if items:
            lines = _text_table(columns, [item for _, item in items], now, width)
            table = _with_headings(lines, [label for label, _ in items], several)
            table.append(totals([item for _, item in items]))
            tables.append(table + (_metrics_lines(items, points, several) if points is not None else []))
    return tables


# The command line's tables, one for each kind of item: (class, columns, totals, metrics points).
_TABLES: "Tuple[Tuple[type, Tuple[_Column, ...], Callable[[Any], str], Optional[Callable[[Any], Any]]], ...]" = (
    (FineTuningJob, _JOB_COLUMNS, lambda jobs: _status_counts([_status_text(job.status) for job in jobs]), None),
    (
        FineTuningJobEvent,
        _EVENT_COLUMNS,
        lambda events: f"{_count(len(events), 'event')}: " + _tally([_level_text(event.level) for event in events]),
        _event_points,
    ),
    (FineTuningJobCheckpoint, _CHECKPOINT_COLUMNS, lambda items: _count(len(items), "checkpoint"), _checkpoint_points),
    (
        FineTuningJobWebhookEvent,
        _WEBHOOK_COLUMNS,
        lambda events: f"{_count(len(events), 'webhook event')}: " + _tally([event.type for event in events]),
        None,
    ),
    (FineTuningCheckpointPermission, _PERMISSION_COLUMNS, lambda items: _count(len(items), "permission"), None),
    (
        FineTuningCheckpointPermissionDeleted,
        _DELETED_COLUMNS,
        lambda items: _count(len(items), "deleted permission"),
        None,
    ),
)


def _with_headings(lines: "List[str]", labels: "List[str]", several: bool) -> "List[str]":
    """The header line, then each row; with several inputs, a heading before each input's rows."""
    out = lines[:1]
    for index, (label, line) in enumerate(zip(labels, lines[1:])):
        if several and (index == 0 or labels[index - 1] != label):
            out.append(f"==> {label} <==")
        out.append(line)
    return out


def _metrics_lines(items: "List[Tuple[str, Any]]", points: "Callable[[Any], Any]", several: bool) -> "List[str]":
    """The loss lines of each input's items, prefixed by the input's name when there are several."""
    lines = []
    for label in dict.fromkeys(label for label, _ in items):
        for line in _loss_summaries(points([item for name, item in items if name == label])):
            lines.append(f"{label}: {line}" if several else line)
    return lines


def _page_note(pages: "List[FileEntry]", read_nothing: bool) -> "Optional[str]":
    """What an input's list pages say beyond their items: more to come after the last page read
    (and the id to continue after), or, when the input held nothing else, that they are empty."""
    if not pages:
        return None
    last = pages[-1]
    if last.has_more:
        return "more on the next page" + ("" if last.last_id is None else f": after={last.last_id}")
    return ("an empty list page" if len(pages) == 1 else f"{len(pages):,} empty list pages") if read_nothing else None


def _width(wide: bool, stdout: Any, environ: "Mapping[str, str]") -> "Optional[int]":
    """The width to fit tables to: COLUMNS when it is set (to a positive number), else that of the
    terminal written to; None (nothing cut) with --wide, or when writing to a pipe or a file."""
    if wide:
        return None
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stdout.fileno()).columns if stdout.isatty() else None
    except (AttributeError, OSError, ValueError):  # a stand-in stream, or one already closed
        return None


def _program_name() -> str:
    """The program as it was called: python -m finetuning_job, finetuning_job.py, or the
    installed finetuning-job (also the name when another program calls main)."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name in ("finetuning_job", "finetuning_job.__main__"):
        return "python -m finetuning_job"
    called = os.path.basename(sys.argv[0]) if sys.argv else ""
    return "finetuning_job.py" if called == "finetuning_job.py" else "finetuning-job"


def main(
    argv: Optional[Sequence[str]] = None,
    *,
    stdin: Any = None,
    stdout: Any = None,
    stderr: Any = None,
    now: Optional["datetime.datetime"] = None,
) -> int:
    """Check and summarise fine-tuning jobs, events and checkpoints from files; return the exit status.

    0: every object valid; 1: an object was invalid or malformed, or an input held no JSON
    value; 2: a usage error, an unreadable file, or output that could not be written. The
    streams and the clock (``now``, for jobs still running) are parameters for tests.
    """
    import argparse  # noqa: PLC0415 (only the program needs it: keep `import finetuning_job` fast)

    stdin = sys.stdin.buffer if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    stderr = sys.stderr if stderr is None else stderr
    parser = argparse.ArgumentParser(
        prog=_program_name(),
        description=(
            "Check OpenAI fine-tuning jobs, job events, checkpoints, webhook events and checkpoint "
            "permissions, and summarise them. Each FILE holds one of them, a list page of them, or JSON "
            "Lines (one of those per line)."
        ),
        epilog=(
            "Exit status: 0 all valid, 1 an invalid or malformed object or an input with no JSON value, "
            "2 a usage error, an unreadable file or output that cannot be written."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a file to read; - for standard input")
    parser.add_argument("--json", action="store_true", help="write each object read as canonical JSON, one per line")
    parser.add_argument("--strict", action="store_true", help="enforce the schema to the letter")
    parser.add_argument(
        "--wide",
        action="store_true",
        help="show tables in full, cutting nothing (by default they fit COLUMNS, or the terminal written to)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    now = _now(now)
    several = len(args.files) > 1
    status = 0
    found: List[Tuple[str, _Model]] = []  # (the input, an item read from it) for the tables
    notes: List[str] = []  # what the inputs' list pages say beyond their items
    problems: List[str] = []  # to follow the tables (with --json, written as they come)
    try:
        for name in args.files:
            label = _STDIN if name == "-" else name
            wrong = _Problems(label, stderr if args.json else None)
            emit = functools.partial(_write_json, stdout) if args.json else functools.partial(_found, found, label)
            code, note = _read_input(stdin if name == "-" else name, args.strict, emit, wrong)
            status = max(status, code)
            problems += wrong.lines
            if note is not None:
                notes.append(f"{label}: {note}" if several else note)
        if not args.json:
            tables = _tables(found, several, now, _width(args.wide, stdout, os.environ))
            text = "\n".join(["\n\n".join("\n".join(table) for table in tables), *notes] if tables else notes)
            if text:
                _write(stdout, text + "\n")
        _flush(stdout)
    except _OutputFailed as failed:
        _silence(stdout)
        stderr.write("".join(problems))  # what was found in the inputs still holds
        error = failed.args[0]
        if isinstance(error, BrokenPipeError):
            return status  # whoever reads our output went away (`| head`): stop quietly, as Unix tools do
        stderr.write(f"{_STDOUT}: cannot write: {error.strerror or error}\n")
        return 2
    stderr.write("".join(problems))
    return status


def _write_json(stdout: Any, item: _Item) -> None:
    _write(stdout, item.to_json() + "\n")


def _found(found: "List[Tuple[str, _Model]]", label: str, item: _Item) -> None:
    found.append((label, item))


def _read_input(
    source: Any, strict: bool, emit: "Callable[[_Item], None]", wrong: _Problems
) -> "Tuple[int, Optional[str]]":
    """Read one input, giving each valid item to emit and each problem to wrong; return the exit
    status it calls for and what its list pages say beyond their items, if anything."""
    pages: List[FileEntry] = []
    entry: Optional[FileEntry]  # the last value read, if any
    entry, read_nothing = None, True
    try:
        for entry in read_file(source, strict=strict):
            where = wrong.label if entry.line is None else f"{wrong.label}:{entry.line}"
            for error in entry.errors:
                wrong.add(where, str(error))
            for item in entry.items:
                emit(item)
            if entry.has_more is not None:
                pages.append(entry)
            read_nothing = read_nothing and not entry.items and not entry.errors
    except OSError as exc:
        wrong.line(f"{wrong.label}: cannot read: {exc.strerror or exc}")
        wrong.close()
        return 2, None
    if entry is None:
        wrong.add(wrong.label, _NO_VALUE)
    wrong.close()
    return (1 if wrong.count else 0), _page_note(pages, read_nothing)


def _silence(stdout: Any) -> None:
    """Point the real standard output at the null device, so that exit cannot fail to flush it."""
    import contextlib  # noqa: PLC0415 (only the program needs it)

    if stdout is sys.stdout:
        # A stand-in without a file descriptor raises io.UnsupportedOperation, an OSError.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())


# Run as a program (python finetuning_job.py, python -m finetuning_job), not when the file is
# pasted into a notebook cell: that runs as __main__ too, but has no __file__.
if __name__ == "__main__" and "__file__" in globals():
    sys.exit(main())
