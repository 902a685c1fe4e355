"""Time finetuning_job against floors that do the same work with no checks, all in one run.

Run: python tests/benchmark.py [--repeats N] [--import-runs N]   (standard library only; not
collected by pytest). Sections, in the order they print:

- Reading and writing: from_dict, from_json, to_dict and to_json of three jobs, a page of 1,000
  jobs and a page of 1,000 events, each against a floor: json.loads, then naive frozen dataclasses
  built with keyword arguments and no checks, and a hand-written to_dict. The jobs' floor keeps
  lists and mappings as given; the events' floor copies each event's data into the module's
  FrozenDict, as the module must, and writes it back as a fresh dict. Every repeat times the floor
  and the module back to back on the same input, in thread CPU time with the garbage collector
  off, and takes their ratio; a row shows the median ratio over the repeats with its spread
  (highest minus lowest), so noise that hits both sides of a repeat cancels. The events rows come
  right under the job page rows, and one line divides the events' ratio by the job page's.
- Lower bound: the module's own objects built straight from the dicts with no checks at all.
- Peers: msgspec and the openai SDK (pydantic) reading the same job, when installed.
- Import: `python -X importtime -c "import NAME"` in fresh interpreters, for the module and for a
  module with no code, both in one temporary folder: the module's dataclasses and enum (names,
  fields, annotations, defaults, decorator arguments, docstrings) with the imports and type aliases
  their annotations need, derived from the module's classes and source and checked against them.
  Bytecode is written first for both; each figure is the module's own cumulative line, the best
  of 21 runs taken in turns; their difference is what the module's code costs at import.
- Compile: compile() of each source, the best of the repeats: what `python finetuning_job.py FILE`
  and a notebook paste pay every time (a script is not cached as bytecode).
- Targets: the limits the project holds itself to.
"""

import argparse
import ast
import builtins
import dataclasses
import enum
import functools
import gc
import importlib.util
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import finetuning_job as ftj  # noqa: E402
from tests import fixtures  # noqa: E402

# ---------------------------------------------------------------------------
# The floor: frozen dataclasses built with keyword arguments straight from the dicts, lists
# kept as lists, unknown keys dropped, no checks at all, and a hand-written to_dict.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NaiveHyperparameters:
    batch_size: Union[str, int, None] = None
    learning_rate_multiplier: Union[str, float, None] = None
    n_epochs: Union[str, int, None] = None
    beta: Union[str, float, None] = None


@dataclass(frozen=True)
class NaiveBlock:
    hyperparameters: Optional[NaiveHyperparameters] = None


@dataclass(frozen=True)
class NaiveMethod:
    type: str
    supervised: Optional[NaiveBlock] = None
    dpo: Optional[NaiveBlock] = None


@dataclass(frozen=True)
class NaiveWandb:
    project: str
    name: Optional[str] = None
    entity: Optional[str] = None
    tags: Optional[List[str]] = None


@dataclass(frozen=True)
class NaiveIntegration:
    type: str
    wandb: NaiveWandb


@dataclass(frozen=True)
class NaiveError:
    code: str
    message: str
    param: Optional[str] = None


@dataclass(frozen=True)
class NaiveJob:
    id: str
    created_at: int
    error: Optional[NaiveError]
    fine_tuned_model: Optional[str]
    finished_at: Optional[int]
    hyperparameters: Optional[NaiveHyperparameters]
    model: str
    object: str
    organization_id: Optional[str]
    result_files: Optional[List[str]]
    status: str
    trained_tokens: Optional[int]
    training_file: str
    validation_file: Optional[str]
    seed: Optional[int]
    integrations: Optional[List[NaiveIntegration]]
    estimated_finish: Optional[int]
    method: Optional[NaiveMethod]
    metadata: Optional[Dict[str, str]]


def naive_hp(d: Optional[Dict[str, Any]]) -> Optional[NaiveHyperparameters]:
    return None if d is None else NaiveHyperparameters(**d)


def naive_block(d: Optional[Dict[str, Any]]) -> Optional[NaiveBlock]:
    return None if d is None else NaiveBlock(hyperparameters=naive_hp(d.get("hyperparameters")))


