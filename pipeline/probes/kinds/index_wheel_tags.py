"""``index_wheel_tags.v1``: the platforms the package index publishes wheels for.

The child reports the installed version and the probed interpreter's pip index URLs
(``params.index_url`` overrides them); the parent reads the index for that release and
maps wheel platform tags to linux/macos/windows/android/ios. An unreachable index gives
status ``unverifiable`` with the reason, not an error.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pipeline.probes.definitions import ProbeDef, ValueMap
from pipeline.probes.index import index_platforms
from pipeline.probes.registry import Observation, Outcome, ProbeKind, register_kind


class IndexParams(BaseModel):
    """Parameters of ``index_wheel_tags.v1``."""

    model_config = ConfigDict(extra="forbid")

    distribution: str = Field(min_length=1, description="Distribution name, e.g. 'torch'.")
    index_url: str | None = Field(default=None, description="Simple-API index URL; default: the interpreter's pip's.")
    timeout_s: float = Field(default=10.0, gt=0, le=60, description="Seconds one index request may take.")


@register_kind
class IndexWheelTags(ProbeKind):
    """Value = sorted operating systems with wheels (or a pure wheel) for the installed release."""

    name = "index_wheel_tags.v1"
    params_model = IndexParams
    child_file = "index_config.py"
    default_map = ValueMap(field="platforms")

    def interpret(self, probe: ProbeDef, observations: dict[str, Observation]) -> Outcome:
        only = observations["main"]
        if only.status != "ok" or not isinstance(only.observed, dict):
            return Outcome(only.status, only.observed, only.reason)
        status, observed, reason = index_platforms(only.observed, float(probe.params.get("timeout_s", 10.0)))
        return Outcome(status, observed, reason)
