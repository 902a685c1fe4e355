"""Every Python example in the README runs, and prints what the README says it prints."""

import datetime
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest

from tests import ftj

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def examples() -> List[Tuple[str, str]]:
    """(code, expected output or "") for each python block; a text block right after it is its output."""
    blocks = [(m.group(1), m.group(2), m.start(), m.end()) for m in BLOCK.finditer(README)]
    found = []
    for index, (language, body, _, end) in enumerate(blocks):
        if language != "python":
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        adjacent = (
            following is not None and following[0] == "text" and README[end : following[2]].strip() in ("", "prints")
        )
        found.append((body, following[1] if adjacent and following else ""))
    return found


EXAMPLES = examples()


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("code", "expected"), EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_readme_examples_run_on_their_own_and_print_what_they_say(code: str, expected: str) -> None:
    # Each in a fresh interpreter from the repository root, as a reader would paste it.
    ran = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert (ran.returncode, ran.stderr) == (0, ""), code
    assert ran.stdout == expected, code


# Python's own prompt (code.InteractiveConsole reads as the >>> prompt does): a block ends at a
# blank line, and a statement after a block needs one.
PASTE = """
import code, sys

class Console(code.InteractiveConsole):
    def write(self, data):
        sys.stderr.write(data)

console, more = Console(), False
for line in sys.stdin.read().splitlines():
    more = console.push(line)
if more:
    console.push("")
"""


# Every example but a script (to be saved and run), by its place among the examples.
PASTABLE = {f"example-{i}": code for i, (code, _) in enumerate(EXAMPLES) if "__main__" not in code}


@pytest.mark.parametrize("code", list(PASTABLE.values()), ids=list(PASTABLE))
def test_readme_examples_can_be_pasted_into_the_python_prompt(code: str) -> None:
    ran = subprocess.run(
        [sys.executable, "-c", PASTE], input=code, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert ran.stderr == "", ran.stderr


# Each run of the command line the README shows: its arguments, and what it prints (a line
# "..." stands for lines left out). The README's runs were made at this time: the durations of
# jobs still running count to it.
RUNS = re.findall(r"```text\n\$ python3 finetuning_job.py (.*?)\n(.*?)```", README, re.DOTALL)
THEN = datetime.datetime(2026, 12, 7, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize(("args", "shown"), RUNS, ids=[args for args, _ in RUNS])
def test_the_readme_runs_of_the_command_line_print_what_it_shows(
    args: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("COLUMNS", raising=False)  # as in the README: to a pipe, nothing cut
    out, err = io.StringIO(), io.StringIO()
    ftj.main(args.split(), stdout=out, stderr=err, now=THEN)
    printed, wanted = (out.getvalue() + err.getvalue()).splitlines(), shown.splitlines()
    if "..." in wanted:
        cut = wanted.index("...")
        tail = wanted[cut + 1 :]
        assert printed[:cut] == wanted[:cut] and printed[len(printed) - len(tail) :] == tail
        assert len(printed) > len(wanted) - 1  # something was left out
    else:
        assert printed == wanted


def test_readme_shows_runs_of_the_command_line() -> None:
    assert len(RUNS) >= 3


def test_readme_commands_are_what_ci_runs() -> None:
    first, second = re.search(r"```sh\n(.*?)\n(.*?)\n```", README, re.DOTALL).groups()  # type: ignore[union-attr]
    assert first == "python3 finetuning_job.py tests/examples/page.json"
    assert second == "python3 -m venv .venv && .venv/bin/python -m pip install '.[test]' && .venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '"$python" -m venv "$venv" && "$venv/bin/python" -m pip install -q \'.[test]\'\n' in ci
    assert '"$venv/bin/python" -m pytest -q -p no:cacheprovider\n' in ci
    assert os.path.exists(ROOT / first.split()[-1])