def naive_from_dict(d: Dict[str, Any]) -> NaiveJob:
    e, i, m = d.get("error"), d.get("integrations"), d.get("method")
    return NaiveJob(
        id=d["id"],
        created_at=d["created_at"],
        error=NaiveError(**e) if e else None,
        fine_tuned_model=d.get("fine_tuned_model"),
        finished_at=d.get("finished_at"),
        hyperparameters=naive_hp(d.get("hyperparameters")),
        model=d["model"],
        object=d["object"],
        organization_id=d.get("organization_id"),
        result_files=d.get("result_files"),
        status=d["status"],
        trained_tokens=d.get("trained_tokens"),
        training_file=d["training_file"],
        validation_file=d.get("validation_file"),
        seed=d.get("seed"),
        integrations=None if i is None else [NaiveIntegration(x["type"], NaiveWandb(**x["wandb"])) for x in i],
        estimated_finish=d.get("estimated_finish"),
        method=None
        if m is None
        else NaiveMethod(m["type"], naive_block(m.get("supervised")), naive_block(m.get("dpo"))),
        metadata=d.get("metadata"),
    )


def naive_hp_dict(h: Optional[NaiveHyperparameters]) -> Optional[Dict[str, Any]]:
    if h is None:
        return None
    out = {"batch_size": h.batch_size, "learning_rate_multiplier": h.learning_rate_multiplier, "n_epochs": h.n_epochs}
    if h.beta is not None:
        out["beta"] = h.beta
    return out


def naive_to_dict(j: NaiveJob) -> Dict[str, Any]:
    e, m = j.error, j.method
    return {
        "id": j.id,
        "created_at": j.created_at,
        "error": None if e is None else {"code": e.code, "message": e.message, "param": e.param},
        "fine_tuned_model": j.fine_tuned_model,
        "finished_at": j.finished_at,
        "hyperparameters": naive_hp_dict(j.hyperparameters),
        "model": j.model,
        "object": j.object,
        "organization_id": j.organization_id,
        "result_files": j.result_files,
        "status": j.status,
        "trained_tokens": j.trained_tokens,
        "training_file": j.training_file,
        "validation_file": j.validation_file,
        "seed": j.seed,
        "integrations": None
        if j.integrations is None
        else [
            {
                "type": i.type,
                "wandb": {
                    "project": i.wandb.project,
                    "name": i.wandb.name,
                    "entity": i.wandb.entity,
                    "tags": i.wandb.tags,
                },
            }
            for i in j.integrations
        ],
        "estimated_finish": j.estimated_finish,
        "method": None
        if m is None
        else {
            "type": m.type,
            **{
                name: {"hyperparameters": naive_hp_dict(block.hyperparameters)}
                for name, block in (("supervised", m.supervised), ("dpo", m.dpo))
                if block is not None
            },
        },
        "metadata": j.metadata,
    }


_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


@dataclass(frozen=True)
class NaiveMetrics:
    step: Optional[float] = None
    train_loss: Optional[float] = None
    train_mean_token_accuracy: Optional[float] = None
    valid_loss: Optional[float] = None
    valid_mean_token_accuracy: Optional[float] = None
    full_valid_loss: Optional[float] = None
    full_valid_mean_token_accuracy: Optional[float] = None


@dataclass(frozen=True)
class NaiveEvent:
    id: str
    created_at: int
    level: str
    message: str
    object: str
    type: Optional[str] = None
    data: Optional[Mapping[str, Any]] = None


def naive_event_from_dict(d: Dict[str, Any]) -> NaiveEvent:
    # The same kind of floor as for jobs: keyword arguments straight from the dict, no checks. But
    # the data is copied into the module's read-only mapping, as the module must do (the caller
    # may change the dict it passed): a floor that kept it by reference would skip that work.
    data = d.get("data")
    return NaiveEvent(
        id=d["id"],
        created_at=d["created_at"],
        level=d["level"],
        message=d["message"],
        object=d["object"],
        type=d.get("type"),
        data=None if data is None else ftj.FrozenDict(data),
    )


def naive_event_page_from_dict(p: Dict[str, Any]) -> List[NaiveEvent]:
    return [naive_event_from_dict(e) for e in p["data"]]


def naive_event_to_dict(e: NaiveEvent) -> Dict[str, Any]:
    out = {"id": e.id, "created_at": e.created_at, "level": e.level, "message": e.message, "object": e.object}
    if e.type is not None:
        out["type"] = e.type
    if e.data is not None:
        # A fresh plain dict, copied at once with no look inside (the floor checks nothing). The
        # dict under the mapping is copied directly: FrozenDict has no copy method, and dict(e.data)
        # goes through the Mapping protocol, a Python call per key (about 20 times slower).
        out["data"] = e.data._data.copy()
    return out


