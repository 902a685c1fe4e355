"""read_file: the jobs, events and checkpoints of a file or stream, a JSON document or JSON
Lines, each value by the class its object names, every problem with the line it is on."""

import io
import json
import re
import sys
from pathlib import Path
from typing import Any, List, Optional, Tuple

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import checkpoint, event, event_page, job, page
from tests.strategies import jobs

EXAMPLES = Path(__file__).resolve().parent / "examples"


def entries(content: Any, strict: bool = False) -> List[Any]:
    stream = io.BytesIO(content) if isinstance(content, bytes) else io.StringIO(content)
    return list(ftj.read_file(stream, strict=strict))


def problems(content: Any) -> List[Tuple[Optional[int], str]]:
    return [(entry.line, str(error)) for entry in entries(content) for error in entry.errors]


def test_a_json_lines_file_gives_an_entry_per_line_with_its_number() -> None:
    read = list(ftj.read_file(EXAMPLES / "archive.jsonl"))
    assert [(entry.line, [item.id for item in entry.items], entry.errors) for entry in read] == [
        (1, ["ftjob-queusup0001"], ()),
        (2, ["ftjob-runnsup0001"], ()),
        (3, ["ftjob-succsup0001"], ()),
        (4, ["ftjob-cancsup0001"], ()),
    ]
    lines = (EXAMPLES / "archive.jsonl").read_text().splitlines()
    assert [entry.items[0] for entry in read] == [ftj.FineTuningJob.from_json(line) for line in lines]
    assert {(entry.has_more, entry.last_id) for entry in read} == {(None, None)}


@pytest.mark.parametrize("how", ["str", "path", "binary", "text"])
def test_a_path_or_an_open_file(how: str) -> None:
    name = EXAMPLES / "page.json"
    if how in ("str", "path"):
        read = list(ftj.read_file(str(name) if how == "str" else name))
    else:
        with open(name, "rb" if how == "binary" else "r", encoding=None if how == "binary" else "utf-8") as stream:
            read = list(ftj.read_file(stream))
            assert not stream.closed  # the caller's to close
    (entry,) = read
    assert entry.line is None and entry.errors == ()
    assert entry.items == ftj.FineTuningJobList.from_json(name.read_bytes()).data
    assert (entry.has_more, entry.last_id) == (False, "ftjob-rftPause1")


def test_a_path_is_opened_when_read_and_closed_after(tmp_path: Path) -> None:
    missing = ftj.read_file(tmp_path / "missing.json")  # nothing opened yet
    with pytest.raises(FileNotFoundError):
        next(missing)
    path = tmp_path / "jobs.jsonl"
    path.write_text(json.dumps(job("queued")) + "\n" + json.dumps(job("running")) + "\n")
    read = ftj.read_file(path)
    next(read)
    path.unlink()  # open still: the rest is read from it
    assert [entry.items[0].id for entry in read] == ["ftjob-runnsup0001"]


def test_what_is_not_a_path_or_a_stream_is_a_type_error() -> None:
    with pytest.raises(TypeError) as info:
        ftj.read_file(b'{"id": 1}')  # type: ignore[arg-type]
    assert str(info.value) == "read_file reads a path or an open file, not bytes: wrap text in io.BytesIO"


@pytest.mark.parametrize("content", [b"", b"\n", b" \r\n\t\n"], ids=["empty", "blank", "white space"])
def test_an_input_with_no_value_gives_no_entry(content: bytes) -> None:
    assert entries(content) == []


