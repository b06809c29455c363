"""``claims.csv``: one flat row per claim, for spreadsheets and pandas.

Lists become ``; ``-joined text, the relation and qualifiers become columns of their own,
and the evidence is summarised as ``kind:ref (status)`` items plus the citations, so every
cell is a plain string or number. Only judged claims have a row: claims rejected in review
are left out (``claims.json`` and the source pages list them); ``review`` says which rows a
reviewer accepted or edited.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any, Iterator

import pandas as pd

from pipeline.records import CheckedClaim, Evidence
from pipeline.report.data import ReportData
from pipeline.report.streaming import write_chunks

CHUNK_ROWS = 2_000

COLUMNS = (
    "id", "source", "line", "start", "end", "subject", "attribute", "value", "relation_type", "relation_object",
    "hedge", "time", "negated", "exclusive", "table_row", "origin", "rule", "review", "verdict", "rationale",
    "evidence_count", "evidence", "citations", "quote",
)  # fmt: skip


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _evidence_item(evidence: Evidence) -> str:
    status = f" ({evidence.status})" if evidence.status else ""
    return f"{evidence.kind}:{evidence.ref}{status}"


def csv_row(item: CheckedClaim, line: int | None) -> dict[str, Any]:
    """One row of ``claims.csv``."""
    claim, verdict = item.claim, item.verdict
    return {
        "id": claim.id,
        "source": claim.source,
        "line": "" if line is None else line,
        "start": "" if claim.start is None else claim.start,
        "end": "" if claim.end is None else claim.end,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "value": _flat(claim.value),
        "relation_type": claim.relation.type if claim.relation else "",
        "relation_object": claim.relation.object if claim.relation else "",
        "hedge": claim.qualifiers.hedge or "",
        "time": claim.qualifiers.time or "",
        "negated": claim.qualifiers.negated,
        "exclusive": claim.qualifiers.exclusive,
        "table_row": claim.table_row or "",
        "origin": claim.origin,
        "rule": claim.rule,
        "review": claim.review or "",
        "verdict": verdict.label,
        "rationale": verdict.rationale,
        "evidence_count": len(verdict.evidence),
        "evidence": "; ".join(_evidence_item(e) for e in verdict.evidence),
        "citations": "; ".join(e.citation for e in verdict.evidence if e.citation),
        "quote": " ".join(claim.quote.split()),
    }


def csv_chunks(data: ReportData) -> Iterator[str]:
    """The text of ``claims.csv`` in pieces of CHUNK_ROWS rows (the header only when there are no claims)."""
    items = iter(data.items)
    first = True
    while True:
        rows = [csv_row(item, data.line_of(item.claim)) for item in islice(items, CHUNK_ROWS)]
        if not rows and not first:
            return
        # Every column as text, so empty cells stay empty instead of becoming NaN or floats.
        frame = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
        yield frame.to_csv(index=False, header=first, lineterminator="\n")
        first = False


def render_csv(data: ReportData) -> str:
    """The text of ``claims.csv``."""
    return "".join(csv_chunks(data))


class CsvFormatter:
    """Writes ``claims.csv``, CHUNK_ROWS rows at a time: the file of a large corpus is never held whole."""

    name = "csv"
    filename = "claims.csv"

    def render(self, data: ReportData) -> str:
        return render_csv(data)

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        path = folder / self.filename
        write_chunks(path, csv_chunks(data))
        return [path]
