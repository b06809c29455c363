"""Qualifiers kept on the claim, and values normalised per attribute kind."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract, only

QUALIFIERS = [
    ("MXNet may be slower on small models.", "mxnet", "performance", "hedge", "may be"),
    ("Caffe might lack pre-trained models for text.", "caffe", "pretrained_models", "hedge", "might"),
    ("Currently, JAX is only available on Linux and macOS.", "jax", "platforms", "time", "currently"),
    ("Since 2020, Keras runs on Windows as well.", "keras", "platforms", "time", "since 2020"),
]


@pytest.mark.parametrize(("text", "subject", "attribute", "field", "expected"), QUALIFIERS)
def test_hedges_and_time_words_are_kept(extract: Extract, text: str, subject: str, attribute: str, field: str, expected: str) -> None:
    claims = only(extract(text), subject, attribute)
    assert claims and getattr(claims[0].qualifiers, field) == expected


def test_exclusive_and_negated(extract: Extract) -> None:
    [platforms] = only(extract("Currently, JAX is only available on Linux and macOS."), "jax", "platforms")
    assert platforms.qualifiers.exclusive and platforms.value == ["linux", "macos"]
    [ease] = only(extract("Caffe is not easy to use for text models."), "caffe", "ease_of_use")
    assert ease.qualifiers.negated


VALUES = [
    ("Deeplearning4j is written in Java and C++.", "deeplearning4j", "implementation_language", ["java", "c++"]),
    ("MXNet runs on Ubuntu, OSX and Windows.", "mxnet", "platforms", ["linux", "macos", "windows"]),
    ("JAX supports Python 3.10 and 3.11.", "jax", "python_versions", ["3.10", "3.11"]),
    ("Keras 3 can run on top of JAX and PyTorch.", "keras", "backends", ["jax", "pytorch"]),
    ("MXNet was open-sourced on March 3, 2015.", "mxnet", "initial_release", "2015-03-03"),
    ("Caffe first appeared in Sept 2013.", "caffe", "initial_release", "2013-09"),
    ("JAX was released in 2018.", "jax", "initial_release", "2018"),
    ("JAX is licensed under the Apache License 2.0.", "jax", "license", "Apache-2.0"),
    ("Caffe is distributed under the MIT license.", "caffe", "license", "MIT"),
    ("Keras is an open-source library.", "keras", "license", "open source"),
    ("Caffe was developed by Facebook researchers for a while.", "caffe", "developer_org", "meta"),
    ("MXNet provides both high and low-level APIs.", "mxnet", "api_level", "high_and_low"),
    ("JAX uses eager execution by default.", "jax", "execution_model", "eager"),
    ("Caffe defines a static computational graph before training.", "caffe", "execution_model", "static_graph"),
    ("MXNet handles large datasets well.", "mxnet", "dataset_scale", "large"),
    ("JAX runs on NVIDIA GPUs and TPUs.", "jax", "hardware_support", ["nvidia_gpu", "tpu"]),
    ("Caffe TPUs can only be used to run inference.", "caffe", "hardware_support", ["tpu:inference_only"]),
]


@pytest.mark.parametrize(("text", "subject", "attribute", "value"), VALUES)
def test_values_are_normalised(extract: Extract, text: str, subject: str, attribute: str, value: object) -> None:
    assert value in [c.value for c in only(extract(text), subject, attribute)]


def test_text_values_are_short_lowercase_phrases(extract: Extract) -> None:
    [claim] = only(extract("PyTorch has outstanding community support."), "pytorch", "community")
    assert isinstance(claim.value, str) and claim.value == claim.value.lower() and 0 < len(claim.value.split()) <= 8
