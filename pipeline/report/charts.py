"""Mermaid charts GitHub renders in Markdown without image files.

Two charts: verdicts per source, and the speed benchmark's time ratios. Mermaid's
``xychart-beta`` draws several bar series on top of each other rather than stacked, so the
verdict chart plots cumulative counts from the largest down; each visible band is then one
verdict, and a fixed palette plus a legend line tell which.

A benchmark probe's ``observed`` value has no fixed shape, so ``benchmark_timings`` accepts
the usual ones (variant -> seconds, variant -> {median: ...}, a list of {name, median})
and anything else yields None, which the pages report in a sentence instead of a chart.
"""

from __future__ import annotations

from typing import Any

from pipeline.records import VERDICT_LABELS, ProbeResult
from pipeline.report.markdown import badge, table, truncate, value_text, versions_text

# Bar colours for the verdict chart, drawn last label first (see the module docstring).
_COLOURS = {
    "supported": "#2da44e",
    "refuted": "#cf222e",
    "outdated": "#d4a72c",
    "contested": "#8250df",
    "unverifiable": "#8c959f",
}
_SQUARES = {"supported": "🟩", "refuted": "🟥", "outdated": "🟨", "contested": "🟪", "unverifiable": "⬜"}
_CONTAINERS = ("timings", "variants", "results", "benchmarks", "runs")
_SECONDS = ("score_s", "median_s", "median", "mean_s", "mean", "best_s", "best", "min_s", "min", "seconds", "time_s", "time")
_MILLIS = ("median_ms", "mean_ms", "best_ms", "min_ms", "time_ms", "ms")
_NAMES = ("variant", "name", "framework", "label", "id")


def _label(text: str) -> str:
    """A quoted Mermaid label; Mermaid has no escape for double quotes, so they become single."""
    return '"' + text.replace('"', "'") + '"'


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return None
    return float(value)


def _seconds(entry: Any) -> float | None:
    """One variant's time in seconds: a bare number, or a mapping with a known time key."""
    if not isinstance(entry, dict):
        return _number(entry)
    for key in _SECONDS:
        if _number(entry.get(key)) is not None:
            return _number(entry.get(key))
    for key in _MILLIS:
        found = _number(entry.get(key))
        if found is not None:
            return found / 1000
    return None


def benchmark_timings(observed: Any) -> dict[str, float] | None:
    """Variant -> seconds from a benchmark observation, or None when it has no such shape."""
    if isinstance(observed, dict):
        for key in _CONTAINERS:
            nested = benchmark_timings(observed.get(key)) if isinstance(observed.get(key), (dict, list)) else None
            if nested:
                return nested
        if _seconds(observed) is not None:
            return None  # one measurement, not a comparison of variants
        found = {str(name): _seconds(entry) for name, entry in observed.items()}
        timings = {name: t for name, t in found.items() if t is not None}
    elif isinstance(observed, list):
        timings = {}
        for entry in observed:
            if isinstance(entry, dict):
                name = next((str(entry[k]) for k in _NAMES if k in entry), None)
                if name is not None and _seconds(entry) is not None:
                    timings[name] = _seconds(entry)  # type: ignore[assignment]
    else:
        return None
    return dict(sorted(timings.items())) if len(timings) >= 2 else None


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.3g} ms" if seconds < 1 else f"{seconds:.3g} s"


def _axis_max(value: float) -> float:
    return round(value * 1.15 + 0.05, 1)


def benchmark_block(probe: ProbeResult) -> list[str]:
    """A bar chart and a table of time relative to the fastest variant, or a sentence why not."""
    versions = versions_text(probe.versions)
    head = [f"Probe `{probe.probe_id}` ({probe.status}) on {versions}."]
    if probe.status != "ok":
        return head + ["", f"No chart: the benchmark did not run ({truncate(probe.reason or probe.status, 160)})."]
    timings = benchmark_timings(probe.observed)
    if not timings:
        summary = truncate(probe.reason or value_text(probe.value), 160)
        return head + ["", f"No chart: the observation has no per-variant timings to compare ({summary})."]
    fastest = min(timings.values())
    ratios = {name: round(t / fastest, 2) for name, t in timings.items()}
    chart = [
        "```mermaid",
        "xychart-beta",
        f"    title {_label('Time relative to the fastest (lower is faster)')}",
        "    x-axis [" + ", ".join(_label(name) for name in ratios) + "]",
        f"    y-axis {_label('x fastest')} 0 --> {_axis_max(max(ratios.values()))}",
        "    bar [" + ", ".join(f"{ratio:g}" for ratio in ratios.values()) + "]",
        "```",
    ]
    rows = [[name, _duration(timings[name]), f"{ratios[name]:.2f}×"] for name in ratios]
    spreads = _spreads(probe.observed)
    if spreads:
        rows = [row + [spreads.get(row[0], "—")] for row in rows]
    headers = ["Variant", "Time", "× fastest"] + (["Spread"] if spreads else [])
    return head + ["", *chart, "", *table(headers, rows, numeric=(1, 2, 3))]


def _spreads(observed: Any) -> dict[str, str]:
    """Variant -> ``±12%`` when the benchmark reports a relative spread (``rel_spread``)."""
    variants = observed.get("variants") if isinstance(observed, dict) else None
    if not isinstance(variants, dict):
        return {}
    found = {name: entry.get("rel_spread") for name, entry in variants.items() if isinstance(entry, dict)}
    return {str(name): f"±{round(100 * value)}%" for name, value in found.items() if _number(value) is not None}


def verdict_bars(labels: list[str], counts: list[dict[str, int]]) -> list[str]:
    """Horizontal bars of verdicts per source, banded by verdict; empty when there are no claims."""
    if not labels or not any(sum(c.values()) for c in counts):
        return []
    order = list(reversed(VERDICT_LABELS))  # widest cumulative bar first, so narrower ones sit on top
    palette = ", ".join(_COLOURS[label] for label in order)
    lines = [
        "```mermaid",
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "' + palette + '"}}}}%%',
        "xychart-beta horizontal",
        f"    title {_label('Verdicts per source')}",
        "    x-axis [" + ", ".join(_label(label) for label in labels) + "]",
        f"    y-axis {_label('claims')} 0 --> {max(sum(c.values()) for c in counts)}",
    ]
    for position in range(len(order)):
        kept = order[position:]
        lines.append("    bar [" + ", ".join(str(sum(c[label] for label in kept)) for c in counts) + "]")
    lines.append("```")
    legend = " · ".join(f"{_SQUARES[label]} {label}" for label in VERDICT_LABELS)
    return lines + ["", f"<sub>Bands from the axis outwards: {legend}.</sub>"]


def verdict_pie(counts: dict[str, int]) -> list[str]:
    """A pie of one source's verdicts; empty when it has no claims."""
    if not sum(counts.values()):
        return []
    lines = ["```mermaid", "pie showData", f"    title {_label('Verdicts')}"]
    lines += [f"    {_label(badge(label))} : {count}" for label, count in counts.items() if count]
    return lines + ["```"]
