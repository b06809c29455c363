"""Maintenance status, default execution modes, version notations, product renames,
release milestones and organisation pairing in parallel lists.

Sentences are written for these tests; facts are the project's reference facts unless a
test builds its own.
"""

from __future__ import annotations

from pipeline.paths import PROJECT_CLAIMS
from pipeline.reconcile import load_facts, reconcile
from pipeline.reconcile.lexicon import load_lexicon
from pipeline.reconcile.names import former_name_outcome
from pipeline.reconcile.rationale import Outcome
from pipeline.reconcile.versions import version_tokens
from pipeline.vocab import load_vocabulary
from tests.reconcile.helpers import make_claim, make_probe, make_source

VOCAB = load_vocabulary()
FACTS = load_facts(PROJECT_CLAIMS / "facts", VOCAB)
LEXICON = load_lexicon()


def _label(claim, published: str, probes: list | None = None) -> str:
    checked, _ = reconcile([claim], [make_source(claim.source, published)], probes or [], FACTS, VOCAB)
    return checked[0].verdict.label


def test_a_retired_project_is_no_longer_maintained() -> None:
    claim = make_claim("m1", "cntk", "community", "unmaintained", "Sadly the Microsoft toolkit is no longer maintained these days")
    assert _label(claim, "2022-05") == "supported"


def test_active_development_claimed_before_retirement_is_outdated() -> None:
    claim = make_claim("m2", "mxnet", "community", "active", "Its maintainers keep it under active development with monthly releases")
    assert _label(claim, "2020-02") == "outdated"


def test_active_development_is_read_from_the_verb_too() -> None:
    claim = make_claim("m3", "cntk", "community", "active", "Redmond is actively developing the toolkit")
    assert _label(claim, "2018-03") == "outdated"


def test_a_probe_seeing_eager_autograd_keeps_the_graph_compiler_fact() -> None:
    claim = make_claim("e1", "pytorch", "execution_model", "both", "Since version 2 a compiler can turn your eager model into graphs")
    assert _label(claim, "2024-01", [make_probe("pytorch", "execution_model", "dynamic_graph")]) == "supported"


def test_a_one_word_cell_names_the_default_mode() -> None:
    probe = [make_probe("tensorflow", "execution_model", "both")]
    assert _label(make_claim("e2", "tensorflow", "execution_model", "eager", "Eager"), "2022-07", probe) == "supported"
    # the other mode is only available on request, so as the whole answer it is wrong
    assert _label(make_claim("e3", "tensorflow", "execution_model", "static_graph", "Static"), "2022-07", probe) == "refuted"


def test_a_sentence_naming_the_default_mode_is_not_refuted_by_the_other_mode() -> None:
    claim = make_claim("e4", "pytorch", "execution_model", "eager", "Code runs eagerly by default, line after line", exclusive=True)
    assert _label(claim, "2025-03", [make_probe("pytorch", "execution_model", "dynamic_graph")]) == "supported"


def test_version_notations_name_their_versions() -> None:
    assert version_tokens("3.10+") == {"3.10"}
    assert version_tokens("Python 3.8 or newer") == {"3.8"}
    assert version_tokens("3.9–3.12") == {"3.9", "3.10", "3.11", "3.12"}
    assert version_tokens("3.11") is None


def test_a_minimum_version_dropped_since_is_outdated() -> None:
    claim = make_claim("v1", "jax", "python_versions", ["3.10+"], "Requires 3.10+")
    assert _label(claim, "2024-09") == "outdated"


def test_a_version_range_dropped_at_its_low_end_is_outdated() -> None:
    claim = make_claim("v2", "pytorch", "python_versions", ["3.9-3.12"], "wheels for 3.9-3.12")
    assert _label(claim, "2024-06") == "outdated"


def test_an_old_product_name_presented_as_current_is_outdated() -> None:
    claim = make_claim("r1", "tensorflow", "mobile", "tflite", "TFLite puts your model on Android phones")
    assert _label(claim, "2023-04") == "outdated"


def test_naming_the_new_product_too_keeps_the_claim_current() -> None:
    supported = Outcome("supported", "agrees")
    successor = make_claim("r2", "pytorch", "mobile", "executorch", "For Android apps ExecuTorch now takes over from PyTorch Mobile")
    assert former_name_outcome(successor, supported, LEXICON, "2023-01").label == "supported"
    old_only = make_claim("r3", "pytorch", "mobile", "pytorch_mobile", "For Android apps use PyTorch Mobile")
    assert former_name_outcome(old_only, supported, LEXICON, "2023-01").label == "outdated"
    tool_call = make_claim("r4", "tensorflow", "mobile", "tflite", "Convert the weights with the TFLite converter")
    assert former_name_outcome(tool_call, supported, LEXICON, "2023-01").label == "supported"


def test_a_release_year_matching_any_milestone_is_supported() -> None:
    assert _label(make_claim("d1", "pytorch", "initial_release", "2016", "It first reached testers in 2016"), "2019") == "supported"
    assert _label(make_claim("d2", "pytorch", "initial_release", "2017", "Version 0.1 came out in 2017"), "2019") == "supported"
    assert _label(make_claim("d3", "pytorch", "initial_release", "2015", "It appeared in 2015"), "2019") == "refuted"


def test_parallel_lists_pair_organisations_through_the_extracted_value() -> None:
    quote = "Meta and Google stand behind PyTorch and JAX respectively"
    assert _label(make_claim("o1", "pytorch", "developer_org", "Google", quote), "2023-06") == "refuted"
    assert _label(make_claim("o2", "jax", "developer_org", "Google", quote), "2023-06") == "supported"


def test_a_dated_release_by_a_renamed_company_stays_true() -> None:
    claim = make_claim("o3", "pytorch", "developer_org", "Facebook", "the toolkit Facebook open-sourced in 2017")
    assert _label(claim, "2020-05") == "supported"


def test_none_built_in_denies_the_attribute_against_a_fact_that_lists_nothing() -> None:
    claim = make_claim("n1", "jax", "visualization", "none", "None built-in")
    assert _label(claim, "2024-04") == "supported"


def test_serving_engines_count_as_deployment_paths() -> None:
    claim = make_claim("s1", "pytorch", "deployment", "vllm", "Large language models built in it are usually served with vLLM")
    assert _label(claim, "2024-08") == "supported"


def test_keras_as_a_redirect_to_tf_keras_dates_with_keras_3() -> None:
    claim = make_claim("k1", "keras", "integration", "redirect", "Installing keras today just gives you a redirect to tf.keras")
    assert _label(claim, "2021-09") == "outdated"


def test_tf_keras_as_keras_2_after_tensorflow_2_16_is_refuted() -> None:
    claim = make_claim("k2", "keras", "integration", "keras 2", "Remember that tf.keras is Keras 2 under the hood")
    assert _label(claim, "2024-11") == "refuted"
