"""``keras_backend.v1``: which engines Keras actually trains on.

One child process per backend name, each with ``KERAS_BACKEND`` set, trains a one-layer
model for a step. ``params.backends`` maps each KERAS_BACKEND name to the vocabulary's
subject id (``torch`` -> ``pytorch``). The value is the sorted subject ids that trained;
the observation keeps, per backend, what happened (rejections with Keras's message).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pipeline.probes.definitions import ProbeDef, ValueMap
from pipeline.probes.registry import (
    ChildRun,
    Observation,
    Outcome,
    ProbeKind,
    backend_framework,
    read_child,
    register_kind,
)


class KerasBackendParams(BaseModel):
    """Parameters of ``keras_backend.v1``."""

    model_config = ConfigDict(extra="forbid")

    backends: dict[str, str] = Field(min_length=1, description="KERAS_BACKEND name -> subject id.")
    steps: int = Field(default=1, ge=1, le=100, description="Training steps per backend.")


@register_kind
class KerasBackend(ProbeKind):
    """Value = subject ids of the backends a Keras model trained on."""

    name = "keras_backend.v1"
    params_model = KerasBackendParams
    child_file = "keras_backend.py"
    default_map = ValueMap(field="working")
    expected_seconds = 2.0  # builds and trains a model

    def runs(self, probe: ProbeDef) -> list[ChildRun]:
        source = read_child(self.child_file)
        return [
            ChildRun(backend, source, {"steps": probe.params.get("steps", 1)}, {"KERAS_BACKEND": backend}, backend_framework(backend))
            for backend in sorted(probe.params["backends"])
        ]

    def interpret(self, probe: ProbeDef, observations: dict[str, Observation]) -> Outcome:
        if all(observation.status == "not_installed" for observation in observations.values()):
            first = observations[sorted(observations)[0]]
            return Outcome("not_installed", None, first.reason)
        evidence: dict[str, dict[str, Any]] = {}
        for backend, observation in sorted(observations.items()):
            entry: dict[str, Any] = {"status": observation.status, "subject": probe.params["backends"][backend]}
            if observation.status == "ok" and isinstance(observation.observed, dict):
                entry.update(observation.observed)
            else:
                entry.update(trained=False, error=observation.reason)
            evidence[backend] = entry
        working = sorted(entry["subject"] for entry in evidence.values() if entry.get("trained"))
        rejected = sorted(backend for backend, entry in evidence.items() if entry.get("rejected"))
        return Outcome("ok", {"backends": evidence, "working": working, "rejected": rejected})
