"""What ``factcheck bench`` runs: the chosen figures in a fixed order, each rendered as text.

Figures are measured one after another, never side by side, so one does not slow another.
"""

from __future__ import annotations

from typing import Callable, Iterator, Sequence

from pipeline.errors import E_BAD_VALUE, FactcheckError, did_you_mean
from pipeline.paths import Folders

FIGURES: tuple[str, ...] = ("extraction", "warm", "probes", "scale")

Progress = Callable[[str], None]


def parse_figures(text: str) -> list[str]:
    """The figure names in ``text`` ("all" for every one), in the bench's fixed order."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    if names == ["all"]:
        return list(FIGURES)
    for name in names:
        if name not in FIGURES:
            hint = f"use any of: {', '.join(FIGURES)}, or all"
            raise FactcheckError(E_BAD_VALUE, f"--figures: unknown figure {name!r}{did_you_mean(name, FIGURES)}", None, hint)
    if not names:
        raise FactcheckError(E_BAD_VALUE, "--figures: no figure named", None, f"use any of: {', '.join(FIGURES)}, or all")
    return [name for name in FIGURES if name in names]


def parse_sizes(text: str) -> list[int]:
    """Corpus sizes from ``100,1000`` (underscores and thousands commas inside a size are not allowed)."""
    sizes = []
    for part in (piece.strip().replace("_", "") for piece in text.split(",")):
        if not part.isdigit() or int(part) < 1:
            raise FactcheckError(E_BAD_VALUE, f"--articles: {part!r} is not a positive whole number", None, "write sizes like 100,1000,10000")
        sizes.append(int(part))
    return sorted(set(sizes))


def run_figures(
    folders: Folders,
    figures: Sequence[str],
    sizes: Sequence[int],
    jobs: int,
    repeats: int,
    python: str | None,
    progress: Progress,
) -> Iterator[str]:
    """Measure each chosen figure in turn and yield its rendered text."""
    if "extraction" in figures:
        from pipeline.bench.extraction import render_bench, run_bench

        progress("bench extraction: bare spaCy and factcheck on the same text")
        yield "Extraction throughput\n" + render_bench(run_bench(folders, repeats))
    if "warm" in figures:
        from pipeline.bench.warm import measure_warm, render_warm

        progress("bench warm: unchanged re-runs against start-up")
        yield "Warm re-run\n" + render_warm(measure_warm(folders, max(repeats, 3)))
    if "probes" in figures:
        from pipeline.bench.probes import measure_probes, render_probes

        progress("bench probes: every probe with an empty cache")
        yield "Cold probes\n" + render_probes(measure_probes(folders, python, progress))
    if "scale" in figures:
        from pipeline.bench.scale import render_scale, run_scale

        yield "Scale\n" + render_scale(run_scale(folders, sizes, jobs, progress=progress, pairs=repeats))
