"""The one protocol every output format implements, and the list of formats.

A formatter receives ``ReportData`` (the run's results already sorted, grouped and
located; see ``data.py``) and writes its files with ``write_atomic``. Adding a format is one
module with one class, listed in ``_formatters``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pipeline.catalog.yamlio import write_atomic
from pipeline.report.data import ReportData


class Formatter(Protocol):
    """Writes one output format for a run; returns the paths it wrote."""

    name: str

    def write(self, data: ReportData, folder: Path) -> list[Path]: ...


class SingleFile:
    """A formatter that writes one file: a subclass names the file and renders its text."""

    name: str
    filename: str

    def render(self, data: ReportData) -> str:
        """The whole text of the file."""
        raise NotImplementedError

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        path = folder / self.filename
        write_atomic(path, self.render(data))
        return [path]


def _formatters() -> list[Formatter]:
    from pipeline.report.csv_report import CsvFormatter
    from pipeline.report.json_report import JsonFormatter
    from pipeline.report.markdown_contradictions import ContradictionsFormatter
    from pipeline.report.markdown_frameworks import FrameworksFormatter
    from pipeline.report.markdown_index import IndexFormatter
    from pipeline.report.markdown_sources import SourcesFormatter
    from pipeline.report.run_info import RunInfoFormatter
    from pipeline.report.sarif_report import SarifFormatter

    return [
        JsonFormatter(),
        CsvFormatter(),
        SarifFormatter(),
        IndexFormatter(),
        SourcesFormatter(),
        FrameworksFormatter(),
        ContradictionsFormatter(),
        RunInfoFormatter(),
    ]


FORMATTERS: list[Formatter] = _formatters()
