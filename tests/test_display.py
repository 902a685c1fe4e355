"""What scripts and notebooks show: statuses as their values, summaries, changes between two
snapshots, the notebook HTML and IPython's plain text, tables fitted to a width, and colours
that read on light and dark backgrounds.

Run as a program, it writes the approved displays again: python -m tests.test_display --write DIR"""

import ast
import datetime
import json
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple
from xml.etree import ElementTree

import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import (
    STATUSES,
    checkpoint,
    checkpoint_page,
    event,
    event_page,
    every_job,
    example,
    job,
    metrics_event,
    page,
    walk,
    wandb_job,
)
from tests.strategies import jobs, payloads

UTC = datetime.timezone.utc
NOW = datetime.datetime(2026, 1, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("value", [*(m.value for m in ftj.FineTuningJobStatus), "pending", "pausing"])
def test_a_status_prints_as_its_value(value: str) -> None:
    status = ftj.FineTuningJobStatus(value)
    assert str(status) == f"{status}" == format(status) == "{}".format(status) == value  # noqa: UP032
    assert f"[{status:>18}]" == f"[{value:>18}]"
    name = value.upper() if status.is_known else "UNKNOWN"
    assert repr(status) == f"<FineTuningJobStatus.{name}: {value!r}>"


def test_elapsed_measures_to_now_in_utc_and_refuses_a_naive_time() -> None:
    running = ftj.FineTuningJob.from_dict(job("running"))
    assert running.elapsed(NOW) == datetime.timedelta(days=1, hours=12)
    before = datetime.datetime.now(UTC)
    elapsed = running.elapsed()
    assert before - running.created_datetime <= elapsed <= datetime.datetime.now(UTC) - running.created_datetime
    with pytest.raises(ValueError, match="expected an aware datetime"):
        running.elapsed(datetime.datetime(2026, 1, 2, 12, 0))
    finished = ftj.FineTuningJob.from_dict(job("succeeded"))
    assert finished.elapsed() == finished.duration == datetime.timedelta(seconds=3661)


def test_an_estimated_finish_of_zero_means_no_estimate() -> None:
    read = ftj.FineTuningJob.from_dict({**job("running"), "estimated_finish": 0})
    assert read.estimated_finish == 0 and read.estimated_finish_datetime is None
    assert read.to_dict()["estimated_finish"] == 0
    later = ftj.FineTuningJob.from_dict({**job("running"), "estimated_finish": 1767232800})
    assert later.estimated_finish_datetime == datetime.datetime(2026, 1, 1, 2, 0, tzinfo=UTC)


def test_a_summary_is_one_line_with_the_error_code_of_a_failed_job() -> None:
    done = ftj.FineTuningJob.from_dict(job("succeeded"))
    assert done.summary(NOW) == (
        "ftjob-succsup0001 succeeded gpt-4o-mini-2024-07-18 -> ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4, "
        "created 2026-01-01T00:00:00Z, duration 1h 01m 01s"
    )
    failed = ftj.FineTuningJob.from_dict(job("failed"))
    assert failed.summary(NOW) == (
        "ftjob-failsup0001 failed (invalid_training_file) gpt-4o-mini-2024-07-18, "
        "created 2026-01-01T00:00:00Z, duration 1h 01m 01s"
    )
    pending = ftj.FineTuningJob.from_dict({**job("running"), "status": "pending"})
    assert pending.summary(NOW) == (
        "ftjob-runnsup0001 pending? gpt-4o-mini-2024-07-18, created 2026-01-01T00:00:00Z, duration 1d 12h so far"
    )
    cancelled = ftj.FineTuningJob.from_dict({**job("cancelled"), "finished_at": None})
    assert cancelled.summary(NOW).endswith(", duration -")


# --- changes between two snapshots


def test_changes_between_two_snapshots() -> None:
    before_data, after_data = job("running"), job("failed")
    before_data["method"]["supervised"]["hyperparameters"]["learning_rate_multiplier"] = 2
    after_data["method"]["supervised"]["hyperparameters"]["learning_rate_multiplier"] = 2.0
    after_data["id"] = before_data["id"]
    after_data["x_new"] = {"a": [1]}
    before, after = ftj.FineTuningJob.from_dict(before_data), ftj.FineTuningJob.from_dict(after_data)
    assert after.changes(before) == {
        "$.error.code": (None, "invalid_training_file"),
        "$.error.message": (None, "Example 12: 'messages' must be a list."),
        "$.error.param": (None, "training_file"),
        "$.finished_at": (None, 1767229261),
        "$.status": ("running", "failed"),
        "$.estimated_finish": (1767232800, None),
        "$.method.supervised.hyperparameters.learning_rate_multiplier": (2, 2.0),
        "$.x_new.a": (None, [1]),
    }
    assert before.changes(after)["$.x_new.a"] == ([1], None)  # keys only the older one had come last
    assert list(before.changes(after))[-1] == "$.x_new.a"
    assert after.changes(after) == {}


def test_changes_between_a_value_and_an_object_name_both_sides() -> None:
    before = ftj.FineTuningJob.from_dict({**job("running"), "x_detail": 1})
    after = ftj.FineTuningJob.from_dict({**job("running"), "x_detail": {"a": 1}})
    assert after.changes(before) == {"$.x_detail.a": (None, 1), "$.x_detail": (1, None)}
    assert before.changes(after) == {"$.x_detail.a": (1, None), "$.x_detail": (None, 1)}


def test_changes_refuse_another_job() -> None:
    one = ftj.FineTuningJob.from_dict(job("running"))
    other = ftj.FineTuningJob.from_dict({**job("running"), "id": "ftjob-other"})
    with pytest.raises(ValueError, match="cannot compare two different jobs: 'ftjob-other' and 'ftjob-runnsup0001'"):
        one.changes(other)
    with pytest.raises(TypeError, match="expected a FineTuningJob, got dict"):
        one.changes(job("running"))  # type: ignore[arg-type]


def flat(data: Dict[str, Any]) -> Dict[Tuple[Any, ...], Any]:
    """The leaves of canonical output (scalars and whole arrays); nulls count as absent."""
    return {
        path: value
        for path, value in walk(data)
        if not isinstance(value, dict) and value is not None and not any(isinstance(step, int) for step in path)
    }


@given(jobs(), jobs())
def test_changes_report_exactly_the_leaves_that_differ(old: Dict[str, Any], new: Dict[str, Any]) -> None:
    new["id"] = old["id"]
    before, after = ftj.FineTuningJob.from_dict(old), ftj.FineTuningJob.from_dict(new)
    was, now = flat(before.to_dict()), flat(after.to_dict())
    expected = {
        ftj._format_path(path): (was.get(path), now.get(path))
        for path in {**was, **now}
        if json.dumps(was.get(path)) != json.dumps(now.get(path))
    }
    assert after.changes(before) == expected


# --- notebook HTML and IPython's plain text


class Printer:
    """The part of IPython's pretty printer that _repr_pretty_ uses."""

    def __init__(self) -> None:
        self.written: List[str] = []

    def text(self, text: str) -> None:
        self.written.append(text)


def pretty(value: Any) -> str:
    printer = Printer()
    value._repr_pretty_(printer, False)
    return "".join(printer.written)


def test_a_job_in_plain_text_is_several_lines() -> None:
    # A DPO block without hyperparameters: the job-level ones are shown.
    failed = ftj.FineTuningJob.from_dict({**job("failed"), "method": {"type": "dpo", "dpo": {}}})
    assert ftj._job_text(failed, NOW).splitlines() == [
        "FineTuningJob ftjob-failsup0001",
        "  status            failed",
        "  error             invalid_training_file: Example 12: 'messages' must be a list.",
        "  model             gpt-4o-mini-2024-07-18",
        "  fine-tuned model  -",
        "  created           2026-01-01T00:00:00Z",
        "  finished          2026-01-01T01:01:01Z",
        "  duration          1h 01m 01s",
        "  trained tokens    -",
        "  method            dpo: batch_size=8, learning_rate_multiplier=1.8, n_epochs=3",
        "  training file     file-train01",
        "  validation file   file-valid01",
        "  result files      -",
        "  seed              1234",
        '  metadata          team="support"',
        '                    ticket="FT-118"',
    ]
    assert pretty(failed).splitlines()[0] == "FineTuningJob ftjob-failsup0001"


def test_a_job_in_plain_text_lists_its_files_integrations_and_metadata() -> None:
    data = wandb_job()
    data["result_files"] = ["file-results01", "file-results02"]
    data["integrations"].append({"type": "x_tracker", "x_tracker": {"run": 7}, "x_note": "a"})
    data["metadata"] = {"team": "support", "note": "line one\nline two"}
    shown = ftj._job_text(ftj.FineTuningJob.from_dict({**data, "seed": None, "validation_file": None}), NOW)
    assert shown.splitlines()[7:] == [
        "  trained tokens    482,113",
        "  method            supervised: batch_size=8, learning_rate_multiplier=1.8, n_epochs=3",
        "  training file     file-train01",
        "  validation file   -",
        "  result files      file-results01, file-results02",
        "  seed              -",
        '  integrations      wandb: project="support-bot", entity="acme", tags=["ft", "v2"]',
        '                    x_tracker?: run=7, x_note="a"',
        '  metadata          team="support"',
        '                    note="line one\\nline two"',
    ]


@pytest.mark.parametrize(
    ("integration", "shown"),
    [
        ({"type": "wandb", "wandb": {"project": "p"}}, 'wandb: project="p"'),
        (
            {"type": "wandb", "wandb": {"project": "p", "x_run": None}, "x_id": 1},
            'wandb: project="p", x_run=null, x_id=1',
        ),
        ({"type": "x_new"}, "x_new?"),
        ({"type": "x_new", "x_new": [1, 2]}, "x_new?: x_new=[1, 2]"),
        ({"type": "x_new", "x_new": {}, "x_more": "é"}, 'x_new?: x_more="é"'),
    ],
)
def test_an_integration_shows_its_block_then_its_other_members(integration: Any, shown: str) -> None:
    assert ftj._integration_text(ftj.Integration.from_dict(integration)) == shown


@pytest.mark.parametrize(
    ("method", "shown"),
    [
        (None, "supervised: batch_size=8, learning_rate_multiplier=1.8, n_epochs=3"),
        ({"type": "reinforcement"}, "reinforcement: batch_size=8, learning_rate_multiplier=1.8, n_epochs=3"),
        ({"type": "future", "future": {}}, "future: batch_size=8, learning_rate_multiplier=1.8, n_epochs=3"),
    ],
)
def test_the_method_shows_the_hyperparameters_that_apply(method: Any, shown: str) -> None:
    data = {**job("succeeded"), "method": method}
    assert dict(ftj._job_facts(ftj.FineTuningJob.from_dict(data), NOW))["method"] == shown
    bare = ftj.FineTuningJob.from_dict({**data, "hyperparameters": None})
    assert dict(ftj._job_facts(bare, NOW))["method"] == shown.split(":", maxsplit=1)[0]


def test_a_page_in_plain_text_is_a_table_with_counts() -> None:
    listed = ftj.FineTuningJobList.from_dict(page([job("running"), job("failed"), job("succeeded")], has_more=True))
    assert ftj._job_list_text(listed, NOW, None).splitlines() == [
        "FineTuningJobList: 3 jobs: 1 running, 1 failed, 1 succeeded; more on the next page",
        "ID                 STATUS     MODEL                                     TOKENS   CREATED (UTC)     DURATION       ERROR",
        "ftjob-runnsup0001  running    gpt-4o-mini-2024-07-18                    -        2026-01-01 00:00  1d 12h so far  -",
        "ftjob-failsup0001  failed     gpt-4o-mini-2024-07-18                    -        2026-01-01 00:00  1h 01m 01s     invalid_training_file",
        "ftjob-succsup0001  succeeded  ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4  482,113  2026-01-01 00:00  1h 01m 01s     -",
    ]
    assert pretty(listed).startswith("FineTuningJobList: 3 jobs")


def test_an_empty_page_in_plain_text_is_its_titles() -> None:
    empty = ftj.FineTuningJobList(data=())
    assert ftj._job_list_text(empty, NOW, 80).splitlines() == [
        "FineTuningJobList: 0 jobs",
        "ID  STATUS  MODEL  CREATED (UTC)  DURATION",
    ]
    assert ftj._event_list_text(ftj.FineTuningJobEventList(data=()), None).splitlines() == [
        "FineTuningJobEventList: 0 events",
        "ID  CREATED (UTC)  LEVEL  TYPE  MESSAGE",
    ]


MARKUP = "<img src=x onerror=alert(1)>&'\""
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;&amp;&#x27;&quot;"


def test_the_html_escapes_every_value() -> None:
    data = {**job("failed"), "id": MARKUP, "model": MARKUP, "status": MARKUP, "fine_tuned_model": "ft:" + MARKUP}
    data["error"] = {"code": MARKUP, "message": MARKUP, "param": None}
    data["method"]["supervised"]["hyperparameters"]["x_note"] = MARKUP
    data.update(training_file=MARKUP, validation_file=MARKUP, result_files=[MARKUP], metadata={MARKUP: MARKUP})
    data["integrations"] = [{"type": MARKUP}, {"type": "wandb", "wandb": {"project": MARKUP, "tags": [MARKUP]}}]
    hostile = ftj.FineTuningJob.from_dict(data)
    events = {"object": "list", "data": [event(MARKUP, MARKUP, type=MARKUP, id=MARKUP), metrics_event(1, 0.5)]}
    points = {**checkpoint(1), "id": MARKUP, "fine_tuned_model_checkpoint": MARKUP}
    for shown in (
        hostile._repr_html_(),
        ftj.FineTuningJobList(data=(hostile,))._repr_html_(),
        ftj.FineTuningJobEventList.from_dict(events)._repr_html_(),
        ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [points]})._repr_html_(),
    ):
        assert "<img" not in shown and "<script" not in shown.lower()
        assert ESCAPED in shown


