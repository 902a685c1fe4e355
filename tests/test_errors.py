"""Tables of invalid inputs, each with the exact path and message it must be reported with."""

import dataclasses
import importlib.util
import json
import math
import pickle
import sys
from collections.abc import Mapping
from typing import Any, List, Tuple

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import BASES, REMOVE, job, kind_of, model_of, page, put, read

INF = math.inf
NAN = math.nan
BIG_TS = ftj.MAX_TIMESTAMP
AUTO_INT_1_50 = 'expected "auto" or an integer in 1..50'
AUTO_INT_1_256 = 'expected "auto" or an integer in 1..256'
AUTO_POSITIVE = 'expected "auto" or a number > 0'
AUTO_BETA = 'expected "auto" or a number > 0 and <= 2'
AUTO_COMPUTE = 'expected "auto" or a number > 0.00001 and <= 10'
AUTO_AT_LEAST_1 = 'expected "auto" or an integer >= 1'

# (path, new value or REMOVE, base payload kind, expected lines). Both readers reject these.
BOTH: List[Tuple[Any, Any, str, List[str]]] = [
    # id, model, training_file: strings
    ("id", REMOVE, "job", ["$.id: required key missing"]),
    ("id", None, "job", ["$.id: expected a string, got null"]),
    ("id", 12, "job", ["$.id: expected a string, got 12 (int)"]),
    ("id", "\ud800", "job", ['$.id: expected a string of valid Unicode text, got "\\ud800"']),
    ("model", ["gpt"], "job", ['$.model: expected a string, got ["gpt"] (list)']),
    ("model", REMOVE, "job", ["$.model: required key missing"]),
    ("training_file", {}, "job", ["$.training_file: expected a string, got {} (dict)"]),
    ("training_file", REMOVE, "job", ["$.training_file: required key missing"]),
    ("fine_tuned_model", 1.5, "job", ["$.fine_tuned_model: expected a string, got 1.5 (float)"]),
    ("validation_file", False, "job", ["$.validation_file: expected a string, got false (bool)"]),
    ("organization_id", 0, "job", ["$.organization_id: expected a string, got 0 (int)"]),
    # timestamps: integers in 0..253402300799
    ("created_at", REMOVE, "job", ["$.created_at: required key missing"]),
    ("created_at", True, "job", ["$.created_at: expected an integer, got true (bool)"]),
    ("created_at", 1.0, "job", ["$.created_at: expected an integer, got 1.0 (float)"]),
    ("created_at", "1767225600", "job", ['$.created_at: expected an integer, got "1767225600" (str)']),
    ("created_at", -1, "job", [f"$.created_at: expected an integer in 0..{BIG_TS}, got -1"]),
    ("created_at", BIG_TS + 1, "job", [f"$.created_at: expected an integer in 0..{BIG_TS}, got {BIG_TS + 1}"]),
    ("created_at", NAN, "job", ["$.created_at: expected an integer, got NaN (float)"]),
    ("finished_at", INF, "job", ["$.finished_at: expected an integer, got Infinity (float)"]),
    ("finished_at", -1, "job", [f"$.finished_at: expected an integer in 0..{BIG_TS}, got -1"]),
    ("estimated_finish", -INF, "job", ["$.estimated_finish: expected an integer, got -Infinity (float)"]),
    (
        "estimated_finish",
        BIG_TS + 1,
        "job",
        [f"$.estimated_finish: expected an integer in 0..{BIG_TS}, got {BIG_TS + 1}"],
    ),
    # trained_tokens and seed
    ("trained_tokens", -1, "job", ["$.trained_tokens: expected an integer in 0..9223372036854775807, got -1"]),
    (
        "trained_tokens",
        2**63,
        "job",
        ["$.trained_tokens: expected an integer in 0..9223372036854775807, got 9223372036854775808"],
    ),
    ("trained_tokens", 5.0, "job", ["$.trained_tokens: expected an integer, got 5.0 (float)"]),
    ("seed", -1, "job", ["$.seed: expected an integer in 0..2147483647, got -1"]),
    ("seed", 2147483648, "job", ["$.seed: expected an integer in 0..2147483647, got 2147483648"]),
    ("seed", False, "job", ["$.seed: expected an integer, got false (bool)"]),
    # object and status
    ("object", REMOVE, "job", ["$.object: required key missing"]),
    ("object", "fine_tuning.jobs", "job", ['$.object: expected "fine_tuning.job", got "fine_tuning.jobs"']),
    ("object", None, "job", ['$.object: expected "fine_tuning.job", got null']),
    ("status", REMOVE, "job", ["$.status: required key missing"]),
    (
        "status",
        1,
        "job",
        [
            '$.status: expected one of "validating_files", "queued", "running", "succeeded", "failed", '
            '"cancelled", "paused", got 1 (int)'
        ],
    ),
    # result_files
    ("result_files", "file-1", "job", ['$.result_files: expected an array of strings, got "file-1" (str)']),
    (
        "result_files",
        ["file-1", 2, None],
        "job",
        [
            "$.result_files[1]: expected a string, got 2 (int)",
            "$.result_files[2]: expected a string, got null",
        ],
    ),
    # job-level hyperparameters
    ("hyperparameters", [], "job", ["$.hyperparameters: expected an object, got [] (list)"]),
    ("hyperparameters.n_epochs", 0, "job", [f"$.hyperparameters.n_epochs: {AUTO_INT_1_50}, got 0"]),
    ("hyperparameters.n_epochs", 51, "job", [f"$.hyperparameters.n_epochs: {AUTO_INT_1_50}, got 51"]),
    ("hyperparameters.n_epochs", 2.0, "job", [f"$.hyperparameters.n_epochs: {AUTO_INT_1_50}, got 2.0 (float)"]),
    ("hyperparameters.n_epochs", True, "job", [f"$.hyperparameters.n_epochs: {AUTO_INT_1_50}, got true (bool)"]),
    ("hyperparameters.n_epochs", "AUTO", "job", [f'$.hyperparameters.n_epochs: {AUTO_INT_1_50}, got "AUTO"']),
    ("hyperparameters.batch_size", 0, "job", [f"$.hyperparameters.batch_size: {AUTO_INT_1_256}, got 0"]),
    ("hyperparameters.batch_size", 257, "job", [f"$.hyperparameters.batch_size: {AUTO_INT_1_256}, got 257"]),
    ("hyperparameters.batch_size", "auto ", "job", [f'$.hyperparameters.batch_size: {AUTO_INT_1_256}, got "auto "']),
    (
        "hyperparameters.learning_rate_multiplier",
        0,
        "job",
        [f"$.hyperparameters.learning_rate_multiplier: {AUTO_POSITIVE}, got 0"],
    ),
    (
        "hyperparameters.learning_rate_multiplier",
        -0.0,
        "job",
        [f"$.hyperparameters.learning_rate_multiplier: {AUTO_POSITIVE}, got -0.0"],
    ),
    (
        "hyperparameters.learning_rate_multiplier",
        NAN,
        "job",
        [f"$.hyperparameters.learning_rate_multiplier: {AUTO_POSITIVE}, got NaN"],
    ),
    (
        "hyperparameters.learning_rate_multiplier",
        INF,
        "job",
        [f"$.hyperparameters.learning_rate_multiplier: {AUTO_POSITIVE}, got Infinity"],
    ),
    (
        "hyperparameters.learning_rate_multiplier",
        "Auto",
        "job",
        [f'$.hyperparameters.learning_rate_multiplier: {AUTO_POSITIVE}, got "Auto"'],
    ),
    # method and its blocks
    ("method", "supervised", "job", ['$.method: expected an object, got "supervised" (str)']),
    ("method.type", REMOVE, "job", ["$.method.type: required key missing"]),
    ("method.type", 3, "job", ['$.method.type: expected one of "supervised", "dpo", "reinforcement", got 3 (int)']),
    ("method.supervised", [], "job", ["$.method.supervised: expected an object, got [] (list)"]),
    (
        "method.supervised.hyperparameters.n_epochs",
        0,
        "job",
        [f"$.method.supervised.hyperparameters.n_epochs: {AUTO_INT_1_50}, got 0"],
    ),
    ("method.dpo.hyperparameters.beta", 0, "dpo", [f"$.method.dpo.hyperparameters.beta: {AUTO_BETA}, got 0"]),
    ("method.dpo.hyperparameters.beta", 2.0001, "dpo", [f"$.method.dpo.hyperparameters.beta: {AUTO_BETA}, got 2.0001"]),
    (
        "method.dpo.hyperparameters.beta",
        "automatic",
        "dpo",
        [f'$.method.dpo.hyperparameters.beta: {AUTO_BETA}, got "automatic"'],
    ),
    (
        "method.dpo.hyperparameters.n_epochs",
        51,
        "dpo",
        [f"$.method.dpo.hyperparameters.n_epochs: {AUTO_INT_1_50}, got 51"],
    ),
    ("method.reinforcement.grader", REMOVE, "rl", ["$.method.reinforcement.grader: required key missing"]),
    ("method.reinforcement.grader.type", REMOVE, "rl", ["$.method.reinforcement.grader.type: required key missing"]),
    (
        "method.reinforcement.grader.name",
        5,
        "rl",
        ["$.method.reinforcement.grader.name: expected a string, got 5 (int)"],
    ),
    (
        "method.reinforcement.grader.range",
        [0, NAN],
        "rl",
        ["$.method.reinforcement.grader.range[1]: expected a finite number, got NaN"],
    ),
    (
        "method.reinforcement.hyperparameters.compute_multiplier",
        0.00001,
        "rl",
        [f"$.method.reinforcement.hyperparameters.compute_multiplier: {AUTO_COMPUTE}, got 1e-05"],
    ),
    (
        "method.reinforcement.hyperparameters.compute_multiplier",
        10.5,
        "rl",
        [f"$.method.reinforcement.hyperparameters.compute_multiplier: {AUTO_COMPUTE}, got 10.5"],
    ),
    (
        "method.reinforcement.hyperparameters.eval_interval",
        0,
        "rl",
        [f"$.method.reinforcement.hyperparameters.eval_interval: {AUTO_AT_LEAST_1}, got 0"],
    ),
    (  # no maximum, but an integer that json can write (it took 10**4300 until 0.1.0's checkers moved)
        "method.reinforcement.hyperparameters.eval_interval",
        10**4300,
        "rl",
        [f"$.method.reinforcement.hyperparameters.eval_interval: {AUTO_AT_LEAST_1}, got <int of 4301 digits>"],
    ),
    (
        "method.reinforcement.hyperparameters.eval_samples",
        1.5,
        "rl",
        [f"$.method.reinforcement.hyperparameters.eval_samples: {AUTO_AT_LEAST_1}, got 1.5 (float)"],
    ),
    (
        "method.reinforcement.hyperparameters.reasoning_effort",
        "auto",
        "rl",
        [
            '$.method.reinforcement.hyperparameters.reasoning_effort: expected one of "default", "low", "medium", "high", got "auto"'
        ],
    ),
    # error
    ("error", "boom", "failed", ['$.error: expected an object, got "boom" (str)']),
    ("error.code", REMOVE, "failed", ["$.error.code: required key missing"]),
    ("error.message", 404, "failed", ["$.error.message: expected a string, got 404 (int)"]),
    ("error.param", 1, "failed", ["$.error.param: expected a string, got 1 (int)"]),
    # integrations
    ("integrations", {}, "wandb", ["$.integrations: expected an array, got {} (dict)"]),
    (
        "integrations",
        [{"type": "wandb", "wandb": {"project": "p"}}] * 6,
        "wandb",
        ["$.integrations: expected at most 5 items, got 6"],
    ),
    ("integrations.0.type", REMOVE, "wandb", ["$.integrations[0].type: required key missing"]),
    ("integrations.0.wandb", REMOVE, "wandb", ["$.integrations[0].wandb: required key missing"]),
    ("integrations.0.wandb.project", REMOVE, "wandb", ["$.integrations[0].wandb.project: required key missing"]),
    (
        "integrations.0.wandb.tags",
        ["a", 2],
        "wandb",
        ["$.integrations[0].wandb.tags[1]: expected a string, got 2 (int)"],
    ),
    ("integrations.0.wandb.entity", 7, "wandb", ["$.integrations[0].wandb.entity: expected a string, got 7 (int)"]),
    # metadata
    ("metadata", ["k"], "job", ['$.metadata: expected an object of strings, got ["k"] (list)']),
    ("metadata", {"k": 1}, "job", ["$.metadata.k: expected a string, got 1 (int)"]),
    ("metadata", {f"k{i}": "v" for i in range(17)}, "job", ["$.metadata: expected at most 16 pairs, got 17"]),
    ("metadata", {"k" * 65: "v"}, "job", [f"$.metadata.{'k' * 65}: expected a key of at most 64 characters, got 65"]),
    (
        "metadata",
        {"a b": "v" * 513},
        "job",
        [f"$.metadata['a b']: expected a string of at most 512 characters, got \"{'v' * 76}..."],
    ),
    (3, "value", "job", ["$[3]: expected a string key, got 3 (int)"]),
    # the list page
    ("object", "lists", "page", ['$.object: expected "list", got "lists"']),
    ("data", REMOVE, "page", ["$.data: required key missing"]),
    ("data", {}, "page", ["$.data: expected an array, got {} (dict)"]),
    (
        "data.1.status",
        None,
        "page",
        [
            '$.data[1].status: expected one of "validating_files", "queued", "running", "succeeded", "failed", '
            '"cancelled", "paused", got null'
        ],
    ),
    ("has_more", "no", "page", ['$.has_more: expected a boolean, got "no" (str)']),
    # events (CONTRACT.md section 8.1)
    ("level", 5, "event", ['$.level: expected one of "info", "warn", "error", got 5 (int)']),
    ("level", REMOVE, "event", ["$.level: required key missing"]),
    ("message", None, "event", ["$.message: expected a string, got null"]),
    ("object", "event", "event", ['$.object: expected "fine_tuning.job.event", got "event"']),
    ("type", 3, "event", ['$.type: expected one of "message", "metrics", got 3 (int)']),
    ("data", [], "event", ["$.data: expected an object, got [] (list)"]),
    ("data", "loss=1", "event", ['$.data: expected an object, got "loss=1" (str)']),
    ("data", {"loss": NAN}, "event", ["$.data.loss: expected a finite number, got NaN"]),
    (
        "created_at",
        1767225660000,
        "event",
        [
            "$.created_at: expected an integer in 0..253402300799, got 1767225660000 (milliseconds? timestamps are in seconds)"
        ],
    ),
    # checkpoints and their metrics (8.2)
    ("metrics", REMOVE, "checkpoint", ["$.metrics: required key missing"]),
    ("metrics", [], "checkpoint", ["$.metrics: expected an object, got [] (list)"]),
    ("metrics.train_loss", "0.4", "checkpoint", ['$.metrics.train_loss: expected a finite number, got "0.4" (str)']),
    ("metrics.step", INF, "checkpoint", ["$.metrics.step: expected a finite number, got Infinity"]),
    ("metrics.valid_loss", True, "checkpoint", ["$.metrics.valid_loss: expected a finite number, got true (bool)"]),
    ("step_number", -1, "checkpoint", ["$.step_number: expected an integer in 0..9223372036854775807, got -1"]),
    ("step_number", 40.0, "checkpoint", ["$.step_number: expected an integer, got 40.0 (float)"]),
    ("fine_tuned_model_checkpoint", 7, "checkpoint", ["$.fine_tuned_model_checkpoint: expected a string, got 7 (int)"]),
    ("fine_tuning_job_id", REMOVE, "checkpoint", ["$.fine_tuning_job_id: required key missing"]),
    ("object", "checkpoint", "checkpoint", ['$.object: expected "fine_tuning.job.checkpoint", got "checkpoint"']),
    # their pages (8.3, 8.4)
    ("data.0.level", None, "event page", ['$.data[0].level: expected one of "info", "warn", "error", got null']),
    (
        "data.0.object",
        "ft-object",
        "event page",
        ['$.data[0].object: expected "fine_tuning.job.event", got "ft-object"'],
    ),
    (
        "data.1.metrics.valid_loss",
        [],
        "checkpoint page",
        ["$.data[1].metrics.valid_loss: expected a finite number, got [] (list)"],
    ),
    ("first_id", 3, "checkpoint page", ["$.first_id: expected a string, got 3 (int)"]),
    ("has_more", "no", "event page", ['$.has_more: expected a boolean, got "no" (str)']),
    ("object", "lists", "checkpoint page", ['$.object: expected "list", got "lists"']),
]

