"""Report formats written side by side, one share of them per process (``run --jobs N``).

The formats are independent renderings of one ``ReportData``. Sending that to another
process would cost more than writing it, so the extra processes are forked: they inherit
the data as it is and only send back the paths they wrote. A fork is only safe in a
process with a single thread, so anything else (or a system without fork) writes every
format in this process; the files are the same either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.report.data import ReportData
from pipeline.workers import can_fork, worker_pool

if TYPE_CHECKING:
    from pipeline.report.base import Formatter

# Relative cost of each format on a large run (measured: the pages of every source and
# claims.json take most of the time); a format not listed counts as 1. The pages that show
# counts share one pass over the claims (``ReportData.summary``): it is counted with the
# sources pages, which need it too, so those pages go together.
WEIGHTS: dict[str, float] = {"sources": 1.9, "json": 1.5, "csv": 1.1, "sarif": 0.6, "frameworks": 0.1, "index": 0.1, "contradictions": 0.1, "run": 0.1}
NEED_SUMMARY: frozenset[str] = frozenset({"sources", "frameworks", "index", "contradictions"})
SUMMARY_WEIGHT = 1.0
_job: dict[str, object] = {}  # what a forked process inherits: the shares, the data, the staging folder


def share_out(formatters: list[Formatter], count: int) -> list[list[Formatter]]:
    """The formats dealt into at most ``count`` shares of similar cost, heaviest first; the
    formats that need the counts of the whole run stay together, so they are counted once."""
    together = [f for f in formatters if f.name in NEED_SUMMARY]
    bundles = [together] if together else []
    bundles += [[f] for f in formatters if f.name not in NEED_SUMMARY]

    def weight(bundle: list[Formatter]) -> float:
        extra = SUMMARY_WEIGHT if bundle is together else 0.0
        return extra + sum(WEIGHTS.get(f.name, 1.0) for f in bundle)

    shares: list[list[Formatter]] = [[] for _ in range(max(1, count))]
    loads = [0.0] * len(shares)
    for bundle in sorted(bundles, key=lambda b: -weight(b)):
        lightest = loads.index(min(loads))
        shares[lightest] += bundle
        loads[lightest] += weight(bundle)
    return [share for share in shares if share]


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