def naive_event_page_to_dict(events: List[NaiveEvent]) -> Dict[str, Any]:
    return {"object": "list", "data": [naive_event_to_dict(e) for e in events], "has_more": False}


def naive_page_from_dict(p: Dict[str, Any]) -> List[NaiveJob]:
    return [naive_from_dict(j) for j in p["data"]]


def naive_page_to_dict(jobs: List[NaiveJob]) -> Dict[str, Any]:
    return {"object": "list", "data": [naive_to_dict(j) for j in jobs], "has_more": False}


# ---------------------------------------------------------------------------
# A lower bound: the module's own objects built straight from the dicts with no checks at all,
# the way its readers build them (object.__new__, then the whole instance dict at once). No
# reader that checks anything can be faster than this; it is printed beside the targets.
# ---------------------------------------------------------------------------


def bare(cls: Any, values: Dict[str, Any]) -> Any:
    instance = object.__new__(cls)
    object.__setattr__(instance, "__dict__", values)
    return instance


def bare_hp(cls: Any, d: Optional[Dict[str, Any]]) -> Any:
    if d is None:
        return None
    g, e = d.get, ftj._EMPTY
    if cls is ftj.DpoHyperparameters:
        values = {
            "beta": g("beta"),
            "batch_size": g("batch_size"),
            "learning_rate_multiplier": g("learning_rate_multiplier"),
            "n_epochs": g("n_epochs"),
            "extra": e,
        }
    else:
        values = {
            "batch_size": g("batch_size"),
            "learning_rate_multiplier": g("learning_rate_multiplier"),
            "n_epochs": g("n_epochs"),
            "extra": e,
        }
    return bare(cls, values)


def bare_job(d: Dict[str, Any]) -> Any:
    rest = dict(d)  # what is left once the known keys are popped: the unknown ones
    g = rest.pop
    e, i, m, r, md = (
        g("error", None),
        g("integrations", None),
        g("method", None),
        g("result_files", None),
        g("metadata", None),
    )
    if m is not None:
        s, p = m.get("supervised"), m.get("dpo")
        sh = None if s is None else bare_hp(ftj.SupervisedHyperparameters, s.get("hyperparameters"))
        dh = None if p is None else bare_hp(ftj.DpoHyperparameters, p.get("hyperparameters"))
        m = bare(
            ftj.Method,
            {
                "type": m["type"],
                "supervised": None
                if s is None
                else bare(ftj.SupervisedMethod, {"hyperparameters": sh, "extra": ftj._EMPTY}),
                "dpo": None if p is None else bare(ftj.DpoMethod, {"hyperparameters": dh, "extra": ftj._EMPTY}),
                "reinforcement": None,
                "extra": ftj._EMPTY,
            },
        )
    if i is not None:
        i = tuple(
            [
                bare(ftj.Integration, {"type": x["type"], "wandb": bare_wandb(x["wandb"]), "extra": ftj._EMPTY})
                for x in i
            ]
        )
    values = {
        "id": g("id", None),
        "created_at": g("created_at", None),
        "error": None if e is None else bare(ftj.FineTuningJobError, {**e, "extra": ftj._EMPTY}),
        "fine_tuned_model": g("fine_tuned_model", None),
        "finished_at": g("finished_at", None),
        "hyperparameters": bare_hp(ftj.Hyperparameters, g("hyperparameters", None)),
        "model": g("model", None),
        "object": g("object", None),
        "organization_id": g("organization_id", None),
        "result_files": None if r is None else tuple(r),
        "status": ftj._STATUS_BY_VALUE[g("status", None)],
        "trained_tokens": g("trained_tokens", None),
        "training_file": g("training_file", None),
        "validation_file": g("validation_file", None),
        "seed": g("seed", None),
        "integrations": i,
        "estimated_finish": g("estimated_finish", None),
        "method": m,
        "metadata": None if md is None else ftj.FrozenDict(md),
        "extra": ftj.FrozenDict(rest) if rest else ftj._EMPTY,
    }
    return bare(ftj.FineTuningJob, values)


def bare_wandb(w: Dict[str, Any]) -> Any:
    g = w.get
    return bare(
        ftj.WandbIntegration,
        {
            "project": g("project"),
            "name": g("name"),
            "entity": g("entity"),
            "tags": tuple(g("tags")),
            "extra": ftj._EMPTY,
        },
    )


