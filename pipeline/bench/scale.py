"""Scale: time and peak memory per article of a whole ``factcheck run`` as the corpus grows.

For each size a corpus is generated from the sources folder (``corpus.py``), written to a
temporary folder, and checked by a whole ``python -m pipeline run`` in a child process with
an empty claims folder (configuration falls back to the project's ``claims/``) and
temporary reports. Wall time is the child's; peak memory is the ``ru_maxrss`` that
``os.wait4`` returns for that very child (the kernel folds in the largest of its own
children, such as extraction workers, but never adds them up). One more run, with
``--jobs N`` on a fresh corpus of one size, gives the speed-up of parallel extraction.

The runs never touch the project's cache: they get a temporary one (``FACTCHECK_CACHE``),
seeded with a copy of the project's probe results, so probing is kept out of the difference
(a warm-up run on a few articles fills in what the copy lacks before anything is timed).
Every measured run gets a corpus of its own seed and its extraction cache is emptied after
it, so no run finds the articles of another already extracted.

The speed-up of ``--jobs`` is given twice: for the whole run, and for the extraction stage
alone (``extract_timing``, in a process of its own, on a fresh corpus of the same size for
each worker count), since probing, reconciling and writing reports stay on one core.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from pipeline.bench.corpus import generate_corpus, write_corpus
from pipeline.bench.extract_timing import parse_line
from pipeline.ingest.loader import load_sources
from pipeline.paths import CACHE_VARIABLE, PROJECT_ROOT, Folders
from pipeline.records import Source

SIZES: tuple[int, ...] = (100, 1_000, 10_000)
TARGET_TIME_RATIO = 1.3
TARGET_MEMORY_RATIO = 1.3
TARGET_SPEEDUP = 1.6
WARM_UP_ARTICLES = 5
# ``{sources}``, ``{claims}``, ``{reports}`` and ``{jobs}`` are filled in for each run.
RUN_ARGS: tuple[str, ...] = ("run", "--sources", "{sources}", "--claims", "{claims}", "--reports", "{reports}", "--force")
JOBS_ARGS: tuple[str, ...] = ("--jobs", "{jobs}")
_SUMMARY = re.compile(r"([\d,]+) claims from ([\d,]+) sources")

Progress = Callable[[str], None]


class ScaleRunFailed(RuntimeError):
    """A measured run exited with an error: its figures would mean nothing."""


@dataclass(frozen=True)
class RunFigure:
    """One whole run: its corpus size, worker count, wall time and peak memory."""

    articles: int
    jobs: int
    seconds: float
    peak_mb: float
    claims: int | None = None

    @property
    def seconds_per_article(self) -> float:
        return self.seconds / self.articles if self.articles else 0.0


@dataclass(frozen=True)
class ScaleFigures:
    """Runs of growing size with one job, and the one-size run with more jobs."""

    runs: tuple[RunFigure, ...]
    parallel: RunFigure | None = None
    cores: int = 1
    extraction: tuple[RunFigure, ...] = ()  # the extraction stage alone: one job, then ``jobs``
    # further (one job, ``jobs``) runs on fresh corpora of the parallel run's size: on a shared
    # machine one pair can be off by a third, the median of several much less
    pairs: tuple[tuple[RunFigure, RunFigure], ...] = ()

    def time_ratio(self, run: RunFigure) -> float:
        """Seconds per article against the smallest corpus's (1.0 = flat)."""
        base = self.runs[0].seconds_per_article if self.runs else 0.0
        return run.seconds_per_article / base if base else 0.0

    def memory_ratio(self, run: RunFigure) -> float:
        """Peak memory against the smallest corpus's (1.0 = flat)."""
        base = self.runs[0].peak_mb if self.runs else 0.0
        return run.peak_mb / base if base else 0.0

    @property
    def serial(self) -> RunFigure | None:
        """The one-job run the parallel run is compared with: the same corpus size."""
        if self.parallel is None:
            return None
        return next((run for run in self.runs if run.articles == self.parallel.articles), None)

    @property
    def speedups(self) -> list[float]:
        """One job's seconds over ``jobs``' seconds, for every pair of runs of the same size."""
        serial = self.serial
        if serial is None or self.parallel is None:
            return []
        pairs = [(serial, self.parallel), *self.pairs]
        return [one.seconds / many.seconds for one, many in pairs if many.seconds]

    @property
    def speedup(self) -> float:
        """The median speed-up of the pairs."""
        found = sorted(self.speedups)
        if not found:
            return 0.0
        middle = len(found) // 2
        return found[middle] if len(found) % 2 else (found[middle - 1] + found[middle]) / 2

    @property
    def extraction_speedup(self) -> float:
        if len(self.extraction) < 2 or not self.extraction[-1].seconds:
            return 0.0
        return self.extraction[0].seconds / self.extraction[-1].seconds


