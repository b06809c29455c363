"""The environment a run's verdicts rest on: Python, platform, frameworks, spaCy model.

Deterministic for a given installation, so reports that embed it stay byte-identical.
"""

from __future__ import annotations

import importlib.metadata
from typing import Any

from pipeline.probes import describe_environment
from pipeline.records import ProbeResult


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def describe_run_environment(python: str | None, results: list[ProbeResult] | tuple[ProbeResult, ...]) -> dict[str, Any]:
    """Framework versions of the probed interpreter plus factcheck's own tools."""
    from pipeline.extract.nlp import model_description

    environment = dict(describe_environment(python))
    environment["factcheck"] = _version("factcheck")
    environment["spacy"] = _version("spacy")
    environment["spacy_model"] = model_description()
    environment["probes"] = {
        "total": len(results),
        "ok": sum(1 for r in results if r.status == "ok"),
    }
    return environment
