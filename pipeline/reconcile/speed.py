"""Speed comparisons against the benchmark probe, weighed as weak evidence.

A tiny CPU benchmark on one machine cannot establish "X is faster than Y" in general (it
depends on model, hardware, backend and compilation), so it never supports or refutes such a
claim by itself. When it measures the opposite, or no difference beyond noise, it is enough
to dispute the claim, and the claim becomes contested with the measurement as evidence.
"""

from __future__ import annotations

from typing import Callable

from pipeline.reconcile.evidence import Timeline, probe_evidence
from pipeline.reconcile.grouping import relation_order
from pipeline.reconcile.rationale import Outcome
from pipeline.records import Claim

Comparer = Callable[..., tuple[str, float, float]]


def _comparer() -> Comparer | None:
    """The probe package's compare_speed, when the probe package provides one."""
    try:
        from pipeline.probes import compare_speed  # type: ignore[attr-defined]
    except ImportError:
        return None
    return compare_speed  # type: ignore[no-any-return]


def speed_outcome(claim: Claim, timeline: Timeline) -> Outcome | None:
    """Contested when a benchmark disputes the stated speed order; None otherwise."""
    order = relation_order(claim)
    compare = _comparer()
    if order is None or compare is None:
        return None
    # a benchmark filed under one subject (the Keras bench) may time the two compared frameworks too
    benches = [r for (_, attribute), results in sorted(timeline.probes.items()) if attribute == "performance" for r in results]
    for subject in (order.winner, order.loser):
        for result in [r for r in benches if r.subject == subject] + [r for r in benches if r.subject not in (order.winner, order.loser)]:
            try:
                measured, ratio, spread = compare(result, order.winner, order.loser)
            except (KeyError, ValueError, TypeError, ZeroDivisionError):
                continue
            if measured == "faster":
                continue
            finding = "no difference beyond noise" if measured == "within_noise" else f"{order.loser} ahead"
            rationale = (
                f"A small CPU benchmark on one machine measured {finding} (ratio {ratio:.2f}, spread {spread:.2f}); "
                f"too narrow to refute a general speed claim, but enough to dispute it."
            )
            return Outcome("contested", rationale, (probe_evidence(result),))
    return None
