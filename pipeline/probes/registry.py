"""The registry of probe kinds and the contract every kind fulfils.

A kind is a class registered by its versioned name with ``@register_kind``. It declares a
pydantic model for its ``params``, the child-side snippet file(s) that observe (plain
Python under ``pipeline/probes/child/`` defining ``observe(params)``), and how the
observations become one outcome. Changing what a kind observes means a new name
(``.v2``), so YAML written for the old behaviour keeps its meaning.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel

from pipeline.errors import did_you_mean
from pipeline.probes.definitions import ProbeDef, ValueMap
from pipeline.records import ProbeStatus

PACKAGE_FOLDER = Path(__file__).resolve().parent
CHILD_FOLDER = PACKAGE_FOLDER / "child"


@dataclass(frozen=True)
class ChildRun:
    """One snippet execution a probe asks for."""

    label: str
    source: str
    params: dict[str, Any]
    env: dict[str, str | None] = field(default_factory=dict)
    # The framework this run imports. Runs of one framework and one environment share a
    # process, so the framework is imported once; empty means the probe's subject.
    framework: str = ""


@dataclass(frozen=True)
class Observation:
    """What one child run reported (or why it reported nothing)."""

    status: ProbeStatus
    observed: Any
    reason: str = ""
    duration_s: float = 0.0
    python: str = ""
    platform: str = ""


@dataclass(frozen=True)
class Outcome:
    """A probe's combined status and observation, before ``maps_to`` gives the value."""

    status: ProbeStatus
    observed: Any
    reason: str = ""


# Keras on a backend imports that backend's framework, so its runs share that framework's
# process. Backends without a framework of their own here keep a process per backend.
KERAS_BACKEND_FRAMEWORKS = {"tensorflow": "tensorflow", "jax": "jax", "torch": "pytorch"}


def backend_framework(backend: str) -> str:
    """The framework whose process a Keras run on ``backend`` joins."""
    return KERAS_BACKEND_FRAMEWORKS.get(backend, f"keras[{backend}]")


def read_child(name: str) -> str:
    """The source of a snippet file under ``pipeline/probes/child/``."""
    return (CHILD_FOLDER / name).read_text(encoding="utf-8")


class ProbeKind:
    """Base class: one child run of ``child_file`` with the probe's params."""

    name: ClassVar[str]
    params_model: ClassVar[type[BaseModel]]
    child_file: ClassVar[str]
    default_map: ClassVar[ValueMap | None] = None
    # Rough seconds one run takes once its framework is imported. Only orders processes
    # (longest first, so the longest does not start last); never a limit.
    expected_seconds: ClassVar[float] = 0.1

    def runs(self, probe: ProbeDef) -> list[ChildRun]:
        """The snippet executions this probe needs, each with its environment and framework."""
        return [ChildRun("main", read_child(self.child_file), probe.params)]

    def interpret(self, probe: ProbeDef, observations: dict[str, Observation]) -> Outcome:
        """Combine the runs' observations; the default passes the single run through."""
        only = observations["main"]
        return Outcome(only.status, only.observed, only.reason)

    def fingerprint(self) -> str:
        """Hash of the code that produces this kind's results, for the cache key."""
        return package_fingerprint()


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """Hash of every source file of this package.

    Deliberately coarse: results depend on the kinds, the child snippets, the runner and
    the helpers they share, and a stale cached result costs more than a re-probe.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_FOLDER.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_FOLDER).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


_KINDS: dict[str, ProbeKind] = {}


def register_kind(kind_class: type[ProbeKind]) -> type[ProbeKind]:
    """Class decorator: make a kind available under its ``name``."""
    if kind_class.name in _KINDS:
        raise ValueError(f"probe kind {kind_class.name!r} is registered twice")
    _KINDS[kind_class.name] = kind_class()
    return kind_class


def _load_builtin_kinds() -> None:
    # Importing the package runs every built-in kind's @register_kind.
    importlib.import_module("pipeline.probes.kinds")


def get_kind(name: str) -> ProbeKind | None:
    """The registered kind, or None."""
    _load_builtin_kinds()
    return _KINDS.get(name)


def require_kind(name: str) -> ProbeKind:
    """The registered kind of a probe that ``load_probes`` accepted (so it exists)."""
    kind = get_kind(name)
    if kind is None:
        raise KeyError(f"probe kind {name!r} is not registered (load probes with load_probes){did_you_mean(name, _KINDS)}")
    return kind


def kind_names() -> list[str]:
    """All registered kind names, sorted."""
    _load_builtin_kinds()
    return sorted(_KINDS)
