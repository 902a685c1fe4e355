"""Payloads, instances and the canonical form for the classes of CONTRACT.md section 9 (webhook
events and checkpoint permissions), and a Standard Webhooks signer written from the spec.

Kept apart from tests/strategies.py while that file is rewritten; built from its field
domains (``text``, ``timestamps``, ``json_values``, unknown keys starting with ``x_``).
"""

import base64
import hashlib
import hmac
from typing import Any, Callable, Dict, List, Optional, Tuple

from hypothesis import strategies as st

from tests import ftj
from tests.strategies import (
    NULLABLE,
    OPTIONAL,
    REQUIRED,
    TOLERATED,
    frozen_extra,
    maybe,
    members,
    text,
    timestamps,
)

Json = Dict[str, Any]
Draw = Callable[[Any], Any]

WEBHOOK_TYPES = ("fine_tuning.job.succeeded", "fine_tuning.job.failed", "fine_tuning.job.cancelled")
known_types = st.sampled_from(WEBHOOK_TYPES)
# Types the tolerant reader keeps: any other text after the fine-tuning prefix.
newer_types = text.map(lambda rest: "fine_tuning.job." + rest)
job_ids = st.from_regex(r"\Aftjob-[A-Za-z0-9]{1,24}\Z")


def shuffled(draw: Draw, out: Json) -> Json:
    """The same members in an order drawn at random: the writer puts them back in the API's."""
    return {key: out[key] for key in draw(st.permutations(list(out)))}


@st.composite
def webhook_data(draw: Draw, strict: bool = False) -> Json:
    return members(draw, [("id", job_ids | text, REQUIRED)], strict)


@st.composite
def webhook_events(draw: Draw, strict: bool = False) -> Json:
    """A webhook event body that the reader of the given mode accepts."""
    spec = [
        ("id", text, REQUIRED),
        ("created_at", timestamps, REQUIRED),
        ("type", known_types if strict else known_types | newer_types, REQUIRED),
        ("data", webhook_data(strict), REQUIRED),
        ("object", st.just("event"), OPTIONAL),
    ]
    return shuffled(draw, members(draw, spec, strict))


@st.composite
def permissions(draw: Draw, strict: bool = False) -> Json:
    spec = [
        ("id", text, REQUIRED),
        ("created_at", timestamps, REQUIRED),
        ("object", st.just("checkpoint.permission"), REQUIRED),
        ("project_id", text, REQUIRED),
    ]
    return shuffled(draw, members(draw, spec, strict))


@st.composite
def permission_pages(draw: Draw, strict: bool = False) -> Json:
    spec = [
        ("object", st.just("list"), REQUIRED),
        ("data", st.lists(permissions(strict), max_size=3), REQUIRED),
        ("first_id", text, NULLABLE),
        ("last_id", text, NULLABLE),
        ("has_more", st.booleans(), TOLERATED),
    ]
    return shuffled(draw, members(draw, spec, strict))


@st.composite
def deleted_permissions(draw: Draw, strict: bool = False) -> Json:
    spec = [
        ("id", text, REQUIRED),
        ("object", st.just("checkpoint.permission"), REQUIRED),
        ("deleted", st.booleans(), REQUIRED),
    ]
    return shuffled(draw, members(draw, spec, strict))


# Payloads by kind, and the class that reads each kind.
PAYLOADS: Dict[str, Callable[[bool], st.SearchStrategy[Json]]] = {
    "webhook event": webhook_events,
    "permission": permissions,
    "permission page": permission_pages,
    "deleted permission": deleted_permissions,
}
MODELS: Dict[str, Any] = {
    "webhook event": ftj.FineTuningJobWebhookEvent,
    "permission": ftj.FineTuningCheckpointPermission,
    "permission page": ftj.FineTuningCheckpointPermissionList,
    "deleted permission": ftj.FineTuningCheckpointPermissionDeleted,
}

# ---------------------------------------------------------------------------
# The canonical form (CONTRACT.md section 5), written from the contract's tables: for each kind,
# its known keys in the order to_dict writes them, each with the kind of object it holds (None
# for a plain value) and whether it holds an array of them.
# ---------------------------------------------------------------------------

SCHEMA: Dict[str, Dict[str, Tuple[Optional[str], bool]]] = {
    "webhook event": {
        "id": (None, False),
        "created_at": (None, False),
        "type": (None, False),
        "data": ("webhook data", False),
        "object": (None, False),
    },
    "webhook data": {"id": (None, False)},
    "permission": {
        "id": (None, False),
        "created_at": (None, False),
        "object": (None, False),
        "project_id": (None, False),
    },
    "permission page": {
        "object": (None, False),
        "data": ("permission", True),
        "first_id": (None, False),
        "last_id": (None, False),
        "has_more": (None, False),
    },
    "deleted permission": {"id": (None, False), "object": (None, False), "deleted": (None, False)},
}


