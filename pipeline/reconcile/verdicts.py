"""Verdicts: evidence first (probes for the present, facts for the past), agreement of sources last.

Each claim is routed by what it states: a comparison, a rank, a date, a derivation ("based
on Torch"), or value tokens. Evidence that decides gives supported, outdated or refuted;
when nothing decides, disagreeing sources make the claim contested, otherwise it is
unverifiable, with the reason (an opinion, a probe that did not run, no applicable evidence).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from pipeline.reconcile.assess import Answer, generic_limit_holds, holds
from pipeline.reconcile.contradictions import Findings
from pipeline.reconcile.dates import DateRange, parse_date, same_at_precision
from pipeline.reconcile.evidence import State, Timeline, fact_evidence, state_evidence
from pipeline.reconcile.grouping import relation_order
from pipeline.reconcile.lexicon import Lexicon
from pipeline.reconcile.maturity import maturity_outcome
from pipeline.reconcile.names import former_name_outcome
from pipeline.reconcile.rationale import Outcome, contested_outcome, failed_probe_outcome, timed_outcome
from pipeline.reconcile.reading import Reading, known_names
from pipeline.reconcile.speed import speed_outcome
from pipeline.records import Claim, Evidence


@dataclass(frozen=True)
class Context:
    """Everything a verdict may consult."""

    timeline: Timeline
    lexicon: Lexicon
    findings: Findings
    readings: dict[str, Reading]  # of the claims being judged, at least
    published: dict[str, str | None]
    claims: dict[str, Claim]  # the claims that contradictions name (each side's first), at least

    def article_day(self, claim: Claim) -> date | None:
        """The first day the article could have been written: the claim gets the benefit of the doubt."""
        published = parse_date(self.published.get(claim.source))
        return published.first if published else None


def _label(now: Answer, then: Answer) -> str | None:
    if now is True:
        return "supported"
    if now is False:
        return "outdated" if then is True else "refuted"
    return "refuted" if then is False else None


def _attributes(claim: Claim, reading: Reading, ctx: Context) -> tuple[str, ...]:
    """Where evidence for the claim's tokens is looked up.

    Capabilities are properties of the framework, so text claims consult every text
    attribute ("TensorBoard" in a debugging claim); opinion attributes consult only their own
    facts, so a noun in an opinion ("neural networks") is not mistaken for the point.
    """
    timeline = ctx.timeline
    if reading.kind in ("text", "date") and claim.attribute not in (ctx.lexicon.opinions or {}):
        return tuple(sorted({claim.attribute, *timeline.text_attributes(claim.subject)}))
    return (claim.attribute,)


def judge_tokens(claim: Claim, reading: Reading, ctx: Context) -> Outcome | None:
    """Supported, outdated or refuted from value tokens compared with the evidence, or None."""
    generic = not reading.tokens and not reading.minimum_count
    denial = reading.denies_attribute or ctx.lexicon.mentions_attribute(claim.attribute, reading.text)
    if generic and not (reading.negative and denial):
        return None
    attributes = (claim.attribute,) if generic else _attributes(claim, reading, ctx)
    # single-answer attributes (licence, developer) name one value: another known name is a different answer
    single = claim.attribute in ctx.lexicon.single_answer_attributes
    closed = reading.kind in ("list", "enum") or single
    known = ctx.timeline.known(claim.subject, attributes) | (known_names(claim.attribute, ctx.timeline.vocab) if closed else frozenset())
    # "still the standard way": a probe shows a module still ships, not that it is still the path
    standing = ctx.lexicon.has_cue("currency", claim.quote)

    def answer(day: date | None) -> tuple[Answer, State]:
        state = ctx.timeline.state(claim.subject, attributes, day, probes=not standing)
        if generic:
            return generic_limit_holds(reading, state, known, claim.attribute, ctx.lexicon), state
        return holds(reading, state, known, ctx.lexicon, closed, any_of=single), state

    now, now_state = answer(None)
    then, then_state = _answer_when_written(claim, attributes, ctx, answer)
    label = _label(now, then)
    if label is None:
        return None
    if not reading.exclusive:
        relevant = ctx.lexicon.expand(reading.tokens)
        now_state = ctx.timeline.narrow(now_state, relevant)
        then_state = ctx.timeline.narrow(then_state, relevant) if then_state else None
    return timed_outcome(label, now_state, then_state, ctx.published.get(claim.source))


def _answer_when_written(
    claim: Claim, attributes: tuple[str, ...], ctx: Context, answer: Callable[[date | None], tuple[Answer, State]]
) -> tuple[Answer, State | None]:
    """True if the claim held on some day the article may have been written; False if on none."""
    published = parse_date(ctx.published.get(claim.source))
    if published is None:
        return None, None
    answers = [answer(day) for day in ctx.timeline.days_within(claim.subject, attributes, published.first, published.last)]
    for result, state in answers:
        if result is True:
            return True, state
    if all(result is False for result, _ in answers):
        return False, answers[0][1]
    return None, answers[0][1]


def _first_release(subject: str, timeline: Timeline) -> tuple[DateRange, Evidence] | None:
    for fact in timeline.facts_for(subject, "initial_release"):
        released = parse_date(fact.value)
        if released:
            return released, fact_evidence(fact)
    return None


def judge_date(claim: Claim, reading: Reading, ctx: Context) -> Outcome | None:
    """A claimed date against the reference dates, at the claim's precision.

    A release can have several dated milestones (a preview to invited testers, then the first
    public version); a claim matching any of them is supported, and it is refuted against the
    first one listed only when it matches none.
    """
    dated = [(fact, parse_date(fact.value)) for fact in ctx.timeline.facts_for(claim.subject, claim.attribute)]
    dated = [(fact, actual) for fact, actual in dated if actual is not None]
    if reading.date is None or not dated:
        return None
    for fact, actual in dated:
        if same_at_precision(reading.date, actual):
            return Outcome("supported", f"The reference date {fact.value} matches the claimed {claim.value}.", (fact_evidence(fact),))
    fact = dated[0][0]
    return Outcome("refuted", f"The reference date is {fact.value}, not {claim.value}: {fact.statement}", (fact_evidence(fact),))


def judge_derivation(claim: Claim, reading: Reading, ctx: Context) -> Outcome | None:
    """"A grew out of B": refuted when A was released before B; supported when a lineage fact names B."""
    if reading.kind != "text" or not reading.derived_from:
        return None
    own = _first_release(claim.subject, ctx.timeline)
    lineage = ctx.timeline.state(claim.subject, _attributes(claim, reading, ctx), None)
    for parent in sorted(reading.derived_from):
        parent_release = _first_release(parent, ctx.timeline)
        if own and parent_release and own[0].last < parent_release[0].first:
            rationale = f"{claim.subject} ({own[0].text()}) was released before {parent} ({parent_release[0].text()}), so it cannot derive from it."
            return Outcome("refuted", rationale, (own[1], parent_release[1]))
    if reading.derived_from and reading.derived_from <= lineage.tokens:
        return timed_outcome("supported", lineage, None, None)
    return None


def judge_comparison(claim: Claim, reading: Reading, ctx: Context) -> Outcome | None:
    """A better_than B is refuted when B had every capability A is credited with for that attribute."""
    order = relation_order(claim)
    if any(record.kind == "comparison" for record in ctx.findings.about(claim, reading)):
        # sources dispute the comparison directly; a shared-tools inference does not settle that
        return None
    if order is None or order.dimension not in ("quality", "ease"):
        return speed_outcome(claim, ctx.timeline) if order and order.dimension == "speed" else None
    day = ctx.article_day(claim)
    matured = maturity_outcome(claim, order.loser, day, ctx.timeline, ctx.lexicon)
    if matured is not None:
        return matured
    if order.dimension == "ease":
        # "harder to debug than B": a capability gap that may have closed; general ease is opinion
        return _gap_closed(claim, order.winner, order.loser, ctx) if day and claim.attribute != "ease_of_use" else None
    winner = ctx.timeline.state(order.winner, (claim.attribute,), day)
    loser = ctx.timeline.state(order.loser, (claim.attribute,), day)
    if winner.tokens and winner.tokens <= loser.tokens:
        tools = ", ".join(sorted(winner.tokens))
        rationale = f"{order.loser} already had everything credited to {order.winner} for {claim.attribute} ({tools}) when the article was written."
        return Outcome("refuted", rationale, state_evidence(winner, loser))
    return _gap_closed(claim, order.winner, order.loser, ctx) if day is not None else None


def _gap_closed(claim: Claim, winner_id: str, loser_id: str, ctx: Context) -> Outcome | None:
    """Outdated when the winner's edge at the time (tools the loser lacked) has since been matched.

    Facts alone judge today, as for the article's day, so both sides are measured alike.
    """
    day = ctx.article_day(claim)
    then = ctx.timeline.state(loser_id, (claim.attribute,), day)
    if not ctx.timeline.state(winner_id, (claim.attribute,), day).tokens - then.tokens:
        return None  # no edge when written: nothing to have closed
    winner = ctx.timeline.state(winner_id, (claim.attribute,), None, probes=False)
    loser = ctx.timeline.state(loser_id, (claim.attribute,), None, probes=False)
    if not winner.tokens or not winner.tokens <= loser.tokens:
        return None
    gained = ", ".join(sorted(loser.tokens - then.tokens)) or "the same tools"
    rationale = f"Outdated: when the article was written {winner_id} had an edge in {claim.attribute}, but {loser_id} has since gained {gained}."
    return Outcome("outdated", rationale, state_evidence(winner, loser))


def judge_count(claim: Claim, reading: Reading, ctx: Context) -> Outcome | None:
    """A stated cumulative figure (downloads, contributors) is dated: such counts only grow."""
    if not any(ch.isdigit() for ch in claim.quote) or not ctx.lexicon.has_cue("cumulative", claim.quote):
        return None
    growing = [f for f in ctx.timeline.facts_for(claim.subject, claim.attribute) if "growing_counts" in ctx.timeline.tokens_of(claim.attribute, f.value)]
    if not growing or ctx.article_day(claim) is None:
        return None
    rationale = f"The figure was a point-in-time count in {ctx.published.get(claim.source)}; {growing[0].statement.rstrip('.')}."
    return Outcome("outdated", rationale, (fact_evidence(growing[0]),))


def _mixed_evidence(claim: Claim, reading: Reading, ctx: Context) -> tuple[Evidence, ...]:
    """Facts recording that published evidence points both ways on the claim's attribute."""
    if reading.polarity == 0 and claim.relation is None:
        return ()
    subjects = [claim.subject] + ([claim.relation.object] if claim.relation else [])
    found: list[Evidence] = []
    for subject in subjects:
        for fact in ctx.timeline.facts_for(subject, claim.attribute):
            if ctx.timeline.tokens_of(claim.attribute, fact.value) & ctx.lexicon.mixed_tokens:
                found.append(fact_evidence(fact))
    return tuple(found)


