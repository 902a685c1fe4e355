"""The field rules of CONTRACT.md sections 4 and 5 (required, required-nullable, tolerated,
optional, nullable), on a model class built here, so that the machinery every class of the
module is made with is tested on its own terms."""

import dataclasses
from typing import Any, Dict, List, Optional, Tuple

import pytest

from tests import ftj

REQUIRED = ("required key missing", "expected a string, got null")


def make_sample() -> Any:
    """A class with one field of each kind, built the way the module builds its classes."""

    @dataclasses.dataclass(frozen=True, eq=False, repr=False)
    class Leaf(ftj._Model):
        n: Optional[int] = None
        extra: Any = ftj._EMPTY
        _FIELDS = (ftj._optional("n", ftj._int_checker(1, 3)),)

    @dataclasses.dataclass(frozen=True, eq=False, repr=False)
    class Sample(ftj._Model):
        required: Optional[str] = None
        required_nullable: Optional[int] = None
        tolerated: Optional[str] = None
        optional: Optional[str] = None
        nullable: Optional[str] = None
        leaf: Optional[Leaf] = None
        leaves: Optional[Tuple[Leaf, ...]] = None
        extra: Any = ftj._EMPTY
        _FIELDS = (
            ftj._required("required", ftj._check_str),
            ftj._required_nullable("required_nullable", ftj._int_checker(0, 9)),
            ftj._tolerated("tolerated", ftj._check_str),
            ftj._optional("optional", ftj._choice_checker(["a", "b"], open_in_tolerant=False)),
            ftj._nullable("nullable", ftj._const_checker("k")),
            ftj._model_field(ftj._optional("leaf", Leaf._read), Leaf),
            ftj._model_field(ftj._optional("leaves", ftj._models_checker(Leaf, 2)), Leaf, many=True),
        )

    return Sample, Leaf


FULL: Dict[str, Any] = {
    "required": "r",
    "required_nullable": 5,
    "tolerated": "t",
    "optional": "a",
    "nullable": "k",
    "leaf": {"n": 2},
    "leaves": [{"n": 1}, {}],
}

# (key, what to do to it, tolerant reader's problems, strict reader's problems)
CASES: List[Tuple[str, str, List[str], List[str]]] = [
    ("required", "missing", ["$.required: required key missing"], ["$.required: required key missing"]),
    ("required", "null", ["$.required: expected a string, got null"], ["$.required: expected a string, got null"]),
    ("required_nullable", "missing", [], ["$.required_nullable: required key missing"]),
    ("required_nullable", "null", [], []),
    ("tolerated", "missing", [], ["$.tolerated: required key missing"]),
    ("tolerated", "null", [], ["$.tolerated: expected a string, got null"]),
    ("optional", "missing", [], []),
    ("optional", "null", [], ['$.optional: expected one of "a", "b", got null']),
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
    assert read.leaf == leaf(n=2) and read.leaves == (leaf(n=1), leaf())
    assert read.to_dict() == FULL
    assert sample.from_dict({**FULL, "x": [1]}).extra == {"x": (1,)}
    problems = {
        "required_nullable": (10, "$.required_nullable: expected an integer in 0..9, got 10"),
        "optional": ("c", '$.optional: expected one of "a", "b", got "c"'),
        "nullable": ("K", '$.nullable: expected "k", got "K"'),
        "leaf": ({"n": 4}, "$.leaf.n: expected an integer in 1..3, got 4"),
        "leaves": ([{}, {}, {}], "$.leaves: expected at most 2 items, got 3"),
    }
    for key, (value, message) in problems.items():
        with pytest.raises(ftj.ValidationError) as info:
            sample.from_dict({**FULL, key: value})
        assert [str(e) for e in info.value.errors] == [message]
    with pytest.raises(ftj.ValidationError) as info:
        sample(required="r", leaves=[{"n": 1}])
    assert [str(e) for e in info.value.errors] == ['$.leaves[0]: expected a Leaf, got {"n": 1} (dict)']
    assert sample(required="r", leaf=leaf(n=3)).to_dict() == {
        "required": "r",
        "required_nullable": None,
        "leaf": {"n": 3},
    }


@pytest.mark.parametrize("fast", [True, False])
def test_reader_tables_name_their_fast_kinds(fast: bool) -> None:
    sample, _ = make_sample()
    tolerant, strict = ftj._reader_specs(sample._FIELDS, fast=fast)
    kinds = {row[0]: row[2:5] for row in tolerant}
    assert kinds["required"] == ((ftj._TEXT, 0, 0) if fast else (ftj._OTHER, 0, 0))
    assert kinds["required_nullable"] == ((ftj._RANGE, 0, 9) if fast else (ftj._OTHER, 0, 0))
    assert kinds["optional"] == (ftj._OTHER, 0, 0)
    # (missing allowed, null allowed) per mode, from section 4's table.
    rules = {row[0]: row[5:] for row in tolerant}, {row[0]: row[5:] for row in strict}
    assert [rules[0][k] for k in ("required", "required_nullable", "tolerated", "optional", "nullable")] == [
        (False, False),
        (True, True),
        (True, True),
        (True, True),
        (True, True),
    ]
    assert [rules[1][k] for k in ("required", "required_nullable", "tolerated", "optional", "nullable")] == [
        (False, False),
        (False, True),
        (False, False),
        (True, False),
        (True, True),
    ]
