"""Reconcile: group claims, find contradictions, and give each claim a verdict with evidence.

Probe results decide the present, reference facts (``claims/facts/*.yaml``) decide the past,
and the article's publication date tells ``outdated`` from ``refuted``. Sources agreeing or
disagreeing matters only when no evidence decides: then disagreement makes a claim
``contested``. Output is deterministic and keeps the input order of claims.
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Mapping

from pipeline.reconcile.classes import ContradictionInput
from pipeline.reconcile.contradictions import Findings, contradictions_in, find_contradictions
from pipeline.reconcile.evidence import Timeline
from pipeline.reconcile.explain import confusion
from pipeline.reconcile.facts import load_fact_folder
from pipeline.reconcile.lexicon import Lexicon, load_lexicon
from pipeline.reconcile.reading import Reading, read_claim
from pipeline.reconcile.rationale import Outcome
from pipeline.reconcile.verdicts import Context, judge
from pipeline.records import CheckedClaim, Claim, Contradiction, Fact, ProbeResult, Source, Verdict
from pipeline.vocab import Vocabulary

__all__ = ["ContradictionInput", "Judge", "contradictions_in", "load_facts", "reconcile"]


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


class Judge:
    """Gives claims their verdicts, any number at a time, once contradictions are known.

    ``named`` holds the claims the contradictions name, with their readings: a verdict may
    quote them, and their own verdicts explain the contradictions. Every other claim is
    needed only while it is judged, so a corpus is judged article by article.
    """

    def __init__(self, findings: Findings, named: Mapping[str, tuple[Claim, Reading]], context: Context) -> None:
        self.findings = findings
        self.context = context
        self._named_readings = {claim_id: reading for claim_id, (_, reading) in named.items()}
        self._named_verdicts: dict[str, CheckedClaim] = {}

    def judge(self, claims: Iterable[Claim], readings: Mapping[str, Reading]) -> list[CheckedClaim]:
        """Each claim with its verdict, in the order given."""
        context = replace(self.context, readings=ChainMap(dict(readings), self._named_readings))  # type: ignore[arg-type]
        checked = []
        for claim in claims:
            outcome = _explained(judge(claim, context), claim, context)
            verdict = Verdict(claim_id=claim.id, label=outcome.label, rationale=outcome.rationale, evidence=outcome.evidence)  # type: ignore[arg-type]
            item = CheckedClaim(claim=claim, verdict=verdict)
            if claim.id in self._named_readings:
                self._named_verdicts[claim.id] = item
            checked.append(item)
        return checked

    @property
    def named_verdicts(self) -> dict[str, CheckedClaim]:
        """The verdicts given so far to claims that contradictions name."""
        return dict(self._named_verdicts)

    def adopt(self, verdicts: Mapping[str, CheckedClaim]) -> None:
        """Take on verdicts of named claims given by another process judging other articles."""
        self._named_verdicts.update(verdicts)

    def explain(self) -> list[Contradiction]:
        """Each contradiction with what the evidence says about its two claims (once every
        claim it names has been judged)."""
        context = replace(self.context, readings=self._named_readings)
        checked = self._named_verdicts
        explained = []
        for record in self.findings.contradictions:
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


def start_judging(
    findings: Findings,
    named: Mapping[str, tuple[Claim, Reading]],
    sources: Iterable[Source],
    probe_results: list[ProbeResult],
    facts: list[Fact],
    vocab: Vocabulary,
    lexicon: Lexicon,
) -> Judge:
    """A judge for a run whose contradictions are ``findings``."""
    context = Context(
        timeline=Timeline(facts, probe_results, vocab, lexicon),
        lexicon=lexicon,
        findings=findings,
        readings={},
        published={source.file: source.published for source in sources},
        claims={claim_id: claim for claim_id, (claim, _) in named.items()},
    )
    return Judge(findings, named, context)


def reconcile(
    claims: list[Claim],
    sources: list[Source],
    probe_results: list[ProbeResult],
    facts: list[Fact],
    vocab: Vocabulary,
    known: dict[str, Reading] | None = None,
) -> tuple[list[CheckedClaim], list[Contradiction]]:
    """Every claim with exactly one verdict, in input order, and the contradictions found.

    ``known`` holds readings already made; the rest are read here. A run too large to hold
    at once uses the same parts article by article (``pipeline.run``).
    """
    lexicon = load_lexicon()
    known = known or {}
    readings = {claim.id: known.get(claim.id) or read_claim(claim, vocab, lexicon) for claim in claims}
    findings = find_contradictions(claims, readings, lexicon)
    by_id = {claim.id: claim for claim in claims}
    named = {claim_id: (by_id[claim_id], readings[claim_id]) for claim_id in findings.named()}
    judging = start_judging(findings, named, sources, probe_results, facts, vocab, lexicon)
    return judging.judge(claims, readings), judging.explain()
