"""``distribution_files.v1``: counts of the file types an installed distribution ships.

The observation has ``counts`` per category (python, c_cpp_headers, c_cpp_sources,
cuda_sources, cuda_headers, shared_libraries, lua, java, javascript, and
headers_in_cuda_folders); a ``tokens`` map turns non-zero counts into language names.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pipeline.probes.registry import ProbeKind, register_kind


class DistributionParams(BaseModel):
    """Parameters of the kinds that read one installed distribution."""

    model_config = ConfigDict(extra="forbid")

    distribution: str = Field(min_length=1, description="Distribution name as pip knows it, e.g. 'torch'.")


@register_kind
class DistributionFiles(ProbeKind):
    """Observation = file counts by category, from the distribution's RECORD."""

    name = "distribution_files.v1"
    params_model = DistributionParams
    child_file = "distribution_files.py"