# Accepted by the tolerant reader, rejected by the strict one.
STRICT_ONLY: List[Tuple[str, Any, str, List[str]]] = [
    ("seed", REMOVE, "job", ["$.seed: required key missing"]),
    ("seed", None, "job", ["$.seed: expected an integer, got null"]),
    ("hyperparameters", None, "job", ["$.hyperparameters: expected an object, got null"]),
    ("hyperparameters", REMOVE, "job", ["$.hyperparameters: required key missing"]),
    ("organization_id", None, "job", ["$.organization_id: expected a string, got null"]),
    ("result_files", None, "job", ["$.result_files: expected an array of strings, got null"]),
    ("error", REMOVE, "job", ["$.error: required key missing"]),
    ("fine_tuned_model", REMOVE, "job", ["$.fine_tuned_model: required key missing"]),
    ("finished_at", REMOVE, "job", ["$.finished_at: required key missing"]),
    ("trained_tokens", REMOVE, "job", ["$.trained_tokens: required key missing"]),
    ("validation_file", REMOVE, "job", ["$.validation_file: required key missing"]),
    (
        "error",
        {},
        "job",
        [
            "$.error.code: required key missing",
            "$.error.message: required key missing",
            "$.error.param: required key missing",
        ],
    ),
    (
        "error",
        {"code": None, "message": None, "param": None},
        "job",
        [
            "$.error.code: expected a string, got null",
            "$.error.message: expected a string, got null",
        ],
    ),
    ("error.param", REMOVE, "failed", ["$.error.param: required key missing"]),
    ("method", None, "job", ["$.method: expected an object, got null"]),
    ("method.supervised", REMOVE, "job", ["$.method.supervised: required key missing"]),
    ("method.supervised", None, "job", ["$.method.supervised: expected an object, got null"]),
    ("method.dpo", {"hyperparameters": {}}, "job", ['$.method.dpo: not allowed when type is "supervised"']),
    (
        "method.type",
        "pretraining",
        "job",
        ['$.method.type: expected one of "supervised", "dpo", "reinforcement", got "pretraining"'],
    ),
    (
        "method.supervised.hyperparameters",
        None,
        "job",
        ["$.method.supervised.hyperparameters: expected an object, got null"],
    ),
    (
        "method.reinforcement.grader.type",
        "label_model",
        "rl",
        [
            '$.method.reinforcement.grader.type: expected one of "string_check", "text_similarity", "python", '
            '"score_model", "multi", got "label_model"'
        ],
    ),
    (
        "status",
        "pending",
        "job",
        [
            '$.status: expected one of "validating_files", "queued", "running", "succeeded", "failed", '
            '"cancelled", "paused", got "pending"'
        ],
    ),
    ("integrations.0.type", "slack", "wandb", ['$.integrations[0].type: expected one of "wandb", got "slack"']),
    (
        "integrations.0.wandb.tags",
        None,
        "wandb",
        ["$.integrations[0].wandb.tags: expected an array of strings, got null"],
    ),
    ("user_provided_suffix", None, "job", ["$.user_provided_suffix: unknown key"]),
    ("integrations.0.wandb.run_id", "r1", "wandb", ["$.integrations[0].wandb.run_id: unknown key"]),
    ("method.supervised.hyperparameters.x_new", 1, "job", ["$.method.supervised.hyperparameters.x_new: unknown key"]),
    ("has_more", REMOVE, "page", ["$.has_more: required key missing"]),
    ("has_more", None, "page", ["$.has_more: expected a boolean, got null"]),
    (
        "hyperparameters.learning_rate_multiplier",
        None,
        "job",
        [f"$.hyperparameters.learning_rate_multiplier: {AUTO_POSITIVE}, got null"],
    ),
    (
        "method.supervised.hyperparameters.batch_size",
        None,
        "job",
        [f"$.method.supervised.hyperparameters.batch_size: {AUTO_INT_1_256}, got null"],
    ),
    ("level", "debug", "event", ['$.level: expected one of "info", "warn", "error", got "debug"']),
    ("type", "progress", "event", ['$.type: expected one of "message", "metrics", got "progress"']),
    ("type", None, "event", ['$.type: expected one of "message", "metrics", got null']),
    ("data", None, "event", ["$.data: expected an object, got null"]),
    ("metrics.train_loss", None, "checkpoint", ["$.metrics.train_loss: expected a finite number, got null"]),
    ("metrics.type", "supervised", "checkpoint", ["$.metrics.type: unknown key"]),
    ("has_more", REMOVE, "event page", ["$.has_more: required key missing"]),
    (
        "method.reinforcement.hyperparameters.reasoning_effort",
        "xhigh",
        "rl",
        [
            "$.method.reinforcement.hyperparameters.reasoning_effort: "
            'expected one of "default", "low", "medium", "high", got "xhigh"'
        ],
    ),
]

