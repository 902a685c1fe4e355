"""JSON text that is not JSON: each mistake reported once, at json's own position, in English,
with a hint for the commonest ones (Python's repr, a trailing comma, a file name, a cut)."""

import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import job

# Python 3.13 reports a trailing comma at the comma; earlier versions at the bracket after it.
COMMA = sys.version_info >= (3, 13)


def message(text: Any) -> str:
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_json(text)
    assert len(info.value.errors) == 1
    return str(info.value.errors[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{\n  "id": "ftjob-1",\n  "model": "gpt-4o-mini',
            "$: invalid JSON: Unterminated string starting at line 3 column 12",
        ),
        ('{"id": "ftjob\t1"}', "$: invalid JSON: Invalid control character at line 1 column 14"),
        (
            '{\n  "id": "ftjob-1,\n  "model": "x"\n}',
            "$: invalid JSON: Line break inside a string at line 2 column 18 (is a closing quote missing?)",
        ),
        (
            '{"id": "ftjob-1", "result_files": [],}',
            f"$: invalid JSON: Illegal trailing comma before end of object at line 1 column {37 if COMMA else 38}",
        ),
        (
            '{\n  "result_files": [\n    "file-1",\n  ]\n}',
            "$: invalid JSON: Illegal trailing comma before end of array at "
            + ("line 3 column 13" if COMMA else "line 4 column 3"),
        ),
        ('{"error": None}', "$: invalid JSON: Expecting value at line 1 column 11 (Python's None: JSON writes null)"),
        ('{"x_ok": True}', "$: invalid JSON: Expecting value at line 1 column 10 (Python's True: JSON writes true)"),
        (
            '{"x_ok": [False]}',
            "$: invalid JSON: Expecting value at line 1 column 11 (Python's False: JSON writes false)",
        ),
        ('{"x_ok": Nonesuch}', "$: invalid JSON: Expecting value at line 1 column 10"),
        (
            "{'id': 'ftjob-1'}",
            "$: invalid JSON: Expecting property name enclosed in double quotes at line 1 column 2 "
            "(single quotes are Python's: JSON strings take double quotes)",
        ),
        (
            "{\"id\": 'ftjob-1'}",
            "$: invalid JSON: Expecting value at line 1 column 8 (single quotes are Python's: JSON strings take double quotes)",
        ),
        (
            '{"id": "a"}\n{"id": "b"}',
            "$: invalid JSON: Extra data at line 2 column 1 (a second JSON value: JSON Lines holds one value per line)",
        ),
        ('{"id": "a"}}', "$: invalid JSON: Extra data at line 1 column 12"),
        ("\ufeff{}", "$: invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig) at line 1 column 1"),
        (
            "tests/examples/missing.json",
            "$: invalid JSON: Expecting value at line 1 column 1 "
            '(a file name? read the file first, e.g. Path("tests/examples/missing.json").read_bytes())',
        ),
        (
            " archive.JSONL\n",
            '$: invalid JSON: Expecting value at line 1 column 2 (a file name? read the file first, e.g. Path("archive.JSONL").read_bytes())',
        ),
        ("x" * 4092 + ".json", "$: invalid JSON: Expecting value at line 1 column 1"),
        (  # 4,096 characters, the longest a path may be
            "x" * 4091 + ".json",
            "$: invalid JSON: Expecting value at line 1 column 1 (a file name? read the file first, e.g. "
            'Path("' + "x" * 76 + "...).read_bytes())",
        ),
        ("job.json\nmore", "$: invalid JSON: Expecting value at line 1 column 1"),
        ("more\njob.json", "$: invalid JSON: Expecting value at line 1 column 1"),  # no name has a line break
        (
            '{"id": "ftjob-1\r", "model": "x"}',
            "$: invalid JSON: Line break inside a string at line 1 column 16 (is a closing quote missing?)",
        ),
        (
            '{"id": "a"}[1]',
            "$: invalid JSON: Extra data at line 1 column 12 (a second JSON value: JSON Lines holds one value per line)",
        ),
        (b"job.json", "$: invalid JSON: Expecting value at line 1 column 1"),
        (
            Path("job.json"),
            '$: expected JSON text (str, bytes or bytearray), got a path: read the file first, e.g. Path("job.json").read_bytes()',
        ),
        (
            io.StringIO("{}"),
            "$: expected JSON text (str, bytes or bytearray), got a file (StringIO): read it first, e.g. file.read()",
        ),
    ],
    ids=[
        "unterminated",
        "control",
        "line-break",
        "comma-object",
        "comma-array",
        "None",
        "True",
        "False",
        "not-a-literal",
        "quoted-key",
        "quoted-value",
        "second-value",
        "extra",
        "bom",
        "file-name",
        "file-name-jsonl",
        "too-long-for-a-name",
        "longest-name",
        "two-lines",
        "name-on-a-second-line",
        "carriage-return-in-a-string",
        "extra-array",
        "bytes",
        "path",
        "file",
    ],
)
def test_each_mistake_in_json_text_reads_as_one_line_of_english(text: Any, expected: str) -> None:
    assert message(text) == expected


