"""The pure parts of the probe stage: value maps and conventions, metadata reading,
process planning, the environment description and the table."""

from __future__ import annotations

from typing import Callable

import pytest
from rich.console import Console

from pipeline.probes import describe_environment, render_probe_table
from pipeline.probes.definitions import Case, ValueMap
from pipeline.probes.execution import plan_tasks
from pipeline.probes.mapping import (
    MappingError,
    apply_value_map,
    lookup,
    normalise_value,
)
from pipeline.probes.metadata import (
    classify_license_text,
    organisation,
    spdx_license,
    supported_python_minors,
)
from pipeline.records import ProbeResult

OBSERVED = {"counts": {"python": 3, "lua": 0}, "imports": {"torch.utils.x:fn": True, "executorch": False}, "flag": True}


def test_lookup_follows_dotted_paths_and_dotted_keys() -> None:
    assert lookup(OBSERVED, "counts.python") == 3
    assert lookup(OBSERVED, "imports.torch.utils.x:fn") is True
    assert lookup({"items": [{"a": 1}]}, "items.0.a") == 1
    with pytest.raises(MappingError, match="no field 'counts.java'"):
        lookup(OBSERVED, "counts.java")


def test_value_map_forms() -> None:
    tokens = ValueMap(tokens={"python": "counts.python", "lua": "counts.lua", "torch": ["imports.executorch", "flag"]})
    assert apply_value_map(tokens, OBSERVED) == ["python", "torch"]
    cases = ValueMap(
        cases=[Case(when={"flag": False}, value="low"), Case(when={"flag": True, "counts.lua": 0}, value="high")]
    )
    assert apply_value_map(cases, OBSERVED) == "high"
    unmatched = ValueMap(cases=[Case(when={"flag": False}, value="low")])
    with pytest.raises(MappingError, match="no case"):
        apply_value_map(unmatched, OBSERVED)
    assert apply_value_map(unmatched.model_copy(update={"otherwise": "high"}), OBSERVED) == "high"
    with pytest.raises(ValueError, match="exactly one"):
        ValueMap(field="a", tokens={"b": "c"})


def test_value_conventions() -> None:
    assert normalise_value(["Python", "c++", "python", " CUDA "]) == ["c++", "cuda", "python"]
    assert normalise_value(" Apache-2.0 ") == "Apache-2.0"
    assert normalise_value(None) is None and normalise_value(2) == 2
    for not_a_value in ({"a": 1}, 1.5, True):
        with pytest.raises(MappingError):
            normalise_value(not_a_value)


@pytest.mark.parametrize(
    ("specifier", "classifiers", "expected", "bound"),
    [
        (">=3.10", ["3.10", "3.11", "3.12", "3.13"], ["3.10", "3.11", "3.12", "3.13"], "classifiers"),
        (">=3.8,<3.11", ["3.12"], ["3.8", "3.9", "3.10"], "classifiers"),
        (">=3.9.2", [], ["3.9", "3.10", "3.11"], "interpreter"),
        ("~=3.10", ["3.13"], ["3.10", "3.11", "3.12", "3.13"], "classifiers"),
        (">=3.10, !=3.11.*", ["3.12"], ["3.10", "3.12"], "classifiers"),
    ],
)
def test_requires_python_becomes_minor_versions(
    specifier: str, classifiers: list[str], expected: list[str], bound: str
) -> None:
    listed = [f"Programming Language :: Python :: {version}" for version in classifiers]
    assert supported_python_minors(specifier, listed, "3.11.7") == (expected, bound)


BSD3 = "Copyright (c) Facebook. Redistribution and use in source and binary forms ... 3. Neither the names of ..."
APACHE = "Apache License Version 2.0, January 2004 ..."


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"license_expression": "MIT"}, ("MIT", "license_expression")),
        (
            {"license_expression": "Apache-2.0 AND BSD-3-Clause AND MIT", "license_file_text": BSD3},
            ("BSD-3-Clause", "license_file"),
        ),
        ({"license": "Apache 2.0", "license_classifiers": []}, ("Apache-2.0", "license_field")),
        ({"license_file_text": APACHE, "license": "Apache License 2.0"}, ("Apache-2.0", "license_file")),
        ({"license_classifiers": ["License :: OSI Approved :: MIT License"]}, ("MIT", "classifier")),
        ({"license": "Some Custom Terms"}, ("Some Custom Terms", "raw")),
        ({}, (None, "none")),
    ],
)
def test_spdx_license(metadata: dict, expected: tuple) -> None:
    assert spdx_license(metadata) == expected


