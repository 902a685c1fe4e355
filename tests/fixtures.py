"""Payloads the team wrote from the contract: one job per status and per method, a failed
job with its error, and a list page. Each call builds a fresh dict."""

import functools
import json
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Sequence, Tuple

from tests import ftj

Json = Dict[str, Any]
EXAMPLES = Path(__file__).resolve().parent / "examples"

STATUSES = ("validating_files", "queued", "running", "succeeded", "failed", "cancelled", "paused")
METHODS = ("supervised", "dpo", "reinforcement")


def method(kind: str) -> Json:
    """A method block of each type, as the API sends it once the job has resolved its numbers."""
    if kind == "supervised":
        return {
            "type": "supervised",
            "supervised": {"hyperparameters": {"batch_size": 8, "learning_rate_multiplier": 1.8, "n_epochs": 3}},
        }
    if kind == "dpo":
        return {
            "type": "dpo",
            "dpo": {
                "hyperparameters": {
                    "beta": 0.1,
                    "batch_size": "auto",
                    "learning_rate_multiplier": "auto",
                    "n_epochs": 2,
                }
            },
        }
    return {
        "type": "reinforcement",
        "reinforcement": {
            "grader": {
                "type": "score_model",
                "name": "helpfulness",
                "model": "o3-mini",
                "input": [{"role": "user", "content": "Rate {{sample.output_text}}"}],
                "range": [0, 10],
            },
            "hyperparameters": {
                "batch_size": 4,
                "learning_rate_multiplier": 0.5,
                "n_epochs": 1,
                "reasoning_effort": "high",
                "compute_multiplier": 1.5,
                "eval_interval": 10,
                "eval_samples": "auto",
            },
        },
    }


def job(status: str = "succeeded", kind: str = "supervised") -> Json:
    """A job in the given status and method, with every key the schema lists."""
    done = status in ("succeeded", "failed", "cancelled")
    data: Json = {
        "id": f"ftjob-{status[:4]}{kind[:3]}0001",
        "created_at": 1767225600,  # 2026-01-01T00:00:00Z
        "error": None,
        "fine_tuned_model": "ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4" if status == "succeeded" else None,
        "finished_at": 1767229261 if done else None,
        "hyperparameters": (
            {"batch_size": 8, "learning_rate_multiplier": 1.8, "n_epochs": 3}
            if kind == "supervised"
            else {"batch_size": "auto", "learning_rate_multiplier": "auto", "n_epochs": "auto"}
        ),
        "model": "gpt-4o-mini-2024-07-18",
        "object": "fine_tuning.job",
        "organization_id": "org-acme42",
        "result_files": ["file-results01"] if status == "succeeded" else [],
        "status": status,
        "trained_tokens": 482113 if status == "succeeded" else None,
        "training_file": "file-train01",
        "validation_file": "file-valid01",
        "seed": 1234,
        "integrations": [],
        "estimated_finish": 1767232800 if status == "running" else None,
        "method": method(kind),
        "metadata": {"team": "support", "ticket": "FT-118"},
    }
    if status == "failed":
        data["error"] = {
            "code": "invalid_training_file",
            "message": "Example 12: 'messages' must be a list.",
            "param": "training_file",
        }
    return data


def wandb_job() -> Json:
    """A succeeded job with a W&B integration."""
    data = job("succeeded")
    data["integrations"] = [
        {"type": "wandb", "wandb": {"project": "support-bot", "name": None, "entity": "acme", "tags": ["ft", "v2"]}}
    ]
    return data


def page(jobs: List[Json], has_more: bool = False) -> Json:
    """A list page of the given jobs."""
    return {"object": "list", "data": jobs, "has_more": has_more}


def every_job() -> List[Json]:
    """One job per status (supervised) and one per method (succeeded), plus the W&B job."""
    return [job(status) for status in STATUSES] + [job("succeeded", kind) for kind in METHODS[1:]] + [wandb_job()]


REMOVE: Any = object()


def put(data: Any, path: Sequence[Any], value: Any) -> None:
    """Set the value at path in data, in place; REMOVE deletes the key instead."""
    for step in path[:-1]:
        data = data[step]
    if value is REMOVE:
        del data[path[-1]]
    else:
        data[path[-1]] = value


def example(name: str) -> Json:
    """One of the examples the README shows (tests/examples/)."""
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def event(level: str = "info", message: str = "Fine-tuning job started", **more: Any) -> Json:
    """A message event, as the API sends it."""
    created_at = more.pop("created_at", 1767225610)
    return {
        "object": "fine_tuning.job.event",
        "id": f"ftevent-{created_at:x}{len(message):02d}",
        "created_at": created_at,
        "level": level,
        "message": message,
        "data": {},
        "type": "message",
        **more,
    }


def metrics_event(step: int, loss: float, valid: Any = None) -> Json:
    """A metrics event of a supervised job at a step."""
    data = {"step": step, "train_loss": loss, "train_mean_token_accuracy": 0.8}
    if valid is not None:
        data.update(valid_loss=valid, valid_mean_token_accuracy=0.75)
    message = f"Step {step}/120: training loss={loss:.2f}"
    return event("info", message, data=data, type="metrics", created_at=1767225660 + step * 30)


