"""The command line, in-process through main(argv) with a fixed clock, and as a program."""

import contextlib
import datetime
import errno
import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any, List, Tuple

import pytest

from tests import ftj
from tests.fixtures import (
    checkpoint,
    checkpoint_page,
    deleted_permission,
    event,
    event_page,
    job,
    metrics_event,
    page,
    permission_page,
    webhook_event,
)

EXAMPLES = Path(__file__).resolve().parent / "examples"
MODULE = Path(ftj.__file__).resolve()
NOW = datetime.datetime(2026, 1, 2, 12, 0, tzinfo=datetime.timezone.utc)


@pytest.fixture(autouse=True)
def no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables are as wide as their rows unless a test sets COLUMNS: the output here is no terminal."""
    monkeypatch.delenv("COLUMNS", raising=False)


def run(*argv: str, stdin: bytes = b"") -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = ftj.main(list(argv), stdin=io.BytesIO(stdin), stdout=out, stderr=err, now=NOW)
    return code, out.getvalue(), err.getvalue()


def program(*argv: str, stdin: bytes = b"") -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, str(MODULE), *argv],
        input=stdin.decode(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_table_for_one_job() -> None:
    code, out, err = run(str(EXAMPLES / "job.json"))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ID                      STATUS     MODEL                                     TOKENS   CREATED (UTC)     DURATION",
        "ftjob-7Hq2LmZx9RtYb1Wz  succeeded  ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4  482,113  2026-01-01 00:00  1h 01m 01s",
        "1 job: 1 succeeded",
    ]


def test_table_for_a_page_counts_jobs_per_status() -> None:
    code, out, err = run(str(EXAMPLES / "page.json"))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ID                STATUS   MODEL                   CREATED (UTC)     DURATION            ERROR",
        "ftjob-dpoRun5Ks8  running  gpt-4o-2024-08-06       2026-01-02 00:00  12h 00m 00s so far  -",
        "ftjob-failQ3Vn2   failed   gpt-4o-mini-2024-07-18  2025-12-31 00:00  5m 12s              invalid_n_examples",
        "ftjob-rftPause1   paused   o4-mini-2025-04-16      2025-12-30 00:00  3d 12h so far       -",
        "3 jobs: 1 running, 1 failed, 1 paused",
    ]


def test_columns_are_aligned() -> None:
    _, out, _ = run(str(EXAMPLES / "archive.jsonl"))
    header, *rows, _ = out.splitlines()
    for column in ("STATUS", "MODEL", "TOKENS", "CREATED (UTC)", "DURATION"):
        start = header.index(column)
        assert all(row[start - 2 : start] == "  " and row[start] != " " for row in rows), column


def test_json_lines_and_stdin() -> None:
    text = (EXAMPLES / "archive.jsonl").read_bytes()
    code, out, err = run("-", stdin=text)
    assert (code, err) == (0, "")
    assert [line.split()[1] for line in out.splitlines()[1:-1]] == ["queued", "running", "succeeded", "cancelled"]
    assert out.splitlines()[-1] == "4 jobs: 1 queued, 1 running, 1 succeeded, 1 cancelled"


@pytest.mark.parametrize("name", ["job.json", "page.json", "archive.jsonl"])
def test_json_output_is_each_job_in_canonical_form(name: str) -> None:
    code, out, err = run("--json", str(EXAMPLES / name))
    assert (code, err) == (0, "")
    data = json.loads((EXAMPLES / name).read_text()) if name.endswith(".json") else None
    if data is None:
        expected = [ftj.FineTuningJob.from_json(line).to_dict() for line in (EXAMPLES / name).read_text().splitlines()]
    elif data["object"] == "list":
        expected = [j.to_dict() for j in ftj.FineTuningJobList.from_dict(data).data]
    else:
        expected = [ftj.FineTuningJob.from_dict(data).to_dict()]
    assert [json.loads(line) for line in out.splitlines()] == expected


def test_errors_name_the_file_the_line_and_every_path(tmp_path: Path) -> None:
    bad = job("running")
    bad["created_at"] = -1
    bad["hyperparameters"]["n_epochs"] = 0
    lines = [json.dumps(job("queued")), json.dumps(bad), "{not json", "", json.dumps(job("succeeded"))]
    archive = tmp_path / "jobs.jsonl"
    archive.write_text("\n".join(lines) + "\n")
    code, out, err = run(str(archive))
    assert code == 1
    assert err.splitlines() == [
        f"{archive}:2: $.created_at: expected an integer in 0..253402300799, got -1",
        f'{archive}:2: $.hyperparameters.n_epochs: expected "auto" or an integer in 1..50, got 0',
        f"{archive}:3: $: invalid JSON: Expecting property name enclosed in double quotes at column 2",
    ]
    assert [line.split()[1] for line in out.splitlines()[1:-1]] == ["queued", "succeeded"]


def test_a_json_lines_file_with_a_broken_first_line_is_still_read_line_by_line(tmp_path: Path) -> None:
    archive = tmp_path / "jobs.jsonl"
    archive.write_text('{"id": \n' + json.dumps(job("queued")) + "\n")
    code, out, err = run(str(archive))
    assert code == 1 and err.startswith(f"{archive}:1: $: invalid JSON")
    assert "queued" in out


def test_a_malformed_document_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "job.json"
    path.write_text(json.dumps(job("queued"), indent=2)[:-3])
    code, out, err = run(str(path))
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}: $: invalid JSON: ") and err.count("\n") == 1


def test_a_read_error_midway_is_an_unreadable_input() -> None:
    class Broken(io.BytesIO):
        def readline(self, size: Any = -1) -> bytes:
            raise OSError(5, "Input/output error")

    out, err = io.StringIO(), io.StringIO()
    assert ftj.main(["-"], stdin=Broken(), stdout=out, stderr=err) == 2
    assert err.getvalue() == "<stdin>: cannot read: Input/output error\n"


def test_a_cancelled_job_without_finish_time_has_no_duration(tmp_path: Path) -> None:
    path = tmp_path / "job.json"
    path.write_text(json.dumps({**job("cancelled"), "finished_at": None}))
    code, out, _ = run(str(path))
    assert code == 0 and out.splitlines()[1].endswith("2026-01-01 00:00  -")


@pytest.mark.parametrize("output", [[], ["--json"]], ids=["table", "json"])
def test_a_page_with_bad_jobs_lists_the_good_ones(tmp_path: Path, output: List[str]) -> None:
    listed = page([job("queued"), {**job("running"), "created_at": "yesterday"}, job("succeeded")])
    listed["has_more"] = "no"
    path = tmp_path / "page.json"
    path.write_text(json.dumps(listed, indent=2))
    code, out, err = run(*output, str(path))
    assert code == 1
    assert err.splitlines() == [
        f'{path}: $.has_more: expected a boolean, got "no" (str)',
        f'{path}: $.data[1].created_at: expected an integer, got "yesterday" (str)',
    ]
    if output:
        assert [json.loads(line)["id"] for line in out.splitlines()] == ["ftjob-queusup0001", "ftjob-succsup0001"]
    else:
        assert [line.split()[0] for line in out.splitlines()] == ["ID", "ftjob-queusup0001", "ftjob-succsup0001", "2"]


def test_strict_mode(tmp_path: Path) -> None:
    path = tmp_path / "job.json"
    path.write_text(json.dumps({**job("queued"), "shared_with_openai": False}))
    assert run(str(path))[0] == 0
    code, _, err = run("--strict", str(path))
    assert (code, err) == (1, f"{path}: $.shared_with_openai: unknown key\n")


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["missing.json"], 2),
        (["missing.json", str(EXAMPLES / "job.json")], 2),
        ([str(EXAMPLES)], 2),
        ([], 2),
        (["--bogus", str(EXAMPLES / "job.json")], 2),
        (["--help"], 0),
        (["--version"], 0),
    ],
)
def test_exit_status(argv: List[str], status: int, capsys: Any) -> None:
    assert run(*argv)[0] == status


def test_unreadable_file_wins_over_invalid_job(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    code, _, err = run(str(bad), str(tmp_path / "nope.json"))
    assert code == 2
    assert f"{tmp_path / 'nope.json'}: cannot read: No such file or directory" in err
    assert f"{bad}: $.id: required key missing" in err


@pytest.mark.parametrize("content", [b"", b"\n\n", b"  \r\n\t\n"], ids=["empty", "blank lines", "white space"])
def test_an_empty_input_is_reported(tmp_path: Path, content: bytes) -> None:
    assert run("-", stdin=content) == (1, "", "<stdin>: no JSON value\n")
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    assert run(str(path), str(EXAMPLES / "job.json"))[::2] == (1, f"{path}: no JSON value\n")


def test_program_runs_as_a_script_and_reads_a_pipe() -> None:
    result = program("-", stdin=(EXAMPLES / "page.json").read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "3 jobs: 1 running, 1 failed, 1 paused"
    version = program("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"finetuning_job.py {ftj.__version__}")
    as_module = subprocess.run(
        [sys.executable, "-m", "finetuning_job", "--version"],
        capture_output=True,
        text=True,
        cwd=MODULE.parent,
        check=True,
    )
    assert as_module.stdout.strip() == f"python -m finetuning_job {ftj.__version__}"


def test_program_exit_statuses_and_messages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**job("queued"), "seed": -3}))
    result = program(str(bad))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{bad}: $.seed: expected an integer in 0..2147483647, got -3\n"
    assert program(str(tmp_path / "none.json")).returncode == 2


def test_import_does_not_load_what_only_the_program_and_the_displays_need() -> None:
    # Nor json, datetime and math, which reading, showing and charts need: each on first use.
    later = ["argparse", "html", "json", "datetime", "math"]
    code = f"import sys; before = set(sys.modules); import finetuning_job; print(sorted(set({later}) & (set(sys.modules) - before)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=MODULE.parent, check=True)
    assert result.stdout.strip() == "[]"
    # Once a job is read and shown, they are the modules themselves in the module's namespace.
    code = (
        "import finetuning_job as f, sys; job = f.FineTuningJob.from_json(open('tests/examples/job.json').read());"
        "job.summary(); f._ticks(0, 1);"
        "print(f.json is sys.modules['json'], f.datetime is sys.modules['datetime'], f.math is sys.modules['math'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=MODULE.parent, check=True)
    assert result.stdout.strip() == "True True True"


def peak_memory_kib(path: Path) -> int:
    code = (
        "import io, resource, sys, finetuning_job\n"
        "out = open(sys.argv[2], 'w')\n"
        "status = finetuning_job.main(['--json', sys.argv[1]], stdout=out)\n"
        "print(status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path), str(path) + ".out"],
        capture_output=True,
        text=True,
        cwd=MODULE.parent,
        check=True,
    )
    status, peak = result.stdout.split()
    assert status == "0"
    return int(peak)


def test_json_output_streams_in_bounded_memory(tmp_path: Path) -> None:
    line = (json.dumps(job("succeeded")) + "\n").encode()
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_bytes(line * 1_000)
    large.write_bytes(line * 10_000)
    grown = peak_memory_kib(large) - peak_memory_kib(small)
    # Holding 9,000 more jobs would take tens of megabytes; streaming takes next to nothing.
    assert grown < 4_000, f"peak memory grew by {grown} KiB"
    assert Path(str(large) + ".out").read_text().count("\n") == 10_000


def test_help_describes_every_option() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert ftj.main(["--help"]) == 0
    text = " ".join(out.getvalue().split())
    assert text.startswith("usage: finetuning-job [-h] [--json] [--strict] [--wide] [--version] FILE [FILE ...]")
    for phrase in (
        "Check OpenAI fine-tuning jobs, job events, checkpoints, webhook events and checkpoint permissions, and "
        "summarise them. Each FILE holds one of them, a list page of them, or JSON Lines (one of those per line).",
        "FILE a file to read; - for standard input",
        "--json write each object read as canonical JSON, one per line",
        "--strict enforce the schema to the letter",
        "--wide show tables in full, cutting nothing (by default they fit COLUMNS, or the terminal written to)",
        "Exit status: 0 all valid, 1 an invalid or malformed object or an input with no JSON value, 2 a usage error, "
        "an unreadable file or output that cannot be written.",
    ):
        assert f" {phrase} " in f" {text} "


def test_defaults_are_the_real_streams_and_clock(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(job("running")).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert ftj.main(["-", "missing.json"]) == 2
    out, err = capsys.readouterr()
    assert out.splitlines()[1] == "==> <stdin> <=="
    row = out.splitlines()[2]
    assert row.startswith("ftjob-runnsup0001  running") and row.endswith(" so far")
    assert "d " in row.split("2026-01-01 00:00")[1]  # created 2026-01-01: days ago by now
    assert err == "missing.json: cannot read: No such file or directory\n"


def test_counts_lines_utf16_and_strict_pages(tmp_path: Path) -> None:
    archive = tmp_path / "jobs.jsonl"
    lines = ["", "", json.dumps(job("succeeded")), json.dumps(job("succeeded")), "{"]
    archive.write_text("\n".join(lines) + "\n")
    code, out, err = run(str(archive))
    assert (code, out.splitlines()[-1]) == (1, "2 jobs: 2 succeeded")
    assert err.startswith(f"{archive}:5: $: invalid JSON")
    utf16 = tmp_path / "job16.json"
    utf16.write_bytes(json.dumps(job("queued"), indent=2).encode("utf-16"))
    assert run(str(utf16))[0] == 0
    listed = tmp_path / "page.json"
    listed.write_text(json.dumps(page([{**job("queued"), "user_provided_suffix": None}])))
    assert run(str(listed))[0] == 0
    assert run("--strict", str(listed)) == (1, "", f"{listed}: $.data[0].user_provided_suffix: unknown key\n")


def test_an_unreadable_file_does_not_stop_the_others() -> None:
    code, out, err = run("missing.json", str(EXAMPLES / "job.json"))
    assert code == 2 and "ftjob-7Hq2LmZx9RtYb1Wz" in out and err.startswith("missing.json: cannot read")


def test_negative_and_long_durations() -> None:
    assert ftj._format_duration(datetime.timedelta(seconds=-60)) == "-1m 00s"
    assert ftj._format_duration(datetime.timedelta(days=1)) == "1d 00h"
    assert ftj._format_duration(datetime.timedelta(days=2, hours=3, minutes=4, seconds=5)) == "2d 03h"
    assert ftj._format_duration(datetime.timedelta(hours=1, seconds=1)) == "1h 00m 01s"
    assert ftj._format_duration(datetime.timedelta(0)) == "0m 00s"


class ClosedPipe(io.StringIO):
    """Standard output whose reader went away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("argv", [["--json"], []])