# Unknown keys must hold JSON data: the tolerant reader reports what is wrong with the value;
# the strict reader rejects the key itself, as unknown.
TOLERANT_ONLY: List[Tuple[str, Any, str, List[str]]] = [
    ("x_unknown", NAN, "job", ["$.x_unknown: expected a finite number, got NaN"]),
    ("x_unknown", {"deep": [1, INF]}, "job", ["$.x_unknown.deep[1]: expected a finite number, got Infinity"]),
    (
        "x_unknown",
        10**4300,
        "job",
        ["$.x_unknown: expected an integer of at most 4300 digits, got <int of 4301 digits>"],
    ),
    (
        "x_unknown",
        -(10**4300),
        "job",
        ["$.x_unknown: expected an integer of at most 4300 digits, got <int of 4301 digits>"],
    ),
    (
        "x_unknown",
        -(10**5000) + 1,
        "job",
        ["$.x_unknown: expected an integer of at most 4300 digits, got <int of 5000 digits>"],
    ),
    ("x_unknown", {1: "a"}, "job", ["$.x_unknown[1]: expected a string key, got 1 (int)"]),
    (
        "x_unknown",
        {"\udc00": "a"},
        "job",
        ["$.x_unknown['\\udc00']: expected a string of valid Unicode text, got \"\\udc00\""],
    ),
    ("x_unknown", {1, 2}, "job", ["$.x_unknown: expected JSON data, got <set> (set)"]),
]