def canon(kind: str, data: Json) -> Json:
    """What to_dict must write for an accepted payload. Section 9 has no required-nullable key:
    every null of a known key is left out; unknown keys stay as they came."""
    known = SCHEMA[kind]
    out: Json = {}
    for key, value in data.items():
        if key not in known:
            out[key] = value
        elif value is not None:
            child, many = known[key]
            if child is None:
                out[key] = value
            else:
                out[key] = [canon(child, item) for item in value] if many else canon(child, value)
    return out


def known_paths(kind: str, value: Json, path: Tuple[Any, ...] = ()) -> List[Tuple[Tuple[Any, ...], str]]:
    """(path, kind of the object holding it) for every known member of a payload."""
    found = []
    for key, item in value.items():
        if key not in SCHEMA[kind]:
            continue
        found.append((path + (key,), kind))
        child, many = SCHEMA[kind][key]
        if child is not None and item is not None:
            if many:
                for index, member in enumerate(item):
                    found.extend(known_paths(child, member, path + (key, index)))
            else:
                found.extend(known_paths(child, item, path + (key,)))
    return found


# ---------------------------------------------------------------------------
# Instances built through the constructors.
# ---------------------------------------------------------------------------

data_instances = st.builds(ftj.FineTuningJobWebhookEventData, id=job_ids | text, extra=frozen_extra)
permission_instances = st.builds(
    ftj.FineTuningCheckpointPermission, id=text, created_at=timestamps, project_id=text, extra=frozen_extra
)
INSTANCES: Dict[type, st.SearchStrategy[Any]] = {
    ftj.FineTuningJobWebhookEventData: data_instances,
    ftj.FineTuningJobWebhookEvent: st.builds(
        ftj.FineTuningJobWebhookEvent,
        id=text,
        created_at=timestamps,
        type=known_types | newer_types,
        data=data_instances,
        object=maybe(st.just("event")),
        extra=frozen_extra,
    ),
    ftj.FineTuningCheckpointPermission: permission_instances,
    ftj.FineTuningCheckpointPermissionList: st.builds(
        ftj.FineTuningCheckpointPermissionList,
        data=st.lists(permission_instances, max_size=3) | st.lists(permission_instances, max_size=2).map(tuple),
        first_id=maybe(text),
        last_id=maybe(text),
        has_more=maybe(st.booleans()),
        extra=frozen_extra,
    ),
    ftj.FineTuningCheckpointPermissionDeleted: st.builds(
        ftj.FineTuningCheckpointPermissionDeleted, id=text, deleted=st.booleans(), extra=frozen_extra
    ),
}
any_instance = st.one_of(list(INSTANCES.values()))

# ---------------------------------------------------------------------------
# Fixtures written from the contract and the API reference's examples.
# ---------------------------------------------------------------------------


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
    return {
        "object": "checkpoint.permission",
        "id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        "created_at": 1767229300,
        "project_id": "proj_abGMw1llN8IrBb6SvvY5A1iH",
    }


def permission_page() -> Json:
    second = {**permission(), "id": "cp_enQCFmOTGj3syEpYVhBRLTSy", "project_id": "proj_iqGMw1llN8IrBb6SvvY5A1oF"}
    return {
        "object": "list",
        "data": [permission(), second],
        "first_id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        "last_id": "cp_enQCFmOTGj3syEpYVhBRLTSy",
        "has_more": False,
    }


def deleted_permission() -> Json:
    return {"object": "checkpoint.permission", "id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB", "deleted": True}


BASES: Dict[str, Callable[[], Json]] = {
    "webhook event": webhook_event,
    "permission": permission,
    "permission page": permission_page,
    "deleted permission": deleted_permission,
}

# ---------------------------------------------------------------------------
# Standard Webhooks signatures, written here from the specification (not from the module).
# ---------------------------------------------------------------------------


def signature(key: bytes, webhook_id: str, timestamp: str, body: bytes) -> str:
    """The v1 signature: base64 of HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`."""
    signed = webhook_id.encode() + b"." + timestamp.encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def whsec(key: bytes) -> str:
    """A secret as OpenAI shows it: whsec_ and the base64 of the key."""
    return "whsec_" + base64.b64encode(key).decode()


# A secret and the key it stands for: whsec_ and base64, or any other text as its own UTF-8.
secrets = st.one_of(
    st.binary(min_size=1, max_size=64).map(lambda key: (whsec(key), key)),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
    .filter(lambda s: not s.startswith("whsec_"))
    .map(lambda s: (s, s.encode())),
)
