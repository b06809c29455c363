"""Tables rebuilt from structure: flattened charts, Markdown pipe tables, HTML-style rows."""

from __future__ import annotations

from tests.extract.conftest import Extract

FLATTENED = """A quick chart of four libraries.

JAX

MXNet

Caffe

Keras

Written In

Python, C++

C++, Python

C++

Python

Popularity

Third most popular

Least popular

Second most popular

Most popular

Ease Of Use

Moderate

Hard to learn

Not easy to use

Very easy

After the chart the article goes on with an ordinary paragraph that is long enough not to look like a cell at all.
"""


def test_flattened_four_column_table_gives_one_claim_per_cell(extract: Extract) -> None:
    claims = [c for c in extract(FLATTENED) if c.table_row]
    cells = {(c.table_row, c.subject): c for c in claims}
    assert len(claims) == 12
    assert cells[("Written In", "mxnet")].value == ["c++", "python"]
    assert cells[("Written In", "keras")].attribute == "implementation_language"
    assert {s: cells[("Popularity", s)].value for s in ("jax", "mxnet", "caffe", "keras")} == {"jax": 3, "mxnet": 4, "caffe": 2, "keras": 1}
    assert cells[("Ease Of Use", "caffe")].qualifiers.negated
    for claim in claims:
        assert FLATTENED[claim.start : claim.end] == claim.quote  # type: ignore[index]
        assert "\n" not in claim.quote


def test_markdown_pipe_table_with_frameworks_as_columns(extract: Extract) -> None:
    text = "| | JAX | Caffe |\n|---|---|---|\n| License | Apache 2.0 | BSD |\n| Platforms | Linux, macOS | Linux |\n"
    cells = {(c.table_row, c.subject): c for c in extract(text) if c.table_row}
    assert cells[("License", "jax")].value == "Apache-2.0"
    assert cells[("License", "caffe")].value == "BSD-3-Clause"
    assert cells[("Platforms", "jax")].value == ["linux", "macos"]
    assert all(text[c.start : c.end] == c.quote for c in cells.values())  # type: ignore[index]


def test_pipe_rows_with_frameworks_as_rows(extract: Extract) -> None:
    text = "Framework | Written in | Release date\nMXNet | C++ | 2015\nCaffe | C++ | 2013\n"
    cells = {(c.table_row, c.subject): c for c in extract(text) if c.table_row}
    assert cells[("Written in", "mxnet")].value == ["c++"]
    assert cells[("Release date", "caffe")].value == "2013"


def test_html_rows_are_tables(extract: Extract) -> None:
    from pipeline.ingest.html import html_to_text

    text = html_to_text(
        "<table><tr><th></th><th>JAX</th><th>MXNet</th></tr><tr><td>Speed</td><td>Fast</td><td>Slow</td></tr></table>"
    )
    cells = {(c.table_row, c.subject): c for c in extract(text) if c.table_row}
    assert {k: c.attribute for k, c in cells.items()} == {("Speed", "jax"): "performance", ("Speed", "mxnet"): "performance"}


def test_a_run_of_framework_names_without_blocks_is_not_a_table(extract: Extract) -> None:
    text = "Keras\n\nPyTorch\n\nBoth are covered below in a long paragraph that reads like prose and not like a cell of a chart.\n"
    assert [c for c in extract(text) if c.table_row] == []