def build(path: Any, value: Any, base: str) -> Any:
    data = BASES[base]()
    if not isinstance(path, str):  # a key that is not a string at all
        data[path] = value
        return data
    put(data, [int(step) if step.isdigit() else step for step in path.split(".")], value)
    return data


def messages(data: Any, base: str, strict: bool) -> List[str]:
    with pytest.raises(ftj.ValidationError) as info:
        read(data, kind_of(base), strict)
    for error in info.value.errors:
        assert carries_its_value(data, error), error
    return [str(error) for error in info.value.errors]


def carries_its_value(data: Any, error: Any) -> bool:
    """A problem carries the input found at its path, or the key itself when the key is at
    fault, or None when the key is missing."""
    if error.message == "required key missing":
        return error.value is None
    for step in error.path:
        data = data[step]
    return error.value is data or error.value is error.path[-1]


@pytest.mark.parametrize(("path", "value", "base", "expected"), BOTH, ids=[f"{i}-{r[0]}" for i, r in enumerate(BOTH)])
def test_both_readers_reject(path: str, value: Any, base: str, expected: List[str]) -> None:
    data = build(path, value, base)
    assert messages(data, base, strict=False) == expected
    assert messages(data, base, strict=True) == expected


@pytest.mark.parametrize(
    ("path", "value", "base", "expected"), STRICT_ONLY, ids=[f"{i}-{r[0]}" for i, r in enumerate(STRICT_ONLY)]
)
def test_only_the_strict_reader_rejects(path: str, value: Any, base: str, expected: List[str]) -> None:
    data = build(path, value, base)
    assert messages(data, base, strict=True) == expected
    read(data, kind_of(base))  # the tolerant reader accepts it