# ---------------------------------------------------------------------------
# Payloads: what the live API sends, every key present, including keys the schema omits.
# ---------------------------------------------------------------------------


def succeeded() -> Dict[str, Any]:
    job = fixtures.wandb_job()
    job.update(user_provided_suffix=None, shared_with_openai=False)
    return job


def running_dpo() -> Dict[str, Any]:
    job = fixtures.job("running", "dpo")
    job["method"]["dpo"]["hyperparameters"] = dict.fromkeys(
        ["beta", "batch_size", "learning_rate_multiplier", "n_epochs"], "auto"
    )
    job.update(hyperparameters=None, user_provided_suffix="prefs-v2")
    return job


def failed() -> Dict[str, Any]:
    job = fixtures.job("failed")
    job.update(integrations=None, metadata=None, user_provided_suffix=None)
    return job


def event_page(n: int = 1000) -> Dict[str, Any]:
    """A page of events as a job of n steps reports them: metrics events and some messages."""
    events = []
    for i in range(n):
        if i % 10 == 9:
            events.append(fixtures.event("info", f"Checkpoint created at step {i}", created_at=1767225700 + i))
        else:
            events.append(
                fixtures.metrics_event(i + 1, round(2.4 / (i + 1) ** 0.4, 4), valid=round(2.6 / (i + 1) ** 0.35, 4))
            )
    return {"object": "list", "data": events[::-1], "has_more": False}


def page(n: int = 1000) -> Dict[str, Any]:
    makers = (succeeded, succeeded, succeeded, running_dpo, running_dpo, failed)
    jobs = []
    for i in range(n):
        job = makers[i % len(makers)]()
        job["id"] = f"ftjob-{i:06d}{i * 7919 % 100000:05d}"
        job["created_at"] -= i * 3607
        job["training_file"] = f"file-{i * 104729 % 10**9:09d}"
        job["seed"] = i * 2654435761 % 2147483647
        jobs.append(job)
    return {"object": "list", "data": jobs, "has_more": False}


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


def cpu_time(fn: Callable[[], Any], number: int) -> float:
    gc.disable()
    try:
        start = time.thread_time()
        for _ in range(number):
            fn()
        return (time.thread_time() - start) / number
    finally:
        gc.enable()


def compare(
    floor: Callable[[], Any], ours: Callable[[], Any], repeats: int, budget: float = 0.02
) -> Tuple[float, float, float, float]:
    """Return (floor seconds, our seconds, median ratio, spread of ratios as max - min)."""
    start = time.thread_time()
    floor()
    number = max(1, int(budget / max(time.thread_time() - start, 1e-7)))
    floors, ours_, ratios = [], [], []
    for _ in range(repeats):
        a = cpu_time(floor, number)
        b = cpu_time(ours, number)
        floors.append(a)
        ours_.append(b)
        ratios.append(b / a)
    return statistics.median(floors), statistics.median(ours_), statistics.median(ratios), max(ratios) - min(ratios)


def extra_rows() -> List[Tuple[str, Callable[[Dict[str, Any]], Any]]]:
    """(name, parse a job dict) for peers that happen to be installed."""
    rows: List[Tuple[str, Callable[[Dict[str, Any]], Any]]] = []
    try:
        from openai.types.fine_tuning import FineTuningJob as SdkJob  # noqa: PLC0415
    except ImportError:
        pass
    else:
        rows.append(("openai SDK model_validate", SdkJob.model_validate))
        rows.append(("openai SDK construct (default path)", SdkJob.construct))
    try:
        import msgspec  # noqa: PLC0415
    except ImportError:
        pass
    else:
        convert = msgspec.convert

        class Wandb(msgspec.Struct, frozen=True):
            project: str
            name: Optional[str] = None
            entity: Optional[str] = None
            tags: Optional[List[str]] = None

        class Integration(msgspec.Struct, frozen=True):
            type: str
            wandb: Wandb

        class Job(msgspec.Struct, frozen=True):
            id: str
            created_at: int
            model: str
            object: str
            status: str
            training_file: str
            error: Optional[Dict[str, Any]] = None
            fine_tuned_model: Optional[str] = None
            finished_at: Optional[int] = None
            hyperparameters: Optional[Dict[str, Any]] = None
            organization_id: Optional[str] = None
            result_files: Optional[List[str]] = None
            trained_tokens: Optional[int] = None
            validation_file: Optional[str] = None
            seed: Optional[int] = None
            integrations: Optional[List[Integration]] = None
            estimated_finish: Optional[int] = None
            method: Optional[Dict[str, Any]] = None
            metadata: Optional[Dict[str, str]] = None

        rows.append(("msgspec Struct (loose types)", functools.partial(convert, type=Job)))
    return rows


