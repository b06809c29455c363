"""Report: write a run's results in every output format."""

from __future__ import annotations

from pathlib import Path

from pipeline.records import RunResult
from pipeline.report.base import FORMATTERS


def write_reports(result: RunResult, folder: Path) -> list[Path]:
    """Write every registered format into ``folder``; returns the files written."""
    written: list[Path] = []
    for formatter in FORMATTERS:
        written.extend(formatter.write(result, folder))
    return sorted(written)
