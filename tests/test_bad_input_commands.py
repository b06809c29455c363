"""``factcheck review`` and ``factcheck fetch`` on bad input, and a run that fails on a claim
file: exit code 2, one coded line naming the file (and line) plus a fix, no traceback, and
nothing written, so a reviewer's decisions are never lost.

The CLI runs in-process (``pipeline.cli.main``) on a tiny project in a temporary folder (see
``tmp_project.py``). The fetch cases all fail before anything is downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import pytest

from pipeline import cli
from pipeline.paths import CACHE_VARIABLE, Folders
from tests.tmp_project import make_project, snapshot


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folders:
    """A tiny project with its caches kept inside it."""
    folders = make_project(tmp_path)
    monkeypatch.setenv(CACHE_VARIABLE, str(folders.cache))
    return folders


def factcheck(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run ``factcheck ARGS`` in-process: the exit code and everything printed."""
    monkeypatch.setattr(sys, "argv", ["factcheck", *args])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    captured = capsys.readouterr()
    return int(exit_.value.code or 0), captured.out + captured.err


def _assert_coded_line(status: int, output: str, code: str, located: str, fragment: str) -> None:
    assert status == 2, output
    assert "Traceback" not in output
    first, fix = output.rstrip("\n").split("\n")
    assert first.startswith(code + " ") and located in first and fragment in first, output
    assert fix.startswith("  fix: ") and len(fix) > len("  fix: ")


def _extracted(text: str) -> Callable[[Folders], None]:
    def setup(folders: Folders) -> None:
        folders.extracted.mkdir(parents=True, exist_ok=True)
        (folders.extracted / "a.yaml").write_text("source: a.txt\n" + text, encoding="utf-8")

    return setup


def _nothing(folders: Folders) -> None:
    pass


LUA = "  - quote: PyTorch is written in Lua.\n    subject: pytorch\n    attribute: implementation_language\n"

# case: (setup, extra arguments, error code, text naming file and line, another fragment)
BAD_REVIEW: dict[str, tuple[Callable[[Folders], None], tuple[str, ...], str, str, str]] = {
    "extracted_syntax": (_extracted("claims:\n  - id: [x\n"), (), "E101", "a.yaml:4:", "flow sequence at line 3"),
    "extracted_shape": (_extracted("claims:\n  quote: x\n"), (), "E102", "a.yaml:2: field 'claims'", "found a mapping"),
    "extracted_unknown_subject": (_extracted("claims:\n" + LUA.replace("pytorch", "pytorc")), (), "E103", "a.yaml:4:", "did you mean 'pytorch'?"),
    "extracted_unknown_attribute": (_extracted("claims:\n" + LUA.replace("_language", "_langauge")), (), "E104", "a.yaml:5:", "did you mean 'implementation_language'?"),
    "unknown_article": (_nothing, ("--source", "zzz.txt"), "E201", "sources:", "no article 'zzz.txt'"),
    "bad_article": (lambda folders: (folders.sources / "b.md").write_bytes(b"\x00"), (), "E204", "b.md:1:", "NUL byte"),
}


@pytest.mark.parametrize("case", sorted(BAD_REVIEW))
def test_review_on_bad_input_exits_2_with_a_coded_located_line(case: str, project: Folders, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    setup, extra, code, located, fragment = BAD_REVIEW[case]
    setup(project)
    before = snapshot(project.claims)
    args = ("review", "--sources", str(project.sources), "--claims", str(project.claims), *extra)
    _assert_coded_line(*factcheck(monkeypatch, capsys, *args), code, located, fragment)
    assert snapshot(project.claims) == before


def test_review_without_a_sources_folder_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("review", "--sources", str(tmp_path / "nowhere"), "--claims", str(tmp_path / "claims"))
    _assert_coded_line(*factcheck(monkeypatch, capsys, *args), "E201", "nowhere:", "sources folder not found")


def _index(text: str) -> Callable[[Folders], None]:
    return lambda folders: (folders.sources / "index.yaml").write_text(text, encoding="utf-8")


URL = "http://127.0.0.1:9/article.html"  # nothing listens there: a download would fail at once

def _fetch(url: str = URL, *options: str, into: str = "") -> Callable[[Folders], list[str]]:
    """The fetch arguments: ``url`` into the sources folder (or the file ``into`` inside it)."""
    return lambda folders: ["fetch", url, "--sources", str(folders.sources / into), *options]


# case: (setup, arguments, error code, text naming the file (and line), another fragment)
BAD_FETCH: dict[str, tuple[Callable[[Folders], None], Callable[[Folders], list[str]], str, str, str]] = {
    "not_http": (_nothing, _fetch("ftp://example.org/a"), "E401", "E401 ", "not an http or https URL"),
    "bad_date": (_nothing, _fetch(URL, "--published", "2024-13"), "E401", "E401 ", "'2024-13' is not a date"),
    "sources_is_a_file": (_nothing, _fetch(into="a.txt"), "E601", "a.txt:", "is a file, not a folder"),
    "index_syntax": (_index("sources: [a.txt\n"), _fetch(), "E101", "index.yaml:2:", "not valid YAML"),
    "index_lists_a_missing_file": (_index("sources:\n  - file: gone.txt\n"), _fetch(), "E201", "index.yaml:2:", "'gone.txt' is listed"),
    "already_indexed": (_index(f"sources:\n  - file: a.txt\n    url: {URL}\n"), _fetch(URL + "#top"), "E403", "index.yaml:", "already indexed as a.txt"),
}


@pytest.mark.parametrize("case", sorted(BAD_FETCH))
def test_fetch_on_bad_input_exits_2_before_downloading(case: str, project: Folders, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    setup, arguments, code, located, fragment = BAD_FETCH[case]
    setup(project)
    before = snapshot(project.sources)
    _assert_coded_line(*factcheck(monkeypatch, capsys, *arguments(project)), code, located, fragment)
    assert snapshot(project.sources) == before


def test_a_run_failing_on_a_claim_file_leaves_it_and_its_reviews_as_they_were(project: Folders, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("run", "--sources", str(project.sources), "--claims", str(project.claims), "--reports", str(project.reports))
    status, output = factcheck(monkeypatch, capsys, *args)
    assert status == 0, output
    path = project.extracted / "a.yaml"
    reviewed = path.read_text(encoding="utf-8").replace("  fingerprint:", "  review: accepted\n  fingerprint:", 1)
    path.write_text(reviewed.replace("subject: pytorch", "subject: pytorc", 1), encoding="utf-8")
    before = snapshot(project.claims)
    status, output = factcheck(monkeypatch, capsys, *args)
    _assert_coded_line(status, output, "E103", "a.yaml:", "did you mean 'pytorch'?")
    assert snapshot(project.claims) == before  # the reviewer's file, typo and decision, untouched
    path.write_text(reviewed, encoding="utf-8")
    status, output = factcheck(monkeypatch, capsys, *args)
    assert status == 0, output
    assert path.read_text(encoding="utf-8").count("\n  review: accepted\n") == 1