def test_a_closed_output_pipe_ends_the_run_quietly(argv: List[str], monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    assert ftj.main([*argv, str(EXAMPLES / "page.json")], stdout=ClosedPipe(), stderr=err) == 0
    assert err.getvalue() == ""
    monkeypatch.setattr(sys, "stdout", ClosedPipe())  # the real stdout's stand-in has no descriptor
    assert ftj.main([*argv, str(EXAMPLES / "page.json")], stderr=err) == 0
    assert err.getvalue() == ""


def test_piped_into_head_the_run_ends_quietly(tmp_path: Path) -> None:
    archive = tmp_path / "jobs.jsonl"
    archive.write_text((json.dumps(job("succeeded")) + "\n") * 5000)
    command = f"{sys.executable} {MODULE} --json {archive} | head -c 100"
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, check=True)
    assert len(result.stdout) == 100 and result.stderr == ""


def closed_pipe() -> Any:
    """A writable file whose reader has gone: writing to it raises BrokenPipeError."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return os.fdopen(write_end, "w", buffering=1)  # line-buffered: each job line is a write


def test_a_closed_real_stdout_is_pointed_at_the_null_device(monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = closed_pipe()
    monkeypatch.setattr(sys, "stdout", stdout)
    err = io.StringIO()
    assert ftj.main(["--json", str(EXAMPLES / "page.json")], stderr=err) == 0
    assert err.getvalue() == ""
    os.write(stdout.fileno(), b"x")  # no BrokenPipeError: the descriptor now leads to the null device
    stdout.close()


def test_only_the_real_stdout_is_redirected(monkeypatch: pytest.MonkeyPatch) -> None:
    other = closed_pipe()
    ftj._silence(other)
    with pytest.raises(BrokenPipeError):
        os.write(other.fileno(), b"x")
    other.close()


# --- The second round: hostile files, partial pages, bounded errors, positions, the table, hints


def test_input_nested_too_deep_is_a_problem_and_the_next_file_is_read(tmp_path: Path) -> None:
    arrays, unclosed, pretty = tmp_path / "arrays.json", tmp_path / "unclosed.json", tmp_path / "pretty.json"
    arrays.write_text("[" * 2000 + "]" * 2000)
    unclosed.write_text("[" * 200_000)
    # A pretty-printed job with a value 5,000 levels deep (json.dumps itself cannot write it).
    pretty.write_text(json.dumps(job("queued"), indent=1)[:-2] + ',\n "x_deep": ' + "[" * 5000 + "]" * 5000 + "\n}")
    code, out, err = run(str(arrays), str(unclosed), str(pretty), str(EXAMPLES / "job.json"))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 3
    assert lines[:2] == [f"{arrays}: $: nested deeper than 100 levels", f"{unclosed}: $: nested deeper than 100 levels"]
    # The library's words; where it says so depends on how deep the Python's parser goes.
    assert lines[2].startswith(f"{pretty}: $") and lines[2].endswith(": nested deeper than 100 levels")
    assert "ftjob-7Hq2LmZx9RtYb1Wz" in out


def test_problems_are_bounded_per_input(tmp_path: Path) -> None:
    bad = {**job("queued"), "seed": -1}
    path = tmp_path / "bad-page.json"
    path.write_text(json.dumps(page([bad] * 5000)))
    archive = tmp_path / "bad.jsonl"
    archive.write_text((json.dumps(bad) + "\n") * 60 + json.dumps(job("running")) + "\n")
    code, out, err = run(str(path), str(archive))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 2 * (ftj.MAX_PROBLEMS_SHOWN + 1)
    assert lines[0] == f"{path}: $.data[0].seed: expected an integer in 0..2147483647, got -1"
    assert lines[49] == f"{path}: $.data[49].seed: expected an integer in 0..2147483647, got -1"
    assert lines[50] == f"{path}: ... and 4,950 more problems"
    assert lines[51] == f"{archive}:1: $.seed: expected an integer in 0..2147483647, got -1"
    assert lines[-1] == f"{archive}: ... and 10 more problems"
    assert out.splitlines()[-3:] == [f"==> {archive} <==", out.splitlines()[-2], "1 job: 1 running"]
    assert out.splitlines()[-2].startswith("ftjob-runnsup0001  running")


def test_json_lines_positions_are_the_file_line_and_the_column_in_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    lines = [json.dumps(job("queued")), json.dumps(job("running")), '{"id": "ftjob-1", "status": "queued" "model": 1}']
    broken.write_text("\n".join(lines) + "\n")
    assert run(str(broken))[2] == f"{broken}:3: $: invalid JSON: Expecting ',' delimiter at column 38\n"
    first_broken = tmp_path / "first.jsonl"
    first_broken.write_text("\n".join([lines[2], lines[0]]) + "\n")
    code, out, err = run(str(first_broken))
    assert (code, err) == (1, f"{first_broken}:1: $: invalid JSON: Expecting ',' delimiter at column 38\n")
    assert "ftjob-queusup0001" in out
    document = tmp_path / "job.json"
    document.write_text(json.dumps(job("queued"), indent=2).replace('"queued"', '"queued" "x"'))
    assert run(str(document))[2] == f"{document}: $: invalid JSON: Expecting ',' delimiter at line 16 column 22\n"


def test_two_documents_in_one_file_suggest_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_text(json.dumps(job("queued"), indent=2) + "\n" + json.dumps(job("running"), indent=2))
    assert run(str(path))[2] == (
        f"{path}: $: invalid JSON: Extra data at line 38 column 1 (a second JSON value: JSON Lines holds one value per line)\n"
    )


def test_a_timestamp_in_milliseconds_says_so(tmp_path: Path) -> None:
    path = tmp_path / "ms.json"
    path.write_text(json.dumps({**job("queued"), "created_at": 1692661014000}))
    assert run(str(path))[2] == (
        f"{path}: $.created_at: expected an integer in 0..253402300799, got 1692661014000 "
        "(milliseconds? timestamps are in seconds)\n"
    )


def test_with_several_inputs_a_heading_names_each_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")  # the full table is 129 wide: tokens and duration are left out
    code, out, err = run(str(EXAMPLES / "job.json"), str(EXAMPLES / "page.json"))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ID                      STATUS     MODEL                                     CREATED (UTC)     ERROR",
        f"==> {EXAMPLES / 'job.json'} <==",
        "ftjob-7Hq2LmZx9RtYb1Wz  succeeded  ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4  2026-01-01 00:00  -",
        f"==> {EXAMPLES / 'page.json'} <==",
        "ftjob-dpoRun5Ks8        running    gpt-4o-2024-08-06                         2026-01-02 00:00  -",
        "ftjob-failQ3Vn2         failed     gpt-4o-mini-2024-07-18                    2025-12-31 00:00  invalid_n_examples",
        "ftjob-rftPause1         paused     o4-mini-2025-04-16                        2025-12-30 00:00  -",
        "4 jobs: 1 succeeded, 1 running, 1 failed, 1 paused",
    ]


def test_an_unknown_status_is_marked_and_a_long_base_model_is_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    path = tmp_path / "jobs.jsonl"
    odd = {**job("running"), "status": "pending", "model": "gpt-4o-mini-2024-07-18-with-a-very-long-name-indeed-xyz"}
    path.write_text(json.dumps(odd) + "\n" + json.dumps(job("succeeded")) + "\n")
    code, out, _ = run(str(path))
    assert code == 0
    assert out.splitlines()[1] == (
        "ftjob-runnsup0001  pending?   gpt-4o-mini-2024-07-18-with-a-very-long-name-in…  -        2026-01-01 00:00  1d 12h so far"
    )
    assert max(len(line) for line in out.splitlines()) <= 120


@pytest.mark.parametrize("name", ["job.json", "page.json", "archive.jsonl", "polling.jsonl", "events.json"])
def test_the_examples_fit_a_120_column_terminal(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, text, _ = run(str(EXAMPLES / name))
    assert code == 0
    assert max(len(line) for line in text.splitlines()) <= 120


def test_a_page_given_as_a_job_names_the_class_to_read_it() -> None:
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_json((EXAMPLES / "page.json").read_bytes())
    assert [str(e) for e in info.value.errors] == [
        '$.object: expected "fine_tuning.job", got "list" (a page of fine_tuning.job objects): read it with FineTuningJobList'
    ]


@pytest.mark.parametrize(
    ("called", "name"),
    [
        ("/opt/bin/finetuning-job", "finetuning-job"),
        ("vendor/finetuning_job.py", "finetuning_job.py"),
        ("", "finetuning-job"),
    ],
)
def test_version_names_the_program_as_it_was_called(called: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [called])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert ftj.main(["--version"]) == 0
    assert out.getvalue() == f"{name} {ftj.__version__}\n"


def test_version_names_python_m_when_run_as_a_module(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.machinery  # noqa: PLC0415
    import types  # noqa: PLC0415

    main_module = types.ModuleType("__main__")
    main_module.__spec__ = importlib.machinery.ModuleSpec("finetuning_job.__main__", None)  # the installed package
    monkeypatch.setitem(sys.modules, "__main__", main_module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert ftj.main(["--version"]) == 0
    assert out.getvalue() == f"python -m finetuning_job {ftj.__version__}\n"


# --- Events and checkpoints


def write(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, indent=2))
    return str(path)


def test_an_events_page_is_a_table_with_its_loss_line(tmp_path: Path) -> None:
    code, out, err = run(write(tmp_path / "events.json", event_page()))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        "ID                  CREATED (UTC)        LEVEL  TYPE     MESSAGE",
        "ftevent-6955c74d34  2026-01-01 01:01:01  info   message  The job has successfully completed",
    ]
    assert lines[-3:] == [
        "15 events: 15 info",
        "train loss 2.31 █▃▂▂▁▁▁▁▁▁▁▁▁ 0.34 over steps 1-120",
        "valid loss 2.5 █▃▂▂▁▁▁▁▁▁▁▁▁ 0.468 over steps 1-120",
    ]


def test_a_checkpoints_page_and_a_job_give_a_table_each(tmp_path: Path) -> None:
    code, out, err = run(write(tmp_path / "checkpoints.json", checkpoint_page()), str(EXAMPLES / "job.json"))
    assert (code, err) == (0, "")
    jobs, checkpoints = out.split("\n\n")
    assert jobs.splitlines()[1] == f"==> {EXAMPLES / 'job.json'} <=="
    assert checkpoints.splitlines() == [
        "STEP  TRAIN LOSS  VALID LOSS  MODEL",
        f"==> {tmp_path / 'checkpoints.json'} <==",
        "120   0.41        0.51        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-120",
        "80    0.52        0.62        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-80",
        "40    0.77        0.87        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-40",
        "3 checkpoints",
        f"{tmp_path / 'checkpoints.json'}: train loss 0.77 █▃▁ 0.41 over steps 40-120",
        f"{tmp_path / 'checkpoints.json'}: valid loss 0.87 █▃▁ 0.51 over steps 40-120",
    ]


def test_json_writes_each_event_and_checkpoint_in_canonical_form(tmp_path: Path) -> None:
    lines = [json.dumps(event("warn", "Training file has duplicates", data=None)), json.dumps(checkpoint(40))]
    archive = tmp_path / "items.jsonl"
    archive.write_text("\n".join(lines) + "\n")
    code, out, err = run("--json", write(tmp_path / "events.json", event_page()), str(archive))
    assert (code, err) == (0, "")
    written = out.splitlines()
    expected = [e.to_json() for e in ftj.FineTuningJobEventList.from_dict(event_page()).data]
    expected += [
        ftj.FineTuningJobEvent.from_json(lines[0]).to_json(),
        ftj.FineTuningJobCheckpoint.from_json(lines[1]).to_json(),
    ]
    assert written == expected
    assert '"data"' not in written[-2]  # null data is not given, and left out


def test_a_page_of_events_with_a_bad_event_lists_the_others(tmp_path: Path) -> None:
    data = event_page()
    data["data"][2]["level"] = 3
    data["data"][4]["object"] = "fine_tuning.job"
    path = write(tmp_path / "events.json", data)
    code, out, err = run(path)
    assert code == 1
    assert err.splitlines() == [
        f'{path}: $.data[2].level: expected one of "info", "warn", "error", got 3 (int)',
        f'{path}: $.data[4].object: expected "fine_tuning.job.event", got "fine_tuning.job": read it with FineTuningJob',
    ]
    assert out.splitlines()[-3] == "13 events: 13 info"
    del data["has_more"]
    code, _, err = run("--strict", write(tmp_path / "events.json", data))
    assert code == 1 and err.splitlines()[0] == f"{path}: $.has_more: required key missing"


# --- Details found unchecked by mutation testing


def test_the_program_name_when_main_is_not_a_script(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.machinery  # noqa: PLC0415
    import types  # noqa: PLC0415

    single = types.ModuleType("__main__")
    single.__spec__ = importlib.machinery.ModuleSpec("finetuning_job", None)  # python -m with the one file
    monkeypatch.setitem(sys.modules, "__main__", single)
    assert ftj._program_name() == "python -m finetuning_job"
    monkeypatch.delitem(sys.modules, "__main__")  # embedded, or called from another program
    monkeypatch.setattr(sys, "argv", [])
    assert ftj._program_name() == "finetuning-job"


def nested(levels: int) -> Any:
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


def test_the_program_counts_nesting_from_the_top_of_each_input(tmp_path: Path) -> None:
    # The deepest container allowed is at level 100: a job is at level 1, a page's item at 3.
    deepest_in_job = {**job("running"), "x_deep": nested(ftj.MAX_DEPTH - 1)}
    deepest_in_page = page([{**job("running"), "x_deep": nested(ftj.MAX_DEPTH - 3)}])
    deepest_on_page = {**page([job("running")]), "x_deep": nested(ftj.MAX_DEPTH - 1)}
    for data in (deepest_in_job, deepest_in_page, deepest_on_page):
        code, _, err = run(write(tmp_path / "deep.json", data))
        assert (code, err) == (0, ""), err
    too_deep = page([{**job("running"), "x_deep": nested(ftj.MAX_DEPTH - 2)}])
    code, _, err = run(write(tmp_path / "deeper.json", too_deep))
    assert code == 1 and "$.data[0].x_deep" in err and "nested deeper than 100 levels" in err


def test_an_object_member_that_is_not_text_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    code, _, err = run(write(tmp_path / "odd.json", {**job("running"), "object": ["list"]}))
    assert code == 1 and err.endswith('odd.json: $.object: expected "fine_tuning.job", got ["list"] (list)\n')


def test_exactly_the_problems_shown_need_no_count_of_more(tmp_path: Path) -> None:
    bad = {**job("queued"), "seed": -1}
    code, _, err = run(write(tmp_path / "fifty.json", page([bad] * ftj.MAX_PROBLEMS_SHOWN)))
    assert code == 1 and len(err.splitlines()) == ftj.MAX_PROBLEMS_SHOWN and "more problems" not in err


def test_events_from_several_inputs_are_headed_and_their_messages_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    long = event("info", "m" * 200)
    first = write(tmp_path / "a.json", {"object": "list", "data": [long, metrics_event(1, 2.0)]})
    second = write(tmp_path / "b.json", {"object": "list", "data": [metrics_event(2, 1.0)]})
    code, out, err = run(first, second)
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert lines[1] == f"==> {first} <=="
    assert lines[2].endswith("m…") and len(lines[2]) == 120 and " message " in lines[2]
    assert lines[-2:] == [f"{first}: train loss 2 ▄ 2 over step 1", f"{second}: train loss 1 ▄ 1 over step 2"]


# --- Ordinary mistakes get a straight answer: the wrong file, totals, pages, width, output


def test_every_input_kind_and_count_has_a_totals_line(tmp_path: Path) -> None:
    one_event = write(tmp_path / "event.json", event("warn", "Training file has duplicates"))
    one_checkpoint = write(tmp_path / "checkpoint.json", checkpoint(40))
    assert run(str(EXAMPLES / "job.json"))[1].splitlines()[-1] == "1 job: 1 succeeded"
    assert run(one_event)[1].splitlines()[-1] == "1 event: 1 warn"
    assert run(one_checkpoint)[1].splitlines()[-3:] == [
        "1 checkpoint",
        "train loss 0.4 ▄ 0.4 over step 40",
        "valid loss 0.5 ▄ 0.5 over step 40",
    ]


def test_a_page_with_more_to_come_names_the_id_to_continue_after(tmp_path: Path) -> None:
    listed = json.loads((EXAMPLES / "page.json").read_text())
    more = write(tmp_path / "more.json", {**listed, "has_more": True})
    code, out, err = run(more)
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        "3 jobs: 1 running, 1 failed, 1 paused",
        "more on the next page: after=ftjob-rftPause1",
    ]
    # JSON Lines of pages, as an archive of a listing: the last page read says whether more come.
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps(event_page(has_more=True)) + "\n" + json.dumps({**listed, "has_more": True}) + "\n")
    code, out, _ = run(str(pages), str(EXAMPLES / "page.json"))
    assert out.splitlines()[-1] == f"{pages}: more on the next page: after=ftjob-rftPause1"
    pages.write_text(json.dumps({**listed, "has_more": True}) + "\n" + json.dumps(listed) + "\n")
    assert run(str(pages))[1].splitlines()[-1] == "6 jobs: 2 running, 2 failed, 2 paused"
    # An item without an id cannot be continued after: the page still says more come.
    listed["data"].append({"object": "fine_tuning.job"})
    assert (
        run(write(tmp_path / "odd.json", {**listed, "has_more": True}))[1].splitlines()[-1] == "more on the next page"
    )


def test_an_empty_page_is_said_to_be_empty(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.json", {"object": "list", "data": [], "has_more": False})
    assert run(empty) == (0, "an empty list page\n", "")
    pages = tmp_path / "empty.jsonl"
    pages.write_text('{"object": "list", "data": []}\n' * 3)
    assert run(str(pages), empty) == (0, f"{pages}: 3 empty list pages\n{empty}: an empty list page\n", "")
    code, out, _ = run(empty, str(EXAMPLES / "job.json"))
    assert (code, out.splitlines()[-2:]) == (0, ["1 job: 1 succeeded", f"{empty}: an empty list page"])
    # A page whose items were all invalid is not empty: its problems say what was there.
    code, out, err = run(write(tmp_path / "bad.json", page([{**job("queued"), "seed": -1}])))
    assert (code, out) == (1, "") and err.endswith("$.data[0].seed: expected an integer in 0..2147483647, got -1\n")


def test_problems_follow_the_tables_in_one_stream(tmp_path: Path) -> None:
    bad = {**job("queued"), "seed": -1}
    path = tmp_path / "jobs.jsonl"
    path.write_text(json.dumps(bad) + "\n" + json.dumps(job("running")) + "\n{\n")
    both = io.StringIO()  # standard output and standard error on one terminal
    assert ftj.main([str(path)], stdin=io.BytesIO(), stdout=both, stderr=both, now=NOW) == 1
    lines = both.getvalue().splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["ID", "ftjob-runnsup0001", "1"]
    assert lines[3:] == [
        f"{path}:1: $.seed: expected an integer in 0..2147483647, got -1",
        f"{path}:3: $: invalid JSON: Expecting property name enclosed in double quotes at column 2 (the line ends there: is it cut short?)",
    ]
    # With --json, which streams, each problem is written as its line is read.
    both = io.StringIO()
    assert ftj.main(["--json", str(path)], stdin=io.BytesIO(), stdout=both, stderr=both, now=NOW) == 1
    assert [line[:12] for line in both.getvalue().splitlines()] == [
        f"{path}:1: $"[:12],
        '{"id":"ftjob',
        f"{path}:3: $"[:12],
    ]


def test_training_data_and_a_legacy_event_are_named_once(tmp_path: Path) -> None:
    training = tmp_path / "train.jsonl"
    chat = {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}
    training.write_text((json.dumps(chat) + "\n") * 40)
    assert run(str(training)) == (
        1,
        "",
        f"{training}:1: $: expected a fine-tuning job, event, checkpoint, webhook event or checkpoint permission, or a list page of them, "
        "got fine-tuning training data (chat messages)\n",
    )
    legacy = {"object": "event", "created_at": 1692661014, "level": "info", "message": "Created fine-tune: ft-abc"}
    path = write(tmp_path / "legacy.json", legacy)
    assert run(path) == (
        1,
        "",
        f'{path}: $.id: required key missing\n{path}: $.object: expected "fine_tuning.job.event", got "event"\n',
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("missing-comma", "Expecting ',' delimiter at line 19 column 3"),
        ("none", "Expecting value at line 4 column 12 (Python's None: JSON writes null)"),
        ("cut", "Unterminated string starting at line 37 column 3 (the input ends inside it: is it cut short?)"),
    ],
)
def test_a_broken_pretty_job_with_a_one_line_object_is_one_problem(tmp_path: Path, text: str, expected: str) -> None:
    pretty = json.dumps(job("succeeded"), indent=2).replace('"seed": 1234', '"seed": 1234,\n  "x_tags": \n{"a": 1}', 1)
    assert json.loads(pretty)["x_tags"] == {"a": 1}  # a one-line object, in the first column
    broken = {
        "missing-comma": pretty.replace('"succeeded",', '"succeeded"', 1),
        "none": pretty.replace("null", "None", 1),
        "cut": pretty[: pretty.index('"metadata"') + 4],
    }[text]
    path = tmp_path / "job.json"
    path.write_text(broken)
    assert run(str(path)) == (1, "", f"{path}: $: invalid JSON: {expected}\n")


class Recorder:
    """Stands in for the text tables and records the width each was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.widths: List[Any] = []
        monkeypatch.setattr(ftj, "_text_table", self.table)

    def table(self, columns: Any, items: Any, now: Any, width: Any) -> List[str]:
        self.widths.append(width)
        return ["HEADER", *("row" for _ in items)]


