"""Reconcile: group claims, find contradictions, and give each claim a verdict with evidence.

Probe results decide the present, reference facts (``claims/facts/*.yaml``) decide the past,
and the article's publication date tells ``outdated`` from ``refuted``. Sources agreeing or
disagreeing matters only when no evidence decides: then disagreement makes a claim
``contested``. Output is deterministic and keeps the input order of claims.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.reconcile.contradictions import Findings, find_contradictions
from pipeline.reconcile.evidence import Timeline
from pipeline.reconcile.explain import confusion
from pipeline.reconcile.facts import load_fact_folder
from pipeline.reconcile.lexicon import load_lexicon
from pipeline.reconcile.reading import Reading, read_claim
from pipeline.reconcile.rationale import Outcome
from pipeline.reconcile.verdicts import Context, judge
from pipeline.records import CheckedClaim, Claim, Contradiction, Fact, ProbeResult, Source, Verdict
from pipeline.vocab import Vocabulary

__all__ = ["load_facts", "reconcile"]


def load_facts(folder: Path, vocab: Vocabulary) -> list[Fact]:
    """Reference facts from ``folder/*.yaml``, validated; problems raised together as an ErrorGroup."""
    return load_fact_folder(folder, vocab)


def _explained(outcome: Outcome, claim: Claim, context: Context) -> Outcome:
    """A refuted outcome with the related-framework confusion appended when the facts show one."""
    if outcome.label != "refuted":
        return outcome
    found = confusion(claim, context.readings[claim.id], context.timeline)
    if found is None:
        return outcome
    sentence, evidence = found
    rationale = outcome.rationale.rstrip(".") + f"; {sentence}."
    return Outcome(outcome.label, rationale, outcome.evidence + (evidence,))


def _explain_contradictions(findings: Findings, checked: dict[str, CheckedClaim], context: Context) -> list[Contradiction]:
    """Each contradiction with what the evidence says about its two claims."""
    explained = []
    for record in findings.contradictions:
        labels = [checked[record.claim_a].verdict, checked[record.claim_b].verdict]
        # name each side by its source, which a reader of the report can place
        notes = [
            f"the {position} claim ({checked[v.claim_id].claim.source}) is {v.label}"
            for position, v in zip(("first", "second"), labels)
            if v.label in ("supported", "refuted", "outdated")
        ]
        for verdict in labels:
            found = confusion(context.claims[verdict.claim_id], context.readings[verdict.claim_id], context.timeline)
            if verdict.label == "refuted" and found:
                notes.append(found[0])
        explanation = record.explanation + (f"; evidence: {'; '.join(notes)}" if notes else "; no evidence settles it")
        explained.append(record.model_copy(update={"explanation": explanation}))
    return explained


def reconcile(
    claims: list[Claim],
    sources: list[Source],
    probe_results: list[ProbeResult],
    facts: list[Fact],
    vocab: Vocabulary,
    known: dict[str, Reading] | None = None,
) -> tuple[list[CheckedClaim], list[Contradiction]]:
    """Every claim with exactly one verdict, in input order, and the contradictions found.

    ``known`` holds readings already made (in the workers that prepared the articles); the
    rest are read here.
    """
    lexicon = load_lexicon()
    known = known or {}
    readings = {claim.id: known.get(claim.id) or read_claim(claim, vocab, lexicon) for claim in claims}
    findings = find_contradictions(claims, readings, lexicon)
    context = Context(
        timeline=Timeline(facts, probe_results, vocab, lexicon),
        lexicon=lexicon,
        findings=findings,
        readings=readings,
        published={source.file: source.published for source in sources},
        claims={claim.id: claim for claim in claims},
    )
    checked: list[CheckedClaim] = []
    rationales: dict[str, str] = {}  # thousands of claims share a few thousand rationales: keep one copy of each
    for claim in claims:
        outcome = _explained(judge(claim, context), claim, context)
        rationale = rationales.setdefault(outcome.rationale, outcome.rationale)
        verdict = Verdict(claim_id=claim.id, label=outcome.label, rationale=rationale, evidence=outcome.evidence)  # type: ignore[arg-type]
        checked.append(CheckedClaim(claim=claim, verdict=verdict))
    by_id = {item.claim.id: item for item in checked}
    return checked, _explain_contradictions(findings, by_id, context)
