"""Benchmark statistics and the speed comparison the verdict stage uses.

Variant names: ``pytorch``, ``tensorflow`` (no Keras), ``keras[tensorflow]``,
``keras[jax]``, ``keras[torch]``. A variant's score is the geometric mean over models of
its median seconds per step; its spread is the mean relative interquartile range.
"""

from __future__ import annotations

import math
import statistics
from typing import Any, Literal

from pipeline.records import ProbeResult

SpeedVerdict = Literal["faster", "slower", "within_noise"]


def block_statistics(seconds: list[float]) -> dict[str, float]:
    """Median, quartiles and extremes of per-block seconds per step."""
    median = statistics.median(seconds)
    if len(seconds) > 1:
        q1, _, q3 = statistics.quantiles(seconds, n=4, method="inclusive")
    else:
        q1 = q3 = median
    stats = {"median_s": median, "q1_s": q1, "q3_s": q3, "min_s": min(seconds), "max_s": max(seconds)}
    return {key: round(value, 7) for key, value in stats.items()}


def summarise_variants(step_seconds: dict[str, dict[str, list[float]]]) -> dict[str, dict[str, Any]]:
    """Per variant: per-model statistics, overall score, relative spread and ratio to the fastest."""
    variants: dict[str, dict[str, Any]] = {}
    for variant, per_model in sorted(step_seconds.items()):
        models = {name: block_statistics(seconds) for name, seconds in sorted(per_model.items())}
        medians = [stats["median_s"] for stats in models.values()]
        score = math.exp(statistics.fmean(math.log(max(m, 1e-12)) for m in medians))
        spread = statistics.fmean((s["q3_s"] - s["q1_s"]) / max(s["median_s"], 1e-12) for s in models.values())
        variants[variant] = {"models": models, "score_s": round(score, 7), "rel_spread": round(spread, 4)}
    fastest = min((entry["score_s"] for entry in variants.values()), default=1.0)
    for entry in variants.values():
        entry["ratio_to_fastest"] = round(entry["score_s"] / fastest, 3)
    return variants


def summary_line(variants: dict[str, dict[str, Any]], tolerance: float) -> str:
    """``fastest first: pytorch 1.00x ±0.02, keras[jax] 1.31x ±0.05`` (ratios of step time)."""
    ranked = sorted(variants, key=lambda name: (variants[name]["score_s"], name))
    parts = [f"{name} {variants[name]['ratio_to_fastest']:.2f}x ±{variants[name]['rel_spread']:.2f}" for name in ranked]
    return f"fastest first: {', '.join(parts)} (tolerance {tolerance:.2f})"


def _variant(observed: dict[str, Any], name: str) -> dict[str, Any]:
    resolved = (observed.get("aliases") or {}).get(name, name)
    variants = observed.get("variants") or {}
    if resolved not in variants:
        raise ValueError(f"no timing for {name!r}; measured variants: {', '.join(sorted(variants))}")
    return variants[resolved]


def compare_speed(result: ProbeResult, faster: str, slower: str) -> tuple[SpeedVerdict, float, float]:
    """Decide "``faster`` is faster than ``slower``" from a benchmark result.

    Returns (verdict, ratio, spread): ratio is slower's step time over faster's (above 1
    means the claim's direction holds), spread its uncertainty from both variants'
    relative IQRs. "within_noise" when the difference is inside the larger of the probe's
    YAML ``tolerance`` and that spread. Names are variants or aliases from the probe's
    params (``keras`` -> ``keras[tensorflow]``). Raises ValueError when the result holds
    no timing for a name.
    """
    if result.status != "ok" or not isinstance(result.observed, dict):
        raise ValueError(f"benchmark {result.probe_id} did not run: {result.reason or result.status}")
    first, second = _variant(result.observed, faster), _variant(result.observed, slower)
    ratio = second["score_s"] / first["score_s"]
    spread = ratio * math.hypot(first["rel_spread"], second["rel_spread"])
    tolerance = float(result.observed.get("tolerance", 0.0))
    if abs(ratio - 1.0) <= max(tolerance, spread):
        verdict: SpeedVerdict = "within_noise"
    else:
        verdict = "faster" if ratio > 1.0 else "slower"
    return verdict, round(ratio, 4), round(spread, 4)
