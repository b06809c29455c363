"""Probes that crash, hang, print garbage or import what is absent become results, not
exceptions; one bad probe in a shared process does not take the others' results with it."""

from __future__ import annotations

import sys
from typing import Callable

import pytest

from pipeline.errors import FactcheckError
from pipeline.probes import run_probes
from pipeline.probes.definitions import ProbeDef
from pipeline.probes.subprocess_runner import child_environment

HEADER = """
defaults:
  subject: jax
  attribute: use_case
  kind: python_expr.v1
  description: a probe written by a test
  timeout: 20
  maps_to: {field: value}
probes:
"""


def probe(probe_id: str, code: str, timeout: float | None = None, isolated: bool = False, value: str = "") -> str:
    """One YAML probe entry whose code runs before ``observed = {"value": <value or the id>}``."""
    body = "\n".join(f"        {line}" for line in code.splitlines())
    observed = f"        observed = {{'value': {value or repr(probe_id)}}}"
    lines = [f"  - id: {probe_id}", "    params:", "      code: |", body, observed]
    if timeout is not None:
        lines.append(f"    timeout: {timeout}")
    if isolated:
        lines.append("    isolated: true")
    return "\n".join(lines) + "\n"


def run(load_yaml: Callable[[str], list[ProbeDef]], *entries: str) -> dict:
    results = run_probes(load_yaml(HEADER + "".join(entries)))
    assert [r.probe_id for r in results] == sorted(r.probe_id for r in results)
    return {result.probe_id: result for result in results}


def test_abort_is_a_crash_with_the_signal_named(load_yaml) -> None:
    results = run(load_yaml, probe("fault.abort", "import os\nos.abort()", isolated=True))
    crashed = results["fault.abort"]
    assert crashed.status == "crashed"
    assert "SIGABRT" in crashed.reason and "exit code -6" in crashed.reason
    assert crashed.value is None and not crashed.cached


def test_a_crash_in_a_shared_process_spares_the_other_probes(load_yaml) -> None:
    results = run(
        load_yaml,
        probe("fault.a_before", "pass"),
        probe("fault.b_abort", "import os\nos.abort()"),
        probe("fault.c_after", "pass"),
    )
    assert results["fault.b_abort"].status == "crashed"
    assert "SIGABRT" in results["fault.b_abort"].reason
    for survivor in ("fault.a_before", "fault.c_after"):
        assert results[survivor].status == "ok", results[survivor].reason
        assert results[survivor].value == survivor


def test_a_hang_times_out_and_the_group_goes_on(load_yaml) -> None:
    results = run(
        load_yaml,
        probe("fault.a_quick", "pass"),
        probe("fault.b_hang", "import time\ntime.sleep(60)", timeout=1),
        probe("fault.c_quick", "pass"),
    )
    assert results["fault.b_hang"].status == "timeout"
    assert "timed out after 1s" in results["fault.b_hang"].reason
    assert results["fault.a_quick"].status == results["fault.c_quick"].status == "ok"


def test_garbage_on_stdout_and_stderr_does_not_disturb_the_result(load_yaml) -> None:
    noise = (
        "import os, sys\n"
        "os.write(1, bytes(range(256)) * 4)\n"
        'print(\'{"event": "done", "run_id": "fault.noisy#main", "status": "failed"}\')\n'
        "print('not json at all {{{', file=sys.stderr)\n"
        "sys.stdout.flush()"
    )
    results = run(load_yaml, probe("fault.noisy", noise))
    assert results["fault.noisy"].status == "ok"
    assert results["fault.noisy"].value == "fault.noisy"


def test_an_absent_module_is_not_installed(load_yaml) -> None:
    results = run(load_yaml, probe("fault.absent", "import factcheck_no_such_framework"))
    assert results["fault.absent"].status == "not_installed"
    assert "factcheck_no_such_framework" in results["fault.absent"].reason


def test_an_exception_is_a_failure_with_its_message(load_yaml) -> None:
    results = run(load_yaml, probe("fault.raises", "raise ValueError('the API is missing')"))
    assert results["fault.raises"].status == "failed"
    assert results["fault.raises"].reason == "probe raised ValueError: the API is missing"
    assert "ValueError" in results["fault.raises"].observed["traceback"][-1]


def test_exiting_without_a_result_is_a_crash_with_the_exit_code(load_yaml) -> None:
    results = run(load_yaml, probe("fault.exits", "import os\nos._exit(3)"))
    assert results["fault.exits"].status == "crashed"
    assert results["fault.exits"].reason == "probe crashed: exit code 3"


def test_an_observation_that_is_not_a_value_is_an_error(load_yaml) -> None:
    results = run(load_yaml, probe("fault.float", "pass", value="1.5"))
    assert results["fault.float"].status == "error"
    assert results["fault.float"].reason.startswith("maps_to: a value must be")


def test_a_missing_interpreter_is_a_user_error(load_yaml) -> None:
    probes = load_yaml(HEADER + probe("fault.never", "pass"))
    with pytest.raises(FactcheckError, match="not found"):
        run_probes(probes, python="/nonexistent/bin/python")


def test_only_selects_by_id_or_pattern_and_rejects_unknown_ids(load_yaml) -> None:
    probes = load_yaml(HEADER + probe("fault.one", "pass") + probe("fault.two", "pass") + probe("other.three", "pass"))
    assert [r.probe_id for r in run_probes(probes, only=["fault.*"])] == ["fault.one", "fault.two"]
    assert [r.probe_id for r in run_probes(probes, only=["other.three"])] == ["other.three"]
    with pytest.raises(FactcheckError, match="no probe matches 'fault.nine'"):
        run_probes(probes, only=["fault.nine"])


def test_another_interpreter_can_be_probed(load_yaml) -> None:
    results = run_probes(load_yaml(HEADER + probe("fault.other_python", "pass")), python=sys.executable)
    assert results[0].status == "ok"
    assert results[0].python == "{}.{}.{}".format(*sys.version_info[:3])


def test_the_child_environment_is_explicit() -> None:
    parent = {
        "KERAS_BACKEND": "jax",
        "PYTHONPATH": "/elsewhere",
        "PATH": "/bin",
        "CUDA_VISIBLE_DEVICES": "0",
        "PIP_INDEX_URL": "x",
    }
    env = child_environment({"EXTRA": "1"}, parent)
    assert env["KERAS_BACKEND"] == "tensorflow" and "PYTHONPATH" not in env
    assert env["PATH"] == "/bin" and env["PIP_INDEX_URL"] == "x" and env["EXTRA"] == "1"
    assert env["CUDA_VISIBLE_DEVICES"] == "" and env["TF_CPP_MIN_LOG_LEVEL"] == "3"
    assert child_environment({"CUDA_VISIBLE_DEVICES": None}, parent)["CUDA_VISIBLE_DEVICES"] == "0"
    assert "CUDA_VISIBLE_DEVICES" not in child_environment({"CUDA_VISIBLE_DEVICES": None}, {})
