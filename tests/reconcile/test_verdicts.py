"""Verdicts: dates tell outdated from refuted, probes decide the present, failures say why."""

from __future__ import annotations

from pathlib import Path

from pipeline.paths import PROJECT_CLAIMS
from pipeline.reconcile import load_facts, reconcile
from pipeline.vocab import load_vocabulary
from tests.reconcile.helpers import make_claim, make_fact, make_probe, make_source

VOCAB = load_vocabulary()
BACKEND_FACTS = [
    make_fact("old-engine", "keras", "backends", ["theano"], "2015-03", "2020-06-17"),
    make_fact("tf-engine", "keras", "backends", ["tensorflow"], "2015-12"),
]


def _labels(claims: list, sources: list, probes: list | None = None, facts: list | None = None) -> list[str]:
    checked, _ = reconcile(claims, sources, probes or [], facts or [], VOCAB)
    return [item.verdict.label for item in checked]


def test_outdated_or_refuted_depends_on_the_article_date() -> None:
    sources = [make_source("early.txt", "2018-05"), make_source("late.txt", "2022")]
    claims = [
        make_claim("e", "keras", "backends", ["theano"], "Keras can sit on Theano", "early.txt"),
        make_claim("l", "keras", "backends", ["theano"], "Keras can sit on Theano", "late.txt"),
    ]
    assert _labels(claims, sources, facts=BACKEND_FACTS) == ["outdated", "refuted"]


def test_a_year_only_date_gets_the_benefit_of_the_doubt() -> None:
    sources = [make_source("same-year.txt", "2020")]
    claims = [make_claim("y", "keras", "backends", ["theano"], "Keras can sit on Theano", "same-year.txt")]
    assert _labels(claims, sources, facts=BACKEND_FACTS) == ["outdated"]


def test_a_probe_overrides_a_fact_for_the_present() -> None:
    facts = [make_fact("lic", "keras", "license", "MIT", "2015")]
    probes = [make_probe("keras", "license", "Apache-2.0")]
    sources = [make_source("a.txt", "2016")]
    claims = [
        make_claim("mit", "keras", "license", "MIT", "Keras ships under the MIT licence", "a.txt"),
        make_claim("apache", "keras", "license", "Apache-2.0", "Keras ships under Apache 2.0", "a.txt"),
    ]
    checked, _ = reconcile(claims, sources, probes, facts, VOCAB)
    assert [item.verdict.label for item in checked] == ["outdated", "supported"]
    assert checked[1].verdict.evidence[0].kind == "probe"
    assert checked[1].verdict.evidence[0].versions == {"keras": "9.9"}


def test_a_crashed_probe_makes_the_claim_unverifiable_with_its_reason() -> None:
    probes = [make_probe("jax", "execution_model", None, status="crashed", reason="child process exited with signal 11")]
    claims = [make_claim("x", "jax", "execution_model", "eager", "JAX runs eagerly", "a.txt")]
    checked, _ = reconcile(claims, [make_source("a.txt", "2024")], probes, [], VOCAB)
    verdict = checked[0].verdict
    assert verdict.label == "unverifiable"
    assert "signal 11" in verdict.rationale


def test_a_fact_still_decides_when_the_probe_crashed() -> None:
    probes = [make_probe("keras", "backends", None, status="timeout", reason="took longer than 180 s")]
    claims = [make_claim("k", "keras", "backends", ["tensorflow"], "Keras runs on TensorFlow", "a.txt")]
    assert _labels(claims, [make_source("a.txt", "2024")], probes, BACKEND_FACTS) == ["supported"]


def test_only_claims_are_refuted_when_more_exists() -> None:
    facts = [make_fact("gpus", "tensorflow", "hardware_support", ["cpu", "nvidia_gpu", "amd_gpu"], "2018")]
    claims = [make_claim("o", "tensorflow", "hardware_support", ["nvidia_gpu"], "TF accelerates on NVIDIA cards only", "a.txt", exclusive=True)]
    assert _labels(claims, [make_source("a.txt", "2021")], facts=facts) == ["refuted"]


def test_a_confused_value_is_explained_by_a_related_framework() -> None:
    facts = load_facts(PROJECT_CLAIMS / "facts", VOCAB)
    claims = [make_claim("lua", "pytorch", "implementation_language", ["lua"], "PyTorch code is Lua scripts", "a.txt")]
    checked, _ = reconcile(claims, [make_source("a.txt", "2020")], [], facts, VOCAB)
    verdict = checked[0].verdict
    assert verdict.label == "refuted"
    assert "torch_lua" in verdict.rationale
    assert any(e.citation for e in verdict.evidence)


def test_every_verdict_has_a_rationale_and_evidence_unless_unverifiable() -> None:
    facts = load_facts(Path(PROJECT_CLAIMS / "facts"), VOCAB)
    sources = [make_source("a.txt", "2018"), make_source("b.txt", "2023")]
    claims = [
        make_claim("1", "tensorflow", "license", "Apache-2.0", "TF uses the Apache licence", "a.txt"),
        make_claim("2", "pytorch", "platforms", ["linux"], "PyTorch is for Linux only", "a.txt", exclusive=True),
        make_claim("3", "keras", "ease_of_use", "fun", "Keras is a joy to write", "b.txt"),
        make_claim("4", "tensorflow", "initial_release", "2016", "TensorFlow appeared in 2016", "b.txt"),
        make_claim("5", "keras", "popularity", 1, "Keras is number one", "b.txt"),
    ]
    checked, _ = reconcile(claims, sources, [], facts, VOCAB)
    assert [item.claim.id for item in checked] == ["1", "2", "3", "4", "5"]
    for item in checked:
        assert item.verdict.rationale.strip()
        assert item.verdict.label == "unverifiable" or item.verdict.evidence


def test_output_is_deterministic() -> None:
    facts = load_facts(PROJECT_CLAIMS / "facts", VOCAB)
    claims = [
        make_claim("a", "pytorch", "api_level", "low", "PyTorch is low level", "a.txt"),
        make_claim("b", "pytorch", "api_level", "high", "PyTorch is high level", "b.txt"),
    ]
    sources = [make_source("a.txt", "2019"), make_source("b.txt", "2021")]
    assert reconcile(claims, sources, [], facts, VOCAB) == reconcile(claims, sources, [], facts, VOCAB)