def test_a_file_that_exists_is_named_whatever_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "job").write_text(json.dumps(job("queued")))
    monkeypatch.chdir(tmp_path)
    assert message("job") == (
        '$: invalid JSON: Expecting value at line 1 column 1 (a file name? read the file first, e.g. Path("job").read_bytes())'
    )
    assert message("jobs") == "$: invalid JSON: Expecting value at line 1 column 1"  # no such file


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (
            '{"id": "ftjob-1", "model": "gpt',
            False,
            "Unterminated string starting at line 1 column 28 (the input ends inside it: is it cut short?)",
        ),
        (
            '{"id": "ftjob-1", "model": "gpt',
            True,
            "Unterminated string starting at column 28 (the line ends inside it: is it cut short?)",
        ),
        (
            '{\n  "id": "ftjob-1",\n  ',
            False,
            "Expecting property name enclosed in double quotes at line 3 column 3 (the input ends there: is it cut short?)",
        ),
        (
            '{"id": "ftjob-1", "n": 1',
            True,
            "Expecting ',' delimiter at column 25 (the line ends there: is it cut short?)",
        ),
        ('{"id": "ftjob-1", "n": None', True, "Expecting value at column 24 (Python's None: JSON writes null)"),
        ('{"id": "ftjob-1" "n": 1}', True, "Expecting ',' delimiter at column 18"),
    ],
    ids=["string", "string-in-a-line", "document", "line", "hint-first", "not-cut"],
)
def test_text_read_whole_says_where_it_ends_too_soon(text: str, line: bool, expected: str) -> None:
    with pytest.raises(ftj._Invalid) as info:
        ftj._loads(text, line=line, whole=True)
    assert [str(error) for error in info.value.problems] == [f"$: invalid JSON: {expected}"]


def test_from_json_does_not_guess_at_a_cut() -> None:
    # A response body cut short reads the same, without the hint that a file gets.
    assert message('{"id": "ftjob-1", "n": 1') == "$: invalid JSON: Expecting ',' delimiter at line 1 column 25"


POSITION = re.compile(r"\$: invalid JSON: (.*) at line (\d+) column (\d+)(?: \((.*)\))?\Z")


@given(
    data=st.sampled_from([job("succeeded"), job("failed"), job("running")]),
    indent=st.one_of(st.none(), st.integers(0, 4), st.just("\t")),
    at=st.integers(0, 10_000),
    how=st.sampled_from(["delete", "insert", "replace"]),
    char=st.sampled_from(list("{}[]\",:'\n\\ aN0")),
)
@example(data=job("succeeded"), indent=2, at=3, how="replace", char="'")
def test_any_broken_json_text_is_reported_at_the_position_json_reports(
    data: Any, indent: Any, at: int, how: str, char: str
) -> None:
    text = json.dumps(data, indent=indent)
    at %= len(text)
    text = {"delete": text[:at] + text[at + 1 :], "insert": text[:at] + char + text[at:]}.get(
        how, text[:at] + char + text[at + 1 :]
    )
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        where = (exc.lineno, exc.colno)
    else:
        return  # still JSON: a digit or a letter of a string deleted, a space added
    said = message(text)
    found = POSITION.match(said)
    assert found and (int(found[2]), int(found[3])) == where, said
    assert " at at " not in said


@pytest.mark.parametrize(
    ("message", "doc", "words"),
    [
        # What Python 3.8 to 3.12 say at the bracket after a trailing comma (3.13 names it itself).
        (
            "Expecting property name enclosed in double quotes",
            '{"a": 1,}',
            "Illegal trailing comma before end of object",
        ),
        ("Expecting value", "[1,]", "Illegal trailing comma before end of array"),
    ],
)
def test_a_trailing_comma_gets_the_same_words_on_every_python(message: str, doc: str, words: str) -> None:
    assert ftj._json_mistake(message, doc, len(doc) - 1) == (words, "")
