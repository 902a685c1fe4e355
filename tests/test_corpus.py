"""Conformance over the public payloads in tests/corpus (its README says where each came from)."""

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from tests import ftj
from tests.fixtures import read
from tests.strategies import canon, same_json

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = sorted(CORPUS.glob("*.json"))
# SDK fixtures whose job says "object": "ft-object": the reader must refuse them.
REJECTED = {
    "24_fixture_sttpopenai_running_error_populated.json": "$.object",
    "25_fixture_sttpopenai_list_hasMore_camelcase.json": "$.data[0].object",
}


def read_either(payload: Any) -> Any:
    kind = "page" if payload.get("object") == "list" else "job"
    return read(payload, kind), kind


EVENTS = CORPUS / "events"
EVENT_FILES = sorted(EVENTS.glob("*.json"))
# (kind, the paths the tolerant reader rejects, the paths the strict one rejects), from the
# corpus README: the newest schema refuses `data: null`, which the tolerant reader reads as
# not given; the 2023 legacy event (object "event", no id) is no event of today's.
EXPECTED: Dict[str, Tuple[str, List[str], List[str]]] = {
    "01_spec_2023-08-31_event_object_legacy.json": ("event", ["$.id", "$.object"], ["$.id", "$.object"]),
    "02_spec_2023-09-01_event_object_with_id.json": ("event", [], []),
    "03_spec_head_event_object_data_empty.json": ("event", [], []),
    "04_spec_2023-08-31_events_page.json": ("event page", [], ["$.data[0].data", "$.data[1].data"]),
    "05_spec_2023-08-31_events_page_warn.json": ("event page", [], ["$.data[0].data"]),
    "06_spec_head_events_page.json": ("event page", [], ["$.data[0].data", "$.data[1].data"]),
    "08_php_fixture_metrics_event.json": ("event", [], []),
    "09_php_fixture_events_page_mixed.json": ("event page", [], ["$.data[0].data"]),
    "12_sttp_fixture_events_page_error_level.json": ("event page", [], ["$.data[0].data"]),
    "16_spec_head_checkpoint_object.json": ("checkpoint", [], []),
    "17_spec_2024-04-09_checkpoints_page.json": ("checkpoint page", [], []),
    "18_spec_head_checkpoints_page.json": ("checkpoint page", [], []),
    "21_sttp_fixture_checkpoints_page_float_step.json": ("checkpoint page", [], []),
}


@pytest.mark.parametrize("path", EVENT_FILES, ids=[p.name for p in EVENT_FILES])
@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
def test_events_corpus_file(path: Path, strict: bool) -> None:
    kind, tolerant, strict_rejects = EXPECTED[path.name]
    payload = json.loads(path.read_text(encoding="utf-8"))
    rejected = strict_rejects if strict else tolerant
    if rejected:
        with pytest.raises(ftj.ValidationError) as info:
            read(payload, kind, strict)
        assert [e.location for e in info.value.errors] == rejected
        return
    value = read(payload, kind, strict)
    assert same_json(value.to_dict(), canon(kind, payload))
    assert type(value).from_json(path.read_bytes(), strict=strict) == value


def test_events_corpus_counts() -> None:
    assert sorted(p.name for p in EVENT_FILES) == sorted(EXPECTED)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file(path: Path) -> None:
    payload = json.loads(path.read_text(encoding="utf-8"))
    if path.name in REJECTED:
        with pytest.raises(ftj.ValidationError) as info:
            read_either(payload)
        assert [e.location for e in info.value.errors] == [REJECTED[path.name]]
        assert info.value.errors[0].message == 'expected "fine_tuning.job", got "ft-object"'
        return
    value, kind = read_either(payload)
    assert same_json(value.to_dict(), canon(kind, payload))
    assert type(value).from_json(path.read_bytes()) == value


def test_corpus_counts() -> None:
    accepted = [p for p in FILES if p.name not in REJECTED]
    assert (len(FILES), len(accepted)) == (29, 27)
