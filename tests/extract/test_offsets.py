"""Every claim on the project's articles points at its quote, and extraction is deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_claims
from pipeline.ingest.loader import load_sources
from pipeline.paths import PROJECT_ROOT
from pipeline.records import Claim, Source
from pipeline.vocab import Vocabulary

SOURCES = PROJECT_ROOT / "sources"


@pytest.fixture(scope="module")
def loaded() -> list[Source]:
    return load_sources(SOURCES)


@pytest.fixture(scope="module")
def claims(loaded: list[Source], vocab: Vocabulary) -> list[Claim]:
    return extract_claims(loaded, vocab)


def test_offsets_round_trip_on_every_claim(loaded: list[Source], claims: list[Claim]) -> None:
    texts = {s.file: s.text for s in loaded}
    assert claims
    for claim in claims:
        assert texts[claim.source][claim.start : claim.end] == claim.quote  # type: ignore[index]
        assert claim.quote.strip() == claim.quote and claim.quote


def test_no_claim_comes_from_boilerplate(loaded: list[Source], claims: list[Claim]) -> None:
    by_file = {s.file: s for s in loaded}
    assert not [c for c in claims if by_file[c.source].is_boilerplate(c.start, c.end)]  # type: ignore[arg-type]


def test_output_is_deterministic_and_sorted(loaded: list[Source], claims: list[Claim], vocab: Vocabulary) -> None:
    again = extract_claims(list(reversed(loaded)), vocab)
    assert [c.model_dump() for c in again] == [c.model_dump() for c in claims]
    keys = [(c.source, c.start, c.subject, c.attribute) for c in claims]
    assert keys == sorted(keys)


def test_claims_use_the_vocabulary(claims: list[Claim], vocab: Vocabulary) -> None:
    assert {c.subject for c in claims} <= set(vocab.subjects)
    assert {c.attribute for c in claims} <= set(vocab.attributes)
    assert all(c.rule for c in claims)
    assert len({c.id for c in claims}) == len(claims)
    from pipeline.errors import Location

    assert [c.id for c in claims if vocab.check_value(c.attribute, c.value, Location("x")) is not None] == []


def test_fixture_article_offsets(vocab: Vocabulary) -> None:
    folder = Path(__file__).parent / "fixtures" / "articles"
    for source in load_sources(folder):
        for claim in extract_claims([source], vocab):
            assert source.text[claim.start : claim.end] == claim.quote  # type: ignore[index]
