"""The one place that starts probe subprocesses.

Every child process factcheck starts goes through ``run_driver``: an argv list (never a
shell), an explicit environment built by ``child_environment``, a wall-clock limit plus a
per-run limit watched from the results file, stdout and stderr captured to temporary files
(only their tails are kept), and a structured result read from a JSON-lines file the child
writes. Stdout is never parsed: frameworks print noise there.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Mapping, Sequence

DRIVER = Path(__file__).resolve().parent / "child" / "driver.py"

# One CPU thread per framework in every probe process. Probe processes run side by side,
# one per core, and a thread pool as wide as the machine stalls whenever another process
# takes a core; with the same pins everywhere, benchmarks share processes with the other
# probes of their framework instead of importing it again.
SINGLE_THREAD: dict[str, str] = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
}
# Keeps frameworks quiet and on the CPU, and makes hashing deterministic. A probe's own
# ``env`` overrides these; a value of None there means "inherit the caller's value".
BASE_ENVIRONMENT: dict[str, str] = {
    "CUDA_VISIBLE_DEVICES": "",
    "KERAS_BACKEND": "tensorflow",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",
    "PYTHONUNBUFFERED": "1",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    **SINGLE_THREAD,
}
# Only what a child needs to find its files, certificates, proxies and pip configuration;
# nothing else leaks in, so a user's KERAS_BACKEND or PYTHONPATH cannot change a result.
PASSTHROUGH = frozenset(
    "PATH HOME USER LOGNAME LANG LC_ALL LC_CTYPE TMPDIR TEMP TMP SYSTEMROOT LD_LIBRARY_PATH "
    "SSL_CERT_FILE SSL_CERT_DIR REQUESTS_CA_BUNDLE HTTP_PROXY HTTPS_PROXY NO_PROXY "
    "http_proxy https_proxy no_proxy XDG_CONFIG_HOME APPDATA".split()
)
PASSTHROUGH_PREFIXES = ("PIP_",)
STARTUP_ALLOWANCE_S = 30.0
TAIL_BYTES = 4096


def child_environment(overrides: Mapping[str, str | None], parent: Mapping[str, str] | None = None) -> dict[str, str]:
    """The explicit environment of a probe process."""
    parent = os.environ if parent is None else parent
    env = {key: value for key, value in parent.items() if key in PASSTHROUGH or key.startswith(PASSTHROUGH_PREFIXES)}
    env.update(BASE_ENVIRONMENT)
    for key, value in overrides.items():
        if value is not None:
            env[key] = value
        elif key in parent:
            env[key] = parent[key]
        else:
            env.pop(key, None)
    return env


@dataclass(frozen=True)
class ProcessOutcome:
    """How a child process ended."""

    returncode: int | None
    duration_s: float
    timed_out: bool = False
    stop_reason: str = ""
    stdout_tail: str = ""
    stderr_tail: str = ""
    start_error: str = ""

    @property
    def ended_normally(self) -> bool:
        return self.returncode == 0 and not self.timed_out and not self.stop_reason

    def describe_exit(self) -> str:
        """``exit code -6 (SIGABRT)``, ``exit code 3`` or why the process never started."""
        if self.start_error:
            return f"could not start: {self.start_error}"
        code = self.returncode
        if code is not None and code < 0:
            try:
                return f"exit code {code} ({signal.Signals(-code).name})"
            except ValueError:
                return f"exit code {code} (signal {-code})"
        return f"exit code {code}"

    def stderr_lines(self, count: int = 5) -> list[str]:
        """The last non-empty stderr lines, for a reason a user can act on."""
        return [line for line in self.stderr_tail.splitlines() if line.strip()][-count:]


def _tail(stream: IO[bytes]) -> str:
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(max(0, size - TAIL_BYTES))
    return stream.read().decode("utf-8", errors="replace")


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill the child and anything it started (it leads its own process group)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def run_process(
    argv: Sequence[str],
    env: Mapping[str, str],
    timeout_s: float,
    cwd: Path,
    watch: Callable[[], str] | None = None,
    poll_s: float = 0.05,
) -> ProcessOutcome:
    """Run ``argv`` to completion, a timeout, or until ``watch`` returns a stop reason."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        try:
            process = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                start_new_session=hasattr(os, "killpg"),
            )
        except OSError as exc:
            return ProcessOutcome(returncode=None, duration_s=0.0, start_error=f"{type(exc).__name__}: {exc}")
        timed_out, stop_reason = False, ""
        try:
            while process.poll() is None:
                stop_reason = watch() if watch is not None else ""
                timed_out = time.monotonic() - started > timeout_s
                if stop_reason or timed_out:
                    _kill(process)
                    break
                time.sleep(poll_s)
        except BaseException:  # Ctrl-C or a bug in ``watch``: never leave a framework process behind
            _kill(process)
            raise
        return ProcessOutcome(
            returncode=process.returncode,
            duration_s=time.monotonic() - started,
            timed_out=timed_out,
            stop_reason=stop_reason,
            stdout_tail=_tail(stdout),
            stderr_tail=_tail(stderr),
        )