def test_license_texts_and_organisations() -> None:
    assert classify_license_text("Redistribution and use in source and binary forms, with or without") == "BSD-2-Clause"
    assert classify_license_text("Permission is hereby granted, free of charge, to any person") == "MIT"
    assert classify_license_text(None) is None
    assert organisation({"author": "Google Inc."}) == "Google Inc."
    assert organisation({"author_email": "Keras team <keras@example.org>"}) == "Keras team"
    assert organisation({"author_email": "someone@example.org", "maintainer": "Team"}) == "Team"


def test_planning_shares_processes_only_where_safe(shipped_probes: list) -> None:
    tasks = plan_tasks(shipped_probes)
    by_probe: dict[str, int] = {}
    for task in tasks:
        assert len({tuple(sorted(planned.env.items())) for planned in task}) == 1
        for planned in task:
            by_probe[planned.probe_id] = by_probe.get(planned.probe_id, 0) + 1
    assert by_probe["keras.backends"] == 5 and by_probe["performance.small_models"] == 5
    backend_envs = {
        planned.env["KERAS_BACKEND"] for task in tasks for planned in task if planned.probe_id == "keras.backends"
    }
    assert backend_envs == {"tensorflow", "jax", "torch", "theano", "cntk"}
    assert all(planned.env["CUDA_VISIBLE_DEVICES"] == "" for task in tasks for planned in task)


def test_each_framework_is_imported_once_per_environment(shipped_probes: list) -> None:
    """Benchmark variants and Keras backend checks join their framework's process."""
    companions = {}
    for task in plan_tasks(shipped_probes):
        ids = {planned.run.run_id for planned in task}
        for run_id in ids:
            companions[run_id] = ids
    assert "pytorch.api_level#main" in companions["performance.small_models#pytorch"]
    assert "tensorflow.api_level#main" in companions["performance.small_models#tensorflow"]
    assert "keras.api_level#main" in companions["performance.small_models#keras[tensorflow]"]
    assert "keras.backends#tensorflow" in companions["keras.api_level#main"]
    assert "tensorflow.api_level#main" in companions["keras.api_level#main"]  # Keras on TensorFlow
    assert companions["performance.small_models#keras[jax]"] == {"keras.backends#jax", "performance.small_models#keras[jax]"}
    assert "tensorflow.api_level#main" not in companions["pytorch.api_level#main"]
    assert "pytorch.hardware_support#main" in companions["pytorch.api_level#main"]
    assert len(plan_tasks(shipped_probes)) == 6  # TensorFlow+Keras, PyTorch, one per other Keras backend


def test_a_benchmark_with_other_threads_gets_its_own_process(shipped_probes: list) -> None:
    benchmark = next(probe for probe in shipped_probes if probe.kind == "benchmark.v1")
    wider = benchmark.model_copy(update={"params": {**benchmark.params, "threads": 2}})
    others = [probe for probe in shipped_probes if probe.id != benchmark.id]
    tasks = plan_tasks([*others, wider])
    timed = [task for task in tasks if any(planned.probe_id == benchmark.id for planned in task)]
    # Other pins: apart from the other probes; tensorflow and keras[tensorflow] still share one.
    assert all(planned.probe_id == benchmark.id for task in timed for planned in task)
    assert sorted(len(task) for task in timed) == [1, 1, 1, 2]


def test_describe_environment_is_deterministic() -> None:
    first, second = describe_environment(), describe_environment()
    assert first == second
    assert set(first) == {"python", "implementation", "executable", "platform", "frameworks", "machine"}
    assert first["machine"]["logical_cores"] >= 1
    assert all(isinstance(version, str) for version in first["frameworks"].values())


def test_the_table_shows_values_literally(load_yaml: Callable) -> None:
    results = [
        ProbeResult(
            probe_id="b.speed",
            subject="keras",
            attribute="performance",
            status="ok",
            value="keras[jax] 1.00x",
            duration_s=1.25,
        ),
        ProbeResult(
            probe_id="a.platforms",
            subject="keras",
            attribute="platforms",
            status="unverifiable",
            reason="index [down]",
            cached=True,
        ),
    ]
    console = Console(record=True, width=200)
    console.print(render_probe_table(results))
    text = console.export_text()
    assert "keras[jax] 1.00x" in text and "index [down]" in text and "cached" in text and "1.2s" in text
    assert text.index("a.platforms") < text.index("b.speed")


def test_processes_start_longest_expected_first(shipped_probes: list) -> None:
    from pipeline.probes.execution import expected_seconds

    tasks = plan_tasks(shipped_probes)
    costs = [expected_seconds(task) for task in tasks]
    assert costs == sorted(costs, reverse=True)
    # A Keras backend check plus a benchmark outweighs a dozen metadata probes.
    def position(run_id: str) -> int:
        return next(i for i, task in enumerate(tasks) if any(planned.run.run_id == run_id for planned in task))

    assert position("keras.backends#jax") < position("pytorch.api_level#main")