def test_the_tables_fit_columns_when_set_and_otherwise_cut_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder(monkeypatch)
    inputs = [str(EXAMPLES / "job.json"), str(EXAMPLES / "events.json"), write(tmp_path / "c.json", checkpoint_page())]
    assert run(*inputs)[0] == 0
    monkeypatch.setenv("COLUMNS", "80")
    assert run(*inputs)[0] == 0
    assert run("--wide", *inputs)[0] == 0
    for ignored in ("", "0", "wide", "-5"):
        monkeypatch.setenv("COLUMNS", ignored)
        assert run(*inputs)[0] == 0
    assert recorder.widths == [None] * 3 + [80] * 3 + [None] * 3 + [None] * 12


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_the_tables_fit_its_width(monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl  # noqa: PLC0415 (POSIX only)
    import struct  # noqa: PLC0415
    import termios  # noqa: PLC0415

    recorder = Recorder(monkeypatch)
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 97, 0, 0))  # 40 rows of 97 columns
    with os.fdopen(terminal, "w") as stdout:
        # A stream on the terminal's descriptor that says it is no terminal: isatty decides.
        redirected = types.SimpleNamespace(isatty=lambda: False, fileno=stdout.fileno)
        assert ftj._width(False, redirected, {}) is None
        assert ftj.main([str(EXAMPLES / "job.json")], stdout=stdout, stderr=io.StringIO()) == 0
        monkeypatch.setenv("COLUMNS", "132")  # COLUMNS wins, as in every tool that reads it
        assert ftj.main([str(EXAMPLES / "job.json")], stdout=stdout, stderr=io.StringIO()) == 0
        assert ftj.main(["--wide", str(EXAMPLES / "job.json")], stdout=stdout, stderr=io.StringIO()) == 0
    os.close(controller)
    assert recorder.widths == [97, 132, None]


