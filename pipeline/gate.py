"""CI gating: which verdicts make ``factcheck run`` fail, optionally against a baseline."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.errors import E_BAD_VALUE, FactcheckError, Location
from pipeline.records import VERDICT_LABELS, RunResult


def parse_fail_on(text: str | None) -> set[str]:
    """``"refuted,outdated"`` -> {"refuted", "outdated"}; unknown labels are an error."""
    if not text:
        return set()
    labels = {part.strip() for part in text.split(",") if part.strip()}
    unknown = labels - set(VERDICT_LABELS)
    if unknown:
        raise FactcheckError(
            E_BAD_VALUE, f"unknown verdict(s) {sorted(unknown)} in --fail-on", fix=f"use: {', '.join(VERDICT_LABELS)}"
        )
    return labels


def _baseline_verdicts(path: Path) -> dict[str, str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return {row["id"]: row["verdict"] for row in document["claims"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FactcheckError(E_BAD_VALUE, f"not a factcheck claims.json ({exc})", Location(path), "pass a claims.json from an earlier run") from None


def gate_failures(result: RunResult, fail_on: str | None, baseline: Path | None) -> list[str]:
    """One line per claim that should fail the run."""
    labels = parse_fail_on(fail_on)
    if not labels:
        return []
    previous = _baseline_verdicts(baseline) if baseline else None
    failures = []
    for item in result.checked:
        label = item.verdict.label
        if label not in labels:
            continue
        if previous is not None and previous.get(item.claim.id) == label:
            continue
        where = f"{item.claim.source}:{item.claim.start}" if item.claim.start is not None else item.claim.source
        failures.append(f"{label}: {where}: {item.claim.quote!r} ({item.verdict.rationale})")
    return failures
