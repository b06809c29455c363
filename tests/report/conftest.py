"""A small, made-up run for the report tests: two articles, a curated claim, every verdict,
two contradictions and five probe results (one a speed benchmark, one not installed).

Offsets are computed from the texts, so the fixture stays right when a text is edited.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.records import (
    CheckedClaim, Claim, Contradiction, Evidence, ProbeResult, Qualifiers, Relation, RunResult, Source, Verdict,
)  # fmt: skip
from pipeline.report.data import DEFAULT_MEANINGS
from pipeline.vocab import AttributeSpec, Vocabulary

ALPHA_TEXT = (
    "Keras vs PyTorch, a field guide\n"
    "\n"
    "PyTorch is written in Lua and runs only on Linux.\n"
    "Keras is the most popular framework, followed by TensorFlow.\n"
    "Café owners agree: TensorFlow supports Python, C++ and Java.\n"
    "\n"
    "TensorFlow is faster than PyTorch | and *much* easier <to> debug.\n"
)
BETA_TEXT = (
    "# Beta review\r\n"
    "\r\n"
    "TensorFlow builds static graphs only.\r\n"
    "PyTorch is more popular than Keras.\r\n"
    "In 2019 TensorFlow is slower than PyTorch.\r\n"
)

ALPHA = Source(file="alpha_guide.txt", title="Keras vs PyTorch, a field guide", publisher="Example Press",
               url="https://example.org/alpha", published="2018", text=ALPHA_TEXT)  # fmt: skip
BETA = Source(file="beta_review.md", title="Beta review", publisher=None, url=None, published="2019", text=BETA_TEXT)

VERSIONS = {"torch": "2.13.0", "tensorflow": "2.20.0", "keras": "3.15.1"}


def _claim(source: Source, quote: str, subject: str, attribute: str, value: Any = None, **extra: Any) -> Claim:
    start = source.text.index(quote)
    return Claim(
        id=f"{source.stem[:5]}-{subject[:3]}-{attribute[:6]}-{start}", source=source.file, start=start,
        end=start + len(quote), quote=quote, subject=subject, attribute=attribute, value=value,
        rule=f"rule.{attribute}", **extra,
    )  # fmt: skip


def _checked(claim: Claim, label: str, rationale: str, *evidence: Evidence) -> CheckedClaim:
    verdict = Verdict(claim_id=claim.id, label=label, rationale=rationale, evidence=evidence)  # type: ignore[arg-type]
    return CheckedClaim(claim=claim, verdict=verdict)


def _fact(ref: str, summary: str) -> Evidence:
    return Evidence(kind="fact", ref=ref, summary=summary, citation=f"https://example.org/facts/{ref}")


def _probe_evidence(ref: str, summary: str) -> Evidence:
    return Evidence(kind="probe", ref=ref, summary=summary, versions=VERSIONS, status="ok")


def _alpha_claims() -> list[CheckedClaim]:
    lua = _claim(ALPHA, "PyTorch is written in Lua", "pytorch", "implementation_language", ["Lua"])
    linux = _claim(ALPHA, "runs only on Linux", "pytorch", "platforms", ["linux"], qualifiers=Qualifiers(exclusive=True))
    popular = _claim(ALPHA, "Keras is the most popular framework", "keras", "popularity", 1)
    languages = _claim(ALPHA, "TensorFlow supports Python, C++ and Java", "tensorflow", "api_language", ["Python", "C++", "Java"])
    faster = _claim(ALPHA, "TensorFlow is faster than PyTorch", "tensorflow", "performance",
                    relation=Relation(type="faster_than", object="pytorch"))  # fmt: skip
    debug = _claim(ALPHA, "*much* easier <to> debug", "tensorflow", "debugging", "easier",
                   qualifiers=Qualifiers(hedge="much"))  # fmt: skip
    return [
        _checked(lua, "refuted", "PyTorch's core is C++ with a Python front end; Lua was Torch7.",
                 _fact("pytorch-language", "PyTorch is written in C++ and Python (since its first release, 2016).")),  # fmt: skip
        _checked(linux, "refuted", "PyTorch publishes wheels for Linux, macOS and Windows.",
                 _probe_evidence("platforms-pytorch", "wheels exist for linux, macos, windows")),  # fmt: skip
        _checked(popular, "contested", "Articles rank popularity differently and no reference settles it.",
                 Evidence(kind="claim", ref="beta_-pyt-popula-56", summary="Beta review ranks PyTorch above Keras.")),  # fmt: skip
        _checked(languages, "supported", "TensorFlow offers Python, C++ and Java APIs.",
                 _fact("tensorflow-api-languages", "TensorFlow has Python, C++, Java and JavaScript APIs.")),  # fmt: skip
        _checked(faster, "unverifiable", "The benchmark differs by less than its noise.",
                 _probe_evidence("bench-mlp", "pytorch 1.00x, tensorflow 1.50x, keras 1.67x")),  # fmt: skip
        _checked(debug, "unverifiable", "An opinion about ease of debugging."),
    ]


def _beta_claims() -> list[CheckedClaim]:
    static = _claim(BETA, "TensorFlow builds static graphs only", "tensorflow", "execution_model", "static_graph",
                    qualifiers=Qualifiers(exclusive=True))  # fmt: skip
    popular = _claim(BETA, "PyTorch is more popular than Keras", "pytorch", "popularity",
                     relation=Relation(type="more_popular_than", object="keras"))  # fmt: skip
    slower = _claim(BETA, "In 2019 TensorFlow is slower than PyTorch", "tensorflow", "performance",
                    relation=Relation(type="slower_than", object="pytorch"), qualifiers=Qualifiers(time="In 2019"))  # fmt: skip
    return [
        _checked(static, "outdated", "TensorFlow 2 runs eagerly by default; graphs are opt-in with tf.function.",
                 _fact("tf2-eager", "TensorFlow 2.0 (2019-09) made eager execution the default."),
                 _probe_evidence("execution-tensorflow", "tf.executing_eagerly() is True"),
                 _fact("tf1-graphs", "TensorFlow 1.x built static graphs run in sessions."),
                 Evidence(kind="claim", ref="alpha-ten-perfor-206", summary="Another article on TensorFlow's speed.")),  # fmt: skip
        _checked(popular, "contested", "Articles rank popularity differently and no reference settles it.",
                 Evidence(kind="claim", ref="alpha-ker-popula-83", summary="The field guide ranks Keras first.")),  # fmt: skip
        _checked(slower, "unverifiable", "The benchmark differs by less than its noise.",
                 _probe_evidence("bench-mlp", "pytorch 1.00x, tensorflow 1.50x, keras 1.67x")),  # fmt: skip
    ]


def _curated() -> CheckedClaim:
    claim = Claim(id="extra-keras-backends", source="curated:extra.yaml", quote="Keras 3 runs on TensorFlow, JAX and PyTorch.",
                  subject="keras", attribute="backends", value=["tensorflow", "jax", "pytorch"], origin="curated")  # fmt: skip
    return _checked(claim, "supported", "keras.config.backend() accepts all three.", _probe_evidence("keras-backends", "tensorflow, jax, torch"))


def _probe(probe_id: str, subject: str, attribute: str, observed: Any, value: Any, status: str = "ok", reason: str = "") -> ProbeResult:
    return ProbeResult(
        probe_id=probe_id, subject=subject, attribute=attribute, status=status, observed=observed, value=value,
        reason=reason, versions=VERSIONS if status == "ok" else {}, python="3.11.9", platform="Linux-6.1-x86_64",
        duration_s=1.234, cached=False,
    )  # fmt: skip


PROBES = (
    _probe("platforms-pytorch", "pytorch", "platforms", {"wheels": ["linux", "macos", "windows"]}, ["linux", "macos", "windows"]),
    _probe("execution-tensorflow", "tensorflow", "execution_model", {"executing_eagerly": True}, "eager"),
    _probe("keras-backends", "keras", "backends", {"backends": ["jax", "tensorflow", "torch"]}, ["tensorflow", "jax", "pytorch"]),
    _probe("bench-mlp", "tensorflow", "performance",
           {"variants": {"pytorch": {"median_s": 0.012}, "tensorflow": {"median_s": 0.018}, "keras": {"median_s": 0.02}}},
           "pytorch fastest"),  # fmt: skip
    _probe("jax-hardware", "jax", "hardware_support", None, None, status="not_installed", reason="jax is not installed"),
)


def build_run_result() -> RunResult:
    """The fixture run, claims deliberately out of order to exercise report sorting."""
    checked = [_curated(), *_beta_claims(), *reversed(_alpha_claims())]
    contradictions = (
        Contradiction(kind="comparison", subject="tensorflow", attribute="performance", claim_a="alpha-ten-perfor-206",
                      claim_b="beta_-ten-perfor-93", explanation="The benchmark puts them within noise; neither claim holds today."),
        Contradiction(kind="ranking", subject="keras", attribute="popularity", claim_a="alpha-ker-popula-83",
                      claim_b="beta_-pyt-popula-56", explanation="No popularity reference settles the order."),
    )  # fmt: skip
    environment = {
        "python": "3.11.9", "platform": "Linux-6.1-x86_64", "frameworks": VERSIONS, "factcheck": "0.1.0",
        "spacy": "3.8.7", "spacy_model": "en_core_web_sm 3.8.0", "probes": {"total": 5, "ok": 4},
    }  # fmt: skip
    return RunResult(sources=(BETA, ALPHA), checked=tuple(checked), contradictions=contradictions,
                     probe_results=PROBES, environment=environment)  # fmt: skip


def build_vocabulary() -> Vocabulary:
    """A fixed vocabulary, so goldens do not change when the project's vocabulary grows."""
    subjects = {"tensorflow": ("TensorFlow",), "keras": ("Keras",), "pytorch": ("PyTorch",), "jax": ("JAX",)}
    names = ["implementation_language", "platforms", "popularity", "api_language", "performance", "debugging",
             "execution_model", "backends", "hardware_support"]  # fmt: skip
    attributes = {name: AttributeSpec(name, "text", f"what the article says about {name.replace('_', ' ')}") for name in names}
    return Vocabulary(subjects=subjects, attributes=attributes, verdicts=dict(DEFAULT_MEANINGS))


@pytest.fixture()
def run_result() -> RunResult:
    return build_run_result()


@pytest.fixture()
def vocab() -> Vocabulary:
    return build_vocabulary()
