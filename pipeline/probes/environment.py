"""The probed interpreter: where it is, what it is, what frameworks it has installed.

One small child process (no framework imports) answers all of it, cheaply enough to run
before every probe run: the versions it reports key the cache.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any, Iterable

from pipeline.errors import E_BAD_VALUE, FactcheckError, Location
from pipeline.probes.registry import read_child
from pipeline.probes.subprocess_runner import DriverRun, child_environment, run_driver

FRAMEWORK_DISTRIBUTIONS = ("jax", "jaxlib", "keras", "tensorboard", "tensorflow", "torch")
REPORT_TIMEOUT_S = 60.0


def resolve_interpreter(python: str | None) -> str:
    """An absolute path to the interpreter to probe (this one by default).

    Symlinks are kept: a virtualenv's python is a symlink whose location selects its
    site-packages.
    """
    if python is None:
        return sys.executable
    found = shutil.which(python)
    if found is None:
        raise FactcheckError(
            E_BAD_VALUE,
            f"interpreter {python!r} not found or not executable",
            Location(python),
            "pass the path of a python executable, e.g. /path/to/venv/bin/python",
        )
    return os.path.abspath(found)


def read_environment(python: str, distributions: Iterable[str] = ()) -> dict[str, Any]:
    """Python version, platform, machine and the versions of ``distributions`` (None = absent)."""
    names = sorted(set(distributions) | set(FRAMEWORK_DISTRIBUTIONS))
    run = DriverRun("environment", read_child("environment_report.py"), {"distributions": names}, REPORT_TIMEOUT_S)
    report = run_driver(python, [run], child_environment({}))
    done = report.done.get("environment")
    if done is None or done.get("status") != "ok" or not isinstance(done.get("observed"), dict):
        process = report.process
        detail = (done or {}).get("reason") or ": ".join([process.describe_exit(), *process.stderr_lines(1)])
        raise FactcheckError(
            E_BAD_VALUE,
            f"interpreter {python} could not report its environment: {detail}",
            Location(python),
            "check that it is a working Python 3.8+ interpreter",
        )
    return done["observed"]


def describe_environment(python: str | None = None) -> dict[str, Any]:
    """What the probed interpreter is: deterministic for the same installation."""
    found = read_environment(resolve_interpreter(python))
    frameworks = {
        name: version
        for name, version in sorted(found["versions"].items())
        if version is not None and name in FRAMEWORK_DISTRIBUTIONS
    }
    return {
        "python": found["python"],
        "implementation": found["implementation"],
        "executable": found["executable"],
        "platform": found["platform"],
        "frameworks": frameworks,
        "machine": found["machine"],
    }