def _peak_mb(max_rss: int) -> float:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    return max_rss / (1024 * 1024) if sys.platform == "darwin" else max_rss / 1024


def measure(argv: Sequence[str], log: Path, cwd: Path = PROJECT_ROOT, cache: Path | None = None) -> tuple[float, float, str]:
    """Run ``argv`` once: wall seconds, the child's peak RSS in MB, and its output.

    Output goes to a file, not a pipe: nothing reads a pipe while ``os.wait4`` blocks. With
    ``cache``, the child uses that cache folder instead of the project's.
    """
    env = {**os.environ, CACHE_VARIABLE: str(cache)} if cache is not None else None
    with log.open("w", encoding="utf-8") as stream:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), cwd=cwd, env=env, stdout=stream, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
    output = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        tail = "\n".join(output.splitlines()[-15:])
        raise ScaleRunFailed(f"{' '.join(argv)} exited with {process.returncode}:\n{tail}")
    return seconds, _peak_mb(usage.ru_maxrss), output


def _claims_in(output: str) -> int | None:
    found = _SUMMARY.search(output)
    return int(found.group(1).replace(",", "")) if found else None


@dataclass(frozen=True)
class ScaleSetup:
    """How the runs are started: the command, its run arguments and the jobs flag."""

    command: tuple[str, ...] = (sys.executable, "-m", "pipeline")
    run_args: tuple[str, ...] = RUN_ARGS
    jobs_args: tuple[str, ...] = JOBS_ARGS
    extract_command: tuple[str, ...] = (sys.executable, "-m", "pipeline.bench.extract_timing")

    def argv(self, sources: Path, claims: Path, reports: Path, jobs: int) -> list[str]:
        names = {"sources": str(sources), "claims": str(claims), "reports": str(reports), "jobs": str(jobs)}
        # one job is the default, so the flag is left out and older command lines work too
        extra = self.jobs_args if jobs > 1 else ()
        return [*self.command, *(arg.format(**names) for arg in (*self.run_args, *extra))]


def _cache(root: Path, project_cache: Path) -> Path:
    """The runs' cache folder: a copy of the project's probe results, nothing else."""
    cache = root / "cache"
    if not cache.exists():
        probes = project_cache / "probes"
        if probes.is_dir():
            shutil.copytree(probes, cache / "probes")
        cache.mkdir(exist_ok=True)
    return cache


def run_once(seeds: list[Source], size: int, seed: int, jobs: int, root: Path, setup: ScaleSetup) -> RunFigure:
    """Generate a corpus of ``size`` articles, run the pipeline on it, and clean up after."""
    folder = root / f"run-{size}-{seed}-{jobs}"
    sources = write_corpus(generate_corpus(seeds, size, seed), folder / "sources")
    (folder / "claims").mkdir()
    argv = setup.argv(sources, folder / "claims", folder / "reports", jobs)
    cache = root / "cache"
    seconds, peak_mb, output = measure(argv, root / f"run-{size}-{seed}-{jobs}.log", cache=cache)
    shutil.rmtree(folder, ignore_errors=True)  # a 10,000-article corpus and its reports fill hundreds of MB
    shutil.rmtree(cache / "extract", ignore_errors=True)  # the next run must parse its articles too
    return RunFigure(articles=size, jobs=jobs, seconds=seconds, peak_mb=peak_mb, claims=_claims_in(output))


def extract_once(seeds: list[Source], size: int, seed: int, jobs: int, root: Path, setup: ScaleSetup) -> RunFigure:
    """The extraction stage alone on a fresh corpus of ``size`` articles: its own seconds."""
    folder = root / f"extract-{size}-{seed}-{jobs}"
    sources = write_corpus(generate_corpus(seeds, size, seed), folder / "sources")
    argv = [*setup.extract_command, str(sources), str(jobs)]
    _, peak_mb, output = measure(argv, root / f"extract-{size}-{seed}-{jobs}.log", cache=root / "cache")
    shutil.rmtree(folder, ignore_errors=True)
    parsed = parse_line(output)
    if parsed is None:
        raise ScaleRunFailed(f"{' '.join(argv)} printed no timing:\n{output[-2000:]}")
    claims, seconds = parsed
    return RunFigure(articles=size, jobs=jobs, seconds=seconds, peak_mb=peak_mb, claims=claims)


