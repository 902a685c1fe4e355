"""What scripts and notebooks show: statuses as their values, summaries, changes between two
snapshots, the notebook HTML and IPython's plain text.

Run as a program, it writes the approved displays again: python -m tests.test_display --write DIR"""

import ast
import datetime
import json
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import checkpoint, checkpoint_page, event, event_page, example, job, metrics_event, page, walk
from tests.strategies import jobs

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
        "  model             gpt-4o-mini-2024-07-18",
        "  fine-tuned model  -",
        "  created           2026-01-01T00:00:00Z",
        "  finished          2026-01-01T01:01:01Z",
        "  duration          1h 01m 01s",
        "  trained tokens    -",
        "  method            dpo: batch_size=8, learning_rate_multiplier=1.8, n_epochs=3",
        "  error             invalid_training_file: Example 12: 'messages' must be a list.",
    ]
    assert pretty(failed).splitlines()[0] == "FineTuningJob ftjob-failsup0001"


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
    listed = ftj.FineTuningJobList.from_dict(page([job("running"), job("failed")], has_more=True))
    assert ftj._page_text(listed, NOW).splitlines() == [
        "FineTuningJobList: 2 jobs: 1 running, 1 failed, more on the next page",
        "ID                 STATUS   MODEL                   TOKENS  CREATED (UTC)     DURATION       ERROR",
        "ftjob-runnsup0001  running  gpt-4o-mini-2024-07-18  -       2026-01-01 00:00  1d 12h so far  -",
        "ftjob-failsup0001  failed   gpt-4o-mini-2024-07-18  -       2026-01-01 00:00  1h 01m 01s     invalid_training_file",
    ]
    assert pretty(listed).startswith("FineTuningJobList: 2 jobs")


MARKUP = "<img src=x onerror=alert(1)>&'\""


def test_the_html_escapes_every_value() -> None:
    data = {**job("failed"), "id": MARKUP, "model": MARKUP, "status": MARKUP, "fine_tuned_model": "ft:" + MARKUP}
    data["error"] = {"code": MARKUP, "message": MARKUP, "param": None}
    data["method"]["supervised"]["hyperparameters"]["x_note"] = MARKUP
    hostile = ftj.FineTuningJob.from_dict(data)
    escaped = "&lt;img src=x onerror=alert(1)&gt;&amp;&#x27;&quot;"
    for shown in (hostile._repr_html_(), ftj.FineTuningJobList(data=(hostile,))._repr_html_()):
        assert "<img" not in shown and "<script" not in shown.lower()
        assert escaped in shown


def test_the_html_shows_a_job_as_a_card_with_its_status_badge() -> None:
    card = ftj.FineTuningJob.from_dict(example("job.json"))._repr_html_()
    assert card.startswith('<div class="finetuning-job"')
    assert "background: #1a7f37; color: #ffffff;" in card and ">succeeded</span>" in card
    assert ">482,113</td>" in card and ">1h 01m 01s</td>" in card
    unknown = ftj.FineTuningJob.from_dict({**job("running"), "status": "pending"})._repr_html_()
    assert "border: 1px dashed currentColor;" in unknown and ">pending?</span>" in unknown


def test_the_html_shows_a_page_as_a_table_with_counts() -> None:
    listed = ftj.FineTuningJobList.from_dict(example("page.json"))
    table = listed._repr_html_()
    assert table.count("<tr>") == 4  # a header and a row per job
    assert ">3 jobs: 1 running, 1 failed, 1 paused.</div>" in table
    assert '<span title="Training file has 4 example(s)' in table and ">invalid_n_examples</span>" in table
    more = ftj.FineTuningJobList(data=listed.data, has_more=True)._repr_html_()
    assert "1 paused. More on the next page.</div>" in more


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
    ],
)
def test_sparklines(values: List[float], line: str) -> None:
    assert ftj._sparkline(values) == line


def test_an_events_page_in_plain_text() -> None:
    listed = ftj.FineTuningJobEventList.from_dict(event_page(has_more=True))
    lines = pretty(listed).splitlines()
    assert lines[:3] == [
        "FineTuningJobEventList: 15 events, more on the next page",
        "ID                  CREATED (UTC)        LEVEL  TYPE     MESSAGE",
        "ftevent-6955c74d34  2026-01-01 01:01:01  info   message  The job has successfully completed",
    ]
    assert lines[-2:] == [
        "train loss 2.31 █▃▂▂▁▁▁▁▁▁▁▁▁ 0.34 over steps 1-120",
        "valid loss 2.5 █▃▂▂▁▁▁▁▁▁▁▁▁ 0.468 over steps 1-120",
    ]
    odd = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event("debug", "x" * 200, type="progress")]})
    row = ftj._events_text(odd).splitlines()[2]
    assert row.startswith("ftevent-6955b90a200  2026-01-01 00:00:10  debug?  progress?  xxx") and row.endswith("x…")
    assert len(row) == 120


