"""Run stamps: a run whose inputs and reports are unchanged since the last run is skipped.

After a run writes its reports, a stamp records a digest of every input (factcheck's code,
the sources, the claims folder including review decisions, the project's configuration,
the installed distributions of the probed interpreter) and of the reports as written.
The next run computes the same digests first; when both match, the reports already say
what a new run would say, so nothing is parsed, probed or written.

No stamp is written when a probe's result may change by trying again (a crash, a timeout,
an unreachable index): the next run must try again.
"""

from __future__ import annotations

import json
import os
import site
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.errors import FactcheckError
from pipeline.gate import GateRow
from pipeline.incremental.fingerprint import code_digest, digest, interpreter_identity, tree_digest
from pipeline.paths import PROJECT_CLAIMS, Folders

STAMP_FORMAT = 1


@dataclass(frozen=True)
class RunSummary:
    """What the CLI prints and gates on, kept with the stamp."""

    sources: int
    claims: int
    rows: Iterable[GateRow]  # read as often as needed; a fresh run's are made from its claims on disk


def _distributions(python: str | None) -> object:
    """The installed distributions (names with versions) of the probed interpreter.

    The ``*.dist-info`` folder names carry name and version, so listing site-packages is a
    complete, cheap fingerprint. Another interpreter is asked through the probe layer.
    """
    if python is not None and interpreter_identity(python) != interpreter_identity(sys.executable):
        from pipeline.probes.environment import read_environment, resolve_interpreter

        return read_environment(resolve_interpreter(python))
    folders = [*site.getsitepackages(), site.getusersitepackages()]
    names = []
    for folder in folders:
        if os.path.isdir(folder):
            names += sorted(name for name in os.listdir(folder) if name.endswith((".dist-info", ".egg-info", ".egg-link")))
    return [interpreter_identity(sys.executable), sys.version, names]


def inputs_digest(folders: Folders, python: str | None) -> str:
    """Everything a run's reports depend on."""
    config = tree_digest(PROJECT_CLAIMS) if folders.claims.resolve() != PROJECT_CLAIMS.resolve() else ""
    return digest(STAMP_FORMAT, code_digest(), tree_digest(folders.sources), tree_digest(folders.claims), config, _distributions(python))


def _stamp_path(folders: Folders, python: str | None) -> Path:
    where = [str(path.resolve()) for path in (folders.sources, folders.claims, folders.reports)]
    return folders.cache / "runs" / f"{digest(where, python)[:24]}.json"


def read_up_to_date(folders: Folders, python: str | None) -> RunSummary | None:
    """The last run's summary when nothing changed since, else None."""
    try:
        stored = json.loads(_stamp_path(folders, python).read_text(encoding="utf-8"))
        if stored.get("format") != STAMP_FORMAT or stored.get("reports") != tree_digest(folders.reports):
            return None
        if stored.get("inputs") != inputs_digest(folders, python):
            return None
        rows = tuple(GateRow(**row) for row in stored["rows"])
        return RunSummary(int(stored["sources"]), int(stored["claims"]), rows)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_stamp(folders: Folders, python: str | None, summary: RunSummary, probe_statuses: list[str]) -> bool:
    """Record this run as up to date; False when a probe must be retried or the cache is unwritable."""
    from pipeline.probes.cache import CACHEABLE_STATUSES  # the same rule as the probe cache

    if not set(probe_statuses) <= CACHEABLE_STATUSES:
        return False
    from pipeline.report.streaming import write_chunks

    head = {
        "claims": summary.claims,
        "format": STAMP_FORMAT,
        "inputs": inputs_digest(folders, python),
        "reports": tree_digest(folders.reports),
        "sources": summary.sources,
    }
    try:
        write_chunks(_stamp_path(folders, python), _stamp_chunks(head, summary.rows))
    except (OSError, FactcheckError):
        return False
    return True


def _stamp_chunks(head: dict[str, object], rows: Iterable[GateRow]) -> Iterator[str]:
    """The stamp as JSON, a row at a time: a large run's rows are never all in memory."""
    yield json.dumps(head, sort_keys=True)[:-1] + ', "rows": ['
    separator = ""
    for row in rows:
        yield separator + json.dumps(asdict(row), sort_keys=True)
        separator = ", "
    yield "]}\n"


def forget(folders: Folders, python: str | None) -> None:
    """Drop the stamp, so the next run does all the work (``--force`` and failed runs)."""
    try:
        _stamp_path(folders, python).unlink()
    except OSError:
        pass
