"""``factcheck bench`` options: figure names and corpus sizes, and their located errors."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.bench.command import FIGURES, parse_figures, parse_sizes
from pipeline.cli import app
from pipeline.errors import FactcheckError


def test_figures_come_back_in_the_bench_order() -> None:
    assert parse_figures("scale, extraction") == ["extraction", "scale"]
    assert parse_figures("all") == list(FIGURES)


@pytest.mark.parametrize("text, message", [("extrction", "did you mean 'extraction'"), (" , ", "no figure named")])
def test_unknown_or_missing_figures_are_user_errors(text: str, message: str) -> None:
    with pytest.raises(FactcheckError, match=message):
        parse_figures(text)


def test_sizes_are_sorted_and_deduplicated() -> None:
    assert parse_sizes("1000,100,10_000,100") == [100, 1000, 10000]


@pytest.mark.parametrize("text", ["100,ten", "0", "-5", "1.5"])
def test_bad_sizes_are_user_errors(text: str) -> None:
    with pytest.raises(FactcheckError, match="--articles"):
        parse_sizes(text)


def test_the_cli_rejects_a_bad_figure_before_measuring_anything() -> None:
    result = CliRunner().invoke(app, ["bench", "--figures", "probe,warm"])
    assert result.exit_code != 0
    assert isinstance(result.exception, FactcheckError) and "did you mean 'probes'" in str(result.exception.render())
