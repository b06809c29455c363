"""Fixtures for the probe stage: probe files written on the fly, and one shared run of the
shipped probes (the slow part) reused by every test that checks real framework results."""

from __future__ import annotations

import importlib.util
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from pipeline.paths import PROJECT_CLAIMS
from pipeline.probes import load_probes, run_probes
from pipeline.probes.definitions import ProbeDef
from pipeline.records import ProbeResult
from pipeline.vocab import Vocabulary, load_vocabulary

SHIPPED_PROBES = PROJECT_CLAIMS / "probes"
BENCHMARK_KIND = "benchmark.v1"


def require(module: str) -> None:
    """Skip the calling test when ``module`` is not installed (without importing it)."""
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed in this interpreter")


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture()
def probe_folder(tmp_path: Path) -> Callable[[str], Path]:
    """Writes YAML text (dedented) to ``<tmp>/probes/probes.yaml`` and returns the folder."""

    def write(text: str, name: str = "probes.yaml") -> Path:
        folder = tmp_path / "probes"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


@pytest.fixture()
def load_yaml(probe_folder: Callable[[str], Path], vocab: Vocabulary) -> Callable[[str], list[ProbeDef]]:
    """Writes YAML text and loads it as probes."""
    return lambda text: load_probes(probe_folder(text), vocab)


@dataclass(frozen=True)
class ShippedRun:
    """One cold run of every shipped probe except the benchmark."""

    probes: list[ProbeDef]
    results: dict[str, ProbeResult]
    seconds: float
    cache_dir: Path


@pytest.fixture(scope="session")
def shipped_probes(vocab: Vocabulary) -> list[ProbeDef]:
    return load_probes(SHIPPED_PROBES, vocab)


@pytest.fixture(scope="session")
def shipped_run(shipped_probes: list[ProbeDef], tmp_path_factory: pytest.TempPathFactory) -> ShippedRun:
    # The shipped benchmark takes tens of seconds; test_probe_speed runs a tiny one instead.
    probes = [probe for probe in shipped_probes if probe.kind != BENCHMARK_KIND]
    cache_dir = tmp_path_factory.mktemp("probe-cache")
    started = time.monotonic()
    results = run_probes(probes, cache_dir=cache_dir)
    return ShippedRun(probes, {result.probe_id: result for result in results}, time.monotonic() - started, cache_dir)
