"""Phrasings that other authors use for the same attributes, on sentences written for these tests.

Each case stands for a class of wording (not a sentence of any labelled article): who made a
framework, how it executes, rankings in prose, recommendations, maturity, pretrained models,
one framework hosting another, and the words that look like a cue but are not one.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract, only, pairs

FOUND = [
    # developer_org
    ("Caffe was open-sourced by Berkeley researchers and Microsoft in 2014.", "caffe", "developer_org"),
    ("MXNet came out of Amazon engineering teams years ago.", "mxnet", "developer_org"),
    ("Deeplearning4j, which Microsoft quietly released in 2014, targets the JVM.", "deeplearning4j", "developer_org"),
    ("PyTorch grew fast. Since 2023 the project has been governed by the Linux Foundation.", "pytorch", "developer_org"),
    ("MXNet is stewarded by the Apache Software Foundation nowadays.", "mxnet", "developer_org"),
    ("CNTK was first developed at Microsoft Research.", "cntk", "developer_org"),
    # initial_release
    ("CNTK came out of a Microsoft lab in late 2015.", "cntk", "initial_release"),
    # execution_model
    ("Theano first builds a static computation graph before any number is computed.", "theano", "execution_model"),
    ("With MXNet symbols you define the graph first and feed data afterwards.", "mxnet", "execution_model"),
    ("Old TensorFlow code executes everything inside a session object.", "tensorflow", "execution_model"),
    ("JAX runs eagerly by default, like NumPy.", "jax", "execution_model"),
    ("Wrapping a PyTorch function in torch.compile speeds it up.", "pytorch", "execution_model"),
    # popularity
    ("Keras has more GitHub stars than Theano.", "keras", "popularity"),
    ("Caffe now gets fewer papers than PyTorch every year.", "caffe", "popularity"),
    # community
    ("JAX is not as mature as TensorFlow yet.", "jax", "community"),
    ("TensorFlow is more mature than JAX in tooling.", "tensorflow", "community"),
    # use_case
    ("Pick MXNet if your cluster already runs on Amazon.", "mxnet", "use_case"),
    ("If you only need a quick prototype, choose Keras: it takes ten lines.", "keras", "use_case"),
    ("For production pipelines TensorFlow is the safer choice.", "tensorflow", "use_case"),
    ("Teams that want to ship quickly should start with Keras.", "keras", "use_case"),
    # ease_of_use
    ("Among the options, Keras is the easiest to pick up.", "keras", "ease_of_use"),
    # pretrained_models
    ("MXNet comes with pretrained vision models in its Gluon zoo.", "mxnet", "pretrained_models"),
    ("Keras offers pre-trained ImageNet weights for many networks.", "keras", "pretrained_models"),
    # integration: the framework hosted by another one
    ("TensorFlow ships its own build as tf.keras these days.", "keras", "integration"),
    ("TensorFlow 2.0 made Keras the official high-level front door.", "keras", "integration"),
    ("Most JAX users pair it with Optax for optimisers.", "jax", "integration"),
    # api_level
    ("Theano is rather low level compared with its successors.", "theano", "api_level"),
]


@pytest.mark.parametrize(("text", "subject", "attribute"), FOUND, ids=[f"{c[2]}-{n}" for n, c in enumerate(FOUND)])
def test_phrasing_is_read(extract: Extract, text: str, subject: str, attribute: str) -> None:
    assert (subject, attribute) in pairs(extract(text))


NOT_FOUND = [
    # a version's release is not the framework's first release
    ("Keras 3.0, released in late 2023, made the backend a setting.", "keras", "initial_release"),
    ("Keras 3 was released in late 2023 as a rewrite.", "keras", "initial_release"),
    ("Since 2021 PyTorch has shipped a new release every quarter.", "pytorch", "initial_release"),
    # who and when, not which license
    ("Caffe was open-sourced by Berkeley in 2014.", "caffe", "license"),
    # a product beside the framework, not the framework, is maintained by someone
    ("TorchServe, maintained by AWS, hosts PyTorch models.", "pytorch", "developer_org"),
    # other senses of value words
    ("MXNet binaries are distributed under an Apache licence.", "mxnet", "distributed_training"),
    ("The PyTorch Foundation is part of the Linux Foundation.", "pytorch", "platforms"),
    ("For multi-GPU jobs, JAX relies on pmap.", "jax", "hardware_support"),
    ("TensorFlow Lite runs models on Android phones.", "tensorflow", "platforms"),
    # the user's own model, not a pretrained one
    ("TensorFlow Serving exposes a trained model over HTTP.", "tensorflow", "pretrained_models"),
    # "easier" is not a superlative
    ("Keras makes the work easier for most people.", "keras", "ease_of_use_superlative"),
    # "use X." is not a recommendation
    ("Keras users do not have to use TensorFlow.", "keras", "use_case"),
]


@pytest.mark.parametrize(("text", "subject", "attribute"), NOT_FOUND, ids=[f"{c[2]}-{n}" for n, c in enumerate(NOT_FOUND)])
def test_lookalike_is_not_read(extract: Extract, text: str, subject: str, attribute: str) -> None:
    assert (subject, attribute) not in pairs(extract(text))


RANKS = [
    ("Counting stars, the most popular library is Keras, followed by Caffe, with MXNet in third place.",
     {"keras": 1, "caffe": 2, "mxnet": 3}),
    ("By papers, JAX is the most used framework, followed by Theano and CNTK.", {"jax": 1, "theano": 2, "cntk": 3}),
    ("MXNet tops the list, with Caffe in second place.", {"mxnet": 1, "caffe": 2}),
]


@pytest.mark.parametrize(("text", "ranks"), RANKS)
def test_ranks_in_prose(extract: Extract, text: str, ranks: dict[str, int]) -> None:
    claims = extract(text)
    got = {c.subject: c.value for c in claims if c.attribute == "popularity" and isinstance(c.value, int)}
    assert got == ranks


def test_not_as_mature_is_worse_community(extract: Extract) -> None:
    claims = only(extract("CNTK is not as mature as PyTorch."), "cntk", "community")
    assert [(c.relation.type, c.relation.object) for c in claims if c.relation] == [("worse_than", "pytorch")]


TABLE = """# Notes

| | MXNet | Caffe |
|---|---|---|
| Developer | Amazon | Berkeley |
| Default execution | Eager | Static |
| Graph type | Dynamic | Static |
| Windows | Yes | No |
| Visualization | TensorBoard | None |
| Mobile | Yes | No |
"""


def test_table_rows_by_other_labels(extract: Extract) -> None:
    claims = extract(TABLE)
    values = {(c.subject, c.attribute, c.table_row): c.value for c in claims}
    assert values[("mxnet", "developer_org", "Developer")] == "amazon"
    assert values[("mxnet", "execution_model", "Default execution")] == "eager"
    assert values[("caffe", "execution_model", "Graph type")] == "static_graph"
    assert values[("mxnet", "execution_model", "Graph type")] == "dynamic_graph"
    assert ("mxnet", "visualization") in pairs(claims) and ("caffe", "mobile") in pairs(claims)
    windows = {c.subject: c for c in claims if c.attribute == "platforms"}
    assert windows["mxnet"].value == ["windows"] and not windows["mxnet"].qualifiers.negated
    assert windows["caffe"].value == ["windows"] and windows["caffe"].qualifiers.negated