def test_the_html_shows_a_job_as_a_card_with_its_status_badge() -> None:
    card = ftj.FineTuningJob.from_dict(example("job.json"))._repr_html_()
    assert card.startswith('<div class="finetuning-job"')
    assert "background: #1b863a; color: #ffffff;" in card and ">succeeded</span>" in card
    assert ">482,113</td>" in card and ">1h 01m 01s</td>" in card
    unknown = ftj.FineTuningJob.from_dict({**job("running"), "status": "pending"})._repr_html_()
    assert "border: 1px dashed currentColor;" in unknown and ">pending?</span>" in unknown


def test_the_card_writes_the_items_of_a_fact_in_one_cell() -> None:
    card = ftj._job_html(ftj.FineTuningJob.from_dict(wandb_job()), NOW)
    assert f'>metadata</th><td style="{ftj._CELL}">team=&quot;support&quot;<br>ticket=&quot;FT-118&quot;</td>' in card
    assert card.count("<tr>") == len(ftj._job_facts(ftj.FineTuningJob.from_dict(wandb_job()), NOW)) - 2


class Card(HTMLParser):
    """The facts of a job card: (label, the lines of its cell) per row, and the badge's text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: List[Tuple[str, List[str]]] = []
        self.badge = ""
        self.where = ""

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        if tag == "th":
            self.rows.append(("", [""]))
            self.where = "label"
        elif tag == "td":
            self.where = "cell"
        elif tag == "br":  # the next line of the cell
            self.rows[-1][1].append("")
        elif tag == "span" and "border-radius" in (dict(attrs).get("style") or ""):
            self.where = "badge"

    def handle_endtag(self, tag: str) -> None:
        self.where = ""

    def handle_data(self, data: str) -> None:
        if self.where == "label":
            self.rows[-1] = (self.rows[-1][0] + data, self.rows[-1][1])
        elif self.where == "cell":
            self.rows[-1][1][-1] += data
        elif self.where == "badge":
            self.badge += data


def printable(text: str) -> str:
    """Text as the text displays write it: each control character escaped as in a Python literal."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) == "Cc" else c for c in text)


@given(jobs())
def test_the_card_and_the_text_view_show_the_same_facts(data: Dict[str, Any]) -> None:
    read = ftj.FineTuningJob.from_dict(data)
    card = Card()
    card.feed(ftj._job_html(read, NOW))
    lines = ftj._job_text(read, NOW).splitlines()
    width = max(len(label) for label, _ in ftj._job_facts(read, NOW))
    from_text: List[Tuple[str, List[str]]] = []
    for line in lines[1:]:
        label, text = line[2 : 2 + width].rstrip(), line[4 + width :]
        if label:
            from_text.append((label, [text]))
        else:
            from_text[-1][1].append(text)
    # html.parser hands over the card's text with its character references undone.
    from_card = [("status", [printable(card.badge)])] + [
        (label, [printable(t) for t in texts]) for label, texts in card.rows
    ]
    assert from_card == from_text
    assert lines[0] == printable(f"FineTuningJob {read.id}")
    facts = dict(from_text)
    assert facts["training file"] == [printable(read.training_file)]
    assert facts["validation file"] == [printable(read.validation_file or "-")]
    assert facts["result files"] == [printable(", ".join(read.result_files or ()) or "-")]
    assert facts["seed"] == ["-" if read.seed is None else str(read.seed)]
    assert len(facts.get("integrations", [])) == len(read.integrations or ())
    assert facts.get("metadata", []) == [
        printable(f"{key}={json.dumps(value, ensure_ascii=False)}") for key, value in (read.metadata or {}).items()
    ]
    assert ("error" in facts) is (read.error is not None)


def test_the_html_shows_a_page_as_a_table_with_counts() -> None:
    listed = ftj.FineTuningJobList.from_dict(example("page.json"))
    table = listed._repr_html_()
    assert table.count("<tr>") == 4  # a header and a row per job
    assert ">3 jobs: 1 running, 1 failed, 1 paused.</div>" in table
    assert '<span title="Training file has 4 example(s)' in table and ">invalid_n_examples</span>" in table
    assert ">tokens</th>" not in table  # no job has trained tokens yet
    more = ftj.FineTuningJobList(data=listed.data, has_more=True)._repr_html_()
    assert ">3 jobs: 1 running, 1 failed, 1 paused; more on the next page.</div>" in more


def test_the_html_and_the_text_of_a_page_have_the_same_columns() -> None:
    listed = ftj.FineTuningJobList.from_dict(page([job("succeeded"), job("failed"), job("running")]))
    titles = re.findall(r"<th [^>]*>([^<]*)</th>", ftj._job_list_html(listed, NOW))
    header = ftj._job_list_text(listed, NOW, None).splitlines()[1]
    assert [title.upper() for title in titles] == re.split(r" {2,}", header)
    assert titles == ["ID", "status", "model", "tokens", "created (UTC)", "duration", "error"]


def test_a_validation_error_shows_as_its_lines() -> None:
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict({"id": 1})
    assert pretty(info.value).splitlines()[:2] == [
        "ValidationError: 6 validation errors for FineTuningJob",
        "  $.id: expected a string, got 1 (int)",
    ]


@given(st.sampled_from(["succeeded", "failed", "running", "cancelled"]))
def test_the_displays_take_the_current_time_when_none_is_given(status: str) -> None:
    read = ftj.FineTuningJob.from_dict(job(status))
    assert read.summary().startswith(read.id) and read._repr_html_() and pretty(read)


def test_the_plain_text_view_of_a_page_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    listed = ftj.FineTuningJobList.from_dict(page([job("succeeded"), job("failed")]))  # durations that are over
    events = ftj.FineTuningJobEventList.from_dict(event_page())
    checkpoints = ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page())
    for columns in (40, 60, 200):
        monkeypatch.setenv("COLUMNS", str(columns))  # what shutil.get_terminal_size reads first
        assert pretty(listed) == ftj._job_list_text(listed, NOW, columns)
        assert pretty(events) == ftj._event_list_text(events, columns)
        assert pretty(checkpoints) == ftj._checkpoint_list_text(checkpoints, columns)
        assert max(len(line) for line in ftj._jobs_table(listed.data, NOW, columns)) <= columns
        assert max(len(line) for line in ftj._events_table(events.data, columns)) <= columns
        # The narrowest table of checkpoints is their steps and models, 60 columns here; in full, 84.
        widest = max(len(line) for line in ftj._checkpoints_table(checkpoints.data, columns))
        assert widest == {40: 60, 60: 60, 200: 84}[columns]


# --- Text from a remote service, written to a terminal


def test_control_characters_are_written_escaped() -> None:
    message = "line one\nline two\x1b[31m red\x85\x7f\ttab"
    listed = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event("info", message)]})
    row = ftj._event_list_text(listed, None).splitlines()[2]
    assert row.endswith("  line one\\nline two\\x1b[31m red\\x85\\x7f\\ttab")
    failed = ftj.FineTuningJob.from_dict({**job("failed"), "error": {"code": "a\rb", "message": "c\nd", "param": None}})
    assert "  error             a\\rb: c\\nd" in ftj._job_text(failed, NOW).splitlines()
    assert "(a\\rb)" in failed.summary(NOW) and "\r" not in failed.summary(NOW)
    assert ftj._jobs_table([failed], NOW, None)[1].endswith("  a\\rb")


