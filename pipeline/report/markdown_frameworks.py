"""``frameworks/<subject>.md``: a fact sheet per framework.

For each attribute: what the articles say (values with counts, each claim linked to its
section in ``sources/<stem>.md``), what the probes observed on the installed versions, and
the verdicts. Claims about other frameworks that compare against this one are listed at
the end, so a reader sees every statement that concerns it.

An attribute that many articles discuss (more than CLAIMS_TABLE_LIMIT claims) gets one row
per stated value instead of one per claim: how many claims and articles state it, their
verdicts, and an example; each claim is still on its article's page. A corpus of thousands
of articles thus keeps pages a reader can scan.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.catalog.yamlio import write_atomic
from pipeline.records import VERDICT_LABELS
from pipeline.report.charts import benchmark_block
from pipeline.report.data import BADGES, ReportData
from pipeline.report.summary import CLAIMS_TABLE_LIMIT, Section, Sheet
from pipeline.report.markdown import (
    cell, code, counts_line, footer, holds_text, inline, table, truncate, value_text, versions_text,
)  # fmt: skip

def values_summary(section: Section) -> str:
    """``C++ ×2, Lua ×1``: most-stated values first; empty when no claim has a value."""
    # claims whose value was not normalised ("—") say nothing to count
    ranked = sorted(((value, tally.count) for value, tally in section.values.items() if value != "—"), key=lambda pair: (-pair[1], pair[0]))
    return ", ".join(f"{inline(value)} ×{count}" for value, count in ranked)


def _values_table(data: ReportData, section: Section) -> list[str]:
    """One row per stated value, most-stated first, with verdict counts and an example."""
    rows = []
    for value, tally in sorted(section.values.items(), key=lambda pair: (-pair[1].count, pair[0])):
        counts = tally.counts
        example = tally.first.claim  # type: ignore[union-attr]  # a value is only listed once a claim states it
        link = f"[{cell(data.where(example, 40))}]({data.claim_href(example, '../sources/')})"
        rows.append([cell(truncate(value, 40)), str(tally.count), str(tally.articles), *(str(counts[label]) for label in VERDICT_LABELS), link])
    headers = ["Value", "Claims", "Articles", *(BADGES[label] for label in VERDICT_LABELS), "Example"]
    return table(headers, rows, numeric=range(1, 3 + len(VERDICT_LABELS)))


def _claims_table(data: ReportData, section: Section) -> list[str]:
    if section.tally.count > CLAIMS_TABLE_LIMIT:
        return _values_table(data, section)
    rows = []
    for item in section.claims:
        claim = item.claim
        value = data.stated(claim)
        link = f"[{cell(data.where(claim, 40))}]({data.claim_href(claim, '../sources/')})"
        rows.append([BADGES[item.verdict.label], cell(truncate(value, 40)), cell(truncate(claim.quote, 80)), link])
    return table(["Verdict", "Value", "Quote", "Where"], rows)
def _probes(data: ReportData, subject: str, attribute: str) -> list[str]:
    probes = data.probes_for(subject, attribute)
    if not probes:
        return ["*No probe checks this attribute.*", ""]
    rows = [
        [code(p.probe_id), p.status, cell(truncate(value_text(p.value) if p.status == "ok" else p.reason or "—", 60)),
         cell(versions_text(p.versions))]
        for p in probes
    ]  # fmt: skip
    lines = ["**What the probes observed**", "", *table(["Probe", "Status", "Value", "Versions"], rows), ""]
    if attribute == "performance":
        for probe in probes:
            lines += benchmark_block(probe) + [""]
    return lines


def _attribute_section(data: ReportData, subject: str, attribute: str, section: Section) -> list[str]:
    lines = [f"## {attribute}", ""]
    meaning = data.attribute_meaning(attribute)
    if meaning:
        lines += [f"*{inline(meaning)}*", ""]
    count = section.tally.count
    if count:
        said = f"**What the sources say**: {count} claim{'s' if count != 1 else ''}"
        # past the limit the values table below says the same, value by value
        summary = values_summary(section) if count <= CLAIMS_TABLE_LIMIT else ""
        said += f": {summary}" if summary else ""
        lines += [said, "", *_claims_table(data, section), "", counts_line(section.tally.counts, skip_zero=True), ""]
    else:
        lines += ["*No article makes a claim about this.*", ""]
    return lines + _probes(data, subject, attribute)


def _overview(data: ReportData, subject: str, attributes: dict[str, Section]) -> list[str]:
    rows = []
    for attribute, section in attributes.items():
        counts = section.tally.counts
        probes = data.probes_for(subject, attribute)
        status = ", ".join(sorted({p.status for p in probes})) or "—"
        verdicts = [str(counts[label]) for label in VERDICT_LABELS]
        rows.append([f"[{attribute}](#{attribute})", str(section.tally.count), *verdicts, status])
    headers = ["Attribute", "Claims", *(BADGES[label] for label in VERDICT_LABELS), "Probes"]
    return table(headers, rows, numeric=range(1, 2 + len(VERDICT_LABELS)))


def _compared(data: ReportData, subject: str, section: Section) -> list[str]:
    if not section.tally.count:
        return []
    intro = f"Claims about other frameworks that compare them with {inline(data.subject_name(subject))}:"
    lines = ["## Compared with other frameworks", "", intro, ""]
    return lines + _claims_table(data, section) + [""]


def render_framework(data: ReportData, subject: str, sheet: Sheet) -> str:
    """The Markdown of one ``frameworks/<subject>.md``."""
    names = sorted(set(sheet.attributes) | {p.attribute for p in data.probes_for(subject)})
    attributes = {name: sheet.attributes.get(name) or Section() for name in names}
    counts = sheet.tally.counts
    lines = [f"# {inline(data.subject_name(subject))}", ""]
    summary = f"{sheet.tally.count} claims from {sheet.tally.articles} sources · holds {holds_text(counts)}"
    lines += [f"[← Summary](../index.md) · id `{subject}` · {summary}", ""]
    lines += [counts_line(counts), "", *_overview(data, subject, attributes), ""]
    for attribute, section in attributes.items():
        lines += _attribute_section(data, subject, attribute, section)
    lines += _compared(data, subject, sheet.compared)
    return "\n".join(lines + footer("../"))


class FrameworksFormatter:
    """Writes ``frameworks/<subject>.md`` for every framework a claim or probe is about."""

    name = "frameworks"

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        written = []
        for subject in data.subjects():
            path = folder / "frameworks" / f"{subject}.md"
            write_atomic(path, render_framework(data, subject, data.summary.sheets.get(subject, Sheet())))
            written.append(path)
        return written
