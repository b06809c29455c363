"""Where factcheck finds its folders.

A run can point ``--claims`` at any folder; configuration that the folder lacks (the
vocabulary, lexicons, probes, facts) falls back to the project's own ``claims/``. The cache
folder is ``.factcheck-cache/`` in the project unless ``FACTCHECK_CACHE`` names another one
(the scale bench gives each measured run a cache of its own this way).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROJECT_CLAIMS = PROJECT_ROOT / "claims"
CACHE_VARIABLE = "FACTCHECK_CACHE"


def default_cache() -> Path:
    """``$FACTCHECK_CACHE`` when set, else the project's ``.factcheck-cache/``."""
    chosen = os.environ.get(CACHE_VARIABLE)
    return Path(chosen) if chosen else PROJECT_ROOT / ".factcheck-cache"


@dataclass(frozen=True)
class Folders:
    """The folders one run reads and writes."""

    sources: Path = PROJECT_ROOT / "sources"
    claims: Path = PROJECT_CLAIMS
    reports: Path = PROJECT_ROOT / "reports"
    cache: Path = field(default_factory=default_cache)

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
