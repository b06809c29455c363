"""Maturity comparisons: "A is not as mature as B" dates with A's pre-1.0 (beta) period.

Maturity cannot be measured, but its usual ground can: a framework still in an early
0.x/beta stage (a fact with the ``beta`` token under ``initial_release``) is less mature than
an established one. Once that stage ended, the comparison is outdated; a comparison made
after it ended is left to the other rules. The cue words are data (``cues.yaml``: maturity).
"""

from __future__ import annotations

from datetime import date

from pipeline.reconcile.evidence import Timeline, fact_evidence, fact_holds
from pipeline.reconcile.lexicon import Lexicon
from pipeline.reconcile.rationale import Outcome
from pipeline.records import Claim

STAGE_ATTRIBUTE = "initial_release"
EARLY_STAGE = "beta"


def maturity_outcome(claim: Claim, loser: str, day: date | None, timeline: Timeline, lexicon: Lexicon) -> Outcome | None:
    """Outdated when ``loser`` was in its early stage when the article was written and no longer is."""
    if day is None or not lexicon.has_cue("maturity", claim.quote):
        return None
    stages = [f for f in timeline.facts_for(loser, STAGE_ATTRIBUTE) if EARLY_STAGE in timeline.tokens_of(STAGE_ATTRIBUTE, f.value)]
    then = [f for f in stages if fact_holds(f, day)]
    if not then or any(fact_holds(f, None) for f in stages):
        return None
    rationale = f"Outdated: {loser} was at an early release stage when the article was written; {then[0].statement}"
    return Outcome("outdated", rationale, (fact_evidence(then[0]),))
