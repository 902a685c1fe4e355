"""Webhook events (CONTRACT.md section 9.1) and their verification (section 9.2): the event
classes, the Standard Webhooks reference vector, signed requests accepted in any container of
headers, any one change refused, the timestamp window at its exact edges, every refusal's whole
message, hostile input, and what verification imports."""

import base64
import dataclasses
import datetime
import email
import email.message
import hmac
import http.client
import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Tuple

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests import ftj
from tests.fixtures import BASES as JOB_BASES
from tests.fixtures import permission, webhook_event
from tests.strategies import as_hmac_key, json_values, payloads, secrets, signature, whsec

UTC = datetime.timezone.utc
ROOT = Path(__file__).resolve().parent.parent
Refusal = ftj.WebhookVerificationError

# ---------------------------------------------------------------------------
# The event classes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
@pytest.mark.parametrize("kind", ["succeeded", "failed", "cancelled"])
def test_each_end_of_a_job_reads_as_a_webhook_event(kind: str, strict: bool) -> None:
    payload = webhook_event(kind, "ftjob-abc123")
    event = ftj.FineTuningJobWebhookEvent.from_dict(payload, strict=strict)
    assert (event.type, event.job_id, event.is_known) == (f"fine_tuning.job.{kind}", "ftjob-abc123", True)
    assert event.data == ftj.FineTuningJobWebhookEventData("ftjob-abc123")
    assert event.created_datetime == datetime.datetime(2026, 1, 1, 1, 1, 1, tzinfo=UTC)
    assert event.to_dict() == {
        "id": "evt_685c0590f2d48190a7ed3e2b8f1c9d6e",
        "created_at": 1767229261,
        "type": f"fine_tuning.job.{kind}",
        "data": {"id": "ftjob-abc123"},
        "object": "event",
    }


def test_the_tolerant_reader_keeps_a_newer_job_event_and_the_strict_one_refuses_it() -> None:
    payload = {**webhook_event(), "type": "fine_tuning.job.paused", "x_seen": 1}
    payload["data"]["x_status"] = "paused"
    event = ftj.FineTuningJobWebhookEvent.from_dict(payload)
    assert event.type == "fine_tuning.job.paused" and not event.is_known
    assert event.extra == {"x_seen": 1} and event.data.extra == {"x_status": "paused"}
    assert event.to_dict() == payload
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobWebhookEvent.from_dict(payload, strict=True)
    assert [str(e) for e in info.value.errors] == [
        '$.type: expected one of "fine_tuning.job.succeeded", "fine_tuning.job.failed", "fine_tuning.job.cancelled", got "fine_tuning.job.paused"',
        "$.data.x_status: unknown key",
        "$.x_seen: unknown key",
    ]


# (path, new value, expected lines): both readers refuse these.
EVENT_BOTH: List[Tuple[Tuple[Any, ...], Any, List[str]]] = [
    (
        ("type",),
        "batch.completed",
        ['$.type: expected a fine-tuning event (a type that starts with "fine_tuning.job."), got "batch.completed"'],
    ),
    (
        ("type",),
        "fine_tuning.jobs.succeeded",
        [
            '$.type: expected a fine-tuning event (a type that starts with "fine_tuning.job."), got "fine_tuning.jobs.succeeded"'
        ],
    ),
    (
        ("type",),
        5,
        [
            '$.type: expected one of "fine_tuning.job.succeeded", "fine_tuning.job.failed", "fine_tuning.job.cancelled", got 5 (int)'
        ],
    ),
    (("type",), None, ["$.type: required key missing"]),
    (("id",), 12, ["$.id: expected a string, got 12 (int)"]),
    (
        ("created_at",),
        1767229261000,
        [
            "$.created_at: expected an integer in 0..253402300799, got 1767229261000 (milliseconds? timestamps are in seconds)"
        ],
    ),
    (("data",), "ftjob-abc123", ['$.data: expected an object, got "ftjob-abc123" (str)']),
    (("data",), None, ["$.data: required key missing"]),
    (("data", "id"), None, ["$.data.id: required key missing"]),
    (("data", "id"), ["ftjob-1"], ['$.data.id: expected a string, got ["ftjob-1"] (list)']),
    (("object",), "events", ['$.object: expected "event", got "events"']),
]


@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
@pytest.mark.parametrize(("path", "value", "expected"), EVENT_BOTH)
def test_both_readers_refuse(path: Tuple[Any, ...], value: Any, expected: List[str], strict: bool) -> None:
    payload = webhook_event()
    holder = payload
    for step in path[:-1]:
        holder = holder[step]
    if value is None:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobWebhookEvent.from_dict(payload, strict=strict)
    assert [str(e) for e in info.value.errors] == expected


def test_object_may_be_left_out_by_both_readers_and_be_null_for_the_tolerant_one() -> None:
    payload = webhook_event()
    del payload["object"]
    assert ftj.FineTuningJobWebhookEvent.from_dict(payload, strict=True).object is None
    assert "object" not in ftj.FineTuningJobWebhookEvent.from_dict(payload).to_dict()
    payload["object"] = None
    assert ftj.FineTuningJobWebhookEvent.from_dict(payload).object is None
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobWebhookEvent.from_dict(payload, strict=True)
    assert [str(e) for e in info.value.errors] == ['$.object: expected "event", got null']


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (JOB_BASES["job"](), ("object",), 'expected "event", got "fine_tuning.job": read it with FineTuningJob'),
        (
            JOB_BASES["page"](),
            ("object",),
            'expected "event", got "list" (a page of fine_tuning.job objects): read it with FineTuningJobList',
        ),
        (
            permission(),
            ("object",),
            'expected "event", got "checkpoint.permission": read it with FineTuningCheckpointPermission',
        ),
        (  # the legacy 2023 event says "event" too: its level tells it apart (CONTRACT.md 9.1)
            {"object": "event", "created_at": 1692661014, "level": "info", "message": "Created fine-tune"},
            ("level",),
            "a key that a FineTuningJobWebhookEvent does not have: read it with FineTuningJobEvent",
        ),
    ],
)
def test_a_response_of_another_kind_names_the_class_that_reads_it(data: Any, path: Any, message: str) -> None:
    for strict in (False, True):
        with pytest.raises(ftj.ValidationError) as info:
            ftj.FineTuningJobWebhookEvent.from_dict(data, strict=strict)
        assert [(e.path, e.message) for e in info.value.errors] == [(path, message)]


