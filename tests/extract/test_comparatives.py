"""Comparisons, negation flips, rankings and coordination."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract, only

COMPARISONS = [
    ("JAX compiles the same network faster than MXNet.", "jax", "performance", "faster_than", ["mxnet"]),
    ("MXNet is slower than JAX on small batches.", "mxnet", "performance", "slower_than", ["jax"]),
    ("Caffe is slow in training comparatively with JAX and PyTorch.", "caffe", "performance", "slower_than", ["jax", "pytorch"]),
    ("Keras is more popular than MXNet among students.", "keras", "popularity", "more_popular_than", ["mxnet"]),
    ("MXNet is not as well-known as PyTorch.", "mxnet", "popularity", "less_popular_than", ["pytorch"]),
    ("Keras is easier to learn than JAX.", "keras", "ease_of_use", "easier_than", ["jax"]),
    ("JAX beats Caffe in deploying models to servers.", "jax", "deployment", "better_than", ["caffe"]),
]


@pytest.mark.parametrize(("text", "subject", "attribute", "relation", "objects"), COMPARISONS)
def test_comparisons_give_one_claim_per_compared_framework(
    extract: Extract, text: str, subject: str, attribute: str, relation: str, objects: list[str]
) -> None:
    claims = [c for c in only(extract(text), subject, attribute) if c.relation]
    assert sorted(c.relation.object for c in claims) == objects  # type: ignore[union-attr]
    assert {c.relation.type for c in claims} == {relation}  # type: ignore[union-attr]


def test_negation_flips_the_relation_and_is_recorded(extract: Extract) -> None:
    claims = [c for c in extract("Caffe is not as popular as TensorFlow.") if c.relation]
    assert [(c.subject, c.relation.type, c.relation.object) for c in claims] == [("caffe", "less_popular_than", "tensorflow")]  # type: ignore[union-attr]
    assert claims[0].qualifiers.negated


def test_ranking_with_followers_gives_integer_ranks(extract: Extract) -> None:
    claims = extract("In the survey, JAX tops the list followed by MXNet and Caffe.")
    ranks = {c.subject: c.value for c in claims if c.attribute == "popularity"}
    assert ranks == {"jax": 1, "mxnet": 2, "caffe": 3}


def test_least_popular_of_n_is_rank_n(extract: Extract) -> None:
    text = "MXNet has loyal users, although of the four main frameworks, it is the least popular."
    assert [c.value for c in only(extract(text), "mxnet", "popularity")] == [4]


def test_ordinals_give_ranks(extract: Extract) -> None:
    assert [c.value for c in only(extract("JAX is the second most popular library here."), "jax", "popularity")] == [2]


def test_coordinated_subjects_each_get_a_claim(extract: Extract) -> None:
    claims = extract("JAX and MXNet deliver high performance on modern accelerators.")
    assert {c.subject for c in claims if c.attribute == "performance"} == {"jax", "mxnet"}


def test_group_membership_is_not_a_rank(extract: Extract) -> None:
    claims = only(extract("JAX is one of the most popular research libraries."), "jax", "popularity")
    assert claims and all(not isinstance(c.value, int) for c in claims)
