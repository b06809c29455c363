"""The review workflow end to end, with the real spaCy model on a copy of one short article.

One scenario, run once per module: extract; a reviewer accepts, rejects and corrects claims
(one correction without writing ``review:``); re-run; the article is then edited (a line
added on top shifts every offset, and one reviewed sentence is deleted); re-run through the
command line. The tests read the files each stage left behind.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.paths import PROJECT_ROOT, Folders
from pipeline.run import RunOptions, run

ARTICLE = "002_25b01e57d75144bf.txt"
STEM = ARTICLE.rsplit(".", 1)[0]
INDEX = f"sources:\n  - file: {ARTICLE}\n    title: Three frameworks\n    published: \"2019\"\n"
CURATED = "# Hand-written.\nclaims:\n  - source: {article}\n    quote: Keras is slow.\n    subject: keras\n    attribute: performance\n    value: slow\n"


@dataclass
class Scenario:
    """What each stage left behind."""

    folders: Folders
    picked: dict[str, dict[str, Any]]  # role -> the entry as first extracted
    reviewed_yaml: dict[str, Any]  # the extracted file after the second run
    reviewed_json: dict[str, Any]
    reviewed_page: str
    reviewed_index: str
    review_output: subprocess.CompletedProcess[str]
    review_all_output: subprocess.CompletedProcess[str]
    edited_yaml: dict[str, Any]  # after the article was edited and run again
    edited_json: dict[str, Any]
    edited_page: str
    edited_run: subprocess.CompletedProcess[str]
    curated_before: bytes


def factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=600)


def _first(entries: list[dict[str, Any]], attribute: str, taken: set[str]) -> dict[str, Any]:
    """The first claim of ``attribute`` whose quote no other picked claim uses."""
    return next(e for e in entries if e["attribute"] == attribute and e["quote"] not in taken)


def _pick(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    picked: dict[str, dict[str, Any]] = {}
    for role, attribute in (("fixed", "license"), ("accepted", "license"), ("rejected", "use_case"),
                            ("edited", "api_level"), ("orphan", "ease_of_use")):  # fmt: skip
        picked[role] = dict(_first(entries, attribute, {p["quote"] for p in picked.values()}))
    return picked


def _review(path: Path, picked: dict[str, dict[str, Any]]) -> None:
    """What a reviewer types into the extracted file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in data["claims"]}
    by_id[picked["fixed"]["id"]]["value"] = "Apache-2.0"  # corrected in place, no `review:`
    by_id[picked["accepted"]["id"]].update(review="accepted", note="checked against the article")
    by_id[picked["rejected"]["id"]].update(review="rejected", note="marketing, not a claim")
    by_id[picked["edited"]["id"]].update(review="edited", value="low")
    by_id[picked["orphan"]["id"]]["review"] = "accepted"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _outputs(folders: Folders) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    extracted = yaml.safe_load((folders.extracted / f"{STEM}.yaml").read_text(encoding="utf-8"))
    document = json.loads((folders.reports / "claims.json").read_text(encoding="utf-8"))
    page = (folders.reports / "sources" / f"{STEM}.md").read_text(encoding="utf-8")
    return extracted, document, page, (folders.reports / "index.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    root = tmp_path_factory.mktemp("review")
    sources, claims = root / "sources", root / "claims"
    sources.mkdir()
    shutil.copy(PROJECT_ROOT / "sources" / ARTICLE, sources / ARTICLE)
    (sources / "index.yaml").write_text(INDEX, encoding="utf-8")
    (claims / "probes").mkdir(parents=True)  # no probes: verdicts come from facts alone, quickly
    (claims / "curated").mkdir()
    curated = claims / "curated" / "mine.yaml"
    curated.write_text(CURATED.format(article=ARTICLE), encoding="utf-8")
    curated_before = curated.read_bytes()
    folders = Folders(sources=sources, claims=claims, reports=root / "reports", cache=root / "cache")
    cli_folders = ("--sources", str(sources), "--claims", str(claims))

    run(RunOptions(folders=folders))
    extracted_path = folders.extracted / f"{STEM}.yaml"
    picked = _pick(yaml.safe_load(extracted_path.read_text(encoding="utf-8"))["claims"])
    _review(extracted_path, picked)
    run(RunOptions(folders=folders))
    reviewed = _outputs(folders)
    review_output = factcheck("review", *cli_folders)
    review_all_output = factcheck("review", *cli_folders, "--source", ARTICLE, "--all")

    text = (sources / ARTICLE).read_text(encoding="utf-8")
    edited_text = "Updated for 2024 readers.\n\n" + text.replace(picked["orphan"]["quote"], "")
    (sources / ARTICLE).write_text(edited_text, encoding="utf-8")
    edited_run = factcheck("run", *cli_folders, "--reports", str(folders.reports))
    edited = _outputs(folders)
    return Scenario(folders, picked, *reviewed, review_output, review_all_output, *edited[:3], edited_run, curated_before)


def _entry(data: dict[str, Any], quote: str, attribute: str, key: str = "claims") -> dict[str, Any]:
    (found,) = [e for e in data.get(key) or [] if e["quote"] == quote and e["attribute"] == attribute]
    return found


def test_decisions_and_fixes_survive_re_extraction(scenario: Scenario) -> None:
    picked, data = scenario.picked, scenario.reviewed_yaml
    fixed = _entry(data, picked["fixed"]["quote"], "license")
    assert (fixed["id"], fixed["value"], fixed["review"]) == (picked["fixed"]["id"], "Apache-2.0", "edited")
    assert fixed["fingerprint"] == picked["fixed"]["fingerprint"]  # what extraction produced, unchanged
    accepted = _entry(data, picked["accepted"]["quote"], "license")
    assert (accepted["id"], accepted["review"], accepted["note"]) == (picked["accepted"]["id"], "accepted", "checked against the article")
    assert _entry(data, picked["rejected"]["quote"], "use_case")["review"] == "rejected"
    edited = _entry(data, picked["edited"]["quote"], "api_level")
    assert (edited["id"], edited["value"], edited["review"]) == (picked["edited"]["id"], "low", "edited")


def test_rejected_claim_is_not_judged_but_listed_apart(scenario: Scenario) -> None:
    rejected_id = scenario.picked["rejected"]["id"]
    document = scenario.reviewed_json
    assert rejected_id not in {claim["id"] for claim in document["claims"]}
    (listed,) = document["rejected"]
    assert (listed["id"], listed["review"], listed["note"]) == (rejected_id, "rejected", "marketing, not a claim")
    assert listed["line"] is not None
    page = scenario.reviewed_page
    assert "## Rejected in review" in page and "marketing, not a claim" in page
    assert "1 claim(s) rejected in review" in scenario.reviewed_index


def test_reviewed_claims_show_their_status_in_reports(scenario: Scenario) -> None:
    claims = {claim["id"]: claim for claim in scenario.reviewed_json["claims"]}
    assert claims[scenario.picked["fixed"]["id"]]["value"] == "Apache-2.0"
    assert claims[scenario.picked["fixed"]["id"]]["review"] == "edited"
    assert claims[scenario.picked["accepted"]["id"]]["review"] == "accepted"
    page = scenario.reviewed_page
    assert "| Review |" in page
    assert "- **Review:** accepted — checked against the article" in page
    assert "Review: 2 accepted · 2 edited · " in page and " · 1 rejected" in page


def test_review_command_lists_unreviewed_claims_and_counts(scenario: Scenario) -> None:
    result = scenario.review_output
    assert result.returncode == 0, result.stderr
    ids = {entry["id"] for entry in scenario.reviewed_yaml["claims"]}  # the file the command read
    reviewed = {p["id"] for p in scenario.picked.values()}
    unreviewed = ids - reviewed
    assert unreviewed and all(identifier in result.stdout for identifier in unreviewed)
    assert not any(identifier in result.stdout for identifier in reviewed)
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith(ARTICLE)]
    (counts,) = [row[1:] for row in rows if all(part.isdigit() for part in row[1:])]  # the summary row
    assert counts == ["2", "1", "2", str(len(unreviewed)), "0"]  # accepted rejected edited unreviewed orphaned
    listing = scenario.review_all_output.stdout
    assert scenario.review_all_output.returncode == 0
    assert all(identifier in listing for identifier in ids)
    assert any("accepted" in line and scenario.picked["accepted"]["id"] in line for line in listing.splitlines())


