"""One pass over a run's checked claims for everything the reports count.

The claims of a large run are read back from disk, and each pass over them costs a second
or more per hundred thousand claims, so every count the summary pages show (per page, per
framework and attribute, per stated value, per side of a contradiction) is taken in a
single pass here; only the formats that list every claim (``claims.json``, ``claims.csv``,
``claims.sarif`` and the source pages) read the claims again. What is kept is bounded by
the number of pages, topics and stated values, never by the number of claims: a table of
claims is kept only while it has at most CLAIMS_TABLE_LIMIT rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from pipeline.labels import VERDICT_LABELS
from pipeline.records import CheckedClaim, Claim, Contradiction

# Past this many claims, a framework's table lists stated values rather than claims.
CLAIMS_TABLE_LIMIT = 50
# Claims that read like a contradiction side's quoted one are linked up to this many.
SIDE_LINKS = 5
# The verdicts that mean an article got a claim wrong.
WRONG: tuple[str, ...] = ("refuted", "outdated")


class Tally:
    """Claims counted as they go past in reading order: how many, in how many articles, their
    verdicts, and the first one as an example (unless ``example`` is off: a run has as many
    page tallies as articles, and none needs one)."""

    def __init__(self, example: bool = True) -> None:
        self._example = example
        self.count = 0
        self.articles = 0
        self.verdicts: Counter[str] = Counter()
        self.first: CheckedClaim | None = None
        self._last_source: str | None = None

    def add(self, item: CheckedClaim) -> None:
        # claims come grouped by source, so a new source is a new article
        self.count += 1
        self.verdicts[item.verdict.label] += 1
        if item.claim.source != self._last_source:
            self.articles += 1
            self._last_source = item.claim.source
        if self.first is None and self._example:
            self.first = item

    @property
    def counts(self) -> dict[str, int]:
        """Count per verdict label, every label present."""
        return {label: self.verdicts.get(label, 0) for label in VERDICT_LABELS}


@dataclass
class Section:
    """The claims of one table on a fact sheet: per stated value, and every claim itself only
    while there are at most CLAIMS_TABLE_LIMIT of them."""

    tally: Tally = field(default_factory=Tally)
    values: dict[str, Tally] = field(default_factory=dict)
    claims: list[CheckedClaim] = field(default_factory=list)

    def add(self, item: CheckedClaim, stated: str) -> None:
        self.tally.add(item)
        self.values.setdefault(stated, Tally()).add(item)
        if self.tally.count <= CLAIMS_TABLE_LIMIT:
            self.claims.append(item)
        else:
            self.claims.clear()  # past the limit the table lists values, so the claims are not needed


@dataclass
class Sheet:
    """What one framework's page shows: its claims by attribute, and comparisons with it."""

    tally: Tally = field(default_factory=Tally)
    attributes: dict[str, Section] = field(default_factory=dict)
    compared: Section = field(default_factory=Section)


def contradiction_key(record: Contradiction) -> tuple[str, str, str]:
    return (record.kind, record.claim_a, record.claim_b)


@dataclass
class Summary:
    """Everything the reports count, taken in one pass."""

    total: Tally = field(default_factory=Tally)
    pages: dict[str, Tally] = field(default_factory=dict)  # by source key
    reviews: dict[str, Counter[str]] = field(default_factory=dict)  # extracted claims per review status, by source key
    sheets: dict[str, Sheet] = field(default_factory=dict)  # by framework
    topics: Counter[tuple[str, str]] = field(default_factory=Counter)  # claims per (subject, attribute)
    wrong: dict[tuple[str, ...], Tally] = field(default_factory=dict)  # (subject, attribute, stated, verdict)
    contested: dict[tuple[str, ...], Tally] = field(default_factory=dict)  # (subject, attribute)
    flagged: set[tuple[str, str]] = field(default_factory=set)  # (verdict, attribute) of refuted and outdated claims
    named: dict[str, CheckedClaim] = field(default_factory=dict)  # the claims contradictions quote or link, by id
    # (kind, claim_a, claim_b) -> tallies of the claims in same_as_a and same_as_b
    sides: dict[tuple[str, str, str], tuple[Tally, Tally]] = field(default_factory=dict)

    def page(self, key: str) -> Tally:
        return self.pages.get(key) or Tally(example=False)


class _SideIndex:
    """Which contradiction sides each claim stands on, and which claims the reports name."""

    def __init__(self, contradictions: Iterable[Contradiction], summary: Summary) -> None:
        self.wanted: set[str] = set()
        self.side_of: dict[str, list[Tally]] = {}
        for record in contradictions:
            tallies = summary.sides.setdefault(contradiction_key(record), (Tally(example=False), Tally(example=False)))
            self.wanted.update((record.claim_a, record.claim_b, *record.same_as_a[:SIDE_LINKS], *record.same_as_b[:SIDE_LINKS]))
            for same_as, tally in zip((record.same_as_a, record.same_as_b), tallies):
                for claim_id in same_as:
                    self.side_of.setdefault(claim_id, []).append(tally)


def _add_to_sheets(summary: Summary, item: CheckedClaim, stated: str) -> None:
    claim = item.claim
    sheet = summary.sheets.setdefault(claim.subject, Sheet())
    sheet.tally.add(item)
    sheet.attributes.setdefault(claim.attribute, Section()).add(item, stated)
    if claim.relation and claim.relation.object != claim.subject:
        summary.sheets.setdefault(claim.relation.object, Sheet()).compared.add(item, stated)


def summarise(items: Iterable[CheckedClaim], contradictions: Iterable[Contradiction], stated: Callable[[Claim], str]) -> Summary:
    """Every count the reports show, from one pass over ``items`` in reading order."""
    summary = Summary()
    sides = _SideIndex(contradictions, summary)
    for item in items:
        claim, label = item.claim, item.verdict.label
        value = stated(claim)
        summary.total.add(item)
        summary.pages.setdefault(claim.source, Tally(example=False)).add(item)
        if claim.origin == "extracted":
            summary.reviews.setdefault(claim.source, Counter())[claim.review or "unreviewed"] += 1
        _add_to_sheets(summary, item, value)
        summary.topics[(claim.subject, claim.attribute)] += 1
        if label in WRONG:
            summary.wrong.setdefault((claim.subject, claim.attribute, value, label), Tally()).add(item)
            summary.flagged.add((label, claim.attribute))
        elif label == "contested":
            summary.contested.setdefault((claim.subject, claim.attribute), Tally()).add(item)
        if claim.id in sides.wanted:
            summary.named[claim.id] = item
        for tally in sides.side_of.get(claim.id, ()):
            tally.add(item)
    return summary
