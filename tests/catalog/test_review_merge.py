"""Review merging on a made-up article: what counts as a reviewer's correction, located errors
in corrected fields, orphaned reviews, and how reports show review decisions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from pipeline.catalog.claims import StoredClaim, fingerprint, read_extracted_file, write_extracted
from pipeline.catalog.review import (
    SourceReview, merge_file, orphan_notice, render_review, review_sources, sync_extracted,
)  # fmt: skip
from pipeline.errors import ErrorGroup
from pipeline.records import CheckedClaim, Claim, RunResult, Source, Verdict, claim_id
from pipeline.report.csv_report import render_csv
from pipeline.report.data import build_report_data
from pipeline.report.json_report import run_document
from pipeline.report.markdown_index import render_index
from pipeline.report.markdown_sources import render_source
from pipeline.vocab import load_vocabulary

VOCAB = load_vocabulary()
TEXT = "MXNet is written in C++. Caffe runs on Linux.\n"


def _source(text: str = TEXT) -> Source:
    return Source(file="notes.txt", text=text)


def _claim(quote: str, subject: str, attribute: str, value: object, text: str = TEXT) -> Claim:
    start = text.index(quote)
    return Claim(
        id=claim_id("notes.txt", start, start + len(quote), subject, attribute),
        source="notes.txt", start=start, end=start + len(quote), quote=quote,
        subject=subject, attribute=attribute, value=value, rule="test",
    )  # fmt: skip


def _mxnet(text: str = TEXT) -> Claim:
    return _claim("MXNet is written in C++.", "mxnet", "implementation_language", ["c++"], text)


def _caffe(text: str = TEXT) -> Claim:
    return _claim("Caffe runs on Linux.", "caffe", "platforms", ["linux"], text)


def _edit(path: Path, position: int, key: str = "claims", **fields: object) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[key][position].update(fields)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_a_field_fixed_in_place_becomes_edited_and_keeps_its_id(tmp_path: Path) -> None:
    sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB)
    _edit(tmp_path / "notes.yaml", 1, value=["linux", "macos"])  # no `review:` written
    (mxnet, caffe) = sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB).claims
    assert (caffe.id, caffe.value, caffe.review) == (_caffe().id, ["linux", "macos"], "edited")
    assert mxnet.review is None
    again = sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB).claims
    assert again[1].value == ["linux", "macos"] and again[1].review == "edited"


def test_a_value_the_extractor_now_reads_differently_is_not_a_review() -> None:
    old = _caffe()
    new = old.model_copy(update={"value": ["linux", "windows"]})  # the rules changed, nobody edited the file
    merged = merge_file([new], [StoredClaim(old, 8, fingerprint(old))], _source())
    assert (merged.claims[0].value, merged.claims[0].review) == (["linux", "windows"], None)


def test_a_file_written_before_fingerprints_compares_with_the_new_extraction() -> None:
    old = _caffe().model_copy(update={"subject": "mxnet"})
    merged = merge_file([_caffe()], [StoredClaim(old)], _source())
    assert (merged.claims[0].subject, merged.claims[0].review) == ("mxnet", "edited")


def test_a_note_alone_is_carried_over() -> None:
    old = _caffe().model_copy(update={"note": "check the wheels"})
    merged = merge_file([_caffe()], [StoredClaim(old, 8, fingerprint(_caffe()))], _source())
    assert (merged.claims[0].note, merged.claims[0].review) == ("check the wheels", None)


def test_an_unknown_subject_in_a_fix_is_a_located_error_and_nothing_is_written(tmp_path: Path) -> None:
    sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB)
    path = tmp_path / "notes.yaml"
    _edit(path, 1, subject="cafe")
    before = path.read_bytes()
    with pytest.raises(ErrorGroup) as caught:
        sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB)
    (error,) = caught.value.errors
    line = path.read_text().splitlines().index("  subject: cafe") + 1
    assert error.code == "E103" and f"notes.yaml:{line}" in error.render() and "claims[1].subject" in error.render()
    assert path.read_bytes() == before


def test_review_whose_quote_left_the_article_is_orphaned_then_restored(tmp_path: Path) -> None:
    sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB)
    path = tmp_path / "notes.yaml"
    _edit(path, 0, review="accepted", note="right")
    changed = _source("MXNet is written in C++.\n")
    synced = sync_extracted(tmp_path, [changed], [_mxnet(changed.text)], VOCAB)
    assert [c.quote for c in synced.claims] == ["MXNet is written in C++."] and synced.orphaned == []
    _edit(path, 0, review="rejected")
    without = _source("Caffe runs on Linux.\n")
    synced = sync_extracted(tmp_path, [without], [_caffe(without.text)], VOCAB)
    assert [(c.id, c.review) for c in synced.orphaned] == [(_mxnet().id, "rejected")]
    assert read_extracted_file(tmp_path, without, VOCAB).orphaned[0].claim.note == "right"
    synced = sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB)  # the sentence is back
    assert synced.orphaned == [] and synced.claims[0].review == "rejected"


def test_orphaned_entries_are_validated_with_their_location(tmp_path: Path) -> None:
    kept = _mxnet().model_copy(update={"review": "accepted"})
    write_extracted(tmp_path, _source(), [_caffe()], orphaned=[kept])
    _edit(tmp_path / "notes.yaml", 0, key="orphaned", attribute="colour")
    with pytest.raises(ErrorGroup) as caught:
        read_extracted_file(tmp_path, _source(), VOCAB)
    assert "orphaned[0].attribute" in caught.value.render() and caught.value.errors[0].code == "E104"


def test_orphan_notice_names_the_file_to_fix(tmp_path: Path) -> None:
    (line,) = orphan_notice([_mxnet()], tmp_path)
    assert line.startswith("1 reviewed claim(s) of notes.txt") and str(tmp_path / "notes.yaml") in line


def test_review_listing_counts_and_missing_files(tmp_path: Path) -> None:
    other = Source(file="later.md", text="Nothing yet.")
    sync_extracted(tmp_path, [_source()], [_mxnet(), _caffe()], VOCAB)
    _edit(tmp_path / "notes.yaml", 0, review="accepted")
    reviews = review_sources(tmp_path, [other, _source()], VOCAB)
    assert [r.counts() for r in reviews][1] == {"accepted": 1, "rejected": 0, "edited": 0, "unreviewed": 1, "orphaned": 0}
    text = render_review(reviews)
    assert "not extracted yet" in text and _caffe().id in text and _mxnet().id not in text
    assert "accepted" in render_review(reviews, show_all=True).split(_mxnet().id)[0].splitlines()[-1]
    assert isinstance(reviews[0], SourceReview) and text.splitlines()[-1].split() == ["All", "1", "0", "0", "1", "0"]


def _run_result() -> RunResult:
    accepted = _mxnet().model_copy(update={"review": "accepted", "note": "fine"})
    verdict = Verdict(claim_id=accepted.id, label="supported", rationale="It is.")
    rejected = _caffe().model_copy(update={"review": "rejected", "note": "not | a claim"})
    orphan = _caffe().model_copy(update={"id": "notes-gone", "review": "edited", "quote": "Caffe2 runs on iOS."})
    return RunResult(sources=(_source(),), checked=(CheckedClaim(claim=accepted, verdict=verdict),),
                     rejected=(rejected,), orphaned=(orphan,))  # fmt: skip


def test_reports_list_rejected_and_orphaned_claims_apart_deterministically() -> None:
    data = build_report_data(_run_result(), VOCAB)
    page = render_source(data, data.pages[0])
    assert "## Rejected in review" in page and "not \\| a claim" in page and "## Orphaned reviews" in page
    assert "Review: 1 accepted · 1 rejected · 1 orphaned" in page and "| accepted |" in page
    assert "1 claim(s) rejected in review" in render_index(data)
    document = run_document(data)
    assert [c["id"] for c in document["claims"]] == [_mxnet().id] and document["claims"][0]["review"] == "accepted"
    assert document["rejected"][0]["note"] == "not | a claim" and document["rejected"][0]["line"] == 1
    assert [c["id"] for c in document["orphaned"]] == ["notes-gone"]
    rows = list(csv.DictReader(io.StringIO(render_csv(data))))
    assert [(row["id"], row["review"]) for row in rows] == [(_mxnet().id, "accepted")]
    again = build_report_data(_run_result(), VOCAB)
    assert render_source(again, again.pages[0]) == page and json.dumps(run_document(again)) == json.dumps(document)
