"""The scale figures on tiny corpora, with stand-in commands so the test takes a second:
sizes given by the caller, a cache of the run's own, and each figure next to its target."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.bench.corpus import generate_corpus
from pipeline.bench.scale import RunFigure, ScaleFigures, ScaleRunFailed, ScaleSetup, render_scale, run_scale
from pipeline.ingest.loader import load_sources
from pipeline.paths import Folders

# Stands in for ``python -m pipeline run``: checks it got a cache of its own, counts the articles.
FAKE_RUN = """
import os, sys
from pathlib import Path
args = sys.argv[1:]
sources, cache = Path(args[args.index("--sources") + 1]), Path(os.environ["FACTCHECK_CACHE"])
assert cache != Path({project!r}) and (cache / "probes" / "seen.json").is_file(), cache
count = len(list(sources.glob("*.txt")))
(cache / "extract").mkdir(parents=True, exist_ok=True)
print(f"{{count * 3}} claims from {{count}} sources; reports in somewhere (written)")
"""
FAKE_EXTRACT = """
import sys
from pathlib import Path
count = len(list(Path(sys.argv[1]).glob("*.txt")))
print(f"{count * 3:,} claims extracted from {count:,} articles in {2.0 / int(sys.argv[2]):.3f} s")
"""


@pytest.fixture()
def folders(tmp_path: Path) -> Folders:
    cache = tmp_path / "project-cache"
    (cache / "probes").mkdir(parents=True)
    (cache / "probes" / "seen.json").write_text("{}", encoding="utf-8")
    return Folders(cache=cache)


def _setup(tmp_path: Path, folders: Folders) -> ScaleSetup:
    run, extract = tmp_path / "fake_run.py", tmp_path / "fake_extract.py"
    run.write_text(FAKE_RUN.format(project=str(folders.cache)), encoding="utf-8")
    extract.write_text(FAKE_EXTRACT, encoding="utf-8")
    return ScaleSetup(command=(sys.executable, str(run)), extract_command=(sys.executable, str(extract)))


def test_run_scale_measures_the_sizes_asked_for(tmp_path: Path, folders: Folders) -> None:
    said: list[str] = []
    figures = run_scale(folders, [6, 3], jobs=2, setup=_setup(tmp_path, folders), progress=said.append)
    assert [run.articles for run in figures.runs] == [3, 6] and all(run.jobs == 1 for run in figures.runs)
    assert [run.claims for run in figures.runs] == [9, 18] and all(run.peak_mb > 0 for run in figures.runs)
    assert figures.parallel is not None and (figures.parallel.articles, figures.parallel.jobs) == (6, 2)
    assert [(f.jobs, f.seconds) for f in figures.extraction] == [(1, 2.0), (2, 1.0)]
    assert figures.extraction_speedup == pytest.approx(2.0) and said[0] == "warm-up"
    assert not (folders.cache / "extract").exists()  # the project's cache is left alone


def test_one_job_skips_the_speedup_runs(tmp_path: Path, folders: Folders) -> None:
    figures = run_scale(folders, [3], jobs=1, setup=_setup(tmp_path, folders))
    assert figures.parallel is None and figures.extraction == () and figures.speedup == 0.0


def test_a_failing_run_is_reported(tmp_path: Path, folders: Folders) -> None:
    failing = tmp_path / "fail.py"
    failing.write_text("import sys; print('boom'); sys.exit(3)", encoding="utf-8")
    with pytest.raises(ScaleRunFailed, match="boom"):
        run_scale(folders, [3], jobs=1, setup=ScaleSetup(command=(sys.executable, str(failing))))


def test_render_puts_each_figure_next_to_its_target() -> None:
    figures = ScaleFigures(
        runs=(RunFigure(100, 1, 10.0, 300.0, 3_600), RunFigure(1_000, 1, 110.0, 450.0, 36_000)),
        parallel=RunFigure(1_000, 2, 60.0, 330.0),
        cores=2,
        extraction=(RunFigure(1_000, 1, 80.0, 300.0), RunFigure(1_000, 2, 45.0, 300.0)),
    )
    text = render_scale(figures)
    row = next(line for line in text.splitlines() if line.strip().startswith("1,000"))
    assert "1.10 meets" in row and "1.50 MISSES" in row
    assert "speed-up 1.83" in text and "speed-up 1.78" in text and "MISSES" in text


def test_the_speedup_is_the_median_of_the_pairs(tmp_path: Path, folders: Folders) -> None:
    figures = run_scale(folders, [3, 6], jobs=2, setup=_setup(tmp_path, folders), pairs=3)
    assert [(one.jobs, many.jobs, one.articles) for one, many in figures.pairs] == [(1, 2, 6), (1, 2, 6)]
    assert len(figures.speedups) == 3
    one = RunFigure(1_000, 1, 100.0, 300.0)
    spread = ScaleFigures(
        runs=(RunFigure(100, 1, 10.0, 300.0), one),
        parallel=RunFigure(1_000, 2, 40.0, 300.0),  # 2.5: an outlier a busy machine can give
        pairs=((RunFigure(1_000, 1, 90.0, 300.0), RunFigure(1_000, 2, 60.0, 300.0)),  # 1.5
               (RunFigure(1_000, 1, 80.0, 300.0), RunFigure(1_000, 2, 50.0, 300.0))),  # 1.6
    )  # fmt: skip
    assert spread.speedup == pytest.approx(1.6)
    text = render_scale(spread)
    assert "median of 3 pairs): 1.60  target >= 1.6: meets" in text and "speed-up 1.50" in text


def test_generated_corpora_are_varied() -> None:
    seeds = load_sources(Folders().sources)
    articles = generate_corpus(seeds, 20, seed=1)
    assert len({article.text.split("\n\n", 1)[1] for article in articles}) == 20
    assert generate_corpus(seeds, 20, seed=1) == articles and generate_corpus(seeds, 20, seed=2) != articles
