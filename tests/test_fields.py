"""The field rules of CONTRACT.md sections 4 and 5 (required, required-nullable, tolerated,
optional, nullable), on a model class built here, so that the machinery every class of the
module is made with is tested on its own terms: presence rules, every kind of checker, the
writer's conversions and a rule across fields."""

import dataclasses
from typing import Any, Dict, List, Optional, Tuple

import pytest

from tests import ftj

PRESENCE = ("required", "required_nullable", "tolerated", "optional", "nullable")


def make_sample() -> Any:
    """A class with a field of each presence and each kind, built as the module builds its own."""

    @dataclasses.dataclass(frozen=True, eq=False, repr=False)
    class Leaf(ftj._Model):
        n: Optional[int] = None
        extra: Any = ftj._EMPTY
        _FIELDS = (ftj._optional("n", ftj._Integer(1, 3)),)

    @dataclasses.dataclass(frozen=True, eq=False, repr=False)
    class Sample(ftj._Model):
        required: Any = None
        required_nullable: Any = None
        tolerated: Any = None
        optional: Any = None
        nullable: Any = None
        text: Optional[str] = None
        number: Optional[int] = None
        choice: Optional[str] = None
        kind: Optional[str] = None
        const: Optional[str] = None
        auto: Any = None
        ratio: Any = None
        leaf: Optional[Leaf] = None
        leaves: Optional[Tuple[Leaf, ...]] = None
        extra: Any = ftj._EMPTY
        # Each presence on an array of strings, written back as a list by its checker's dump.
        _FIELDS = (
            ftj._required("required", ftj._check_strings),
            ftj._required_nullable("required_nullable", ftj._check_strings),
            ftj._tolerated("tolerated", ftj._check_strings),
            ftj._optional("optional", ftj._check_strings),
            ftj._nullable("nullable", ftj._check_strings),
            ftj._optional("text", ftj._check_str),
            ftj._optional("number", ftj._Integer(0, 9)),
            ftj._optional("choice", ftj._Choice(["a", "b"], open_in_tolerant=False)),
            ftj._optional("kind", ftj._Choice(["x"], open_in_tolerant=True)),
            ftj._nullable("const", ftj._Constant("k")),
            ftj._optional("auto", ftj._AutoOrInteger(1, 3)),
            ftj._optional("ratio", ftj._AutoOrNumber(0, 2)),
            ftj._optional("leaf", ftj._Nested(Leaf)),
            ftj._optional("leaves", ftj._Models(Leaf, 2)),
        )

        @classmethod
        def _check_whole(cls, values: Dict[str, Any], data: Dict[str, Any], problems: List[ftj.ErrorDetail]) -> None:
            if values.get("choice") == "b" and values.get("const") is None:
                problems.append(ftj.ErrorDetail(("const",), 'required when choice is "b"', None))

    return Sample, Leaf


FULL: Dict[str, Any] = {
    **{key: [key[0]] for key in PRESENCE},
    "text": "t",
    "number": 5,
    "choice": "a",
    "const": "k",
    "auto": "auto",
    "ratio": 1.5,
    "leaf": {"n": 2},
    "leaves": [{"n": 1}, {}],
}
NULL = "expected an array of strings, got null"

# (key, what to do to it, tolerant reader's problems, strict reader's problems)
CASES: List[Tuple[str, str, List[str], List[str]]] = [
    ("required", "missing", ["$.required: required key missing"], ["$.required: required key missing"]),
    ("required", "null", [f"$.required: {NULL}"], [f"$.required: {NULL}"]),
    ("required_nullable", "missing", [], ["$.required_nullable: required key missing"]),
    ("required_nullable", "null", [], []),
    ("tolerated", "missing", [], ["$.tolerated: required key missing"]),
    ("tolerated", "null", [], [f"$.tolerated: {NULL}"]),
    ("optional", "missing", [], []),
    ("optional", "null", [], [f"$.optional: {NULL}"]),
    ("nullable", "missing", [], []),
    ("nullable", "null", [], []),
    ("leaf", "null", [], ["$.leaf: expected an object, got null"]),
    ("leaves", "null", [], ["$.leaves: expected an array, got null"]),
]


