"""Probe YAML validation: every problem is a coded error naming file, line, field and the
allowed values, never a traceback; the shipped probe files are valid and documented."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from pipeline.errors import ErrorGroup, FactcheckError
from pipeline.probes import load_probes
from pipeline.probes.definitions import ProbeDef
from pipeline.probes.registry import kind_names

VALID = """\
probes:
  - id: test.execution
    subject: pytorch
    attribute: execution_model
    kind: python_expr.v1
    description: a test probe
    params:
      expr: "{'graph': True}"
    maps_to:
      cases:
        - when: {graph: true}
          value: dynamic_graph
"""

MALFORMED = {
    "bad_yaml_syntax": (VALID.replace("subject: pytorch", "subject: [pytorch"), "E101", 4, None, "not valid YAML", ""),
    "missing_field": (
        VALID.replace("    attribute: execution_model\n", ""),
        "E106",
        2,
        "probes[0].attribute",
        "Field required",
        "add the field 'attribute'",
    ),
    "unknown_subject": (
        VALID.replace("subject: pytorch", "subject: pytorc"),
        "E103",
        3,
        "probes[0].subject",
        "unknown subject 'pytorc'",
        "pytorch",
    ),
    "unknown_attribute": (
        VALID.replace("attribute: execution_model", "attribute: speed"),
        "E104",
        4,
        "probes[0].attribute",
        "unknown attribute 'speed'",
        "execution_model",
    ),
    "unknown_kind": (
        VALID.replace("python_expr.v1", "python_exp.v1"),
        "E107",
        5,
        "probes[0].kind",
        "unknown probe kind 'python_exp.v1'",
        "python_expr.v1",
    ),
    "misspelt_field": (
        VALID.replace("    kind:", "    timout: 3\n    kind:"),
        "E102",
        5,
        "probes[0].timout",
        "Extra inputs are not permitted",
        "timeout",
    ),
    "code_does_not_compile": (
        VALID.replace("'graph': True}", "'graph': True"),
        "E102",
        8,
        "probes[0].params.expr",
        "does not compile",
        "",
    ),
    "value_outside_enum": (
        VALID.replace("value: dynamic_graph", "value: dynamic"),
        "E105",
        12,
        "probes[0].maps_to.cases[0].value",
        "'dynamic' is not a value of execution_model",
        "static_graph",
    ),
    "maps_to_missing": (VALID.split("    maps_to:")[0], "E106", 2, "probes[0]", "needs a 'maps_to' section", "tokens"),
    "two_map_forms": (
        VALID.replace("    maps_to:\n", "    maps_to:\n      field: graph\n"),
        "E102",
        9,
        "probes[0].maps_to",
        "exactly one of 'field', 'tokens' or 'cases'",
        "",
    ),
    "unknown_default": (
        "defaults:\n  subjet: keras\n" + VALID,
        "E102",
        2,
        "defaults.subjet",
        "unknown default 'subjet'",
        "subject",
    ),
    "unknown_top_level_key": (
        VALID.replace("probes:", "probe:"),
        "E102",
        1,
        "probe",
        "unknown top-level key 'probe'",
        "defaults, probes",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_probe_yaml_gives_a_located_error(case: str, probe_folder: Callable[[str], Path], vocab) -> None:
    text, code, line, field, message, fix = MALFORMED[case]
    folder = probe_folder(text)
    with pytest.raises(FactcheckError) as caught:
        load_probes(folder, vocab)
    errors = caught.value.errors if isinstance(caught.value, ErrorGroup) else [caught.value]
    assert len(errors) == 1, [error.render() for error in errors]
    error = errors[0]
    assert error.location is not None
    assert (error.code, error.location.line, error.location.field) == (code, line, field), error.render()
    assert Path(error.location.file).name == "probes.yaml"
    assert message in error.message and fix in error.fix
    assert "Traceback" not in error.render()


def test_an_unknown_kind_lists_every_valid_kind(load_yaml) -> None:
    with pytest.raises(ErrorGroup) as caught:
        load_yaml(VALID.replace("python_expr.v1", "shell.v1"))
    fix = caught.value.errors[0].fix
    assert all(name in fix for name in kind_names())
    assert {"benchmark.v1", "index_wheel_tags.v1", "keras_backend.v1", "python_expr.v1"} <= set(kind_names())


def test_every_problem_in_every_file_is_reported_together(probe_folder, vocab) -> None:
    probe_folder(VALID.replace("subject: pytorch", "subject: nope").replace("python_expr.v1", "nope.v1"), "a.yaml")
    folder = probe_folder(VALID.replace("attribute: execution_model", "attribute: nope"), "b.yaml")
    with pytest.raises(ErrorGroup) as caught:
        load_probes(folder, vocab)
    assert sorted(error.code for error in caught.value.errors) == ["E103", "E104", "E107"]


def test_a_duplicate_id_across_files_is_located(probe_folder, vocab) -> None:
    probe_folder(VALID, "a.yaml")
    folder = probe_folder(VALID, "b.yaml")
    with pytest.raises(ErrorGroup) as caught:
        load_probes(folder, vocab)
    (error,) = caught.value.errors
    assert error.location is not None
    assert error.code == "E108" and error.location.line == 2 and "a.yaml" in error.message


def test_defaults_merge_into_each_probe(load_yaml) -> None:
    text = (
        "defaults:\n  subject: keras\n  env: {KERAS_BACKEND: jax, TF_CPP_MIN_LOG_LEVEL: 2}\n  params: {expr: '1'}\n"
        + VALID.replace("    subject: pytorch\n", "")
        .replace("      expr: \"{'graph': True}\"", "      code: 'observed = {\"graph\": True}'")
        .replace("    kind: python_expr.v1\n", "    kind: python_expr.v1\n    env: {KERAS_BACKEND: torch}\n")
    )
    (probe,) = load_yaml(text)
    assert probe.subject == "keras"
    assert probe.env == {"KERAS_BACKEND": "torch", "TF_CPP_MIN_LOG_LEVEL": "2"}
    assert probe.params == {"code": 'observed = {"graph": True}', "expr": "1"}


def test_kind_params_are_validated_and_completed(load_yaml) -> None:
    text = VALID.replace("python_expr.v1", "benchmark.v1").replace("expr: \"{'graph': True}\"", "variants: [pytorch]")
    text = text.replace("attribute: execution_model", "attribute: performance").split("    maps_to:")[0]
    (probe,) = load_yaml(text)
    assert probe.params["tolerance"] == 0.15 and probe.params["models"] == ["mlp", "cnn"]
    with pytest.raises(ErrorGroup, match="variants"):
        load_yaml(text.replace("[pytorch]", "[caffe]"))


def test_shipped_probes_are_valid_unique_and_documented(shipped_probes: list[ProbeDef], vocab) -> None:
    ids = [probe.id for probe in shipped_probes]
    assert ids == sorted(set(ids))
    for probe in shipped_probes:
        assert probe.subject in vocab.subjects and probe.attribute in vocab.attributes
        assert len(probe.description) > 40, probe.id
        assert probe.packages, f"{probe.id} names no packages, so upgrades would not re-probe it"
    covered = {(probe.subject, probe.attribute) for probe in shipped_probes}
    for subject in ("pytorch", "tensorflow", "keras"):
        for attribute in ("implementation_language", "license", "python_versions", "platforms", "api_level"):
            assert (subject, attribute) in covered
    assert ("keras", "backends") in covered and ("keras", "performance") in covered
