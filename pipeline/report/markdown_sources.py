"""``sources/<stem>.md``: one page per article, each claim in reading order.

A short table first (line, verdict, framework, attribute, value) so a reader scans the
article's claims at a glance, then one section per claim: the quote, what was read from it,
the verdict with its rationale, and the evidence. Probe observations and long evidence
lists are folded in ``<details>`` so the page stays readable.

Review decisions show where a reviewer made them: the overview gains a Review column and
each claim a Review line once a claim of the page was accepted or edited. Claims rejected in
review are not judged; they are listed apart under "Rejected in review", and reviewed claims
whose quote is no longer in the article under "Orphaned reviews".
"""

from __future__ import annotations

from pathlib import Path

from pipeline.catalog.yamlio import write_atomic
from pipeline.records import CheckedClaim, Claim, Evidence, Qualifiers
from pipeline.report.charts import verdict_pie
from pipeline.report.data import BADGES, Page, ReportData, anchor, verdict_counts
from pipeline.report.markdown import (
    badge, blockquote, cell, code, counts_line, details, footer, holds_text, inline, json_excerpt, table,
    truncate, value_text, versions_text,
)  # fmt: skip

EVIDENCE_ICONS = {"probe": "🧪", "fact": "📚", "claim": "💬"}
# More evidence items than this are folded, so one heavily-evidenced claim does not bury the next.
FOLD_AFTER = 3


def qualifiers_text(qualifiers: Qualifiers) -> str:
    """``hedge “may” · time “currently” · negated``, or empty."""
    parts = []
    if qualifiers.hedge:
        parts.append(f"hedge “{inline(qualifiers.hedge)}”")
    if qualifiers.time:
        parts.append(f"time “{inline(qualifiers.time)}”")
    if qualifiers.negated:
        parts.append("negated")
    if qualifiers.exclusive:
        parts.append("exclusive (“only”)")
    return " · ".join(parts)


def _evidence_line(data: ReportData, evidence: Evidence) -> str:
    icon = EVIDENCE_ICONS.get(evidence.kind, "•")
    other = data.summary.named.get(evidence.ref) if evidence.kind == "claim" else None
    if other is not None:
        ref = f"[{code(evidence.ref)}]({data.claim_href(other.claim, '')})"
    else:
        ref = code(evidence.ref)
    line = f"- {icon} {evidence.kind} {ref}"
    if evidence.status:
        line += f" ({inline(evidence.status)})"
    line += f": {inline(evidence.summary)}"
    if evidence.versions:
        line += f" · {inline(versions_text(evidence.versions))}"
    if evidence.citation:
        line += f" · [source]({evidence.citation})"
    return line


def _observations(data: ReportData, evidence: tuple[Evidence, ...]) -> list[str]:
    """The raw observation of each probe behind the verdict, folded."""
    lines: list[str] = []
    for ref in sorted({e.ref for e in evidence if e.kind == "probe"}):
        lines += _observation(data, ref)
    return lines


def _observation(data: ReportData, ref: str) -> list[str]:
    # a run's few probes back thousands of verdicts: each folded block is rendered once
    found = data.rendered.get(("observation", ref))
    if found is not None:
        return found
    probe = data.probe(ref)
    lines: list[str] = []
    if probe is not None and probe.observed is not None:
        meta = f"Python {inline(probe.python or '?')} on {inline(probe.platform or '?')}; {inline(versions_text(probe.versions))}"
        lines = details(f"Probe <code>{ref}</code> observed", [meta, "", *json_excerpt(probe.observed)]) + [""]
    data.rendered[("observation", ref)] = lines
    return lines


def _evidence(data: ReportData, item: CheckedClaim) -> list[str]:
    evidence = item.verdict.evidence
    if not evidence:
        return ["*No evidence recorded.*", ""]
    bullets = [_evidence_line(data, e) for e in evidence]
    if len(bullets) > FOLD_AFTER:
        block = details(f"Evidence ({len(bullets)} items)", bullets)
    else:
        block = ["**Evidence**", "", *bullets]
    return [*block, "", *_observations(data, evidence)]


def _facts(data: ReportData, item: CheckedClaim) -> list[str]:
    claim = item.claim
    facts = [] if claim.relation and claim.value in (None, "", []) else [f"- **Value:** {inline(value_text(claim.value))}"]
    if claim.relation:
        other = inline(data.subject_name(claim.relation.object))
        # Only frameworks that some claim or probe is about have a page to link to.
        if claim.relation.object in data.subject_ids:
            other = f"[{other}](../frameworks/{claim.relation.object}.md)"
        facts.append(f"- **Relation:** {inline(claim.relation.type)} → {other}")
    if qualifiers_text(claim.qualifiers):
        facts.append(f"- **Qualifiers:** {qualifiers_text(claim.qualifiers)}")
    if claim.table_row:
        facts.append(f"- **Table row:** {inline(claim.table_row)}")
    facts.append(f"- **Verdict:** {badge(item.verdict.label).replace(' ', ' **', 1)}** — {inline(item.verdict.rationale)}")
    if claim.review:
        note = f" — {inline(claim.note)}" if claim.note else ""
        facts.append(f"- **Review:** {claim.review}{note}")
    elif claim.note:
        facts.append(f"- **Note:** {inline(claim.note)}")
    origin = f"rule {code(claim.rule)}" if claim.rule else claim.origin
    facts.append(f"- <sub>id {code(claim.id)} · {origin}</sub>")
    return facts


