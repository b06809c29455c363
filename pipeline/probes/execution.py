"""Planning probe runs into processes and running them, surviving crashes and hangs.

Runs that import the same framework with the same environment share a process, so each
framework is imported once per environment: the probes of one subject (or of the
framework a probe names, as Keras's probes name the backend they run on), the Keras
backend check for each backend, and the benchmark variant of each framework. Probes marked ``isolated`` get a process of their own. Processes run in
parallel, one per core, the longest expected first, so it does not start last.

When a shared process dies, finished runs keep their results, the run that was executing
is re-run alone (so a probe is only blamed for its own crash), and runs that never
started are re-run as a new group. A run that exceeded its own time limit is not re-run.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from pipeline.probes.definitions import ProbeDef
from pipeline.probes.registry import Observation, require_kind
from pipeline.probes.subprocess_runner import (
    DriverReport,
    DriverRun,
    child_environment,
    run_driver,
)


@dataclass(frozen=True)
class PlannedRun:
    """One child run of one probe, with the full environment of its process."""

    probe_id: str
    label: str
    run: DriverRun
    env: dict[str, str]
    expected_s: float = 0.0


Task = list[PlannedRun]


def plan_tasks(probes: Sequence[ProbeDef]) -> list[Task]:
    """The processes to start, biggest first; each task is one process."""
    shared: dict[tuple[str, tuple[tuple[str, str], ...]], Task] = {}
    alone: list[Task] = []
    for probe in sorted(probes, key=lambda p: p.id):
        kind = require_kind(probe.kind)
        for child in kind.runs(probe):
            env = child_environment({**probe.env, **child.env})
            run = DriverRun(f"{probe.id}#{child.label}", child.source, child.params, probe.timeout)
            planned = PlannedRun(probe.id, child.label, run, env, kind.expected_seconds)
            if probe.isolated:
                alone.append([planned])
            else:
                framework = child.framework or probe.framework or probe.subject
                shared.setdefault((framework, tuple(sorted(env.items()))), []).append(planned)
    return sorted([*shared.values(), *alone], key=lambda task: (-expected_seconds(task), -len(task), task[0].run.run_id))


def expected_seconds(task: Task) -> float:
    """Rough seconds a process takes beyond its imports, from its runs' kinds."""
    return sum(planned.expected_s for planned in task)


def _from_event(event: dict[str, Any], hello: dict[str, Any]) -> Observation:
    status = event.get("status")
    # Spelled out (not a set lookup) so the type checker narrows status to ProbeStatus.
    if status == "ok" or status == "failed" or status == "not_installed":
        return Observation(
            status,
            event.get("observed"),
            str(event.get("reason") or ""),
            float(event.get("duration_s") or 0.0),
            str(hello.get("python", "")),
            str(hello.get("platform", "")),
        )
    return Observation("error", None, f"child reported an unknown status {status!r}")


def _failure(report: DriverReport, planned: PlannedRun) -> Observation:
    process = report.process
    tail = process.stderr_lines()
    observed = {"stderr_tail": tail} if tail else None
    duration = round(process.duration_s, 3)
    if process.start_error:
        return Observation("error", observed, f"interpreter could not start: {process.start_error}", duration)
    if process.stop_reason == planned.run.run_id or process.timed_out:
        return Observation("timeout", observed, f"probe timed out after {planned.run.timeout_s:g}s", duration)
    if process.returncode not in (0, None):
        return Observation("crashed", observed, f"probe crashed: {process.describe_exit()}", duration)
    return Observation("error", observed, f"probe wrote no result ({process.describe_exit()})", duration)


def execute_task(python: str, task: Task) -> dict[str, Observation]:
    """Observations by run id for every run of ``task``; never raises for a bad probe."""
    report = run_driver(python, [planned.run for planned in task], task[0].env)
    by_id = {planned.run.run_id: planned for planned in task}
    found = {run_id: _from_event(event, report.hello) for run_id, event in report.done.items() if run_id in by_id}
    unfinished = [planned for planned in task if planned.run.run_id not in found]
    if not unfinished:
        return found
    if len(task) == 1 or not report.started:
        found.update({planned.run.run_id: _failure(report, planned) for planned in unfinished})
        return found
    never_started = [planned for planned in unfinished if planned.run.run_id not in report.started]
    for planned in unfinished:
        if planned.run.run_id != report.running:
            continue
        if report.process.stop_reason == planned.run.run_id:
            found[planned.run.run_id] = _failure(report, planned)
        else:
            found.update(execute_task(python, [planned]))
    if never_started:
        found.update(execute_task(python, never_started))
    return found


def _safe_execute(python: str, task: Task) -> dict[str, Observation]:
    try:
        return execute_task(python, task)
    except Exception as exc:  # a runner bug must not lose the other probes' results
        reason = f"runner error: {type(exc).__name__}: {exc}"
        return {planned.run.run_id: Observation("error", None, reason) for planned in task}


def observe_all(
    python: str, probes: Sequence[ProbeDef], progress: Callable[[str], None]
) -> dict[str, dict[str, Observation]]:
    """Observations by probe id, then run label."""
    tasks = plan_tasks(probes)
    finished = 0
    observations: dict[str, Observation] = {}
    if tasks:
        with ThreadPoolExecutor(max_workers=max(1, min(len(tasks), os.cpu_count() or 1))) as pool:
            futures = {pool.submit(_safe_execute, python, task): task for task in tasks}
            for future in as_completed(futures):
                task, finished = futures[future], finished + 1
                observations.update(future.result())
                more = f" and {len(task) - 1} more" if len(task) > 1 else ""
                progress(f"probed {finished}/{len(tasks)}: {task[0].run.run_id}{more}")
    by_probe: dict[str, dict[str, Observation]] = {}
    for task in tasks:
        for planned in task:
            by_probe.setdefault(planned.probe_id, {})[planned.label] = observations[planned.run.run_id]
    return by_probe
