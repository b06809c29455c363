"""Mechanisms that make verdicts generalise beyond the seed articles' wording.

Each test uses sentences written for the test: dated support windows, table cells, denials
of a capability, claims about a tool's current standing, renamed organisations, negation
scope, a closed capability gap, and the gold harness's ``--sources`` option.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.paths import PROJECT_CLAIMS
from pipeline.reconcile import load_facts, reconcile
from pipeline.vocab import load_vocabulary
from tests.reconcile.gold_harness import parse_args
from tests.reconcile.helpers import make_claim, make_fact, make_probe, make_source

VOCAB = load_vocabulary()
FACTS = load_facts(PROJECT_CLAIMS / "facts", VOCAB)


def _label(claim, published: str, probes: list | None = None, facts: list | None = None) -> str:
    checked, _ = reconcile([claim], [make_source(claim.source, published)], probes or [], FACTS if facts is None else facts, VOCAB)
    return checked[0].verdict.label


def test_a_python_minimum_dropped_since_is_outdated() -> None:
    claim = make_claim("py", "jax", "python_versions", ["3.9", "3.10", "3.11", "3.12"], "Install it on any Python from 3.9 up")
    assert _label(claim, "2024-03") == "outdated"


def test_a_bare_table_cell_gives_the_whole_answer() -> None:
    claim = make_claim("cell", "tensorflow", "execution_model", "static_graph", "Static")
    assert _label(claim, "2017", [make_probe("tensorflow", "execution_model", "both")]) == "outdated"


def test_a_bare_no_denies_the_attribute_itself() -> None:
    facts = [make_fact("m", "pytorch", "mobile", ["pytorch_mobile"], "2019-10", None)]
    claim = make_claim("no", "pytorch", "mobile", "no mobile support", "No")
    assert _label(claim, "2018-03", facts=facts) == "outdated"


def test_an_export_format_is_not_a_deployment_path_of_its_own() -> None:
    facts = [
        make_fact("onnx", "pytorch", "deployment", ["onnx"], "2017-12"),
        make_fact("own", "pytorch", "deployment", ["torch_export", "deployment"], "2018-12-07"),
    ]
    claim = make_claim("dep", "pytorch", "deployment", "none", "Serving it in production means leaving the framework: there is no deployment route")
    assert _label(claim, "2018-06", facts=facts) == "outdated"


def test_a_capability_limit_is_read_as_a_denial() -> None:
    claim = make_claim("tpu", "pytorch", "hardware_support", "no TPU support", "You cannot train it on TPUs", negated=True)
    assert _label(claim, "2023") == "refuted"


def test_still_the_standard_way_is_judged_by_dated_facts_not_by_an_import() -> None:
    facts = [
        make_fact("lite", "tensorflow", "mobile", ["tflite"], "2017-11", "2024-09-04"),
        make_fact("rt", "tensorflow", "mobile", ["litert"], "2024-09-04"),
    ]
    probes = [make_probe("tensorflow", "mobile", ["tflite"])]
    claim = make_claim("std", "tensorflow", "mobile", "tflite", "For phones, TF Lite is still the standard way to ship a model")
    assert _label(claim, "2024-02", probes, facts) == "outdated"
    plain = make_claim("plain", "tensorflow", "mobile", "tflite", "Models can be converted with TF Lite")
    assert _label(plain, "2024-02", probes, facts) == "supported"


def test_a_renamed_developer_in_a_table_is_outdated_but_an_origin_story_is_not() -> None:
    cell = make_claim("cell", "pytorch", "developer_org", "Facebook", "Facebook")
    story = make_claim("story", "pytorch", "developer_org", "Facebook", "The library was started by Facebook researchers")
    assert _label(cell, "2019") == "outdated"
    assert _label(story, "2019") == "supported"


def test_a_licence_or_developer_the_facts_contradict_is_refuted() -> None:
    licence = make_claim("lic", "jax", "license", "MIT", "Its code is MIT-licensed")
    place = make_claim("org", "theano", "developer_org", "Stanford University", "Stanford University")
    assert _label(licence, "2022") == "refuted"
    assert _label(place, "2016") == "refuted"


def test_a_sentence_naming_several_developers_holds_when_one_is_right() -> None:
    claim = make_claim("pair", "tensorflow", "developer_org", ["Google", "Facebook"], "Big firms such as Google and Facebook have released deep learning toolkits")
    assert _label(claim, "2018") == "supported"


def test_negation_in_another_clause_does_not_flip_the_value() -> None:
    claim = make_claim("lvl", "jax", "api_level", "low", "The core is low level; there are no layer classes", negated=True)
    assert _label(claim, "2024") == "supported"


def test_only_meaning_but_does_not_restrict_the_value() -> None:
    claim = make_claim("gpu", "pytorch", "hardware_support", ["gpu"], "It works much like SciPy, only on the GPU", exclusive=True)
    assert _label(claim, "2019") == "supported"


def test_a_closed_capability_gap_makes_a_comparison_outdated() -> None:
    facts = [
        make_fact("a", "pytorch", "debugging", ["debugging", "eager_debugging"], "2017-01"),
        make_fact("b", "tensorflow", "debugging", ["debugging", "eager_debugging"], "2019-09-30"),
    ]
    claim = make_claim("cmp", "tensorflow", "debugging", "harder", "Tracking down bugs is harder here than in PyTorch", relation=("harder_than", "pytorch"))
    assert _label(claim, "2018", facts=facts) == "outdated"


def test_the_harness_takes_a_sources_folder() -> None:
    folder, sources, flags = parse_args(["gold", "--sources", "articles", "--probes"])
    assert (folder, sources, flags) == (Path("gold"), Path("articles"), {"--probes"})


def test_a_capability_named_in_another_clause_does_not_decide_a_denial() -> None:
    facts = [
        make_fact("onnx", "pytorch", "deployment", ["onnx"], "2017-12"),
        make_fact("own", "pytorch", "deployment", ["torch_export", "deployment"], "2018-12-07"),
    ]
    quote = "The library offers no deployment path itself: people convert their networks to ONNX and serve them elsewhere"
    claim = make_claim("clause", "pytorch", "deployment", "deployment path", quote, negated=True)
    assert _label(claim, "2018-05", facts=facts) == "outdated"


def test_a_negation_far_from_the_licence_does_not_flip_it() -> None:
    facts = [make_fact("mit", "keras", "license", "MIT", "2015-03", "2021-04"), make_fact("apache", "keras", "license", "Apache-2.0", "2021-04")]
    claim = make_claim("lic", "keras", "license", "MIT", "The code ships under the MIT licence, which means companies need not worry")
    assert _label(claim, "2017", [make_probe("keras", "license", "Apache-2.0")], facts) == "outdated"


def test_less_mature_dates_with_the_early_release_stage() -> None:
    facts = [make_fact("beta", "pytorch", "initial_release", "beta", "2017-01", "2018-12-07")]
    claim = make_claim("mat", "pytorch", "community", "immature", "Compared with TensorFlow it still feels immature", relation=("worse_than", "tensorflow"))
    assert _label(claim, "2018-02", facts=facts) == "outdated"
    later = make_claim("late", "pytorch", "community", "immature", "Compared with TensorFlow it still feels immature", "b.txt", relation=("worse_than", "tensorflow"))
    assert _label(later, "2021", facts=facts) != "outdated"
