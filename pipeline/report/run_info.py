"""``run.json``: when the run happened.

The one deliberately non-deterministic output. Keeping the date here, and nowhere else,
lets every other report be byte-identical for the same inputs and installed versions, so
a diff of ``reports/`` shows only what changed in the findings.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from pipeline.catalog.yamlio import write_atomic
from pipeline.report.data import ReportData


def _now() -> datetime:
    return datetime.now(timezone.utc)


class RunInfoFormatter:
    """Writes ``run.json`` with ``generated_at`` as an ISO 8601 UTC date-time."""

    name = "run"

    def __init__(self, clock: Callable[[], datetime] = _now) -> None:
        self.clock = clock

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        path = folder / "run.json"
        stamp = self.clock().astimezone(timezone.utc).isoformat(timespec="seconds")
        write_atomic(path, json.dumps({"generated_at": stamp}, indent=2) + "\n")
        return [path]
