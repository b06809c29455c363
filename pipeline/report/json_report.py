"""``claims.json``: the machine-readable contract of a run.

``{"generated_by": ..., "environment": {...}, "sources": [...], "claims": [...],
"contradictions": [...], "rejected": [...], "orphaned": [...]}``; each claim has its id,
source file, offsets, the line the quote starts on, quote, subject, attribute, value,
relation (null or {type, object}), review (null, "accepted" or "edited") and note, verdict,
rationale and evidence (a list). ``rejected`` lists the claims a reviewer rejected and
``orphaned`` the reviewed claims whose quote is no longer in their article: the same fields
up to the note, no verdict, since neither is judged. Claims are in report order and keys in a fixed order, so
the file diffs cleanly; ``factcheck run --baseline`` reads it back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.records import CheckedClaim, Claim
from pipeline.report.data import ReportData
from pipeline.report.streaming import Streamed, write_json


def generated_by(data: ReportData) -> str:
    """``factcheck 0.1.0`` (the version when the environment names it)."""
    return f"factcheck {data.environment.get('factcheck', '')}".strip()


def claim_row(item: CheckedClaim, line: int | None = None) -> dict[str, Any]:
    """One claim of ``claims.json``."""
    verdict = item.verdict
    return {
        **claim_fields(item.claim, line),
        "verdict": verdict.label,
        "rationale": verdict.rationale,
        "evidence": [evidence.model_dump(mode="json") for evidence in verdict.evidence],
    }


def claim_fields(claim: Claim, line: int | None = None) -> dict[str, Any]:
    """What a claim states and where, with its review: every listed claim has these keys."""
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
        "review": claim.review,
        "note": claim.note,
    }


def run_document(data: ReportData, streamed: bool = False) -> dict[str, Any]:
    """The whole ``claims.json`` document; with ``streamed``, its claims are built while writing."""
    rows = (claim_row(item, data.line_of(item.claim)) for item in data.items)
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
        "claims": Streamed(rows) if streamed else list(rows),
        "contradictions": [c.model_dump(mode="json") for c in data.result.contradictions],
        "rejected": [claim_fields(claim, data.line_of(claim)) for claim in data.rejected],
        "orphaned": [claim_fields(claim) for claim in data.orphaned],
    }


class JsonFormatter:
    """Writes ``claims.json``, one claim at a time: the file of a large corpus is never held whole."""

    name = "json"
    filename = "claims.json"

    def render(self, data: ReportData) -> str:
        return json.dumps(run_document(data), indent=2, ensure_ascii=False, default=str) + "\n"

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        path = folder / self.filename
        write_json(path, run_document(data, streamed=True))
        return [path]
