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

from collections import Counter
from pathlib import Path

from pipeline.catalog.yamlio import write_atomic
from pipeline.records import VERDICT_LABELS, CheckedClaim
from pipeline.report.charts import benchmark_block
from pipeline.report.data import BADGES, ReportData, verdict_counts
from pipeline.report.markdown import (
    cell, code, counts_line, footer, holds_text, inline, table, truncate, value_text, versions_text,
)  # fmt: skip


def values_summary(data: ReportData, items: list[CheckedClaim]) -> str:
    """``C++ ×2, Lua ×1``: most-stated values first; empty when no claim has a value."""
    counts = Counter(data.stated(item.claim) for item in items)
    counts.pop("—", None)  # claims whose value was not normalised say nothing to count
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return ", ".join(f"{inline(value)} ×{count}" for value, count in ranked)


# Past this many claims, a table lists stated values rather than claims.
CLAIMS_TABLE_LIMIT = 50


def _values_table(data: ReportData, items: list[CheckedClaim]) -> list[str]:
    """One row per stated value, most-stated first, with verdict counts and an example."""
    by_value: dict[str, list[CheckedClaim]] = {}
    for item in items:
        by_value.setdefault(data.stated(item.claim), []).append(item)
    rows = []
    for value, group in sorted(by_value.items(), key=lambda pair: (-len(pair[1]), pair[0])):
        counts = verdict_counts(group)
        example = group[0].claim
        link = f"[{cell(data.where(example.id, 40))}]({data.claim_href(example.id, '../sources/')})"
        articles = len({item.claim.source for item in group})
        rows.append([cell(truncate(value, 40)), str(len(group)), str(articles), *(str(counts[label]) for label in VERDICT_LABELS), link])
    headers = ["Value", "Claims", "Articles", *(BADGES[label] for label in VERDICT_LABELS), "Example"]
    return table(headers, rows, numeric=range(1, 3 + len(VERDICT_LABELS)))


def _claims_table(data: ReportData, items: list[CheckedClaim]) -> list[str]:
    if len(items) > CLAIMS_TABLE_LIMIT:
        return _values_table(data, items)
    rows = []
    for item in items:
        claim = item.claim
        value = data.stated(claim)
        link = f"[{cell(data.where(claim.id, 40))}]({data.claim_href(claim.id, '../sources/')})"
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


def _attribute_section(data: ReportData, subject: str, attribute: str, items: list[CheckedClaim]) -> list[str]:
    lines = [f"## {attribute}", ""]
    meaning = data.attribute_meaning(attribute)
    if meaning:
        lines += [f"*{inline(meaning)}*", ""]
    if items:
        said = f"**What the sources say**: {len(items)} claim{'s' if len(items) != 1 else ''}"
        # past the limit the values table below says the same, value by value
        summary = values_summary(data, items) if len(items) <= CLAIMS_TABLE_LIMIT else ""
        said += f": {summary}" if summary else ""
        lines += [said, "", *_claims_table(data, items), "", counts_line(verdict_counts(items), skip_zero=True), ""]
    else:
        lines += ["*No article makes a claim about this.*", ""]
    return lines + _probes(data, subject, attribute)


def _overview(data: ReportData, subject: str, by_attribute: dict[str, list[CheckedClaim]]) -> list[str]:
    rows = []
    for attribute, items in by_attribute.items():
        counts = verdict_counts(items)
        probes = data.probes_for(subject, attribute)
        status = ", ".join(sorted({p.status for p in probes})) or "—"
        verdicts = [str(counts[label]) for label in VERDICT_LABELS]
        rows.append([f"[{attribute}](#{attribute})", str(len(items)), *verdicts, status])
    headers = ["Attribute", "Claims", *(BADGES[label] for label in VERDICT_LABELS), "Probes"]
    return table(headers, rows, numeric=range(1, 2 + len(VERDICT_LABELS)))


def _compared(data: ReportData, subject: str) -> list[str]:
    items = [i for i in data.items if i.claim.relation and i.claim.relation.object == subject and i.claim.subject != subject]
    if not items:
        return []
    intro = f"Claims about other frameworks that compare them with {inline(data.subject_name(subject))}:"
    lines = ["## Compared with other frameworks", "", intro, ""]
    return lines + _claims_table(data, items) + [""]


def render_framework(data: ReportData, subject: str) -> str:
    """The Markdown of one ``frameworks/<subject>.md``."""
    items = [item for item in data.items if item.claim.subject == subject]
    attributes = sorted({i.claim.attribute for i in items} | {p.attribute for p in data.probes_for(subject)})
    by_attribute: dict[str, list[CheckedClaim]] = {a: [] for a in attributes}
    for item in items:
        by_attribute[item.claim.attribute].append(item)
    counts = verdict_counts(items)
    sources = len({item.claim.source for item in items})
    lines = [f"# {inline(data.subject_name(subject))}", ""]
    summary = f"{len(items)} claims from {sources} sources · holds {holds_text(counts)}"
    lines += [f"[← Summary](../index.md) · id `{subject}` · {summary}", ""]
    lines += [counts_line(counts), "", *_overview(data, subject, by_attribute), ""]
    for attribute in attributes:
        lines += _attribute_section(data, subject, attribute, by_attribute[attribute])
    lines += _compared(data, subject)
    return "\n".join(lines + footer("../"))


class FrameworksFormatter:
    """Writes ``frameworks/<subject>.md`` for every framework a claim or probe is about."""

    name = "frameworks"

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        written = []
        for subject in data.subjects():
            path = folder / "frameworks" / f"{subject}.md"
            write_atomic(path, render_framework(data, subject))
            written.append(path)
        return written
