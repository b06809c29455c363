"""The shipped probes, run for real against the installed frameworks (one shared cold run).

Each framework's checks skip with a reason when that framework is not installed. Values
are checked against what the frameworks' own APIs guarantee, not against this machine.
"""

from __future__ import annotations

import importlib.util
import platform
import time

import pytest

from pipeline.probes import run_probes
from tests.probes.conftest import ShippedRun, require

BAD_STATUSES = {"error", "crashed", "timeout"}


def value(run: ShippedRun, probe_id: str):
    result = run.results[probe_id]
    assert result.status == "ok", f"{probe_id}: {result.status}: {result.reason}"
    return result.value


def test_every_shipped_probe_gives_a_result_without_errors(shipped_run: ShippedRun) -> None:
    assert sorted(shipped_run.results) == sorted(probe.id for probe in shipped_run.probes)
    failures = {pid: f"{r.status}: {r.reason}" for pid, r in shipped_run.results.items() if r.status in BAD_STATUSES}
    assert not failures
    for result in shipped_run.results.values():
        assert result.python == platform.python_version() and result.platform
        assert not result.cached


def test_list_values_follow_the_conventions(shipped_run: ShippedRun, vocab) -> None:
    for result in shipped_run.results.values():
        if isinstance(result.value, list):
            assert result.value == sorted(set(token.lower() for token in result.value)), result.probe_id
        spec = vocab.attributes[result.attribute]
        if spec.kind == "enum" and result.value is not None:
            assert result.value in spec.values, result.probe_id


def test_a_warm_rerun_is_all_cached(shipped_run: ShippedRun) -> None:
    started = time.monotonic()
    warm = run_probes(shipped_run.probes, cache_dir=shipped_run.cache_dir)
    elapsed = time.monotonic() - started
    retried = {"unverifiable"}  # an unreachable index is asked again on every run
    assert all(r.cached for r in warm if r.status not in retried)
    assert [r.model_copy(update={"cached": False}) for r in warm if r.cached] == [
        shipped_run.results[r.probe_id] for r in warm if r.cached
    ]
    assert elapsed < max(5.0, shipped_run.seconds / 4), (shipped_run.seconds, elapsed)


def test_pytorch(shipped_run: ShippedRun) -> None:
    require("torch")
    assert value(shipped_run, "pytorch.execution_model") == "dynamic_graph"
    languages = value(shipped_run, "pytorch.implementation_language")
    assert {"python", "c++"} <= set(languages) and "lua" not in languages
    counts = shipped_run.results["pytorch.implementation_language"].observed["counts"]
    assert ("cuda" in languages) == bool(counts["cuda_sources"] or counts["cuda_headers"])
    assert value(shipped_run, "pytorch.license") == "BSD-3-Clause"
    assert "{}.{}".format(*platform.python_version_tuple()[:2]) in value(shipped_run, "pytorch.python_versions")
    assert value(shipped_run, "pytorch.api_level") == "low"
    assert "torch_export" in value(shipped_run, "pytorch.deployment")
    assert {"torch_distributed", "ddp"} <= set(value(shipped_run, "pytorch.distributed_training"))
    assert {"cpu", "nvidia_gpu"} <= set(value(shipped_run, "pytorch.hardware_support"))
    assert "torch_hub" in value(shipped_run, "pytorch.pretrained_models")
    assert shipped_run.results["pytorch.license"].versions["torch"].startswith("2.")


def test_pytorch_tensorboard_writer(shipped_run: ShippedRun) -> None:
    require("torch")
    require("tensorboard")
    assert "tensorboard" in value(shipped_run, "pytorch.visualization")


def test_tensorflow(shipped_run: ShippedRun) -> None:
    require("tensorflow")
    assert value(shipped_run, "tensorflow.execution_model") == "both"
    assert value(shipped_run, "tensorflow.license") == "Apache-2.0"
    assert value(shipped_run, "tensorflow.api_level") == "high_and_low"
    assert {"python", "c++"} <= set(value(shipped_run, "tensorflow.implementation_language"))
    strategies = {"mirrored_strategy", "multi_worker_mirrored_strategy", "parameter_server_strategy", "tpu_strategy"}
    assert set(value(shipped_run, "tensorflow.distributed_training")) == strategies
    assert {"cpu", "tpu"} <= set(value(shipped_run, "tensorflow.hardware_support"))
    assert {"savedmodel", "keras_export"} <= set(value(shipped_run, "tensorflow.deployment"))
    assert "tflite" in value(shipped_run, "tensorflow.mobile")
    assert shipped_run.results["tensorflow.mobile"].observed["tflite_bytes"] > 0
    assert "tensorboard" in value(shipped_run, "tensorflow.visualization")
    assert {"keras3", "tf_keras"} <= set(value(shipped_run, "tensorflow.integration"))


def test_keras(shipped_run: ShippedRun) -> None:
    require("keras")
    assert value(shipped_run, "keras.implementation_language") == ["python"]
    assert value(shipped_run, "keras.api_level") == "high"
    assert value(shipped_run, "keras.license") == "Apache-2.0"
    assert "keras_applications" in value(shipped_run, "keras.pretrained_models")
    assert len(shipped_run.results["keras.pretrained_models"].observed["keras_applications"]) > 10


def test_keras_backends_train_where_installed_and_old_ones_are_rejected(shipped_run: ShippedRun) -> None:
    require("keras")
    backends = {"tensorflow": "tensorflow", "jax": "jax", "torch": "pytorch"}
    expected = sorted(subject for module, subject in backends.items() if importlib.util.find_spec(module))
    assert value(shipped_run, "keras.backends") == expected
    observed = shipped_run.results["keras.backends"].observed
    assert observed["rejected"] == ["cntk", "theano"]
    for old in ("theano", "cntk"):
        assert observed["backends"][old]["error"].startswith("ValueError:")
        assert old in observed["backends"][old]["error"]


def test_platforms_come_from_the_index_or_are_unverifiable(shipped_run: ShippedRun) -> None:
    for subject in ("pytorch", "tensorflow", "keras"):
        result = shipped_run.results[f"{subject}.platforms"]
        if result.status == "unverifiable":
            assert result.reason.startswith(("package index not available", "no index lists", "no package index"))
            continue
        assert result.status == "ok", result.reason
        assert isinstance(result.value, list) and "linux" in result.value
        assert set(result.value) <= {"linux", "macos", "windows", "android", "ios"}


@pytest.mark.parametrize("probe_id", ["pytorch.platforms", "keras.developer_org", "tensorflow.python_versions"])
def test_results_carry_the_versions_they_were_observed_on(shipped_run: ShippedRun, probe_id: str) -> None:
    result = shipped_run.results[probe_id]
    probe = next(p for p in shipped_run.probes if p.id == probe_id)
    if result.status == "not_installed":
        pytest.skip(f"{probe.packages[0]} is not installed")
    assert set(result.versions) == set(probe.packages)
