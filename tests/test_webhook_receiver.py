"""The README's webhook receiver, run as it stands there: its block is taken from README.md,
started on a local port (port 0, in a thread) and sent real signed requests: accepted,
tampered, replayed, retried, too old, another product's event, a handler that fails. Then the
same block run as a program, as the README says to run it."""

import http.client
import http.server
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from tests import ftj
from tests.fixtures import webhook_event
from tests.strategies import signature, whsec

ROOT = Path(__file__).resolve().parent.parent
KEY = b"the receiver test's key (32 B)!!"
SECRET = whsec(KEY)


def receiver_code() -> str:
    """The README's receiver: the one python block that defines the request handler."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [m.group(1) for m in re.finditer(r"```python\n(.*?)```", readme, re.DOTALL)]
    found = [block for block in blocks if "class Receiver(http.server.BaseHTTPRequestHandler)" in block]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Tuple[Any, int, List[Any]]]:
    """The README's receiver as a module, serving on a free local port; what it handled."""
    path = tmp_path / "receiver.py"
    path.write_text(receiver_code(), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("readme_receiver", path)
    assert spec is not None and spec.loader is not None
    module: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    handled: List[Any] = []
    module.on_job_event = handled.append  # called by its global name
    module.Receiver.secret = SECRET
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), module.Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield module, server.server_address[1], handled
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def post(port: int, body: bytes, headers: Dict[str, str]) -> Tuple[int, bytes, Dict[str, str]]:
    """Post a request; return the status, the body and the headers of the answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/webhooks/openai", body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def signed(body: bytes, webhook_id: str, timestamp: int, key: bytes = KEY) -> Dict[str, str]:
    """The headers of a request OpenAI signed with the key at the given time."""
    return {
        "Content-Type": "application/json",
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(key, webhook_id, str(timestamp), body),
    }


def event_body(kind: str, job_id: str) -> bytes:
    return json.dumps(webhook_event(kind, job_id), separators=(",", ":")).encode()


def test_the_receiver_handles_each_event_once_and_refuses_the_rest(
    receiver: Tuple[Any, int, List[Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    _, port, handled = receiver
    now = int(time.time())
    body = event_body("succeeded", "ftjob-abc123")
    headers = signed(body, "wh_1", now)
    status, answer, sent_back = post(port, body, headers)
    assert (status, answer) == (200, b"")
    assert handled == [ftj.FineTuningJobWebhookEvent.from_json(body)]
    # Tampered: one word of the body changed, or signed with another secret. Answered 400, and
    # nothing of the reason goes back: an empty body, no header that says more.
    for changed, changed_headers in (
        (body.replace(b"succeeded", b"cancelled"), headers),
        (body, signed(body, "wh_2", now, key=b"someone else's key")),
        (body, {**headers, "webhook-signature": "v1,AAAA"}),
    ):
        status, answer, refused = post(port, changed, changed_headers)
        assert (status, answer, refused["Content-Length"]) == (400, b"", "0")
        assert set(refused) == set(sent_back)
    # Replayed: the very same request again, inside the window; then OpenAI retrying the same
    # event with a new timestamp. Acknowledged, not handled again.
    assert post(port, body, headers)[:2] == (200, b"")
    assert post(port, body, signed(body, "wh_1", now + 1))[:2] == (200, b"")
    # Too old (captured and replayed after the window), and too new.
    assert post(port, body, signed(body, "wh_3", now - 400))[:2] == (400, b"")
    assert post(port, body, signed(body, "wh_4", now + 400))[:2] == (400, b"")
    # Signed by OpenAI but not a fine-tuning event: acknowledged, not handled.
    batch = json.dumps({**webhook_event(), "type": "batch.completed", "data": {"id": "batch_1"}}).encode()
    assert post(port, batch, signed(batch, "wh_5", now))[:2] == (200, b"")
    # Another event is handled, once.
    failed = event_body("failed", "ftjob-def456")
    assert post(port, failed, signed(failed, "wh_6", now))[:2] == (200, b"")
    assert [(event.type, event.job_id) for event in handled] == [
        ("fine_tuning.job.succeeded", "ftjob-abc123"),
        ("fine_tuning.job.failed", "ftjob-def456"),
    ]
    log = capsys.readouterr().err  # the reasons are in the receiver's log
    assert log.count("refused: header webhook-signature: no v1 signature matches") == 3
    assert "refused: header webhook-timestamp: too old, more than 300 seconds before now" in log
    assert "refused: header webhook-timestamp: too new, more than 300 seconds after now" in log
    assert (
        'ignored: $.type: expected a fine-tuning event (a type that starts with "fine_tuning.job."), got "batch.completed"'
        in log
    )


def test_a_body_without_a_length_or_too_long_is_refused_unread(receiver: Tuple[Any, int, List[Any]]) -> None:
    _, port, handled = receiver
    body = event_body("succeeded", "ftjob-abc123")
    headers = signed(body, "wh_1", int(time.time()))
    assert post(port, b"", {**headers, "Content-Length": str(64 * 1024 + 1)})[:2] == (400, b"")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        # A chunked body has no Content-Length: refused before a byte of it is sent.
        lines = [f"{name}: {value}" for name, value in headers.items()]
        head = "\r\n".join(["POST / HTTP/1.1", "Host: localhost", "Transfer-Encoding: chunked", *lines, "", ""])
        connection.sendall(head.encode())
        assert connection.makefile("rb").readline().split()[1] == b"400"
    assert handled == []


def test_a_handler_that_fails_answers_500_and_the_next_attempt_is_handled(
    receiver: Tuple[Any, int, List[Any]],
) -> None:
    module, port, handled = receiver
    attempts: List[str] = []

    def flaky(event: Any) -> None:
        attempts.append(event.job_id)
        if len(attempts) == 1:
            raise RuntimeError("the database is down")
        handled.append(event)

    module.on_job_event = flaky
    body = event_body("cancelled", "ftjob-abc123")
    now = int(time.time())
    assert post(port, body, signed(body, "wh_1", now))[:2] == (500, b"")
    assert post(port, body, signed(body, "wh_1", now + 5))[:2] == (200, b"")  # OpenAI's retry
    assert post(port, body, signed(body, "wh_1", now + 6))[:2] == (200, b"")
    assert attempts == ["ftjob-abc123", "ftjob-abc123"] and len(handled) == 1


def test_the_receiver_forgets_an_id_once_a_copy_would_be_too_old(receiver: Tuple[Any, int, List[Any]]) -> None:
    module, port, handled = receiver
    body = event_body("succeeded", "ftjob-abc123")
    now = int(time.time())
    assert post(port, body, signed(body, "wh_old", now - 250))[:2] == (200, b"")
    module.Receiver.seen["wh_gone"] = now - 1  # its copies are refused by now
    assert post(port, body, signed(body, "wh_new", now))[:2] == (200, b"")
    # Each id is kept until the first second at which a copy of its request would be too old.
    assert module.Receiver.seen == {"wh_old": now - 250 + 301, "wh_new": now + 301}
    assert len(handled) == 2


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    except OSError:
        return False
    return True


def test_the_receiver_runs_as_a_program(tmp_path: Path) -> None:
    path = tmp_path / "receiver.py"
    path.write_text(receiver_code(), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert not listening(port)
    environment = {**os.environ, "OPENAI_WEBHOOK_SECRET": SECRET, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(path), str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    try:
        started = time.monotonic()
        while not listening(port):  # it has only to start: no time is asserted but a generous bound
            assert time.monotonic() - started < 60 and process.poll() is None
            time.sleep(0.05)
        body = event_body("succeeded", "ftjob-abc123")
        assert post(port, body, signed(body, "wh_1", int(time.time())))[:2] == (200, b"")
        assert post(port, body + b" ", signed(body, "wh_2", int(time.time())))[:2] == (400, b"")
    finally:
        process.terminate()
        out, err = process.communicate(timeout=30)
    assert out == "fine_tuning.job.succeeded ftjob-abc123\n"
    assert '"POST /webhooks/openai HTTP/1.1" 200' in err and "refused: header webhook-signature" in err
