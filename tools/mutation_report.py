"""Summarise a finished mutmut run (mutants/): counts, and the survivors with their diffs,
sorted into the kinds of equivalent mutant the README lists, and the rest.

    python tools/mutation_report.py [--diffs] [--mutants FOLDER]
"""

import argparse
import ast
import difflib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent

# mutmut's exit codes, as `mutmut results` names them.
STATUS = {0: "survived", 1: "killed", 3: "killed", -24: "timeout", 24: "timeout", 33: "no tests", 37: "caught by mypy"}

# Survivors whose every behaviour the suite can observe is unchanged, by the line mutmut wrote
# (a pattern of the added line, and the functions it applies to, or None for any), with why.
EQUIVALENT: List[Tuple[str, Optional[Tuple[str, ...]], str]] = [
    # The generated fast readers and writers.
    (r"Grader\._read_unknown\(rest, True, depth\)", None, "a grader's unknown keys are content, strict or not"),
    (r"if \(extra\d*\._data\) or True", None, "no unknown keys written the long way: the same dict"),
    (r"if \(v\) or True else \[\]", None, "an empty array written the long way: the same empty list"),
    (
        r'take\("type", None\)\) is str or v in _INTEGRATION_TYPES',
        None,
        "unknown types were kept whole before this test",
    ),
    # The rest of the module.
    (r"sum\(items, 1\.0\)", ("tolerant",), "adding 1 to a sum of finite values cannot make it infinite"),
    (r"ensure_ascii=False, (allow_nan=True, )?indent=indent", ("to_json",), "what to_dict writes is finite"),
    (r"1 if step is None else step", ("_by_step",), "metrics without a step are ordered by creation alone"),
    (r"html\.escape\(text, \)", ("_escape",), "html.escape quotes by default"),
    (
        r"member = (None|_STATUS_BY_VALUE\.get\(value\) if \(type\(value\) is str\) and False)",
        ("check",),  # _Status.check
        "the enum's own lookup gives the same member",
    ),
    (r'"null" if \(value is None\) and False', ("_render",), "json.dumps(None) is null too"),
    (r"getattr\(method, method\.type, \)", ("_method_text",), "a known method has the block its type names"),
    (r"_Field\(key, check, _NO, _NO, True", ("_required",), "a required key is never None, never written as null"),
    (r"len\(numbers\) >= _SPARKLINE_WIDTH", ("_sparkline",), "40 values make 40 runs of one: their own means"),
    (r"math\.log10\(5\)", ("_ticks",), "starting a tenth lower, the search reaches the same step"),
    (r"len\(points\) < limit", ("_evenly",), "as many points as the limit: chosen evenly, they are all of them"),
    (
        r"PREVIEW_CHARS \+ 2|if budget < 0:|if budget <= 1:|^\+\s+return 1$|if used > budget:|budget \+ used",
        ("_preview", "_render"),
        "what is rendered past the preview's length, _shorten cuts",
    ),
    (
        r"bit_length\(\) - 2\)",
        ("_render",),
        "a digit count estimated one lower: the comparison after it adds the one (2 log10 2 < 1)",
    ),
    (
        r"_parse\((first|text), line=False\)",
        ("_values", "_one_value_per_line"),
        "only whether the line parses (and as what) is used",
    ),
    (r"\[True, \*allowed\]", ("_columns",), "a header is never longer than its column: never cut"),
    (r'if sys\.argv else "XXXX"', ("_program_name",), "with no argv, any name but finetuning_job.py is finetuning-job"),
    (r"^\+\s+break$", ("main",), "nothing follows the empty-input marker in an input"),
    (
        r"_now\((None|1)\)",
        ("_events_table", "_checkpoints_table", "_event_list_html", "_checkpoint_list_html"),
        "the columns of events and checkpoints do not read the current time",
    ),
    (r"_read_fast\(None, depth\)", ("_read",), "the fast reader refuses None: the table reads the object"),
    (r"\(_compact\) and False", ("to_json",), "the encoder made again on each call: the same text"),
    (
        r'check_circular=True|separators=\(",", ":"\), \)',
        ("_compact_encoder",),
        "to_dict builds a tree, which holds no cycle",
    ),
    (
        r"allow_nan=True|JSONEncoder\(ensure_ascii=False, separators",
        ("_compact_encoder",),
        "what to_dict writes is finite",
    ),
    (r'format\(number, "\.15F"\)', ("_decimal",), "a bound is finite: F and f write it alike"),
    (r'\.rstrip\("XX0XX"\)|\.rstrip\("XX\.XX"\)', ("_decimal",), "a fixed-point number holds no X"),
    (r'"(XX)?level(XX)?" not in value|"LEVEL" not in value', ("_reader_of",), "no webhook body has a level key"),
]


def functions(source: str) -> Dict[str, str]:
    """The source of every function and method of the mutated module, by name."""
    lines, found = source.splitlines(), {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = "\n".join(lines[node.lineno : node.end_lineno])
    return found


def diff(sources: Dict[str, str], mutant: str) -> List[str]:
    name = mutant.split(".", 1)[1]
    original = sources.get(name.rsplit("__mutmut_", 1)[0] + "__mutmut_orig")
    changed = sources.get(name)
    if original is None or changed is None:
        return ["(source not found)"]
    lines = difflib.unified_diff(original.splitlines(), changed.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "-+" and line[:3] not in ("---", "+++")]


def kind_of(mutant: str, lines: Sequence[str]) -> Optional[str]:
    function = mutant.split(".", 1)[1].rsplit("__mutmut_", 1)[0].rsplit("ǁ", maxsplit=1)[-1]
    function = function[2:] if function.startswith("x_") else function
    added = "\n".join(line for line in lines if line.startswith("+"))
    for pattern, functions, kind in EQUIVALENT:
        if (functions is None or function in functions) and re.search(pattern, added, re.MULTILINE):
            return kind
    return None


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--diffs", action="store_true", help="print the diff of every survivor of no known kind")
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants", help="mutmut's folder (default: mutants/)")
    args = parser.parse_args(argv)
    meta = json.loads((args.mutants / "finetuning_job.py.meta").read_text(encoding="utf-8"))
    codes: Dict[str, Optional[int]] = meta["exit_code_by_key"]
    counts = Counter(STATUS.get(code, "not run") if code is not None else "not run" for code in codes.values())
    print(f"{len(codes)} mutants: " + ", ".join(f"{n} {status}" for status, n in counts.most_common()))
    passed_mypy = len(codes) - counts["caught by mypy"]
    if passed_mypy:
        # A timeout is a mutant the tests stopped (an endless loop): caught by the tests.
        by_tests = counts["killed"] + counts["timeout"]
        print(f"caught: {100 * (by_tests + counts['caught by mypy']) / len(codes):.1f} % of all mutants")
        print(f"tests alone: {100 * by_tests / passed_mypy:.1f} % of the mutants mypy passes")
    sources = functions((args.mutants / "finetuning_job.py").read_text(encoding="utf-8"))
    survivors = sorted(name for name, code in codes.items() if code == 0)
    kinds: Dict[str, List[str]] = {}
    for name in survivors:
        kinds.setdefault(kind_of(name, diff(sources, name)) or "other", []).append(name)
    for kind, names in sorted(kinds.items(), key=lambda item: -len(item[1])):
        print(f"{len(names):5d}  {kind}")
    if args.diffs:
        for name in kinds.get("other", []):
            print(f"\n== {name}")
            print("\n".join(diff(sources, name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
