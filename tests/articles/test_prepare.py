"""The per-article stage: the same result in one process or several, errors located, files staged."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from dataclasses import dataclass

from pipeline.articles import ArticleSetup, PreparedArticle, each_article
from pipeline.catalog.staging import STAGING_PREFIX, move_into_place, staging_folder
from pipeline.errors import ErrorGroup
from pipeline.paths import PROJECT_CLAIMS
from pipeline.reconcile.lexicon import load_lexicon
from pipeline.reconcile.reading import read_claim
from pipeline.records import Source
from pipeline.vocab import load_vocabulary

ARTICLES = {
    "a.txt": "PyTorch is written in Python and C++. It runs on Linux, Windows and macOS.",
    "b.txt": "Keras runs on top of TensorFlow. TensorFlow is developed by Google.",
    "c.md": "# Notes\n\nJAX was released by Google in 2018. TensorFlow uses static graphs.",
}


@dataclass(frozen=True)
class Prepared:
    """Every article of one pass, held for the assertions."""

    articles: tuple[PreparedArticle, ...]

    @property
    def parsed(self) -> int:
        return sum(article.parsed for article in self.articles)

    def errors(self) -> list:  # type: ignore[type-arg]
        return [error for article in self.articles for error in article.errors]


def prepare_articles(sources: list[Source], setup: ArticleSetup, jobs: int) -> Prepared:
    return Prepared(tuple(each_article(sources, setup, jobs)))


def _sources(texts: dict[str, str] = ARTICLES) -> list[Source]:
    return [Source(file=name, text=text) for name, text in texts.items()]


def _setup(tmp_path: Path, staging: Path | None) -> ArticleSetup:
    return ArticleSetup(PROJECT_CLAIMS / "vocabulary.yaml", tmp_path / "claims", tmp_path / "cache", "rules", staging)


def _staged(staging: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(staging.glob("*.yaml"))}


def test_two_workers_give_what_one_process_gives(tmp_path: Path) -> None:
    results = {}
    for jobs in (1, 2):
        staging = tmp_path / f"staging-{jobs}"
        staging.mkdir()
        # a fresh cache each time, so both parse every article
        setup = ArticleSetup(PROJECT_CLAIMS / "vocabulary.yaml", tmp_path / "claims", tmp_path / f"cache-{jobs}", "r", staging)
        results[jobs] = (prepare_articles(list(reversed(_sources())), setup, jobs), _staged(staging))
    (one, one_files), (two, two_files) = results[1], results[2]
    assert [a.file for a in one.articles] == sorted(ARTICLES)  # file-name order, whatever the input order
    def compared(article: PreparedArticle) -> tuple[object, ...]:  # the staged path names each run's own folder
        return (article.file, article.parsed, article.claims, article.orphaned, article.readings, article.errors)

    assert [compared(a) for a in one.articles] == [compared(a) for a in two.articles]
    assert one_files == two_files and set(one_files) == {"a.yaml", "b.yaml", "c.yaml"}
    assert one.parsed == two.parsed == 3 and sum(len(a.claims) for a in one.articles) >= 5


def test_readings_are_those_reconciliation_would_make(tmp_path: Path) -> None:
    prepared = prepare_articles(_sources(), _setup(tmp_path, None), 1)
    vocab, lexicon = load_vocabulary(), load_lexicon()
    for article in prepared.articles:
        assert article.readings == tuple((claim.id, read_claim(claim, vocab, lexicon)) for claim in article.claims)
        assert article.staged is None and not article.orphaned


def test_a_second_pass_reads_the_cache_and_parses_nothing(tmp_path: Path) -> None:
    first = prepare_articles(_sources(), _setup(tmp_path, None), 1)
    again = prepare_articles(_sources(), _setup(tmp_path, None), 2)
    assert first.parsed == 3 and again.parsed == 0
    assert [a.claims for a in first.articles] == [a.claims for a in again.articles]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_malformed_claim_file_is_a_located_error_from_any_worker(tmp_path: Path, jobs: int) -> None:
    extracted = tmp_path / "claims" / "extracted"
    extracted.mkdir(parents=True)
    (extracted / "b.yaml").write_text("source: b.txt\nclaims:\n  - id: x\n    subject: [not, a, name]\n", encoding="utf-8")
    staging = tmp_path / "staging"
    staging.mkdir()
    prepared = prepare_articles(_sources(), _setup(tmp_path, staging), jobs)
    errors = prepared.errors()
    assert errors and all(str(error.location.file).endswith("b.yaml") for error in errors)
    assert all(error.location.line is not None for error in errors)
    assert [a.file for a in prepared.articles if a.errors] == ["b.txt"]


def test_staged_files_replace_the_old_ones_keeping_their_mode(tmp_path: Path) -> None:
    folder = tmp_path / "extracted"
    folder.mkdir()
    (folder / f"{STAGING_PREFIX}left-by-a-killed-run").mkdir()
    old = folder / "a.yaml"
    old.write_text("old\n", encoding="utf-8")
    os.chmod(old, 0o600)
    with staging_folder(folder) as staging:
        assert not (folder / f"{STAGING_PREFIX}left-by-a-killed-run").exists()
        (staging / "a.yaml").write_text("new\n", encoding="utf-8")
        (staging / "b.yaml").write_text("b\n", encoding="utf-8")
        move_into_place([staging / "a.yaml", staging / "b.yaml"], folder)
    assert old.read_text(encoding="utf-8") == "new\n" and stat.S_IMODE(old.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml", "b.yaml"]  # the staging folder is gone


def test_a_run_with_one_bad_claim_file_moves_nothing_into_place(tmp_path: Path) -> None:
    from pipeline.catalog.review import sync_extracted

    vocab = load_vocabulary()
    sources = _sources()
    folder = tmp_path / "extracted"
    folder.mkdir()
    (folder / "a.yaml").write_text("source: a.txt\nclaims: []\n", encoding="utf-8")
    (folder / "c.yaml").write_text("source: c.md\nclaims: {broken\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(ErrorGroup):
        sync_extracted(folder, sources, [], vocab)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert yaml.safe_load((folder / "a.yaml").read_text(encoding="utf-8")) == {"source": "a.txt", "claims": []}


def test_chunks_are_runs_of_neighbours_of_bounded_size() -> None:
    from pipeline.articles.pool import neighbour_chunks

    sources = [Source(file=f"{n:03d}.txt", text="x" * (10 + n % 7)) for n in range(100)]
    chunks = neighbour_chunks(sources, 4, most=16)
    assert [s for chunk in chunks for s in chunk] == sources  # order kept, nothing lost or repeated
    assert [len(chunk) for chunk in chunks] == [16] * 6 + [4]
    assert [len(chunk) for chunk in neighbour_chunks(sources, 40, most=16)] == [3] * 33 + [1]
    assert neighbour_chunks([], 3) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_sources_without_text_are_read_where_they_are_prepared(tmp_path: Path, jobs: int) -> None:
    from pipeline.ingest.loader import load_sources

    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with_texts = prepare_articles(load_sources(folder), _setup(tmp_path, None), 1)
    light = load_sources(folder, texts=False)
    setup = ArticleSetup(PROJECT_CLAIMS / "vocabulary.yaml", tmp_path / "claims", tmp_path / "cache", "rules", None, folder)
    without = prepare_articles(light, setup, jobs)
    assert [(a.file, a.claims, a.readings) for a in without.articles] == [(a.file, a.claims, a.readings) for a in with_texts.articles]
    assert sum(len(a.claims) for a in without.articles) >= 5