def test_a_webhook_event_given_to_another_class_names_the_webhook_class() -> None:
    body = webhook_event()
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJob.from_dict(body)
    assert [str(e) for e in info.value.errors] == [
        '$.object: expected "fine_tuning.job", got "event": read it with FineTuningJobWebhookEvent'
    ]
    del body["object"]  # optional in a webhook event: its type starting fine_tuning.job. tells it
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobEvent.from_dict(body)
    assert [str(e) for e in info.value.errors] == [
        '$.object: expected "fine_tuning.job.event", got no object member: read it with FineTuningJobWebhookEvent'
    ]


# ---------------------------------------------------------------------------
# Verification: signed requests
# ---------------------------------------------------------------------------


class Request(NamedTuple):
    """A webhook request as OpenAI sends it, and what the receiver knows."""

    body: bytes
    webhook_id: str
    timestamp: str
    signatures: str
    secret: str
    key: bytes
    tolerance: int
    now: int

    def headers(self) -> Dict[str, str]:
        return {
            "webhook-id": self.webhook_id,
            "webhook-timestamp": self.timestamp,
            "webhook-signature": self.signatures,
        }

    def right(self) -> str:
        """The signature that holds (one of the entries)."""
        return signature(self.key, self.webhook_id, self.timestamp, self.body)


def signed(body: bytes, key: bytes = bytes(range(32)), timestamp: str = "1767229262") -> Request:
    """A request signed with the key (its secret: whsec_ and the key's base64), received at once."""
    webhook_id = "wh_685c0591a6f081908b0c9b6a7a1e4f2b"
    return Request(
        body, webhook_id, timestamp, signature(key, webhook_id, timestamp, body), whsec(key), key, 300, int(timestamp)
    )


BODY = json.dumps(webhook_event()).encode()
VALID = signed(BODY)
NO_MATCH = (
    "header webhook-signature: no v1 signature matches"
    " (the wrong secret, or a body that is not the exact bytes received?)"
)
NO_V1 = 'header webhook-signature: no v1 signature (expected "v1,<base64>" entries separated by spaces)'
TOO_OLD = "header webhook-timestamp: too old, more than 300 seconds before now"
TOO_NEW = "header webhook-timestamp: too new, more than 300 seconds after now"


def verify(request: Request, **changes: Any) -> None:
    """Verify the request, with any argument replaced."""
    arguments: Dict[str, Any] = {
        "body": request.body,
        "headers": request.headers(),
        "secret": request.secret,
        "tolerance": request.tolerance,
        "now": request.now,
    }
    arguments.update(changes)
    body, headers, secret = arguments.pop("body"), arguments.pop("headers"), arguments.pop("secret")
    ftj.verify_webhook(body, headers, secret, **arguments)


def refusal(request: Request, **changes: Any) -> str:
    """The message verification refuses the request with (the same from unwrap_webhook)."""
    with pytest.raises(Refusal) as info:
        verify(request, **changes)
    message = str(info.value)
    arguments = {"body": request.body, "headers": request.headers(), "secret": request.secret, **changes}
    with pytest.raises(Refusal) as again:
        ftj.unwrap_webhook(
            arguments["body"],
            arguments["headers"],
            arguments["secret"],
            tolerance=changes.get("tolerance", request.tolerance),
            now=changes.get("now", request.now),
        )
    assert str(again.value) == message
    assert_says_nothing_secret(message, request)
    return message


def assert_says_nothing_secret(message: str, request: Request) -> None:
    assert "\n" not in message
    assert request.right()[3:] not in message  # the signature the module computes
    if len(request.secret) >= 8:
        assert request.secret not in message and request.secret[len("whsec_") :] not in message


def test_the_standard_webhooks_reference_vector_verifies() -> None:
    # The example of the Standard Webhooks specification's test suite (a plain HMAC-SHA256 over
    # `msg_id.timestamp.payload`, keyed with the base64 after whsec_).
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    headers = {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    }
    ftj.verify_webhook(body, headers, secret, now=1614265330)
    ftj.verify_webhook(body.decode(), headers, secret, now=1614265330 + 300)
    ftj.verify_webhook(bytearray(body), headers, secret, now=1614265330 - 300)
    for changed in (body + b" ", body.replace(b"2432232314", b"2432232315")):
        with pytest.raises(Refusal, match="no v1 signature matches"):
            ftj.verify_webhook(changed, headers, secret, now=1614265330)
    with pytest.raises(Refusal) as info:
        ftj.verify_webhook(body, headers, secret, now=1614265330 + 301)
    assert str(info.value) == TOO_OLD
    # Verified, then read: the vector's body is no fine-tuning event.
    with pytest.raises(ftj.ValidationError) as read:
        ftj.unwrap_webhook(body, headers, secret, now=1614265330)
    assert [str(e) for e in read.value.errors] == [
        "$.id: required key missing",
        "$.created_at: required key missing",
        "$.type: required key missing",
        "$.data: required key missing",
    ]


