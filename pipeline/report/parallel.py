"""Report formats written side by side, one share of them per process (``run --jobs N``).

The formats are independent renderings of one ``ReportData``. Sending that to another
process would cost more than writing it, so the extra processes are forked: they inherit
the data as it is and only send back the paths they wrote. A fork is only safe in a
process with a single thread, so anything else (or a system without fork) writes every
format in this process; the files are the same either way.
"""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.report.data import ReportData
from pipeline.workers import worker_pool

if TYPE_CHECKING:
    from pipeline.report.base import Formatter

# Relative cost of each format on a large run (measured: the pages of every source and
# claims.json take most of the time); a format not listed counts as 1.
WEIGHTS: dict[str, float] = {"sources": 4.0, "json": 3.5, "csv": 0.8, "frameworks": 0.8, "index": 0.5, "sarif": 0.4, "contradictions": 0.4, "run": 0.1}
_job: dict[str, object] = {}  # what a forked process inherits: the shares, the data, the staging folder


def share_out(formatters: list[Formatter], count: int) -> list[list[Formatter]]:
    """The formats dealt into at most ``count`` shares of similar cost, heaviest first."""
    shares: list[list[Formatter]] = [[] for _ in range(max(1, count))]
    loads = [0.0] * len(shares)
    for formatter in sorted(formatters, key=lambda f: -WEIGHTS.get(f.name, 1.0)):
        lightest = loads.index(min(loads))
        shares[lightest].append(formatter)
        loads[lightest] += WEIGHTS.get(formatter.name, 1.0)
    return [share for share in shares if share]


def can_fork() -> bool:
    """True when this process may fork safely: the system supports it and no other thread runs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _write_share(index: int) -> list[Path]:
    shares, data, staging = _job["shares"], _job["data"], _job["staging"]
    return [path for formatter in shares[index] for path in formatter.write(data, staging)]  # type: ignore[index, attr-defined]


def write_formats(formatters: list[Formatter], data: ReportData, staging: Path, jobs: int = 1) -> list[Path]:
    """Every format written into ``staging``; with ``jobs`` above 1, by that many processes."""
    shares = share_out(formatters, jobs if jobs > 1 and can_fork() else 1)
    _job.update(shares=shares, data=data, staging=staging)
    try:
        if len(shares) == 1:
            return _write_share(0)
        with worker_pool(len(shares) - 1, "fork") as pool:
            others = [pool.submit(_write_share, index) for index in range(1, len(shares))]
            written = _write_share(0)  # this process writes the first share meanwhile
            return written + [path for future in others for path in future.result()]
    finally:
        _job.clear()
