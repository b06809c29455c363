"""Report formats written by several processes: the same files, errors still reach the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import E_WRITE, Location, WriteError
from pipeline.records import RunResult
from pipeline.report import write_reports
from pipeline.report.base import FORMATTERS, write_all
from pipeline.report.data import build_report_data
from pipeline.report.parallel import NEED_SUMMARY, SUMMARY_WEIGHT, WEIGHTS, share_out
from pipeline.workers import can_fork
from pipeline.vocab import Vocabulary

needs_fork = pytest.mark.skipif(not can_fork(), reason="this process cannot fork safely (no fork, or other threads running)")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_shares_cover_every_format_once_and_balance_the_heavy_ones() -> None:
    shares = share_out(FORMATTERS, 2)
    names = [f.name for share in shares for f in share]
    assert sorted(names) == sorted(f.name for f in FORMATTERS)
    heavy = [{f.name for f in share} & {"sources", "json"} for share in shares]
    assert all(len(found) == 1 for found in heavy)  # the two heaviest formats go to different processes
    loads = [sum(WEIGHTS.get(f.name, 1.0) for f in share) + SUMMARY_WEIGHT * any(f.name in NEED_SUMMARY for f in share) for share in shares]
    assert max(loads) - min(loads) <= max(WEIGHTS.values())
    assert len(share_out(FORMATTERS, 1)) == 1 and len(share_out(FORMATTERS[:1], 4)) == 1
    for count in (2, 3, 4):  # the formats that need the run's counts are counted once, in one process
        assert sum(any(f.name in NEED_SUMMARY for f in share) for share in share_out(FORMATTERS, count)) == 1


@needs_fork
def test_two_processes_write_exactly_what_one_writes(tmp_path: Path, run_result: RunResult, vocab: Vocabulary) -> None:
    one = write_reports(run_result, tmp_path / "one", vocab)
    two = write_reports(run_result, tmp_path / "two", vocab, jobs=2)
    assert [p.relative_to(tmp_path / "one") for p in one] == [p.relative_to(tmp_path / "two") for p in two]
    first, second = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    first.pop("run.json"), second.pop("run.json")  # the run date
    assert first == second and len(first) > 5


class Failing:
    """A format whose writing fails as a full disk would."""

    name = "json"  # a heavy one, so it is not in the share this process writes

    def write(self, data: object, folder: Path) -> list[Path]:
        raise WriteError(E_WRITE, "cannot write: no space left on device", Location(folder / "claims.json"), "free some space")


@needs_fork
def test_an_error_in_another_process_reaches_the_run_and_keeps_the_old_reports(
    tmp_path: Path, run_result: RunResult, vocab: Vocabulary
) -> None:
    write_reports(run_result, tmp_path, vocab)
    before = _tree(tmp_path)
    formatters = [f for f in FORMATTERS if f.name != "json"] + [Failing()]
    assert any(isinstance(f, Failing) for f in share_out(formatters, 2)[1])  # written by the forked process
    with pytest.raises(WriteError, match="no space left"):
        write_all(formatters, build_report_data(run_result, vocab), tmp_path, ("sources", "frameworks"), jobs=2)
    assert _tree(tmp_path) == before


def test_with_another_thread_running_nothing_is_forked(
    tmp_path: Path, run_result: RunResult, vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import pipeline.report.parallel as parallel

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("forked while another thread was running")

    monkeypatch.setattr(parallel, "worker_pool", refuse)
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert not can_fork()
        write_reports(run_result, tmp_path / "two", vocab, jobs=2)
    finally:
        release.set()
        waiting.join()
    write_reports(run_result, tmp_path / "one", vocab)
    first, second = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    first.pop("run.json"), second.pop("run.json")
    assert first == second
