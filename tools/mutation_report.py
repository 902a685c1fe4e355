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

# Survivors whose every behaviour the suite can observe is unchanged, by the line mutmut wrote.
EQUIVALENT: List[Tuple[str, str]] = [
    (r"_check_\w+\(v, (None|True), inner\)", "a fast reader's fallback passes a strict flag its checker ignores"),
    (r"_check_\w+\(v, False, None\)", "a fast reader's fallback passes a depth its (scalar) checker ignores"),
    (r"_check_\w+\(None, False, inner\)", "a fallback that only invalid input reaches is given None: it still fails"),
    (r"raise _Invalid\(None\)", "the fast reader's _Invalid carries no problems either way"),
    (r"if \(rest\) or True", "no unknown keys, read the long way (an empty extra all the same)"),
    (r"if \(extra\d*\._data\) or True", "an empty extra written the long way"),
    (r"_read_unknown\(rest, None, depth\)", "strict None is as false as False"),
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


def kind_of(lines: Sequence[str]) -> Optional[str]:
    added = "\n".join(line for line in lines if line.startswith("+"))
    return next((kind for pattern, kind in EQUIVALENT if re.search(pattern, added)), None)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--diffs", action="store_true", help="print the diff of every survivor of no known kind")
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants", help="mutmut's folder (default: mutants/)")
    args = parser.parse_args(argv)
    meta = json.loads((args.mutants / "finetuning_job.py.meta").read_text(encoding="utf-8"))
    codes: Dict[str, Optional[int]] = meta["exit_code_by_key"]
    counts = Counter(STATUS.get(code, "not run") if code is not None else "not run" for code in codes.values())
    print(f"{len(codes)} mutants: " + ", ".join(f"{n} {status}" for status, n in counts.most_common()))
    sources = functions((args.mutants / "finetuning_job.py").read_text(encoding="utf-8"))
    survivors = sorted(name for name, code in codes.items() if code == 0)
    kinds: Dict[str, List[str]] = {}
    for name in survivors:
        kinds.setdefault(kind_of(diff(sources, name)) or "other", []).append(name)
    for kind, names in sorted(kinds.items(), key=lambda item: -len(item[1])):
        print(f"{len(names):5d}  {kind}")
    if args.diffs:
        for name in kinds.get("other", []):
            print(f"\n== {name}")
            print("\n".join(diff(sources, name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
