"""The per-article extraction cache: hits skip spaCy, any change to an input misses."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract import extract_claims
from pipeline.incremental.extraction import ExtractionCache, extract_incrementally, rules_digest
from pipeline.paths import Folders
from pipeline.records import Claim, Source
from pipeline.vocab import load_vocabulary

ARTICLES = {
    "a.txt": "PyTorch is written in Python and C++. It runs on Linux, Windows and macOS.",
    "b.txt": "Keras runs on top of TensorFlow. TensorFlow is developed by Google.",
    "c.txt": "JAX was released by Google in 2018.",
}


def _sources(texts: dict[str, str]) -> list[Source]:
    return [Source(file=name, text=text) for name, text in sorted(texts.items())]


class Recorder:
    """The real extractor, remembering which articles it was asked to parse."""

    def __init__(self) -> None:
        self.parsed: list[str] = []
        self.vocab = load_vocabulary()

    def __call__(self, sources: list[Source]) -> list[Claim]:
        self.parsed += [source.file for source in sources]
        return extract_claims(sources, self.vocab)


def test_a_second_pass_parses_nothing_and_gives_the_same_claims(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache", "rules")
    first, second = Recorder(), Recorder()
    found = extract_incrementally(_sources(ARTICLES), cache, first)
    claims, parsed = found.claims, len(found.parsed)
    found = extract_incrementally(_sources(ARTICLES), cache, second)
    again, parsed_again = found.claims, len(found.parsed)
    assert parsed == 3 and sorted(first.parsed) == sorted(ARTICLES)
    assert parsed_again == 0 and second.parsed == []
    assert again == claims and len(claims) > 3
    assert claims == extract_claims(_sources(ARTICLES), load_vocabulary())


def test_changing_one_article_reparses_only_that_article(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache", "rules")
    extract_incrementally(_sources(ARTICLES), cache, Recorder())
    changed = {**ARTICLES, "b.txt": ARTICLES["b.txt"] + " Keras is released under the MIT license."}
    recorder = Recorder()
    found = extract_incrementally(_sources(changed), cache, recorder)
    claims, parsed = found.claims, len(found.parsed)
    assert parsed == 1 and recorder.parsed == ["b.txt"]
    assert any(c.source == "b.txt" and c.attribute == "license" for c in claims)
    assert [c.source for c in claims] == sorted(c.source for c in claims)


def test_other_rules_miss_the_cache(tmp_path: Path) -> None:
    extract_incrementally(_sources(ARTICLES), ExtractionCache(tmp_path / "cache", "rules-1"), Recorder())
    recorder = Recorder()
    extract_incrementally(_sources(ARTICLES), ExtractionCache(tmp_path / "cache", "rules-2"), recorder)
    assert sorted(recorder.parsed) == sorted(ARTICLES)


def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache", "rules")
    extract_incrementally(_sources(ARTICLES), cache, Recorder())
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    recorder = Recorder()
    found = extract_incrementally(_sources(ARTICLES), cache, recorder)
    claims, parsed = found.claims, len(found.parsed)
    assert parsed == 3 and claims


def test_the_rules_digest_follows_the_lexicon(tmp_path: Path) -> None:
    import shutil

    from pipeline.paths import PROJECT_CLAIMS

    claims = tmp_path / "claims"
    shutil.copytree(PROJECT_CLAIMS / "lexicon", claims / "lexicon")
    before = rules_digest(Folders(claims=claims))
    assert before == rules_digest(Folders(claims=claims))
    first = sorted((claims / "lexicon").glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# a reviewer's comment\n", encoding="utf-8")
    assert rules_digest(Folders(claims=claims)) != before


def test_parallel_extraction_gives_the_same_claims() -> None:
    vocab = load_vocabulary()
    sources = _sources(ARTICLES)
    assert extract_claims(sources, vocab, jobs=2) == extract_claims(sources, vocab)
