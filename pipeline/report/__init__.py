"""Report: write a run's results in every output format.

``reports/`` after a run::

    index.md              sources table, verdict chart, top contradictions, environment
    sources/<stem>.md     each claim of one article in reading order, with its evidence
    frameworks/<id>.md    a fact sheet per framework: what sources say, what probes saw
    contradictions.md     every pair of claims that cannot both hold
    claims.json           the machine-readable contract (also the ``--baseline`` format)
    claims.csv            one flat row per claim
    claims.sarif          refuted and outdated claims for code-scanning UIs
    run.json              the run date: the only file that differs between identical runs
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import FactcheckError
from pipeline.records import RunResult
from pipeline.report.base import FORMATTERS, write_all
from pipeline.report.data import build_report_data
from pipeline.vocab import Vocabulary, load_vocabulary

# Generated page folders: pages no longer produced are removed so links never go stale.
PAGE_FOLDERS = ("sources", "frameworks")


def _default_vocabulary() -> Vocabulary | None:
    # Reports only use the vocabulary for descriptions; a run has already validated it.
    try:
        return load_vocabulary()
    except FactcheckError:
        return None


def write_reports(result: RunResult, folder: Path, vocab: Vocabulary | None = None, jobs: int = 1) -> list[Path]:
    """Write every registered format into ``folder`` all at once; returns the files written, sorted.

    A run that fails or is interrupted while writing leaves the previous reports untouched.
    ``jobs`` above 1 writes the formats in that many processes.
    """
    data = build_report_data(result, vocab if vocab is not None else _default_vocabulary())
    return write_all(FORMATTERS, data, folder, PAGE_FOLDERS, jobs)
