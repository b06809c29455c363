"""Run stamps: an unchanged re-run does nothing; any changed input or report makes it work again."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.paths import Folders
from pipeline.run import RunOptions, run

ARTICLE = "PyTorch is written in Lua. Keras runs on Theano and CNTK.\n"


@pytest.fixture()
def folders(tmp_path: Path) -> Folders:
    """Two small articles and a claims folder without probes, so runs take seconds."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (sources / "two.md").write_text("# TensorFlow\n\nTensorFlow is developed by Google.\n", encoding="utf-8")
    (tmp_path / "claims" / "probes").mkdir(parents=True)
    return Folders(sources=sources, claims=tmp_path / "claims", reports=tmp_path / "reports", cache=tmp_path / "cache")


def test_an_unchanged_rerun_is_up_to_date(folders: Folders) -> None:
    first = run(RunOptions(folders=folders))
    before = {p: p.read_bytes() for p in folders.reports.rglob("*") if p.is_file()}
    second = run(RunOptions(folders=folders))
    assert first.result is not None and first.result.articles_parsed == 2
    assert second.result is None
    assert (second.summary.sources, second.summary.claims) == (first.summary.sources, first.summary.claims)
    assert tuple(second.summary.rows) == tuple(first.summary.rows) and second.summary.claims > 0
    assert {p: p.read_bytes() for p in folders.reports.rglob("*") if p.is_file()} == before


def test_a_changed_article_is_the_only_one_parsed(folders: Folders) -> None:
    run(RunOptions(folders=folders))
    with (folders.sources / "two.md").open("a", encoding="utf-8") as stream:
        stream.write("TensorFlow is released under the Apache 2.0 license.\n")
    again = run(RunOptions(folders=folders))
    assert again.result is not None and again.result.articles_parsed == 1
    assert any(item.claim.attribute == "license" for item in again.result.checked)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda f: (f.reports / "index.md").unlink(), id="a report deleted"),
        pytest.param(lambda f: (f.reports / "index.md").write_text("edited\n"), id="a report edited"),
        pytest.param(lambda f: (f.extracted / "one.yaml").write_text((f.extracted / "one.yaml").read_text() + "\n"), id="a claim file edited"),
        pytest.param(lambda f: (f.sources / "index.yaml").write_text("sources: []\n"), id="the source index written"),
    ],
)
def test_a_changed_input_or_report_runs_again(folders: Folders, change) -> None:  # type: ignore[no-untyped-def]
    run(RunOptions(folders=folders))
    change(folders)
    again = run(RunOptions(folders=folders))
    assert again.result is not None and again.result.articles_parsed == 0
    assert (folders.reports / "index.md").read_text(encoding="utf-8") != "edited\n"


def test_force_runs_every_stage(folders: Folders) -> None:
    run(RunOptions(folders=folders))
    forced = run(RunOptions(folders=folders, force=True))
    assert forced.result is not None


def test_the_up_to_date_summary_gates_like_a_full_run(folders: Folders) -> None:
    from pipeline.gate import gate_failures

    full = run(RunOptions(folders=folders))
    cached = run(RunOptions(folders=folders))
    assert full.result is not None and cached.result is None
    failing = gate_failures(full.result, "refuted,outdated", None)
    assert failing and gate_failures(cached.summary.rows, "refuted,outdated", None) == failing