def measure(name: str, payload: Dict[str, Any], repeats: int) -> Dict[Tuple[str, str], float]:
    """Time the four operations on one payload; print a row each and return the ratios."""
    text = json.dumps(payload)
    data = json.loads(text)  # keys not interned, as they come off the wire
    if name.startswith("events"):
        cls: Any = ftj.FineTuningJobEventList
        floor_from_dict, floor_to_dict = naive_event_page_from_dict, naive_event_page_to_dict
    elif name.startswith("page"):
        cls = ftj.FineTuningJobList
        floor_from_dict, floor_to_dict = naive_page_from_dict, naive_page_to_dict
    else:
        cls = ftj.FineTuningJob
        floor_from_dict, floor_to_dict = naive_from_dict, naive_to_dict
    naive, ours = floor_from_dict(data), cls.from_dict(data)
    loads = json.loads
    cases = {
        "from_dict": (lambda: floor_from_dict(data), lambda: cls.from_dict(data)),
        "from_json": (lambda: floor_from_dict(loads(text)), lambda: cls.from_json(text)),
        "to_dict": (lambda: floor_to_dict(naive), ours.to_dict),
        "to_json": (lambda: _dumps(floor_to_dict(naive)), ours.to_json),
    }
    results = {}
    for operation, (floor, mine) in cases.items():
        a, b, ratio, spread = compare(floor, mine, repeats)
        results[(name, operation)] = ratio
        unit, scale = ("ms", 1e3) if name.startswith(("page", "events")) else ("us", 1e6)
        print(
            f"{name:<14} {operation:<10} {a * scale:>7.2f} {unit} {b * scale:>7.2f} {unit} {ratio:>7.2f} {spread:>7.2f}"
        )
    return results


# ---------------------------------------------------------------------------
# The no-code module: the module's dataclasses and enum written out with their names, fields,
# annotations, defaults, decorator arguments and docstrings, the imports and type aliases the
# annotations need, and no other code (no base class of the module's own, no method, no table of
# fields, no checker, no generated section). Import and compile times are compared with it.
# ---------------------------------------------------------------------------

NOCODE = "finetuning_job_nocode"


def mirrored_classes(module: Any) -> List[type]:
    """The dataclasses and enums a module defines, in the order it defines them."""
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and value.__module__ == module.__name__
        and (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum))
    ]


