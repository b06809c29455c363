"""``claims.sarif``: refuted and outdated claims as SARIF 2.1.0 results.

Code-scanning UIs (GitHub's among them) then show each one on the article line it came
from. One rule per verdict and attribute (``refuted/implementation_language``), level
``error`` for refuted and ``warning`` for outdated, the rationale as the message, and a
region computed from the claim's offsets: 1-based lines, columns counted in Unicode code
points (declared with ``columnKind``), plus ``charOffset``/``charLength``. Regions are only
given for articles loaded byte for byte (.txt, .md); an HTML article's offsets point into
its extracted text, which no longer matches the file's lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.records import CheckedClaim
from pipeline.report.data import VERBATIM_SUFFIXES, ReportData
from pipeline.report.streaming import Streamed, write_json

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS: dict[str, str] = {"refuted": "error", "outdated": "warning"}


def rule_id(item: CheckedClaim) -> str:
    return f"{item.verdict.label}/{item.claim.attribute}"


def _rule(data: ReportData, identifier: str) -> dict[str, Any]:
    label, attribute = identifier.split("/", 1)
    meaning = data.attribute_meaning(attribute)
    full = f"The claim is {label}: {data.verdict_meaning(label)}."
    if meaning:
        full += f" {attribute}: {meaning}."
    return {
        "id": identifier,
        "name": "".join(part.capitalize() for part in identifier.replace("/", "_").split("_")),
        "shortDescription": {"text": f"{label.capitalize()} claim about {attribute}"},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS[label]},
        "properties": {"tags": ["factcheck", label, attribute]},
    }


def artifact_uri(source: str, sources_dir: str) -> str:
    """Where a claim's file lives, relative to the repository root."""
    if source.startswith("curated:"):
        return f"claims/curated/{source.split(':', 1)[1]}"
    return f"{sources_dir}/{source}"


def _location(data: ReportData, item: CheckedClaim, sources_dir: str) -> dict[str, Any]:
    claim = item.claim
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(claim.source, sources_dir)}}
    found = data.position(claim)
    if found and claim.start is not None and claim.end is not None and claim.source.lower().endswith(VERBATIM_SUFFIXES):
        physical["region"] = {
            "startLine": found.line,
            "startColumn": found.column,
            "endLine": found.end_line,
            "endColumn": found.end_column,
            "charOffset": claim.start,
            "charLength": claim.end - claim.start,
            "snippet": {"text": claim.quote},
        }
    return {"physicalLocation": physical}


def _result(data: ReportData, item: CheckedClaim, index: int, sources_dir: str) -> dict[str, Any]:
    claim = item.claim
    return {
        "ruleId": rule_id(item),
        "ruleIndex": index,
        "level": LEVELS[item.verdict.label],
        "message": {"text": item.verdict.rationale or f"{item.verdict.label}: {claim.quote}"},
        "locations": [_location(data, item, sources_dir)],
        # The claim id is stable across runs, so an alert keeps its identity when lines move.
        "partialFingerprints": {"factcheckClaimId/v1": claim.id},
        "properties": {
            "claimId": claim.id,
            "subject": claim.subject,
            "attribute": claim.attribute,
            "value": claim.value,
            "verdict": item.verdict.label,
            "evidence": [f"{e.kind}:{e.ref}" for e in item.verdict.evidence],
        },
    }


def sarif_document(data: ReportData, sources_dir: str = "sources", streamed: bool = False) -> dict[str, Any]:
    """The SARIF log: one run, one rule per (verdict, attribute) that occurs; with ``streamed``,
    its results are built while writing."""
    rule_ids = sorted({rule_id(item) for item in data.items if item.verdict.label in LEVELS})
    index = {identifier: position for position, identifier in enumerate(rule_ids)}
    # a second pass over the claims rather than a list of them: a large run's would not fit
    flagged = (item for item in data.items if item.verdict.label in LEVELS)
    results = (_result(data, item, index[rule_id(item)], sources_dir) for item in flagged)
    driver: dict[str, Any] = {"name": "factcheck", "rules": [_rule(data, identifier) for identifier in rule_ids]}
    version = data.environment.get("factcheck")
    if isinstance(version, str) and version and version != "not installed":
        driver["version"] = version
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": Streamed(results) if streamed else list(results),
            }
        ],
    }


class SarifFormatter:
    """Writes ``claims.sarif``; ``sources_dir`` is the articles' folder relative to the repository root."""

    name = "sarif"

    def __init__(self, sources_dir: str = "sources") -> None:
        self.sources_dir = sources_dir

    def write(self, data: ReportData, folder: Path) -> list[Path]:
        path = folder / "claims.sarif"
        write_json(path, sarif_document(data, self.sources_dir, streamed=True))
        return [path]
