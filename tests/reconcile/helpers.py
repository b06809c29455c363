"""Small builders for reconcile tests: claims, sources, facts and probe results."""

from __future__ import annotations

from pipeline.records import Claim, Fact, ProbeResult, Qualifiers, Relation, Source


def make_claim(
    claim_id: str,
    subject: str,
    attribute: str,
    value: object = None,
    quote: str = "",
    source: str = "a.txt",
    relation: tuple[str, str] | None = None,
    negated: bool = False,
    exclusive: bool = False,
) -> Claim:
    """A claim with only the fields a test cares about."""
    return Claim(
        id=claim_id,
        source=source,
        quote=quote or f"{subject} {attribute} {value}",
        subject=subject,
        attribute=attribute,
        value=value,  # type: ignore[arg-type]
        relation=Relation(type=relation[0], object=relation[1]) if relation else None,
        qualifiers=Qualifiers(negated=negated, exclusive=exclusive),
    )


def make_source(file: str, published: str | None) -> Source:
    """An article with a date and no text."""
    return Source(file=file, published=published, text="")


def make_fact(fact_id: str, subject: str, attribute: str, value: object, start: str | None, end: str | None = None) -> Fact:
    """A reference fact with a placeholder citation."""
    return Fact(
        id=fact_id,
        subject=subject,
        attribute=attribute,
        value=value,  # type: ignore[arg-type]
        statement=f"{subject} {attribute} was {value}.",
        valid_from=start,
        valid_until=end,
        citation="https://example.org/reference",
    )


def make_probe(subject: str, attribute: str, value: object, status: str = "ok", reason: str = "") -> ProbeResult:
    """A probe result as the probe stage would report it."""
    return ProbeResult(
        probe_id=f"{subject}.{attribute}",
        subject=subject,
        attribute=attribute,
        status=status,  # type: ignore[arg-type]
        value=value if status == "ok" else None,  # type: ignore[arg-type]
        reason=reason,
        versions={subject: "9.9"},
    )