# --- Tables fitted to a width: what may be cut is cut first, then the least useful columns go


class Spec(NamedTuple):
    """A column as the tests expect it: its title, its cell (as given, before escaping), whether
    an item's cell may be cut (and to how few characters at least), its rank for leaving it out
    (0: never), and whether it goes when every cell is "-"."""

    title: str
    cell: Callable[[Any], str]
    may_cut: Callable[[Any], bool] = lambda item: False
    least: int = 0
    rank: int = 0
    optional: bool = False


def _duration(item: Any) -> str:
    return ftj._took(item, NOW)


# The columns of each table, in order, as the issue and the display section's comments set them.
JOB_SPECS = [
    Spec("ID", lambda j: j.id),
    Spec("STATUS", lambda j: j.status.value + ("" if j.status.is_known else "?")),
    Spec("MODEL", lambda j: j.fine_tuned_model or j.model, lambda j: j.fine_tuned_model is None, 12, rank=4),
    Spec("TOKENS", lambda j: "-" if j.trained_tokens is None else f"{j.trained_tokens:,}", rank=1, optional=True),
    Spec("CREATED (UTC)", lambda j: j.created_datetime.strftime("%Y-%m-%d %H:%M"), rank=3),
    Spec("DURATION", _duration, rank=2),
    Spec("ERROR", lambda j: "-" if j.error is None else j.error.code, rank=5, optional=True),
]
EVENT_SPECS = [
    Spec("ID", lambda e: e.id, rank=2),
    Spec("CREATED (UTC)", lambda e: e.created_datetime.strftime("%Y-%m-%d %H:%M:%S"), rank=3),
    Spec("LEVEL", lambda e: e.level if e.level in ("info", "warn", "error") else e.level + "?"),
    Spec(
        "TYPE",
        lambda e: "-" if e.type is None else e.type if e.type in ("message", "metrics") else e.type + "?",
        rank=1,
    ),
    Spec("MESSAGE", lambda e: e.message, lambda e: True, 32),
]


def _loss(value: Any) -> str:
    return "-" if value is None else f"{value:.4g}" if isinstance(value, float) else str(value)


CHECKPOINT_SPECS = [
    Spec("STEP", lambda c: str(c.step_number)),
    Spec("TRAIN LOSS", lambda c: _loss(c.metrics.train_loss), rank=3, optional=True),
    Spec("VALID LOSS", lambda c: _loss(c.metrics.valid_loss), rank=2, optional=True),
    Spec("FULL VALID LOSS", lambda c: _loss(c.metrics.full_valid_loss), rank=1, optional=True),
    Spec("MODEL", lambda c: c.fine_tuned_model_checkpoint),
]

characters = st.characters(codec="utf-8")
words = st.text(characters, max_size=90) | st.text(characters, min_size=30, max_size=90)
names = st.text(characters, min_size=1, max_size=60) | st.text(characters, min_size=20, max_size=60)


@st.composite
def table_jobs(draw: Any) -> Any:
    data = job(draw(st.sampled_from(["succeeded", "failed", "running", "cancelled", "queued", "pending"])))
    data.update(id=draw(names), model=draw(words), fine_tuned_model=draw(st.none() | names))
    data["trained_tokens"] = draw(st.none() | st.integers(0, 2**63 - 1))
    data["error"] = draw(st.none() | st.builds(lambda code: {"code": code, "message": "m", "param": None}, names))
    return ftj.FineTuningJob.from_dict(data)


@st.composite
def table_events(draw: Any) -> Any:
    level = draw(st.sampled_from(["info", "warn", "error", "debug"]))
    kind = draw(st.sampled_from(["message", "metrics", None, "progress"]))
    created = draw(st.integers(0, ftj.MAX_TIMESTAMP))
    return ftj.FineTuningJobEvent.from_dict(
        event(level, draw(words), id=draw(names), type=kind, created_at=created, data=None)
    )


losses = st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**20), 10**20)


@st.composite
def table_checkpoints(draw: Any) -> Any:
    data = {**checkpoint(40), "step_number": draw(st.integers(0, 2**63 - 1))}
    data["fine_tuned_model_checkpoint"] = draw(names)
    data["metrics"] = {key: draw(losses) for key in ("train_loss", "valid_loss", "full_valid_loss")}
    return ftj.FineTuningJobCheckpoint.from_dict(data)


TABLES: Dict[str, Tuple[Any, Callable[[Sequence[Any], Optional[int]], List[str]], List[Spec]]] = {
    "jobs": (table_jobs(), lambda jobs, width: ftj._jobs_table(jobs, NOW, width), JOB_SPECS),
    "events": (table_events(), ftj._events_table, EVENT_SPECS),
    "checkpoints": (table_checkpoints(), ftj._checkpoints_table, CHECKPOINT_SPECS),
}


def read_table(lines: List[str], specs: List[Spec]) -> Tuple[List[Spec], List[Optional[int]], List[List[str]]]:
    """The columns a table shows, their widths (None for the last, whose lines are not padded)
    and its rows cell by cell, read by where each title starts in the first line."""
    titles = re.split(r" {2,}", lines[0])  # two spaces at least between columns; no title holds two
    by_title = {spec.title: spec for spec in specs}
    shown = [by_title[title] for title in titles]
    starts: List[int] = []
    for title in titles:
        starts.append(lines[0].index(title, starts[-1] + 2 if starts else 0))
    ends: List[Optional[int]] = [start - 2 for start in starts[1:]] + [None]
    widths = [None if end is None else end - start for start, end in zip(starts, ends)]
    return shown, widths, [[line[start:end] for start, end in zip(starts, ends)] for line in lines[1:]]


def narrowest(spec: Spec, cells: List[str], items: Sequence[Any]) -> int:
    """How narrow a column may be made: no narrower than its title and its cells that may not be
    cut, and its cut cells keep spec.least characters at least (or all, when they have fewer)."""
    full = max(map(len, [spec.title, *cells]))
    whole = [len(cell) for cell, item in zip(cells, items) if not spec.may_cut(item)]
    return max([min(full, spec.least), len(spec.title), *whole]) if spec.least else full


@given(st.data())
def test_a_table_fits_any_width_by_cutting_then_leaving_columns_out(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(TABLES)), label="kind")
    strategy, table, _ = TABLES[kind]
    items = data.draw(st.lists(strategy, max_size=5), label="items")
    full = max(map(len, table(items, None)))  # widths near the table's own are the ones that cut
    width = data.draw(st.none() | st.integers(40, 300) | st.integers(max(40, full - 80), max(40, full)), label="width")
    more = data.draw(st.integers(1, 100), label="more")
    cut, left_out, too_narrow = fits(kind, items, width, more)
    hypothesis.event(f"cut {cut}, left out {left_out}, too narrow {too_narrow}")  # how often each case is met


def test_a_table_too_wide_at_any_width_keeps_only_the_columns_that_always_stay() -> None:
    # Ids are never cut: at 40 columns, a job whose id is 60 characters long cannot fit.
    job_data = {**job("failed"), "id": "ftjob-" + "x" * 54}
    assert fits("jobs", [ftj.FineTuningJob.from_dict(job_data)], 40, 10)[2]


def fits(kind: str, items: List[Any], width: Optional[int], more: int) -> Tuple[bool, bool, bool]:
    """Check the table of items at width; say whether a cell was cut, a column left out, and
    whether even its narrowest form is wider than width."""
    _, table, specs = TABLES[kind]
    lines = table(items, width)
    assert len(lines) == 1 + len(items)
    shown, widths, rows = read_table(lines, specs)
    cells = {spec.title: [printable(spec.cell(item)) for item in items] for spec in specs}
    empty = [spec for spec in specs if spec.optional and all(cell == "-" for cell in cells[spec.title])]
    left_out = [spec for spec in specs if spec not in shown and spec not in empty]
    assert [spec for spec in specs if spec in shown] == shown and not any(spec in empty for spec in shown)
    # Never left out: ID and status, level and message, step and model. The rest go least useful
    # first: when a column is left out, so is every one of a lower rank.
    assert all(spec.rank > 0 for spec in left_out)
    lowest = max((spec.rank for spec in left_out), default=0)
    assert all(spec in left_out for spec in specs if 0 < spec.rank < lowest and spec not in empty)
    cut = False
    for spec, column_width, column in zip(shown, widths, zip(*rows)):
        for item, value, text in zip(items, cells[spec.title], column):
            if text == (value if column_width is None else value.ljust(column_width)):
                continue
            # Cut: only a cell that may be cut (never an id, a fine-tuned name, an error code),
            # ending with "…", to no fewer characters than it may keep, and as wide as its column.
            cut = True
            assert spec.may_cut(item), (spec.title, value, text)
            assert text == value[: len(text) - 1] + "\u2026" and spec.least <= len(text) < len(value)
            assert column_width in (None, len(text))
    widest = max(map(len, lines))
    if width is None:
        assert not cut and not left_out  # nothing is cut, no column is left out
    elif widest > width:
        # Only when even the narrowest table is too wide: the columns that always stay, each as
        # narrow as it may be.
        assert all(spec.rank == 0 for spec in shown)
        assert widest == sum(narrowest(spec, cells[spec.title], items) for spec in shown) + 2 * (len(shown) - 1)
    elif cut:
        assert widest == width  # no cell is cut that the width leaves room for
    if width is not None:  # a wider table shows every column a narrower one does
        wider = table(items, width + more)
        assert set(read_table(wider, specs)[0]) >= set(shown)
    return cut, bool(left_out), width is not None and widest > width


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_a_table_at_its_full_width_or_wider_is_the_table_in_full(kind: str) -> None:
    by_kind: Dict[str, List[Any]] = {
        "jobs": [ftj.FineTuningJob.from_dict(j) for j in example("page.json")["data"]],
        "events": list(ftj.FineTuningJobEventList.from_dict(event_page()).data),
        "checkpoints": list(ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page()).data),
    }
    items = by_kind[kind]
    table = TABLES[kind][1]
    full = table(items, None)
    widest = max(map(len, full))
    assert table(items, widest) == table(items, widest + 50) == full
    assert table(items, widest - 1) != full