@pytest.mark.parametrize(
    ("path", "value", "base", "expected"), TOLERANT_ONLY, ids=[f"{i}-{r[0]}" for i, r in enumerate(TOLERANT_ONLY)]
)
def test_the_tolerant_reader_checks_unknown_values(path: str, value: Any, base: str, expected: List[str]) -> None:
    data = build(path, value, base)
    assert messages(data, base, strict=False) == expected
    assert messages(data, base, strict=True) == [f"$.{path}: unknown key"]


def test_every_problem_is_reported_in_the_order_checked() -> None:
    data = job("succeeded")
    data["hyperparameters"]["n_epochs"] = 0
    data["created_at"] = True
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict(data)
    assert str(info.value) == (
        "2 validation errors for FineTuningJob\n"
        "  $.created_at: expected an integer, got true (bool)\n"
        '  $.hyperparameters.n_epochs: expected "auto" or an integer in 1..50, got 0'
    )
    first = info.value.errors[0]
    assert (first.path, first.message, first.value) == (("created_at",), "expected an integer, got true (bool)", True)
    assert first.location == "$.created_at"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "$: invalid JSON: Expecting value at line 1 column 1"),
        ('{"id": ', "$: invalid JSON: Expecting value at line 1 column 8"),
        ("[1, 2]", "$: expected an object, got [1, 2] (list)"),
        ("null", "$: expected an object, got null"),
        (b"\xff\xfe\x00", "$: invalid UTF-16-LE at byte 2"),
        (b'{"id": "\xc3\x28"}', "$: invalid UTF-8 at byte 8"),
        ("[" * 100_000 + "]" * 100_000, "$: nested deeper than 100 levels"),
        (
            "1" * 5000,
            "$: invalid JSON: an integer of more than 4300 digits",
        ),
        (3, "$: expected JSON text (str, bytes or bytearray), got 3"),
    ],
    ids=["empty", "cut", "array", "null", "utf16", "utf8", "deep", "long-int", "not-text"],
)
def test_from_json_reports_bad_text_as_a_validation_error(text: Any, expected: str) -> None:
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_json(text)
    assert [str(e) for e in info.value.errors] == [expected]


def test_nesting_beyond_100_levels_is_reported_where_it_starts() -> None:
    data = job("succeeded")
    data["x_deep"] = json.loads("[" * 99 + "]" * 99)  # levels 2..100: allowed
    ftj.FineTuningJob.from_dict(data)
    data["x_deep"] = json.loads("[" * 100 + "]" * 100)
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict(data)
    assert [str(e) for e in info.value.errors] == ["$.x_deep" + "[0]" * 99 + ": nested deeper than 100 levels"]
    # Counted from the top of the document: a job inside a page is two levels down already.
    listed = page([job("succeeded")])
    listed["data"][0]["x_deep"] = json.loads("[" * 98 + "]" * 98)
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobList.from_dict(listed)
    assert info.value.errors[0].path == ("data", 0, "x_deep") + (0,) * 97


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (("a", 0, "b"), "$.a[0].b"),
        (("a b",), "$['a b']"),
        (("it's",), "$['it\\'s']"),
        (("back\\slash",), "$['back\\\\slash']"),
        (("tab\t",), "$['tab\\u0009']"),
        (("1a",), "$['1a']"),
        (("",), "$['']"),
        (("k" * 100,), "$." + "k" * 100),
        (("k " * 50,), "$['" + ("k " * 50)[:77] + "...']"),
        ((None,), "$[None]"),
    ],
)
def test_paths_are_written_in_rfc_9535_notation(path: Tuple[Any, ...], text: str) -> None:
    assert ftj.ErrorDetail(path, "m", None).location == text


def test_messages_never_echo_more_than_80_characters_of_a_value() -> None:
    data = job("succeeded")
    data["id"] = ["x" * 10_000] * 1000
    data["model"] = "\u00e9" * 10_000 + "\ud800"
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict(data)
    for error in info.value.errors:
        shown = error.message.split("got ", 1)[1]
        assert len(shown) <= 80 + len(" (list)"), shown
    assert "ValidationError" not in repr(info.value.errors[0]) and len(repr(info.value.errors[0])) < 300


def test_validation_error_is_a_value_error_and_pickles() -> None:
    with pytest.raises(ValueError, match="6 validation errors") as info:
        ftj.FineTuningJob.from_dict({})
    error = info.value
    assert isinstance(error, ftj.ValidationError)
    copy = pickle.loads(pickle.dumps(error))
    assert copy.errors == error.errors and str(copy) == str(error)
    assert str(error).startswith("6 validation errors for FineTuningJob\n  $.id: required key missing")


def test_nesting_is_counted_through_objects_and_in_the_constructor() -> None:
    nested: Any = "leaf"
    for _ in range(99):
        nested = {"k": nested}
    data = {**job("succeeded"), "x_deep": nested}  # objects at levels 2..100, then a string
    ftj.FineTuningJob.from_dict(data)
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict({**data, "x_deep": {"k": nested}})
    assert [e.path for e in info.value.errors] == [("x_deep",) + ("k",) * 99]
    made = ftj.FineTuningJob.from_dict(job("succeeded"))
    assert dataclasses.replace(made, extra={"x_deep": nested}).to_dict()["x_deep"] == nested
    with pytest.raises(ftj.ValidationError, match="nested deeper than 100 levels"):
        dataclasses.replace(made, extra={"x_deep": {"k": nested}})


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("é" * 100, '"' + "é" * 76 + "..."),
        ("x" * 78, '"' + "x" * 78 + '"'),
        ("x" * 79, '"' + "x" * 76 + "..."),
        (None, "null"),
        ([1, [2, {"a": None}], "b"], '[1, [2, {"a": null}], "b"]'),
        ({"k": list(range(100))}, '{"k": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, ...'),
        ([[[[]]]], "[[[[]]]]"),
        (10**5000, "<int of 5001 digits>"),
        (-(10**4300), "<int of 4301 digits>"),
        (10**4300 - 1, "9" * 77 + "..."),
        ({1, 2}, "<set>"),
    ],
    ids=lambda value: type(value).__name__,
)
def test_previews_are_json_like_and_short(value: Any, shown: str) -> None:
    assert ftj._preview(value) == shown


