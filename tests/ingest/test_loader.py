"""Loading sources: offsets, metadata, HTML structure, index validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ErrorGroup
from pipeline.ingest.html import html_to_text
from pipeline.ingest.loader import load_sources, with_text
from tests.conftest import SOURCES


def test_text_sources_are_loaded_unchanged() -> None:
    sources = load_sources(SOURCES)
    assert len(sources) == 5
    for source in sources:
        assert source.text == (SOURCES / source.file).read_text(encoding="utf-8")


def test_index_metadata_is_attached() -> None:
    by_file = {s.file: s for s in load_sources(SOURCES)}
    assert by_file["001_f9702b13d6954d67.txt"].published == "2017"
    assert by_file["003_b2ac4b3b5ae0c572.txt"].publisher == "Simplilearn"


def test_html_keeps_headings_list_items_and_table_rows_as_lines() -> None:
    html = (
        "<html><head><script>var x = 1;</script></head><body><h1>Big title</h1>"
        "<p>First   paragraph\nwrapped.</p><ul><li>one</li><li>two</li></ul>"
        "<table><tr><th>Name</th><th>Speed</th></tr><tr><td>JAX</td><td>fast</td></tr></table></body></html>"
    )
    lines = [line for line in html_to_text(html).splitlines() if line]
    assert lines == ["Big title", "First paragraph wrapped.", "  • one", "  • two", "Name | Speed", "JAX | fast"]


def test_html_source_offsets_point_into_converted_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<h2>What is JAX?</h2><p>JAX is written in Python.</p>", encoding="utf-8")
    (source,) = load_sources(tmp_path)
    start = source.text.index("JAX is written")
    assert source.text[start : start + 25] == "JAX is written in Python."
    assert source.title == "What is JAX?"


@pytest.mark.parametrize(
    ("index_text", "expected"),
    [
        ("sources:\n  - file: missing.txt\n", "E201 " ),
        ("sources:\n  - file: a.txt\n    published: last year\n", "not a date"),
        ("sources:\n  - file: a.txt\n    author: me\n", "field 'sources[0].author'"),
        ("sources:\n  - title: no file\n", "E106"),
        ("sources: [\n", "E101"),
    ],
)
def test_bad_index_gives_located_error(tmp_path: Path, index_text: str, expected: str) -> None:
    (tmp_path / "a.txt").write_text("Keras is written in Python.\n", encoding="utf-8")
    (tmp_path / "index.yaml").write_text(index_text, encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load_sources(tmp_path)
    message = caught.value.render() if hasattr(caught.value, "render") else str(caught.value)
    assert expected in message
    assert "index.yaml:" in message


def test_errors_are_grouped(tmp_path: Path) -> None:
    (tmp_path / "index.yaml").write_text("- file: x.txt\n- file: y.txt\n", encoding="utf-8")
    with pytest.raises(ErrorGroup) as caught:
        load_sources(tmp_path)
    assert len(caught.value.errors) == 2


def test_sources_without_text_keep_their_metadata_and_get_it_back(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><body><h1>Title here</h1><p>JAX is fast.</p></body></html>", encoding="utf-8")
    (tmp_path / "note.txt").write_text("\n# A note\nPyTorch runs on Linux.\n", encoding="utf-8")
    full = load_sources(tmp_path)
    light = load_sources(tmp_path, texts=False)
    assert [s.model_copy(update={"text": "", "boilerplate": ()}) for s in full] == light
    assert [s.title for s in light] == ["A note", "Title here"] and all(s.text == "" for s in light)
    assert [with_text(s, folder=tmp_path) for s in light] == full


def test_sources_without_text_are_still_checked(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(ErrorGroup, match="whitespace only"):
        load_sources(tmp_path, texts=False)
