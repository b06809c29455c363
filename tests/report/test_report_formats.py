"""Properties of the reports beyond the goldens: SARIF shape and regions, the claims.json
contract, CSV rows, working links, well-formed tables, determinism, and chart fallbacks."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from pipeline.gate import gate_failures
from pipeline.records import ProbeResult, RunResult
from pipeline.report import write_reports
from pipeline.report.charts import benchmark_block, benchmark_timings
from pipeline.report.data import position_of
from pipeline.vocab import Vocabulary

DETERMINISTIC_EXCLUDE = {"run.json"}


@pytest.fixture()
def written(tmp_path: Path, run_result: RunResult, vocab: Vocabulary) -> Path:
    write_reports(run_result, tmp_path, vocab)
    return tmp_path


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sarif_has_the_required_shape(written: Path) -> None:
    log = json.loads((written / "claims.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    results = log["runs"][0]["results"]
    assert {r["level"] for r in results} == {"error", "warning"}
    assert len(results) == 3  # two refuted, one outdated; the others are not findings
    for result in results:
        assert result["ruleId"] in rule_ids and rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["message"]["text"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("sources/")
        assert result["level"] == {"refuted": "error", "outdated": "warning"}[result["ruleId"].split("/")[0]]


def test_sarif_regions_point_at_the_quote(written: Path, run_result: RunResult) -> None:
    texts = {f"sources/{s.file}": s.text for s in run_result.sources}
    log = json.loads((written / "claims.sarif").read_text(encoding="utf-8"))
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        region, text = location["region"], texts[location["artifactLocation"]["uri"]]
        assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
        line = text.split("\n")[region["startLine"] - 1]
        assert region["startLine"] == region["endLine"]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]


def test_positions_count_characters_and_lines() -> None:
    text = "first\r\nCafé: PyTorch\nthird"
    start = text.index("PyTorch")
    found = position_of(text, start, start + len("PyTorch"))
    assert (found.line, found.column, found.end_line, found.end_column) == (2, 7, 2, 14)
    assert position_of(text, 0, len(text)).end_line == 3
    # a newline belongs to the line it ends; the offset after it starts the next line
    assert (position_of("\nab\n", 3, 4).line, position_of("\nab\n", 4, 4).line) == (2, 3)


def test_reports_read_each_text_again_when_the_run_kept_none(tmp_path: Path, run_result: RunResult, vocab: Vocabulary) -> None:
    """A large run keeps its sources without text: reports read each article from its folder."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for source in run_result.sources:
        (folder / source.file).write_bytes(source.text.encode("utf-8"))
    light = replace(run_result, sources=tuple(s.model_copy(update={"text": ""}) for s in run_result.sources), sources_dir=folder)
    write_reports(run_result, tmp_path / "a", vocab)
    write_reports(light, tmp_path / "b", vocab)
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert {k: v for k, v in first.items() if k not in DETERMINISTIC_EXCLUDE} == {k: v for k, v in second.items() if k not in DETERMINISTIC_EXCLUDE}
    assert b'"line": 3' in first["claims.json"]


def test_claims_json_contract_and_baseline_round_trip(written: Path, run_result: RunResult) -> None:
    document = json.loads((written / "claims.json").read_text(encoding="utf-8"))
    assert set(document) >= {"generated_by", "environment", "claims"}
    required = {"id", "source", "start", "end", "quote", "subject", "attribute", "value", "relation", "verdict", "evidence"}
    for row in document["claims"]:
        assert required <= set(row)
        assert row["relation"] is None or set(row["relation"]) == {"type", "object"}
        assert isinstance(row["evidence"], list)
    assert len(document["claims"]) == len(run_result.checked)
    # A run compared with its own claims.json has nothing new or flipped.
    assert gate_failures(run_result, "refuted,outdated", written / "claims.json") == []


def test_csv_has_one_flat_row_per_claim(written: Path, run_result: RunResult) -> None:
    frame = pd.read_csv(written / "claims.csv", dtype=str, keep_default_na=False)
    assert len(frame) == len(run_result.checked)
    assert {"id", "verdict", "evidence", "quote", "relation_type"} <= set(frame.columns)
    assert frame.loc[frame["id"] == "extra-keras-backends", "value"].item() == "tensorflow; jax; pytorch"