def test_a_list_page_is_read_item_by_item_with_its_has_more_and_last_id() -> None:
    listed = page(
        [
            job("queued"),
            {**job("running"), "created_at": "yesterday"},
            {"id": "ftjob-last", "object": "fine_tuning.job"},
        ]
    )
    listed["has_more"] = True
    (entry,) = entries(json.dumps(listed, indent=2).encode())
    assert [item.id for item in entry.items] == ["ftjob-queusup0001"]
    assert [str(error) for error in entry.errors][:2] == [
        '$.data[1].created_at: expected an integer, got "yesterday" (str)',
        "$.data[2].created_at: required key missing",
    ]
    assert (entry.line, entry.has_more, entry.last_id) == (None, True, "ftjob-last")
    (entry,) = entries(json.dumps({"object": "list", "data": [job("queued"), 3], "has_more": "yes"}).encode())
    assert (entry.has_more, entry.last_id) == (False, None)  # not given as true; the last item has no id
    assert [str(error) for error in entry.errors] == [
        '$.has_more: expected a boolean, got "yes" (str)',
        "$.data[1]: expected an object, got 3 (int)",
    ]
    (entry,) = entries(b'{"object": "list", "data": []}')
    assert entry == ftj.FileEntry(None, (), (), False, None)
    (entry,) = entries(json.dumps({"object": "list", "data": [{**job("queued"), "id": 7}]}).encode())
    assert entry.last_id is None  # an id that is not a string is none


def test_list_pages_in_json_lines_keep_their_line_numbers() -> None:
    lines = [json.dumps(page([job("queued")])), json.dumps(event_page()), json.dumps(page([job("running")]))]
    assert [entry.line for entry in entries("\n".join(lines) + "\n")] == [1, 2, 3]


def test_each_value_is_read_by_the_class_its_object_names() -> None:
    lines = [json.dumps(job("queued")), json.dumps(event()), json.dumps(checkpoint(40)), json.dumps(event_page())]
    read = entries("\n".join(lines) + "\n")
    assert [type(entry.items[0]).__name__ for entry in read] == [
        "FineTuningJob",
        "FineTuningJobEvent",
        "FineTuningJobCheckpoint",
        "FineTuningJobEvent",
    ]
    assert len(read[3].items) == len(event_page()["data"])


LEGACY = {"object": "event", "created_at": 1692661014, "level": "info", "message": "Created fine-tune: ft-abc"}


def test_the_legacy_event_is_read_as_an_event_alone_and_in_a_page() -> None:
    assert problems(json.dumps(LEGACY)) == [
        (None, "$.id: required key missing"),
        (None, '$.object: expected "fine_tuning.job.event", got "event"'),
    ]
    assert problems(json.dumps({"object": "list", "data": [LEGACY], "has_more": False})) == [
        (None, "$.data[0].id: required key missing"),
        (None, '$.data[0].object: expected "fine_tuning.job.event", got "event"'),
    ]
    # A level is what tells the legacy event from a webhook event (CONTRACT.md 9.1): with one,
    # "event" is read as an event; without one, as a webhook event.
    assert problems(json.dumps({"object": "event", "level": "info"}))[3] == (
        None,
        '$.object: expected "fine_tuning.job.event", got "event"',
    )
    assert problems(json.dumps({"object": "event", "message": "m"})) == [
        (None, f"$.{key}: required key missing") for key in ("id", "created_at", "type", "data")
    ]


