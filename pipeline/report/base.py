"""The one protocol every output format implements, and the list of formats.

A formatter receives ``ReportData`` (the run's results already sorted, grouped and
located; see ``data.py``) and writes its files with ``write_atomic``. Adding a format is one
module with one class, listed in ``_formatters``.

``write_all`` has every formatter write into a hidden staging folder inside the reports
folder, then moves the files into place in one step with Ctrl-C held back: a failed or
interrupted run leaves the previous reports exactly as they were, never a mix.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Protocol

from pipeline.catalog.staging import staging_folder
from pipeline.catalog.yamlio import check_writable, write_atomic
from pipeline.errors import E_WRITE, InterruptedAfterWrite, Location, WriteError
from pipeline.report.data import ReportData
from pipeline.report.parallel import write_formats


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


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, then raise it: the block is never cut in half."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received and previous is signal.default_int_handler:
        raise InterruptedAfterWrite()
    if received and callable(previous):
        previous(signal.SIGINT, None)  # someone else's handler: let it decide


def _prepare(targets: list[Path]) -> None:
    """Create every target's folder and refuse an unwritable folder, or a folder standing where
    a file goes, before anything moves: a move that failed halfway would leave a mix of reports."""
    for target in targets:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = f"cannot create {target.parent}: {exc.strerror or exc}"
            raise WriteError(E_WRITE, message, Location(target), "remove the file that is in the way") from None
        check_writable(target.parent)
        if target.is_dir():
            message = "cannot write: a folder of that name is in the way"
            raise WriteError(E_WRITE, message, Location(target), "remove or rename that folder")


def _commit(staging: Path, staged: list[Path], folder: Path, page_folders: tuple[str, ...]) -> list[Path]:
    """Move the staged files into ``folder`` and drop pages this run no longer produces."""
    targets = [folder / path.relative_to(staging) for path in staged]
    _prepare(targets)
    with interrupts_held():
        try:
            for path, target in zip(staged, targets):
                if target.is_file():
                    shutil.copymode(target, path)  # a report that existed keeps its mode, as write_atomic does
            for path, target in zip(staged, targets):
                os.replace(path, target)
            keep = set(targets)
            for name in page_folders:
                for page in sorted((folder / name).glob("*.md")):
                    if page not in keep:
                        page.unlink()
        except OSError as exc:  # after _prepare, only a failing disk gets here
            raise WriteError(E_WRITE, f"cannot write: {exc}", Location(folder), "check the disk, then run again") from None
    return sorted(targets)


def write_all(formatters: list[Formatter], data: ReportData, folder: Path, page_folders: tuple[str, ...] = (), jobs: int = 1) -> list[Path]:
    """Write every format into ``folder`` all at once; returns the files written, sorted.

    Generated pages under ``page_folders`` that this run did not write are removed, so
    links never go stale. ``jobs`` above 1 writes the formats in that many processes.
    """
    with staging_folder(folder, "make it writable, or pass --reports DIR") as staging:
        staged = write_formats(formatters, data, staging, jobs)
        return _commit(staging, staged, folder, page_folders)