def _anchors(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    explicit = set(re.findall(r'<a id="([^"]+)"></a>', text))
    headings = {line.lstrip("#").strip() for line in text.splitlines() if re.match(r"^#{2,3} [a-z0-9_]+$", line)}
    return explicit | headings


def test_every_relative_link_resolves(written: Path) -> None:
    for page in written.rglob("*.md"):
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://")):
                continue
            path, _, fragment = target.partition("#")
            resolved = (page.parent / path) if path else page
            assert resolved.exists(), f"{page.relative_to(written)} links to missing {target}"
            if fragment:
                assert fragment in _anchors(resolved), f"{page.relative_to(written)} links to missing anchor {target}"


def test_table_rows_keep_their_column_count(written: Path) -> None:
    for page in written.rglob("*.md"):
        widths: list[int] = []
        for line in page.read_text(encoding="utf-8").splitlines() + [""]:
            if line.startswith("|"):
                widths.append(len(re.findall(r"(?<!\\)\|", line)))
            elif widths:
                assert len(set(widths)) == 1, f"ragged table in {page.name}: {widths}"
                widths = []


def test_reports_are_byte_identical_across_runs(tmp_path: Path, run_result: RunResult, vocab: Vocabulary) -> None:
    shuffled = replace(run_result, **{
        "checked": tuple(reversed(list(run_result.checked))),
        "probe_results": tuple(p.model_copy(update={"duration_s": 99.0, "cached": True}) for p in reversed(run_result.probe_results)),
    })  # fmt: skip
    write_reports(run_result, tmp_path / "a", vocab)
    write_reports(shuffled, tmp_path / "b", vocab)
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert set(first) == set(second)
    assert {k: v for k, v in first.items() if k not in DETERMINISTIC_EXCLUDE} == {
        k: v for k, v in second.items() if k not in DETERMINISTIC_EXCLUDE
    }
    stamp = json.loads(first["run.json"])["generated_at"]
    assert datetime.fromisoformat(stamp).tzinfo is not None
    for name, body in first.items():
        if name not in DETERMINISTIC_EXCLUDE:
            assert stamp[:10].encode() not in body, f"{name} contains the run date"


def test_stale_pages_are_removed(written: Path, run_result: RunResult, vocab: Vocabulary) -> None:
    only_alpha = replace(run_result, **{
        "sources": tuple(s for s in run_result.sources if s.file == "alpha_guide.txt"),
        "checked": tuple(c for c in run_result.checked if c.claim.source == "alpha_guide.txt"),
        "contradictions": (),
    })  # fmt: skip
    write_reports(only_alpha, written, vocab)
    assert sorted(p.name for p in (written / "sources").glob("*.md")) == ["alpha_guide.md"]


@pytest.mark.parametrize(
    ("observed", "expected"),
    [
        ({"a": 0.2, "b": 0.1}, {"a": 0.2, "b": 0.1}),
        ({"timings": {"b": {"median": 2}, "a": {"median_ms": 500}}}, {"a": 0.5, "b": 2.0}),
        ([{"variant": "x", "mean_s": 1}, {"name": "y", "best": 3}], {"x": 1.0, "y": 3.0}),
        ({"variants": {"keras[jax]": {"score_s": 0.02, "rel_spread": 0.1, "models": {}}, "torch": {"score_s": 0.01}},
          "tolerance": 0.15}, {"keras[jax]": 0.02, "torch": 0.01}),
        ({"median": 0.3, "runs": 5}, None),
        ({"only": 1.0}, None),
        ("fast", None),
        (None, None),
    ],
)
def test_benchmark_timings_accept_common_shapes(observed: object, expected: object) -> None:
    assert benchmark_timings(observed) == expected


def test_benchmark_without_timings_says_why() -> None:
    probe = ProbeResult(probe_id="bench", subject="keras", attribute="performance", status="ok", observed={"note": "n/a"})
    text = "\n".join(benchmark_block(probe))
    assert "mermaid" not in text and "No chart" in text
    crashed = probe.model_copy(update={"status": "timeout", "reason": "took longer than 60 s"})
    assert "took longer than 60 s" in "\n".join(benchmark_block(crashed))
