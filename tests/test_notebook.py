"""The module at home in a notebook, tested in a real kernel: a notebook whose first cell is
the module's whole source runs with nbclient and ipykernel, and its outputs are read back.

The notebook packages come with the `notebook` extra. Without them these tests are skipped,
except where FINETUNING_JOB_NOTEBOOK=required (CI sets it where it installed them): there a
missing package fails the run instead."""

import importlib
import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

from tests import ftj
from tests.fixtures import EXAMPLES, event_page, example

REQUIRED = os.environ.get("FINETUNING_JOB_NOTEBOOK") == "required"
nbformat: Any = importlib.import_module("nbformat") if REQUIRED else pytest.importorskip("nbformat")
nbclient: Any = importlib.import_module("nbclient") if REQUIRED else pytest.importorskip("nbclient")

MARKUP = '<script>alert("x")</script>'


def run_notebook(cells: List[str], where: Path) -> List[List[Dict[str, Any]]]:
    """Execute the cells in a fresh kernel; return each cell's outputs."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(where)}}
    )
    client.execute()  # raises CellExecutionError at the first cell that fails
    return [cell.outputs for cell in notebook.cells]


def shown(outputs: List[Dict[str, Any]], mime: str) -> str:
    return "".join(output.get("data", {}).get(mime, "") for output in outputs)


def printed(outputs: List[Dict[str, Any]]) -> str:
    return "".join(output.get("text", "") for output in outputs if output["output_type"] == "stream")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> List[List[Dict[str, Any]]]:
    where = tmp_path_factory.mktemp("notebook")
    bad = {**example("job.json"), "status": "failed", "model": MARKUP, "error": {"code": "<b>x</b>", "message": MARKUP}}
    source = Path(ftj.__file__).read_text(encoding="utf-8")
    cells = [
        source,  # pasted whole: defines everything, runs nothing
        f"page = FineTuningJobList.from_json(open({str(EXAMPLES / 'page.json')!r}, 'rb').read())\npage",
        f"import json\nFineTuningJob.from_json({json.dumps(bad)!r})",
        'print(page.data[0].status, f"{page.data[1].status}", FineTuningJobStatus("pending"), sep="|")',
        "try:\n    FineTuningJob.from_dict({'id': 1})\nexcept ValidationError as exc:\n    error = exc\nerror",
        "page.data[1]",
        f"FineTuningJobEventList.from_json({json.dumps(event_page())!r})",
        # A big page: a thousand jobs, built in the kernel from the example's second one; its
        # plain text fitted to a terminal of 72 columns (COLUMNS, as shutil.get_terminal_size reads it).
        "import dataclasses, os\n"
        "os.environ['COLUMNS'] = '72'\n"
        "big = FineTuningJobList(data=[dataclasses.replace(page.data[1], id=f'ftjob-{i:04d}') for i in range(1000)])\n"
        "big",
    ]
    return run_notebook(cells, where)


def test_pasting_the_module_into_a_cell_defines_it_and_runs_nothing(outputs: List[List[Dict[str, Any]]]) -> None:
    assert outputs[0] == []


def test_a_page_shows_every_job_in_html(outputs: List[List[Dict[str, Any]]]) -> None:
    page = shown(outputs[1], "text/html")
    for job in example("page.json")["data"]:
        assert job["id"] in page and job["status"] in page
    assert "3 jobs: 1 running, 1 failed, 1 paused." in page
    assert "<script" not in page.lower()


def test_markup_in_a_job_is_escaped(outputs: List[List[Dict[str, Any]]]) -> None:
    card = shown(outputs[2], "text/html")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in card and "&lt;b&gt;x&lt;/b&gt;" in card
    assert "<script" not in card and "<b>x" not in card


def test_statuses_print_as_their_values(outputs: List[List[Dict[str, Any]]]) -> None:
    assert printed(outputs[3]) == "running|failed|pending\n"


def test_a_validation_error_reads_as_its_lines(outputs: List[List[Dict[str, Any]]]) -> None:
    text = shown(outputs[4], "text/plain")
    assert text.splitlines()[:3] == [
        "ValidationError: 6 validation errors for FineTuningJob",
        "  $.id: expected a string, got 1 (int)",
        "  $.created_at: required key missing",
    ]


def test_a_job_reads_on_several_lines_as_plain_text(outputs: List[List[Dict[str, Any]]]) -> None:
    lines = shown(outputs[5], "text/plain").splitlines()
    assert lines[0] == "FineTuningJob ftjob-failQ3Vn2"
    assert "  status            failed" in lines
    assert any(line.startswith("  error             invalid_n_examples: ") for line in lines)


def test_an_events_page_shows_its_loss_as_a_chart(outputs: List[List[Dict[str, Any]]]) -> None:
    chart = shown(outputs[6], "text/html")
    assert chart.count("<svg") == 1 and "<title>train loss</title>" in chart
    assert ">15 events: 15 info. Newest first.</div>" in chart
    assert "train loss 2.31" in shown(outputs[6], "text/plain")


def test_a_big_page_shows_its_first_100_jobs_and_counts_them_all(outputs: List[List[Dict[str, Any]]]) -> None:
    table = shown(outputs[7], "text/html")
    assert table.count("<tr>") == 102 and ">ftjob-0099</span>" in table and "ftjob-0100" not in table
    assert ">… 900 more jobs on this page</td>" in table and ">1,000 jobs: 1,000 failed.</div>" in table
    assert len(table.encode("utf-8")) < 120_000  # all thousand rows made 1.2 MB
    text = shown(outputs[7], "text/plain").splitlines()
    assert text[0] == "FineTuningJobList: 1,000 jobs: 1,000 failed" and text[-1] == "… 900 more jobs on this page"
    assert len(text) == 103 and max(map(len, text)) <= 72
