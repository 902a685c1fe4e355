#!/usr/bin/env python3
"""Write the generated section of finetuning_job.py from the module's tables of fields.

    python tools/generate.py [MODULE]            rewrite the section in place
    python tools/generate.py --check [MODULE]    exit 1 if the section is not what this writes

Each model class is described once, by its annotations and its table of fields (_FIELDS). From
that table this script writes, for every class, the tolerant mode's fast reader and the
writer, as straight-line Python between the lines `# BEGIN GENERATED CODE` and `# END
GENERATED CODE`, and the lines that hand them to the classes. It reads the tables by running
the module with that section cut out, so a stale, hand-edited or broken section is no
obstacle. The code it writes is already as `ruff format` would lay it out.

A fast reader tests each field the way the first line of its checker does and calls the
checker for anything else; at any problem it raises, and the table-driven reader reads the
object again and reports every problem at its path. Standard library only, CPython 3.8+.
"""

import argparse
import builtins
import functools
import json
import re
import sys
import types
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

BEGIN = "# BEGIN GENERATED CODE"
END = "# END GENERATED CODE"
BEGIN_LINE = f"{BEGIN} by tools/generate.py from the tables of fields above: do not edit by hand"
LINE_LENGTH = 120  # ruff's line-length in pyproject.toml
MODULE = Path(__file__).resolve().parent.parent / "finetuning_job.py"

HEADER = """
# The tolerant mode's fast reader and the writer of every class, from its table of fields.
# A reader takes a field as plain when it passes the first test of the field's checker, with the
# checker's bounds written in, and calls the checker for anything else; it raises _Invalid,
# with no problems, at anything it does not take, and _Model._read then reads the object by its
# table, which reports every problem at its path. `v` is the value of the field at hand and
# `inner` the nesting level of the values of this object. A writer copies the instance dict
# (the fields in the API's order, then extra), leaves out the Nones that are not written as
# null, and converts the values that are not JSON data as stored.
"""


class GenerationError(Exception):
    """The tables ask for something this script cannot write."""


def fitting(lines: List[str]) -> List[str]:
    """Return lines, refusing any that ruff format would have to break differently."""
    for line in lines:
        if len(line) > LINE_LENGTH:
            raise GenerationError(f"line too long to lay out: {line.strip()}")
    return lines


def split(text: str) -> Tuple[str, str, str]:
    """Return the module's text before the generated section, the section, and the text after."""
    lines = text.splitlines(keepends=True)
    begins = [i for i, line in enumerate(lines) if line.startswith(BEGIN)]
    ends = [i for i, line in enumerate(lines) if line.startswith(END)]
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        raise GenerationError(f"expected one line starting {BEGIN!r}, then one starting {END!r}")
    start, stop = begins[0], ends[0] + 1
    return "".join(lines[:start]), "".join(lines[start:stop]), "".join(lines[stop:])


