"""One-sentence rationales and Evidence records for verdicts."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.reconcile.evidence import State, state_evidence
from pipeline.records import Evidence, ProbeResult

LABEL_TEMPLATES = {
    "supported": "The evidence agrees with the claim for the installed releases: {now}.",
    "outdated": "True when the article was written ({published}: {then}), but no longer: {now}.",
    "refuted": "The evidence contradicts the claim, and it already did when the article was written ({published}): {then}.",
    "refuted_now": "The evidence contradicts the claim: {now}.",
}


@dataclass(frozen=True)
class Outcome:
    """A verdict label with its rationale and deciding evidence."""

    label: str
    rationale: str
    evidence: tuple[Evidence, ...] = ()


MAX_STATEMENTS = 3


def describe(state: State | None) -> str:
    """The statements behind a state, joined for one readable sentence (the rest stays in the evidence)."""
    if state is None or not state.covered:
        return "no evidence for that time"
    parts = [f"probe {p.probe_id} observed {p.value!r}" for p in state.probes]
    parts += [fact.statement.rstrip(".") for fact in state.facts]
    if len(parts) > MAX_STATEMENTS:
        parts = parts[:MAX_STATEMENTS] + [f"and {len(parts) - MAX_STATEMENTS} more in the evidence"]
    return "; ".join(parts)


def timed_outcome(label: str, now: State, then: State | None, published: str | None) -> Outcome:
    """A supported/outdated/refuted outcome whose rationale quotes the deciding evidence."""
    template = LABEL_TEMPLATES["refuted_now"] if label == "refuted" and (then is None or not then.covered) else LABEL_TEMPLATES[label]
    rationale = template.format(now=describe(now), then=describe(then), published=published or "undated")
    states = [now] if label == "supported" else [s for s in (then, now) if s is not None]
    return Outcome(label, rationale, state_evidence(*states))


def failed_probe_outcome(failures: list[ProbeResult]) -> Outcome:
    """Unverifiable because the deciding probe could not run."""
    first = failures[0]
    reason = first.reason or first.status
    rationale = f"The probe {first.probe_id} that would decide this claim did not run ({first.status}: {reason})."
    return Outcome("unverifiable", rationale, tuple(
        Evidence(kind="probe", ref=r.probe_id, summary=r.reason or r.status, versions=dict(r.versions), status=r.status)
        for r in failures
    ))


def contested_outcome(reason: str, evidence: tuple[Evidence, ...]) -> Outcome:
    """Contested: sources (or sources and evidence) disagree and nothing settles it."""
    return Outcome("contested", f"Sources disagree and no probe or reference fact settles it: {reason}.", evidence)