JOBS_TO_FIT = [
    {**job("succeeded"), "id": "ftjob-7Hq2LmZx9RtYb1Wz"},
    {**job("failed"), "model": "gpt-4o-mini-2024-07-18-with-a-long-suffix"},
    job("running"),
]


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (
            None,  # 141 columns
            [
                "ID                      STATUS     MODEL                                      TOKENS   CREATED (UTC)     DURATION       ERROR",
                "ftjob-7Hq2LmZx9RtYb1Wz  succeeded  ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4   482,113  2026-01-01 00:00  1h 01m 01s     -",
                "ftjob-failsup0001       failed     gpt-4o-mini-2024-07-18-with-a-long-suffix  -        2026-01-01 00:00  1h 01m 01s     invalid_training_file",
                "ftjob-runnsup0001       running    gpt-4o-mini-2024-07-18                     -        2026-01-01 00:00  1d 12h so far  -",
            ],
        ),
        (
            140,  # the base model cut: to 40 characters, no fewer than the fine-tuned name has
            [
                "ID                      STATUS     MODEL                                     TOKENS   CREATED (UTC)     DURATION       ERROR",
                "ftjob-7Hq2LmZx9RtYb1Wz  succeeded  ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4  482,113  2026-01-01 00:00  1h 01m 01s     -",
                "ftjob-failsup0001       failed     gpt-4o-mini-2024-07-18-with-a-long-suff…  -        2026-01-01 00:00  1h 01m 01s     invalid_training_file",
                "ftjob-runnsup0001       running    gpt-4o-mini-2024-07-18                    -        2026-01-01 00:00  1d 12h so far  -",
            ],
        ),
        (
            130,  # cutting is not enough: tokens, then duration, left out; the model whole again
            [
                "ID                      STATUS     MODEL                                      CREATED (UTC)     ERROR",
                "ftjob-7Hq2LmZx9RtYb1Wz  succeeded  ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4   2026-01-01 00:00  -",
                "ftjob-failsup0001       failed     gpt-4o-mini-2024-07-18-with-a-long-suffix  2026-01-01 00:00  invalid_training_file",
                "ftjob-runnsup0001       running    gpt-4o-mini-2024-07-18                     2026-01-01 00:00  -",
            ],
        ),
        (
            100,  # the creation time too
            [
                "ID                      STATUS     MODEL                                      ERROR",
                "ftjob-7Hq2LmZx9RtYb1Wz  succeeded  ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4   -",
                "ftjob-failsup0001       failed     gpt-4o-mini-2024-07-18-with-a-long-suffix  invalid_training_file",
                "ftjob-runnsup0001       running    gpt-4o-mini-2024-07-18                     -",
            ],
        ),
        (
            80,  # the model too
            [
                "ID                      STATUS     ERROR",
                "ftjob-7Hq2LmZx9RtYb1Wz  succeeded  -",
                "ftjob-failsup0001       failed     invalid_training_file",
                "ftjob-runnsup0001       running    -",
            ],
        ),
        (
            40,  # the error code too: the narrowest table, 33 columns
            [
                "ID                      STATUS",
                "ftjob-7Hq2LmZx9RtYb1Wz  succeeded",
                "ftjob-failsup0001       failed",
                "ftjob-runnsup0001       running",
            ],
        ),
        (
            30,  # narrower than the narrowest table: that table, wider than asked
            [
                "ID                      STATUS",
                "ftjob-7Hq2LmZx9RtYb1Wz  succeeded",
                "ftjob-failsup0001       failed",
                "ftjob-runnsup0001       running",
            ],
        ),
    ],
)
def test_a_table_of_jobs_at_each_width(width: Optional[int], lines: List[str]) -> None:
    jobs = [ftj.FineTuningJob.from_dict(data) for data in JOBS_TO_FIT]
    assert ftj._jobs_table(jobs, NOW, width) == lines


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (
            80,  # a message cut to 32 characters, then the type left out
            [
                "ID                  CREATED (UTC)        LEVEL  MESSAGE",
                "ftevent-6955c74d34  2026-01-01 01:01:01  info   The job has successfully comple…",
                "ftevent-6955c74c32  2026-01-01 01:01:00  info   Step 120/120: training loss=0.34",
                "ftevent-6955b90a23  2026-01-01 00:00:10  info   Fine-tuning job started",
            ],
        ),
        (
            60,  # the id too
            [
                "CREATED (UTC)        LEVEL  MESSAGE",
                "2026-01-01 01:01:01  info   The job has successfully comple…",
                "2026-01-01 01:01:00  info   Step 120/120: training loss=0.34",
                "2026-01-01 00:00:10  info   Fine-tuning job started",
            ],
        ),
        (
            40,  # the time too: what room is left goes to the message
            [
                "LEVEL  MESSAGE",
                "info   The job has successfully complet…",
                "info   Step 120/120: training loss=0.34",
                "info   Fine-tuning job started",
            ],
        ),
        (
            38,  # narrower than the narrowest table: 39 columns, the message cut to 32 characters
            [
                "LEVEL  MESSAGE",
                "info   The job has successfully comple…",
                "info   Step 120/120: training loss=0.34",
                "info   Fine-tuning job started",
            ],
        ),
    ],
)
def test_a_table_of_events_at_each_width(width: int, lines: List[str]) -> None:
    events = ftj.FineTuningJobEventList.from_dict(event_page()).data
    assert ftj._events_table([events[0], events[1], events[-1]], width) == lines


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (
            80,  # the validation loss left out (84 columns in full)
            [
                "STEP  TRAIN LOSS  MODEL",
                "120   0.41        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-120",
                "40    0.77        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-40",
            ],
        ),
        (
            70,  # the training loss too; the model is never cut
            [
                "STEP  MODEL",
                "120   ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-120",
                "40    ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-40",
            ],
        ),
    ],
)
def test_a_table_of_checkpoints_at_each_width(width: int, lines: List[str]) -> None:
    checkpoints = ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page()).data
    assert ftj._checkpoints_table([checkpoints[0], checkpoints[2]], width) == lines
    full = ftj._checkpoints_table([checkpoints[0], checkpoints[2]], None)
    assert full[0] == "STEP  TRAIN LOSS  VALID LOSS  MODEL"  # no full validation loss: no column for it
    assert len(full[1]) == 84


# --- Counts: one style, thousands separators, wherever a count is written


def test_counts_have_thousands_separators() -> None:
    assert ftj._status_counts(["succeeded"] * 20_000 + ["failed"]) == "20,001 jobs: 20,000 succeeded, 1 failed"
    assert ftj._status_counts(["running"]) == "1 job: 1 running"
    assert ftj._status_counts([]) == "0 jobs"
    assert ftj._tally(["info"] * 1_234 + ["warn"]) == "1,234 info, 1 warn"
    assert ftj._count(1_000_000, "checkpoint") == "1,000,000 checkpoints"
    assert ftj._tally(["odd\x1b[2J?", "info"]) == "1 odd\\x1b[2J?, 1 info"  # values from the service, escaped


# --- Events and checkpoints: the loss where people can see it


def test_an_events_page_lists_its_metrics_in_step_order() -> None:
    data = event_page()
    data["data"][3], data["data"][5] = data["data"][5], data["data"][3]  # out of order on the page
    listed = ftj.FineTuningJobEventList.from_dict(data)
    curve = [(m.step, m.train_loss) for m in listed.metrics()]
    assert [step for step, _ in curve] == [1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]
    assert curve[0] == (1, 2.31) and curve[-1] == (120, 0.34)
    assert listed.data[0].metrics is None  # a message event
    assert listed.data[1].metrics == ftj.TrainingMetrics(
        step=120, train_loss=0.34, train_mean_token_accuracy=0.8, valid_loss=0.468, valid_mean_token_accuracy=0.75
    )
    assert listed.data[1].created_datetime == datetime.datetime(2026, 1, 1, 1, 1, tzinfo=UTC)


def test_metrics_whose_data_is_not_metrics_name_the_path() -> None:
    broken = ftj.FineTuningJobEvent.from_dict(event("info", "Step 1", type="metrics", data={"train_loss": "high"}))
    with pytest.raises(ftj.ValidationError) as info:
        broken.metrics  # noqa: B018
    assert [str(e) for e in info.value.errors] == ['$.data.train_loss: expected a finite number, got "high" (str)']
    stepless = ftj.FineTuningJobEventList.from_dict(
        {
            "object": "list",
            "data": [event("info", "x", type="metrics", data={"train_loss": 1.0}), metrics_event(5, 0.5)],
        }
    )
    assert [m.step for m in stepless.metrics()] == [5, None]  # metrics without a step come last


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([3.0, 2.0, 1.0], "█▅▁"),
        ([1.0, 1.0], "▄▄"),
        ([0.5], "▄"),
        ([float(i) for i in range(80)], "▁▁▁▁▁▂▂▂▂▂▃▃▃▃▃▄▄▄▄▄▅▅▅▅▅▆▆▆▆▆▇▇▇▇▇█████"),
        ([1.0] * 40, "▄" * 40),  # as wide as it gets: one value a character
        ([1.0] * 50, "▄" * 40),  # wider: the mean of runs of one or two values
        ([-1.7e308, 1.7e308, 0.0], "▁█▅"),  # a difference beyond the largest float
        ([10**400, 0, -(10**400)], "█▅▁"),  # integers beyond it: the largest float of their sign
    ],
)
def test_sparklines(values: List[float], line: str) -> None:
    assert ftj._sparkline(values) == line


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**400), 10**400), min_size=1))
def test_a_sparkline_takes_any_finite_numbers(values: List[Any]) -> None:
    line = ftj._sparkline(values)
    assert len(line) == min(len(values), 40) and set(line) <= set("▁▂▃▄▅▆▇█")


def test_an_events_page_in_plain_text() -> None:
    data = event_page(has_more=True)
    data["data"][1]["level"] = "warn"
    listed = ftj.FineTuningJobEventList.from_dict(data)
    lines = ftj._event_list_text(listed, None).splitlines()
    assert lines[:3] == [
        "FineTuningJobEventList: 15 events: 14 info, 1 warn; more on the next page",
        "ID                  CREATED (UTC)        LEVEL  TYPE     MESSAGE",
        "ftevent-6955c74d34  2026-01-01 01:01:01  info   message  The job has successfully completed",
    ]
    assert lines[-2:] == [
        "train loss 2.31 █▃▂▂▁▁▁▁▁▁▁▁▁ 0.34 over steps 1-120",
        "valid loss 2.5 █▃▂▂▁▁▁▁▁▁▁▁▁ 0.468 over steps 1-120",
    ]
    odd = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event("debug", "x" * 200, type="progress")]})
    assert ftj._event_list_text(odd, 120).splitlines() == [
        "FineTuningJobEventList: 1 event: 1 debug?",
        "ID                   CREATED (UTC)        LEVEL   TYPE       MESSAGE",
        "ftevent-6955b90a200  2026-01-01 00:00:10  debug?  progress?  " + "x" * 58 + "…",  # 120 in all
    ]
    assert ftj._event_list_text(odd, None).splitlines()[2].endswith("  " + "x" * 200)


