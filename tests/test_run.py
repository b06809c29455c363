"""End to end: the whole pipeline on a temporary copy of sources/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.paths import Folders
from pipeline.run import RunOptions, run


@pytest.fixture(scope="module")
def run_folders(tmp_path_factory: pytest.TempPathFactory) -> Folders:
    root = tmp_path_factory.mktemp("e2e")
    shutil.copytree(Path(__file__).resolve().parent.parent / "sources", root / "sources")
    folders = Folders(sources=root / "sources", claims=root / "claims", reports=root / "reports")
    run(RunOptions(folders=folders))
    return folders


def test_claims_json_has_claims_from_every_source(run_folders: Folders) -> None:
    document = json.loads((run_folders.reports / "claims.json").read_text())
    assert document["generated_by"].startswith("factcheck")
    assert "python" in document["environment"]
    sources = {claim["source"] for claim in document["claims"]}
    assert sources == {p.name for p in run_folders.sources.glob("*.txt")}
    required = {"id", "source", "start", "end", "quote", "subject", "attribute", "value", "relation", "verdict", "evidence"}
    for claim in document["claims"]:
        assert required <= set(claim)
        assert isinstance(claim["evidence"], list)


def test_offsets_round_trip_for_every_claim(run_folders: Folders) -> None:
    document = json.loads((run_folders.reports / "claims.json").read_text())
    texts = {p.name: p.read_text(encoding="utf-8") for p in run_folders.sources.glob("*.txt")}
    for claim in document["claims"]:
        if claim["start"] is not None and claim["source"] in texts:
            assert texts[claim["source"]][claim["start"] : claim["end"]] == claim["quote"]


def test_extracted_yaml_written_per_source_and_repo_untouched(run_folders: Folders) -> None:
    written = sorted(p.stem for p in run_folders.extracted.glob("*.yaml"))
    assert written == sorted(p.stem for p in run_folders.sources.glob("*.txt"))
    assert (run_folders.reports / "index.md").exists()


def test_second_run_gives_identical_reports(run_folders: Folders) -> None:
    before = {p: p.read_bytes() for p in run_folders.reports.rglob("*") if p.is_file() and p.name != "run.json"}
    run(RunOptions(folders=run_folders, force=True))
    after = {p: p.read_bytes() for p in run_folders.reports.rglob("*") if p.is_file() and p.name != "run.json"}
    assert before.keys() == after.keys()
    changed = [str(p) for p in before if before[p] != after[p]]
    assert not changed
