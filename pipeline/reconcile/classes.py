"""Claims gathered for finding contradictions: by topic, then by reading class.

Claims that read alike (the same value tokens, polarity and kind; the same direction of a
comparison) disagree with exactly the same other claims, so they form one class, and
classes are compared, not claims. ``ContradictionInput`` gathers them article by article,
keeping per claim only its id and its position in its topic, plus the orders implied by
rankings and comparisons: a corpus of any size can be gathered, then compared
(``contradictions.py``).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Hashable, Iterable

from pipeline.reconcile.grouping import Order, rank_orders, relation_order
from pipeline.reconcile.reading import Reading
from pipeline.records import Claim

ClassKey = tuple[str, str, Hashable]  # subject, attribute, reading class


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


def _is_plain(claim: Claim) -> bool:
    # a comparison still voices an opinion about its subject ("complex, less readable than X");
    # a rank (an integer value) is weighed by the orders it implies instead
    return not isinstance(claim.value, int)


def class_key(claim: Claim, reading: Reading) -> ClassKey | None:
    """The topic and reading class a claim is compared in, or None for a rank."""
    return (claim.subject, claim.attribute, reading_class(claim, reading)) if _is_plain(claim) else None


@dataclass
class ReadingClass:
    """Claims of one topic that read alike: the first one and its reading stand for all."""

    key: ClassKey
    relation: bool  # a comparison: weighed by its polarity alone
    reading: Reading  # the first claim's
    ids: list[str] = field(default_factory=list)
    positions: array = field(default_factory=lambda: array("q"))  # each claim's position in its topic


@dataclass
class Topic:
    """The claims of one (subject, attribute), by reading class, classes in order of their first claim."""

    classes: dict[Hashable, ReadingClass] = field(default_factory=dict)
    size: int = 0


class ContradictionInput:
    """What finding contradictions needs, gathered article by article.

    Each claim costs an id and a position in its class; its record and reading are not
    kept, so a corpus of any size can be gathered and then compared.
    """

    def __init__(self) -> None:
        self.topics: dict[tuple[str, str], Topic] = {}
        self._ranks: list[tuple[str, list[Order]]] = []  # by source: sorted before use
        self._relations: list[Order] = []

    def add(self, claims: Iterable[Claim], readings: dict[str, Reading]) -> None:
        """Claims in input order (those of one article together), with their readings."""
        claims = list(claims)
        for claim in claims:
            if _is_plain(claim):
                self._add_plain(claim, readings[claim.id])
            order = relation_order(claim)
            if order is not None:
                self._relations.append(order)
        by_source: dict[str, list[Claim]] = {}
        for claim in claims:
            by_source.setdefault(claim.source, []).append(claim)
        for source, own in by_source.items():
            found = rank_orders(own)
            if found:
                self._ranks.append((source, found))

    def _add_plain(self, claim: Claim, reading: Reading) -> None:
        topic = self.topics.setdefault((claim.subject, claim.attribute), Topic())
        key = reading_class(claim, reading)
        found = topic.classes.get(key)
        if found is None:
            found = topic.classes[key] = ReadingClass((claim.subject, claim.attribute, key), claim.relation is not None, reading)
        found.ids.append(claim.id)
        found.positions.append(topic.size)
        topic.size += 1

    def orders(self) -> list[Order]:
        """Rank orders by source, then comparisons in input order."""
        ranks = [order for _, found in sorted(self._ranks, key=lambda pair: pair[0]) for order in found]
        return ranks + self._relations
