"""The review workflow: a reviewer's work carried across re-extraction, and ``factcheck review``.

A reviewer marks an extracted claim ``review: accepted`` or ``review: rejected``, or corrects
its fields in place (that counts as ``edited``). Every run merges the new extraction with
the file it replaces, keyed by the claim id written in the file:

- a claim extracted again keeps its review, note and corrected fields;
- a reviewed claim that extraction now yields at other offsets (the article was edited
  around it) follows its quote: the review moves to the claim with the same quote and
  extracted fields;
- a reviewed claim extraction no longer yields is kept while its quote is in the article;
- otherwise it is orphaned: written under ``orphaned:`` in the same file, left out of
  verdicts and reported, never silently dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from pipeline.catalog.claims import (
    EDITABLE_FIELDS, ExtractedFile, StoredClaim, extracted_path, fingerprint, read_extracted_file, review_status,
    sort_key, write_extracted,
)  # fmt: skip
from pipeline.catalog.yamlio import read_each
from pipeline.errors import E_SOURCE_MISSING, ErrorGroup, FactcheckError, Location
from pipeline.ingest.loader import load_sources
from pipeline.paths import Folders
from pipeline.records import Claim, Source
from pipeline.vocab import Vocabulary, load_vocabulary

STATUSES = ("accepted", "rejected", "edited", "unreviewed")


@dataclass(frozen=True)
class Merged:
    """One article's claims after merging, the reviews that lost their quote, and the fingerprints to write."""

    claims: list[Claim]
    orphaned: list[Claim]
    fingerprints: dict[str, str]


@dataclass(frozen=True)
class Synced:
    """Every article's claims as written, and the orphaned reviews."""

    claims: list[Claim]
    orphaned: list[Claim]


def _corrected(old: StoredClaim, new: Claim) -> bool:
    # A file written before fingerprints existed can only be compared with today's extraction.
    if old.fingerprint:
        return old.fingerprint != fingerprint(old.claim)
    return any(getattr(old.claim, name) != getattr(new, name) for name in EDITABLE_FIELDS)


def carry_review(new: Claim, old: StoredClaim | None) -> Claim:
    """``new`` with the review, note and corrected fields of ``old``; a correction without ``review`` is ``edited``."""
    if old is None:
        return new
    corrected = _corrected(old, new)
    review = old.claim.review or ("edited" if corrected else None)
    update: dict[str, Any] = {"review": review, "note": old.claim.note}
    if corrected or review == "edited":
        update.update({name: getattr(old.claim, name) for name in EDITABLE_FIELDS})
    return new.model_copy(update=update)


def _has_review(stored: StoredClaim) -> bool:
    return review_status(stored) is not None or bool(stored.claim.note)


def anchor(claim: Claim, text: str) -> Claim | None:
    """The claim where its quote is now: in place, else at the nearest occurrence, else None."""
    if not claim.quote:
        return None
    if claim.start is not None and text[claim.start : claim.end] == claim.quote:
        return claim
    starts = [match.start() for match in re.finditer(re.escape(claim.quote), text)]
    if not starts:
        return None
    start = min(starts, key=lambda found: (abs(found - (claim.start or 0)), found))
    return claim.model_copy(update={"start": start, "end": start + len(claim.quote)})


def _moved(old: StoredClaim, fresh: list[Claim]) -> Claim | None:
    """A newly extracted claim that is ``old`` at new offsets: same quote, same extracted fields."""
    extracted_as = old.fingerprint or fingerprint(old.claim)
    matches = [claim for claim in fresh if claim.quote == old.claim.quote and fingerprint(claim) == extracted_as]
    return min(matches, key=lambda claim: (abs((claim.start or 0) - (old.claim.start or 0)), claim.id), default=None)