def test_a_checkpoints_page_in_plain_text() -> None:
    listed = ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page())
    assert pretty(listed).splitlines() == [
        "FineTuningJobCheckpointList: 3 checkpoints",
        "STEP  TRAIN LOSS  VALID LOSS  FULL VALID LOSS  MODEL",
        "120   0.41        0.51        -                ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-120",
        "80    0.52        0.62        -                ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-80",
        "40    0.77        0.87        -                ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-40",
        "train loss 0.77 █▃▁ 0.41 over steps 40-120",
        "valid loss 0.87 █▃▁ 0.51 over steps 40-120",
    ]


def test_the_html_of_an_events_page_draws_the_loss() -> None:
    data = event_page()
    data["data"][0]["message"] = MARKUP
    shown = ftj.FineTuningJobEventList.from_dict(data)._repr_html_()
    svg = shown[shown.index("<svg") : shown.index("</svg>")]
    assert "<title>training loss</title>" in svg and "<title>validation loss</title>" in svg
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 26
    for label in (">0</text>", ">20</text>", ">120</text>", ">step</text>", ">0.5</text>", ">2.5</text>"):
        assert label in svg, label
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown and "<img" not in shown and "<script" not in shown
    assert shown.count("<tr>") == 16 and "15 events, newest first." in shown


def test_the_html_of_a_checkpoints_page_draws_the_loss_and_lists_the_models() -> None:
    shown = ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page())._repr_html_()
    assert (
        "<title>training loss</title>" in shown
        and ">ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-120</span>" in shown
    )
    assert "3 checkpoints, newest first." in shown
    first = ftj.FineTuningJobCheckpointList.from_dict(checkpoint_page()).data[0]
    assert first.created_datetime == datetime.datetime(2026, 1, 1, 1, 0, tzinfo=UTC)
    empty = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event()], "has_more": True})._repr_html_()
    assert "No training metrics on this page." in empty and "<svg" not in empty and "More on the next page." in empty
    one = ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(7, 0.5)]})._repr_html_()
    assert one.count("<circle") == 2 and "1 checkpoint, newest first." in one


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0.339, 2.31, [0.0, 0.5, 1.0, 1.5, 2.0, 2.5]),
        (1, 120, [0, 20, 40, 60, 80, 100, 120]),
        (5, 5, [5, 6]),
        (-3, -1, [-3.0, -2.5, -2.0, -1.5, -1.0]),
        (0, 0, [0.0, 0.2]),
        (0, 3.5, [0, 1, 2, 3, 4]),  # steps of 10 times a power of ten
        (0, 6, [0, 1, 2, 3, 4, 5, 6]),  # six intervals at most, six allowed
        (0, 7, [0, 2, 4, 6, 8]),
    ],
)
def test_chart_ticks_are_round_and_span_the_data(low: float, high: float, ticks: List[float]) -> None:
    assert ftj._ticks(low, high) == pytest.approx(ticks)