@pytest.mark.parametrize(
    ("example", "kind"),
    [
        ({"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}, "chat messages"),
        ({"prompt": "Hi", "completion": "Hello"}, "a prompt and completion"),
        (
            {"input": {"messages": []}, "preferred_output": [], "non_preferred_output": []},
            "a preference pair",
        ),
    ],
    ids=["chat", "completion", "preference"],
)
def test_training_data_is_named_once_and_not_read_further(example: Any, kind: str) -> None:
    training = "\n".join(json.dumps({**example, "n": n}) for n in range(40)) + "\n"
    expected = f"$: expected a fine-tuning job, event, checkpoint, webhook event or checkpoint permission, or a list page of them, got fine-tuning training data ({kind})"
    assert problems(training) == [(1, expected)]
    (named,) = entries(training)
    assert named.errors[0].value == {**example, "n": 0}  # the first example, as the error's value
    mixed = "\n".join([json.dumps(job("queued")), training, json.dumps(job("running"))])
    read = entries(mixed)
    assert [(entry.line, str(error)) for entry in read for error in entry.errors] == [(2, expected)]
    assert [item.id for entry in read for item in entry.items] == ["ftjob-queusup0001", "ftjob-runnsup0001"]
    # A job with a messages member is no training example: its object says what it is.
    (read,) = entries(json.dumps({**job("queued"), **example}))
    assert [type(item) for item in read.items] == [ftj.FineTuningJob] and read.errors == ()


# --- JSON or JSON Lines, decided right


def pretty_job() -> str:
    """A job pretty-printed by hand: its W&B integration on a line of its own."""
    data = {**job("succeeded"), "integrations": [{"type": "wandb", "wandb": {"project": "acme"}}]}
    text = json.dumps(data, indent=2)
    return text.replace(
        json.dumps(data["integrations"], indent=2).replace("\n", "\n  "),
        '[\n    {"type": "wandb", "wandb": {"project": "acme"}}\n  ]',
    )


def test_the_pretty_job_is_one_document_with_a_one_line_object_in_it() -> None:
    text = pretty_job()
    assert '\n    {"type": "wandb", "wandb": {"project": "acme"}}\n' in text
    (entry,) = entries(text)
    assert (entry.line, entry.errors, entry.items) == (None, (), (ftj.FineTuningJob.from_json(text),))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('"status": "succeeded",', '"status": "succeeded"', "Expecting ',' delimiter at line 19 column 3"),
        (
            '"acme"}}\n',
            '"acme"}},\n',
            "Illegal trailing comma before end of array at line "
            + ("24 column 52" if sys.version_info >= (3, 13) else "25 column 3"),
        ),
        ('"error": null', '"error": None', "Expecting value at line 4 column 12 (Python's None: JSON writes null)"),
        (
            '"seed": 1234',
            '"seed": 1234}\n{"seed": 1234',
            "Extra data at line 23 column 1 (a second JSON value: JSON Lines holds one value per line)",
        ),
    ],
    ids=["missing comma", "trailing comma", "None", "second value"],
)
def test_a_broken_document_is_reported_once_at_its_line_and_column(old: str, new: str, expected: str) -> None:
    text = pretty_job()
    assert old in text
    assert problems(text.replace(old, new, 1)) == [(None, f"$: invalid JSON: {expected}")]


def test_a_cut_document_says_so() -> None:
    text = pretty_job()
    assert problems(text[: text.index('"acme"') + 3]) == [
        (
            None,
            "$: invalid JSON: Unterminated string starting at line 24 column 44 (the input ends inside it: is it cut short?)",
        )
    ]
    assert problems(text[: text.index('"seed"') - 1]) == [
        (
            None,
            "$: invalid JSON: Expecting property name enclosed in double quotes at line 22 column 2 (the input ends there: is it cut short?)",
        )
    ]


def test_json_lines_whose_first_line_is_broken_are_still_read_line_by_line() -> None:
    lines = ['{"id": ', json.dumps(job("queued")), "{not json", json.dumps(job("running"))]
    read = entries("\n".join(lines) + "\n")
    assert [(entry.line, str(error)) for entry in read for error in entry.errors] == [
        (1, "$: invalid JSON: Expecting value at column 8 (the line ends there: is it cut short?)"),
        (3, "$: invalid JSON: Expecting property name enclosed in double quotes at column 2"),
    ]
    assert [item.status for entry in read for item in entry.items] == ["queued", "running"]


def test_a_line_cut_inside_a_string_says_so() -> None:
    cut = json.dumps(job("running"))
    cut = cut[: cut.index('"gpt-4o-mini') + 5]  # "model": "gpt-
    assert cut.index('"gpt-') == 211
    assert problems("\n".join([json.dumps(job("queued")), cut, json.dumps(job("failed"))]) + "\r\n") == [
        (2, "$: invalid JSON: Unterminated string starting at column 212 (the line ends inside it: is it cut short?)")
    ]