def test_previews_stop_early_on_huge_and_deep_values() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    assert ftj._preview(deep) == "[" * 77 + "..."
    wide = {f"k{i}": "v" * 1000 for i in range(10_000)}
    assert ftj._preview(wide).startswith('{"k0": "vvv') and len(ftj._preview(wide)) == 80


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("\ud800", "$['\\ud800']"),
        ("\udfff", "$['\\udfff']"),
        ("\ud7ff", "$['\ud7ff']"),
        ("\ue000", "$['\ue000']"),
        ("X Y", "$['X Y']"),
    ],
)
def test_path_escapes_exactly_the_surrogates(key: str, text: str) -> None:
    assert ftj.ErrorDetail((key,), "m", None).location == text


def test_error_detail_repr_previews_its_value() -> None:
    detail = ftj.ErrorDetail(("a",), "m", ["x" * 500])
    assert repr(detail) == "ErrorDetail(path=('a',), message='m', value=[\"" + "x" * 75 + "...)"


def test_limits_are_inclusive() -> None:
    at_limits = {
        "metadata": {**{f"k{i}": "v" for i in range(15)}, "k" * 64: "v" * 512},
        "x_big": 10**4300 - 1,
        "x_small": -(10**4300) + 1,
        "created_at": ftj.MAX_TIMESTAMP,
        "seed": ftj.MAX_SEED,
        "trained_tokens": ftj.MAX_COUNT,
    }
    read = ftj.FineTuningJob.from_dict({**job("succeeded"), **at_limits})
    assert read.metadata is not None and len(read.metadata) == 16
    assert read.to_dict()["x_big"] == 10**4300 - 1
    # The same with text that is not ASCII, which metadata's quick test leaves to the full one.
    metadata = {**{f"k{i}": "v" for i in range(15)}, "é" * 64: "é" * 512}
    read = ftj.FineTuningJob.from_dict({**job("succeeded"), "metadata": metadata})
    assert read.metadata == metadata


def test_a_validation_error_is_titled_for_a_job_by_default() -> None:
    error = ftj.ValidationError([ftj.ErrorDetail(("id",), "required key missing", None)])
    assert str(error) == "1 validation error for FineTuningJob\n  $.id: required key missing"


def test_a_nesting_problem_carries_the_container_at_its_path() -> None:
    inner: Any = []
    data = {**job("succeeded"), "x_deep": [[inner]]}
    for _ in range(97):
        inner.append([])
        inner = inner[0]
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict(data)
    (problem,) = info.value.errors
    assert problem.value is inner and problem.path == ("x_deep",) + (0,) * 99


@pytest.mark.parametrize("levels", [101, 150, 2000, 100_000])
def test_an_array_nested_too_deep_is_reported_so_on_every_python(levels: int) -> None:
    # Python 3.13 parses arrays far deeper than 3.8-3.12 do; the message is the same on all.
    for cls in (ftj.FineTuningJob, ftj.FineTuningJobList):
        with pytest.raises(ftj.ValidationError) as info:
            cls.from_json("[" * levels + "]" * levels)
        assert [str(e) for e in info.value.errors] == ["$: nested deeper than 100 levels"]
    with pytest.raises(ftj.ValidationError) as info:  # objects count on the way down, as arrays do
        ftj.FineTuningJob.from_json('[{"x": ' + "[" * levels + "]" * levels + "}]")
    assert [str(e) for e in info.value.errors] == ["$: nested deeper than 100 levels"]
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_json("[" * 100 + "]" * 100)  # as deep as allowed: only not an object
    assert [str(e) for e in info.value.errors] == ["$: expected an object, got " + "[" * 77 + "... (list)"]


# CONTRACT.md 8.4: each class refuses a response of another kind, naming the class that reads
# it: an object at the member that is wrong ($.object), a page of another kind as a whole ($).
PAGE_OF = "expected a page of fine_tuning.job{} objects, got a page of fine_tuning.job{} objects: read it with {}"
MISREAD: List[Tuple[str, str, Tuple[str, ...], str]] = [
    ("event page", "page", (), PAGE_OF.format("", ".event", "FineTuningJobEventList")),
    ("checkpoint page", "page", (), PAGE_OF.format("", ".checkpoint", "FineTuningJobCheckpointList")),
    ("page", "event page", (), PAGE_OF.format(".event", "", "FineTuningJobList")),
    ("checkpoint page", "event page", (), PAGE_OF.format(".event", ".checkpoint", "FineTuningJobCheckpointList")),
    ("event page", "checkpoint page", (), PAGE_OF.format(".checkpoint", ".event", "FineTuningJobEventList")),
    (
        "event page",
        "job",
        ("object",),
        'expected "fine_tuning.job", got "list" (a page of fine_tuning.job.event objects): read it with FineTuningJobEventList',
    ),
    (
        "event",
        "job",
        ("object",),
        'expected "fine_tuning.job", got "fine_tuning.job.event": read it with FineTuningJobEvent',
    ),
    (
        "checkpoint",
        "event",
        ("object",),
        'expected "fine_tuning.job.event", got "fine_tuning.job.checkpoint": read it with FineTuningJobCheckpoint',
    ),
    (
        "job",
        "checkpoint",
        ("object",),
        'expected "fine_tuning.job.checkpoint", got "fine_tuning.job": read it with FineTuningJob',
    ),
    (
        "checkpoint",
        "checkpoint page",
        ("object",),
        'expected "list", got "fine_tuning.job.checkpoint": read it with FineTuningJobCheckpoint',
    ),
]


