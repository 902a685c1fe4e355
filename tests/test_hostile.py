"""Hostile input: whatever comes in ends as an object or a ValidationError, fast, and every
accepted input round-trips. The example budget grows under HYPOTHESIS_PROFILE=ci."""

import copy
import io
import json
import math
import os
import time
from typing import Any, Dict, List, Tuple

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import BASES, REMOVE, every_job, kind_of, model_of, page, put, read, walk
from tests.strategies import jobs

CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
# Each test below runs this many examples under the ci profile (20,000+ in all).
BUDGET = 4200 if CI else 60
# A single input may take this long before we call it a hang; each takes well under a second.
SLOW = 5.0
hostile = settings(
    max_examples=BUDGET, deadline=SLOW * 1000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

# (kind, payload) for every base payload of the tests.
STARTS: List[Tuple[str, Any]] = [(kind_of(name), make()) for name, make in BASES.items()]
HOSTILE_VALUES: List[Any] = [
    None,
    True,
    0,
    -1,
    2**63,
    10**30,
    1e300,
    -0.0,
    math.nan,
    math.inf,
    "",
    "AUTO",
    "\ud800",
    "x" * 10_000,
    [],
    {},
]


# The slowest single input seen in this run: (seconds, what it was).
SLOWEST: List[Any] = [0.0, ""]


def timed(what: str, start: float) -> None:
    took = time.perf_counter() - start
    assert took < SLOW, f"{what} took {took:.1f} s"
    if took > SLOWEST[0]:
        SLOWEST[:] = [took, what]


def outcome(kind: str, data: Any, strict: bool) -> Any:
    """Read data; return the object (checked to round-trip) or the ValidationError."""
    start = time.perf_counter()
    try:
        result = read(data, kind, strict)
    except ftj.ValidationError as exc:
        result = exc
        for error in exc.errors:
            assert isinstance(error.path, tuple) and error.location.startswith("$")
            shown = error.message.split(", got ", 1)[-1]
            assert len(shown) <= 80 + len(" (float)"), shown
    else:
        cls = type(result)
        assert cls.from_json(result.to_json()) == result
        assert cls.from_dict(result.to_dict(), strict=strict) == result
    timed(f"a {kind} {'strict' if strict else 'tolerant'}", start)
    return result


def paths(data: Any) -> List[Tuple[Any, ...]]:
    """Every path in data: members, items and the containers themselves."""
    return [path for path, _ in walk(data)]


def replaced(data: Any, path: Tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    put(data, path, value)
    return data


def removed(data: Any, path: Tuple[Any, ...]) -> Any:
    return replaced(data, path, REMOVE)


def read_text(kind: str, text: Any, strict: bool) -> None:
    """Read JSON text: a ValidationError, or an object that round-trips."""
    cls = model_of(kind)
    try:
        result = cls.from_json(text, strict=strict)
    except ftj.ValidationError:
        return
    assert cls.from_json(result.to_json()) == result


MUTATION_SITES = [(kind, base, path) for kind, base in STARTS for path in paths(base)]


@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
@pytest.mark.parametrize(("kind", "base"), STARTS, ids=list(BASES))
def test_every_leaf_replaced_by_every_hostile_value(kind: str, base: Any, strict: bool) -> None:
    for path in paths(base):
        for value in HOSTILE_VALUES:
            outcome(kind, replaced(base, path, value), strict)
        if isinstance(path[-1], str):
            outcome(kind, removed(base, path), strict)


@hostile
@given(
    site=st.sampled_from(MUTATION_SITES),
    value=st.sampled_from(HOSTILE_VALUES) | st.integers() | st.floats() | st.text(max_size=20),
    strict=st.booleans(),
)
def test_hostile_values_anywhere(site: Tuple[str, Any, Tuple[Any, ...]], value: Any, strict: bool) -> None:
    kind, base, path = site
    outcome(kind, replaced(base, path, value), strict)


@hostile
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode), strict=st.booleans())
@example(data=b"\xef\xbb\xbf{}", strict=False)
@example(data=json.dumps(every_job()[0]).encode("utf-16"), strict=True)
@example(data=b'{"id": "\xed\xa0\x80"}', strict=False)
def test_arbitrary_bytes(data: bytes, strict: bool) -> None:
    for kind in ("job", "page"):
        read_text(kind, data, strict)


