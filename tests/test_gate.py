"""``gate_failures``: which claims fail ``factcheck run --fail-on ... [--baseline ...]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import E_BAD_VALUE, FactcheckError
from pipeline.gate import baseline_verdicts, gate_failures, parse_fail_on
from pipeline.run import RunOutcome, summarise
from pipeline.records import CheckedClaim, Claim, RunResult, Verdict


def _item(claim_id: str, label: str, start: int = 0) -> CheckedClaim:
    claim = Claim(id=claim_id, source="a.txt", start=start, end=start + 5, quote=f"quote {claim_id}",
                  subject="keras", attribute="license")  # fmt: skip
    return CheckedClaim(claim=claim, verdict=Verdict(claim_id=claim_id, label=label, rationale=f"why {claim_id}"))  # type: ignore[arg-type]


def _run(*items: CheckedClaim) -> RunResult:
    return RunResult(sources=(), checked=items)


def _baseline(tmp_path: Path, verdicts: dict[str, str]) -> Path:
    path = tmp_path / "claims.json"
    rows = [{"id": claim_id, "verdict": label} for claim_id, label in verdicts.items()]
    path.write_text(json.dumps({"generated_by": "factcheck", "environment": {}, "claims": rows}), encoding="utf-8")
    return path


def test_no_fail_on_never_fails() -> None:
    assert gate_failures(_run(_item("a", "refuted")), None, None) == []
    assert gate_failures(_run(_item("a", "refuted")), "", None) == []


def test_fails_on_named_verdicts_only() -> None:
    result = _run(_item("b", "outdated", 20), _item("a", "refuted", 10), _item("c", "supported", 30))
    failures = gate_failures(result, "refuted, outdated", None)
    assert len(failures) == 2
    assert failures[0].startswith("refuted: a.txt:10:") and failures[1].startswith("outdated: a.txt:20:")
    assert "why a" in failures[0]


def test_baseline_fails_only_on_new_or_flipped(tmp_path: Path) -> None:
    baseline = _baseline(tmp_path, {"unchanged": "refuted", "flipped": "supported", "gone": "refuted"})
    result = _run(_item("unchanged", "refuted", 1), _item("flipped", "outdated", 2), _item("new", "refuted", 3))
    failures = gate_failures(result, "refuted,outdated", baseline)
    assert [line.split(":")[0] for line in failures] == ["outdated [was supported]", "refuted [new]"]


def test_baseline_unchanged_passes(tmp_path: Path) -> None:
    baseline = _baseline(tmp_path, {"a": "refuted"})
    assert gate_failures(_run(_item("a", "refuted")), "refuted", baseline) == []


def test_flip_to_a_label_not_gated_passes(tmp_path: Path) -> None:
    baseline = _baseline(tmp_path, {"a": "refuted"})
    assert gate_failures(_run(_item("a", "supported")), "refuted", baseline) == []


def test_unknown_label_is_a_coded_error() -> None:
    with pytest.raises(FactcheckError) as caught:
        parse_fail_on("refuted,wrong")
    assert caught.value.code == E_BAD_VALUE and "wrong" in caught.value.message
    assert "supported" in caught.value.fix


@pytest.mark.parametrize(
    "content",
    ["not json", json.dumps([1, 2]), json.dumps({"claims": "x"}), json.dumps({"claims": [{"id": "a"}]}),
     json.dumps({"claims": [{"id": "a", "verdict": "bogus"}]})],  # fmt: skip
)
def test_bad_baseline_is_a_coded_located_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "claims.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FactcheckError) as caught:
        gate_failures(_run(_item("a", "refuted")), "refuted", path)
    assert caught.value.code == E_BAD_VALUE and str(path) in caught.value.render()


def test_missing_baseline_is_reported_even_without_fail_on(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="does not exist"):
        gate_failures(_run(), None, tmp_path / "nowhere.json")


def test_baseline_verdicts_reads_a_claims_json(tmp_path: Path) -> None:
    assert baseline_verdicts(_baseline(tmp_path, {"a": "outdated"})) == {"a": "outdated"}


def _cli_exit(monkeypatch: pytest.MonkeyPatch, result: RunResult, *args: str) -> int:
    """Run ``factcheck run ARGS`` with the pipeline replaced by ``result``; the exit code."""
    import sys
    import types

    from pipeline import cli

    fake = types.ModuleType("pipeline.run")
    fake.RunOptions = lambda **kwargs: kwargs  # type: ignore[attr-defined]
    fake.run = lambda options, progress=None: RunOutcome(summarise(result), result)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pipeline.run", fake)
    monkeypatch.setattr(sys, "argv", ["factcheck", "run", *args])
    with pytest.raises(SystemExit) as exited:
        cli.main()
        raise SystemExit(0)
    return int(exited.value.code or 0)


def test_cli_exit_codes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = _run(_item("a", "refuted"), _item("b", "supported"))
    assert _cli_exit(monkeypatch, result, "--fail-on", "outdated") == 0
    assert _cli_exit(monkeypatch, result) == 0
    assert _cli_exit(monkeypatch, result, "--fail-on", "wrong") == 2
    baseline = _baseline(tmp_path, {"a": "refuted"})
    assert _cli_exit(monkeypatch, result, "--fail-on", "refuted", "--baseline", str(baseline)) == 0


def test_cli_exits_1_when_the_gate_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _cli_exit(monkeypatch, _run(_item("a", "refuted")), "--fail-on", "refuted") == 1
