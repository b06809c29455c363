"""Reconcile: group claims, find contradictions, and give each claim a verdict."""

from __future__ import annotations

from pathlib import Path

from pipeline.records import CheckedClaim, Claim, Contradiction, Fact, ProbeResult, Source, Verdict
from pipeline.vocab import Vocabulary


def load_facts(folder: Path, vocab: Vocabulary) -> list[Fact]:
    """Reference facts from ``claims/facts/*.yaml`` (none yet)."""
    return []


def reconcile(
    claims: list[Claim],
    sources: list[Source],
    probe_results: list[ProbeResult],
    facts: list[Fact],
    vocab: Vocabulary,
) -> tuple[list[CheckedClaim], list[Contradiction]]:
    """Every claim with a verdict; until evidence rules exist, each is unverifiable with that reason."""
    checked = [
        CheckedClaim(
            claim=claim,
            verdict=Verdict(claim_id=claim.id, label="unverifiable", rationale="No evidence rule applies to this claim yet."),
        )
        for claim in claims
    ]
    return checked, []
