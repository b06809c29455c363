"""The benchmark: a tiny configuration run for real, and the speed comparison the verdict
stage uses to decide "X is faster than Y" claims."""

from __future__ import annotations

from typing import Callable

import pytest

from pipeline.probes import compare_speed, run_probes
from pipeline.probes.speed import block_statistics, summarise_variants
from pipeline.records import ProbeResult
from tests.probes.conftest import require

TINY_BENCHMARK = """
probes:
  - id: test.speed
    subject: keras
    attribute: performance
    kind: benchmark.v1
    description: the shipped benchmark's code with tiny sizes
    timeout: 120
    params:
      variants: [pytorch, "keras[jax]"]
      steps: 2
      warmup: 1
      repeats: 3
      batch_size: 8
      hidden: 16
      image_size: 8
      tolerance: 0.2
      aliases: {keras: "keras[jax]"}
"""


def test_a_tiny_benchmark_runs_each_variant_and_ranks_them(load_yaml: Callable) -> None:
    for module in ("torch", "keras", "jax"):
        require(module)
    (result,) = run_probes(load_yaml(TINY_BENCHMARK))
    assert result.status == "ok", result.reason
    observed = result.observed
    assert sorted(observed["variants"]) == ["keras[jax]", "pytorch"]
    assert sorted(observed["ranking"]) == ["keras[jax]", "pytorch"]
    for entry in observed["variants"].values():
        assert set(entry["models"]) == {"mlp", "cnn"}
        assert entry["score_s"] > 0 and entry["rel_spread"] >= 0
    assert observed["machine"]["logical_cores"] >= 1 and observed["config"]["steps"] == 2
    assert isinstance(result.value, str)
    assert result.value.startswith(f"fastest first: {observed['ranking'][0]} 1.00x")
    verdict, ratio, spread = compare_speed(result, "pytorch", "keras")
    assert verdict in ("faster", "slower", "within_noise") and ratio > 0 and spread >= 0


def benchmark_result(scores: dict[str, tuple[float, float]], tolerance: float = 0.15) -> ProbeResult:
    variants = {name: {"score_s": score, "rel_spread": spread} for name, (score, spread) in scores.items()}
    observed = {"variants": variants, "tolerance": tolerance, "aliases": {"keras": "keras[tensorflow]"}}
    return ProbeResult(probe_id="speed", subject="keras", attribute="performance", status="ok", observed=observed)


def test_compare_speed_decides_beyond_the_noise() -> None:
    result = benchmark_result({"pytorch": (1.0, 0.02), "keras[tensorflow]": (1.4, 0.03), "keras[jax]": (1.05, 0.02)})
    assert compare_speed(result, "pytorch", "keras") == ("faster", 1.4, round(1.4 * (0.02**2 + 0.03**2) ** 0.5, 4))
    assert compare_speed(result, "keras", "pytorch")[0] == "slower"
    assert compare_speed(result, "keras[jax]", "pytorch")[0] == "within_noise"


def test_a_wide_spread_widens_the_noise_band() -> None:
    result = benchmark_result({"pytorch": (1.0, 0.5), "tensorflow": (1.3, 0.5)}, tolerance=0.05)
    assert compare_speed(result, "pytorch", "tensorflow")[0] == "within_noise"


def test_compare_speed_refuses_what_was_not_measured() -> None:
    with pytest.raises(ValueError, match="no timing for 'jax'"):
        compare_speed(benchmark_result({"pytorch": (1.0, 0.0)}), "pytorch", "jax")
    crashed = ProbeResult(
        probe_id="speed", subject="keras", attribute="performance", status="crashed", reason="probe crashed"
    )
    with pytest.raises(ValueError, match="did not run"):
        compare_speed(crashed, "pytorch", "keras")


def test_block_statistics_and_ratios() -> None:
    assert block_statistics([3.0, 1.0, 2.0]) == {"median_s": 2.0, "q1_s": 1.5, "q3_s": 2.5, "min_s": 1.0, "max_s": 3.0}
    assert block_statistics([2.0])["q1_s"] == 2.0
    variants = summarise_variants(
        {"a": {"mlp": [1.0, 1.0], "cnn": [4.0, 4.0]}, "b": {"mlp": [2.0, 2.0], "cnn": [8.0, 8.0]}}
    )
    assert variants["a"]["score_s"] == 2.0 and variants["b"]["ratio_to_fastest"] == 2.0
