"""Cold probes: the probe stage's wall time with an empty cache, against the machine's ideal.

The ideal is what the probe stage cannot avoid: importing each framework once and timing
its benchmark. Each benchmark variant (``pytorch``, ``tensorflow``, ``keras[<backend>]``)
counts as one framework. Its import is timed in a fresh interpreter with the probes'
environment; its benchmark time is what the benchmark reported once the framework was
imported (building the models, tracing or compiling, warm-up and timed steps). The ideal is the larger of their sum over the
machine's cores and the slowest single framework; the figure is the stage's wall time over
that. Imports are timed after the stage, when the files are in the page cache, as they
were for most of the stage's own imports.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pipeline.paths import Folders
from pipeline.records import ProbeResult

TARGET_RATIO = 1.3
BENCHMARK_KIND = "benchmark.v1"
IMPORT_TIMEOUT_S = 300.0

Progress = Callable[[str], None]


@dataclass(frozen=True)
class FrameworkCost:
    """One framework's unavoidable work: a fresh import and its benchmark."""

    name: str
    import_seconds: float
    benchmark_seconds: float

    @property
    def seconds(self) -> float:
        return self.import_seconds + self.benchmark_seconds


@dataclass(frozen=True)
class ProbeFigures:
    """The cold stage, the frameworks' costs and the cores they could use."""

    stage_seconds: float
    probes: int
    processes: int
    cores: int
    frameworks: tuple[FrameworkCost, ...]
    not_ok: tuple[str, ...] = ()

    @property
    def ideal_seconds(self) -> float:
        total = sum(cost.seconds for cost in self.frameworks)
        slowest = max((cost.seconds for cost in self.frameworks), default=0.0)
        return max(total / max(1, self.cores), slowest)

    @property
    def ratio(self) -> float:
        return self.stage_seconds / self.ideal_seconds if self.ideal_seconds else 0.0


def _variant_import(variant: str) -> tuple[str, dict[str, str | None]]:
    """The import statement and environment overrides one benchmark variant needs."""
    if variant.startswith("keras["):
        return "import keras", {"KERAS_BACKEND": variant[len("keras[") : -1]}
    return ("import torch" if variant == "pytorch" else f"import {variant}"), {}


def time_import(python: str, statement: str, overrides: dict[str, str | None]) -> float:
    """Seconds a fresh interpreter takes to start and run ``statement`` (inf when it fails)."""
    from pipeline.probes.subprocess_runner import child_environment

    started = time.perf_counter()
    try:
        subprocess.run(
            [python, "-c", statement],
            env=child_environment(overrides),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=IMPORT_TIMEOUT_S,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return float("inf")
    return time.perf_counter() - started


def benchmark_seconds(observed: dict[str, Any], variant: str) -> float:
    """Seconds a benchmark variant ran once imported: building, compiling, warm-up, timing."""
    elapsed = (observed.get("elapsed_s") or {}).get(variant)
    if elapsed is not None:
        return float(elapsed)
    # Older results lack the elapsed time: (warm-up + timed steps) x median step.
    config = observed.get("config") or {}
    steps = int(config.get("warmup", 0)) + int(config.get("steps", 0)) * int(config.get("repeats", 0))
    models = (observed.get("variants") or {}).get(variant, {}).get("models", {})
    return sum(float(stats["median_s"]) * steps for stats in models.values())


def framework_costs(python: str, benchmark: ProbeResult | None, progress: Progress) -> tuple[FrameworkCost, ...]:
    """Import and benchmark time of every variant the benchmark probe measured."""
    if benchmark is None or benchmark.status != "ok" or not isinstance(benchmark.observed, dict):
        return ()
    costs = []
    for variant in sorted(benchmark.observed.get("variants") or {}):
        progress(f"bench probes: timing the import of {variant}")
        statement, overrides = _variant_import(variant)
        costs.append(FrameworkCost(variant, time_import(python, statement, overrides), benchmark_seconds(benchmark.observed, variant)))
    return tuple(costs)


def measure_probes(folders: Folders, python: str | None = None, progress: Progress = lambda _: None) -> ProbeFigures:
    """Run every probe with an empty cache, then time the frameworks' imports."""
    from pipeline.probes import load_probes, run_probes
    from pipeline.probes.environment import resolve_interpreter
    from pipeline.probes.execution import plan_tasks
    from pipeline.vocab import load_vocabulary

    probes = load_probes(folders.config("probes"), load_vocabulary(folders.config("vocabulary.yaml")))
    interpreter = resolve_interpreter(python)
    with tempfile.TemporaryDirectory(prefix="factcheck-probes-") as scratch:
        started = time.perf_counter()
        results = run_probes(probes, python=interpreter, cache_dir=Path(scratch), on_progress=progress)
        stage_seconds = time.perf_counter() - started
    kinds = {probe.id: probe.kind for probe in probes}
    benchmark = next((r for r in results if kinds.get(r.probe_id) == BENCHMARK_KIND), None)
    return ProbeFigures(
        stage_seconds=stage_seconds,
        probes=len(results),
        processes=len(plan_tasks(probes)),
        cores=os.cpu_count() or 1,
        frameworks=framework_costs(interpreter, benchmark, progress),
        not_ok=tuple(f"{r.probe_id} ({r.status})" for r in results if r.status not in ("ok", "not_installed")),
    )


def render_probes(figures: ProbeFigures) -> str:
    """The cold probe figures next to their target."""
    lines = [f"Cold probe stage: {figures.stage_seconds:.1f} s for {figures.probes} probes in {figures.processes} processes"]
    for cost in figures.frameworks:
        lines.append(f"  {cost.name:<18} import {cost.import_seconds:5.2f} s + benchmark {cost.benchmark_seconds:5.2f} s")
    if not figures.frameworks:
        lines.append("  no benchmark result, so no ideal: is a framework missing?")
        return "\n".join(lines)
    verdict = "meets" if figures.ratio <= TARGET_RATIO else "MISSES"
    lines.append(
        f"Ideal on {figures.cores} core(s): {figures.ideal_seconds:.1f} s "
        "(max of the frameworks' sum over the cores and the slowest one)"
    )
    lines.append(f"Ratio (stage / ideal): {figures.ratio:.2f}  target <= {TARGET_RATIO:.1f}: {verdict}")
    if figures.not_ok:
        lines.append("Probes that did not finish cleanly: " + ", ".join(figures.not_ok))
    return "\n".join(lines)