NAMES = ["training loss", "validation loss", "full validation loss"]
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
    series: List[Any] = [(NAMES[i], f"#00000{i}", points) for i, points in enumerate(drawn)]
    svg = ElementTree.fromstring(ftj._loss_chart_svg(series))  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    width, height = float(svg.attrib["width"]), float(svg.attrib["height"])
    assert svg.attrib["viewBox"] == f"0 0 {svg.attrib['width']} {svg.attrib['height']}"
    assert svg.find(f"{ns}title").text == "Loss by step"  # type: ignore[union-attr]
    lines = [
        {k: float(v) for k, v in line.attrib.items() if k in ("x1", "x2", "y1", "y2")} for line in svg.iter(f"{ns}line")
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
    # Gridlines run across the plot, the lowest on the x axis, the highest at the top.
    faint = [line.attrib for line in svg.iter(f"{ns}line") if "stroke-opacity" in line.attrib]
    assert all((float(line["x1"]), float(line["x2"])) == (left, right) for line in faint)
    grid = sorted(float(line["y1"]) for line in faint if line["y1"] == line["y2"])
    assert len(grid) == len(faint) >= 2
    assert grid[0] == pytest.approx(top, abs=0.05) and grid[-1] == pytest.approx(bottom, abs=0.05)
    # Tick marks under the axis, the first at its left end and the last at its right end.
    marks = sorted(line["x1"] for line in lines if line["x1"] == line["x2"] and line["y1"] == bottom < line["y2"])
    assert marks[0] == pytest.approx(left, abs=0.05) and marks[-1] == pytest.approx(right, abs=0.05)
    texts = [
        (float(t.attrib["x"]), float(t.attrib["y"]), t.text or "", t.get("text-anchor")) for t in svg.iter(f"{ns}text")
    ]
    x_labels = [(x, float(text)) for x, y, text, anchor in texts if anchor == "middle" and text != "step"]
    assert all(y > bottom for _, y, _, anchor in texts if anchor == "middle")
    assert [x for x, _ in x_labels] == pytest.approx(marks, abs=0.05)
    low, high = x_labels[0][1], x_labels[-1][1]
    steps = [step for points in drawn for step, _ in points]
    assert low <= min(steps) and max(steps) <= high and low < high
    y_labels = sorted((y, float(text)) for x, y, text, anchor in texts if anchor == "end")
    assert len(y_labels) == len(grid) and all(x < left for x, _, _, anchor in texts if anchor == "end")
    assert [value for _, value in y_labels] == sorted((value for _, value in y_labels), reverse=True)
    groups = [g for g in svg.iter(f"{ns}g") if g.find(f"{ns}polyline") is not None]
    assert [g.findtext(f"{ns}title") for g in groups] == NAMES[: len(drawn)]
    placed: List[Any] = []  # ((x, y), (step, loss)) for every point of every series
    for group, points in zip(groups, drawn):
        coordinates = numbers(group.find(f"{ns}polyline").attrib["points"])  # type: ignore[union-attr]
        pairs = list(zip(coordinates[::2], coordinates[1::2]))
        assert len(pairs) == len(points)
        dots = [(float(c.attrib["cx"]), float(c.attrib["cy"])) for c in group.iter(f"{ns}circle")]
        assert dots == (pairs if len(points) <= 40 else [])
        placed += zip(pairs, points)
    for (px, py), (step, _) in placed:
        # x = left + (step - low) / (high - low) * (right - left), to the 0.1 px printed
        assert px == pytest.approx(left + (step - low) / (high - low) * (right - left), abs=0.06)
        assert top - 0.05 <= py <= bottom + 0.05
    for (_, ya), (_, a) in placed:  # a higher loss is drawn no lower (to the 0.1 px printed)
        for (_, yb), (_, b) in placed:
            assert (a < b) <= (ya >= yb) and (a == b) <= (ya == yb)
    ys = [py for (_, py), _ in placed]
    lowest, highest = min(loss for _, (_, loss) in placed), max(loss for _, (_, loss) in placed)
    assert (lowest < highest) <= (max(ys) - min(ys) > (bottom - top) * (highest - lowest) / (highest + 1) / 2)
    legend = [(float(r.attrib["x"]), float(r.attrib["y"])) for r in svg.iter(f"{ns}rect")]
    assert len(legend) == len(drawn) and all(y < top for _, y in legend)
    assert [x for x, _ in legend] == sorted(x for x, _ in legend) and legend[0][0] > left


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


DISPLAYS: Dict[str, Callable[[], str]] = {
    "job": lambda: ftj._job_html(ftj.FineTuningJob.from_dict(example("job.json")), NOW),
    "job-failed": lambda: ftj._job_html(ftj.FineTuningJob.from_dict(job("failed")), NOW),
    "job-unknown-status": lambda: ftj._job_html(
        ftj.FineTuningJob.from_dict({**job("running"), "status": "pending"}), NOW
    ),
    "page": lambda: ftj._page_html(
        ftj.FineTuningJobList.from_dict(
            {**example("page.json"), "data": [*example("page.json")["data"], job("succeeded")], "has_more": True}
        ),
        NOW,
    ),
    "events": lambda: ftj._events_html(_events_for_display()),
    "events-without-metrics": lambda: ftj._events_html(
        ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [event()], "has_more": False})
    ),
    "checkpoints": lambda: ftj._checkpoints_html(
        ftj.FineTuningJobCheckpointList.from_dict({**checkpoint_page(), "has_more": True})
    ),
    "checkpoint": lambda: ftj._checkpoints_html(
        ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(7, 0.5)], "has_more": False})
    ),
}


@pytest.mark.parametrize("name", sorted(DISPLAYS))
def test_each_display_is_the_one_approved(name: str) -> None:
    approved = (APPROVED / f"{name}.html").read_text(encoding="utf-8")
    assert DISPLAYS[name]() == approved.rstrip("\n"), "changed: run python -m tests.test_display --write and look"