def load_tables(before: str, after: str, path: Path) -> Dict[str, Any]:
    """Run the module without its generated section and return its namespace."""
    module = types.ModuleType("_finetuning_job_tables")
    module.__file__ = str(path)
    sys.modules[module.__name__] = module  # dataclasses looks its module up while it works
    try:
        exec(compile(before + after, str(path), "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.__dict__


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def literal(value: Any) -> str:
    """Python source for a bound or a choice, as ruff format writes it."""
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, tuple):
        items = ", ".join(literal(item) for item in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    raise GenerationError(f"cannot write {value!r} as a literal")


class Writer:
    """Write the section from the namespace of the module."""

    def __init__(self, namespace: Dict[str, Any]) -> None:
        self.ns = namespace
        self.model_base = namespace["_Model"]
        self.names = {id(value): name for name, value in namespace.items() if not name.startswith("__")}
        self.models = self.all_models()

    def all_models(self) -> List[type]:
        found: List[type] = []
        stack = list(reversed(self.model_base.__subclasses__()))
        while stack:
            cls = stack.pop()
            if cls.__module__ == self.ns["__name__"] and cls not in found:
                found.append(cls)
            stack.extend(reversed(cls.__subclasses__()))
        return found

    def name_of(self, value: Any, what: str) -> str:
        name = self.names.get(id(value))
        if name is None:
            raise GenerationError(f"{what}: give {value!r} a name at the module's top level")
        return name

    def constant(self, value: Any) -> str:
        """A tuple of choices by its name in the module where it has one, else as a literal."""
        return self.names.get(id(value)) or literal(value)

    def function(self, check: Any) -> Tuple[str, Tuple[Any, ...]]:
        """Return the name of the module function behind a checker and its bound arguments."""
        if isinstance(check, functools.partial):
            return self.name_of(check.func, "checker function"), tuple(check.args)
        return self.name_of(check, "checker"), ()

    def nested_model(self, check: Any) -> Optional[type]:
        """Return the class whose _read a field's checker is, if it is one."""
        owner = getattr(check, "__self__", None)
        if owner in self.models and check.__func__ is self.model_base._read.__func__:
            return owner  # type: ignore[no-any-return]
        return None

    # -- reading --------------------------------------------------------------------------

    def plain_tests(self, function: str, args: Sequence[Any]) -> Optional[List[str]]:
        """The first test of a checker, as alternatives on `v`; None where there is none."""
        if function == "_check_str":
            return ["type(v) is str and v.isascii()"]
        if function == "_check_bool":
            return ["type(v) is bool"]
        if function == "_check_int_in":
            low, high = args[:2]  # and a hint for messages, which the fast test does not need
            return [f"type(v) is int and {literal(low)} <= v <= {literal(high)}"]
        if function == "_check_number":
            return [
                "type(v) is float and -_INFINITY < v < _INFINITY",
                "type(v) is int and -_INT_LIMIT < v < _INT_LIMIT",
            ]
        if function == "_check_const":
            return [f"type(v) is str and v == {literal(args[0])}"]
        if function == "_check_choice":
            return [f"type(v) is str and v in {self.constant(args[0])}"]
        if function == "_check_auto_int":
            low, high = args
            bound = f"v >= {literal(low)}" if high is None else f"{literal(low)} <= v <= {literal(high)}"
            return [f"type(v) is int and {bound}", 'type(v) is str and v == "auto"']
        if function == "_check_auto_number":
            above, at_most, _ = args
            bound = f"{literal(above)} < v " + ("< _INFINITY" if at_most is None else f"<= {literal(at_most)}")
            return [f"type(v) is float and {bound}", 'type(v) is str and v == "auto"']
        return None

    def read_value(self, field: Any) -> Tuple[str, List[str], Optional[str]]:
        """Return (value, condition, fallback) for a field: `value if condition else fallback`,
        the condition as the operands of `or`; or the value alone, with no condition."""
        key = json.dumps(field.key)
        take = f"take({key}, None)"
        required = not field.tolerant.missing
        model = self.nested_model(field.check)
        if model is not None:
            reader = f"_read_{snake(model.__name__)}"
            if required:
                return f"{reader}({take}, inner)", [], None
            return "v", [f"(v := {take}) is None"], f"{reader}(v, inner)"
        function, args = self.function(field.check)
        if function == "_check_models":
            item, limit = args
            read = f"_read_array(_read_{snake(item.__name__)}, {{}}, {literal(limit) if limit else None}, inner)"
            if required:
                return read.format(take), [], None
            return "v", [f"(v := {take}) is None"], read.format("v")
        fallback = f"{self.name_of(field.check, 'checker')}({{}}, False, inner)"
        tests = self.plain_tests(function, args)
        if tests is None:
            if required:
                return fallback.format(take), [], None
            return "v", [f"(v := {take}) is None"], fallback.format("v")
        if required:
            # Every first test starts `type(v)`: that is where the value is taken.
            alternatives = [f"type(v := {take})" + tests[0][len("type(v)") :]] + tests[1:]
            condition = [f"({t})" for t in alternatives] if len(alternatives) > 1 else alternatives
        else:
            condition = [f"(v := {take}) is None"] + [f"({t})" for t in tests]
        return "v", condition, fallback.format("v")

    @staticmethod
    def entry(indent: str, key: str, value: str, condition: List[str], fallback: Optional[str]) -> List[str]:
        """A member of a dict display, on one line or split as ruff format splits it."""
        if not condition:
            lines = [f"{indent}{key}: {value},"]
        else:
            joined = " or ".join(condition)
            lines = [f"{indent}{key}: {value} if {joined} else {fallback},"]
            if len(lines[0]) > LINE_LENGTH:
                lines = [f"{indent}{key}: {value}", f"{indent}if {joined}", f"{indent}else {fallback},"]
            if len(lines) > 1 and len(lines[1]) > LINE_LENGTH:
                operands = [f"{indent}if {condition[0]}"] + [f"{indent}or {operand}" for operand in condition[1:]]
                lines = [lines[0], *operands, lines[-1]]
        return fitting(lines)

    def reader(self, cls: type) -> List[str]:
        name = cls.__name__
        out = [
            f"def _read_{snake(name)}(data: Any, depth: int) -> {name}:",
            "    if type(data) is not dict:",
            "        raise _Invalid([])",
        ]
        opaque = cls._OPAQUE_UNLESS_KNOWN  # type: ignore[attr-defined]
        if opaque is not None:
            key, known = opaque
            out += [
                f"    if type(kind := data.get({literal(key)})) is str and kind not in {self.constant(known)}:",
                f"        return _read_opaque({name}, data, depth)",
            ]
        out += [
            "    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order",
            "    take, inner = rest.pop, depth + 1",
            "    values = {",
        ]
        for field in cls._FIELDS:  # type: ignore[attr-defined]
            out += self.entry("        ", json.dumps(field.key), *self.read_value(field))
        out.append(f'        "extra": {name}._read_unknown(rest, False, depth) if rest else _EMPTY,')
        out.append("    }")
        out.append(f"    instance = _new({name})")
        out.append('    _set_attribute(instance, "__dict__", values)')
        out.append("    return instance")
        return out

    # -- writing --------------------------------------------------------------------------

    def plain_dump(self, field: Any) -> Optional[str]:
        """The call that turns a stored `v` that is not a model into JSON data; None where the
        stored value already is JSON data."""
        dump = field.dump
        if dump is None:
            return None
        name = getattr(dump, "__name__", "")
        if getattr(builtins, name, None) is dump:
            return f"{name}({{}})"  # list, for a tuple of strings
        return f"{self.name_of(dump, 'dump')}({{}})"

    def conversion(self, field: Any, key: str, v: str, indent: str, level: int) -> List[str]:
        """Lines that replace the stored value `v` of a field by its JSON data (none where the
        stored value already is JSON data)."""
        if field.model is None:
            dump = self.plain_dump(field)
            return [f"{indent}{key} = {dump.format(v)}"] if dump is not None else []
        if not field.many:
            return self.write_object(field.model, v, f"{key} = {{}}", indent, level + 1)
        item, items = f"item{level + 1}", f"items{level + 1}"
        lines = [f"{indent}{items} = []", f"{indent}for {item} in {v}:"]
        lines += self.write_object(field.model, item, f"{items}.append({{}})", indent + "    ", level + 1)
        return lines + [f"{indent}{key} = {items}"]

    def write_object(self, cls: type, obj: str, finish: str, indent: str, level: int) -> List[str]:
        """Lines that write the instance named obj as JSON data, then `finish` with it. The
        writers of nested objects are written in place (a call each would cost more)."""
        out, extra, v = (f"out{level}", f"extra{level}", f"v{level}") if level else ("out", "extra", "v")
        lines = [f"{indent}{out} = {obj}.__dict__.copy()", f'{indent}{extra} = {out}.pop("extra")']
        for field in cls._FIELDS:  # type: ignore[attr-defined]
            key = f"{out}[{json.dumps(field.key)}]"
            # A required key holds None only in an object kept whole (_OPAQUE_UNLESS_KNOWN), and
            # there every key but its type.
            opaque = cls._OPAQUE_UNLESS_KNOWN  # type: ignore[attr-defined]
            never_none = not field.tolerant.missing and (opaque is None or opaque[0] == field.key)
            convert = self.conversion(field, key, v, indent if never_none else indent + "    ", level)
            if never_none:
                lines += [f"{indent}{v} = {key}", *convert] if convert else []
            elif field.writes_null:
                if convert:
                    lines += [f"{indent}if ({v} := {key}) is not None:", *convert]
            elif convert:
                lines += [f"{indent}if ({v} := {key}) is None:", f"{indent}    del {key}", f"{indent}else:", *convert]
            else:
                lines += [f"{indent}if {key} is None:", f"{indent}    del {key}"]
        lines.append(indent + finish.format(f"_with_extra({out}, {extra}) if {extra}._data else {out}"))
        return fitting(lines)

    def writer(self, cls: type) -> List[str]:
        name = cls.__name__
        head = [f"def _write_{snake(name)}(obj: {name}) -> Dict[str, Any]:"]
        return head + self.write_object(cls, "obj", "return {}", "    ", 0)

    def section(self) -> str:
        chunks = [self.reader(cls) + ["", ""] + self.writer(cls) for cls in self.models]
        body = "\n\n\n".join("\n".join(chunk) for chunk in chunks)
        handed = []
        for cls in self.models:
            name, function = cls.__name__, snake(cls.__name__)
            handed.append(f"{name}._read_fast = _read_{function}")
            handed.append(f"{name}.to_dict = _write_{function}  # type: ignore[method-assign, assignment]")
        return f"{BEGIN_LINE}\n{HEADER}\n\n{body}\n\n\n" + "\n".join(handed) + f"\n{END}\n"


def generate(text: str, path: Path) -> str:
    """Return the module's text with its generated section written anew."""
    before, _, after = split(text)
    return before + Writer(load_tables(before, after, path)).section() + after


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", nargs="?", type=Path, default=MODULE, help="the module (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the section is stale or edited by hand")
    args = parser.parse_args(argv)
    text = args.module.read_text(encoding="utf-8")
    try:
        wanted = generate(text, args.module)
    except GenerationError as exc:
        print(f"{args.module}: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if wanted != text:
            print(f"{args.module}: the generated section is stale or edited by hand; run tools/generate.py")
            return 1
        return 0
    if wanted != text:
        args.module.write_text(wanted, encoding="utf-8")
        print(f"{args.module}: generated section rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
