"""Explanations from evidence: a wrong value that belongs to a related framework.

When a refuted claim's value is exactly what a reference fact says about a framework the
subject is related to (one its facts name, such as the project it grew out of), the claim
most likely confuses the two. The rule reads only facts, so any lineage written in
``claims/facts`` explains its own confusions.
"""

from __future__ import annotations

from pipeline.reconcile.evidence import Timeline, fact_evidence
from pipeline.reconcile.reading import Reading
from pipeline.records import Claim, Evidence, Fact


def related_subjects(subject: str, timeline: Timeline) -> list[str]:
    """Frameworks named by the subject's facts (lineage, integration), in a stable order."""
    names: set[str] = set()
    for (owner, attribute), facts in timeline.facts.items():
        if owner != subject:
            continue
        for fact in facts:
            names.update(t for t in timeline.tokens_of(attribute, fact.value) if t in timeline.vocab.subjects and t != subject)
    return sorted(names)


def confusion(claim: Claim, reading: Reading, timeline: Timeline) -> tuple[str, Evidence] | None:
    """A sentence and the fact showing that the claimed value belongs to a related framework."""
    if not reading.tokens or reading.negative:
        return None
    if reading.tokens & timeline.known(claim.subject, (claim.attribute,)):
        return None  # the subject has had this value itself: no confusion to explain
    for related in related_subjects(claim.subject, timeline):
        for fact in timeline.facts_for(related, claim.attribute):
            if reading.tokens <= timeline.tokens_of(claim.attribute, fact.value):
                return _sentence(claim, related, fact), fact_evidence(fact)
    return None


def _sentence(claim: Claim, related: str, fact: Fact) -> str:
    value = ", ".join(sorted(map(str, claim.value))) if isinstance(claim.value, list) else str(claim.value)
    return (
        f"the claimed {claim.attribute.replace('_', ' ')} ({value}) is that of {related}, a framework {claim.subject} "
        f"is related to, so the claim likely confuses the two ({fact.statement.rstrip('.')})"
    )
