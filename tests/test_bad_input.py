"""``factcheck run`` on bad input: exit code 2, one coded line naming the file (and line) plus a
fix, no traceback, previous reports untouched; and hand-written files are never rewritten.

The CLI runs in-process (``pipeline.cli.main``); the project is a tiny one in a temporary
folder (see ``tmp_project.py``), with its own cache, so a run takes about a second.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Callable

import pytest

from pipeline import cli
from pipeline.catalog.yamlio import write_atomic
from pipeline.errors import FactcheckError
from pipeline.paths import Folders
from pipeline.report.base import write_all
from tests.tmp_project import FACTS, PROBE, make_project, snapshot

OLD_REPORTS = {"index.md": "# previous run\n", "claims.json": '{"claims": []}\n', "sources/a.md": "old page\n"}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folders:
    """A tiny project whose reports folder holds a previous run's reports."""
    folders = make_project(tmp_path)
    for name, text in OLD_REPORTS.items():
        (folders.reports / name).parent.mkdir(parents=True, exist_ok=True)
        (folders.reports / name).write_text(text, encoding="utf-8")
    _own_cache(monkeypatch, folders)
    return folders


def _own_cache(monkeypatch: pytest.MonkeyPatch, folders: Folders) -> None:
    """Keep the run's caches in the temporary project, out of the repository's cache folder."""
    default = cli._folders
    monkeypatch.setattr(cli, "_folders", lambda *args: dataclasses.replace(default(*args), cache=folders.cache))


def factcheck(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], folders: Folders, *extra: str) -> tuple[int, str]:
    """Run ``factcheck run`` on ``folders`` in-process: the exit code and everything printed."""
    args = ["--sources", str(folders.sources), "--claims", str(folders.claims), "--reports", str(folders.reports)]
    monkeypatch.setattr(sys, "argv", ["factcheck", "run", *args, *extra])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    captured = capsys.readouterr()
    return int(exit_.value.code or 0), captured.out + captured.err


def _write(relative: str, content: str | bytes) -> Callable[[Folders], None]:
    def setup(folders: Folders) -> None:
        path = folders.sources.parent / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)  # type: ignore[operator]

    return setup


def _huge(folders: Folders) -> None:
    with (folders.sources / "huge.txt").open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)


def _remove(relative: str) -> Callable[[Folders], None]:
    return lambda folders: shutil.rmtree(folders.sources.parent / relative)


def _reports_as_file(folders: Folders) -> None:
    shutil.rmtree(folders.reports)
    folders.reports.write_text("my notes, not a folder", encoding="utf-8")


CURATED = "claims/curated/mine.yaml"
CLAIM = "  - quote: Keras is written in Python.\n    subject: keras\n    attribute: implementation_language\n"

