"""The type check for mutation testing (mutmut's type_check_command, see pyproject.toml).

Runs mypy --strict, as CI does, on the module mutmut has rewritten (in mutants/, the current
folder), and prints its errors as JSON lines for mutmut, which counts a mutant whose copy of
its function has an error as caught. Left out: what mutmut's rewriting itself causes, an
error that the function's unmutated copy (NAME__mutmut_orig) has too, and two kinds that the
rewriting raises everywhere (redefinitions, and `type: ignore` comments it makes unused).
"""

import ast
import json
import subprocess
import sys
from typing import Dict, List, Set, Tuple

MODULE = "finetuning_job.py"


def function_spans(source: str) -> List[Tuple[int, int, str]]:
    """(first line, last line, name) of every function and method, decorators included."""
    spans = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno] + [decorator.lineno for decorator in node.decorator_list])
            spans.append((first, node.end_lineno or node.lineno, node.name))
    return spans


def main() -> int:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-warn-unused-ignores"]
    command += ["--disable-error-code", "no-redef", "-O", "json", MODULE]
    found = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    errors = [json.loads(line) for line in found.splitlines() if line.strip()]
    with open(MODULE, encoding="utf-8") as file:
        spans = function_spans(file.read())

    def family(line: int) -> Tuple[str, bool]:
        # The innermost function holding the line: (its name less the mutant's number, is it a mutant).
        inner = min((s for s in spans if s[0] <= line <= s[1]), key=lambda s: s[1] - s[0], default=None)
        name = inner[2] if inner is not None else ""
        base, _, number = name.rpartition("__mutmut_")
        return (base, number != "orig") if base else (name, False)

    unmutated: Dict[str, Set[Tuple[str, str]]] = {}
    for error in errors:
        name, mutant = family(error["line"])
        if not mutant:
            unmutated.setdefault(name, set()).add((error["code"], error["message"]))
    for error in errors:
        name, mutant = family(error["line"])
        if mutant and (error["code"], error["message"]) not in unmutated.get(name, set()):
            print(json.dumps(error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
