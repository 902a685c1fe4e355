"""Every Python example in the README runs, and prints what the README says it prints."""

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest

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


def test_readme_has_examples() -> None:
    assert len(examples()) >= 5


@pytest.mark.parametrize(("code", "expected"), examples(), ids=[f"example-{i}" for i in range(len(examples()))])
def test_readme_examples_run_on_their_own_and_print_what_they_say(code: str, expected: str) -> None:
    # Each in a fresh interpreter from the repository root, as a reader would paste it.
    ran = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert (ran.returncode, ran.stderr) == (0, ""), code
    assert ran.stdout == expected, code


def test_readme_commands_are_what_ci_runs() -> None:
    first, second = re.search(r"```sh\n(.*?)\n(.*?)\n```", README, re.DOTALL).groups()  # type: ignore[union-attr]
    assert first == "python3 finetuning_job.py tests/examples/page.json"
    assert second == "python3 -m venv .venv && .venv/bin/python -m pip install '.[test]' && .venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '"$python" -m venv "$venv" && "$venv/bin/python" -m pip install -q \'.[test]\'\n' in ci
    assert '"$venv/bin/python" -m pytest -q -p no:cacheprovider\n' in ci
    assert os.path.exists(ROOT / first.split()[-1])
