"""``index.md``: the page a reader opens first.

One row per article (verdict counts and the share of checkable claims that hold), a chart
of verdicts per source, a row per framework, the most important contradictions with both
quotes, the speed benchmark, and the environment the verdicts rest on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.records import VERDICT_LABELS
from pipeline.report.charts import benchmark_block, verdict_bars
from pipeline.report.base import SingleFile
from pipeline.report.data import BADGES, ReportData
from pipeline.report.summary import Sheet
from pipeline.report.markdown import (
    cell, checkable_note, code, counts_line, footer, holds_text, inline, table, truncate, value_text,
)  # fmt: skip
from pipeline.report.markdown_contradictions import contradiction_block, ranked
from pipeline.report.markdown_listing import is_large, source_row, summary_sections, write_listing

TOP_CONTRADICTIONS = 3
# Environment keys shown first, in this order; any others follow alphabetically.
ENVIRONMENT_FIRST = ("python", "platform", "frameworks", "versions", "spacy", "spacy_model", "factcheck")
_VERDICT_COLUMNS = [BADGES[label] for label in VERDICT_LABELS]
_NUMERIC = range(3, 3 + 2 + len(VERDICT_LABELS))


def _sources(data: ReportData) -> list[str]:
    if is_large(data):
        return summary_sections(data)  # thousands of rows: summaries here, every row on listing pages
    rows = [source_row(data, page, "sources/") for page in data.pages]
    total = data.summary.total.counts
    rows.append(["**All**", "", "", f"**{data.summary.total.count}**", *(str(total[label]) for label in VERDICT_LABELS), holds_text(total)])
    headers = ["Source", "Publisher", "Published", "Claims", *_VERDICT_COLUMNS, "Holds"]
    chart_labels = [truncate(page.title, 28) for page in data.pages]
    chart = verdict_bars(chart_labels, [data.summary.page(page.key).counts for page in data.pages])
    return ["## Sources", "", *table(headers, rows, numeric=_NUMERIC), "", checkable_note(), "", *chart, ""]


def _frameworks(data: ReportData) -> list[str]:
    rows = []
    for subject in data.subjects():
        tally = data.summary.sheets.get(subject, Sheet()).tally
        counts = tally.counts
        probes = data.probes_for(subject)
        ok = sum(1 for p in probes if p.status == "ok")
        rows.append([
            f"[{cell(data.subject_name(subject))}](frameworks/{subject}.md)",
            str(tally.count), *(str(counts[label]) for label in VERDICT_LABELS), holds_text(counts),
            f"{ok}/{len(probes)}" if probes else "—",
        ])  # fmt: skip
    if not rows:
        return []
    headers = ["Framework", "Claims", *_VERDICT_COLUMNS, "Holds", "Probes ok"]
    return ["## Frameworks", "", *table(headers, rows, numeric=range(1, 4 + len(VERDICT_LABELS))), ""]


def _contradictions(data: ReportData) -> list[str]:
    top = ranked(data)[:TOP_CONTRADICTIONS]
    if not top:
        return ["## Contradictions", "", "No two claims in this run contradict each other.", ""]
    total = len(data.result.contradictions)
    lines = ["## Contradictions", "", f"The {len(top)} most important of [{total}](contradictions.md):", ""]
    for contradiction in top:
        lines += contradiction_block(data, contradiction, "sources/")
    return lines


def _benchmarks(data: ReportData) -> list[str]:
    probes = sorted((p for p in data.result.probe_results if p.attribute == "performance"), key=lambda p: p.probe_id)
    lines = []
    for probe in probes:
        lines += [f"### {inline(data.subject_name(probe.subject))}: `{probe.probe_id}`", "", *benchmark_block(probe), ""]
    return ["## Speed benchmark", "", *lines] if lines else []


def flatten(mapping: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Nested environment entries as ``(dotted.key, text)`` pairs."""
    pairs: list[tuple[str, str]] = []
    for key, value in mapping.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            pairs += flatten(value, name + ".") if value else [(name, "—")]
        else:
            pairs.append((name, value_text(value)))
    return pairs


def _environment_order(pair: tuple[str, str]) -> tuple[int, str]:
    head = pair[0].split(".", 1)[0]
    return (ENVIRONMENT_FIRST.index(head) if head in ENVIRONMENT_FIRST else len(ENVIRONMENT_FIRST), pair[0])


def _environment(data: ReportData) -> list[str]:
    pairs = sorted(flatten(data.environment), key=_environment_order)
    if not pairs:
        return ["## Environment", "", "The run recorded no environment.", ""]
    rows = [[f"`{key}`", code(text)] for key, text in pairs]
    intro = "Verdicts hold for these installed versions; probes ran on this interpreter."
    return ["## Environment", "", intro, "", *table(["", "Version / value"], rows), ""]


def _meanings(data: ReportData) -> list[str]:
    rows = [[f"{BADGES[label]} {label}", cell(data.verdict_meaning(label))] for label in VERDICT_LABELS]
    return ["## What the verdicts mean", "", *table(["Verdict", "Meaning"], rows), ""]


def _review_note(data: ReportData) -> list[str]:
    """How many claims review took out of the verdicts; nothing when none."""
    parts = []
    if data.rejected:
        parts.append(f"{len(data.rejected)} claim(s) rejected in review are left out of the verdicts")
    if data.orphaned:
        parts.append(f"{len(data.orphaned)} reviewed claim(s) no longer match their article (orphaned) and are not judged")
    return ["; ".join(parts) + "; each source page lists them.", ""] if parts else []


def render_index(data: ReportData) -> str:
    """The Markdown of ``index.md``."""
    total = data.summary.total.counts
    intro = (
        f"{data.summary.total.count} claims about deep-learning frameworks from {len(data.result.sources)} articles, "
        f"checked against the installed frameworks and dated references."
    )
    lines = ["# factcheck report", "", intro, "", counts_line(total), "", *_review_note(data)]
    lines += _sources(data) + _frameworks(data) + _contradictions(data) + _benchmarks(data)
    lines += _environment(data) + _meanings(data)
    return "\n".join(lines + footer(""))


class IndexFormatter(SingleFile):
    """Writes ``index.md``."""

    name = "index"
    filename = "index.md"

    def render(self, data: ReportData) -> str:
        return render_index(data)

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        return super().write(data, folder) + write_listing(data, folder)
