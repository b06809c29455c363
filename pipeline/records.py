"""The typed records every stage exchanges.

All records are frozen pydantic v2 models (``RunResult``, which gathers them, is a frozen
dataclass): a stage receives records, returns new ones, and
never mutates what it was given. "Could not check" is always a record with a reason (a
ProbeResult whose status says why, a Verdict labelled ``unverifiable``), never None.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from pipeline.labels import VERDICT_LABELS  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from pipeline.checked import CheckedPages

ClaimValue = Union[str, int, list[str], None]

VerdictLabel = Literal["supported", "refuted", "outdated", "contested", "unverifiable"]

ProbeStatus = Literal["ok", "failed", "crashed", "timeout", "not_installed", "error", "unverifiable"]


class Record(BaseModel):
    """Base for every record: frozen, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """A character range of a source text, with why it was marked."""

    start: int = Field(description="Offset of the first character, into Source.text.")
    end: int = Field(description="Offset one past the last character.")
    reason: str = Field(default="", description="Why the span was marked (e.g. 'comments').")


class Source(Record):
    """One article as loaded: its text exactly as offsets count it, and its metadata."""

    file: str = Field(description="File name inside the sources folder, e.g. '000_guide.txt'.")
    title: str | None = Field(default=None, description="Article title.")
    publisher: str | None = Field(default=None, description="Who published the article.")
    url: str | None = Field(default=None, description="Where the article was published.")
    published: str | None = Field(
        default=None, description="Publication date as YYYY, YYYY-MM or YYYY-MM-DD; null when unknown."
    )
    text: str = Field(description="The article text as loaded; every claim offset points into it.")
    boilerplate: tuple[Span, ...] = Field(
        default=(), description="Spans that are not the article (comments, bios, teasers); never yield claims."
    )

    @property
    def stem(self) -> str:
        """The file name without its extension."""
        return self.file.rsplit(".", 1)[0]

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a boilerplate span."""
        return any(span.start < end and start < span.end for span in self.boilerplate)


class Relation(Record):
    """A comparison or ranking relation between the claim's subject and another framework."""

    type: str = Field(description="Relation name, e.g. 'faster_than', 'less_popular_than', 'easier_than'.")
    object: str = Field(description="Canonical id of the framework compared with.")


class Qualifiers(Record):
    """Words that soften, date or negate a claim."""

    hedge: str | None = Field(default=None, description="Hedging words, e.g. 'may be', 'sometimes'.")
    time: str | None = Field(default=None, description="Time expression, e.g. 'currently', 'as of writing'.")
    negated: bool = Field(default=False, description="True when the statement is negated.")
    exclusive: bool = Field(
        default=False, description="True for 'only X' statements: the value is claimed to be complete."
    )


Review = Literal["accepted", "rejected", "edited"]


class Claim(Record):
    """One check-worthy statement about a framework, in the shared vocabulary."""

    id: str = Field(description="Stable id derived from source, span, subject and attribute.")
    source: str = Field(description="Source file name, or 'curated:<file>' for hand-written claims.")
    start: int | None = Field(default=None, description="Offset of the quote in the source text.")
    end: int | None = Field(default=None, description="Offset one past the quote.")
    quote: str = Field(description="The exact text the claim was read from.")
    subject: str = Field(description="Canonical framework id (see claims/vocabulary.yaml).")
    attribute: str = Field(description="Attribute name from the vocabulary.")
    value: ClaimValue = Field(default=None, description="Normalised value; its kind depends on the attribute.")
    relation: Relation | None = Field(default=None, description="Comparison with another framework, if any.")
    qualifiers: Qualifiers = Field(default_factory=Qualifiers, description="Hedges, time words, negation.")
    table_row: str | None = Field(default=None, description="Row label when the claim is a table cell.")
    rule: str = Field(default="", description="The extraction rule that produced the claim.")
    origin: Literal["extracted", "curated"] = Field(default="extracted", description="Who wrote the claim.")
    review: Review | None = Field(default=None, description="A reviewer's decision, kept across re-extraction.")
    note: str | None = Field(default=None, description="A reviewer's note.")


def claim_id(source: str, start: int | None, end: int | None, subject: str, attribute: str, extra: str = "") -> str:
    """A stable id: the same source, span, subject and attribute always give the same id."""
    key = f"{source}|{start}|{end}|{subject}|{attribute}|{extra}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    stem = source.rsplit(".", 1)[0].split(":")[-1][:12]
    return f"{stem}-{digest}"