def test_an_unindented_document_whose_last_array_item_is_on_its_own_line_is_one_document() -> None:
    text = (
        '{\n"id": "ftjob-1",\n"integrations": [\n{"type": "wandb", "wandb": {"project": "acme"}}\n],\n"status": None\n}'
    )
    assert problems(text) == [
        (None, "$: invalid JSON: Expecting value at line 6 column 11 (Python's None: JSON writes null)")
    ]


def test_line_numbers_count_blank_lines_and_line_ends_are_not_columns() -> None:
    text = "\n\n" + json.dumps(job("queued"), indent=2).replace('"queued"', "'queued'")
    assert problems(text) == [
        (
            None,
            "$: invalid JSON: Expecting value at line 18 column 13 (single quotes are Python's: JSON strings take double quotes)",
        )
    ]
    assert json.dumps(job("queued"), indent=2).splitlines()[15].startswith('  "status"')
    crlf = f'\r\n\r\n{json.dumps(job("queued"))}\r\n{{"id": 1,}}\r\n'
    assert problems(crlf) == [
        (
            4,
            "$: invalid JSON: Illegal trailing comma before end of object at column "
            + ("9" if sys.version_info >= (3, 13) else "10"),
        )
    ]


# --- The property: a pretty-printed job broken in one place is one problem, where json says


POSITION = re.compile(r"\$: invalid JSON: .* at line (\d+) column (\d+)(?: \(.*\))?\Z")


def json_position(text: str) -> Optional[Tuple[int, int]]:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return exc.lineno, exc.colno
    return None


@st.composite
def broken_documents(draw: Any) -> str:
    """A valid job, pretty-printed with any indentation, broken in one place."""
    text = json.dumps(
        draw(jobs()),
        indent=draw(st.integers(1, 8) | st.sampled_from(["\t", " \t"])),
        ensure_ascii=draw(st.booleans()),
    )
    how = draw(st.sampled_from(["delete", "comma", "None", "cut"]))
    if how == "comma":
        closing = [at for at, char in enumerate(text) if char in "}]"]
        at = draw(st.sampled_from(closing))
        return text[:at] + "," + text[at:]
    if how == "None" and "null" in text:
        at = draw(st.sampled_from([m.start() for m in re.finditer("null", text)]))
        return text[:at] + "None" + text[at + 4 :]
    at = draw(st.integers(1, len(text) - 1))
    return text[:at] if how == "cut" else text[:at] + text[at + 1 :]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(text=broken_documents())
@example(text=pretty_job().replace('"status": "succeeded",', '"status": "succeeded"'))
@example(text="{\n" + pretty_job()[2:])  # the first line is not the whole first value
def test_a_pretty_job_broken_in_one_place_is_one_problem_at_jsons_position(text: str) -> None:
    where = json_position(text)
    if where is None:
        return  # still JSON: a deleted digit, a comma inside a string
    (entry,) = entries(text.encode())
    assert (entry.line, entry.items, len(entry.errors)) == (None, (), 1)
    found = POSITION.match(str(entry.errors[0]))
    assert found and (int(found[1]), int(found[2])) == where, str(entry.errors[0])
    out, err = io.StringIO(), io.StringIO()
    assert ftj.main(["-"], stdin=io.BytesIO(text.encode()), stdout=out, stderr=err) == 1
    assert (out.getvalue(), err.getvalue()) == ("", f"<stdin>: {entry.errors[0]}\n")


@pytest.mark.parametrize("end", ["\n", "\r\n"])
@pytest.mark.parametrize("as_bytes", [False, True], ids=["text", "bytes"])
def test_only_the_line_break_is_taken_off_a_json_lines_line(end: str, as_bytes: bool) -> None:
    # What follows a line's value, but its line break, is read: here an X, which is not JSON.
    first, second = json.dumps(job("queued")), json.dumps(job("running"))
    content = first + end + second + "X" + end
    column = len(second) + 1
    expected = [(2, f"$: invalid JSON: Extra data at column {column}")]
    assert problems(content.encode() if as_bytes else content) == expected