def test_a_checkpoints_page_in_plain_text() -> None:
    listed = ftj.FineTuningJobCheckpointList.from_dict({**checkpoint_page(), "has_more": True})
    assert ftj._checkpoint_list_text(listed, None).splitlines() == [
        "FineTuningJobCheckpointList: 3 checkpoints; more on the next page",
        "STEP  TRAIN LOSS  VALID LOSS  MODEL",
        "120   0.41        0.51        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-120",
        "80    0.52        0.62        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-80",
        "40    0.77        0.87        ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-40",
        "train loss 0.77 █▃▁ 0.41 over steps 40-120",
        "valid loss 0.87 █▃▁ 0.51 over steps 40-120",
    ]


def test_the_html_of_an_events_page_draws_the_loss() -> None:
    data = event_page()
    data["data"][0]["message"] = MARKUP
    shown = ftj.FineTuningJobEventList.from_dict(data)._repr_html_()
    svg = shown[shown.index("<svg") : shown.index("</svg>")]
    assert "<title>train loss</title>" in svg and "<title>valid loss</title>" in svg
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 26
    for label in (">0</text>", ">20</text>", ">120</text>", ">step</text>", ">0.5</text>", ">2.5</text>"):
        assert label in svg, label
    assert ESCAPED in shown and "<img" not in shown and "<script" not in shown
    assert shown.count("<tr>") == 16 and ">15 events: 15 info. Newest first.</div>" in shown


def test_the_html_of_a_checkpoints_page_draws_the_loss_and_lists_the_models() -> None:
    shown = ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page())._repr_html_()
    assert "<title>train loss</title>" in shown
    assert ">ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-120</span>" in shown
    assert ">3 checkpoints. Newest first.</div>" in shown
    first = ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page()).data[0]
    assert first.created_datetime == datetime.datetime(2026, 1, 1, 1, 0, tzinfo=UTC)
    empty = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event()], "has_more": True})._repr_html_()
    assert "No training metrics on this page." in empty and "<svg" not in empty
    assert ">1 event: 1 info; more on the next page. Newest first.</div>" in empty
    one = ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(7, 0.5)]})._repr_html_()
    assert one.count("<circle") == 2 and ">1 checkpoint. Newest first.</div>" in one


# --- Big pages: the first 100 rows, and counts and charts over all


def test_a_big_page_shows_its_first_100_rows_and_counts_them_all() -> None:
    def jobs(count: int) -> Any:
        data = [{**job(("succeeded", "failed")[i % 2]), "id": f"ftjob-{i:05d}"} for i in range(count)]
        return ftj.FineTuningJobList.from_dict(page(data, has_more=True))

    shown = jobs(1000)._repr_html_()
    assert shown.count("<tr>") == 1 + 100 + 1  # the titles, 100 jobs, and how many more
    assert ">ftjob-00099</span>" in shown and "ftjob-00100" not in shown
    assert f'<td colspan="7" style="{ftj._CELL} opacity: 0.75;">… 900 more jobs on this page</td>' in shown
    assert ">1,000 jobs: 500 succeeded, 500 failed; more on the next page.</div>" in shown
    # Its size does not grow with the page: 1,000 jobs take what 101 take, but for the counts.
    smaller = jobs(101)._repr_html_()
    assert len(shown) - len(smaller) == len("1,000500500900") - len("1015150") and len(shown) < 150_000
    assert "… 1 more job on this page" in smaller and "more" not in jobs(100)._repr_html_().split("</table>")[0]
    text = ftj._job_list_text(jobs(1000), NOW, None).splitlines()
    assert text[0] == "FineTuningJobList: 1,000 jobs: 500 succeeded, 500 failed; more on the next page"
    assert len(text) == 1 + 1 + 100 + 1 and text[-1] == "… 900 more jobs on this page"


def big_events(count: int) -> Any:
    """A page of count events, newest first, every second one a metrics event."""
    events = []
    for step in range(count, 0, -1):
        if step % 2:
            events.append(metrics_event(step, round(2.3 / step**0.4, 4), valid=round(2.5 / step**0.35, 4)))
        else:
            events.append(event("warn" if step % 10 == 0 else "info", f"Step {step}: checkpoint saved"))
    return ftj.FineTuningJobEventList.from_dict({"object": "list", "data": events, "has_more": True})


def test_5000_events_show_100_rows_under_a_chart_of_every_step_in_under_250_kb() -> None:
    listed = big_events(5000)
    shown = listed._repr_html_()
    assert len(shown.encode("utf-8")) < 250_000
    assert shown.count("<tr>") == 102 and ">… 4,900 more events on this page</td>" in shown
    assert ">5,000 events: 500 warn, 4,500 info; more on the next page. Newest first.</div>" in shown
    svg = ElementTree.fromstring(shown[shown.index("<svg") : shown.index("</svg>") + 6])
    lines = [g.find(f"{SVG}polyline") for g in svg.iter(f"{SVG}g") if g.find(f"{SVG}polyline") is not None]
    assert [len(numbers(line.attrib["points"])) // 2 for line in lines] == [300, 300]  # type: ignore[union-attr]
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert labels[0] == "0" and labels[-2:] == ["5000", "step"]  # the axis spans steps 1 to 4,999
    text = ftj._event_list_text(listed, 80).splitlines()
    assert text[0] == "FineTuningJobEventList: 5,000 events: 500 warn, 4,500 info; more on the next page"
    assert text[102] == "… 4,900 more events on this page" and len(text) == 105


def test_250_checkpoints_show_100_rows_and_say_how_many_more_narrow_or_not() -> None:
    items = [checkpoint(step, round(2.0 / step**0.3, 4)) for step in range(250, 0, -1)]
    listed = ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": items, "has_more": False})
    shown = listed._repr_html_()
    assert shown.count("<tr>") == 102 and ">… 150 more checkpoints on this page</td>" in shown
    assert ">250 checkpoints. Newest first.</div>" in shown
    for width in (None, 60):
        text = ftj._checkpoint_list_text(listed, width).splitlines()
        assert text[0] == "FineTuningJobCheckpointList: 250 checkpoints"
        assert text[102] == "… 150 more checkpoints on this page"
        assert max(map(len, text[1:102])) <= (width or 1000)
        assert (max(map(len, text[1:102])) > 60) is (width is None)


@given(st.lists(st.integers(), max_size=1000), st.integers(2, 400))
def test_a_chart_draws_points_evenly_chosen_the_first_and_last_among_them(values: List[int], limit: int) -> None:
    points: Any = list(enumerate(values))
    chosen = ftj._evenly(points, limit)
    assert len(chosen) == min(len(points), limit)
    if len(points) <= limit:
        assert chosen == points
    else:
        at = [index for index, _ in chosen]
        assert at[0] == 0 and at[-1] == len(points) - 1
        gaps = [b - a for a, b in zip(at, at[1:])]
        assert max(gaps) - min(gaps) <= 1 and min(gaps) >= 1  # evenly, each point once


# --- The loss chart


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0.339, 2.31, [0.0, 0.5, 1.0, 1.5, 2.0, 2.5]),
        (1, 120, [0, 20, 40, 60, 80, 100, 120]),
        (-3, -1, [-3.0, -2.5, -2.0, -1.5, -1.0]),
        (0, 3.5, [0, 1, 2, 3, 4]),  # steps of 10 times a power of ten
        (0, 6, [0, 1, 2, 3, 4, 5, 6]),  # six intervals at most, six allowed
        (0, 7, [0, 2, 4, 6, 8]),
        (0, 40, [0, 10, 20, 30, 40]),  # a quarter of the span a power of ten
        (5e-324, 1e-323, [0.0, 1e-300]),  # no step finer than 1e-300 (10.0 ** -324 is 0)
    ],
)
def test_chart_ticks_are_round_and_span_the_data(low: float, high: float, ticks: List[float]) -> None:
    # Relative to each tick alone (0.1 * 3 is not 0.3), so that 1e-301 is not taken for 1e-300.
    assert ftj._ticks(low, high) == pytest.approx(ticks, rel=1e-12, abs=0.0)


@pytest.mark.parametrize(
    ("values", "ticks", "at"),
    [
        ([2000], [2000], [0.5]),  # one value: one tick, in the middle
        ([0.5, 0.5], [0.5], [0.5]),
        ([1, 3], [1.0, 1.5, 2.0, 2.5, 3.0], [0.0, 1.0]),
        ([0.0, 1.7e308], [0.0, 1.7e308], [0.0, 1.0]),  # round ticks would pass the largest float
        ([-1.7e308, 1.7e308], [-1.7e308, 1.7e308], [0.0, 1.0]),  # so would the span
        ([-8e307, 8e307], [-8e307, 8e307], [0.0, 1.0]),  # the span is a float, its round ticks' is not
    ],
)
def test_an_axis_places_its_values_between_its_first_and_last_ticks(
    values: List[float], ticks: List[float], at: List[float]
) -> None:
    found, where = ftj._axis(values)
    assert found == pytest.approx(ticks)
    assert [where(value) for value in (min(values), max(values))] == pytest.approx([at[0], at[-1]])


def test_a_chart_of_one_point_draws_it_in_the_middle_with_one_tick_each_way() -> None:
    svg = ElementTree.fromstring(ftj._loss_chart_svg([("train loss", "#000000", "", [(2000, 0.5)])]))
    (dot,) = svg.iter(f"{SVG}circle")
    texts = {t.text: (float(t.attrib["x"]), float(t.attrib["y"])) for t in svg.iter(f"{SVG}text")}
    assert set(texts) == {"2000", "0.5", "step", "train loss"}  # no tick but the one each way
    assert float(dot.attrib["cx"]) == texts["2000"][0] == (52 + 560 - 16) / 2  # the middle of the plot
    assert float(dot.attrib["cy"]) == texts["0.5"][1] - 4 == (30 + 230 - 36) / 2


NAMES = ["train loss", "valid loss", "full valid loss"]
DASHES = ["", "6 3", "2 3"]
SVG = "{http://www.w3.org/2000/svg}"
SERIES = st.lists(
    st.tuples(st.integers(0, 100_000), st.floats(0, 50, allow_nan=False).map(lambda v: round(v, 3))),
    min_size=1,
    max_size=60,
    unique_by=lambda point: point[0],
).map(sorted)


def numbers(text: str) -> List[float]:
    return [float(part) for part in text.replace(",", " ").split()]