def merge_file(extracted: list[Claim], previous: list[StoredClaim], source: Source) -> Merged:
    """New extraction of ``source`` plus the reviewer's work from its previous file (claims and orphans)."""
    old_by_id = {stored.claim.id: stored for stored in previous}
    merged = {claim.id: carry_review(claim, old_by_id.get(claim.id)) for claim in extracted}
    prints = {claim.id: fingerprint(claim) for claim in extracted}
    fresh = [claim for claim in extracted if claim.id not in old_by_id]
    orphaned: list[Claim] = []
    for old in previous:
        if old.claim.id in merged or not _has_review(old):
            continue
        moved = _moved(old, fresh)
        if moved is not None:
            fresh.remove(moved)
            merged[moved.id] = carry_review(moved, old)
            continue
        kept = old.claim.model_copy(update={"review": review_status(old)})
        if old.fingerprint:
            prints[kept.id] = old.fingerprint
        placed = anchor(kept, source.text)
        if placed is None:
            orphaned.append(kept)
        else:
            merged[placed.id] = placed
    return Merged(sorted(merged.values(), key=sort_key), sorted(orphaned, key=sort_key), prints)


def merge_reviews(extracted: list[Claim], previous: list[Claim], source: Source) -> list[Claim]:
    """``merge_file`` for claims read without line or fingerprint; the orphans left out."""
    return merge_file(extracted, [StoredClaim(claim) for claim in previous], source).claims


def _read_all(folder: Path, sources: list[Source], vocab: Vocabulary) -> dict[str, ExtractedFile]:
    """Every article's previous file; all problems of all files reported together."""
    by_path = {extracted_path(folder, source): source for source in sources}
    files, errors = read_each(by_path, lambda path: read_extracted_file(folder, by_path[path], vocab))
    if errors:
        raise ErrorGroup(errors)
    return {by_path[path].file: file for path, file in files}


def sync_article(folder: Path, source: Source, extracted: list[Claim], vocab: Vocabulary, staging: Path) -> Merged:
    """Merge one article's new extraction with the reviews in its file under ``folder`` and
    write the result to ``staging`` (moved into ``folder`` once every article succeeded)."""
    previous = read_extracted_file(folder, source, vocab)
    merged = merge_file(extracted, previous.claims + previous.orphaned, source)
    write_extracted(staging, source, merged.claims, merged.fingerprints, merged.orphaned)
    return merged


def sync_extracted(folder: Path, sources: list[Source], extracted: list[Claim], vocab: Vocabulary) -> Synced:
    """``sync_article`` for every article in turn: the claims as written, and the orphaned reviews.

    A run does the same spread over its workers. Every file is read before any is moved into
    place, so one malformed file leaves them all untouched.
    """
    from pipeline.catalog.staging import move_into_place, staging_folder

    by_source: dict[str, list[Claim]] = {source.file: [] for source in sources}
    for claim in extracted:
        by_source.setdefault(claim.source, []).append(claim)
    with staging_folder(folder) as staging:
        synced, errors = read_each(sources, lambda source: sync_article(folder, source, by_source[source.file], vocab, staging))
        if errors:
            raise ErrorGroup(errors)
        move_into_place([extracted_path(staging, source) for source in sources], folder)
    return Synced([c for _, merged in synced for c in merged.claims], [c for _, merged in synced for c in merged.orphaned])


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when inside it, so messages stay short."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def orphan_notice(orphaned: Iterable[Claim], folder: Path) -> list[str]:
    """One line per article whose file keeps reviewed claims that lost their quote."""
    per_source = Counter(claim.source for claim in orphaned)
    lines = []
    for name, count in sorted(per_source.items()):
        path = display_path(folder / f"{name.rsplit('.', 1)[0]}.yaml")
        lines.append(
            f"{count} reviewed claim(s) of {name} no longer match the article; kept under 'orphaned:' in {path}"
            " and left out of verdicts: fix their quote and offsets, or delete them"
        )
    return lines


def select_sources(sources: list[Source], only: str | None, folder: Path) -> list[Source]:
    """All sources, or the one named by ``only`` (file name, stem or path)."""
    if only is None:
        return sources
    name = Path(only).name
    found = [source for source in sources if name in (source.file, source.stem)]
    if not found:
        names = ", ".join(source.file for source in sources) or "none"
        raise FactcheckError(E_SOURCE_MISSING, f"no article '{only}' in the sources folder", Location(folder), f"use one of: {names}")
    return found


