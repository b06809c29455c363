"""The cold-probe figure: the ideal from imports and benchmark times, and its rendering."""

from __future__ import annotations

import sys

import pytest

from pipeline.bench.probes import FrameworkCost, ProbeFigures, benchmark_seconds, render_probes, time_import


def _figures(stage: float, cores: int, *costs: tuple[str, float, float]) -> ProbeFigures:
    frameworks = tuple(FrameworkCost(name, imported, benchmark) for name, imported, benchmark in costs)
    return ProbeFigures(stage_seconds=stage, probes=10, processes=4, cores=cores, frameworks=frameworks)


def test_ideal_is_the_sum_over_the_cores_when_the_work_spreads() -> None:
    figures = _figures(13.0, 2, ("a", 4.0, 1.0), ("b", 3.0, 2.0), ("c", 5.0, 5.0))
    assert figures.ideal_seconds == pytest.approx(10.0)
    assert figures.ratio == pytest.approx(1.3)
    assert "target <= 1.3: meets" in render_probes(figures)


def test_ideal_is_the_slowest_framework_when_one_dominates() -> None:
    figures = _figures(30.0, 4, ("a", 1.0, 0.0), ("b", 15.0, 5.0))
    assert figures.ideal_seconds == pytest.approx(20.0)
    assert "target <= 1.3: MISSES" in render_probes(figures)


def test_without_a_benchmark_there_is_no_ideal_to_compare_with() -> None:
    text = render_probes(_figures(5.0, 2))
    assert "no benchmark result" in text and "Ratio" not in text


def test_benchmark_seconds_prefers_the_reported_elapsed_time() -> None:
    observed = {
        "elapsed_s": {"pytorch": 2.5},
        "config": {"warmup": 5, "steps": 20, "repeats": 5},
        "variants": {"pytorch": {"models": {"mlp": {"median_s": 0.001}}}, "tensorflow": {"models": {"mlp": {"median_s": 0.002}, "cnn": {"median_s": 0.004}}}},
    }
    assert benchmark_seconds(observed, "pytorch") == 2.5
    assert benchmark_seconds(observed, "tensorflow") == pytest.approx(105 * 0.006)


def test_time_import_times_a_fresh_interpreter_and_marks_failures() -> None:
    assert 0.0 < time_import(sys.executable, "import json", {}) < 60.0
    assert time_import(sys.executable, "import no_such_module_anywhere", {}) == float("inf")


def test_measure_probes_runs_every_probe_cold(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.bench.probes import measure_probes
    from tests.tmp_project import make_project

    folders = make_project(tmp_path, with_probe=True)
    figures = measure_probes(folders)
    assert figures.probes == 1 and figures.processes == 1 and figures.stage_seconds > 0
    assert figures.frameworks == () and figures.not_ok == ()
    assert not list(folders.cache.glob("**/*"))  # the figure never reads or fills a cache
