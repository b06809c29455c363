"""Ctrl-C during ``factcheck run``: exit code 130, one line, no traceback, and the reports
folder holds either the previous reports or a complete new set, with no temporary files.

Each test starts the real CLI in a subprocess on a tiny project and sends SIGINT. To hit a
chosen moment, the child can slow every ``os.replace`` (the last step of every atomic write)
and announce it on stdout; the test sends SIGINT when the announced target is the one it
wants to interrupt.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

from pipeline.catalog.yamlio import load_located
from pipeline.paths import PROJECT_ROOT, Folders
from tests.tmp_project import make_project, snapshot

pytestmark = pytest.mark.slow

OLD_REPORTS = {"index.md": "# previous run\n", "claims.json": '{"claims": []}\n', "sources/gone.md": "old page\n"}
NEW_REPORTS = {"index.md", "claims.json", "claims.csv", "claims.sarif", "contradictions.md", "run.json", "sources/a.md", "sources/b.md"}

# The child: the real CLI, with the run's caches kept in the temporary project and, when
# asked, every os.replace announced and slowed so a test can interrupt it mid-write.
CHILD = """
import dataclasses, os, sys, time
from pathlib import Path
import pipeline.cli as cli
cache, delay = Path(os.environ["TEST_CACHE"]), float(os.environ.get("TEST_SLOW_REPLACE", "0"))
default = cli._folders
cli._folders = lambda *args: dataclasses.replace(default(*args), cache=cache)
if delay:
    real_replace = os.replace
    def announced(src, dst, *args, **kwargs):
        print("replace", os.fspath(dst), flush=True)
        time.sleep(delay)
        real_replace(src, dst, *args, **kwargs)
    os.replace = announced
sys.argv = ["factcheck", "run", *sys.argv[1:]]
print("started", flush=True)
cli.main()
"""


@pytest.fixture()
def project(tmp_path: Path) -> Folders:
    folders = make_project(tmp_path)
    for name, text in OLD_REPORTS.items():
        (folders.reports / name).parent.mkdir(parents=True, exist_ok=True)
        (folders.reports / name).write_text(text, encoding="utf-8")
    return folders


def _start(folders: Folders, slow_replace: float = 0.0, *options: str) -> subprocess.Popen[str]:
    args = ["--sources", str(folders.sources), "--claims", str(folders.claims), "--reports", str(folders.reports), *options]
    env = {**os.environ, "TEST_CACHE": str(folders.cache), "TEST_SLOW_REPLACE": str(slow_replace)}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell may start background jobs with SIGINT ignored; the child must see Ctrl-C.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _interrupt_when(process: subprocess.Popen[str], wanted: Callable[[str], bool]) -> tuple[int, str]:
    """Send SIGINT once the child prints a line ``wanted`` accepts; its exit code and stderr."""
    assert process.stdout is not None
    for line in process.stdout:
        if wanted(line.rstrip("\n")):
            process.send_signal(signal.SIGINT)
            break
    else:
        pytest.fail("the moment to interrupt never came")
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


def _after_start(delay: float) -> Callable[[str], bool]:
    """Accepts the child's "started" line, once ``delay`` seconds have passed after it."""

    def wanted(line: str) -> bool:
        if line != "started":
            return False
        time.sleep(delay)
        return True

    return wanted


def _assert_clean_exit(code: int, stderr: str, message: str) -> None:
    assert code == 130, stderr
    assert "Traceback" not in stderr, stderr  # the whole output, to tell where it came from
    assert stderr.strip().splitlines()[-1] == message


def _assert_no_temporary_files(folders: Folders) -> None:
    for folder in (folders.reports, folders.claims):
        leftovers = [name for name in snapshot(folder) if ".staging-" in name or name.endswith(".tmp")]
        assert not leftovers


def _assert_old_or_new(folders: Folders) -> str:
    """The reports are exactly the previous ones or a complete new set; says which."""
    reports = snapshot(folders.reports)
    if reports == {name: text.encode() for name, text in OLD_REPORTS.items()}:
        return "old"
    assert NEW_REPORTS <= set(reports) and "sources/gone.md" not in reports, sorted(reports)
    assert json.loads(reports["claims.json"])["claims"]
    assert any(name.startswith("frameworks/") for name in reports)
    return "new"


@pytest.mark.parametrize("delay", [0.5, 2.5])
def test_ctrl_c_at_any_moment_leaves_old_or_new_reports(project: Folders, delay: float) -> None:
    process = _start(project)
    code, stderr = _interrupt_when(process, _after_start(delay))
    assert "Traceback" not in stderr, stderr  # the whole output, to tell where it came from
    state = _assert_old_or_new(project)
    if code == 130:
        assert stderr.strip().splitlines()[-1].startswith("interrupted")
    else:  # the run finished before the signal came
        assert code == 0 and state == "new", stderr
    _assert_no_temporary_files(project)


@pytest.mark.parametrize("moment", ["/extracted/", "/.staging-"], ids=["writing claim files", "rendering reports"])
def test_ctrl_c_before_the_reports_move_keeps_the_old_ones(project: Folders, moment: str) -> None:
    process = _start(project, slow_replace=0.1)
    code, stderr = _interrupt_when(process, lambda line: line.startswith("replace") and moment in line)
    _assert_clean_exit(code, stderr, "interrupted; previous reports are intact")
    assert _assert_old_or_new(project) == "old"
    _assert_no_temporary_files(project)
    for path in project.extracted.glob("*.yaml"):
        load_located(path)  # whatever was written is whole


def test_ctrl_c_while_moving_reports_into_place_completes_the_move(project: Folders) -> None:
    reports = str(project.reports)
    process = _start(project, slow_replace=0.1)
    moving = lambda line: line.startswith(f"replace {reports}/") and ".staging-" not in line and ".tmp" not in line  # noqa: E731
    code, stderr = _interrupt_when(process, moving)
    _assert_clean_exit(code, stderr, "interrupted after the new reports were written")
    assert _assert_old_or_new(project) == "new"
    _assert_no_temporary_files(project)


def test_ctrl_c_while_workers_parse_stops_them_quietly(project: Folders) -> None:
    # Ctrl-C reaches the whole process group, workers included; here only the main process
    # gets it, as when a supervisor signals the run: either way the workers must stop with it.
    # 0.8 s after start the workers are loading spaCy or parsing (a run of this project takes
    # about 1.5 s in all, so a later moment may find the claim files already moved into place)
    process = _start(project, 0.0, "--jobs", "2")
    code, stderr = _interrupt_when(process, _after_start(0.8))
    _assert_clean_exit(code, stderr, "interrupted; previous reports are intact")
    assert _assert_old_or_new(project) == "old"
    assert not list(project.extracted.glob("*.yaml"))  # staged claim files never moved into place
    _assert_no_temporary_files(project)
