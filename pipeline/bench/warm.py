"""Warm re-runs: an unchanged ``factcheck run`` against the start-up of ``factcheck --help``.

Both are timed as the user runs them, in fresh processes, on a temporary copy of the
sources and claims (so the project's files and reports are not touched), sharing the
project's caches.
A second figure changes one article and counts how many articles the next run parses.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.paths import Folders

TARGET_RATIO = 3.0
# A new sentence each time, so an earlier bench's cached extraction of the edit cannot hit.
APPENDED_SENTENCE = "\nPyTorch is developed by Meta AI (edition {stamp}).\n"


@dataclass(frozen=True)
class WarmFigures:
    """Median seconds of ``--help`` and of an unchanged run, and the one-article change."""

    help_seconds: float
    warm_seconds: float
    articles: int
    changed_parsed: int
    changed_seconds: float

    @property
    def ratio(self) -> float:
        return self.warm_seconds / self.help_seconds if self.help_seconds else 0.0


def factcheck_command() -> list[str]:
    """The installed ``factcheck`` script beside this interpreter, else ``python -m pipeline``."""
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline"]


def _median_seconds(argv: list[str], repeats: int) -> float:
    times = []
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _change_one(folder: Path) -> Path:
    article = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))[0]
    with article.open("a", encoding="utf-8") as stream:
        stream.write(APPENDED_SENTENCE.format(stamp=time.time_ns()))
    return article


def measure_warm(folders: Folders, repeats: int = 5) -> WarmFigures:
    """Time ``--help`` and unchanged runs, then a run after one article changed."""
    from pipeline.run import RunOptions, run

    with tempfile.TemporaryDirectory(prefix="factcheck-warm-") as scratch:
        root = Path(scratch)
        shutil.copytree(folders.sources, root / "sources")
        if folders.claims.is_dir():  # the same rules, probes and review decisions
            shutil.copytree(folders.claims, root / "claims")
        copy = Folders(sources=root / "sources", claims=root / "claims", reports=root / "reports", cache=folders.cache)
        argv = [*factcheck_command(), "run", "--sources", str(copy.sources), "--claims", str(copy.claims), "--reports", str(copy.reports)]
        first = run(RunOptions(folders=copy))  # fills the caches and writes the stamp
        help_seconds = _median_seconds([*factcheck_command(), "--help"], repeats)
        warm_seconds = _median_seconds(argv, repeats)
        _change_one(copy.sources)
        started = time.perf_counter()
        changed = run(RunOptions(folders=copy))
        changed_seconds = time.perf_counter() - started
    return WarmFigures(
        help_seconds=help_seconds,
        warm_seconds=warm_seconds,
        articles=first.summary.sources,
        changed_parsed=changed.result.articles_parsed if changed.result else 0,
        changed_seconds=changed_seconds,
    )


def render_warm(figures: WarmFigures) -> str:
    """The warm re-run figures next to their targets."""
    verdict = "meets" if figures.ratio <= TARGET_RATIO else "MISSES"
    parsed = "meets" if figures.changed_parsed == 1 else "MISSES"
    return "\n".join(
        [
            f"Start-up, factcheck --help:      {figures.help_seconds:6.2f} s (median)",
            f"Unchanged re-run, factcheck run: {figures.warm_seconds:6.2f} s (median)",
            f"Ratio (re-run / start-up): {figures.ratio:.2f}  target <= {TARGET_RATIO:.1f}: {verdict}",
            f"One article changed: {figures.changed_parsed} of {figures.articles} parsed, {figures.changed_seconds:.2f} s"
            f"  target 1: {parsed}",
        ]
    )
