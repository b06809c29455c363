"""``package_metadata.v1``: what an installed distribution's metadata says.

The observation holds the raw fields plus what the parent derives from them: ``spdx``
(with ``spdx_source``), ``python_versions`` (with ``python_versions_bound``),
``organisation`` and ``home_page``. A ``maps_to: {field: ...}`` picks one of them.
"""

from __future__ import annotations

from typing import Any

from pipeline.probes.definitions import ProbeDef
from pipeline.probes.kinds.distribution_files import DistributionParams
from pipeline.probes.metadata import (
    classify_license_text,
    home_page,
    organisation,
    spdx_license,
    supported_python_minors,
)
from pipeline.probes.registry import Observation, Outcome, ProbeKind, register_kind


def derive(meta: dict[str, Any], interpreter: str) -> dict[str, Any]:
    """The raw metadata with the derived fields added and the bulky license text dropped."""
    spdx, spdx_source = spdx_license(meta)
    classifiers = meta.get("python_classifiers") or []
    minors, bound = supported_python_minors(meta.get("requires_python"), classifiers, interpreter)
    derived = {key: value for key, value in meta.items() if key != "license_file_text"}
    derived.update(
        spdx=spdx,
        spdx_source=spdx_source,
        license_file_classified_as=classify_license_text(meta.get("license_file_text")),
        python_versions=minors,
        python_versions_bound=bound,
        organisation=organisation(meta),
        home_page=home_page(meta),
    )
    return derived


@register_kind
class PackageMetadata(ProbeKind):
    """Observation = core metadata of one distribution, with derived fields."""

    name = "package_metadata.v1"
    params_model = DistributionParams
    child_file = "package_metadata.py"

    def interpret(self, probe: ProbeDef, observations: dict[str, Observation]) -> Outcome:
        only = observations["main"]
        if only.status != "ok" or not isinstance(only.observed, dict):
            return Outcome(only.status, only.observed, only.reason)
        return Outcome("ok", derive(only.observed, only.python))
