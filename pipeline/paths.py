"""Where factcheck finds its folders.

A run can point ``--claims`` at any folder; configuration that the folder lacks (the
vocabulary, lexicons, probes, facts) falls back to the project's own ``claims/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROJECT_CLAIMS = PROJECT_ROOT / "claims"


@dataclass(frozen=True)
class Folders:
    """The folders one run reads and writes."""

    sources: Path = PROJECT_ROOT / "sources"
    claims: Path = PROJECT_CLAIMS
    reports: Path = PROJECT_ROOT / "reports"
    cache: Path = PROJECT_ROOT / ".factcheck-cache"

    def config(self, name: str) -> Path:
        """``claims/<name>`` from the run's claims folder when present, else the project's."""
        own = self.claims / name
        return own if own.exists() else PROJECT_CLAIMS / name

    @property
    def extracted(self) -> Path:
        return self.claims / "extracted"

    @property
    def curated(self) -> Path:
        return self.claims / "curated"
