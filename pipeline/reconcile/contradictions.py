"""Contradictions between claims: values, rankings, comparisons and polarity that disagree.

Claims are compared within a (subject, attribute) group across all sources, except rankings
and comparisons, which are compared as ordered pairs of frameworks. Whether evidence settles
a contradiction is the verdicts' business.

Claims that read alike (the same value tokens, polarity and kind; the same winner and loser)
disagree with exactly the same other claims, so they are put in one class and classes are
compared, not claims. Two small classes are listed pair by pair, as a reader compares them;
past PAIRWISE_LIMIT pairs, two classes make one contradiction that names one claim of each
side (``claim_a``, ``claim_b``) and lists the rest of each side (``same_as_a``,
``same_as_b``): forty articles saying "Lua" against sixty saying "C++" are one record with
every claim accounted for, not 2,400. The work grows with the number of claims plus the
square of the number of distinct readings of one topic, which does not grow with the number
of articles that repeat them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Hashable, Iterator

from pipeline.reconcile.grouping import Order, group_claims, order_classes, rank_orders, relation_order
from pipeline.reconcile.lexicon import Lexicon
from pipeline.reconcile.reading import Reading
from pipeline.records import Claim, Contradiction

# Two classes with at most this many pairs of claims are listed pair by pair.
PAIRWISE_LIMIT = 16
Sides = tuple[list[Claim], list[Claim]]


class ClaimIndex:
    """Contradictions by claim id, each seen from that claim's side.

    A claim listed in ``same_as_a`` sees the record with itself as ``claim_a``, so whoever
    asks "who disagrees with this claim" gets the other side, never its own.
    """

    def __init__(self) -> None:
        self._entries: dict[str, list[tuple[Contradiction, bool]]] = {}

    def add(self, record: Contradiction) -> None:
        for claim_id in (record.claim_a, *record.same_as_a):
            self._entries.setdefault(claim_id, []).append((record, True))
        for claim_id in (record.claim_b, *record.same_as_b):
            self._entries.setdefault(claim_id, []).append((record, False))

    def get(self, claim_id: str, default: list[Contradiction] | None = None) -> list[Contradiction]:
        """The contradictions touching ``claim_id`` (``default``, else empty, when none)."""
        entries = self._entries.get(claim_id)
        if not entries:
            return default if default is not None else []
        return [_seen_from(record, claim_id, on_a) for record, on_a in entries]

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)


def _seen_from(record: Contradiction, claim_id: str, on_a: bool) -> Contradiction:
    if claim_id in (record.claim_a, record.claim_b):
        return record
    side = {"claim_a": claim_id} if on_a else {"claim_b": claim_id}
    return record.model_copy(update=side)


@dataclass
class Findings:
    """Every contradiction, plus which claims and rankings they touch."""

    contradictions: list[Contradiction] = field(default_factory=list)
    by_claim: ClaimIndex = field(default_factory=ClaimIndex)
    disputed_rankings: set[tuple[str, str]] = field(default_factory=set)
    _seen: set[tuple[str, frozenset[str]]] = field(default_factory=set)

    def add(
        self,
        kind: str,
        sides: Sides,
        explanation: str,
        subject: str | None = None,
    ) -> None:
        """Record one contradiction between two sides once, whatever their order; each side's
        first claim is the one the record names."""
        first, second = sides[0][0], sides[1][0]
        key = (kind, frozenset((first.id, second.id)))
        if first.id == second.id or key in self._seen:
            return
        self._seen.add(key)
        record = Contradiction(
            kind=kind,  # type: ignore[arg-type]
            subject=subject or first.subject,
            attribute=first.attribute,
            claim_a=first.id,
            claim_b=second.id,
            explanation=explanation,
            same_as_a=tuple(c.id for c in sides[0][1:]),
            same_as_b=tuple(c.id for c in sides[1][1:]),
        )
        self.contradictions.append(record)
        self.by_claim.add(record)


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


def _sign(number: int) -> int:
    return (number > 0) - (number < 0)


def reading_class(claim: Claim, reading: Reading) -> Hashable:
    """Everything ``_pair_kind`` looks at: claims with equal keys disagree with the same claims."""
    if claim.relation is not None:
        return ("relation", _sign(reading.polarity))  # a comparison is weighed by its polarity alone
    return (
        "plain", reading.kind, reading.tokens, reading.negative, _sign(reading.polarity), reading.date,
        reading.fully_named, reading.exclusive,
    )  # fmt: skip


def _classes(group: list[Claim], readings: dict[str, Reading]) -> list[list[Claim]]:
    """The group's claims by reading class, classes in the order of their first claim."""
    classes: dict[Hashable, list[Claim]] = {}
    for claim in group:
        classes.setdefault(reading_class(claim, readings[claim.id]), []).append(claim)
    return list(classes.values())


def _class_kind(first: Claim, second: Claim, readings: dict[str, Reading], lexicon: Lexicon) -> str | None:
    a, b = readings[first.id], readings[second.id]
    if first.relation is not None or second.relation is not None:
        return "polarity" if a.polarity * b.polarity < 0 else None
    return _pair_kind(a, b, lexicon, first.attribute)


def _disagree_text(subject: str, attribute: str, sides: Sides) -> str:
    topic = f"{subject}'s {attribute.replace('_', ' ')}"
    if len(sides[0]) == 1 and len(sides[1]) == 1:
        return f"the two claims disagree on {topic}"
    return f"{len(sides[0])} claims that read alike disagree with {len(sides[1])} others on {topic}"


