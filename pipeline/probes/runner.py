"""``run_probes``: cached, parallel, crash-proof execution of probe definitions.

Results come back sorted by probe id. A probe that crashes, hangs, is not installed or
cannot reach the network becomes a result with a status and a reason; only user errors
(an unknown ``--only`` id, an interpreter that does not exist) raise.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Callable, Sequence

from pipeline.errors import E_BAD_VALUE, FactcheckError
from pipeline.probes.cache import ProbeCache, cache_key
from pipeline.probes.definitions import ProbeDef
from pipeline.probes.environment import read_environment, resolve_interpreter
from pipeline.probes.execution import observe_all
from pipeline.probes.mapping import MappingError, apply_value_map, normalise_value
from pipeline.probes.registry import Observation, Outcome, require_kind
from pipeline.records import ProbeResult

# Interpreting is mostly instant; index lookups wait on the network, so do a few at once.
INTERPRET_WORKERS = 4


def select_probes(probes: Sequence[ProbeDef], only: Sequence[str] | None) -> list[ProbeDef]:
    """The probes whose id matches one of ``only`` (exact ids or shell patterns like 'keras.*')."""
    if not only:
        return list(probes)
    unmatched = [pattern for pattern in only if not any(fnmatchcase(p.id, pattern) for p in probes)]
    if unmatched:
        known = ", ".join(sorted(p.id for p in probes))
        raise FactcheckError(E_BAD_VALUE, f"no probe matches {unmatched[0]!r}", None, f"use one of: {known}")
    return [probe for probe in probes if any(fnmatchcase(probe.id, pattern) for pattern in only)]


def build_result(probe: ProbeDef, observations: dict[str, Observation], environment: dict[str, Any]) -> ProbeResult:
    """Interpret a probe's observations and map them to its value."""
    kind = require_kind(probe.kind)
    try:
        outcome = kind.interpret(probe, observations)
    except Exception as exc:  # an observation of unexpected shape must not stop the run
        outcome = Outcome("error", None, f"interpreting the observation failed: {type(exc).__name__}: {exc}")
    status, reason, value = outcome.status, outcome.reason, None
    value_map = probe.maps_to or kind.default_map  # load_probes guarantees one of them
    if status == "ok" and value_map is not None:
        try:
            value = normalise_value(apply_value_map(value_map, outcome.observed))
        except MappingError as exc:
            status, reason = "error", f"maps_to: {exc}"
    first = next(iter(observations.values()), Observation("error", None))
    versions = environment.get("versions", {})
    return ProbeResult(
        probe_id=probe.id,
        subject=probe.subject,
        attribute=probe.attribute,
        status=status,
        observed=outcome.observed,
        value=value,
        reason=reason,
        versions={name: versions[name] for name in sorted(probe.packages) if versions.get(name)},
        python=first.python or environment.get("python", ""),
        platform=first.platform or environment.get("platform", ""),
        duration_s=round(sum(observation.duration_s for observation in observations.values()), 3),
    )


def run_probes(
    probes: list[ProbeDef],
    python: str | None = None,
    cache_dir: Path | None = None,
    only: Sequence[str] | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> list[ProbeResult]:
    """Run (or read from the cache) every selected probe against ``python``; sorted by id."""
    progress = on_progress or (lambda message: None)
    selected = select_probes(probes, only)
    interpreter = resolve_interpreter(python)
    progress(f"reading the environment of {interpreter}")
    found = read_environment(interpreter, {name for probe in selected for name in probe.packages})
    environment = {**found, "interpreter": interpreter}
    cache = ProbeCache(cache_dir, interpreter) if cache_dir is not None else None
    results: dict[str, ProbeResult] = {}
    pending: list[tuple[ProbeDef, str]] = []
    for probe in selected:
        key = cache_key(probe, require_kind(probe.kind), environment)
        hit = cache.get(probe.id, key) if cache is not None else None
        if hit is not None:
            results[probe.id] = hit
        else:
            pending.append((probe, key))
    if len(pending) < len(selected):
        progress(f"{len(selected) - len(pending)} probe(s) unchanged, read from the cache")
    observations = observe_all(interpreter, [probe for probe, _ in pending], progress)
    with ThreadPoolExecutor(max_workers=INTERPRET_WORKERS) as pool:
        built = list(pool.map(lambda item: build_result(item[0], observations[item[0].id], environment), pending))
    for (probe, key), result in zip(pending, built, strict=True):
        results[probe.id] = result
        if cache is not None:
            try:
                cache.put(result, key)
            except OSError as exc:  # a read-only cache folder costs speed, not results
                progress(f"could not cache {probe.id}: {exc}")
    return [results[probe_id] for probe_id in sorted(results)]