BASE_TEXTS = [(kind, json.dumps(base, ensure_ascii=False)) for kind, base in STARTS]


@hostile
@given(data=st.data(), strict=st.booleans())
def test_valid_text_cut_or_corrupted_at_any_position(data: Any, strict: bool) -> None:
    kind, text = data.draw(st.sampled_from(BASE_TEXTS))
    at = data.draw(st.integers(0, len(text)))
    how = data.draw(st.sampled_from(["cut", "replace", "insert", "delete"]))
    char = data.draw(st.characters())
    changed = {
        "cut": text[:at],
        "replace": text[:at] + char + text[at + 1 :],
        "insert": text[:at] + char + text[at:],
        "delete": text[:at] + text[at + 1 :],
    }[how]
    read_text(kind, changed, strict)


@hostile
@given(data=st.data())
def test_hostile_unknown_keys_and_json_values(data: Any) -> None:
    kind, base = data.draw(st.sampled_from(STARTS))
    junk = data.draw(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.sampled_from(HOSTILE_VALUES),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
            max_leaves=20,
        )
    )
    keys = [p for p in paths(base) if isinstance(p[-1], str)] or [("x",)]
    path = data.draw(st.sampled_from(keys))
    target = path[:-1] + ("x_" + str(path[-1]),)
    outcome(kind, replaced(base, target, junk), data.draw(st.booleans()))


def deep(levels: int) -> Any:
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


@pytest.mark.parametrize("strict", [False, True])
def test_nesting_100000_levels_deep(strict: bool) -> None:
    text = '{"id": ' + "[" * 100_000 + "]" * 100_000 + "}"
    start = time.perf_counter()
    with pytest.raises(ftj.ValidationError, match="nested deeper than 100 levels"):
        ftj.FineTuningJob.from_json(text, strict=strict)
    timed("JSON text nested 100,000 levels", start)
    data = {**every_job()[0], "x_deep": deep(100_000)}
    result = outcome("job", data, strict)
    assert isinstance(result, ftj.ValidationError)


@pytest.mark.parametrize("strict", [False, True])
def test_integers_with_5000_digits(strict: bool) -> None:
    huge = 10**4999 + 7
    for key in ("created_at", "seed", "trained_tokens", "x_big"):
        data = {**every_job()[3], key: huge}
        error = outcome("job", data, strict)
        assert isinstance(error, ftj.ValidationError)
    with pytest.raises(ftj.ValidationError, match="an integer of more than 4300 digits"):
        ftj.FineTuningJob.from_json('{"id": ' + "9" * 5000 + "}", strict=strict)
    hp = {**every_job()[3], "hyperparameters": {"learning_rate_multiplier": huge}}
    assert isinstance(outcome("job", hp, strict), ftj.ValidationError)


def test_a_page_of_20000_jobs() -> None:
    jobs = every_job()
    listed = page([dict(jobs[i % len(jobs)], id=f"ftjob-{i}") for i in range(20_000)])
    text = json.dumps(listed)
    start = time.perf_counter()
    read = ftj.FineTuningJobList.from_json(text)
    assert len(read.data) == 20_000
    assert ftj.FineTuningJobList.from_json(read.to_json()) == read
    broken = json.loads(text)
    broken["data"][19_999]["status"] = 5
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobList.from_dict(broken)
    assert info.value.errors[0].location == "$.data[19999].status"
    took = time.perf_counter() - start
    assert took < 20.0, f"the 20,000-job page took {took:.1f} s"


