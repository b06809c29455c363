"""Large JSON reports are written piece by piece, byte for byte as ``json.dumps`` writes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.streaming import Streamed, json_chunks, write_json


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def _stream_lists(value: Any) -> Any:
    """The same document with every list below dictionaries streamed from a generator (the
    elements of a streamed list are encoded whole)."""
    if isinstance(value, dict):
        return {key: _stream_lists(item) for key, item in value.items()}
    if isinstance(value, list):
        return Streamed(item for item in value)
    return value


def test_lists_of_dictionaries_with_streams_inside() -> None:
    document = {"runs": [{"tool": {"name": "x"}, "results": Streamed(iter([{"a": [1]}, {"b": {}}]))}, 7]}
    expected = {"runs": [{"tool": {"name": "x"}, "results": [{"a": [1]}, {"b": {}}]}, 7]}
    assert "".join(json_chunks(document)) == _dumps(expected)


DOCUMENTS = [
    {"claims": [], "sources": [{"file": "a.txt"}]},
    {"claims": [{"id": "x", "value": ["Lua", "C++"], "note": None, "qualifiers": {}}], "empty": {}},
    {"runs": [{"tool": {"driver": {"rules": []}}, "results": [{"text": "Café \"quoted\"\nline", "n": 1.5}]}]},
    {"deep": [[1, [2, []], {"a": [3]}], True, None]},
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_streamed_json_equals_json_dumps(document: dict[str, Any]) -> None:
    assert "".join(json_chunks(_stream_lists(document))) == _dumps(document)
    assert "".join(json_chunks(document)) == _dumps(document)


def test_write_json_streams_a_generator_once(tmp_path: Path) -> None:
    produced: list[int] = []

    def rows() -> Any:
        for number in range(3):
            produced.append(number)
            yield {"n": number}

    path = tmp_path / "out.json"
    write_json(path, {"head": 1, "rows": Streamed(rows())})
    assert path.read_text(encoding="utf-8") == _dumps({"head": 1, "rows": [{"n": 0}, {"n": 1}, {"n": 2}]}) + "\n"
    assert produced == [0, 1, 2] and not list(tmp_path.glob(".*partial"))
