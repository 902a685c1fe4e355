#!/usr/bin/env python3
"""Write the generated section of finetuning_job.py from the module's tables of fields.

    python tools/generate.py [MODULE]            rewrite the section in place
    python tools/generate.py --check [MODULE]    exit 1 if the section is not what this writes

Each model class is described once, by its annotations and its table of fields (_FIELDS). From
that table this script writes, for every class, the tolerant mode's fast reader and the writer,
as straight-line Python between the lines `# BEGIN GENERATED CODE` and `# END GENERATED CODE`;
each class names its two functions (`_read_fast`, `to_dict`). The script reads the tables by
running the module with that section cut out (and a placeholder for each name the section
defines), so a stale, hand-edited or broken section is no obstacle. The code it writes is
already as `ruff format` would lay it out.

It knows no checker: each field's checker states its own quick test (`plain`, and `empty` for
what the tolerant reader reads as None) as Python source, whether that test is its whole
tolerant rule (`exact`), whether its rule reads the depth (`reads_depth`), and the name under
which the module keeps it; a nested object (`model`) is read and written by its class's own functions.
Standard library only, CPython 3.8+.
"""

import argparse
import ast
import builtins
import json
import re
import string
import sys
import types
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

BEGIN = "# BEGIN GENERATED CODE"
END = "# END GENERATED CODE"
BEGIN_LINE = f"{BEGIN} by tools/generate.py from the tables of fields below: do not edit by hand"
LINE_LENGTH = 120  # ruff's line-length in pyproject.toml
MODULE = Path(__file__).resolve().parent.parent / "finetuning_job.py"
BASE = "_Model"  # the class every model class derives from