@dataclass(frozen=True)
class SourceReview:
    """One article's extracted file as a reviewer sees it."""

    source: Source
    file: ExtractedFile

    @property
    def extracted(self) -> bool:
        return self.file.path.exists()

    def counts(self) -> dict[str, int]:
        """Claims per review status (``unreviewed`` included), then ``orphaned``."""
        found = Counter(status_of(stored) for stored in self.file.claims)
        return {**{status: found.get(status, 0) for status in STATUSES}, "orphaned": len(self.file.orphaned)}


def status_of(stored: StoredClaim) -> str:
    """``accepted``, ``rejected``, ``edited`` or ``unreviewed``."""
    return review_status(stored) or "unreviewed"


def review_sources(folder: Path, sources: list[Source], vocab: Vocabulary) -> list[SourceReview]:
    """Each article with its extracted file as last written (and since edited by a reviewer)."""
    previous = _read_all(folder, sources, vocab)
    return [SourceReview(source, previous[source.file]) for source in sources]


def _stated(claim: Claim) -> str:
    value = claim.value
    text = ", ".join(value) if isinstance(value, list) else ("—" if value in (None, "") else str(value))
    if claim.relation is None:
        return text
    relation = f"{claim.relation.type} {claim.relation.object}"
    return relation if text == "—" else f"{relation} ({text})"


def _claim_lines(stored: StoredClaim, status: str | None) -> list[str]:
    claim = stored.claim
    line = f"line {stored.line}" if stored.line else "line ?"
    label = f"{status:<10} " if status else ""
    quote = " ".join(claim.quote.split())
    quote = quote if len(quote) <= 110 else quote[:109].rstrip() + "…"
    note = f"  (note: {' '.join(claim.note.split())})" if claim.note else ""
    head = f"  {line:<9} {label}{claim.id}  {claim.subject} · {claim.attribute} · {_stated(claim)}{note}"
    return [head, f"            \"{quote}\""]


def _source_block(review: SourceReview, show_all: bool) -> list[str]:
    lines = [f"{review.source.file}  ({display_path(review.file.path)})"]
    if not review.extracted:
        return lines + ["  not extracted yet: run `factcheck run` first", ""]
    listed = [s for s in review.file.claims if show_all or status_of(s) == "unreviewed"]
    for stored in listed:
        lines += _claim_lines(stored, status_of(stored) if show_all else None)
    if not listed:
        lines.append("  nothing left to review" if not show_all else "  no claims")
    if review.file.orphaned:
        lines.append("  orphaned (quote no longer in the article; fix or delete under 'orphaned:'):")
        for stored in review.file.orphaned:
            lines += _claim_lines(stored, status_of(stored))
    return lines + [""]


def _summary(reviews: list[SourceReview]) -> list[str]:
    columns = (*STATUSES, "orphaned")
    width = max([len(r.source.file) for r in reviews] + [len("article")])
    rows = [(r.source.file, r.counts()) for r in reviews]
    total = {column: sum(counts[column] for _, counts in rows) for column in columns}
    lines = [f"{'article':<{width}}  " + "  ".join(f"{column:>10}" for column in columns)]
    for name, counts in [*rows, ("All", total)]:
        lines.append(f"{name:<{width}}  " + "  ".join(f"{counts[column]:>10}" for column in columns))
    return lines


def render_review(reviews: list[SourceReview], show_all: bool = False) -> str:
    """The text ``factcheck review`` prints: unreviewed (or, with ``show_all``, all) claims, then counts."""
    lines: list[str] = []
    for review in reviews:
        lines += _source_block(review, show_all)
    return "\n".join(lines + _summary(reviews))


def review_folders(folders: Folders, only: str | None = None, show_all: bool = False) -> str:
    """``factcheck review``: read the articles and their extracted files, render the listing."""
    vocab = load_vocabulary(folders.config("vocabulary.yaml"))
    sources = select_sources(load_sources(folders.sources), only, folders.sources)
    return render_review(review_sources(folders.extracted, sources, vocab), show_all)