# A page as Jupyter shows it: (background, text colour) per theme, JupyterLab's own values.
THEMES = {"light": ("#ffffff", (0, 0, 0, 0.87)), "dark": ("#111111", (255, 255, 255, 0.87))}


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
        for theme, (background, text) in sorted(THEMES.items()) if review is not None else ():
            page = REVIEW_PAGE.format(
                name=name, theme=theme, background=background, text=text, stripe=STRIPES[theme], display=display
            )
            written.append(review / f"{name}-{theme}.html")  # type: ignore[operator]
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
    assert ftj._events_text(events).splitlines()[0] == "FineTuningJobEventList: 1 event"
    assert ftj._events_text(events).splitlines()[2].split()[4] == "message"
    untyped = ftj.FineTuningJobEventList.from_dict({"object": "list", "data": [{**event(), "type": None}]})
    assert ftj._events_text(untyped).splitlines()[2].split()[4] == "-"
    checkpoints = ftj.FineTuningJobCheckpointList.from_dict({**checkpoint_page(), "has_more": True})
    assert ftj._checkpoints_text(checkpoints).splitlines()[0] == (
        "FineTuningJobCheckpointList: 3 checkpoints, more on the next page"
    )
    jobs = ftj.FineTuningJobList.from_dict(page([job("succeeded")]))
    assert ftj._page_text(jobs, NOW).splitlines()[0] == "FineTuningJobList: 1 job: 1 succeeded"


def test_one_checkpoint_sums_up_as_one_step_with_numbers_to_four_digits() -> None:
    one = ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(7, 0.123456)]})
    assert ftj._checkpoints_text(one).splitlines()[2:] == [
        "7     0.1235      0.2235      -                ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-7",
        "train loss 0.123 ▄ 0.123 over step 7",
        "valid loss 0.223 ▄ 0.223 over step 7",
    ]


@pytest.mark.parametrize("failed", [False, True], ids=["no error column", "error column"])
def test_only_base_models_are_cut_to_fit_the_table(failed: bool) -> None:
    tuned = ftj.FineTuningJob.from_dict({**job("succeeded"), "fine_tuned_model": "ft:" + "y" * 70})
    base = ftj.FineTuningJob.from_dict({**job("failed" if failed else "running"), "model": "z" * 150})
    lines = ftj._page_text(ftj.FineTuningJobList(data=(tuned, base)), NOW).splitlines()
    assert lines[1].endswith("ERROR") is failed
    assert " ft:" + "y" * 70 + "  " in lines[2]  # whole, though the line is wider than 120
    assert " " + "z" * 72 + "…  " in lines[3]  # cut, to the width of what may not be cut


def test_a_table_just_within_its_width_is_not_cut() -> None:
    header = ("A", "B")
    row = ("a" * 20, "b" * (120 - 22))  # exactly 120 characters with the gap
    assert ftj._columns(header, [row], cut=1) == ["A" + " " * 21 + "B", "  ".join(row)]
    over = ("a" * 20, "b" * 99)
    assert ftj._columns(header, [over], cut=1)[1] == "a" * 20 + "  " + "b" * 97 + "…"
    assert ftj._columns(("A", "LONG HEADER NAME"), [("a" * 200, "b" * 30)], cut=1)[1].endswith("b" * 15 + "…")
    assert ftj._columns(header, [("a" * 200, "b" * 30)], cut=1)[1].split()[-1] == "b" * 11 + "…"  # 12 at least
    narrow = ("a" * 5, "b" * 113)  # 120 with the gap: a column narrower than 12 stays as it is
    assert ftj._columns(header, [narrow], cut=0)[1] == "  ".join(narrow)
    assert ftj._columns(header, [("a" * 200, "b" * 30), ("a", "c" * 20)], cut=1, may_cut=[True, False])[1].endswith(
        "b" * 19 + "…"
    )  # never narrower than a cell that may not be cut


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
    svg = ftj._loss_chart_svg([("training loss", "#000000", [(step, 1.0 / step) for step in range(1, count + 1)])])
    assert svg.count("<circle") == (count if count <= 40 else 0)
    assert ('stroke-width="2"/></g>' in svg) is (count > 40)  # nothing between the line and its group's end


def test_steps_are_written_whole() -> None:
    one = ftj.FineTuningJobCheckpointList.from_dict({"object": "list", "data": [checkpoint(123456, 0.5)]})
    assert ftj._checkpoints_text(one).splitlines()[-2] == "train loss 0.5 ▄ 0.5 over step 123456"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