def run_scale(
    folders: Folders,
    sizes: Sequence[int] = SIZES,
    jobs: int = 2,
    parallel_size: int | None = None,
    seed: int = 0,
    setup: ScaleSetup = ScaleSetup(),
    progress: Progress = lambda _: None,
    pairs: int = 1,
) -> ScaleFigures:
    """Warm up, run each size with one job, then ``parallel_size`` (default: the second size) with
    ``jobs``, whole and extraction alone; ``pairs`` above 1 adds that many less one pairs of
    whole runs (one job, then ``jobs``) at that size, for a median speed-up."""
    seeds = load_sources(folders.sources)
    sizes = sorted(set(sizes))
    with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as scratch:
        root = Path(scratch)
        _cache(root, folders.cache)
        progress("warm-up")
        run_once(seeds, min(WARM_UP_ARTICLES, sizes[0]), seed - 1, 1, root, setup)
        runs = []
        for index, size in enumerate(sizes):
            progress(f"{size} articles")
            runs.append(run_once(seeds, size, seed + index, 1, root, setup))
        parallel, extraction, more = None, [], []
        if jobs > 1:
            size = parallel_size or sizes[min(1, len(sizes) - 1)]
            progress(f"{size} articles, --jobs {jobs}")
            parallel = run_once(seeds, size, seed + len(sizes), jobs, root, setup)
            for offset, count in enumerate((1, jobs)):
                progress(f"{size} articles, extraction alone, {count} job(s)")
                extraction.append(extract_once(seeds, size, seed + len(sizes) + 1 + offset, count, root, setup))
            for number in range(1, pairs):
                progress(f"{size} articles, pair {number + 1} of {pairs}")
                pair_seed = seed + len(sizes) + 1 + 2 * number
                more.append((run_once(seeds, size, pair_seed, 1, root, setup), run_once(seeds, size, pair_seed + 1, jobs, root, setup)))
    return ScaleFigures(tuple(runs), parallel, os.cpu_count() or 1, tuple(extraction), tuple(more))


def _meets(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def render_scale(figures: ScaleFigures) -> str:
    """Each figure next to its target."""
    lines = [
        f"Whole `factcheck run` on generated corpora, one job ({figures.cores} cores)",
        f"{'Articles':>9} {'Claims':>9} {'Seconds':>9} {'s/article':>10} {'Peak MB':>8}  {'Time ratio':<18} {'Memory ratio':<18}",
    ]
    for run in figures.runs:
        time_ratio, memory_ratio = figures.time_ratio(run), figures.memory_ratio(run)
        time_text = f"{time_ratio:.2f}" + ("" if run is figures.runs[0] else f" {_meets(time_ratio <= TARGET_TIME_RATIO)}")
        memory_text = f"{memory_ratio:.2f}" + ("" if run is figures.runs[0] else f" {_meets(memory_ratio <= TARGET_MEMORY_RATIO)}")
        claims = f"{run.claims:,}" if run.claims is not None else "?"
        lines.append(
            f"{run.articles:>9,} {claims:>9} {run.seconds:>9.1f} {run.seconds_per_article:>10.3f} {run.peak_mb:>8.0f}"
            f"  {time_text:<18} {memory_text:<18}"
        )
    base = figures.runs[0].articles if figures.runs else 0
    lines.append(
        f"Targets: seconds per article and peak memory within {TARGET_TIME_RATIO:.1f}x / {TARGET_MEMORY_RATIO:.1f}x"
        f" of the {base:,}-article figures."
    )
    serial, parallel = figures.serial, figures.parallel
    if parallel is not None and serial is not None:
        lines.append(
            f"--jobs {parallel.jobs} on {parallel.articles:,} articles: {parallel.seconds:.1f} s against {serial.seconds:.1f} s"
            f" with one job: speed-up {figures.speedups[0]:.2f}"
        )
        for one, many in figures.pairs:
            lines.append(f"  again on another corpus: {many.seconds:.1f} s against {one.seconds:.1f} s: speed-up {one.seconds / many.seconds:.2f}")
        label = f"median of {len(figures.speedups)} pairs" if figures.pairs else "one pair"
        lines.append(f"Speed-up of --jobs {parallel.jobs} ({label}): {figures.speedup:.2f}  target >= {TARGET_SPEEDUP:.1f}: {_meets(figures.speedup >= TARGET_SPEEDUP)}")
    if len(figures.extraction) >= 2:
        one, many = figures.extraction[0], figures.extraction[-1]
        speedup = figures.extraction_speedup
        lines.append(
            f"Extraction alone on {many.articles:,} articles: {many.seconds:.1f} s with --jobs {many.jobs} against"
            f" {one.seconds:.1f} s with one job: speed-up {speedup:.2f}  target >= {TARGET_SPEEDUP:.1f}: {_meets(speedup >= TARGET_SPEEDUP)}"
        )
    return "\n".join(lines)