def default_source(value: Any) -> str:
    """A field's default as source: a literal, an enum member, or None standing in for an object
    that is code of the module's own (the empty FrozenDict that extra defaults to)."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    try:
        literal = ast.literal_eval(repr(value))
    except (ValueError, TypeError, SyntaxError):
        return "None"
    return repr(value) if type(literal) is type(value) and literal == value else "None"


def nocode_source() -> str:
    """Return the source of the no-code module, derived from finetuning_job's classes and source."""
    source = Path(ftj.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    classes = {cls.__name__: cls for cls in mirrored_classes(ftj)}
    # Each top-level name the module binds by an import or a plain assignment (a type alias).
    bindings: Dict[str, Tuple[ast.stmt, Optional[ast.alias]]] = {}
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bindings[alias.asname or alias.name.split(".")[0]] = (node, alias)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bindings[node.targets[0].id] = (node, None)
    used: Dict[ast.stmt, List[ast.alias]] = {}  # the statements written out, with the imports kept

    def need(expression: ast.AST) -> None:
        for name in [node.id for node in ast.walk(expression) if isinstance(node, ast.Name)]:
            if name in classes:
                continue
            if name not in bindings:
                if hasattr(builtins, name):
                    continue
                raise SystemExit(f"benchmark: cannot write a no-code module: {name!r} is not an import or alias")
            statement, alias = bindings[name]
            if alias is None:  # a type alias, written out whole: what its value names is needed too
                if statement not in used:
                    used[statement] = []
                    need(statement.value)
            elif alias not in used.setdefault(statement, []):
                used[statement].append(alias)

    blocks: List[Tuple[int, str]] = []  # (line in the module, source), written out in that order
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.name not in classes:
            continue
        cls = classes[node.name]
        bases = []
        for base in node.bases:
            # A base class of the module's own (_Model, _Response, _Page[...]) is code.
            named = base.value if isinstance(base, ast.Subscript) else base
            owner = getattr(ftj, named.id, None) if isinstance(named, ast.Name) else None
            if isinstance(owner, type) and owner.__module__ == ftj.__name__ and owner.__name__ not in classes:
                continue
            need(base)
            bases.append(ast.get_source_segment(source, base))
        lines = []
        for decorator in node.decorator_list:
            need(decorator)
            lines.append(f"@{ast.get_source_segment(source, decorator)}")
        lines.append(f"class {node.name}({', '.join(bases)}):" if bases else f"class {node.name}:")
        docstring = ast.get_docstring(node, clean=False)
        if docstring is not None:  # kept: without one, dataclass() builds it from the signature
            lines.append(f"    {docstring!r}")
        if issubclass(cls, enum.Enum):
            lines += [f"    {name} = {member.value!r}" for name, member in cls.__members__.items()]
        else:
            annotations = {
                item.target.id: item.annotation
                for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            }
            for field in dataclasses.fields(cls):
                if field.name not in annotations or field.default_factory is not dataclasses.MISSING:
                    raise SystemExit(f"benchmark: cannot write {node.name}.{field.name} in a no-code module")
                need(annotations[field.name])
                line = f"    {field.name}: {ast.get_source_segment(source, annotations[field.name])}"
                if field.default is not dataclasses.MISSING:
                    line += f" = {default_source(field.default)}"
                lines.append(line)
        blocks.append((node.lineno, "\n".join(lines)))
    for statement, names in used.items():
        if isinstance(statement, ast.ImportFrom):
            kept = [f"{a.name} as {a.asname}" if a.asname else a.name for a in statement.names if a in names]
            text = f"from {'.' * statement.level}{statement.module or ''} import {', '.join(kept)}"
        elif isinstance(statement, ast.Import):
            text = "\n".join(f"import {a.name} as {a.asname}" if a.asname else f"import {a.name}" for a in names)
        else:
            text = ast.get_source_segment(source, statement) or ""
        blocks.append((statement.lineno, text))
    header = "# finetuning_job's dataclasses and enums with no other code: written by tests/benchmark.py"
    return "\n\n".join([header] + [text for _, text in sorted(blocks)]) + "\n"


def shape(module: Any) -> List[Tuple[Any, ...]]:
    """What the two modules must share, class by class: names, bases, decorator arguments, fields
    with their types (printed without the module's name) and defaults, enum members."""
    prefix = f"{module.__name__}."
    out: List[Tuple[Any, ...]] = []
    for cls in mirrored_classes(module):
        if issubclass(cls, enum.Enum):
            members = [(name, member.value) for name, member in cls.__members__.items()]
            out.append((cls.__name__, [base.__name__ for base in cls.__bases__], members))
        else:
            params = cls.__dataclass_params__
            flags = [getattr(params, name) for name in ("init", "repr", "eq", "order", "unsafe_hash", "frozen")]
            fields = [
                (f.name, repr(f.type).replace(prefix, ""), default_source(f.default)) for f in dataclasses.fields(cls)
            ]
            out.append((cls.__name__, flags, fields))
    return out


def check_nocode(path: Path) -> None:
    """Import the no-code module from path and stop unless it mirrors finetuning_job."""
    spec = importlib.util.spec_from_file_location(NOCODE, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[NOCODE] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[NOCODE]
    for ours, theirs in itertools.zip_longest(shape(ftj), shape(module)):
        if ours != theirs:
            name = (ours or theirs)[0]
            raise SystemExit(f"benchmark: the no-code module does not mirror finetuning_job's {name}")


# ---------------------------------------------------------------------------
# Sections: each measures one thing and prints its lines; main runs them in order.
# ---------------------------------------------------------------------------


def codec_section(repeats: int) -> Dict[Tuple[str, str], float]:
    """Reading and writing against the floors; return the ratios by (payload, operation)."""
    print(f"median of {repeats} repeats, thread CPU time, GC off; ratio = module / floor (lower is better)\n")
    print(f"{'payload':<14} {'operation':<10} {'floor':>10} {'module':>10} {'ratio':>7} {'spread':>7}")
    results: Dict[Tuple[str, str], float] = {}
    payloads = [*singles().items(), ("page of 1000", page()), ("events, 1000", event_page())]
    for name, payload in payloads:
        results.update(measure(name, payload, repeats))
    # The two pages side by side: does reading and writing events cost what jobs cost?
    operations = ("from_dict", "from_json", "to_dict", "to_json")
    against = [f"{op} {results[('events, 1000', op)] / results[('page of 1000', op)]:.2f}" for op in operations]
    print("events against jobs (events' ratio / job page's ratio): " + ", ".join(against))
    return results


def singles() -> Dict[str, Dict[str, Any]]:
    return {"succeeded": succeeded(), "running_dpo": running_dpo(), "failed": failed()}


def lower_bound_section(repeats: int) -> None:
    """The module's objects built with no checks at all, against the jobs' floor."""
    print()
    for name, payload in singles().items():
        data = json.loads(json.dumps(payload))
        assert bare_job(data) == ftj.FineTuningJob.from_dict(data)
        _, b, ratio, _ = compare(functools.partial(naive_from_dict, data), functools.partial(bare_job, data), repeats)
        print(f"{name:<14} {'from_dict':<10} {'':>10} {b * 1e6:>7.2f} us {ratio:>7.2f}   (lower bound: no checks)")


def peers_section(repeats: int) -> None:
    """Other libraries reading the same job, when they happen to be installed."""
    data = json.loads(json.dumps(succeeded()))
    for peer, parse in extra_rows():
        _, b, ratio, _ = compare(functools.partial(naive_from_dict, data), functools.partial(parse, data), repeats)
        print(f"{'succeeded':<14} {'from_dict':<10} {'':>10} {b * 1e6:>7.2f} us {ratio:>7.2f}   ({peer})")


def import_microseconds(folder: Path, env: Dict[str, str], module: str) -> int:
    """Run `python -X importtime -c "import module"`; return the cumulative us of its own line."""
    command = [sys.executable, "-X", "importtime", "-c", f"import {module}"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=folder, env=env, check=True)
    for line in result.stderr.splitlines():
        columns = line.split("|")  # "import time: self | cumulative | name", nested names indented
        if len(columns) == 3 and columns[2].rstrip() == f" {module}":
            return int(columns[1])
    raise SystemExit(f"benchmark: no line for {module} in the -X importtime output:\n{result.stderr}")


_BYTECODE_VARIABLES = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")


def import_section(nocode: str, runs: int) -> float:
    """Import times of the module and the no-code module; return the difference in ms."""
    modules = ("finetuning_job", NOCODE)
    best = dict.fromkeys(modules, math.inf)
    with tempfile.TemporaryDirectory() as name:
        # Both modules side by side in one folder, so that both are compiled and found alike.
        folder = Path(name)
        shutil.copyfile(ftj.__file__, folder / "finetuning_job.py")
        (folder / f"{NOCODE}.py").write_text(nocode, encoding="utf-8")
        check_nocode(folder / f"{NOCODE}.py")
        # The children write bytecode (this machine sets PYTHONDONTWRITEBYTECODE) next to the
        # sources: a first import of each writes it, and the runs that count then read it. They
        # find both modules in the folder before any installed copy, even with PYTHONSAFEPATH set.
        env = {key: value for key, value in os.environ.items() if key not in _BYTECODE_VARIABLES}
        env["PYTHONPATH"] = str(folder)
        for module in modules:
            command = [sys.executable, "-c", f"import {module}; print({module}.__file__)"]
            found = subprocess.run(command, capture_output=True, text=True, cwd=folder, env=env, check=True).stdout
            if Path(found.strip()) != folder / f"{module}.py":
                raise SystemExit(f"benchmark: {module} was imported from {found.strip()}, not from {folder}")
            cached = folder / "__pycache__" / f"{module}.{sys.implementation.cache_tag}.pyc"
            if not cached.exists():
                raise SystemExit(f"benchmark: importing {module} wrote no bytecode at {cached}")
        for _ in range(runs):
            for module in modules:  # taken in turns, so that a noisy moment hits both
                best[module] = min(best[module], import_microseconds(folder, env, module))
    ours, floor = best["finetuning_job"] / 1000, best[NOCODE] / 1000
    print(f"\nimport: python -X importtime, the module's cumulative line, best of {runs} runs, bytecode cached")
    print(f"  {'finetuning_job':<22} {ours:>7.2f} ms")
    print(f"  {NOCODE:<22} {floor:>7.2f} ms   (the same dataclasses and enum, no other code)")
    print(f"  {'difference':<22} {ours - floor:>+7.2f} ms   (what the module's code costs at import)")
    return ours - floor


def compile_section(nocode: str, repeats: int) -> None:
    """compile() of each source: what `python finetuning_job.py FILE` and a notebook paste pay."""
    module = Path(ftj.__file__).read_text(encoding="utf-8")
    print(f"\ncompile(): the source to a code object, best of {repeats} runs, thread CPU time, GC off")
    for name, source in (("finetuning_job", module), (NOCODE, nocode)):
        run = functools.partial(compile, source, f"{name}.py", "exec", dont_inherit=True)
        best = min(cpu_time(run, 1) for _ in range(repeats))
        print(f"  {name:<22} {best * 1e3:>7.2f} ms   ({len(source.splitlines())} lines)")


def targets_section(ratios: Dict[Tuple[str, str], float], import_cost: float) -> None:
    """The limits the project holds itself to (issues "One source of truth per class" and "One rule
    in one place")."""
    targets = {"from_json": 1.1, "from_dict": 1.1, "to_dict": 1.4, "to_json": 1.05}
    missed = [f"{name} {op} {ratio:.2f} > {targets[op]}" for (name, op), ratio in ratios.items() if ratio > targets[op]]
    missed += [f"import {import_cost:+.2f} ms over the no-code module > 3"] if import_cost > 3 else []
    print("\ntargets: " + ("all met" if not missed else "missed: " + "; ".join(missed)))


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=15, help="repeats of each timing (default 15)")
    parser.add_argument("--import-runs", type=int, default=21, help="fresh interpreters per module (default 21)")
    args = parser.parse_args(argv)
    print(
        f"finetuning_job {ftj.__version__} on {platform.python_implementation()} {platform.python_version()}, {platform.machine()}"
    )
    ratios = codec_section(args.repeats)
    lower_bound_section(args.repeats)
    peers_section(args.repeats)
    nocode = nocode_source()
    import_cost = import_section(nocode, args.import_runs)
    compile_section(nocode, args.repeats)
    webhook_section(args.repeats)
    targets_section(ratios, import_cost)


def webhook_section(repeats: int) -> None:
    """Time unwrap_webhook (and verify_webhook) on a typical event against the floor: the same
    HMAC-SHA256 over the same bytes, one compare_digest and, for unwrap, a json.loads. The floor
    gets its key and the signature's digest ready-made; the module decodes both every call."""
    import base64  # noqa: PLC0415 (the function stands alone: see main)
    import hashlib  # noqa: PLC0415
    import hmac  # noqa: PLC0415

    key = bytes(range(32))
    secret = "whsec_" + base64.b64encode(key).decode()
    event = {
        "id": "evt_685c0590f2d48190a7ed3e2b8f1c9d6e",
        "object": "event",
        "created_at": 1767229261,
        "type": "fine_tuning.job.succeeded",
        "data": {"id": "ftjob-7Hq2LmZx9RtYb1Wz"},
    }
    body = json.dumps(event, separators=(",", ":")).encode()
    webhook_id, timestamp = "wh_685c0591a6f081908b0c9b6a7a1e4f2b", "1767229262"
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    signature = "v1," + base64.b64encode(digest).decode()
    headers = {"webhook-id": webhook_id, "webhook-timestamp": timestamp, "webhook-signature": signature}

    def verified() -> bool:
        return hmac.compare_digest(hmac.new(key, signed, hashlib.sha256).digest(), digest)

    def floor() -> Any:
        return verified() and json.loads(body)

    assert ftj.unwrap_webhook(body, headers, secret, now=1767229262).job_id == floor()["data"]["id"]
    print(f"\n{'webhook':<14} {'operation':<10} {'floor':>10} {'module':>10} {'ratio':>7} {'spread':>7}")
    rows = [
        ("unwrap", floor, functools.partial(ftj.unwrap_webhook, body, headers, secret, now=1767229262)),
        ("verify", verified, functools.partial(ftj.verify_webhook, body, headers, secret, now=1767229262)),
    ]
    for name, bare, ours in rows:
        a, b, ratio, spread = compare(bare, ours, repeats)
        print(
            f"{f'{len(body)} bytes':<14} {name:<10} {a * 1e6:>7.2f} us {b * 1e6:>7.2f} us {ratio:>7.2f} {spread:>7.2f}"
        )


if __name__ == "__main__":
    main()