def test_a_closed_stream_has_no_width() -> None:
    closed = io.StringIO()
    closed.close()
    assert ftj._width(False, closed, {}) is None


def test_columns_of_one_is_a_width() -> None:
    assert ftj._width(False, io.StringIO(), {"COLUMNS": "1"}) == 1
    assert ftj._width(True, io.StringIO(), {"COLUMNS": "1"}) is None


@pytest.mark.parametrize(
    ("lines", "one_per_line"),
    [
        (['{"id": 1}', '{"id": 2}'], True),
        (['{"id": 1}', "]"], False),  # a document's last item, then what closes it
        (['{"id": 1}', "}"], False),
        (['{"id": 1}', "  ]", "}"], False),  # closed on an indented line
        ([b'{"id": 1}', b"]"], False),
        ([b'{"id": 1}', b"}"], False),
        ([b'{"id": 1}', b'{"id": 2}'], True),
        (['  {"id": 1}', "]"], False),  # indented: a document's nested line
        (["", '{"id": 1}', "", "x"], True),
    ],
)
def test_after_a_broken_first_line_json_lines_are_told_from_a_document(lines: List[Any], one_per_line: bool) -> None:
    assert ftj._one_value_per_line(lines) is one_per_line


class FullDisk(io.StringIO):
    """Standard output on a full disk: writing (or flushing what was written) fails."""

    def __init__(self, fail_on: str) -> None:
        super().__init__()
        self.fail_on = fail_on

    def write(self, text: str) -> int:
        self.fail("write")
        return super().write(text)

    def flush(self) -> None:
        self.fail("flush")

    def fail(self, operation: str) -> None:
        if operation == self.fail_on:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("fail_on", ["write", "flush"])