def test_a_huge_value_is_never_echoed_whole() -> None:
    big: Dict[str, Any] = {"k" * 100_000: ["v" * 100_000] * 100}
    data = {**every_job()[0], "model": big, "id": "\u00e9" * 100_000}
    error = outcome("job", data, False)
    assert isinstance(error, ftj.ValidationError)
    assert len(str(error)) < 600


# --- The command line: any files, however broken, give problem lines and an exit status of 0,
# 1 or 2, never a traceback, and every valid job in them is listed.

LAYOUTS = ["document", "page", "json lines", "junk", "cut", "deep"]
CLI_BUDGET = -(-(2000 if CI else 60) // len(LAYOUTS))  # for each layout of the first file: 2,004 in all in CI


@st.composite
def program_inputs(draw: Any, layout: str = "") -> Tuple[bytes, List[str]]:
    """A file's bytes and the canonical JSON of each valid job in it."""
    valid = draw(st.lists(jobs(), max_size=3))
    broken = [{**job, "created_at": -1} for job in draw(st.lists(jobs(), max_size=2))]
    listed = [ftj.FineTuningJob.from_dict(job).to_json() for job in valid]
    mixed = draw(st.permutations([*valid, *broken]))
    layout = layout or draw(st.sampled_from(LAYOUTS))
    if layout == "document":  # one job, valid or broken, compact or indented
        one = draw(st.sampled_from([*valid, *broken] or [{}]))
        text = json.dumps(one, indent=draw(st.sampled_from([None, 2]))).encode()
        return text, [ftj.FineTuningJob.from_dict(one).to_json()] if one in valid else []
    if layout == "page":
        envelope = draw(st.sampled_from([{}, {"has_more": "no"}, {"x_new": [1]}]))
        return json.dumps({**page(mixed), **envelope}).encode(), listed
    if layout == "json lines":
        lines = [json.dumps(item) for item in mixed]
        for _ in range(draw(st.integers(0, 2))):  # broken lines, blank lines, junk anywhere
            at = draw(st.integers(0, len(lines)))
            lines.insert(at, draw(st.sampled_from(["", "{not json", "[1, 2]", "null", '"text"', "[" * 3000])))
        return "\n".join(lines).encode(), listed
    if layout == "cut":
        text = json.dumps(page(mixed)).encode()
        return text[: draw(st.integers(0, max(0, len(text) - 1)))], []
    if layout == "deep":
        return draw(st.sampled_from([b"[", b'{"a":'])) * draw(st.integers(90, 5000)), []
    return draw(st.binary(max_size=300)), []


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=CLI_BUDGET, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), strict=st.booleans())
def test_the_program_reads_any_files(tmp_path_factory: Any, layout: str, data: Any, strict: bool) -> None:
    inputs = [data.draw(program_inputs(layout))] + data.draw(st.lists(program_inputs(), max_size=2))
    where = tmp_path_factory.mktemp("inputs")
    names = []
    for index, (content, _) in enumerate(inputs):
        path = where / f"input{index}.json"
        path.write_bytes(content)
        names.append(str(path))
    options = ["--strict"] if strict else []
    start = time.perf_counter()
    out, err = io.StringIO(), io.StringIO()
    code = ftj.main([*options, "--json", *names], stdout=out, stderr=err)
    timed("the program on generated files", start)
    assert code in (0, 1, 2)
    written = set(out.getvalue().split("\n"))  # not splitlines(): JSON text may hold U+0085 and U+2028
    if not strict:  # the strict reader may refuse what the API sends; the tolerant one lists it
        for _, listed in inputs:
            assert set(listed) <= written
    for line in err.getvalue().split("\n")[:-1]:
        assert any(line.startswith(name) for name in names), line
    table = io.StringIO()
    assert ftj.main([*options, *names], stdout=table, stderr=io.StringIO()) == code
