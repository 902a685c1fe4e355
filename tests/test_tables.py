"""The tables of fields and the checkers they are made of: every table is the contract's, and
every checker keeps the promise of its quick test (the test the generated readers copy)."""

import importlib.util
import json
import math
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests import ftj
from tests.strategies import CONTRACT, OPAQUE, domain, every_model, json_values, rule_of

ROOT = Path(__file__).resolve().parent.parent


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("_generate", ROOT / "tools" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WRITER = load_generator().Writer(vars(ftj))


def holds(field: Any) -> Optional[str]:
    """What a field holds, in the notation of tests.strategies.CONTRACT."""
    model = field.check.model
    if model is None:
        return OPAQUE if type(field.check).__name__ == "_JsonObject" else None
    return f"[{model.__name__}]" if field.check.many else model.__name__


def test_every_table_is_the_contracts() -> None:
    # A field added to a class's table and not to CONTRACT (the tests' copy of CONTRACT.md's
    # tables) fails here; once added there, every property test draws it from its checker.
    models = every_model()
    assert sorted(cls.__name__ for cls in models) == sorted(CONTRACT)
    for cls in models:
        table = [(field.key, rule_of(field), holds(field)) for field in cls._FIELDS]
        assert table == CONTRACT[cls.__name__], cls.__name__
        assert set(cls.__dataclass_fields__) == {key for key, _, _ in table} | {"extra"}, cls.__name__


def test_a_checker_of_a_kind_the_tests_do_not_know_is_refused_loudly() -> None:
    class _Stranger(ftj._Checker):
        pass

    with pytest.raises(AssertionError, match=r"teach tests/strategies\.py its kind"):
        domain(_Stranger(), strict=False)


# --- Every checker and its quick test

CHECKERS = sorted(
    {
        id(field.check): field.check for cls in every_model() for field in cls._FIELDS if field.check.model is None
    }.values(),
    key=lambda check: WRITER.name_of(check, "checker"),
)


def is_text(value: Any) -> bool:
    return type(value) is str and all(not 0xD800 <= ord(char) <= 0xDFFF for char in value)


def is_json(value: Any, depth: int) -> bool:
    if type(value) in (dict, list) and depth > ftj.MAX_DEPTH:
        return False
    if type(value) is dict:
        return all(is_text(key) and is_json(item, depth + 1) for key, item in value.items())
    if type(value) is list:
        return all(is_json(item, depth + 1) for item in value)
    return value is None or type(value) is bool or is_text(value) or is_number(value)


def is_number(value: Any) -> bool:
    return (type(value) is int and abs(value) < 10**ftj.MAX_INT_DIGITS) or (
        type(value) is float and math.isfinite(value)
    )


def strings(value: Any, limit: Optional[int] = None) -> bool:
    return is_text(value) and (limit is None or len(value) <= limit)


# Which values each kind of checker must take, written from CONTRACT.md, not from the module.
VALID: Dict[str, Callable[[Any, Any, bool], bool]] = {
    "_Text": lambda check, v, strict: is_text(v),
    "_Boolean": lambda check, v, strict: type(v) is bool,
    "_Number": lambda check, v, strict: is_number(v),
    "_Integer": lambda check, v, strict: type(v) is int and check.low <= v <= check.high,
    "_Constant": lambda check, v, strict: type(v) is str and v == check.expected,
    "_Choice": lambda check, v, strict: (
        type(v) is str
        and (v in check.choices or (check.open_in_tolerant and not strict and is_text(v) and v not in check.never))
    ),
    "_PrefixedChoice": lambda check, v, strict: (
        type(v) is str and (v in check.choices or (not strict and is_text(v) and v.startswith(check.prefix)))
    ),
    "_Status": lambda check, v, strict: type(v) is str and (v in ftj._STATUS_BY_VALUE or (not strict and is_text(v))),
    "_AutoOrInteger": lambda check, v, strict: (
        (type(v) is str and v == "auto")
        or (type(v) is int and is_number(v) and v >= check.low and (check.high is None or v <= check.high))
    ),
    "_AutoOrNumber": lambda check, v, strict: (
        (type(v) is str and v == "auto")
        or (is_number(v) and v > check.above and (check.at_most is None or v <= check.at_most))
    ),
    "_Strings": lambda check, v, strict: type(v) is list and all(is_text(item) for item in v),
    "_Metadata": lambda check, v, strict: (
        isinstance(v, dict)
        and len(v) <= ftj.MAX_METADATA_PAIRS
        and all(strings(key, ftj.MAX_METADATA_KEY) and strings(item, ftj.MAX_METADATA_VALUE) for key, item in v.items())
    ),
    "_JsonObject": lambda check, v, strict: type(v) is dict and is_json(v, 2),
}


class _Small(int):
    pass


class _Share(float):
    pass


# Values no JSON parser gives, which a careless quick test could let through.
TRICKY: List[Any] = [True, False, _Small(3), _Share(0.5), float("nan"), float("inf"), -float("inf"), 10**4300]
TRICKY += ["\ud800", "é", "auto", "Auto", "", [], ["a", 1], ["\ud800"], {}, {"k": "v"}, {1: 2.5}, {"é": 1.0}]
TRICKY += ["".join(["au", "to"])]  # "auto" built at run time: equal to the module's literal, not it
TRICKY += [{"k" * 65: "v"}, {"k": "v" * 513}, {f"k{i}": "v" for i in range(17)}, {"x": [1, {"y": None}]}]
DEEP: Any = []
for _ in range(ftj.MAX_DEPTH):
    DEEP = [DEEP]
TRICKY += [{"deep": DEEP[0][0]}, {"deep": DEEP[0][0][0]}]  # at level 2: one level too deep, then as deep as allowed


def neighbours(check: Any) -> List[Any]:
    """Each bound of a checker and its neighbours, as integers and floats; its strings."""
    values: List[Any] = []
    for attribute in vars(check).values():
        if type(attribute) in (int, float):
            for bound in (attribute - 1, attribute, attribute + 1, attribute * (1 - 1e-12), attribute * (1 + 1e-12)):
                values += [bound, float(bound)] if type(bound) is int else [bound]
        elif type(attribute) is str:
            values += [attribute, attribute + "s", attribute.upper()]
        elif type(attribute) is tuple:
            values += [item for item in attribute if type(item) is str]
    return values


def quick_test(check: Any) -> Callable[[Any], bool]:
    """The quick test as the generated readers run it: the generator's own text of it."""
    tests = WRITER.quick_tests(check)
    code = compile(" or ".join(f"({test})" for test in tests) or "False", "<quick test>", "eval")
    return lambda v: bool(eval(code, vars(ftj), {"v": v}))


def outcome(check: Any, value: Any, strict: bool, depth: int = 2) -> Any:
    try:
        return check(value, strict, depth)
    except ftj._Invalid:
        return ftj._Invalid


def rebuilt(check: Any) -> Any:
    """The checker built again, now: the tables build theirs when the module is imported, so what
    a kind's __init__ states (its quick test above all) would otherwise never run under a test
    (mutation testing, which changes code after the import, found it so)."""
    kind = type(check)
    if kind is ftj._AutoOrInteger:
        return kind(check.low, check.high)
    if kind is ftj._AutoOrNumber:
        return kind(check.above, check.at_most)
    if kind is ftj._PrefixedChoice:
        return kind(check.choices, check.prefix, check.what)
    return None


# Each checker as the tables hold it, and again built in the test itself (not at collection).
NAMED = [(WRITER.name_of(check, "checker"), check, False) for check in CHECKERS]
NAMED += [(f"{name} rebuilt", check, True) for name, check, _ in NAMED if rebuilt(check)]


def test_every_kind_states_its_rule_once() -> None:
    # As check (a rule that reads the strict flag) or as tolerant (one that does not): each
    # calls the other by default, and the generated readers call the one the kind states.
    kinds = {type(check) for check in CHECKERS}
    for kind in kinds:
        stated = [name for name in ("check", "tolerant") if getattr(kind, name) is not getattr(ftj._Checker, name)]
        assert len(stated) == 1, (kind.__name__, stated)


def test_every_kind_that_states_its_quick_test_when_built_is_rebuilt() -> None:
    built_with_a_quick_test = {type(check) for check in CHECKERS if "plain" in vars(check)}
    assert built_with_a_quick_test and built_with_a_quick_test <= {type(c) for _, c, again in NAMED if again}
    differ = [(vars(check), vars(again)) for check in CHECKERS for again in [rebuilt(check)] if again]
    assert [pair for pair in differ if pair[0] != pair[1]] == []


@pytest.mark.parametrize(("check", "again"), [(c, again) for _, c, again in NAMED], ids=[n for n, _, _ in NAMED])
@given(data=st.data())
def test_a_value_the_quick_test_takes_is_valid_and_stored_as_given(check: Any, again: bool, data: Any) -> None:
    if again:
        check = rebuilt(check)
    value = data.draw(json_values | st.sampled_from(TRICKY + neighbours(check)))
    plain = quick_test(check)(value)
    for strict in (False, True):
        must = VALID[type(check).__name__](check, value, strict)
        got = outcome(check, value, strict)
        if plain:  # the very value, not one equal to it
            assert got is value, (value, strict)
        if check.exact and not strict:  # the generated readers refuse what the quick test declines
            assert plain is must, value
        if not check.reads_depth:  # the generated readers do not pass its depth
            for depth in (0, ftj.MAX_DEPTH + 1):
                again = outcome(check, value, strict, depth)
                assert again is got or again == got, (value, strict, depth)
        # The checker takes exactly the valid values, as given or converted to what it stores.
        assert (got is not ftj._Invalid) is must, (value, strict)
        if must:
            assert json.dumps(ftj._thaw(got)) == json.dumps(value), (value, strict)


EMPTY_CHECKERS = [field.check for cls in every_model() for field in cls._FIELDS if field.check.empty]


@given(json_values | st.lists(st.sampled_from(["code", "message", "param", "x"]), unique=True).map(dict.fromkeys))
@example({})
@example({"code": None, "x": None})
def test_a_value_the_empty_test_takes_is_read_as_none_by_the_tolerant_reader(value: Any) -> None:
    assert EMPTY_CHECKERS
    for check in EMPTY_CHECKERS:
        code = compile(" or ".join(f"({test})" for test in check.empty), "<empty test>", "eval")
        if eval(code, vars(ftj), {"v": value}):
            assert check(value, False, 2) is None
            assert outcome(check, value, True) is ftj._Invalid  # the strict reader holds it to the schema
