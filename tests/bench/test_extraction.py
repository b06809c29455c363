"""``factcheck bench`` on a small corpus: both throughputs and their ratio are reported."""

from __future__ import annotations

from pathlib import Path

import pipeline.bench.extraction as bench
from pipeline.paths import Folders


def test_bench_reports_both_throughputs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Keras is written in Python. It runs on Linux.\n" * 5, encoding="utf-8")
    monkeypatch.setattr(bench, "TARGET_CHARACTERS", 2_000)
    result = bench.run_bench(Folders(sources=sources), repeats=1)
    assert result.characters >= 2_000 and result.tokens > 0 and result.claims > 0
    assert result.baseline_tokens_per_second > 0 and result.extraction_tokens_per_second > 0
    text = bench.render_bench(result)
    assert "tokens/s" in text and "Ratio" in text


def test_corpus_repeats_sources_as_distinct_files() -> None:
    from pipeline.records import Source

    copies = bench.corpus([Source(file="x.txt", text="abc")], target=10)
    assert len(copies) == 4 and len({c.file for c in copies}) == 4
