"""The generated section of the module is what tools/generate.py writes from the tables of
fields: the check passes on the repository, fails on a section edited by hand, and the
generator rewrites a stale or broken section."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import ftj

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "tools" / "generate.py"


def generate(module: Path, *options: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, str(GENERATOR), *options, str(module)], capture_output=True, text=True, check=False
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "finetuning_job.py"
    shutil.copyfile(ftj.__file__, target)
    return target


def test_the_generated_section_is_current() -> None:
    result = generate(Path(ftj.__file__), "--check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A bound changed by hand, as someone fixing a rule in the wrong place would.
        ("(type(v) is int and 1 <= v <= 50)", "(type(v) is int and 1 <= v <= 60)"),
        # A section that no longer parses.
        ('def _read_grader(data: Any, depth: int) -> "Grader":', 'def _read_grader(data: Any, depth: int) -> "Grader"'),
    ],
    ids=["edited", "broken"],
)
def test_a_section_edited_by_hand_fails_the_check_and_is_written_anew(copy: Path, old: str, new: str) -> None:
    original = copy.read_text(encoding="utf-8")
    assert original.count(old) >= 1
    copy.write_text(original.replace(old, new, 1), encoding="utf-8")
    checked = generate(copy, "--check")
    assert checked.returncode == 1
    assert "stale or edited by hand" in checked.stdout
    assert generate(copy).returncode == 0
    assert copy.read_text(encoding="utf-8") == original
    assert generate(copy, "--check").returncode == 0


def test_a_field_added_to_a_table_reaches_the_reader_and_the_writer(copy: Path) -> None:
    # What a maintainer does to add a field: the annotation, the table row, regenerate.
    text = copy.read_text(encoding="utf-8")
    head, job_class = text.split("class FineTuningJob(_Response):", 1)
    job_class, tail = job_class.split("    def is_terminal", 1)
    last = "    extra: Mapping[str, Any] = _EMPTY\n"  # the last annotation
    job_class = job_class.replace(last, "    suffix: Optional[str] = None\n" + last, 1)
    job_class = job_class.replace(
        "    )\n    _read_fast", '        _optional("suffix", _check_str),\n    )\n    _read_fast', 1
    )
    text = head + "class FineTuningJob(_Response):" + job_class + "    def is_terminal" + tail
    copy.write_text(text, encoding="utf-8")
    assert generate(copy, "--check").returncode == 1
    assert generate(copy).returncode == 0
    section = copy.read_text(encoding="utf-8").split("# BEGIN GENERATED CODE")[1]
    assert '"suffix": v' in section and 'del out["suffix"]' in section
    script = (
        "import json, finetuning_job as m\n"
        "job = m.FineTuningJob.from_dict({**json.load(open('job.json')), 'suffix': 'v2'})\n"
        "assert job.suffix == 'v2' and 'suffix' not in job.extra and hash(job) and repr(job)\n"
        "assert job.to_dict()['suffix'] == 'v2' and 'suffix' not in m.FineTuningJob(**{**vars(job), 'suffix': None}).to_dict()\n"
    )
    shutil.copyfile(ROOT / "tests" / "examples" / "job.json", copy.parent / "job.json")
    ran = subprocess.run([sys.executable, "-c", script], cwd=copy.parent, capture_output=True, text=True, check=False)
    assert (ran.returncode, ran.stderr) == (0, "")


def test_a_file_without_a_section_is_refused(copy: Path) -> None:
    copy.write_text(copy.read_text(encoding="utf-8").replace("# END GENERATED CODE", "# END"), encoding="utf-8")
    result = generate(copy, "--check")
    assert result.returncode == 2
    assert (
        "expected one line starting '# BEGIN GENERATED CODE', then one starting '# END GENERATED CODE'" in result.stderr
    )