@given(st.lists(SERIES, min_size=1, max_size=3))
def test_the_loss_chart_places_every_point_on_its_axes(drawn: List[List[Tuple[int, float]]]) -> None:
    series: List[Any] = [(NAMES[i], f"#00000{i}", DASHES[i], points) for i, points in enumerate(drawn)]
    svg = ElementTree.fromstring(ftj._loss_chart_svg(series))  # well-formed XML
    width, height = float(svg.attrib["width"]), float(svg.attrib["height"])
    assert svg.attrib["viewBox"] == f"0 0 {svg.attrib['width']} {svg.attrib['height']}"
    assert svg.find(f"{SVG}title").text == "Loss by step"  # type: ignore[union-attr]
    lines = [
        {k: float(v) for k, v in line.attrib.items() if k in ("x1", "x2", "y1", "y2")}
        for line in svg.iter(f"{SVG}line")
    ]
    for element in svg.iter():
        for key in ("x", "x1", "x2", "cx"):
            if key in element.attrib:
                assert 0 <= float(element.attrib[key]) <= width, (element.tag, element.attrib)
        for key in ("y", "y1", "y2", "cy"):
            if key in element.attrib:
                assert 0 <= float(element.attrib[key]) <= height, (element.tag, element.attrib)
    # The axes: the x axis along the bottom of the plot, the y axis up its left side.
    x_axis = next(
        line
        for line in lines
        if line["y1"] == line["y2"]
        and line["x1"] < line["x2"]
        and all(line["y1"] >= other["y1"] for other in lines if other["y1"] == other["y2"])
    )
    left, right, bottom = x_axis["x1"], x_axis["x2"], x_axis["y1"]
    y_axis = next(line for line in lines if line["x1"] == line["x2"] == left and line["y1"] < bottom)
    top = y_axis["y1"]
    assert y_axis["y2"] == bottom and 0 < top < bottom and 0 < left < right
    steps = [step for points in drawn for step, _ in points]
    losses = [loss for points in drawn for _, loss in points]
    # Gridlines run across the plot, the lowest on the x axis, the highest at the top; a single
    # loss has a single one, in the middle.
    faint = [line.attrib for line in svg.iter(f"{SVG}line") if "stroke-opacity" in line.attrib]
    assert all((float(line["x1"]), float(line["x2"])) == (left, right) for line in faint)
    grid = sorted(float(line["y1"]) for line in faint if line["y1"] == line["y2"])
    assert len(grid) == len(faint)
    if min(losses) == max(losses):
        assert grid == [pytest.approx((top + bottom) / 2, abs=0.05)]
    else:
        assert (
            len(grid) >= 2 and grid[0] == pytest.approx(top, abs=0.05) and grid[-1] == pytest.approx(bottom, abs=0.05)
        )
    # Tick marks under the axis, the first at its left end and the last at its right end (one in
    # the middle for a single step).
    marks = sorted(line["x1"] for line in lines if line["x1"] == line["x2"] and line["y1"] == bottom < line["y2"])
    if min(steps) == max(steps):
        assert marks == [pytest.approx((left + right) / 2, abs=0.05)]
    else:
        assert marks[0] == pytest.approx(left, abs=0.05) and marks[-1] == pytest.approx(right, abs=0.05)
    texts = [
        (float(t.attrib["x"]), float(t.attrib["y"]), t.text or "", t.get("text-anchor")) for t in svg.iter(f"{SVG}text")
    ]
    x_labels = [(x, float(text)) for x, y, text, anchor in texts if anchor == "middle" and text != "step"]
    assert all(y > bottom for _, y, _, anchor in texts if anchor == "middle")
    assert [x for x, _ in x_labels] == pytest.approx(marks, abs=0.05)
    low, high = x_labels[0][1], x_labels[-1][1]
    assert low <= min(steps) and max(steps) <= high and (low < high or low == min(steps) == max(steps))
    y_labels = sorted((y, float(text)) for x, y, text, anchor in texts if anchor == "end")
    assert len(y_labels) == len(grid) and all(x < left for x, _, _, anchor in texts if anchor == "end")
    assert [value for _, value in y_labels] == sorted((value for _, value in y_labels), reverse=True)
    groups = [g for g in svg.iter(f"{SVG}g") if g.find(f"{SVG}polyline") is not None]
    assert [g.findtext(f"{SVG}title") for g in groups] == NAMES[: len(drawn)]
    placed: List[Any] = []  # ((x, y), (step, loss)) for every point of every series
    for group, points, dashes in zip(groups, drawn, DASHES):
        polyline = group.find(f"{SVG}polyline")
        assert polyline is not None and polyline.get("stroke-dasharray", "") == dashes
        coordinates = numbers(polyline.attrib["points"])
        pairs = list(zip(coordinates[::2], coordinates[1::2]))
        assert len(pairs) == len(points)
        dots = [(float(c.attrib["cx"]), float(c.attrib["cy"])) for c in group.iter(f"{SVG}circle")]
        assert dots == (pairs if len(points) <= 40 else [])
        placed += zip(pairs, points)
    for (px, py), (step, _) in placed:
        # x = left + (step - low) / (high - low) * (right - left), to the 0.1 px printed
        at = 0.5 if low == high else (step - low) / (high - low)
        assert px == pytest.approx(left + at * (right - left), abs=0.06)
        assert top - 0.05 <= py <= bottom + 0.05
    for (_, ya), (_, a) in placed:  # a higher loss is drawn no lower (to the 0.1 px printed)
        for (_, yb), (_, b) in placed:
            assert (a < b) <= (ya >= yb) and (a == b) <= (ya == yb)
    ys = [py for (_, py), _ in placed]
    lowest, highest = min(losses), max(losses)
    assert (lowest < highest) <= (max(ys) - min(ys) > (bottom - top) * (highest - lowest) / (highest + 1) / 2)
    # The legend, above the plot: a stretch of each line, dashed as it is, then its name.
    legend = [line for line in svg.iter(f"{SVG}line") if float(line.attrib["y1"]) < top]
    assert [line.get("stroke-dasharray", "") for line in legend] == DASHES[: len(drawn)]
    assert [line.attrib["stroke"] for line in legend] == [colour for _, colour, _, _ in series]
    starts = [float(line.attrib["x1"]) for line in legend]
    assert starts == sorted(starts) and starts[0] > left


@given(st.sampled_from(["events", "checkpoints", "jobs"]), st.data())
def test_every_page_displays_as_text_and_well_formed_html(kind: str, data: st.DataObject) -> None:
    pages_of = {
        "events": ftj.FineTuningJobEventList,
        "checkpoints": ftj.FineTuningJobCheckpointList,
        "jobs": ftj.FineTuningJobList,
    }
    payload = data.draw(payloads(pages_of[kind]))
    width = data.draw(st.none() | st.integers(1, 300))
    if kind == "events":
        listed: Any = ftj.FineTuningJobEventList.from_dict(payload)
        text, shown = ftj._event_list_text(listed, width), ftj._event_list_html(listed)
    elif kind == "checkpoints":
        listed = ftj.FineTuningJobCheckpointList.from_dict(payload)
        text, shown = ftj._checkpoint_list_text(listed, width), ftj._checkpoint_list_html(listed)
    else:
        listed = ftj.FineTuningJobList.from_dict(payload)
        text, shown = ftj._job_list_text(listed, NOW, width), ftj._job_list_html(listed, NOW)
        for read in listed.data:
            card = ftj._job_html(read, NOW)
            ElementTree.fromstring(as_xml(card))
    assert text.splitlines()[0].startswith(type(listed).__name__ + ": ")
    assert len(text.splitlines()) >= 2 and not any(c in text for c in "\r\x1b\x00")
    ElementTree.fromstring(as_xml(shown))  # well-formed: the values' markup is escaped


def as_xml(html: str) -> str:
    """HTML as XML: its void elements closed, and the characters XML refuses (control characters
    in the values, which HTML shows as they are) replaced."""
    refused = dict.fromkeys((*range(9), 11, 12, *range(14, 32), 65534, 65535), "?")
    return html.replace("<br>", "<br/>").replace("<wbr>", "<wbr/>").translate(refused)


# --- Colours: every one reads on Jupyter's light and dark backgrounds

# A page as Jupyter shows it: (background, text colour) per theme, JupyterLab's own values.
THEMES = {"light": ("#ffffff", (0, 0, 0, 0.87)), "dark": ("#111111", (255, 255, 255, 0.87))}
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|rgba?\([^)]*\)")
# Colours that draw no text and no part of a display people must see: the rules between rows
# and around a card, and the chart's gridlines. Exempt from contrast, and listed.
DECORATIVE = {"rgba(128, 128, 128, 0.35)"}


def rgb(colour: str) -> Tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: Tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour given as 0-255 channels."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Tuple[float, float, float], b: Tuple[float, float, float]) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(
    colour: Tuple[float, float, float, float], background: Tuple[float, float, float]
) -> Tuple[float, float, float]:
    """A colour with an alpha, as it shows over a background."""
    r, g, b, alpha = colour
    return (
        alpha * r + (1 - alpha) * background[0],
        alpha * g + (1 - alpha) * background[1],
        alpha * b + (1 - alpha) * background[2],
    )


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast(rgb("#ffffff"), rgb("#000000")) == pytest.approx(21)
    assert contrast(rgb("#777777"), rgb("#ffffff")) == pytest.approx(4.48, abs=0.005)  # WCAG's own example
    # No colour reads at 4.5:1 on both backgrounds. For a colour between them, its two ratios
    # multiply to a constant, so the better of the worse is at most its square root: 4.35.
    white, dark = (luminance(rgb(THEMES[theme][0])) + 0.05 for theme in ("light", "dark"))
    assert (white / dark) ** 0.5 == pytest.approx(4.346, abs=0.001)
    greys = [(v, v, v) for v in range(256)]
    best = max(min(contrast(grey, rgb("#ffffff")), contrast(grey, rgb("#111111"))) for grey in greys)
    assert 4.3 < best < 4.5


class Colours(HTMLParser):
    """Each use of a colour in a display: ("text", colour, its badge's colour or None for the
    page), ("part", colour) for a badge, a line or a dot, ("decorative", colour), ("faded",
    opacity) for text in the page's colour made fainter; ("unknown", ...) for any other."""

    def __init__(self) -> None:
        super().__init__()
        self.uses: List[Tuple[Any, ...]] = []

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        values = {name: value or "" for name, value in attrs}
        style = {
            name.strip(): value.strip()
            for name, _, value in (part.partition(":") for part in values.pop("style", "").split(";"))
            if value
        }
        badge = COLOUR.findall(style.get("background", ""))
        for name, value in [*style.items(), *values.items()]:
            if name == "opacity":
                self.uses.append(("faded", float(value)))
            elif name == "stroke-opacity":  # the chart's gridlines, in the page's colour
                self.uses.append(("decorative", f"currentColor at {value}"))
            for colour in COLOUR.findall(value):
                if name == "color":
                    self.uses.append(("text", colour, badge[0] if badge else None))
                elif name == "fill" and tag == "text":
                    self.uses.append(("text", colour, None))
                elif name in ("background", "fill", "stroke") or name.startswith("border"):
                    self.uses.append(("decorative" if colour in DECORATIVE else "part", colour))
                else:
                    self.uses.append(("unknown", tag, name, colour))


