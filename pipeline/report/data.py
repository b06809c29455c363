"""What every formatter reads: a run's results put in report order, once.

``ReportData`` takes the checked claims in reading order (source, start, subject,
attribute, id), groups them into pages (one per source file, plus one per curated-claims
file whose claims are not tied to an article), gives line and column positions from the
offsets, and derives the anchors that link pages together. Claims rejected in review, and
reviewed claims whose quote is no longer in the article (orphaned), are grouped onto the
same pages but kept apart from the judged ones. Formatters only render; they never re-sort
or look up positions themselves, so every output agrees on order and numbering.

A run may have more claims than fit in memory at once, so nothing here holds them all: a
page reads its claims when asked (``CheckedPages``), and everything the reports count is
counted in one pass (``summary``, see ``summary.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from pipeline.checked import CheckedPages, claim_sort_key
from pipeline.records import VERDICT_LABELS, CheckedClaim, Claim, ProbeResult, RunResult, Source
from pipeline.report.summary import Summary, summarise
from pipeline.vocab import Vocabulary

BADGES: dict[str, str] = {
    "supported": "✅",
    "refuted": "❌",
    "outdated": "⌛",
    "contested": "⚖️",
    "unverifiable": "❔",
}
# The verdicts that say the evidence decided a claim; the "holds" share is taken over these.
CHECKABLE: tuple[str, ...] = ("supported", "refuted", "outdated")
# Used when the vocabulary has no meaning for a verdict, so reports never show a blank.
DEFAULT_MEANINGS: dict[str, str] = {
    "supported": "the evidence agrees with the claim today",
    "refuted": "the evidence contradicts the claim, and it was already false when the article was written",
    "outdated": "the claim was true when the article was written but is false for current releases",
    "contested": "sources disagree and no probe or reference settles it",
    "unverifiable": "an opinion or a claim no probe or reference can decide",
}
# Article formats whose loaded text is the file byte for byte, so line numbers match the file.
VERBATIM_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown")


@dataclass(frozen=True)
class Position:
    """Where a claim sits in its source text: 1-based lines, 1-based character columns."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Page:
    """One ``sources/<slug>.md`` page: an article, or a file of curated claims."""

    key: str
    slug: str
    title: str
    source: Source | None
    checked: CheckedPages = field(repr=False, compare=False)
    rejected: tuple[Claim, ...] = ()
    orphaned: tuple[Claim, ...] = ()

    @property
    def items(self) -> tuple[CheckedClaim, ...]:
        """The page's judged claims in reading order (read when asked)."""
        return self.checked.page(self.key)


def position_of(text: str, start: int, end: int) -> Position:
    """Line and column of ``[start, end)``; the end column is one past the last character."""
    return _located(_newlines(text), start, end)


def _newlines(text: str) -> list[int]:
    found, index = [], text.find("\n")
    while index != -1:
        found.append(index)
        index = text.find("\n", index + 1)
    return found


def _located(newlines: list[int], start: int, end: int) -> Position:
    """``position_of`` with the offsets of the text's newlines worked out once."""
    before_start, before_end = bisect_left(newlines, start), bisect_left(newlines, end)
    line_start = newlines[before_start - 1] + 1 if before_start else 0
    end_line_start = newlines[before_end - 1] + 1 if before_end else 0
    return Position(before_start + 1, start - line_start + 1, before_end + 1, end - end_line_start + 1)


def anchor(claim_id: str) -> str:
    """A stable HTML anchor from a claim id (GitHub keeps ``[a-z0-9_-]`` as typed)."""
    return "claim-" + re.sub(r"[^a-z0-9_-]+", "-", claim_id.lower())


