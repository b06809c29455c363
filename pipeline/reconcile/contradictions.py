"""Contradictions between claims: values, rankings, comparisons and polarity that disagree.

Each contradiction names both claims. Claims are compared within a (subject, attribute)
group across all sources, except rankings and comparisons, which are compared as ordered
pairs of frameworks. Whether evidence settles a contradiction is the verdicts' business.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.reconcile.grouping import Order, group_claims, rank_orders, relation_order
from pipeline.reconcile.lexicon import Lexicon
from pipeline.reconcile.reading import Reading
from pipeline.records import Claim, Contradiction


@dataclass
class Findings:
    """Every contradiction, plus which claims and rankings they touch."""

    contradictions: list[Contradiction] = field(default_factory=list)
    by_claim: dict[str, list[Contradiction]] = field(default_factory=dict)
    disputed_rankings: set[tuple[str, str]] = field(default_factory=set)
    _seen: set[tuple[str, frozenset[str]]] = field(default_factory=set)

    def add(self, kind: str, claim_a: Claim, claim_b: Claim, explanation: str, subject: str | None = None) -> None:
        """Record one contradiction once, whatever the order of its claims."""
        key = (kind, frozenset((claim_a.id, claim_b.id)))
        if claim_a.id == claim_b.id or key in self._seen:
            return
        self._seen.add(key)
        record = Contradiction(
            kind=kind,  # type: ignore[arg-type]
            subject=subject or claim_a.subject,
            attribute=claim_a.attribute,
            claim_a=claim_a.id,
            claim_b=claim_b.id,
            explanation=explanation,
        )
        self.contradictions.append(record)
        for claim_id in (claim_a.id, claim_b.id):
            self.by_claim.setdefault(claim_id, []).append(record)


def _values_disagree(a: Reading, b: Reading, lexicon: Lexicon, level_attribute: bool, single_answer: bool) -> bool:
    if a.negative or b.negative or not a.tokens or not b.tokens:
        return False
    if a.kind == "date" and a.date and b.date:
        return not (a.date.first <= b.date.last and b.date.first <= a.date.last)
    if a.kind == "enum" or level_attribute:
        return not lexicon.expand(a.tokens) & lexicon.expand(b.tokens)
    if a.kind == "list":
        if not (a.fully_named and b.fully_named):
            return False  # "a separate backend library" names nothing that can clash with "TensorFlow"
        disjoint = not lexicon.expand(a.tokens) & lexicon.expand(b.tokens)
        return disjoint and (a.exclusive or b.exclusive or single_answer)
    return False


def _pair_kind(a: Reading, b: Reading, lexicon: Lexicon, attribute: str) -> str | None:
    """The kind of disagreement between two claims of one group, if any."""
    if a.tokens & b.tokens and a.negative != b.negative:
        return "polarity"
    if a.kind == "text" and a.polarity * b.polarity < 0:
        return "polarity"
    level_attribute = attribute in lexicon.level_attributes
    if _values_disagree(a, b, lexicon, level_attribute, attribute in lexicon.single_answer_attributes):
        return "comparison" if level_attribute else "value"
    return None


def _group_contradictions(claims: list[Claim], readings: dict[str, Reading], lexicon: Lexicon, findings: Findings) -> None:
    for (subject, attribute), group in group_claims(claims).items():
        # a comparison still voices an opinion about its subject ("complex, less readable than X")
        plain = [c for c in group if not isinstance(c.value, int)]
        for index, first in enumerate(plain):
            for second in plain[index + 1 :]:
                if first.relation is not None or second.relation is not None:
                    kind = "polarity" if readings[first.id].polarity * readings[second.id].polarity < 0 else None
                else:
                    kind = _pair_kind(readings[first.id], readings[second.id], lexicon, attribute)
                if kind:
                    findings.add(kind, first, second, f"the two claims disagree on {subject}'s {attribute.replace('_', ' ')}")


def _order_contradictions(claims: list[Claim], findings: Findings) -> None:
    by_id = {c.id: c for c in claims}
    relation_orders = [o for o in (relation_order(c) for c in claims) if o is not None]
    orders: list[Order] = rank_orders(claims) + relation_orders
    for index, first in enumerate(orders):
        for second in orders[index + 1 :]:
            reversed_pair = first.winner == second.loser and first.loser == second.winner
            if not reversed_pair or first.dimension != second.dimension or first.source == second.source:
                continue
            if first.dimension != "popularity" and first.attribute != second.attribute:
                continue
            kind = "ranking" if first.dimension == "popularity" else "comparison"
            explanation = f"one source puts {first.winner} ahead of {first.loser} on {first.dimension}, the other the reverse"
            findings.add(kind, by_id[first.claim_id], by_id[second.claim_id], explanation, subject=by_id[first.claim_id].subject)
            if kind == "ranking":
                findings.disputed_rankings.update({(first.source, first.attribute), (second.source, second.attribute)})


def find_contradictions(claims: list[Claim], readings: dict[str, Reading], lexicon: Lexicon) -> Findings:
    """All contradictions among ``claims``, in a deterministic order."""
    findings = Findings()
    _group_contradictions(claims, readings, lexicon, findings)
    _order_contradictions(claims, findings)
    return findings
