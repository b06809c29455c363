"""Large JSON reports are written piece by piece, byte for byte as ``json.dumps`` writes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

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


SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    | st.dates() | st.builds(Path, st.text(alphabet="abc/", min_size=1))  # through default=str
)  # fmt: skip
KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(VALUES)
@example([float("-inf"), float("inf"), float("nan"), -0.0, 1e300, 2**70, True, 1])
@example({"a": {"b": [{}, [], ""]}, "é\n\"": "\u2028\x00"})
@example({1: "number key", None: "null key"})
def test_any_element_encodes_as_json_dumps(value: Any) -> None:
    # each element of a streamed list goes through the direct encoder; keys json.dumps
    # converts (numbers, booleans, None) take json.dumps itself
    assert "".join(json_chunks(Streamed([value]))) == _dumps([value])
    assert "".join(json_chunks({"deep": Streamed([value])})) == _dumps({"deep": [value]})