def test_reviews_follow_their_quote_when_the_article_shifts(scenario: Scenario) -> None:
    picked, data = scenario.picked, scenario.edited_yaml
    assert scenario.edited_run.returncode == 0, scenario.edited_run.stderr
    fixed = _entry(data, picked["fixed"]["quote"], "license")
    assert (fixed["value"], fixed["review"]) == ("Apache-2.0", "edited")
    assert fixed["start"] == picked["fixed"]["start"] + len("Updated for 2024 readers.\n\n")
    assert _entry(data, picked["accepted"]["quote"], "license")["review"] == "accepted"
    assert _entry(data, picked["rejected"]["quote"], "use_case")["review"] == "rejected"
    assert _entry(data, picked["edited"]["quote"], "api_level")["value"] == "low"
    assert [c["id"] for c in scenario.edited_json["rejected"]] == [_entry(data, picked["rejected"]["quote"], "use_case")["id"]]


def test_review_whose_quote_is_gone_is_kept_as_orphaned_and_reported(scenario: Scenario) -> None:
    orphan = scenario.picked["orphan"]
    kept = _entry(scenario.edited_yaml, orphan["quote"], "ease_of_use", key="orphaned")
    assert (kept["id"], kept["review"]) == (orphan["id"], "accepted")
    assert orphan["quote"] not in {c["quote"] for c in scenario.edited_yaml["claims"]}
    assert [c["id"] for c in scenario.edited_json["orphaned"]] == [orphan["id"]]
    assert orphan["id"] not in {c["id"] for c in scenario.edited_json["claims"]}
    assert "## Orphaned reviews" in scenario.edited_page
    assert "1 reviewed claim(s) of " + ARTICLE in scenario.edited_run.stderr and "orphaned:" in scenario.edited_run.stderr


def test_orphaned_review_survives_further_runs(scenario: Scenario) -> None:
    folders = scenario.folders
    outcome = run(RunOptions(folders=folders, force=True))
    assert outcome.result is not None and [c.id for c in outcome.result.orphaned] == [scenario.picked["orphan"]["id"]]
    data = yaml.safe_load((folders.extracted / f"{STEM}.yaml").read_text(encoding="utf-8"))
    assert _entry(data, scenario.picked["orphan"]["quote"], "ease_of_use", key="orphaned")["review"] == "accepted"


def test_curated_file_is_never_written(scenario: Scenario) -> None:
    assert (scenario.folders.curated / "mine.yaml").read_bytes() == scenario.curated_before