@pytest.mark.parametrize("argv", [["--json"], []], ids=["json", "table"])
def test_output_that_cannot_be_written_is_one_line_naming_standard_output(argv: List[str], fail_on: str) -> None:
    err = io.StringIO()
    assert ftj.main([*argv, str(EXAMPLES / "page.json")], stdout=FullDisk(fail_on), stderr=err, now=NOW) == 2
    assert err.getvalue() == "<stdout>: cannot write: No space left on device\n"
    err = io.StringIO()
    assert (
        ftj.main(
            [*argv, "-", "missing.json", str(EXAMPLES / "job.json")],
            stdin=io.BytesIO(),
            stdout=FullDisk(fail_on),
            stderr=err,
            now=NOW,
        )
        == 2
    )
    assert err.getvalue() == (
        "<stdin>: no JSON value\nmissing.json: cannot read: No such file or directory\n"
        "<stdout>: cannot write: No space left on device\n"
    )


def test_a_pipe_closed_at_the_last_flush_ends_quietly() -> None:
    class ClosedAtFlush(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    err = io.StringIO()
    assert ftj.main([str(EXAMPLES / "page.json"), "missing.json"], stdout=ClosedAtFlush(), stderr=err, now=NOW) == 2
    assert err.getvalue() == "missing.json: cannot read: No such file or directory\n"  # the inputs' problems still hold


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["--json"], []], ids=["json", "table"])
def test_a_full_disk_is_one_line_and_exit_status_2(argv: List[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, str(MODULE), *argv, str(EXAMPLES / "page.json")],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert (result.returncode, result.stderr) == (2, "<stdout>: cannot write: No space left on device\n")


# --- Webhook events and checkpoint permissions (CONTRACT.md section 9): a table per kind.


def test_webhook_events_and_permissions_are_tables_with_totals(tmp_path: Path) -> None:
    failed = {**webhook_event("failed", "ftjob-b"), "id": "evt_2", "created_at": 1767229900}
    newer = {**webhook_event("paused", "ftjob-c"), "id": "evt_3"}  # a type newer than the module
    events = tmp_path / "events.jsonl"
    events.write_text("\n".join(json.dumps(value) for value in (webhook_event(), failed, newer)) + "\n")
    permissions = write(tmp_path / "permissions.json", permission_page())
    deleted = write(tmp_path / "deleted.json", deleted_permission())
    code, out, err = run(str(events), permissions, deleted)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ID                                    CREATED (UTC)        TYPE                       JOB",
        f"==> {events} <==",
        "evt_685c0590f2d48190a7ed3e2b8f1c9d6e  2026-01-01 01:01:01  fine_tuning.job.succeeded  ftjob-7Hq2LmZx9RtYb1Wz",
        "evt_2                                 2026-01-01 01:11:40  fine_tuning.job.failed     ftjob-b",
        "evt_3                                 2026-01-01 01:01:01  fine_tuning.job.paused?    ftjob-c",
        "3 webhook events: 1 fine_tuning.job.succeeded, 1 fine_tuning.job.failed, 1 fine_tuning.job.paused",
        "",
        "ID                           CREATED (UTC)        PROJECT",
        f"==> {permissions} <==",
        "cp_zc4Q7MP6XxulcVzj4MZdwsAB  2026-01-01 01:01:40  proj_abGMw1llN8IrBb6SvvY5A1iH",
        "cp_enQCFmOTGj3syEpYVhBRLTSy  2026-01-01 01:01:40  proj_iqGMw1llN8IrBb6SvvY5A1oF",
        "2 permissions",
        "",
        "ID                           DELETED",
        f"==> {deleted} <==",
        "cp_zc4Q7MP6XxulcVzj4MZdwsAB  yes",
        "1 deleted permission",
    ]
    code, out, _ = run("--json", str(events), deleted)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == [
        "evt_685c0590f2d48190a7ed3e2b8f1c9d6e",
        "evt_2",
        "evt_3",
        "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
    ]


def test_another_products_webhook_event_is_refused_at_its_type(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.json", {**webhook_event(), "type": "batch.completed"})
    assert run(path) == (
        1,
        "",
        f'{path}: $.type: expected a fine-tuning event (a type that starts with "fine_tuning.job."), got "batch.completed"\n',
    )


def test_a_narrow_terminal_leaves_out_the_webhook_event_id_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "75")
    code, out, _ = run(write(tmp_path / "event.json", webhook_event()))
    assert code == 0
    assert out.splitlines() == [
        "CREATED (UTC)        TYPE                       JOB",
        "2026-01-01 01:01:01  fine_tuning.job.succeeded  ftjob-7Hq2LmZx9RtYb1Wz",
        "1 webhook event: 1 fine_tuning.job.succeeded",
    ]
