"""A large corpus in the reports: ``index.md`` summarises and links paged listings of every
article, while each article keeps a page of its own. The page sizes are lowered so a few
articles stand for thousands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import pipeline.report.markdown_listing as listing
from pipeline.records import CheckedClaim, Claim, RunResult, Source, Verdict
from pipeline.report import write_reports
from pipeline.vocab import Vocabulary

ARTICLES = 7
LABELS = ("supported", "refuted", "outdated", "contested", "unverifiable")


def _corpus(count: int) -> RunResult:
    sources, checked = [], []
    for number in range(count):
        text = f"Article {number}\n\nPyTorch is written in Lua.\n"
        source = Source(file=f"{number:03d}_post.txt", title=f"Post {number}", published=f"{2015 + number % 3}", text=text)
        start = text.index("PyTorch")
        claim = Claim(
            id=f"post{number}-pyt", source=source.file, start=start, end=start + 26, quote=text[start : start + 26],
            subject="pytorch", attribute="implementation_language", value=["Lua"],
        )  # fmt: skip
        label = LABELS[number % len(LABELS)]
        verdict = Verdict(claim_id=claim.id, label=label, rationale="because")  # type: ignore[arg-type]
        sources.append(source)
        checked.append(CheckedClaim(claim=claim, verdict=verdict))
    return RunResult(sources=tuple(sources), checked=tuple(checked))


@pytest.fixture()
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing, "SOURCES_ON_INDEX", 3)
    monkeypatch.setattr(listing, "SOURCES_PER_PAGE", 3)


def _links(text: str) -> list[str]:
    return re.findall(r"\]\(([^)#]+)[^)]*\)", text)


def test_a_large_corpus_gets_summaries_and_paged_listings(tmp_path: Path, vocab: Vocabulary, small_pages: None) -> None:
    write_reports(_corpus(ARTICLES), tmp_path, vocab)
    pages = sorted(path.name for path in (tmp_path / "sources").glob("index-*.md"))
    assert pages == ["index-001.md", "index-002.md", "index-003.md"]
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "too many to list here" in index and "Verdicts by year of publication" in index
    assert all(f"sources/{name}" in index for name in pages)
    # every article is listed exactly once over the listing pages, and has its own page
    listed = [link for name in pages for link in _links((tmp_path / "sources" / name).read_text(encoding="utf-8"))]
    articles = [link for link in listed if link.endswith("_post.md")]
    assert sorted(articles) == [f"{number:03d}_post.md" for number in range(ARTICLES)]
    assert all((tmp_path / "sources" / link).is_file() for link in articles)


def test_listing_pages_link_to_their_neighbours(tmp_path: Path, vocab: Vocabulary, small_pages: None) -> None:
    write_reports(_corpus(ARTICLES), tmp_path, vocab)
    middle = (tmp_path / "sources" / "index-002.md").read_text(encoding="utf-8")
    assert "page 2 of 3" in middle and "Articles 4–6 of 7" in middle
    assert "(index-001.md)" in middle and "(index-003.md)" in middle and "(../index.md)" in middle
    last = (tmp_path / "sources" / "index-003.md").read_text(encoding="utf-8")
    assert "index-004.md" not in last and "Articles 7–7 of 7" in last


def test_every_report_link_resolves(tmp_path: Path, vocab: Vocabulary, small_pages: None) -> None:
    write_reports(_corpus(ARTICLES), tmp_path, vocab)
    for page in tmp_path.rglob("*.md"):
        for link in _links(page.read_text(encoding="utf-8")):
            if not link.startswith("http"):
                assert (page.parent / link).exists(), f"{page.name} links to missing {link}"


def test_a_small_corpus_lists_every_article_on_the_index(tmp_path: Path, vocab: Vocabulary) -> None:
    write_reports(_corpus(ARTICLES), tmp_path, vocab)
    assert not list((tmp_path / "sources").glob("index-*.md"))
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert all(f"sources/{number:03d}_post.md" in index for number in range(ARTICLES))


def test_listing_pages_no_longer_needed_are_removed(tmp_path: Path, vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing, "SOURCES_ON_INDEX", 3)
    monkeypatch.setattr(listing, "SOURCES_PER_PAGE", 3)
    write_reports(_corpus(ARTICLES), tmp_path, vocab)
    monkeypatch.setattr(listing, "SOURCES_PER_PAGE", 5)
    write_reports(_corpus(ARTICLES), tmp_path, vocab)
    assert sorted(path.name for path in (tmp_path / "sources").glob("index-*.md")) == ["index-001.md", "index-002.md"]