def gallery() -> str:
    """Every display, with every colour the module has: each status and level, each loss."""
    cards = [
        ftj._job_html(ftj.FineTuningJob.from_dict({**job(status), "status": status}), NOW)
        for status in [*STATUSES, "pending"]
    ]
    losses = {**checkpoint(40), "metrics": {"train_loss": 0.5, "valid_loss": 0.6, "full_valid_loss": 0.7}}
    levels = [event(level, level) for level in ("info", "warn", "error", "debug")]
    pages = [
        ftj._job_list_html(ftj.FineTuningJobList.from_dict(page(every_job(), has_more=True)), NOW),
        ftj._event_list_html(
            ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [*levels, metrics_event(1, 2.0)]})
        ),
        ftj._checkpoint_list_html(ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [losses]})),
        ftj._event_list_html(ftj.FineTuningJobEventList.from_dict({"object": "list", "data": []})),
    ]
    return "".join(cards + pages + [show() for show in DISPLAYS.values()])


def unreadable(shown: str, theme: str) -> List[str]:
    """Each use of a colour in shown that does not read on the theme's page, and why."""
    found = Colours()
    found.feed(shown)
    background, text = rgb(THEMES[theme][0]), THEMES[theme][1]
    problems = []
    # Every colour written is one of the uses below.
    if len([use for use in found.uses if COLOUR.fullmatch(str(use[1]))]) != len(COLOUR.findall(shown)):
        problems.append("a colour outside the attributes")
    for use in found.uses:
        if use[0] == "text" and use[2] is not None:  # text on a badge of its own: WCAG's 4.5:1 for text
            ratio, least = contrast(rgb(use[1]), rgb(use[2])), 4.5
        elif use[0] == "text":  # coloured text on the page itself: 4.5:1, which no colour reaches on both
            ratio, least = contrast(rgb(use[1]), background), 4.5
        elif use[0] == "part":  # a badge, a line, a dot: WCAG's 3:1 for the parts of a display
            ratio, least = contrast(rgb(use[1]), background), 3
        elif use[0] == "faded":  # the page's own text made fainter still reads at 4.5:1
            ratio, least = contrast(over((*text[:3], text[3] * use[1]), background), background), 4.5
        elif use[0] == "decorative":
            continue
        else:
            problems.append(f"{use}: a use of a colour the test does not know")
            continue
        if ratio < least:
            problems.append(f"{use}: {ratio:.2f}:1 on {theme}, below {least}:1")
    return problems


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_colour_reads_on_light_and_dark_backgrounds(theme: str) -> None:
    shown = gallery()
    assert unreadable(shown, theme) == []
    # The gallery holds every colour the module has: each badge, each level's, each loss's line.
    found = Colours()
    found.feed(shown)
    parts = {use[1] for use in found.uses if use[0] == "part"}
    assert {*ftj._BADGE_COLOURS.values(), *ftj._LEVEL_COLOURS.values()} <= parts
    assert {colour for _, _, colour, _ in ftj._LOSSES} <= parts


def test_a_colour_that_does_not_read_is_caught() -> None:
    shown = (
        '<div style="color: #cf222e;">the old error level</div>'
        '<span style="background: #bf8700; color: #ffffff;">white on amber</span>'
        '<svg><text fill="#777777">grey text</text><line stroke="#bbbbbb"/><rect mask="#000000"/></svg>'
        '<div style="opacity: 0.4;">faint</div>#abcdef'
    )
    assert unreadable(shown, "dark") == [
        "a colour outside the attributes",
        "('text', '#cf222e', None): 3.53:1 on dark, below 4.5:1",
        "('text', '#ffffff', '#bf8700'): 3.14:1 on dark, below 4.5:1",
        "('text', '#777777', None): 4.22:1 on dark, below 4.5:1",
        "('unknown', 'rect', 'mask', '#000000'): a use of a colour the test does not know",
        "('faded', 0.4): 3.18:1 on dark, below 4.5:1",
    ]
    assert unreadable(shown, "light") == [
        "a colour outside the attributes",
        "('text', '#ffffff', '#bf8700'): 3.14:1 on light, below 4.5:1",
        "('text', '#777777', None): 4.48:1 on light, below 4.5:1",
        "('part', '#bbbbbb'): 1.92:1 on light, below 3:1",
        "('unknown', 'rect', 'mask', '#000000'): a use of a colour the test does not know",
        "('faded', 0.4): 2.43:1 on light, below 4.5:1",
    ]


def test_the_colours_reach_what_their_comments_say() -> None:
    # White on each badge at 4.5:1 at least, each badge at 3:1 at least (4.0:1 in fact) from both
    # backgrounds, each line at 4.3:1 from both.
    pages = [rgb(background) for background, _ in THEMES.values()]
    for colour in [*ftj._BADGE_COLOURS.values(), *ftj._LEVEL_COLOURS.values()]:
        assert contrast(rgb("#ffffff"), rgb(colour)) >= 4.5 and min(contrast(rgb(colour), p) for p in pages) >= 4.0
    for _, _, colour, _ in ftj._LOSSES:
        assert min(contrast(rgb(colour), p) for p in pages) >= 4.3


# --- The notebook displays as approved: each looked at as rendered, light and dark, before its
# copy in tests/displays/ is committed. A change to a display shows here as a diff. To write them
# again, and a light and a dark page of each to look at: python -m tests.test_display --write DIR

APPROVED = Path(__file__).resolve().parent / "displays"


def _events_for_display() -> Any:
    data = event_page(has_more=True)
    data["data"][0:0] = [
        event("error", "Fine-tuning job failed: <b>out of memory</b>", created_at=1767229300),
        event("warn", "Validation loss is rising", created_at=1767229290),
        event("debug", "An unknown level", created_at=1767229280, type="progress"),
    ]
    return ftj.FineTuningJobEventList.from_dict(data)


def _job_with_everything() -> Any:
    data = wandb_job()
    data["integrations"].append({"type": "wandb", "wandb": {"project": "support-bot", "name": "run-7", "tags": []}})
    data["metadata"] = {"team": "support", "ticket": "FT-118", "note": "retrain after the <b>holiday</b> data"}
    data["result_files"] = ["file-results01", "file-results02"]
    return ftj.FineTuningJob.from_dict(data)


DISPLAYS: Dict[str, Callable[[], str]] = {
    "job": lambda: ftj._job_html(ftj.FineTuningJob.from_dict(example("job.json")), NOW),
    "job-failed": lambda: ftj._job_html(ftj.FineTuningJob.from_dict(job("failed")), NOW),
    "job-unknown-status": lambda: ftj._job_html(
        ftj.FineTuningJob.from_dict({**job("running"), "status": "pending"}), NOW
    ),
    "job-with-everything": lambda: ftj._job_html(_job_with_everything(), NOW),
    "page": lambda: ftj._job_list_html(
        ftj.FineTuningJobList.from_dict(
            {**example("page.json"), "data": [*example("page.json")["data"], job("succeeded")], "has_more": True}
        ),
        NOW,
    ),
    "events": lambda: ftj._event_list_html(_events_for_display()),
    "events-without-metrics": lambda: ftj._event_list_html(
        ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event()], "has_more": False})
    ),
    "checkpoints": lambda: ftj._checkpoint_list_html(
        ftj.FineTuningJobCheckpointList.from_dict({**checkpoint_page(), "has_more": True})
    ),
    "checkpoint": lambda: ftj._checkpoint_list_html(
        ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(7, 0.5)], "has_more": False})
    ),
}


@pytest.mark.parametrize("name", sorted(DISPLAYS))
def test_each_display_is_the_one_approved(name: str) -> None:
    approved = (APPROVED / f"{name}.html").read_text(encoding="utf-8")
    assert DISPLAYS[name]() == approved.rstrip("\n"), "changed: run python -m tests.test_display --write and look"


def test_every_approved_display_is_written_by_the_tests() -> None:
    assert sorted(path.stem for path in APPROVED.glob("*.html")) == sorted(DISPLAYS)


