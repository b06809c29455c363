"""The probe cache: an unchanged re-run reads results instead of starting frameworks.

A result is reused only when its key matches: the probe's definition, the code of its
kind and of the runner, the interpreter (path and version) and the installed versions of
the probe's ``packages``. One folder per interpreter, one JSON file per probe, written
atomically. Only results that will not change by trying again are stored: a crash, a
timeout or an unreachable index is retried on the next run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.catalog.yamlio import write_atomic
from pipeline.incremental.fingerprint import interpreter_identity
from pipeline.probes.definitions import ProbeDef
from pipeline.probes.registry import ProbeKind
from pipeline.probes.subprocess_runner import BASE_ENVIRONMENT
from pipeline.records import ProbeResult

CACHEABLE_STATUSES = frozenset({"ok", "failed", "not_installed"})


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def cache_key(probe: ProbeDef, kind: ProbeKind, environment: dict[str, Any]) -> str:
    """Everything a result depends on, hashed."""
    versions = environment.get("versions", {})
    return _digest(
        {
            "probe": probe.model_dump(mode="json"),
            "code": kind.fingerprint(),
            "base_environment": BASE_ENVIRONMENT,
            "interpreter": [
                interpreter_identity(environment.get("interpreter")),
                interpreter_identity(environment.get("executable")),
                environment.get("python"),
            ],
            "versions": {name: versions.get(name) for name in sorted(probe.packages)},
        }
    )


class ProbeCache:
    """Results of one interpreter, one file per probe id."""

    def __init__(self, folder: Path, interpreter: str) -> None:
        self.folder = folder / _digest(interpreter_identity(interpreter))[:16]

    def _path(self, probe_id: str) -> Path:
        return self.folder / f"{probe_id}.json"

    def get(self, probe_id: str, key: str) -> ProbeResult | None:
        """The stored result when its key matches; a missing or damaged file is a miss."""
        try:
            stored = json.loads(self._path(probe_id).read_text(encoding="utf-8"))
            if stored.get("key") != key:
                return None
            return ProbeResult.model_validate(stored["result"]).model_copy(update={"cached": True})
        except (OSError, ValueError, KeyError, AttributeError, ValidationError):
            return None

    def put(self, result: ProbeResult, key: str) -> None:
        """Store ``result`` if trying again could not change it."""
        if result.status not in CACHEABLE_STATUSES:
            return
        text = json.dumps({"key": key, "result": result.model_dump(mode="json")}, sort_keys=True, indent=1)
        write_atomic(self._path(result.probe_id), text + "\n")