def _pairs(kind: str, first: list[Claim], second: list[Claim], position: dict[str, int]) -> Iterator[tuple[tuple[int, int], str, Sides]]:
    """Two disagreeing classes as records to add, each keyed by where a pairwise scan meets it."""
    if len(first) * len(second) > PAIRWISE_LIMIT:
        yield (position[first[0].id], position[second[0].id]), kind, (first, second)
        return
    for a in first:
        for b in second:
            x, y = sorted((a, b), key=lambda claim: position[claim.id])
            yield (position[x.id], position[y.id]), kind, ([x], [y])


def _group_contradictions(claims: list[Claim], readings: dict[str, Reading], lexicon: Lexicon, findings: Findings) -> None:
    for (subject, attribute), group in group_claims(claims).items():
        # a comparison still voices an opinion about its subject ("complex, less readable than X")
        plain = [c for c in group if not isinstance(c.value, int)]
        position = {claim.id: index for index, claim in enumerate(plain)}
        classes = _classes(plain, readings)
        found: list[tuple[tuple[int, int], str, Sides]] = []
        for index, first in enumerate(classes):
            for second in classes[index + 1 :]:
                kind = _class_kind(first[0], second[0], readings, lexicon)
                if kind:
                    found.extend(_pairs(kind, first, second, position))
        for _, kind, sides in sorted(found, key=lambda item: item[0]):
            findings.add(kind, sides, _disagree_text(subject, attribute, sides))


def _first_pair(side: list[tuple[int, Order]], other: list[tuple[int, Order]]) -> tuple[int, int] | None:
    """The earliest pair of positions (first, second), one order from each class, whose sources
    differ: the pair a claim-by-claim scan of the orders would have met first."""
    starts = {True: [position for position, _ in other], False: [position for position, _ in side]}
    merged = sorted([(p, o, True) for p, o in side] + [(p, o, False) for p, o in other], key=lambda item: item[0])
    for position, order, in_side in merged:
        opposite = other if in_side else side
        for index in range(bisect_right(starts[in_side], position), len(opposite)):
            if opposite[index][1].source != order.source:
                return position, opposite[index][0]
    return None


def _disputed(side: list[tuple[int, Order]], other: list[tuple[int, Order]]) -> list[Order]:
    """The orders of ``side`` that some order of ``other`` from another source reverses."""
    sources = {order.source for _, order in other}
    return [order for _, order in side if sources - {order.source}]


OrderPair = tuple[tuple[int, int], list[Order], list[Order]]


def _order_pairs(side: list[tuple[int, Order]], other: list[tuple[int, Order]]) -> Iterator[OrderPair]:
    """Two opposite classes as (first, second) positions and the orders on each side."""
    if len(side) * len(other) > PAIRWISE_LIMIT:
        pair = _first_pair(side, other)
        if pair is not None:
            first_side, second_side = (side, other) if any(p == pair[0] for p, _ in side) else (other, side)
            yield pair, _disputed(first_side, second_side), _disputed(second_side, first_side)
        return
    for p, mine in side:
        for q, theirs in other:
            if mine.source != theirs.source:
                yield ((p, q), [mine], [theirs]) if p < q else ((q, p), [theirs], [mine])


def _order_contradictions(claims: list[Claim], findings: Findings) -> None:
    by_id = {c.id: c for c in claims}
    relation_orders = [o for o in (relation_order(c) for c in claims) if o is not None]
    orders: list[Order] = rank_orders(claims) + relation_orders
    classes = order_classes(orders)
    found: list[OrderPair] = []
    for key, side in classes.items():
        other = classes.get(key.reversed())
        if other is not None and key < key.reversed():  # each pair of opposite classes once
            found.extend(_order_pairs(side, other))
    # in the order a pairwise scan of the orders meets them, so the output order is stable
    for (i, j), first_orders, second_orders in sorted(found, key=lambda item: item[0]):
        first, second = orders[i], orders[j]
        kind = "ranking" if first.dimension == "popularity" else "comparison"
        sides = (_claims_of(first, first_orders, by_id), _claims_of(second, second_orders, by_id))
        findings.add(kind, sides, _order_text(first, sides), subject=by_id[first.claim_id].subject)
        if kind == "ranking":
            findings.disputed_rankings.update((o.source, o.attribute) for o in first_orders + second_orders)


def _claims_of(representative: Order, orders: list[Order], by_id: dict[str, Claim]) -> list[Claim]:
    """The claims behind ``orders``, the representative's first, each once."""
    ids = dict.fromkeys([representative.claim_id] + [o.claim_id for o in orders])
    return [by_id[claim_id] for claim_id in ids]


def _order_text(first: Order, sides: Sides) -> str:
    if len(sides[0]) == 1 and len(sides[1]) == 1:
        return f"one source puts {first.winner} ahead of {first.loser} on {first.dimension}, the other the reverse"
    return (
        f"{len(sides[0])} claims put {first.winner} ahead of {first.loser} on {first.dimension}, "
        f"{len(sides[1])} others the reverse"
    )


def find_contradictions(claims: list[Claim], readings: dict[str, Reading], lexicon: Lexicon) -> Findings:
    """All contradictions among ``claims``, in a deterministic order."""
    findings = Findings()
    _group_contradictions(claims, readings, lexicon, findings)
    _order_contradictions(claims, findings)
    return findings