# case: (setup, error code, text naming file and line, another fragment)
BAD_INPUT: dict[str, tuple[Callable[[Folders], None], str, str, str]] = {
    "yaml_syntax": (_write(CURATED, "claims:\n  - quote: 'open\n    subject: keras\n"), "E101", "mine.yaml:4:", "column"),
    "probes_syntax": (_write("claims/probes/p.yaml", "probes:\n  - id: [x\n"), "E101", "p.yaml:3:", "flow sequence at line 2"),
    "facts_syntax": (_write("claims/facts/mine.yaml", "facts:\n  - id: a: b\n"), "E101", "mine.yaml:2:", "column 10"),
    "vocabulary_syntax": (_write("claims/vocabulary.yaml", "subjects: {keras: [\n"), "E101", "vocabulary.yaml:2:", "column"),
    "missing_required_field": (_write(CURATED, "claims:\n" + CLAIM.replace("    subject: keras\n", "")), "E106", "mine.yaml:2: field 'claims[0].subject'", "required"),
    "index_entry_not_a_mapping": (_write("sources/index.yaml", "sources:\n  - a.txt\n"), "E102", "index.yaml:2: field 'sources[0]'", "valid dictionary"),
    "yaml_not_utf8": (_write(CURATED, b"claims:\n  - quote: caf\xe9\n"), "E101", "mine.yaml:2:", "byte offset 22"),
    "yaml_empty": (_write(CURATED, ""), "E102", "mine.yaml:1:", "empty"),
    "yaml_scalar": (_write(CURATED, "hello\n"), "E102", "mine.yaml:1:", "found text"),
    "yaml_mapping_for_list": (_write(CURATED, "claims:\n  quote: x\n"), "E102", "mine.yaml:1:", "found a mapping"),
    "yaml_repeated_key": (_write(CURATED, "claims:\n" + CLAIM + "    subject: jax\n"), "E109", "mine.yaml:5:", "first on line 3"),
    "unknown_subject": (_write(CURATED, "claims:\n" + CLAIM.replace("keras", "kerass")), "E103", "mine.yaml:3:", "did you mean 'keras'?"),
    "unknown_attribute": (_write(CURATED, "claims:\n" + CLAIM.replace("_language", "_lang")), "E104", "mine.yaml:4:", "did you mean 'implementation_language'?"),
    "unknown_probe_kind": (_write("claims/probes/p.yaml", PROBE.replace("python_expr", "pyhton_expr")), "E107", "p.yaml:5:", "did you mean 'python_expr.v1'?"),
    "duplicate_claim_ids": (_write("claims/curated/more.yaml", "claims:\n" + CLAIM.replace("  - quote", "  - source: a.txt\n    quote")), "E108", "more.yaml:2:", "already used in"),
    "duplicate_probe_ids": (_write("claims/probes/p.yaml", PROBE + PROBE.replace("probes:\n", "")), "E108", "p.yaml:13:", "already used in p.yaml:2"),
    "duplicate_fact_ids": (_write("claims/facts/more.yaml", FACTS), "E108", "more.yaml:2:", "already used in mine.yaml:2"),
    "duplicate_index_entries": (_write("sources/index.yaml", "sources:\n  - file: a.txt\n  - file: a.txt\n"), "E108", "index.yaml:3:", "listed twice"),
    "index_entry_for_missing_file": (_write("sources/index.yaml", "sources:\n  - file: gone.txt\n"), "E201", "index.yaml:2:", "'gone.txt' is listed"),
    "index_syntax": (_write("sources/index.yaml", "sources: [a.txt\n"), "E101", "index.yaml:2:", "column"),
    "vocabulary_shape": (_write("claims/vocabulary.yaml", "subjects: [keras]\nattributes: {}\n"), "E102", "vocabulary.yaml:1:", "must be a mapping"),
    "source_empty": (_write("sources/a.txt", b""), "E203", "a.txt:", "empty"),
    "source_whitespace": (_write("sources/a.txt", b" \n \n"), "E203", "a.txt:", "whitespace only"),
    "source_binary": (_write("sources/a.txt", b"PK\x03\x04\x00\x00"), "E204", "a.txt:1:", "NUL byte at byte offset 4"),
    "source_not_utf8": (_write("sources/a.txt", b"Keras.\nCaf\xe9\n"), "E202", "a.txt:2:", "byte offset 10"),
    "source_too_large": (_huge, "E205", "huge.txt:", "10 MB limit"),
    "sources_folder_missing": (_remove("sources"), "E201", "sources:", "folder not found"),
    "reports_is_a_file": (_reports_as_file, "E601", "reports:", "is a file, not a folder"),
    "extracted_is_a_file": (_write("claims/extracted", "mine"), "E601", "extracted:", "is a file, not a folder"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_exits_2_with_a_coded_located_line(case: str, project: Folders, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    setup, code, located, fragment = BAD_INPUT[case]
    setup(project)
    reports_before = snapshot(project.reports) if project.reports.is_dir() else project.reports.read_bytes()
    status, output = factcheck(monkeypatch, capsys, project)
    assert status == 2, output
    assert "Traceback" not in output
    line = next(line for line in output.splitlines() if line.startswith(code))
    assert located in line and fragment in line, output
    assert any(line.startswith("  fix: ") for line in output.splitlines())
    assert (snapshot(project.reports) if project.reports.is_dir() else project.reports.read_bytes()) == reports_before


def _deny_writing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Simulated: the tests may run as root, whom file permissions do not stop."""
    real_access = os.access
    denied = lambda path, mode: Path(path) == folder and bool(mode & os.W_OK)  # noqa: E731
    monkeypatch.setattr(os, "access", lambda path, mode: not denied(path, mode) and real_access(path, mode))


@pytest.mark.parametrize("name", ["reports", "extracted"])
def test_a_folder_without_write_permission_is_reported_before_the_run(name: str, project: Folders, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = getattr(project, name)
    folder.mkdir(parents=True, exist_ok=True)
    _deny_writing(monkeypatch, folder)
    before = snapshot(project.reports)
    status, output = factcheck(monkeypatch, capsys, project)
    assert status == 2 and "Traceback" not in output, output
    assert output.startswith(f"E601 {folder}: cannot write: permission denied"), output
    assert snapshot(project.reports) == before
    assert not project.extracted.exists() or not any(project.extracted.iterdir())  # failed before extraction


def test_an_unwritable_report_subfolder_stops_the_run_before_any_report_moves(project: Folders, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _deny_writing(monkeypatch, project.reports / "sources")
    before = snapshot(project.reports)
    status, output = factcheck(monkeypatch, capsys, project)
    assert status == 2 and "Traceback" not in output, output
    assert output.startswith(f"E601 {project.reports / 'sources'}: cannot write: permission denied"), output
    assert snapshot(project.reports) == before  # not a mix of new and old reports


def test_hand_written_files_are_never_rewritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folders = make_project(tmp_path, with_probe=True)
    _own_cache(monkeypatch, folders)
    hand_written = [folders.sources, folders.curated, folders.claims / "facts", folders.claims / "probes"]
    before = [snapshot(folder) for folder in hand_written]
    for extra in ((), ("--force",)):
        status, output = factcheck(monkeypatch, capsys, folders, *extra)
        assert status == 0, output
    assert [snapshot(folder) for folder in hand_written] == before
    assert (folders.reports / "claims.json").exists() and sorted(p.name for p in folders.extracted.iterdir()) == ["a.yaml", "b.yaml"]


class _Format:
    """A report format for tests: writes ``name`` or fails."""

    def __init__(self, name: str, fail: bool = False) -> None:
        self.name, self.fail = name, fail

    def write(self, data: object, folder: Path) -> list[Path]:
        if self.fail:
            raise RuntimeError("a format failed halfway")
        write_atomic(folder / self.name, "new\n")
        return [folder / self.name]


def test_reports_change_all_at_once_or_not_at_all(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    (reports / "sources").mkdir(parents=True)
    (reports / "index.md").write_text("old\n", encoding="utf-8")
    (reports / "sources" / "gone.md").write_text("old\n", encoding="utf-8")
    before = snapshot(reports)
    with pytest.raises(RuntimeError):
        write_all([_Format("index.md"), _Format("x", fail=True)], None, reports, ("sources",))  # type: ignore[list-item, arg-type]
    assert snapshot(reports) == before  # nothing moved, no staging folder left
    (reports / "claims.json").mkdir()
    with pytest.raises(FactcheckError, match="a folder of that name is in the way"):
        write_all([_Format("index.md"), _Format("claims.json")], None, reports, ("sources",))  # type: ignore[list-item, arg-type]
    assert snapshot(reports) == before
    (reports / "claims.json").rmdir()
    written = write_all([_Format("index.md"), _Format("sources/a.md")], None, reports, ("sources",))  # type: ignore[list-item, arg-type]
    assert written == [reports / "index.md", reports / "sources" / "a.md"]
    assert snapshot(reports) == {"index.md": b"new\n", "sources/a.md": b"new\n"}  # the stale page is gone


def test_reports_keep_their_mode_and_new_ones_get_the_usual_one(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "index.md").write_text("old\n", encoding="utf-8")
    (reports / "index.md").chmod(0o640)
    previous = os.umask(0o022)
    try:
        write_all([_Format("index.md"), _Format("sources/a.md")], None, reports, ("sources",))  # type: ignore[list-item, arg-type]
    finally:
        os.umask(previous)
    assert stat.S_IMODE((reports / "index.md").stat().st_mode) == 0o640
    assert stat.S_IMODE((reports / "sources" / "a.md").stat().st_mode) == 0o644