@pytest.mark.parametrize(("base", "kind", "path", "message"), MISREAD, ids=[f"{b}-as-{k}" for b, k, _, _ in MISREAD])
@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
def test_a_response_of_another_kind_names_the_class_that_reads_it(
    base: str, kind: str, path: Tuple[str, ...], message: str, strict: bool
) -> None:
    data = BASES[base]()
    with pytest.raises(ftj.ValidationError) as info:
        read(data, kind, strict)
    assert [(e.path, e.message) for e in info.value.errors] == [(path, message)]
    assert info.value.errors[0].value is (data["object"] if path else data)


def test_an_empty_page_fits_every_page_class_and_an_unknown_item_is_reported_where_it_is() -> None:
    for kind in ("page", "event page", "checkpoint page"):
        assert read({"object": "list", "data": [], "has_more": False}, kind, strict=True).data == ()
    odd = {"object": "list", "data": [{**BASES["event"](), "object": "ft-object"}], "has_more": False}
    with pytest.raises(ftj.ValidationError) as info:
        read(odd, "event page")
    assert [str(e) for e in info.value.errors] == [
        '$.data[0].object: expected "fine_tuning.job.event", got "ft-object"'
    ]
    with pytest.raises(ftj.ValidationError) as info:
        read({"object": "list", "data": []}, "job")
    assert [str(e) for e in info.value.errors] == [
        '$.object: expected "fine_tuning.job", got "list" (a list page): read it with FineTuningJobList'
    ]


@pytest.mark.parametrize("effort", ["none", "minimal", "xhigh", "max", "ultra", ""])
def test_the_tolerant_reader_keeps_a_reasoning_effort_it_does_not_know(effort: str) -> None:
    data = BASES["rl"]()
    data["method"]["reinforcement"]["hyperparameters"]["reasoning_effort"] = effort
    read_back = read(data, "job")
    assert read_back.method.reinforcement.hyperparameters.reasoning_effort == effort
    assert read_back.to_dict()["method"]["reinforcement"]["hyperparameters"]["reasoning_effort"] == effort
    with pytest.raises(ftj.ValidationError):
        read(data, "job", strict=True)
    data["method"]["reinforcement"]["hyperparameters"]["reasoning_effort"] = "\ud800"
    with pytest.raises(ftj.ValidationError):
        read(data, "job")


def test_an_events_data_is_checked_as_json_whatever_its_shape() -> None:
    import enum  # noqa: PLC0415

    class Level(enum.IntEnum):
        HIGH = 3

    cases = [
        ({"step": 1, "train_loss": float("nan")}, ["$.data.train_loss: expected a finite number, got NaN"]),
        ({"step": 10**4300}, ["$.data.step: expected an integer of at most 4300 digits, got <int of 4301 digits>"]),
        ({"step": Level.HIGH}, ["$.data.step: expected JSON data, got 3 (Level)"]),
        ({"note": "\ud800"}, ['$.data.note: expected a string of valid Unicode text, got "\\ud800"']),
    ]
    for data, expected in cases:
        for strict in (False, True):
            with pytest.raises(ftj.ValidationError) as info:
                ftj.FineTuningJobEvent.from_dict({**BASES["event"](), "data": data}, strict=strict)
            assert [str(e) for e in info.value.errors] == expected
    nested = ftj.FineTuningJobEvent.from_dict({**BASES["event"](), "data": {"step": 1, "reward": {"mean": 0.5}}})
    assert nested.to_dict()["data"] == {"step": 1, "reward": {"mean": 0.5}}
    flat = ftj.FineTuningJobEvent.from_dict({**BASES["event"](), "data": {"step": 1, "train_loss": 0.5}})
    assert flat.to_dict()["data"] == {"step": 1, "train_loss": 0.5} and flat.data == {"step": 1, "train_loss": 0.5}


def test_the_module_run_afresh_rejects_and_reads_as_specified() -> None:
    # What a notebook does when the file is pasted into a cell and run again, or what
    # importlib.reload does: every table of fields, checker and class is built anew.
    # Under its own name, as a reload runs it (a mutation tester's hooks go by the name too).
    spec = importlib.util.spec_from_file_location(ftj.__name__, ftj.__file__)
    assert spec is not None and spec.loader is not None
    fresh = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fresh  # dataclasses looks the module up while it is being built
    try:
        spec.loader.exec_module(fresh)
    finally:
        sys.modules[spec.name] = ftj
    assert fresh is not ftj and fresh.FineTuningJob is not ftj.FineTuningJob
    rows = [(row, False) for row in BOTH] + [(row, True) for row in BOTH + STRICT_ONLY]
    for (path, value, base, expected), strict in rows:
        model = getattr(fresh, model_of(kind_of(base)).__name__)
        with pytest.raises(fresh.ValidationError) as info:
            model.from_dict(build(path, value, base), strict=strict)
        assert [str(error) for error in info.value.errors] == expected, (path, strict)
    for base, make in BASES.items():
        for strict in (False, True):
            model = model_of(kind_of(base))
            try:
                expected = model.from_dict(make(), strict=strict).to_dict()
            except ftj.ValidationError:
                continue  # a tolerant-only base
            assert getattr(fresh, model.__name__).from_dict(make(), strict=strict).to_dict() == expected, base


def test_an_unknown_key_must_be_valid_text() -> None:
    data = {**job("running"), "\ud800": 1, "café": 2}
    assert messages(data, "job", strict=False) == [
        "$['\\ud800']: expected a string of valid Unicode text, got \"\\ud800\""
    ]
    assert messages(data, "job", strict=True) == ["$['\\ud800']: unknown key", "$['café']: unknown key"]
    del data["\ud800"]
    assert read(data, "job").extra == {"café": 2}


def test_a_known_status_is_the_enum_member_in_both_modes() -> None:
    for strict in (False, True):
        assert read(job("running"), "job", strict).status is ftj.FineTuningJobStatus.RUNNING