# Strategies of requests: a generated event, sent as JSON text of any layout, signed with any
# secret at any time, with other entries beside the signature that holds.
webhook_ids = st.from_regex(r"\A[!-~]{0,40}\Z")  # printable ASCII, as HTTP carries it
b64 = st.binary(min_size=32, max_size=32).map(lambda raw: base64.b64encode(raw).decode())
other_entries = st.one_of(
    b64.map(lambda s: "v1," + s),  # a signature with an old secret, during a rotation
    st.binary(min_size=64, max_size=64).map(lambda raw: "v1a," + base64.b64encode(raw).decode()),
    b64.map(lambda s: "v2," + s),
    st.sampled_from(["v1,", "v1a,", "v1,AAAA", "V1,AAAA"]),
)


@st.composite
def requests(draw: Any, ids: Any = webhook_ids) -> Request:
    payload = draw(payloads(ftj.FineTuningJobWebhookEvent))
    layout = draw(st.sampled_from([{}, {"separators": (",", ":")}, {"indent": 2}, {"ensure_ascii": False}]))
    body = json.dumps(payload, **layout).encode()
    secret, key = draw(secrets)
    webhook_id = draw(ids)
    tolerance = draw(st.sampled_from([300, 0, 1, 86400]) | st.integers(0, 10**6))
    sent = draw(st.integers(0, 2**40))
    timestamp = "0" * draw(st.integers(0, 2)) + str(sent)
    right = signature(key, webhook_id, timestamp, body)
    entries = draw(st.permutations([right, *draw(st.lists(other_entries, max_size=3))]))
    separator = draw(st.sampled_from([" ", "  ", "\t"]))
    now = sent + draw(st.integers(-tolerance, tolerance))
    return Request(body, webhook_id, timestamp, separator.join(entries), secret, key, tolerance, now)


class ReadOnlyHeaders(dict):  # type: ignore[type-arg]
    """A mapping that is not a dict to the module's eye: only items() is used."""


class Headers:
    """A framework's own container (werkzeug's Headers, for one): not a mapping, but items()."""

    def __init__(self, pairs: List[Tuple[str, str]]) -> None:
        self.pairs = pairs

    def items(self) -> List[Tuple[str, str]]:
        return list(self.pairs)


def container(kind: str, pairs: List[Tuple[str, str]]) -> Any:
    """The headers as a server hands them over."""
    if kind == "dict":
        return dict(pairs)
    if kind == "pairs":  # WSGI's style
        return list(pairs)
    if kind == "tuple of lists":
        return tuple([name, value] for name, value in pairs)
    if kind == "bytes pairs":  # ASGI's style
        return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in pairs]
    if kind == "mapping":
        return ReadOnlyHeaders(pairs)
    if kind == "items":
        return Headers(pairs)
    message = http.client.HTTPMessage() if kind == "http.client" else email.message.Message()
    for name, value in pairs:
        message[name] = value
    return message


CONTAINERS = ["dict", "pairs", "tuple of lists", "bytes pairs", "mapping", "items", "http.client", "email"]


@pytest.mark.parametrize("kind", CONTAINERS)
def test_each_container_of_headers_is_read(kind: str) -> None:
    pairs = [("Content-Type", "application/json"), *VALID.headers().items(), ("User-Agent", "OpenAI/1.0")]
    headers = container(kind, pairs)
    verify(VALID, headers=headers)
    assert ftj.unwrap_webhook(
        VALID.body, headers, VALID.secret, now=VALID.now
    ) == ftj.FineTuningJobWebhookEvent.from_json(BODY)
    assert refusal(VALID, headers=container(kind, pairs[:2] + pairs[3:])) == "missing header: webhook-timestamp"


