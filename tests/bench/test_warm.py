"""The warm figure on a small project: an unchanged run, then one changed article."""

from __future__ import annotations

from pathlib import Path

from pipeline.bench.warm import measure_warm, render_warm
from tests.tmp_project import make_project


def test_an_unchanged_run_is_measured_and_one_change_parses_one_article(tmp_path: Path) -> None:
    folders = make_project(tmp_path)
    figures = measure_warm(folders, repeats=1)
    assert figures.articles == 2 and figures.changed_parsed == 1
    assert figures.help_seconds > 0 and figures.warm_seconds > 0
    text = render_warm(figures)
    assert "1 of 2 parsed" in text and "target 1: meets" in text
    assert not folders.reports.exists()  # the bench works on a copy
