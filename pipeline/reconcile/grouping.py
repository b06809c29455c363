"""Claims grouped across sources, and comparisons put in one direction.

A comparison "A slower_than B" is the same statement as "B faster_than A"; putting every
relation in its winning direction lets opposite comparisons and conflicting popularity
orders be found by looking for the reversed pair.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pipeline.records import Claim

# relation -> (dimension, True when the subject is the winner)
RELATION_DIRECTIONS: dict[str, tuple[str, bool]] = {
    "faster_than": ("speed", True),
    "slower_than": ("speed", False),
    "easier_than": ("ease", True),
    "harder_than": ("ease", False),
    "better_than": ("quality", True),
    "worse_than": ("quality", False),
    "more_popular_than": ("popularity", True),
    "less_popular_than": ("popularity", False),
    "larger_than": ("size", True),
    "smaller_than": ("size", False),
    "higher_level_than": ("level", True),
    "lower_level_than": ("level", False),
}


@dataclass(frozen=True)
class Order:
    """'winner' beats 'loser' on 'dimension' of 'attribute', as stated by claim 'claim_id'."""

    attribute: str
    dimension: str
    winner: str
    loser: str
    claim_id: str
    source: str
    subject: str  # the claim's own subject


@dataclass(frozen=True, order=True)
class OrderClass:
    """Orders that say the same thing: one winner over one loser on one dimension.

    Popularity is one dimension whatever the attribute it was ranked under; other
    dimensions count only within their attribute ("faster to train" vs "faster to run").
    """

    dimension: str
    attribute: str
    winner: str
    loser: str

    def reversed(self) -> OrderClass:
        """The class of the opposite statement."""
        return OrderClass(self.dimension, self.attribute, self.loser, self.winner)


def order_class(order: Order) -> OrderClass:
    """The class an order belongs to."""
    attribute = "" if order.dimension == "popularity" else order.attribute
    return OrderClass(order.dimension, attribute, order.winner, order.loser)


def order_classes(orders: list[Order]) -> dict[OrderClass, list[tuple[int, Order]]]:
    """Each order with its position in ``orders``, by class; classes and members in input order."""
    classes: dict[OrderClass, list[tuple[int, Order]]] = defaultdict(list)
    for position, order in enumerate(orders):
        classes[order_class(order)].append((position, order))
    return dict(classes)


def relation_order(claim: Claim) -> Order | None:
    """The claim's comparison as winner/loser, or None when it has no known relation."""
    if claim.relation is None or claim.relation.object == claim.subject:
        return None
    direction = RELATION_DIRECTIONS.get(claim.relation.type)
    if direction is None:
        return None
    dimension, subject_wins = direction
    # the relation type already carries the direction ("not as popular as" is less_popular_than)
    winner, loser = (claim.subject, claim.relation.object) if subject_wins else (claim.relation.object, claim.subject)
    return Order(claim.attribute, dimension, winner, loser, claim.id, claim.source, claim.subject)


def rank_orders(claims: list[Claim]) -> list[Order]:
    """Pairwise orders implied by integer ranks stated in the same source for the same attribute."""
    by_source: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim.value, int) and not isinstance(claim.value, bool) and claim.relation is None:
            by_source[(claim.source, claim.attribute)].append(claim)
    orders: list[Order] = []
    for (source, attribute), ranked in sorted(by_source.items()):
        for upper in ranked:
            for lower in ranked:
                if upper.subject != lower.subject and upper.value < lower.value:  # type: ignore[operator]
                    # the pair is carried by the lower-ranked claim: it is the one the order is about
                    orders.append(Order(attribute, "popularity", upper.subject, lower.subject, lower.id, source, lower.subject))
                    orders.append(Order(attribute, "popularity", upper.subject, lower.subject, upper.id, source, upper.subject))
    return orders
