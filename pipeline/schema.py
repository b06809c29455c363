"""The JSON schema of the records, for users who consume factcheck's output."""

from __future__ import annotations

from typing import Any

from pipeline.records import CheckedClaim, Claim, Contradiction, Evidence, Fact, ProbeResult, Source, Verdict


def records_schema() -> dict[str, Any]:
    """One schema document with a definition per record."""
    models = (Source, Claim, Evidence, Verdict, ProbeResult, Fact, Contradiction, CheckedClaim)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "factcheck records",
        "definitions": {model.__name__: model.model_json_schema() for model in models},
    }