def _disagreement(claim: Claim, reading: Reading, ctx: Context) -> tuple[str, tuple[Evidence, ...]] | None:
    """The contradictions that make an undecided claim contested, as a reason and claim evidence."""
    records = ctx.findings.about(claim, reading)
    ranked = isinstance(claim.value, int) and (claim.source, claim.attribute) in ctx.findings.disputed_rankings
    if not records and not ranked:
        return None
    others = [r.claim_b if r.claim_a == claim.id else r.claim_a for r in records]
    evidence = tuple(
        Evidence(kind="claim", ref=other, summary=f"{ctx.claims[other].source}: {ctx.claims[other].quote}")
        for other in dict.fromkeys(others)
        if other in ctx.claims
    )
    if ranked and not records:
        return "this article's popularity ranking conflicts with another article's", evidence
    kinds = sorted({r.kind for r in records})
    return f"other claims disagree ({', '.join(kinds)})", evidence


def judge_undecided(claim: Claim, reading: Reading, ctx: Context) -> Outcome:
    """Contested when sources disagree, otherwise unverifiable with the reason."""
    failures = ctx.timeline.failures(claim.subject, claim.attribute)
    if failures:
        return failed_probe_outcome(failures)
    disagreement = _disagreement(claim, reading, ctx)
    if disagreement:
        return contested_outcome(*disagreement)
    mixed = _mixed_evidence(claim, reading, ctx)
    if mixed:
        return contested_outcome("published measurements point both ways, depending on backend and workload", mixed)
    if reading.preference:
        reason = "it is a recommendation or preference, which no probe or reference fact can decide"
    elif reading.polarity or claim.relation is not None:
        reason = "it is a judgement no probe or reference fact can measure, and the sources do not dispute it"
    else:
        reason = "no probe result or reference fact applies to it"
    return Outcome("unverifiable", f"Unverifiable: {reason}.")


Route = Callable[[Claim, Reading, Context], Outcome | None]


def _routes(claim: Claim, reading: Reading) -> list[Route]:
    """The evidence rules that can decide this claim, in order; none for ranks and preferences."""
    if reading.preference or (isinstance(claim.value, int) and not isinstance(claim.value, bool)):
        return []
    if claim.relation is not None:
        return [judge_comparison]
    if reading.date is not None:
        return [judge_date]
    return [judge_derivation, judge_count, judge_tokens]


def judge(claim: Claim, ctx: Context) -> Outcome:
    """The outcome for one claim: the first evidence rule that decides, else contested or unverifiable."""
    reading = ctx.readings[claim.id]
    for route in _routes(claim, reading):
        outcome = route(claim, reading, ctx)
        if outcome is not None:
            return former_name_outcome(claim, outcome, ctx.lexicon, ctx.published.get(claim.source))
    return judge_undecided(claim, reading, ctx)