class ResultsReader:
    """Reads the child's JSON-lines results file incrementally, skipping garbage lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = 0
        self._partial = b""
        self.hello: dict[str, Any] = {}
        self.started: dict[str, float] = {}
        self.done: dict[str, dict[str, Any]] = {}

    def poll(self) -> None:
        """Consume whatever complete lines were appended since the last call."""
        if not self.path.exists():
            return
        with self.path.open("rb") as stream:
            stream.seek(self._offset)
            chunk = stream.read()
        self._offset += len(chunk)
        *lines, self._partial = (self._partial + chunk).split(b"\n")
        for line in lines:
            self._consume(line)

    def _consume(self, line: bytes) -> None:
        try:
            event = json.loads(line)
        except ValueError:
            return
        if not isinstance(event, dict):
            return
        kind, run_id = event.get("event"), str(event.get("run_id", ""))
        if kind == "hello":
            self.hello = event
        elif kind == "start":
            self.started.setdefault(run_id, time.monotonic())
        elif kind == "done":
            self.done[run_id] = event

    def running(self) -> str | None:
        """The run that started and has not finished, if any."""
        pending = [run_id for run_id in self.started if run_id not in self.done]
        return pending[-1] if pending else None


@dataclass(frozen=True)
class DriverRun:
    """One snippet for the child driver to execute."""

    run_id: str
    source: str
    params: dict[str, Any]
    timeout_s: float


@dataclass(frozen=True)
class DriverReport:
    """What one driver process produced."""

    process: ProcessOutcome
    hello: dict[str, Any]
    done: dict[str, dict[str, Any]] = field(default_factory=dict)
    started: tuple[str, ...] = ()
    running: str | None = None


def run_driver(python: str, runs: Sequence[DriverRun], env: Mapping[str, str]) -> DriverReport:
    """Run snippets in order in one child process of ``python``; each run has its own limit."""
    limits = {run.run_id: run.timeout_s for run in runs}
    with tempfile.TemporaryDirectory(prefix="factcheck-probe-") as work:
        folder = Path(work)
        job, results = folder / "job.json", folder / "results.jsonl"
        job.write_text(json.dumps({"runs": [dataclasses.asdict(run) for run in runs]}), encoding="utf-8")
        reader = ResultsReader(results)

        def watch() -> str:
            reader.poll()
            current = reader.running()
            if current is not None and time.monotonic() - reader.started[current] > limits[current]:
                return current
            return ""

        total = sum(limits.values()) + STARTUP_ALLOWANCE_S
        outcome = run_process([python, str(DRIVER), str(job), str(results)], env, total, folder, watch)
        reader.poll()
        return DriverReport(outcome, reader.hello, dict(reader.done), tuple(reader.started), reader.running())