def _claim_section(data: ReportData, item: CheckedClaim) -> list[str]:
    claim = item.claim
    line = data.line_of(claim)
    where = f"Line {line}" if line else "No position"
    framework = f"[{inline(data.subject_name(claim.subject))}](../frameworks/{claim.subject}.md#{claim.attribute})"
    heading = f'### <a id="{anchor(claim.id)}"></a>{BADGES[item.verdict.label]} {where} · {framework} · {claim.attribute}'
    return [heading, "", *blockquote(claim.quote), "", *_facts(data, item), "", *_evidence(data, item)]


def _overview(data: ReportData, page: Page) -> list[str]:
    # The Review column appears only once someone reviewed a claim of the page, so pages
    # nobody reviewed stay as compact as before.
    reviewed = any(item.claim.review for item in page.items)
    rows = []
    for item in page.items:
        claim = item.claim
        line = data.line_of(claim)
        rows.append([
            f"[{line if line else '—'}](#{anchor(claim.id)})", BADGES[item.verdict.label],
            cell(data.subject_name(claim.subject)), claim.attribute, cell(truncate(data.stated(claim), 40)),
            cell(truncate(claim.quote, 70)), *([claim.review or ""] if reviewed else []),
        ])  # fmt: skip
    headers = ["Line", "Verdict", "Framework", "Attribute", "Value", "Quote", *(["Review"] if reviewed else [])]
    return table(headers, rows, numeric=(0,))


_SET_ASIDE_HEADERS = ["Framework", "Attribute", "Value", "Quote", "Note", "Id"]


def _set_aside_row(data: ReportData, claim: Claim) -> list[str]:
    return [
        cell(data.subject_name(claim.subject)), claim.attribute, cell(truncate(data.stated(claim), 40)),
        cell(truncate(claim.quote, 70)), cell(claim.note or ""), code(claim.id),
    ]  # fmt: skip


def _set_aside(data: ReportData, page: Page) -> list[str]:
    """The claims reviewers took out of the verdicts: rejected, and orphaned reviews."""
    lines: list[str] = []
    if page.rejected:
        lead = f"{len(page.rejected)} claim(s) a reviewer rejected; they are left out of the verdicts above."
        rows = [[str(data.line_of(claim) or "—"), *_set_aside_row(data, claim)] for claim in page.rejected]
        lines += ["## Rejected in review", "", lead, "", *table(["Line", *_SET_ASIDE_HEADERS], rows, (0,)), ""]
    if page.orphaned:
        # An orphaned claim's offsets no longer point at its quote, so it has no line to show.
        lead = (
            f"{len(page.orphaned)} reviewed claim(s) whose quote is no longer in the article. They are kept under "
            "`orphaned:` in the article's file in `claims/extracted/` and not judged: fix their quote or delete them."
        )
        rows = [[claim.review or "", *_set_aside_row(data, claim)] for claim in page.orphaned]
        lines += ["## Orphaned reviews", "", lead, "", *table(["Review", *_SET_ASIDE_HEADERS], rows), ""]
    return lines


def _review_line(data: ReportData, page: Page) -> list[str]:
    """``Review: 2 accepted · 1 edited · …``, only once a claim of the page was reviewed."""
    counts = data.review_counts(page)
    if not any(counts[status] for status in ("accepted", "edited", "rejected", "orphaned")):
        return []
    return ["Review: " + " · ".join(f"{count} {status}" for status, count in counts.items() if count), ""]


def _header(page: Page) -> list[str]:
    parts = ["[← Summary](../index.md)"]
    source = page.source
    if source is not None:
        parts += [inline(source.publisher or "unknown publisher"), f"published {inline(source.published or 'unknown')}"]
        parts.append(f"`{source.file}`")
        if source.url:
            parts.append(f"[original]({source.url})")
    return [f"# {inline(page.title)}", "", " · ".join(parts), ""]


def render_source(data: ReportData, page: Page) -> str:
    """The Markdown of one ``sources/<stem>.md``."""
    counts = verdict_counts(page.items)
    lines = _header(page)
    if not page.items:
        lines += ["No claims were found in this article." if not page.rejected else "Every claim was rejected in review."]
        return "\n".join(lines + ([""] if page.rejected or page.orphaned else []) + _set_aside(data, page) + footer("../"))
    lines += [f"**{len(page.items)} claims** · holds {holds_text(counts)}", "", counts_line(counts), "", *_review_line(data, page)]
    lines += verdict_pie(counts) + ["", *_overview(data, page), "", "## Claims", ""]
    for item in page.items:
        lines += _claim_section(data, item)
    return "\n".join(lines + _set_aside(data, page) + footer("../"))


class SourcesFormatter:
    """Writes ``sources/<stem>.md`` for every article (and every file of curated claims)."""

    name = "sources"

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        written = []
        for page in data.pages:
            path = folder / "sources" / f"{page.slug}.md"
            write_atomic(path, render_source(data, page))
            written.append(path)
        return written