def cased(draw: Any, name: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    return "".join(char.upper() if flip else char for char, flip in zip(name, flips))


@given(request=requests(), data=st.data())
def test_a_signed_request_is_accepted_in_any_container_in_any_case(request: Request, data: Any) -> None:
    pairs = [(cased(data.draw, name), value) for name, value in request.headers().items()]
    pairs += [("Content-Type", "application/json"), ("User-Agent", "OpenAI/1.0")]
    pairs = data.draw(st.permutations(pairs))
    headers = container(data.draw(st.sampled_from(CONTAINERS)), pairs)
    body = data.draw(st.sampled_from([request.body, bytearray(request.body), request.body.decode()]))
    now: Any = data.draw(st.sampled_from([request.now, request.now + 0.5]))
    ftj.verify_webhook(body, headers, request.secret, tolerance=request.tolerance, now=now)
    event = ftj.unwrap_webhook(body, headers, request.secret, tolerance=request.tolerance, now=now)
    assert event == ftj.FineTuningJobWebhookEvent.from_json(request.body)
    assert event.job_id == json.loads(request.body)["data"]["id"]


@given(request=requests(ids=st.text(st.characters(codec="utf-8"), max_size=20)))
def test_a_webhook_id_of_any_text_is_signed_as_its_utf8(request: Request) -> None:
    verify(request)


CHANGES = ["body byte", "webhook-id", "timestamp", "secret", "signature character", "header removed"]


def refusal_of_body(body: bytes) -> str:
    """The refusal a body changed after signing gets: not UTF-8, or no longer the signed bytes."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"body: not valid UTF-8 (byte {exc.start})"
    return NO_MATCH


def test_a_changed_body_is_refused_for_what_it_has_become() -> None:
    assert refusal_of_body(b'{"id": "evt_1"}') == NO_MATCH
    assert refusal_of_body(b'{"id": "\xa5vt_1"}') == "body: not valid UTF-8 (byte 8)"
    for body in (b'{"id": "evt_1"}', b'{"id": "\xa5vt_1"}'):
        request = signed(b'{"id": "evt_2"}')
        with pytest.raises(Refusal) as info:
            ftj.verify_webhook(body, request.headers(), request.secret, now=request.now)
        assert str(info.value) == refusal_of_body(body)


@given(request=requests(), change=st.sampled_from(CHANGES), data=st.data())
def test_any_one_change_is_refused(request: Request, change: str, data: Any) -> None:
    verify(request)
    headers, body, secret = request.headers(), request.body, request.secret
    expected = NO_MATCH
    if change == "body byte":
        index = data.draw(st.integers(0, len(body) - 1))
        body = body[:index] + bytes([body[index] ^ data.draw(st.integers(1, 255))]) + body[index + 1 :]
        expected = refusal_of_body(body)
    elif change == "webhook-id":
        headers["webhook-id"] = data.draw(webhook_ids.filter(lambda other: other != request.webhook_id))
    elif change == "timestamp":
        # Still decimal digits and inside the window: a leading zero, or a second or two off.
        sent, low, high = int(request.timestamp), request.now - request.tolerance, request.now + request.tolerance
        others = ["0" + request.timestamp] + [str(sent + d) for d in (-2, -1, 1, 2) if max(low, 0) <= sent + d <= high]
        headers["webhook-timestamp"] = data.draw(st.sampled_from(others))
    elif change == "secret":
        # Another secret, that is another key to HMAC (keys that differ in trailing zero bytes
        # only are one key to it).
        secret = data.draw(secrets.filter(lambda other: as_hmac_key(other[1]) != as_hmac_key(request.key)))[0]
    elif change == "signature character":
        right = request.right()
        index = data.draw(st.integers(3, len(right) - 1))
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
        other = data.draw(st.sampled_from(alphabet.replace(right[index], "")))
        headers["webhook-signature"] = request.signatures.replace(right, right[:index] + other + right[index + 1 :])
    else:
        name = data.draw(st.sampled_from(list(headers)))
        del headers[name]
        expected = f"missing header: {name}"
    assert refusal(request, body=body, headers=headers, secret=secret) == expected


@given(
    sent=st.integers(10**6, 2 * 10**9),
    tolerance=st.sampled_from([0, 1, 300]) | st.integers(0, 10**5),
    fraction=st.sampled_from([0.0, 0.25, 0.999]),
)
def test_the_timestamp_window_holds_at_its_exact_edges_both_ways(sent: int, tolerance: int, fraction: float) -> None:
    request = signed(BODY, timestamp=str(sent))._replace(tolerance=tolerance)
    # Now is counted in whole seconds, as OpenAI's SDK counts it (int(time.time())).
    for now in (sent - tolerance, sent, sent + tolerance, sent + tolerance + fraction):
        verify(request, now=now)
        verify(request, now=datetime.datetime.fromtimestamp(now, UTC))
    for now in (sent + tolerance + 1, sent + tolerance + 1 + fraction, sent + 10**12):
        assert (
            refusal(request, now=now) == f"header webhook-timestamp: too old, more than {tolerance} seconds before now"
        )
    late = datetime.datetime.fromtimestamp(sent + tolerance + 1, UTC).astimezone(
        datetime.timezone(datetime.timedelta(hours=-5))
    )
    assert refusal(request, now=late) == f"header webhook-timestamp: too old, more than {tolerance} seconds before now"
    for now in (sent - tolerance - 1, sent - tolerance - 1 + fraction, 0):
        assert (
            refusal(request, now=now) == f"header webhook-timestamp: too new, more than {tolerance} seconds after now"
        )


def test_the_default_window_is_300_seconds_and_now_is_the_clock_in_whole_seconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The clock is read through time.time at each call, so a test clock (or freezegun) stands in.
    clock = [1767229262 + 300.999]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    ftj.verify_webhook(VALID.body, VALID.headers(), VALID.secret)
    assert ftj.unwrap_webhook(VALID.body, VALID.headers(), VALID.secret).job_id == "ftjob-7Hq2LmZx9RtYb1Wz"
    clock[0] = 1767229262 + 301.0
    with pytest.raises(Refusal) as info:
        ftj.verify_webhook(VALID.body, VALID.headers(), VALID.secret)
    assert str(info.value) == TOO_OLD
    clock[0] = 1767229262 - 301.0
    with pytest.raises(Refusal) as info:
        ftj.verify_webhook(VALID.body, VALID.headers(), VALID.secret)
    assert str(info.value) == TOO_NEW


def test_any_v1_entry_may_hold_among_others_and_entries_of_other_versions_are_ignored() -> None:
    right, old = VALID.right(), signed(BODY, key=b"an older secret's key").right()
    for entries in (
        f"{old} {right}",
        f"{right} {old}",
        f"v1a,{base64.b64encode(bytes(64)).decode()} {right}",
        f"\t{right}\t",
        f"v2,{right[3:]}  {right}",
    ):
        verify(VALID, headers={**VALID.headers(), "webhook-signature": entries})
    # OpenAI's SDK also takes an entry without a version as a v1 signature; the contract does not.
    for entries in (right[3:], f"v1a,{right[3:]}", "V1," + right[3:], old, f"{old} v2,{right[3:]}"):
        expected = NO_MATCH if entries.startswith("v1,") else NO_V1
        assert refusal(VALID, headers={**VALID.headers(), "webhook-signature": entries}) == expected


def test_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: List[Tuple[Any, Any]] = []
    compare = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    right, old = VALID.right(), signed(BODY, key=b"an older secret's key").right()
    verify(VALID, headers={**VALID.headers(), "webhook-signature": f"{old} {right}"})
    assert compared == [(right[3:].encode(), old[3:].encode()), (right[3:].encode(), right[3:].encode())]
    compared.clear()
    with pytest.raises(Refusal, match="no v1 signature matches"):
        verify(VALID, headers={**VALID.headers(), "webhook-signature": f"{old} v1,é {old}"})
    assert compared == [(right[3:].encode(), old[3:].encode())] * 2  # "é" cannot be base64: not compared


def test_headers_from_a_real_http_request_in_every_container() -> None:
    raw = (
        f"Host: example.com\r\nContent-Type: application/json\r\nWebhook-Id: {VALID.webhook_id}\r\n"
        f"Webhook-Timestamp: {VALID.timestamp}\r\nWebhook-Signature: {VALID.signatures}\r\n\r\n"
    ).encode("latin-1")
    parsed = http.client.parse_headers(io.BytesIO(raw))
    lines = raw.decode("latin-1").split("\r\n")[:5]
    pairs = [(name, value) for name, value in (line.split(": ", 1) for line in lines)]
    for headers in (
        parsed,  # http.server hands this over as self.headers
        email.message_from_bytes(raw),
        pairs,
        [(name.lower().encode(), value.encode()) for name, value in pairs],  # ASGI
        {name.upper(): value for name, value in pairs},
        Headers(pairs),
    ):
        verify(VALID, headers=headers)
        assert ftj.unwrap_webhook(VALID.body, headers, VALID.secret, now=VALID.now).type == "fine_tuning.job.succeeded"


def test_header_bytes_read_as_http_client_reads_them_in_every_container() -> None:
    # http.client (and so http.server) and WSGI decode header bytes as Latin-1; ASGI hands the
    # bytes over: each reads b"\xe9" as "é", signed as the SDK signs the text it is given (UTF-8).
    webhook_id = b"wh_\xe9t\xe9"
    text_id = webhook_id.decode("latin-1")
    request = VALID._replace(webhook_id=text_id, signatures=signature(VALID.key, text_id, VALID.timestamp, BODY))
    raw = b"Webhook-Id: " + webhook_id + f"\r\nWebhook-Timestamp: {request.timestamp}\r\n".encode()
    raw += f"Webhook-Signature: {request.signatures}\r\n\r\n".encode()
    asgi = [(b"webhook-id", webhook_id), (b"webhook-timestamp", request.timestamp.encode())]
    asgi.append((b"webhook-signature", request.signatures.encode()))
    for headers in (http.client.parse_headers(io.BytesIO(raw)), asgi, request.headers()):
        verify(request, headers=headers)


def test_a_header_given_twice_must_say_the_same_both_times() -> None:
    pairs = list(VALID.headers().items())
    verify(VALID, headers=[*pairs, ("WEBHOOK-ID", VALID.webhook_id)])
    for name, other in (
        ("webhook-id", "wh_other"),
        ("webhook-timestamp", "1767229263"),
        ("webhook-signature", "v1,AAAA"),
    ):
        expected = f"header {name}: given more than once, with different values"
        assert refusal(VALID, headers=[*pairs, (name.title(), other)]) == expected
        assert refusal(VALID, headers={**dict(pairs), name.upper(): other}) == expected


def test_a_huge_body_is_verified_and_read() -> None:
    payload = {**webhook_event(), "x_padding": "é" * 4_000_000}
    request = signed(json.dumps(payload, ensure_ascii=False).encode())
    verify(request)
    event = ftj.unwrap_webhook(request.body, request.headers(), request.secret, now=request.now)
    assert len(event.extra["x_padding"]) == 4_000_000
    assert refusal(request, body=request.body[:-1] + b" ") == NO_MATCH


# ---------------------------------------------------------------------------
# Every refusal, with its whole message
# ---------------------------------------------------------------------------


class Failing(dict):  # type: ignore[type-arg]
    def items(self) -> Any:
        raise RuntimeError("the framework failed")


def headers_with(**values: Any) -> Dict[str, Any]:
    out: Dict[str, Any] = VALID.headers()
    for name, value in values.items():
        key = name.replace("_", "-")
        if value is None:
            del out[key]
        else:
            out[key] = value
    return out


NAIVE = datetime.datetime(2026, 1, 1, 1, 1, 2)


class Broken(datetime.tzinfo):
    def utcoffset(self, dt: Optional[datetime.datetime]) -> datetime.timedelta:
        raise RuntimeError("no offset")


class NoOffset(datetime.tzinfo):
    def utcoffset(self, dt: Optional[datetime.datetime]) -> None:
        return None


# (what is changed, the changes, the whole message)
REFUSALS: List[Tuple[str, Dict[str, Any], str]] = [
    ("body None", {"body": None}, "body: expected bytes or str, got NoneType"),
    ("body dict", {"body": {"id": "evt"}}, "body: expected bytes or str, got dict"),
    ("body memoryview", {"body": memoryview(BODY)}, "body: expected bytes or str, got memoryview"),
    ("secret bytes", {"secret": VALID.secret.encode()}, "secret: expected a string, got bytes"),
    ("secret None", {"secret": None}, "secret: expected a string, got NoneType"),
    ("secret empty", {"secret": ""}, "secret: empty"),
    ("secret surrogate", {"secret": "key\ud800"}, "secret: not valid Unicode text"),
    ("whsec_ alone", {"secret": "whsec_"}, 'secret: no key after "whsec_"'),
    ("whsec_ padding", {"secret": "whsec_abc"}, 'secret: expected base64 after "whsec_"'),
    ("whsec_ newline", {"secret": VALID.secret + "\n"}, 'secret: expected base64 after "whsec_"'),
    ("whsec_ space", {"secret": "whsec_ " + VALID.secret[6:]}, 'secret: expected base64 after "whsec_"'),
    ("whsec_ urlsafe", {"secret": "whsec_-_-_"}, 'secret: expected base64 after "whsec_"'),
    ("whsec_ non-ascii", {"secret": "whsec_éé=="}, 'secret: expected base64 after "whsec_"'),
    ("tolerance negative", {"tolerance": -1}, "tolerance: expected a number of seconds >= 0, got -1"),
    ("tolerance bool", {"tolerance": True}, "tolerance: expected a number of seconds >= 0, got true"),
    ("tolerance NaN", {"tolerance": float("nan")}, "tolerance: expected a number of seconds >= 0, got NaN"),
    ("tolerance infinite", {"tolerance": float("inf")}, "tolerance: expected a number of seconds >= 0, got Infinity"),
    ("tolerance text", {"tolerance": "300"}, 'tolerance: expected a number of seconds >= 0, got "300"'),
    ("now text", {"now": "now"}, 'now: expected Unix seconds or an aware datetime, got "now"'),
    ("now bool", {"now": False}, "now: expected Unix seconds or an aware datetime, got false"),
    ("now NaN", {"now": float("nan")}, "now: expected Unix seconds or an aware datetime, got NaN"),
    ("now date", {"now": datetime.date(2026, 1, 1)}, "now: expected Unix seconds or an aware datetime, got <date>"),
    ("now naive", {"now": NAIVE}, "now: expected Unix seconds or an aware datetime, got a naive datetime"),
    (
        "now without offset",
        {"now": NAIVE.replace(tzinfo=NoOffset())},  # type: ignore[abstract]
        "now: expected Unix seconds or an aware datetime, got a naive datetime",
    ),
    (
        "now broken zone",
        {"now": NAIVE.replace(tzinfo=Broken())},  # type: ignore[abstract]  # dst and tzname are not needed
        "now: expected Unix seconds or an aware datetime, got a naive datetime",
    ),
    ("headers None", {"headers": None}, "headers: expected a mapping or a list of (name, value) pairs, got NoneType"),
    (
        "headers text",
        {"headers": "webhook-id: x"},
        "headers: expected a mapping or a list of (name, value) pairs, got str",
    ),
    (
        "headers item",
        {"headers": [("webhook-id", "x", "y")]},
        'headers[0]: expected a (name, value) pair, got ["webhook-id", "x", "y"]',
    ),
    (
        "headers junk",
        {"headers": [*VALID.headers().items(), None]},
        "headers[3]: expected a (name, value) pair, got null",
    ),
    ("headers failing", {"headers": Failing()}, "headers: could not be read (RuntimeError)"),
    ("no headers", {"headers": {}}, "missing headers: webhook-id, webhook-timestamp, webhook-signature"),
    ("no id", {"headers": headers_with(webhook_id=None)}, "missing header: webhook-id"),
    ("no timestamp", {"headers": headers_with(webhook_timestamp=None)}, "missing header: webhook-timestamp"),
    ("no signature", {"headers": headers_with(webhook_signature=None)}, "missing header: webhook-signature"),
    (
        "another name",
        {"headers": {"svix-id": "x", "svix-timestamp": "1", "webhook-signature": "v1,x"}},
        "missing headers: webhook-id, webhook-timestamp",
    ),
    # A name that is not ASCII is no HTTP header name, whatever it lower-cases to (a Kelvin sign).
    (
        "kelvin sign",
        {"headers": {**headers_with(webhook_id=None), "webhoo\u212a-id": VALID.webhook_id}},
        "missing header: webhook-id",
    ),
    ("id int", {"headers": headers_with(webhook_id=5)}, "header webhook-id: expected a string, got int"),
    ("id list", {"headers": headers_with(webhook_id=["a", "b"])}, "header webhook-id: expected a string, got list"),
    ("id surrogate", {"headers": headers_with(webhook_id="wh_\udc80")}, "header webhook-id: not valid Unicode text"),
    (
        "timestamp empty",
        {"headers": headers_with(webhook_timestamp="")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got ""',
    ),
    (
        "timestamp float",
        {"headers": headers_with(webhook_timestamp="1767229262.0")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got "1767229262.0"',
    ),
    # Python's int() takes these, and so does OpenAI's SDK; they are not decimal digits.
    (
        "timestamp space",
        {"headers": headers_with(webhook_timestamp=" 1767229262")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got " 1767229262"',
    ),
    (
        "timestamp plus",
        {"headers": headers_with(webhook_timestamp="+1767229262")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got "+1767229262"',
    ),
    (
        "timestamp underscore",
        {"headers": headers_with(webhook_timestamp="1_767_229_262")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got "1_767_229_262"',
    ),
    (
        "timestamp arabic digits",
        {"headers": headers_with(webhook_timestamp="١٧٦٧٢٢٩٢٦٢")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got "١٧٦٧٢٢٩٢٦٢"',
    ),
    (
        "timestamp negative",
        {"headers": headers_with(webhook_timestamp="-5")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got "-5"',
    ),
    (
        "timestamp ISO",
        {"headers": headers_with(webhook_timestamp="2026-01-01T01:01:02Z")},
        'header webhook-timestamp: expected Unix seconds (decimal digits), got "2026-01-01T01:01:02Z"',
    ),
    ("too old", {"now": VALID.now + 301}, TOO_OLD),
    ("too new", {"now": VALID.now - 301}, TOO_NEW),
    (
        "too old for its tolerance",
        {"now": VALID.now + 2, "tolerance": 1.5},
        "header webhook-timestamp: too old, more than 1.5 seconds before now",
    ),
    (
        "milliseconds",
        {"headers": headers_with(webhook_timestamp="1767229262000")},
        TOO_NEW + " (milliseconds? timestamps are in seconds)",
    ),
    ("5000 digits", {"headers": headers_with(webhook_timestamp="9" * 5000)}, TOO_NEW),
    ("padded to 20 digits", {"headers": headers_with(webhook_timestamp=VALID.timestamp.zfill(20))}, NO_MATCH),
    ("padded to 21 digits", {"headers": headers_with(webhook_timestamp=VALID.timestamp.zfill(21))}, TOO_NEW),
    ("5000 zeros", {"headers": headers_with(webhook_timestamp="0" * 5000 + VALID.timestamp)}, TOO_NEW),
    ("signature empty", {"headers": headers_with(webhook_signature="")}, NO_V1),
    ("signature blank", {"headers": headers_with(webhook_signature=" \t ")}, NO_V1),
    ("signature other versions", {"headers": headers_with(webhook_signature="v1a,AAAA v2,AAAA")}, NO_V1),
    ("signature no version", {"headers": headers_with(webhook_signature=VALID.right()[3:])}, NO_V1),
    ("signature upper case", {"headers": headers_with(webhook_signature="V1," + VALID.right()[3:])}, NO_V1),
    ("signature wrong", {"headers": headers_with(webhook_signature="v1,AAAA")}, NO_MATCH),
    ("signature not ASCII", {"headers": headers_with(webhook_signature="v1,é")}, NO_MATCH),
    (
        "signature hex",
        {"headers": headers_with(webhook_signature="v1," + hmac.new(VALID.key, b"x", "sha256").hexdigest())},
        NO_MATCH,
    ),
    ("signature unpadded", {"headers": headers_with(webhook_signature=VALID.right().rstrip("="))}, NO_MATCH),
    ("wrong secret", {"secret": whsec(b"another key")}, NO_MATCH),
    ("the key as text", {"secret": VALID.secret[len("whsec_") :]}, NO_MATCH),
    ("body not UTF-8", {"body": BODY[:10] + b"\xff" + BODY[11:]}, "body: not valid UTF-8 (byte 10)"),
    ("body latin-1", {"body": "é".encode("latin-1")}, "body: not valid UTF-8 (byte 0)"),
    ("body surrogate", {"body": BODY.decode()[:5] + "\ud800"}, "body: not valid Unicode text (character 5)"),
    ("body re-serialised", {"body": json.dumps(json.loads(BODY), indent=1).encode()}, NO_MATCH),
]


@pytest.mark.parametrize(("changes", "message"), [(c, m) for _, c, m in REFUSALS], ids=[n for n, _, _ in REFUSALS])
def test_each_refusal_says_which_rule_failed(changes: Dict[str, Any], message: str) -> None:
    assert refusal(VALID, **changes) == message


def test_a_refusal_is_a_value_error_that_pickles() -> None:
    import pickle  # noqa: PLC0415

    with pytest.raises(ValueError, match="missing header") as info:
        verify(VALID, headers={})
    assert isinstance(info.value, ftj.WebhookVerificationError)
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)


# ---------------------------------------------------------------------------
# Hostile input: nothing but a WebhookVerificationError (and, from unwrap_webhook, a
# ValidationError for a verified body that is not a fine-tuning event) ever comes out.
# ---------------------------------------------------------------------------

any_text = st.text(st.characters(codec="utf-8"), max_size=20) | st.sampled_from(["\ud800", "é", "", " "])
odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    any_text,
    st.binary(max_size=20),
    st.lists(any_text, max_size=3),
    st.sampled_from([object(), memoryview(b"x"), bytearray(b"x"), (), {}, NAIVE, 10**400, -(2**64)]),
)
header_values = st.one_of(
    odd_values,
    st.sampled_from(["v1,", "v1,===", " 1767229262", "١٧٦٧٢٢٩٢٦٢", "9" * 5000, "0" * 5000 + "1", "v1,\ud800"]),
    st.just(VALID.timestamp),
    st.just(VALID.signatures),
)
header_names = st.sampled_from(
    ["webhook-id", "Webhook-Timestamp", "WEBHOOK-SIGNATURE", b"webhook-id", "webhoo\u212a-id"]
)
hostile_headers = st.one_of(
    odd_values,
    st.dictionaries(
        header_names | any_text | odd_values.filter(lambda v: v.__hash__ is not None), header_values, max_size=4
    ),
    st.lists(st.tuples(header_names | odd_values, header_values) | odd_values, max_size=4),
    st.builds(Failing),
)


def outcome(function: Callable[..., Any], body: Any, headers: Any, secret: Any, **options: Any) -> Any:
    try:
        return function(body, headers, secret, **options)
    except Refusal as exc:
        message = str(exc)
        assert message and "\n" not in message
        return exc


@given(
    body=odd_values | st.just(BODY),
    headers=hostile_headers,
    secret=odd_values | st.just(VALID.secret),
    tolerance=odd_values | st.just(300),
    now=odd_values | st.just(VALID.now),
)
def test_hostile_arguments_raise_nothing_but_a_refusal(
    body: Any, headers: Any, secret: Any, tolerance: Any, now: Any
) -> None:
    for function in (ftj.verify_webhook, ftj.unwrap_webhook):
        outcome(function, body, headers, secret, tolerance=tolerance, now=now)


@given(data=st.data(), name=st.sampled_from(["webhook-id", "webhook-timestamp", "webhook-signature"]))
def test_one_hostile_header_in_a_valid_request_is_refused_and_nothing_else(data: Any, name: str) -> None:
    original = VALID.headers()
    headers: Dict[Any, Any] = dict(original)
    replace = data.draw(st.booleans())
    if replace:
        headers[name] = data.draw(header_values)
    else:
        headers[data.draw(header_names | any_text)] = data.draw(header_values)
    for function in (ftj.verify_webhook, ftj.unwrap_webhook):
        result = outcome(function, VALID.body, headers, VALID.secret, now=VALID.now)
        # Accepted only with the value that was signed.
        assert isinstance(result, Exception) or not replace or headers[name] == original[name]


@given(
    body=st.binary(max_size=200)
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.builds(
        lambda payload, noise: json.dumps({**payload, **noise}).encode(),
        payloads(ftj.FineTuningJobWebhookEvent),
        st.dictionaries(st.sampled_from(["type", "data", "id", "created_at", "object"]), json_values, max_size=2),
    )
)
@example(body=b'{"type": "batch.completed", "id": "evt_1", "created_at": 1, "data": {"id": "batch_1"}}')
@example(body=b"[" * 100_000 + b"]" * 100_000)
@example(body=b'{"id": "evt_1", "created_at": 1, "type": "fine_tuning.job.succeeded", "data": {"id": 1e400}}')
def test_a_validly_signed_body_of_anything_gives_an_event_or_a_validation_error(body: bytes) -> None:
    request = signed(body)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = f"body: not valid UTF-8 (byte {exc.start})"
        assert refusal(request) == text
        return
    verify(request)
    event: Any
    try:
        event = ftj.unwrap_webhook(body, request.headers(), request.secret, now=request.now)
    except ftj.ValidationError as exc:
        event = exc
    if isinstance(event, ftj.ValidationError):
        assert event.title == "FineTuningJobWebhookEvent"
    else:
        assert event == ftj.FineTuningJobWebhookEvent.from_json(text)


# ---------------------------------------------------------------------------
# What verification imports
# ---------------------------------------------------------------------------


def test_importing_the_module_leaves_hmac_hashlib_and_base64_out_until_a_webhook_is_verified() -> None:
    request = VALID
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import finetuning_job\n"
        "crypto = {'hmac', 'hashlib', 'base64'}\n"
        "print(sorted(crypto & (set(sys.modules) - before)))\n"
        f"finetuning_job.verify_webhook({request.body!r}, {request.headers()!r}, {request.secret!r}, now={request.now})\n"
        "print(sorted(crypto & set(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines() == ["[]", "['base64', 'hashlib', 'hmac']"]


def test_a_generator_of_pairs_is_not_a_container_of_headers() -> None:
    # Read once, a generator would be gone for the one who reads the headers next.
    message = "headers: expected a mapping or a list of (name, value) pairs, got generator"
    assert refusal(VALID, headers=(pair for pair in VALID.headers().items())) == message


# --- The constructor checks by the tolerant reader's rules and wants instances for nested objects.


def test_the_constructor_checks_its_arguments() -> None:
    data = ftj.FineTuningJobWebhookEventData("ftjob-1")
    event = ftj.FineTuningJobWebhookEvent("evt_1", 1767229261, "fine_tuning.job.failed", data)
    assert event.object == "event" and event.job_id == "ftjob-1"
    assert event.to_dict() == {
        "id": "evt_1",
        "created_at": 1767229261,
        "type": "fine_tuning.job.failed",
        "data": {"id": "ftjob-1"},
        "object": "event",
    }
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningJobWebhookEvent("evt_1", -1, "batch.completed", {"id": "ftjob-1"})  # type: ignore[arg-type]
    assert [str(e) for e in info.value.errors] == [
        '$.data: expected a FineTuningJobWebhookEventData, got {"id": "ftjob-1"} (dict)',
    ]
    with pytest.raises(ftj.ValidationError) as info:
        dataclasses.replace(event, created_at=-1, type="batch.completed")
    assert [str(e) for e in info.value.errors] == [
        "$.created_at: expected an integer in 0..253402300799, got -1",
        '$.type: expected a fine-tuning event (a type that starts with "fine_tuning.job."), got "batch.completed"',
    ]
    page = ftj.FineTuningCheckpointPermissionList((ftj.FineTuningCheckpointPermission("cp_1", 1, "proj_1"),))
    assert page.data == (ftj.FineTuningCheckpointPermission("cp_1", 1, "proj_1"),)
    assert page.to_dict() == {
        "object": "list",
        "data": [{"id": "cp_1", "created_at": 1, "object": "checkpoint.permission", "project_id": "proj_1"}],
    }
    deleted = ftj.FineTuningCheckpointPermissionDeleted("cp_1", True)
    assert deleted.to_dict() == {"id": "cp_1", "object": "checkpoint.permission", "deleted": True}
    with pytest.raises(ftj.ValidationError) as info:
        ftj.FineTuningCheckpointPermissionDeleted("cp_1", 1)  # type: ignore[arg-type]
    assert [str(e) for e in info.value.errors] == ["$.deleted: expected a boolean, got 1 (int)"]
    assert info.value.title == "FineTuningCheckpointPermissionDeleted"
