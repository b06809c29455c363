"""Contradictions of each kind, found across sources on claims written for these tests."""

from __future__ import annotations

from pipeline.reconcile import reconcile
from pipeline.vocab import load_vocabulary
from tests.reconcile.helpers import make_claim, make_source

VOCAB = load_vocabulary()
SOURCES = [make_source("a.txt", "2020"), make_source("b.txt", "2021"), make_source("c.txt", "2022")]


def _kinds(claims: list) -> list[tuple[str, str, str]]:
    _, contradictions = reconcile(claims, SOURCES, [], [], VOCAB)
    return [(c.kind, c.claim_a, c.claim_b) for c in contradictions]


def test_values_that_disagree() -> None:
    claims = [
        make_claim("v1", "pytorch", "implementation_language", ["lua"], "Its kernels are coded in Lua.", "a.txt"),
        make_claim("v2", "pytorch", "implementation_language", ["python"], "Its heart is plain Python code.", "b.txt"),
    ]
    assert ("value", "v1", "v2") in _kinds(claims)


def test_rankings_that_disagree_pairwise() -> None:
    claims = [
        make_claim("r1", "keras", "popularity", 1, "Keras leads the pack", "a.txt"),
        make_claim("r2", "tensorflow", "popularity", 2, "then TensorFlow", "a.txt"),
        make_claim("r3", "pytorch", "popularity", 3, "and PyTorch last", "a.txt"),
        make_claim("r4", "pytorch", "popularity", "more fans", "PyTorch won more fans than TensorFlow", "b.txt",
                   relation=("more_popular_than", "tensorflow")),
    ]
    found = _kinds(claims)
    assert any(kind == "ranking" and "r4" in (a, b) for kind, a, b in found)


def test_opposite_comparisons() -> None:
    claims = [
        make_claim("c1", "tensorflow", "performance", None, "TensorFlow trains faster than PyTorch", "a.txt",
                   relation=("faster_than", "pytorch")),
        make_claim("c2", "tensorflow", "performance", None, "TensorFlow lags PyTorch in speed", "b.txt",
                   relation=("slower_than", "pytorch")),
        make_claim("c3", "pytorch", "performance", None, "PyTorch beats TensorFlow on speed", "c.txt",
                   relation=("faster_than", "tensorflow")),
    ]
    found = _kinds(claims)
    assert ("comparison", "c1", "c2") in found
    assert ("comparison", "c1", "c3") in found


def test_opposite_api_levels_are_a_comparison() -> None:
    claims = [
        make_claim("l1", "pytorch", "api_level", "low", "PyTorch sits close to the metal", "a.txt"),
        make_claim("l2", "pytorch", "api_level", "high", "PyTorch gives a high-level layer API", "b.txt"),
    ]
    assert ("comparison", "l1", "l2") in _kinds(claims)


def test_opposite_polarity() -> None:
    claims = [
        make_claim("p1", "keras", "platforms", ["windows"], "Keras installs on Windows", "a.txt"),
        make_claim("p2", "keras", "platforms", ["windows"], "Keras will not install on Windows", "b.txt", negated=True),
    ]
    assert ("polarity", "p1", "p2") in _kinds(claims)


def test_opinions_of_opposite_polarity() -> None:
    claims = [
        make_claim("o1", "jax", "ease_of_use", "easy", "JAX is easy to learn", "a.txt"),
        make_claim("o2", "jax", "ease_of_use", "hard", "JAX has a steep learning curve", "b.txt"),
    ]
    assert ("polarity", "o1", "o2") in _kinds(claims)
    checked, _ = reconcile(claims, SOURCES, [], [], VOCAB)
    assert [item.verdict.label for item in checked] == ["contested", "contested"]
