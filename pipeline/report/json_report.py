"""``claims.json``: the machine-readable contract of a run.

``{"generated_by": ..., "environment": {...}, "sources": [...], "claims": [...],
"contradictions": [...]}``; each claim has its id, source file, offsets, the line the quote
starts on, quote, subject, attribute, value, relation (null or {type, object}), verdict,
rationale and evidence (a list). Claims are in report order and keys in a fixed order, so
the file diffs cleanly; ``factcheck run --baseline`` reads it back.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.records import CheckedClaim
from pipeline.report.base import SingleFile
from pipeline.report.data import ReportData


def generated_by(data: ReportData) -> str:
    """``factcheck 0.1.0`` (the version when the environment names it)."""
    return f"factcheck {data.environment.get('factcheck', '')}".strip()


def claim_row(item: CheckedClaim, line: int | None = None) -> dict[str, Any]:
    """One claim of ``claims.json``."""
    claim, verdict = item.claim, item.verdict
    return {
        "id": claim.id,
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "line": line,
        "quote": claim.quote,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "value": claim.value,
        "relation": claim.relation.model_dump() if claim.relation else None,
        "qualifiers": claim.qualifiers.model_dump(),
        "table_row": claim.table_row,
        "origin": claim.origin,
        "rule": claim.rule,
        "verdict": verdict.label,
        "rationale": verdict.rationale,
        "evidence": [evidence.model_dump(mode="json") for evidence in verdict.evidence],
    }


def run_document(data: ReportData) -> dict[str, Any]:
    """The whole ``claims.json`` document."""
    return {
        "generated_by": generated_by(data),
        "environment": data.environment,
        "sources": [
            {
                "file": page.source.file,
                "title": page.source.title,
                "publisher": page.source.publisher,
                "url": page.source.url,
                "published": page.source.published,
                "report": f"sources/{page.slug}.md",
            }
            for page in data.pages
            if page.source is not None
        ],
        "claims": [claim_row(item, data.line_of(item.claim.id)) for item in data.items],
        "contradictions": [c.model_dump(mode="json") for c in data.result.contradictions],
    }


class JsonFormatter(SingleFile):
    """Writes ``claims.json``."""

    name = "json"
    filename = "claims.json"

    def render(self, data: ReportData) -> str:
        return json.dumps(run_document(data), indent=2, ensure_ascii=False, default=str) + "\n"
