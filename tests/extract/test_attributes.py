"""Attribute detection and framework aliases, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract, pairs

ATTRIBUTE_CASES = [
    ("MXNet is implemented in C++ with a thin layer of glue code.", "mxnet", "implementation_language"),
    ("JAX offers Python and C++ bindings for numerical programs.", "jax", "api_language"),
    ("PyTorch exposes a low-level API for tensor programs.", "pytorch", "api_level"),
    ("Most newcomers say Keras is easy to learn.", "keras", "ease_of_use"),
    ("In our benchmark JAX had high performance on long sequences.", "jax", "performance"),
    ("Keras remains a good fit for small datasets in classrooms.", "keras", "dataset_scale"),
    ("Debugging PyTorch models works with the standard pdb tool.", "pytorch", "debugging"),
    ("TensorFlow is still a popular choice among enterprises.", "tensorflow", "popularity"),
    ("PyTorch enjoys strong community support on its forums.", "pytorch", "community"),
    ("The JAX documentation gained many new tutorials this year.", "jax", "documentation"),
    ("Caffe is released under a BSD license.", "caffe", "license"),
    ("MXNet was first released in 2015 by a university group.", "mxnet", "initial_release"),
    ("Caffe was developed by the Berkeley Vision and Learning Center.", "caffe", "developer_org"),
    ("Deeplearning4j runs on Linux, Windows and macOS.", "deeplearning4j", "platforms"),
    ("Keras supports Python 3.9 and 3.10 in its latest release.", "keras", "python_versions"),
    ("Keras 3 can run on top of JAX, TensorFlow or PyTorch.", "keras", "backends"),
    ("PyTorch builds a dynamic computational graph on every forward pass.", "pytorch", "execution_model"),
    ("JAX scales to data parallelism across hundreds of accelerators.", "jax", "distributed_training"),
    ("Theano can use both CPUs and GPUs.", "theano", "hardware_support"),
    ("TensorFlow Serving makes deployment of trained networks routine.", "tensorflow", "deployment"),
    ("Phones run TensorFlow models through TensorFlow Lite.", "tensorflow", "mobile"),
    ("PyTorch users often rely on TensorBoard for visualization.", "pytorch", "visualization"),
    ("Keras ships many pre-trained models for vision tasks.", "keras", "pretrained_models"),
    ("Keras was merged into TensorFlow as its official high-level interface.", "keras", "integration"),
    ("Researchers mostly use PyTorch for computer vision experiments.", "pytorch", "use_case"),
]


@pytest.mark.parametrize(("text", "subject", "attribute"), ATTRIBUTE_CASES, ids=[c[2] for c in ATTRIBUTE_CASES])
def test_each_attribute_is_detected(extract: Extract, text: str, subject: str, attribute: str) -> None:
    assert (subject, attribute) in pairs(extract(text))


ALIAS_CASES = [
    ("Tensor Flow is released under the Apache 2.0 license.", "tensorflow"),
    ("Tensorflow is released under the Apache 2.0 license.", "tensorflow"),
    ("Pytorch is released under a BSD license.", "pytorch"),
    ("tf.keras is released under the Apache 2.0 license.", "keras"),
    ("The tf. Keras package is released under the Apache 2.0 license.", "keras"),
    ("Caffee is released under a BSD license.", "caffe"),
    ("Aesara is released under a BSD license.", "theano"),
]


@pytest.mark.parametrize(("text", "subject"), ALIAS_CASES)
def test_aliases_and_misspellings_name_the_framework(extract: Extract, text: str, subject: str) -> None:
    assert (subject, "license") in pairs(extract(text))


def test_torch_after_based_on_is_the_lua_framework(extract: Extract) -> None:
    claims = extract("PyTorch grew out of a framework based on the torch library.")
    assert ("pytorch", "integration") in pairs(claims)
    assert all(c.subject != "pytorch" or c.attribute == "integration" for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Let us explore how Keras and PyTorch differ.",
        "In this article we will compare TensorFlow with JAX.",
        "Is TensorFlow faster than PyTorch?",
        "We met the PyTorch maintainers at a conference last spring.",
    ],
)
def test_sentences_that_claim_nothing_yield_nothing(extract: Extract, text: str) -> None:
    assert extract(text) == []
