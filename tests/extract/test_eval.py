"""``factcheck eval`` figures on a tiny labelled folder, and on the fixture article."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.evaluate import evaluate_folder, figures
from pipeline.paths import Folders

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = "JAX is written in Python and C++.\nMXNet is faster than Caffe on our servers.\n"


def test_eval_counts_found_missed_and_false_positives(tmp_path: Path) -> None:
    sources, gold = tmp_path / "sources", tmp_path / "gold"
    sources.mkdir()
    gold.mkdir()
    (sources / "tiny.txt").write_text(ARTICLE, encoding="utf-8")
    labels = {
        "source": "tiny.txt",
        "claims": [
            {"id": "t1", "quote": "JAX is written in Python and C++.", "subject": "jax", "attribute": "implementation_language"},
            {"id": "t2", "quote": "MXNet is faster than Caffe", "subject": "mxnet", "attribute": "performance"},
            {"id": "t3", "quote": "MXNet is faster than Caffe", "subject": "mxnet", "attribute": "deployment"},
        ],
    }
    (gold / "tiny.yaml").write_text(yaml.safe_dump(labels), encoding="utf-8")
    evaluation = evaluate_folder(gold, Folders(sources=sources, claims=tmp_path / "claims"), verdicts=False)
    result = figures(evaluation)
    assert [g.id for g, _ in evaluation.missed] == ["t3"]
    assert result["recall"] == 2 / 3
    assert result["precision"] == 1.0


def test_fixture_article_meets_the_bar() -> None:
    evaluation = evaluate_folder(FIXTURES / "gold", Folders(sources=FIXTURES / "articles"), verdicts=False)
    result = figures(evaluation)
    # the misses left are cells whose text also appears earlier in the table (the matcher finds
    # the first occurrence); see the report in tests/extract/fixtures/README.md
    assert result["recall"] >= 0.85
    assert result["precision"] >= 0.85


def test_eval_with_verdicts_matches_the_run_s_verdicts(tmp_path: Path) -> None:
    """The whole run (probes from the cache or run) judges the claims eval matches."""
    sources, gold = tmp_path / "sources", tmp_path / "gold"
    sources.mkdir()
    gold.mkdir()
    (sources / "tiny.txt").write_text(ARTICLE, encoding="utf-8")
    claim = {"id": "t1", "quote": "JAX is written in Python and C++.", "subject": "jax", "attribute": "implementation_language"}
    labels = {"source": "tiny.txt", "claims": [{**claim, "verdict": "supported"}]}
    (gold / "tiny.yaml").write_text(yaml.safe_dump(labels), encoding="utf-8")
    evaluation = evaluate_folder(gold, Folders(sources=sources, claims=tmp_path / "claims"), verdicts=True)
    assert [(g.id, item.claim.source) for g, _, item in evaluation.found] == [("t1", "tiny.txt")]
    assert all(item.verdict.label in ("supported", "refuted", "outdated", "contested", "unverifiable") for _, _, item in evaluation.found)
