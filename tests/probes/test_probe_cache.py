"""The cache: an unchanged re-run reads results; a changed definition, interpreter or
framework version re-probes; results that could change by retrying are never stored."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from pipeline.probes import run_probes
from pipeline.probes.cache import ProbeCache, cache_key
from pipeline.probes.definitions import ProbeDef
from pipeline.probes.registry import require_kind
from pipeline.records import ProbeResult

SLOW_PROBE = """
probes:
  - id: cache.slow
    subject: jax
    attribute: use_case
    kind: python_expr.v1
    description: {description}
    packages: [pyyaml]
    params:
      code: |
        import time
        time.sleep(0.6)
        observed = {{"value": "research"}}
    maps_to: {{field: value}}
  - id: cache.crash
    subject: jax
    attribute: use_case
    kind: python_expr.v1
    description: crashes every time
    isolated: true
    params:
      code: |
        import os
        os.abort()
        observed = None
    maps_to: {{field: value}}
"""


def timed_run(probes: list[ProbeDef], cache_dir: Path) -> tuple[dict[str, ProbeResult], float]:
    started = time.monotonic()
    results = run_probes(probes, cache_dir=cache_dir)
    return {result.probe_id: result for result in results}, time.monotonic() - started


def test_a_second_run_is_cached_and_fast(load_yaml: Callable, tmp_path: Path) -> None:
    probes = load_yaml(SLOW_PROBE.format(description="sleeps, then observes"))
    first, cold = timed_run(probes, tmp_path / "cache")
    second, warm = timed_run(probes, tmp_path / "cache")
    assert first["cache.slow"].status == "ok" and not first["cache.slow"].cached
    assert second["cache.slow"].cached and second["cache.slow"].value == "research"
    assert second["cache.slow"].model_copy(update={"cached": False}) == first["cache.slow"]
    assert warm < cold / 2, (cold, warm)


def test_a_crash_is_retried_not_cached(load_yaml: Callable, tmp_path: Path) -> None:
    probes = load_yaml(SLOW_PROBE.format(description="sleeps, then observes"))
    timed_run(probes, tmp_path / "cache")
    second, _ = timed_run(probes, tmp_path / "cache")
    assert second["cache.crash"].status == "crashed" and not second["cache.crash"].cached


def test_changing_the_definition_invalidates_the_entry(load_yaml: Callable, tmp_path: Path) -> None:
    timed_run(load_yaml(SLOW_PROBE.format(description="sleeps, then observes")), tmp_path / "cache")
    changed, _ = timed_run(load_yaml(SLOW_PROBE.format(description="a reworded description")), tmp_path / "cache")
    assert not changed["cache.slow"].cached


def test_the_key_follows_interpreter_and_framework_versions(load_yaml: Callable) -> None:
    probe = next(p for p in load_yaml(SLOW_PROBE.format(description="sleeps, then observes")) if p.id == "cache.slow")
    kind = require_kind(probe.kind)
    environment = {
        "executable": "/venv/bin/python",
        "python": "3.11.7",
        "interpreter": "/venv/bin/python",
        "versions": {"pyyaml": "6.0", "torch": "2.0"},
    }
    key = cache_key(probe, kind, environment)
    assert cache_key(probe, kind, {**environment, "versions": {"pyyaml": "6.0", "torch": "9.9"}}) == key
    assert cache_key(probe, kind, {**environment, "versions": {"pyyaml": "6.1", "torch": "2.0"}}) != key
    assert cache_key(probe, kind, {**environment, "python": "3.12.1"}) != key
    assert cache_key(probe, kind, {**environment, "interpreter": "/other/bin/python"}) != key


def test_a_damaged_cache_file_is_a_miss(tmp_path: Path) -> None:
    cache = ProbeCache(tmp_path, "/venv/bin/python")
    result = ProbeResult(probe_id="x.y", subject="jax", attribute="use_case", status="ok", value="research")
    cache.put(result, "key-1")
    assert cache.get("x.y", "key-1") == result.model_copy(update={"cached": True})
    assert cache.get("x.y", "key-2") is None
    (cache.folder / "x.y.json").write_text("{not json", encoding="utf-8")
    assert cache.get("x.y", "key-1") is None