class ProbeResult(Record):
    """What one probe observed on one interpreter, stamped with versions."""

    probe_id: str = Field(description="Id of the probe definition.")
    subject: str = Field(description="Framework the probe checks.")
    attribute: str = Field(description="Attribute the probe decides.")
    status: ProbeStatus = Field(description="'ok' when the probe ran; otherwise why it could not decide.")
    observed: Any = Field(default=None, description="The raw observation (JSON-compatible).")
    value: ClaimValue = Field(default=None, description="The observation mapped to the attribute's value.")
    reason: str = Field(default="", description="Why the status is not 'ok', or a short summary.")
    versions: dict[str, str] = Field(default_factory=dict, description="Framework name -> installed version.")
    python: str = Field(default="", description="Python version of the probed interpreter.")
    platform: str = Field(default="", description="Platform string of the probed interpreter.")
    duration_s: float = Field(default=0.0, description="Wall time of the probe in seconds.")
    cached: bool = Field(default=False, description="True when the result came from the cache.")


class Fact(Record):
    """A dated reference fact with a citation, for what no probe can run."""

    id: str = Field(description="Unique fact id.")
    subject: str = Field(description="Canonical framework id.")
    attribute: str = Field(description="Attribute name from the vocabulary.")
    value: ClaimValue = Field(description="The value that held in the validity window.")
    statement: str = Field(description="One sentence a reader can check.")
    valid_from: str | None = Field(default=None, description="YYYY[-MM[-DD]] from which the fact holds.")
    valid_until: str | None = Field(default=None, description="YYYY[-MM[-DD]] until which it held; null = still holds.")
    citation: str = Field(description="URL of the source that establishes the fact.")


class Evidence(Record):
    """One piece of evidence behind a verdict."""

    kind: Literal["probe", "fact", "claim"] = Field(description="What the evidence is.")
    ref: str = Field(description="Probe id, fact id or claim id.")
    summary: str = Field(description="One line a reader understands.")
    versions: dict[str, str] = Field(default_factory=dict, description="Versions the probe ran against.")
    citation: str | None = Field(default=None, description="URL for a fact.")
    status: str | None = Field(default=None, description="Probe status, when kind is 'probe'.")


class Verdict(Record):
    """The outcome for one claim."""

    claim_id: str = Field(description="Id of the claim judged.")
    label: VerdictLabel = Field(description="supported, refuted, outdated, contested or unverifiable.")
    rationale: str = Field(description="One sentence saying why.")
    evidence: tuple[Evidence, ...] = Field(default=(), description="The evidence that decided it.")


class Contradiction(Record):
    """Two claims that cannot both hold."""

    kind: Literal["value", "ranking", "comparison", "polarity"] = Field(description="How they disagree.")
    subject: str = Field(description="Framework the claims are about.")
    attribute: str = Field(description="Attribute they disagree on.")
    claim_a: str = Field(description="Id of the first claim.")
    claim_b: str = Field(description="Id of the second claim.")
    explanation: str = Field(default="", description="What the evidence says about the disagreement.")
    same_as_a: tuple[str, ...] = Field(
        default=(), description="Ids of further claims that read as the first one does (same value, polarity, kind)."
    )
    same_as_b: tuple[str, ...] = Field(default=(), description="Ids of further claims that read as the second one does.")

    @model_serializer(mode="wrap")
    def _omit_empty_sides(self, handler: SerializerFunctionWrapHandler) -> Any:
        # most disagreements are between two lone claims; their JSON stays the two-claim shape
        data = handler(self)
        if isinstance(data, dict):
            for key in ("same_as_a", "same_as_b"):
                if not data.get(key):
                    data.pop(key, None)
        return data


class CheckedClaim(Record):
    """A claim with its verdict: what the reports show."""

    claim: Claim
    verdict: Verdict


@dataclass(frozen=True)
class RunResult:
    """Everything one pipeline run produced.

    ``checked`` may be given as any iterable of checked claims; it is kept as
    ``CheckedPages`` (reading order, one source at a time), which a large run keeps on disk.
    Not a pydantic record: the checked claims are not validated again, nor held in a tuple.
    """

    sources: tuple[Source, ...]  # without their text when ``sources_dir`` is given
    checked: CheckedPages
    contradictions: tuple[Contradiction, ...] = ()
    probe_results: tuple[ProbeResult, ...] = ()
    environment: dict[str, Any] = dataclass_field(default_factory=dict)
    articles_parsed: int = 0  # articles spaCy parsed in this run; the rest came from the extraction cache
    rejected: tuple[Claim, ...] = ()  # claims a reviewer rejected: kept out of verdicts
    orphaned: tuple[Claim, ...] = ()  # reviewed claims whose quote is no longer in their article; kept, not judged
    sources_dir: Path | None = None  # where to read the articles' text, when ``sources`` do not hold it

    def __post_init__(self) -> None:
        from pipeline.checked import CheckedPages

        if not isinstance(self.checked, CheckedPages):
            object.__setattr__(self, "checked", CheckedPages.in_memory(self.checked))
