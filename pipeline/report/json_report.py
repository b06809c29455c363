"""``claims.json``: the machine-readable contract of a run.

``{"generated_by": ..., "environment": {...}, "claims": [...]}``, each claim with its id,
source file, offsets, quote, subject, attribute, value, relation, verdict, rationale and
evidence. Keys and claims are in a stable order so the file diffs cleanly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.catalog.yamlio import write_atomic
from pipeline.records import CheckedClaim, RunResult


def claim_row(item: CheckedClaim) -> dict[str, Any]:
    """One claim of ``claims.json``."""
    claim, verdict = item.claim, item.verdict
    return {
        "id": claim.id,
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
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


def run_document(result: RunResult) -> dict[str, Any]:
    """The whole ``claims.json`` document."""
    return {
        "generated_by": f"factcheck {result.environment.get('factcheck', '')}".strip(),
        "environment": result.environment,
        "sources": [
            {"file": s.file, "title": s.title, "publisher": s.publisher, "url": s.url, "published": s.published}
            for s in result.sources
        ],
        "claims": [claim_row(item) for item in result.checked],
        "contradictions": [c.model_dump(mode="json") for c in result.contradictions],
    }


class JsonFormatter:
    """Writes ``claims.json``."""

    name = "json"

    def write(self, result: RunResult, folder: Path) -> list[Path]:
        path = folder / "claims.json"
        write_atomic(path, json.dumps(run_document(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n")
        return [path]
