"""Child-side driver: runs probe snippets inside the probed interpreter.

Started as ``python driver.py JOB_JSON RESULTS_JSONL``. It must run in any interpreter the
user points factcheck at, so it uses the standard library only and never imports
``pipeline``. Each snippet is Python source defining ``observe(params)``; its return value
is the observation.

Results go to the results file, one JSON object per line, never to stdout: frameworks print
banners and warnings there, and a probe may print anything. Lines are written unbuffered
as each event happens, so when the process crashes the parent still knows which runs
finished and which one was running.
"""

from __future__ import annotations

import faulthandler
import importlib.util
import json
import math
import os
import platform
import sys
import time
import traceback
from typing import Any, Dict, List, Optional, Tuple

# The driver's own folder holds snippet files with framework-like names; it must not
# shadow real modules when a snippet imports them.
_HERE = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0] or os.curdir) == _HERE:
    del sys.path[0]


def jsonable(value: Any, depth: int = 0) -> Any:
    """A JSON-compatible copy of ``value``: numpy/torch scalars unwrapped, sets sorted."""
    if depth > 30:
        return str(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {str(key): jsonable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(item, depth + 1) for item in value), key=str)
    for method in ("item", "tolist"):
        convert = getattr(value, method, None)
        if callable(convert):
            try:
                return jsonable(convert(), depth + 1)
            except Exception:
                continue
    return str(value)


class ResultWriter:
    """Appends one JSON line per event with a single unbuffered write."""

    def __init__(self, path: str) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def emit(self, **event: Any) -> None:
        line = json.dumps(event, sort_keys=True) + "\n"
        os.write(self._fd, line.encode("utf-8"))


def _top_level_missing(name: Optional[str]) -> bool:
    """True when the top-level package of a failed import is absent altogether."""
    top = (name or "").split(".")[0]
    if not top:
        return False
    try:
        return importlib.util.find_spec(top) is None
    except (ImportError, ValueError):
        return True


def classify_exception(exc: BaseException) -> Tuple[str, str]:
    """(status, reason) for an exception a snippet raised."""
    # PackageNotFoundError subclasses ModuleNotFoundError, so it is tested first.
    if type(exc).__name__ == "PackageNotFoundError":
        # The distribution name is args[0]; older Pythons leave exc.name unset.
        return "not_installed", "distribution %r is not installed" % (exc.args[0] if exc.args else "?",)
    if isinstance(exc, ModuleNotFoundError) and _top_level_missing(exc.name):
        return "not_installed", "module %r is not installed" % (exc.name,)
    message = str(exc).strip().splitlines()
    first = message[0] if message else ""
    return "failed", "probe raised %s: %s" % (type(exc).__name__, first[:300])


def run_one(run: Dict[str, Any]) -> Dict[str, Any]:
    """Execute one snippet; never raises."""
    started = time.perf_counter()
    observed, status, reason = None, "ok", ""
    try:
        namespace: Dict[str, Any] = {"__name__": "factcheck_probe"}
        exec(compile(run["source"], "<probe %s>" % run["run_id"], "exec"), namespace)
        observed = jsonable(namespace["observe"](run.get("params") or {}))
    except BaseException as exc:  # a probe may raise anything, SystemExit included
        status, reason = classify_exception(exc)
        if status == "failed":
            observed = {"traceback": traceback.format_exc().strip().splitlines()[-6:]}
    return {"status": status, "observed": observed, "reason": reason, "duration_s": time.perf_counter() - started}


def main(argv: List[str]) -> int:
    faulthandler.enable()  # a segfault or abort leaves a Python traceback in stderr
    with open(argv[1], encoding="utf-8") as stream:
        job = json.load(stream)
    writer = ResultWriter(argv[2])
    writer.emit(
        event="hello", python=platform.python_version(), platform=platform.platform(), executable=sys.executable
    )
    for run in job["runs"]:
        writer.emit(event="start", run_id=run["run_id"], t=time.time())
        writer.emit(event="done", run_id=run["run_id"], **run_one(run))
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    # Skip interpreter shutdown: framework thread pools sometimes crash or hang while
    # tearing down, and every result is already on disk.
    os._exit(code)