HEADER = """
# Fast readers (tolerant mode) and writers, from the tables below. A reader keeps a value that
# passes its checker's quick test, reads a nested object with that class's reader, and calls the
# checker's tolerant rule for the rest (or refuses it, _declined, where the quick test is the
# whole rule); at anything else it raises _Invalid, and the table reads the object again
# (_Model._read). A writer copies the instance dict, drops the Nones not written as null, writes
# a nested object in place (out1, v1... a level down) and an array by its items' writer.
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


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def reader_name(cls: Any) -> str:
    return f"_read_{snake(cls.__name__)}"


def writer_name(cls: Any) -> str:
    return f"_write_{snake(cls.__name__)}"


def model_class_names(source: str) -> List[str]:
    """The names of the classes derived from _Model in the module's source, however deeply."""
    derived = {BASE}
    found: List[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            # A base is a name (_Model) or a generic one subscripted (_Page[FineTuningJob]).
            bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
            bases |= {
                base.value.id
                for base in node.bases
                if isinstance(base, ast.Subscript) and isinstance(base.value, ast.Name)
            }
            if bases & derived:
                derived.add(node.name)
                found.append(node.name)
    return found


def load_tables(before: str, after: str, path: Path) -> Dict[str, Any]:
    """Run the module without its generated section and return its namespace. The classes name
    the functions of the section: each gets a placeholder while the tables are read."""
    rest = before + after
    placeholders = "".join(
        f"{prefix}{snake(name)} = None\n" for name in model_class_names(rest) for prefix in ("_read_", "_write_")
    )
    module = types.ModuleType("_finetuning_job_tables")
    module.__file__ = str(path)
    sys.modules[module.__name__] = module  # dataclasses looks its module up while it works
    try:
        exec(compile(before + placeholders + after, str(path), "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.__dict__


def literal(value: Any) -> str:
    """Python source for a bound or a string, as ruff format writes it."""
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    raise GenerationError(f"cannot write {value!r} as a literal")


class Writer:
    """Write the section from the namespace of the module."""

    def __init__(self, namespace: Dict[str, Any]) -> None:
        self.ns = namespace
        self.names = {id(value): name for name, value in namespace.items() if not name.startswith("__")}
        self.models = self.all_models()

    def all_models(self) -> List[type]:
        """The model classes (those with a table of their own), in the order of the module."""
        base = self.ns[BASE]
        found: List[type] = []
        stack = list(reversed(base.__subclasses__()))
        while stack:
            cls = stack.pop()
            if cls.__module__ == self.ns["__name__"] and "_FIELDS" in vars(cls) and cls not in found:
                found.append(cls)
            stack.extend(reversed(cls.__subclasses__()))
        order = list(self.ns)
        return sorted(found, key=lambda cls: order.index(cls.__name__))

    def name_of(self, value: Any, what: str) -> str:
        name = self.names.get(id(value))
        if name is None:
            builtin = getattr(value, "__name__", "")
            if getattr(builtins, builtin, None) is value:
                return builtin  # list, for a tuple of strings
            raise GenerationError(f"{what}: give {value!r} a name at the module's top level")
        return name

    def source(self, value: Any) -> str:
        """A checker's attribute as source: a tuple of choices by its name in the module, a
        bound or a string as a literal."""
        if isinstance(value, tuple):
            return self.name_of(value, "choices")
        return literal(value)

    def quick_tests(self, check: Any) -> List[str]:
        """A checker's quick test, each attribute it names in braces written as source."""
        tests = []
        for template in check.plain:
            fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
            tests.append(template.format(**{name: self.source(getattr(check, name)) for name in fields}))
        return tests

    # -- reading --------------------------------------------------------------------------

    def read_value(self, field: Any, opaque: Any) -> Tuple[str, List[str], Optional[str]]:
        """Return (value, condition, fallback) for a field: `value if condition else fallback`,
        the condition as the operands of `or`; or the value alone, with no condition."""
        take = f"take({json.dumps(field.key)}, None)"
        check = field.check
        required = not field.tolerant.missing
        empty = [f"({test})" for test in getattr(check, "empty", ())]
        if check.model is not None:
            reader = reader_name(check.model)
            if check.many:
                limit = literal(check.limit) if check.limit is not None else "None"
                call = f"_read_array({reader}, {{}}, {limit}, inner)"
            else:
                call = f"{reader}({{}}, inner)"
            if required:
                return call.format(take), [], None
            value = "None" if empty else "v"
            return value, [f"(v := {take}) is None", *empty], call.format("v")
        tests = self.quick_tests(check)
        # What fails the quick test: invalid where the test is the whole rule, or where the
        # reader has already kept whole an object of any other type; else the checker decides.
        known_type = opaque is not None and opaque[0] == field.key and required
        name = self.name_of(check, "checker")
        if tests and (check.exact or known_type):
            fallback = "_declined()"
        elif type(check).tolerant is self.ns["_Checker"].tolerant:  # its rule reads the strict flag
            fallback = f"{name}.check(v, False, {'inner' if check.reads_depth else '_DEPTH_UNREAD'})"
        else:
            fallback = f"{name}.tolerant(v, inner)" if check.reads_depth else f"{name}.tolerant(v)"
        if not tests:
            if required:
                return fallback.replace("(v", f"({take}", 1), [], None
            return "v", [f"(v := {take}) is None"], fallback
        if required:
            # Every quick test starts `type(v)`: that is where the value is taken.
            if not tests[0].startswith("type(v)"):
                raise GenerationError(f"{field.key}: a quick test must start with type(v): {tests[0]}")
            alternatives = [f"type(v := {take})" + tests[0][len("type(v)") :]] + tests[1:]
            condition = [f"({t})" for t in alternatives] if len(alternatives) > 1 else alternatives
        else:
            condition = [f"(v := {take}) is None"] + [f"({t})" for t in tests]
        return "v", condition, fallback

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

    def reader(self, cls: Any) -> List[str]:
        name = cls.__name__
        out = [
            f'def {reader_name(cls)}(data: Any, depth: int) -> "{name}":',
            "    if type(data) is not dict:",
            "        raise _Invalid([])",
        ]
        opaque = cls._OPAQUE_UNLESS_KNOWN
        if opaque is not None:
            key, known = json.dumps(opaque[0]), self.name_of(opaque[1], "types")
            out += [
                f"    if type(kind := data.get({key})) is str and kind not in {known}:",
                f"        return _read_opaque({name}, {key}, data, depth)",
            ]
        entries = []
        for field in cls._FIELDS:
            entries += self.entry("        ", json.dumps(field.key), *self.read_value(field, opaque))
        # The depth a level down, where a field's reader or checker reads it.
        inner = any(re.search(r"\binner\b", entry) for entry in entries)
        out += [
            "    rest = data.copy()  # once the known keys are taken out: the unknown ones, in order",
            "    take, inner = rest.pop, depth + 1" if inner else "    take = rest.pop",
            "    values = {",
            *entries,
            # `(a and b) or c` rather than `b if a else c`: the unknown keys read only when there
            # are some, in a form whose every change makes a difference.
            f'        "extra": (rest and {name}._read_unknown(rest, False, depth)) or _EMPTY,',
            "    }",
            f"    instance = _new({name})",
            '    _set_attribute(instance, "__dict__", values)',
            "    return instance",
        ]
        return fitting(out)

    # -- writing --------------------------------------------------------------------------

    def conversion(self, field: Any, v: str) -> Optional[str]:
        """The expression that turns the stored value `v` of a field into JSON data; None where
        the stored value already is JSON data (or where it is an object written in place)."""
        check = field.check
        if check.model is not None:
            writer = writer_name(check.model)
            # An empty array is common (a job's integrations) and list(map(...)) costs it 0.1 µs.
            return f"list(map({writer}, {v})) if {v} else []" if check.many else f"{writer}({v})"
        if check.dump is None:
            return None
        return f"{self.name_of(check.dump, 'dump')}({v})"

    def write_object(self, cls: Any, obj: str, finish: str, indent: str, level: int) -> List[str]:
        """Lines that write the instance named obj as JSON data, then `finish` with it. A single
        nested object is written in place, its writer's lines inside its parent's (a call per
        nested object was most of what writing a job cost); an array of them calls the writer of
        its items."""
        out, extra, v = (f"out{level}", f"extra{level}", f"v{level}") if level else ("out", "extra", "v")
        lines = [f"{indent}{out} = {obj}.__dict__.copy()", f'{indent}{extra} = {out}.pop("extra")']
        opaque = cls._OPAQUE_UNLESS_KNOWN
        for field in cls._FIELDS:
            key = f"{out}[{json.dumps(field.key)}]"
            # A required key holds None only in an object kept whole (_OPAQUE_UNLESS_KNOWN), and
            # there every key but its type.
            never_none = not field.tolerant.missing and (opaque is None or opaque[0] == field.key)
            inner = indent if never_none else indent + "    "
            model = field.check.model
            if model is not None and not field.check.many:
                convert = self.write_object(model, v, f"{key} = {{}}", inner, level + 1)
            else:
                expression = self.conversion(field, v)
                convert = [] if expression is None else [f"{inner}{key} = {expression}"]
            if never_none:
                lines += [f"{indent}{v} = {key}", *convert] if convert else []
            elif field.writes_null:
                lines += [f"{indent}if ({v} := {key}) is not None:", *convert] if convert else []
            elif convert:
                lines += [f"{indent}if ({v} := {key}) is None:", f"{indent}    del {key}", f"{indent}else:", *convert]
            else:
                lines += [f"{indent}if {key} is None:", f"{indent}    del {key}"]
        lines.append(indent + finish.format(f"_with_extra({out}, {extra}) if {extra}._data else {out}"))
        return fitting(lines)

    def writer(self, cls: Any) -> List[str]:
        head = [f'def {writer_name(cls)}(obj: "{cls.__name__}") -> "Dict[str, Any]":']
        return head + self.write_object(cls, "obj", "return {}", "    ", 0)

    def section(self) -> str:
        chunks = [self.reader(cls) + ["", ""] + self.writer(cls) for cls in self.models]
        body = "\n\n\n".join("\n".join(chunk) for chunk in chunks)
        return f"{BEGIN_LINE}\n{HEADER}\n\n{body}\n\n\n{END}\n"


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
