"""The one protocol every output format implements, and the list of formats."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pipeline.records import RunResult


class Formatter(Protocol):
    """Writes one output format for a run; returns the paths it wrote."""

    name: str

    def write(self, result: RunResult, folder: Path) -> list[Path]: ...


def _formatters() -> list[Formatter]:
    from pipeline.report.json_report import JsonFormatter
    from pipeline.report.markdown_index import IndexFormatter

    return [JsonFormatter(), IndexFormatter()]


FORMATTERS: list[Formatter] = _formatters()