def slugify(text: str) -> str:
    """A file-name-safe slug."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "source"


def verdict_counts(items: Iterable[CheckedClaim]) -> dict[str, int]:
    """Count per verdict label, every label present (zero when absent)."""
    counts = Counter(item.verdict.label for item in items)
    return {label: counts.get(label, 0) for label in VERDICT_LABELS}


def holds_share(counts: dict[str, int]) -> tuple[int, int]:
    """(supported, checkable): the numerator and denominator of the "holds" share."""
    return counts["supported"], sum(counts[label] for label in CHECKABLE)


@dataclass(frozen=True)
class ReportData:
    """A run's results in report order, with everything formatters look up."""

    result: RunResult
    vocab: Vocabulary | None
    items: CheckedPages
    pages: tuple[Page, ...]
    page_of: dict[str, Page] = field(repr=False)  # by source key
    rejected: tuple[Claim, ...] = ()
    orphaned: tuple[Claim, ...] = ()
    _newlines: dict[str, tuple[int, list[int]]] = field(default_factory=dict, repr=False, compare=False)
    # pieces of Markdown that many claims share, rendered once (by the formatters that use them)
    rendered: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def environment(self) -> dict[str, object]:
        return self.result.environment

    def subjects(self) -> list[str]:
        """Every framework a claim or a probe is about, sorted."""
        return sorted(self.subject_ids)

    @cached_property
    def subject_ids(self) -> frozenset[str]:
        """Every framework a claim or a probe is about (each has a page); worked out once."""
        return frozenset({subject for subject, _ in self.summary.topics} | {p.subject for p in self.result.probe_results})

    @cached_property
    def summary(self) -> Summary:
        """Every count the reports show, from one pass over the claims, made when first needed:
        with ``--jobs``, in the process that writes the pages needing it, while another writes
        the formats that list claims and need no counts."""
        return summarise(self.items, self.result.contradictions, self.stated)

    def review_counts(self, page: Page) -> dict[str, int]:
        """Extracted claims of a page per review status (hand-written ones need none)."""
        found = self.summary.reviews.get(page.key, {})
        counts = {status: found.get(status, 0) for status in ("accepted", "edited", "unreviewed")}
        return {**counts, "rejected": len(page.rejected), "orphaned": len(page.orphaned)}

    def subject_name(self, subject: str) -> str:
        """A display name: the first alias in the vocabulary, else the id."""
        aliases = self.vocab.subjects.get(subject, ()) if self.vocab else ()
        return aliases[0] if aliases else subject

    def attribute_meaning(self, attribute: str) -> str:
        spec = self.vocab.attributes.get(attribute) if self.vocab else None
        return spec.means if spec else ""

    def verdict_meaning(self, label: str) -> str:
        meanings = self.vocab.verdicts if self.vocab else {}
        return meanings.get(label) or DEFAULT_MEANINGS.get(label, "")

    def stated(self, claim: Claim) -> str:
        """What a claim states, for a reader: its value, or ``faster_than PyTorch`` for a comparison."""
        if claim.relation is not None and claim.value in (None, "", []):
            return f"{claim.relation.type} {self.subject_name(claim.relation.object)}"
        if isinstance(claim.value, list):
            return ", ".join(str(v) for v in claim.value) or "—"
        return "—" if claim.value in (None, "") else str(claim.value)

    def claim_href(self, claim: Claim, prefix: str) -> str:
        """Link to a claim's section; ``prefix`` is the path from the linking page to ``sources/``."""
        return f"{prefix}{self.page_of[claim.source].slug}.md#{anchor(claim.id)}"

    def position(self, claim: Claim) -> Position | None:
        """Where a judged or rejected claim sits in its article; None without offsets or article."""
        page = self.page_of.get(claim.source)
        if page is None or page.source is None or claim.start is None or claim.end is None:
            return None
        length, newlines = self._lines(page.source)
        if not 0 <= claim.start <= claim.end <= length:
            return None
        return _located(newlines, claim.start, claim.end)

    def _lines(self, source: Source) -> tuple[int, list[int]]:
        """The length of an article's text and where its newlines are; a run that keeps no
        texts reads the article again (pages are read one after another: one is kept)."""
        if source.file not in self._newlines:
            text = source.text
            if not text and self.result.sources_dir is not None:
                from pipeline.ingest.loader import read_text

                text = read_text(self.result.sources_dir / source.file)
            self._newlines.clear()
            self._newlines[source.file] = (len(text), _newlines(text))
        return self._newlines[source.file]

    def line_of(self, claim: Claim) -> int | None:
        found = self.position(claim)
        return found.line if found else None

    def where(self, claim: Claim, limit: int = 0) -> str:
        """``Title, line 12`` for a reader; the title cut to ``limit`` characters when given."""
        title = self.page_of[claim.source].title
        if limit and len(title) > limit:
            title = title[: limit - 1].rstrip() + "…"
        line = self.line_of(claim)
        return f"{title}, line {line}" if line else title

    def probes_for(self, subject: str, attribute: str | None = None) -> list[ProbeResult]:
        """Probe results about ``subject`` (and ``attribute``), sorted by probe id."""
        found = [
            p for p in self.result.probe_results if p.subject == subject and (attribute is None or p.attribute == attribute)
        ]
        return sorted(found, key=lambda p: (p.attribute, p.probe_id))

    def probe(self, probe_id: str) -> ProbeResult | None:
        return next((p for p in self.result.probe_results if p.probe_id == probe_id), None)


def _by_source(claims: Iterable[Claim]) -> dict[str, tuple[Claim, ...]]:
    grouped: dict[str, list[Claim]] = {}
    for claim in sorted(claims, key=claim_sort_key):
        grouped.setdefault(claim.source, []).append(claim)
    return {key: tuple(found) for key, found in grouped.items()}


def _pages(checked: CheckedPages, sources: list[Source], result: RunResult) -> list[Page]:
    rejected, orphaned = _by_source(result.rejected), _by_source(result.orphaned)
    stems = Counter(source.stem for source in sources)
    files = {source.file for source in sources}
    pages = []
    for source in sources:
        # Two articles may share a stem (a.txt, a.md); then the whole file name keeps them apart.
        slug = slugify(source.stem if stems[source.stem] == 1 else source.file)
        aside = (rejected.get(source.file, ()), orphaned.get(source.file, ()))
        pages.append(Page(source.file, slug, source.title or source.file, source, checked, *aside))
    keys = {key for key in [*checked.keys, *rejected, *orphaned] if key not in files}
    for key in sorted(keys):
        title = key.split(":", 1)[1] if key.startswith("curated:") else key
        label = f"Curated claims ({title})" if key.startswith("curated:") else title
        slug = slugify(key.replace(":", "-").rsplit(".", 1)[0])
        pages.append(Page(key, slug, label, None, checked, rejected.get(key, ()), orphaned.get(key, ())))
    return pages


def build_report_data(result: RunResult, vocab: Vocabulary | None) -> ReportData:
    """Group and locate a run's claims once for all formatters."""
    sources = sorted(result.sources, key=lambda s: s.file)
    pages = _pages(result.checked, sources, result)
    data = ReportData(
        result=result,
        vocab=vocab,
        items=result.checked,
        pages=tuple(pages),
        page_of={page.key: page for page in pages},
        rejected=tuple(sorted(result.rejected, key=claim_sort_key)),
        orphaned=tuple(sorted(result.orphaned, key=claim_sort_key)),
    )
    return data  # ``summary`` is counted where a format first needs it
