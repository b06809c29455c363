"""Extraction fixtures: the spaCy pipeline is built once per test session."""

from __future__ import annotations

from typing import Callable

import pytest

from pipeline.extract import extract_claims
from pipeline.extract.extractor import engine_for
from pipeline.records import Claim, Source
from pipeline.vocab import Vocabulary, load_vocabulary

Extract = Callable[[str], list[Claim]]


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    """The project's vocabulary."""
    return load_vocabulary()


@pytest.fixture(scope="session")
def extract(vocab: Vocabulary) -> Extract:
    """Extract the claims of one text (the pipeline is loaded once for the whole session)."""
    engine_for(vocab)

    def run(text: str) -> list[Claim]:
        return extract_claims([Source(file="case.txt", text=text)], vocab)

    return run


def pairs(claims: list[Claim]) -> set[tuple[str, str]]:
    """(subject, attribute) of every claim."""
    return {(c.subject, c.attribute) for c in claims}


def only(claims: list[Claim], subject: str, attribute: str) -> list[Claim]:
    """The claims about one subject and attribute."""
    return [c for c in claims if c.subject == subject and c.attribute == attribute]