# A page to look at a display as a notebook shows it: the theme's background and text colour, and
# a stand-in for the notebook's own table styles (cells aligned right and padded, rows striped,
# tables centred), which the display's inline styles must override.
REVIEW_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{name} ({theme})</title>
<style>
table {{ margin-left: auto; margin-right: auto; }}
td, th {{ text-align: right; vertical-align: middle; padding: 0.5em; }}
tbody tr:nth-child(even) {{ background: {stripe}; }}
</style></head>
<body style="background: {background}; color: rgba{text}; font-family: sans-serif; font-size: 14px; margin: 16px;">
{display}
</body></html>
"""
STRIPES = {"light": "#f5f5f5", "dark": "#212121"}


def write(approved: Path, review: Optional[Path]) -> List[Path]:
    """Write each display to approved/NAME.html and, with a review folder, a light and a dark
    page of it there; return the files written."""
    written = []
    approved.mkdir(parents=True, exist_ok=True)
    for name, show in sorted(DISPLAYS.items()):
        display = show()
        written.append(approved / f"{name}.html")
        written[-1].write_text(display + "\n", encoding="utf-8")
        if review is None:
            continue
        for theme, (background, text) in sorted(THEMES.items()):
            page = REVIEW_PAGE.format(
                name=name, theme=theme, background=background, text=text, stripe=STRIPES[theme], display=display
            )
            written.append(review / f"{name}-{theme}.html")
            written[-1].write_text(page, encoding="utf-8")
    return written


def main(argv: List[str]) -> int:
    """python -m tests.test_display --write [REVIEW_FOLDER]: write the approved displays again
    (and the pages to look at them by); then look at every page before committing them."""
    if not argv or argv[0] != "--write" or len(argv) > 2:
        print("usage: python -m tests.test_display --write [REVIEW_FOLDER]", file=sys.stderr)
        return 2
    review = Path(argv[1]) if len(argv) == 2 else None
    if review is not None:
        review.mkdir(parents=True, exist_ok=True)
    written = write(APPROVED, review)
    print(
        f"wrote {len(written)} files: {len(DISPLAYS)} displays to {APPROVED}"
        + (f", pages to {review}" if review else "")
    )
    return 0


def test_the_tests_write_the_approved_displays_and_pages_to_look_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "APPROVED", tmp_path / "approved")
    assert main(["--write", str(tmp_path / "review")]) == 0
    for name, show in DISPLAYS.items():
        assert (tmp_path / "approved" / f"{name}.html").read_text(encoding="utf-8") == show() + "\n"
        dark = (tmp_path / "review" / f"{name}-dark.html").read_text(encoding="utf-8")
        assert 'style="background: #111111; color: rgba(255, 255, 255, 0.87);' in dark and show() in dark
    assert len(list((tmp_path / "review").iterdir())) == 2 * len(DISPLAYS)
    assert capsys.readouterr().out.startswith(f"wrote {3 * len(DISPLAYS)} files: {len(DISPLAYS)} displays to ")
    assert main(["--write"]) == 0 and len(list((tmp_path / "approved").iterdir())) == len(DISPLAYS)
    for wrong in ([], ["--writ"], ["--write", "a", "b"]):
        assert main(wrong) == 2
        assert capsys.readouterr().err == "usage: python -m tests.test_display --write [REVIEW_FOLDER]\n"


def test_the_tools_never_import_the_tests() -> None:
    for path in sorted((Path(__file__).resolve().parent.parent / "tools").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if name.split(".")[0] == "tests"], path


# --- Details the displays get right, each found unchecked by mutation testing


def test_metrics_come_in_step_order_whatever_their_creation_order() -> None:
    data: Dict[str, Any] = {
        "object": "list",
        "data": [metrics_event(3, 0.3), metrics_event(1, 0.1), metrics_event(2, 0.2)],
    }
    data["data"][0]["created_at"], data["data"][2]["created_at"] = 100, 300  # step 3 made first
    data["data"] += [
        event("info", "no step, made second", type="metrics", data={"train_loss": 0.5}, created_at=120),
        event("info", "no step, made first", type="metrics", data={"train_loss": 0.6}, created_at=110),
        event("info", "metrics without data", type="metrics", data=None),
    ]
    metrics = ftj.FineTuningJobEventList.from_dict(data).metrics()
    assert [(m.step, m.train_loss) for m in metrics] == [(1, 0.1), (2, 0.2), (3, 0.3), (None, 0.6), (None, 0.5)]


def test_text_pages_say_when_there_is_more_and_only_then() -> None:
    events = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event()], "has_more": False})
    assert ftj._event_list_text(events, None).splitlines()[0] == "FineTuningJobEventList: 1 event: 1 info"
    assert ftj._event_list_text(events, None).splitlines()[2].split()[4] == "message"
    untyped = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [{**event(), "type": None}]})
    assert ftj._event_list_text(untyped, None).splitlines()[2].split()[4] == "-"
    checkpoints = ftj.FineTuningJobCheckpointList.from_dict({**checkpoint_page(), "has_more": None})
    assert ftj._checkpoint_list_text(checkpoints, None).splitlines()[0] == "FineTuningJobCheckpointList: 3 checkpoints"
    jobs = ftj.FineTuningJobList.from_dict(page([job("succeeded")]))
    assert ftj._job_list_text(jobs, NOW, None).splitlines()[0] == "FineTuningJobList: 1 job: 1 succeeded"


def test_one_checkpoint_sums_up_as_one_step_with_numbers_to_four_digits() -> None:
    one = ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(7, 0.123456)]})
    assert ftj._checkpoint_list_text(one, None).splitlines()[2:] == [
        "7     0.1235      0.2235      ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-7",
        "train loss 0.123 ▄ 0.123 over step 7",
        "valid loss 0.223 ▄ 0.223 over step 7",
    ]


@pytest.mark.parametrize("failed", [False, True], ids=["no error column", "error column"])
def test_only_base_models_are_cut_to_fit_the_table(failed: bool) -> None:
    tuned = ftj.FineTuningJob.from_dict({**job("succeeded"), "fine_tuned_model": "ft:" + "y" * 70})
    base = ftj.FineTuningJob.from_dict({**job("failed" if failed else "running"), "model": "z" * 150})
    width = 165 if failed else 145  # the table with its model column as wide as the fine-tuned name
    lines = ftj._jobs_table([tuned, base], NOW, width)
    assert lines[0].endswith("ERROR") is failed and max(map(len, lines)) == width
    assert " ft:" + "y" * 70 + "  " in lines[1]  # whole
    assert " " + "z" * 72 + "…  " in lines[2]  # cut, to the width of what may not be cut
    assert " " + "z" * 73 + "…  " in ftj._jobs_table([tuned, base], NOW, width + 1)[2]


def test_a_table_just_within_its_width_is_not_cut() -> None:
    cut: Any = lambda item: True  # noqa: E731
    columns = [ftj._Column("A", lambda item, now: item[0]), ftj._Column("B", lambda item, now: item[1], cut=cut)]
    row = ("a" * 20, "b" * (120 - 22))  # exactly 120 characters with the gap
    assert ftj._text_table(columns, [row], NOW, 120) == ["A" + " " * 21 + "B", "  ".join(row)]
    over = ("a" * 20, "b" * 99)
    assert ftj._text_table(columns, [over], NOW, 120)[1] == "a" * 20 + "  " + "b" * 97 + "…"
    titled = [columns[0], ftj._Column("LONG HEADER NAME", columns[1].text, cut=cut)]
    assert ftj._text_table(titled, [("a" * 200, "b" * 30)], NOW, 120)[1].endswith("b" * 15 + "…")  # the title's width
    assert ftj._text_table(columns, [("a" * 200, "b" * 30)], NOW, 120)[1].split()[-1] == "b" * 11 + "…"  # 12 at least
    narrow = ("a" * 5, "b" * 113)  # a column narrower than 12 stays as it is, even where the table is too wide
    first_cut = [ftj._Column("A", columns[0].text, cut=cut), ftj._Column("B", columns[1].text)]
    assert ftj._text_table(first_cut, [narrow], NOW, 100)[1] == "  ".join(narrow)
    some = [columns[0], ftj._Column("B", columns[1].text, cut=lambda item: item[0] != "a")]
    assert ftj._text_table(some, [("a" * 200, "b" * 30), ("a", "c" * 20)], NOW, 120)[1].endswith(
        "b" * 19 + "…"
    )  # never narrower than a cell that may not be cut


def test_room_left_after_one_cut_column_goes_to_the_next() -> None:
    cut: Any = lambda item: True  # noqa: E731
    both = [ftj._Column("A", lambda item, now: item[0], cut=cut), ftj._Column("B", lambda item, now: item[1], cut=cut)]
    # Each may shrink to 12: A takes back all it needs (100), B what is left (18 of 120).
    assert ftj._text_table(both, [("a" * 100, "b" * 100)], NOW, 120)[1] == "a" * 100 + "  " + "b" * 17 + "…"


def test_a_column_states_only_what_differs_from_the_defaults() -> None:
    column = ftj._Column("T", lambda item, now: "x")
    assert (column.html, column.cut, column.cut_least, column.leave_out, column.wraps, column.optional) == (
        None,
        None,
        12,
        0,
        False,
        False,
    )


def test_the_plain_text_view_of_a_page_cuts_a_long_base_model_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    long_base = ftj.FineTuningJob.from_dict({**job("running"), "model": "gpt-" + "m" * 150})
    listed = ftj.FineTuningJobList(data=(long_base,))
    for columns in (70, 120):
        monkeypatch.setenv("COLUMNS", str(columns))
        lines = pretty(listed).splitlines()
        assert max(map(len, lines[1:])) <= columns and "m…" in lines[2]  # the base model cut to fit


def test_a_summary_names_the_base_model_alone_until_there_is_a_fine_tuned_one() -> None:
    running = ftj.FineTuningJob.from_dict(job("running"))
    assert running.summary(NOW) == (
        "ftjob-runnsup0001 running gpt-4o-mini-2024-07-18, created 2026-01-01T00:00:00Z, duration 1d 12h so far"
    )
    facts = dict(ftj._job_facts(running, NOW))
    assert facts["finished"] == "-" and facts["duration"] == "1d 12h so far"
    assert ftj._job_text(running, NOW).splitlines()[6] == "  duration          1d 12h so far"


def test_the_method_block_settings_come_before_the_jobs_and_keep_their_text() -> None:
    data = job("running", "dpo")
    data["method"]["dpo"]["hyperparameters"] = {"beta": 0.25, "x_note": "café"}
    shown = dict(ftj._job_facts(ftj.FineTuningJob.from_dict(data), NOW))["method"]
    assert shown == 'dpo: beta=0.25, x_note="café"'


class _NoOffset(datetime.tzinfo):
    def utcoffset(self, when: Any) -> None:
        return None


def test_a_time_zone_without_an_offset_is_naive() -> None:
    read = ftj.FineTuningJob.from_dict(job("running"))
    no_offset = _NoOffset()  # type: ignore[abstract]  # dst and tzname are not needed here
    for naive in (datetime.datetime(2026, 1, 2), datetime.datetime(2026, 1, 2, tzinfo=no_offset)):
        with pytest.raises(ValueError, match="got a naive one") as info:
            read.elapsed(naive)
        assert str(info.value) == "expected an aware datetime (such as datetime.now(timezone.utc)), got a naive one"


@pytest.mark.parametrize("count", [40, 41])
def test_the_chart_marks_each_point_of_a_short_series_only(count: int) -> None:
    points: Any = [(step, 1.0 / step) for step in range(1, count + 1)]
    svg = ftj._loss_chart_svg([("train loss", "#000000", "", points)])
    assert svg.count("<circle") == (count if count <= 40 else 0)
    assert ('stroke-width="2"/></g>' in svg) is (count > 40)  # nothing between the line and its group's end


def test_steps_are_written_whole() -> None:
    one = ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(123456, 0.5)]})
    assert ftj._checkpoint_list_text(one, None).splitlines()[-2] == "train loss 0.5 ▄ 0.5 over step 123456"


def test_a_chart_takes_steps_and_losses_beyond_the_largest_float() -> None:
    huge = [metrics_event(1, 0.5), {**metrics_event(2, 0.4), "data": {"step": 10**400, "train_loss": -(10**400)}}]
    shown = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": huge})._repr_html_()
    svg = ElementTree.fromstring(shown[shown.index("<svg") : shown.index("</svg>") + 6])
    points = numbers(next(svg.iter(f"{SVG}polyline")).attrib["points"])
    assert points == [52.0, 30.0, 544.0, 194.0]  # from the top left corner to the bottom right one


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
