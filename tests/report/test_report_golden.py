"""Golden-file tests: whole reports generated from the fixture run in ``conftest.py``.

Each listed file is compared byte for byte with ``tests/report/golden/``. After an
intended change to a report, regenerate the goldens and review the diff::

    FACTCHECK_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/report

(see ``tests/report/README.md``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.records import RunResult
from pipeline.report import write_reports
from pipeline.vocab import Vocabulary

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDENS") == "1"
GOLDEN_FILES = (
    "index.md",
    "sources/alpha_guide.md",
    "frameworks/tensorflow.md",
    "contradictions.md",
    "claims.json",
    "claims.csv",
    "claims.sarif",
)


@pytest.fixture()
def written(tmp_path: Path, run_result: RunResult, vocab: Vocabulary) -> Path:
    write_reports(run_result, tmp_path, vocab)
    return tmp_path


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_report_matches_golden(written: Path, name: str) -> None:
    actual = (written / name).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="\n")
    assert golden.exists(), f"no golden for {name}; run with FACTCHECK_UPDATE_GOLDENS=1"
    assert actual == golden.read_text(encoding="utf-8"), f"{name} differs from its golden; see the module docstring"
