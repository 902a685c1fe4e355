"""Conformance over the public payloads in ../shared/corpus (skipped when that folder is absent)."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests import ftj
from tests.fixtures import read
from tests.strategies import canon, same_json

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FILES = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []
# SDK fixtures whose job says "object": "ft-object": the reader must refuse them.
REJECTED = {
    "24_fixture_sttpopenai_running_error_populated.json": "$.object",
    "25_fixture_sttpopenai_list_hasMore_camelcase.json": "$.data[0].object",
}
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not there")


def read_either(payload: Any) -> Any:
    kind = "page" if payload.get("object") == "list" else "job"
    return read(payload, kind), kind


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