def checkpoint(step: int, loss: float = 0.4) -> Json:
    """A checkpoint saved at a step, with its metrics."""
    return {
        "object": "fine_tuning.job.checkpoint",
        "id": f"ftckpt_step{step:04d}",
        "created_at": 1767225600 + step * 30,
        "fine_tuned_model_checkpoint": f"ft:gpt-4o-mini-2024-07-18:acme::B1c2D3e4:ckpt-step-{step}",
        "fine_tuning_job_id": "ftjob-succsup0001",
        "metrics": {"step": step, "train_loss": loss, "train_mean_token_accuracy": 0.8, "valid_loss": loss + 0.1},
        "step_number": step,
    }


def event_page(has_more: bool = False) -> Json:
    """A page of events, newest first, as the API lists them: metrics and messages."""
    steps = (1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120)
    events = [metrics_event(step, round(2.31 / step**0.4, 3), valid=round(2.5 / step**0.35, 3)) for step in steps]
    events = [event("info", "The job has successfully completed", created_at=1767229261), *reversed(events)]
    return {"object": "list", "data": [*events, event("info", "Fine-tuning job started")], "has_more": has_more}


def checkpoint_page() -> Json:
    """A page of checkpoints, newest first."""
    items = [checkpoint(120, 0.41), checkpoint(80, 0.52), checkpoint(40, 0.77)]
    return {"object": "list", "data": items, "first_id": items[0]["id"], "last_id": items[-1]["id"], "has_more": False}


def webhook_event(kind: str = "succeeded", job_id: str = "ftjob-7Hq2LmZx9RtYb1Wz") -> Json:
    """A webhook event body as OpenAI sends it when a job ends."""
    return {
        "id": "evt_685c0590f2d48190a7ed3e2b8f1c9d6e",
        "object": "event",
        "created_at": 1767229261,
        "type": f"fine_tuning.job.{kind}",
        "data": {"id": job_id},
    }


def permission() -> Json:
    """A checkpoint shared with a project."""
    return {
        "object": "checkpoint.permission",
        "id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        "created_at": 1767229300,
        "project_id": "proj_abGMw1llN8IrBb6SvvY5A1iH",
    }


def permission_page() -> Json:
    """A page of a checkpoint's permissions."""
    second = {**permission(), "id": "cp_enQCFmOTGj3syEpYVhBRLTSy", "project_id": "proj_iqGMw1llN8IrBb6SvvY5A1oF"}
    return {
        "object": "list",
        "data": [permission(), second],
        "first_id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        "last_id": "cp_enQCFmOTGj3syEpYVhBRLTSy",
        "has_more": False,
    }


def deleted_permission() -> Json:
    """What deleting a permission answers."""
    return {"object": "checkpoint.permission", "id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB", "deleted": True}


# The payloads tests start from, by name; kind_of(name) says which class reads each.
BASES: Dict[str, Callable[[], Json]] = {
    "job": lambda: job("succeeded"),
    **{status: functools.partial(job, status) for status in STATUSES if status != "succeeded"},
    "dpo": lambda: job("running", "dpo"),
    "rl": lambda: job("queued", "reinforcement"),
    "wandb": wandb_job,
    "example job": lambda: example("job.json"),
    "page": lambda: page([job("succeeded"), job("running")]),
    "example page": lambda: example("page.json"),
    "event": event,
    "metrics event": lambda: metrics_event(40, 0.77, valid=0.8),
    "checkpoint": lambda: checkpoint(40),
    "event page": event_page,
    "checkpoint page": checkpoint_page,
    "webhook event": webhook_event,
    "permission": permission,
    "permission page": permission_page,
    "deleted permission": deleted_permission,
}
MODELS = {
    "job": ftj.FineTuningJob,
    "page": ftj.FineTuningJobList,
    "event": ftj.FineTuningJobEvent,
    "checkpoint": ftj.FineTuningJobCheckpoint,
    "event page": ftj.FineTuningJobEventList,
    "checkpoint page": ftj.FineTuningJobCheckpointList,
    "webhook event": ftj.FineTuningJobWebhookEvent,
    "permission": ftj.FineTuningCheckpointPermission,
    "permission page": ftj.FineTuningCheckpointPermissionList,
    "deleted permission": ftj.FineTuningCheckpointPermissionDeleted,
}


def kind_of(base: str) -> str:
    """The kind of payload a base is, a key of MODELS."""
    if base in MODELS:
        return base
    return next(
        (kind for kind in ("event page", "checkpoint page", "event", "checkpoint", "page") if kind in base), "job"
    )


def model_of(kind: str) -> Any:
    """The class that reads a kind of payload."""
    return MODELS[kind]


def read(data: Any, kind: str, strict: bool = False) -> Any:
    """Read a job or a list page (kind "job" or "page") with the reader of the given mode."""
    return model_of(kind).from_dict(data, strict=strict)


def walk(data: Any, path: Tuple[Any, ...] = ()) -> Iterator[Tuple[Tuple[Any, ...], Any]]:
    """Every member and item of data, containers included, as (path, value)."""
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for step, value in items:
        yield path + (step,), value
        yield from walk(value, path + (step,))