LONG_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec="utf-8"), max_size=50),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=20), inner, max_size=6),
    max_leaves=20,
)


@given(LONG_JSON)
@example("x" * 78)  # 80 characters with its quotes: whole
@example("x" * 79)  # 81: cut
@example(["x" * 36, "y" * 36])  # 80 and 81 as an array
@example(["x" * 36, "y" * 37])
@example({"k": "v" * 73})  # 80 and 81 as an object
@example({"k": "v" * 74})
@example([10**4300 - 1, [[None, True, 1.5]], {"a": {"b": []}}])
@example([[i] for i in range(40)])  # small containers: each counts its brackets once
@example([{"a": i} for i in range(30)])
def test_a_preview_is_the_json_text_cut_to_80_characters(value: Any) -> None:
    # Built piece by piece so that a huge value is never written out whole, but the same text.
    text = json.dumps(value, ensure_ascii=False)
    assert ftj._preview(value) == (text if len(text) <= 80 else text[:77] + "...")


@pytest.mark.parametrize(
    ("created_at", "hinted"),
    [
        (10**12, True),  # the first value taken for milliseconds
        (ftj.MAX_TIMESTAMP * 1000 + 999, True),  # the last
        ((ftj.MAX_TIMESTAMP + 1) * 1000, False),  # in seconds beyond the range too
    ],
)
def test_milliseconds_are_suggested_where_seconds_would_fit(created_at: int, hinted: bool) -> None:
    [line] = messages({**job("running"), "created_at": created_at}, "job", strict=False)
    assert line.endswith(" (milliseconds? timestamps are in seconds)") is hinted
    # Written as a float too (JavaScript's Date.now() through some JSON writers): the same hint.
    [line] = messages({**job("running"), "created_at": float(created_at)}, "job", strict=False)
    assert line.endswith(" (milliseconds? timestamps are in seconds)") is hinted


@pytest.mark.parametrize(
    ("created_at", "message"),
    [
        (1767225600000.0, "expected an integer, got 1767225600000.0 (float) (milliseconds? timestamps are in seconds)"),
        (1767225600000.5, "expected an integer, got 1767225600000.5 (float)"),  # not a whole number of ms
        (1767225600.0, "expected an integer, got 1767225600.0 (float)"),  # seconds, as a float
        (NAN, "expected an integer, got NaN (float)"),
        (INF, "expected an integer, got Infinity (float)"),
        ("1767225600000", 'expected an integer, got "1767225600000" (str)'),
    ],
)
def test_a_timestamp_that_is_not_an_integer_gets_the_milliseconds_hint_only_when_it_fits(
    created_at: Any, message: str
) -> None:
    assert messages({**job("running"), "created_at": created_at}, "job", strict=False) == [f"$.created_at: {message}"]


@pytest.mark.parametrize(
    ("key", "where", "message"),
    [
        ("fine_tuned_modle", (), 'unknown key (did you mean "fine_tuned_model"?)'),
        ("trainig_file", (), 'unknown key (did you mean "training_file"?)'),
        ("hyperparameter", (), 'unknown key (did you mean "hyperparameters"?)'),
        ("n_epoch", ("hyperparameters",), 'unknown key (did you mean "n_epochs"?)'),
        ("status_", (), 'unknown key (did you mean "status"?)'),
        ("user_provided_suffix", (), "unknown key"),  # close to nothing the module knows
        ("x", (), "unknown key"),
    ],
)
def test_a_misspelt_key_gets_a_suggestion_in_the_strict_reader(key: str, where: Tuple[str, ...], message: str) -> None:
    data = job("running")
    holder = data
    for step in where:
        holder = holder[step]
    holder[key] = 1
    path = "$." + ".".join([*where, key])
    assert messages(data, "job", strict=True) == [f"{path}: {message}"]
    read(data, "job")  # the tolerant reader keeps it, as any unknown key


def test_an_error_is_titled_with_the_class_that_read() -> None:
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobEvent.from_dict({})
    assert str(info.value).splitlines()[0] == "5 validation errors for FineTuningJobEvent"


class _Counted(list):  # type: ignore[type-arg]
    """A list that counts the items read from it."""

    read = 0

    def __iter__(self) -> Any:
        for item in super().__iter__():
            _Counted.read += 1
            yield item


@pytest.mark.parametrize("item", ["v", 1, None, [1], {"k": "v"}, "é" * 40])
def test_a_preview_reads_no_more_of_a_value_than_it_shows(item: Any) -> None:
    assert list(_Counted([item, item])) == [item, item]  # a list, that counts
    _Counted.read = 0
    shown = ftj._preview(_Counted([item] * 10_000))
    each = len(json.dumps(item, ensure_ascii=False) + ", ")  # characters an item takes
    assert shown.endswith("...") and _Counted.read <= (ftj.PREVIEW_CHARS + 1) // each + 3


@pytest.mark.parametrize("digits", [4301, 4302, 5000, 10_000])
def test_an_integer_too_long_to_show_is_shown_by_its_length(digits: int) -> None:
    for value in (10 ** (digits - 1), 10**digits - 1, -(10 ** (digits - 1))):
        assert ftj._preview(value) == f"<int of {digits} digits>"


class _CountedMapping(Mapping):  # type: ignore[type-arg]
    """A mapping that counts the values read from it."""

    read = 0

    def __init__(self, size: int) -> None:
        self.size = size

    def __getitem__(self, key: Any) -> Any:
        _CountedMapping.read += 1
        return "v"

    def __iter__(self) -> Any:
        return (f"k{i}" for i in range(self.size))

    def __len__(self) -> int:
        return self.size


def test_a_preview_reads_no_more_of_an_object_than_it_shows() -> None:
    assert len(_CountedMapping(2)) == 2 and dict(_CountedMapping(2)) == {"k0": "v", "k1": "v"}  # a mapping
    _CountedMapping.read = 0
    shown = ftj._preview(_CountedMapping(10_000))
    assert shown.startswith('{"k0": "v", "k1": "v"') and _CountedMapping.read <= (ftj.PREVIEW_CHARS + 1) // 11 + 3