@pytest.mark.parametrize(("key", "change", "tolerant", "strict"), CASES)
def test_presence_rules(key: str, change: str, tolerant: List[str], strict: List[str]) -> None:
    sample, _ = make_sample()
    data = dict(FULL)
    if change == "missing":
        del data[key]
    else:
        data[key] = None
    for mode, expected in ((False, tolerant), (True, strict)):
        if expected:
            with pytest.raises(ftj.ValidationError) as info:
                sample.from_dict(data, strict=mode)
            assert [str(e) for e in info.value.errors] == expected, mode
            continue
        read = sample.from_dict(data, strict=mode)
        assert getattr(read, key) is None
        # Only the required-nullable key is written as null; other Nones are left out.
        assert (key in read.to_dict()) is (key == "required_nullable")


def test_values_are_checked_and_written_back() -> None:
    sample, leaf = make_sample()
    read = sample.from_dict(FULL, strict=True)
    assert read.required == ("r",) and read.leaf == leaf(n=2) and read.leaves == (leaf(n=1), leaf())
    written = read.to_dict()
    assert written == FULL and all(type(written[key]) is list for key in PRESENCE)
    assert sample.from_dict({**FULL, "x": [1]}).extra == {"x": (1,)}
    problems = {
        "text": (5, "$.text: expected a string, got 5 (int)"),
        "number": (10, "$.number: expected an integer in 0..9, got 10"),
        "choice": ("c", '$.choice: expected one of "a", "b", got "c"'),
        "const": ("K", '$.const: expected "k", got "K"'),
        "auto": (4, '$.auto: expected "auto" or an integer in 1..3, got 4'),
        "ratio": (2.5, '$.ratio: expected "auto" or a number > 0 and <= 2, got 2.5'),
        "leaf": ({"n": 4}, "$.leaf.n: expected an integer in 1..3, got 4"),
        "leaves": ([{}, {}, {}], "$.leaves: expected at most 2 items, got 3"),
    }
    for key, (value, message) in problems.items():
        with pytest.raises(ftj.ValidationError) as info:
            sample.from_dict({**FULL, key: value})
        assert [str(e) for e in info.value.errors] == [message]
    for ok in ({"auto": 3}, {"auto": 1}, {"ratio": "auto"}, {"ratio": 2}, {"number": 0}, {"number": 9}):
        assert sample.from_dict({**FULL, **ok}).to_dict() == {**FULL, **ok}


def test_a_rule_across_fields_runs_in_the_strict_reader_once_the_fields_are_valid() -> None:
    sample, _ = make_sample()
    with pytest.raises(ftj.ValidationError) as info:
        sample.from_dict({**FULL, "choice": "b", "const": None}, strict=True)
    assert [str(e) for e in info.value.errors] == ['$.const: required when choice is "b"']
    with pytest.raises(ftj.ValidationError) as info:
        sample.from_dict({**FULL, "choice": "b", "const": None, "number": -1}, strict=True)
    assert [str(e) for e in info.value.errors] == ["$.number: expected an integer in 0..9, got -1"]
    # The tolerant reader reads whatever combination the API sends.
    assert sample.from_dict({**FULL, "choice": "b", "const": None}).const is None


def test_the_constructor_wants_instances_for_nested_fields() -> None:
    sample, leaf = make_sample()
    with pytest.raises(ftj.ValidationError) as info:
        sample(required=["r"], leaves=[{"n": 1}])
    assert [str(e) for e in info.value.errors] == ['$.leaves[0]: expected a Leaf, got {"n": 1} (dict)']
    made = sample(required=("r",), leaf=leaf(n=3))
    assert made.to_dict() == {"required": ["r"], "required_nullable": None, "leaf": {"n": 3}}


def test_an_open_choice_keeps_unknown_values_in_the_tolerant_reader_only() -> None:
    sample, _ = make_sample()
    assert sample.from_dict({**FULL, "kind": "y"}).kind == "y"
    with pytest.raises(ftj.ValidationError) as info:
        sample.from_dict({**FULL, "kind": "y"}, strict=True)
    assert [str(e) for e in info.value.errors] == ['$.kind: expected one of "x", got "y"']
    with pytest.raises(ftj.ValidationError) as info:
        sample.from_dict({**FULL, "kind": "\ud800"})
    assert [str(e) for e in info.value.errors] == ['$.kind: expected one of "x", got "\\ud800"']
