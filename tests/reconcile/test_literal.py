"""The literal prefilter of lexicon phrases: never skips a phrase that would have matched."""

from __future__ import annotations

import re

import pytest

from pipeline.reconcile.lexicon import _compile, load_lexicon
from pipeline.reconcile.literal import fold, required_literal


@pytest.mark.parametrize(
    "phrase, literal",
    [
        ("TensorFlow Serving", "tensorflow serving"),
        (r"torch\.export", "torch.export"),
        (r"deploy\w*\s+(?:for|to)\s+production", "deploy"),
        ("colou?r", "colo"),
        ("graphs*", "graph"),
        ("x{0,2}y", ""),
        ("ab+c", "ab"),
        ("TFX|TensorFlow Extended", ""),
        ("(?:eager|graph) mode", ""),
        (r"\bfoo", ""),
        ("[Kk]eras", ""),
    ],
)
def test_required_literal_stops_where_the_phrase_stops_being_plain_text(phrase: str, literal: str) -> None:
    assert required_literal(phrase) == literal


def test_folding_covers_the_non_ascii_letters_a_case_insensitive_pattern_accepts() -> None:
    for text in ("\u212aeras", "P\u0131p", "\u017fERVING", "\u0130NSTALL"):
        pattern = re.compile(re.escape(fold(text)), re.IGNORECASE)
        assert pattern.search(text), text


def test_every_shipped_capability_phrase_needs_its_literal() -> None:
    """On texts built to match each phrase, the literal is always present."""
    lexicon = load_lexicon()
    assert len(lexicon.capability_literals) == len(lexicon.capabilities)
    assert sum(1 for literal in lexicon.capability_literals if literal) > len(lexicon.capabilities) // 2
    for (token, pattern), literal in zip(lexicon.capabilities, lexicon.capability_literals):
        sample = f"It has {literal.upper()} and more." if literal else "nothing"
        if literal and pattern.search(sample):
            assert literal in fold(sample), token


def test_prefilter_gives_the_same_capabilities_as_trying_every_phrase(shipped_quotes: list[str]) -> None:
    from dataclasses import replace

    from pipeline.reconcile.reading import _capabilities

    lexicon = load_lexicon()
    unfiltered = replace(lexicon, capability_literals=())
    for quote in shipped_quotes:
        assert _capabilities(quote, lexicon) == _capabilities(quote, unfiltered), quote


@pytest.fixture(scope="module")
def shipped_quotes() -> list[str]:
    from pipeline.catalog.yamlio import load_located
    from pipeline.paths import PROJECT_CLAIMS

    quotes = []
    for path in sorted((PROJECT_CLAIMS / "extracted").glob("*.yaml")):
        data, _ = load_located(path)
        quotes += [claim["quote"] for claim in data.get("claims", [])]
    assert quotes
    # Odd spellings a case-insensitive match still accepts.
    return quotes + ["TENSORFLOW serving via tf.JS", "\u212aeras with TensorBoard", "deploys models to production"]


def test_compile_is_case_insensitive_and_bounded() -> None:
    assert _compile("ONNX").search("exports onnx files") and not _compile("ONNX").search("onnxruntime")
