"""Constructions that other authors use, beyond the seed articles' wording.

Every case is a sentence written for these tests and stands for a class: emphasised lead-ins
("**Pros**") inside a framework's section, placeholder table cells, a bare "Python" row label,
comparisons through a preposition ("than in X"), attribute nouns as comparison subjects, years
that date the end of work rather than a release, products named after a framework, pronouns that
take up the earlier clause subject, and the common phrasings of who made a framework, whether it
is still maintained, how popular it is, how easy it is, and which engine it runs on.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract, only, pairs

FOUND = [
    # developer_org: "made by", an owner noun ("a Microsoft toolkit"), an appositive "from", "X backed"
    ("MXNet is made by a group that later joined Amazon.", "mxnet", "developer_org"),
    ("CNTK is a mature Microsoft toolkit for speech models.", "cntk", "developer_org"),
    ("Theano is Montreal's library for symbolic maths.", "theano", "developer_org"),
    ("Caffe, from BVLC, still powers some vision demos.", "caffe", "developer_org"),
    ("Deeplearning4j, the library Microsoft backed for a while, runs on the JVM.", "deeplearning4j", "developer_org"),
    ("Theano was dropped when researchers at MILA stopped developing it.", "theano", "developer_org"),
    # community: the project is no longer looked after
    ("Caffe is effectively unmaintained these days.", "caffe", "community"),
    ("CNTK is no longer maintained by anyone.", "cntk", "community"),
    # popularity: standing in papers, production and momentum
    ("MXNet shows up in fewer research papers each year.", "mxnet", "popularity"),
    ("PyTorch is gaining ground on every benchmark leaderboard.", "pytorch", "popularity"),
    ("Keras is among the most widely deployed toolkits in industry.", "keras", "popularity"),
    # ease_of_use: learning effort and flexibility
    ("MXNet is harder to learn than its rivals.", "mxnet", "ease_of_use"),
    ("Keras is less flexible than raw TensorFlow for odd layers.", "keras", "ease_of_use"),
    ("For many students JAX offers the nicest API around.", "jax", "ease_of_use"),
    # debugging through the debugger words authors use
    ("With PyTorch the usual Python debuggers work out of the box.", "pytorch", "debugging"),
    # backends: the engine left, and a compiler underneath
    ("Keras nowadays only runs on TensorFlow.", "keras", "backends"),
    ("Every JAX program is compiled through XLA before it runs.", "jax", "backends"),
    # api_language: a front end in some language
    ("TensorFlow keeps its kernels in C++ behind a Python front end.", "tensorflow", "api_language"),
    # mobile: phones
    ("On phones MXNet was the lightest option back then.", "mxnet", "mobile"),
    # distributed_training: sharding and scaling across many devices
    ("JAX makes sharding a model across many GPUs explicit.", "jax", "distributed_training"),
    # use_case: who it is for
    ("DL4J was never a research framework, it targets enterprises.", "deeplearning4j", "use_case"),
    # performance: superlatives and speedups
    ("On small CPUs MXNet gives the best performance per watt.", "mxnet", "performance"),
    ("Recompiling the model gave Keras a tidy speedup.", "keras", "performance"),
    # popularity: being known, said of a framework
    ("Most data scientists are aware of JAX by now.", "jax", "popularity"),
    # api_language: a language describing the framework named right after it
    ("PyTorch descends from the Lua-based Torch project.", "torch_lua", "api_language"),
    # python_versions: a major version only
    ("Keras is Python 3 only since its last release.", "keras", "python_versions"),
]


@pytest.mark.parametrize(("text", "subject", "attribute"), FOUND, ids=[f"{c[2]}-{n}" for n, c in enumerate(FOUND)])
def test_construction_is_read(extract: Extract, text: str, subject: str, attribute: str) -> None:
    assert (subject, attribute) in pairs(extract(text))


NOT_FOUND = [
    # a year after "stopped" or "backed" dates the end of work or funding, not a release
    ("Microsoft stopped shipping new CNTK builds in 2019.", "cntk", "initial_release"),
    ("MXNet, which Amazon backed in 2017, still has users.", "mxnet", "initial_release"),
    # a product named after the framework is not the framework
    ("TensorFlow Lite, introduced in 2017, targets small devices.", "tensorflow", "initial_release"),
    # project pace is not speed; leading in deployments is adoption, not deployment
    ("Release work on Theano has slowed to a trickle.", "theano", "performance"),
    ("TensorFlow still holds a lead in production deployments.", "tensorflow", "deployment"),
    # "be aware of" without a framework after it is advice, not reach
    ("Keras users should be aware of what changed in the last release.", "keras", "popularity"),
    # GPU builds per operating system speak of platforms, phone systems of mobile
    ("MXNet offers GPU wheels for Linux only.", "mxnet", "hardware_support"),
    ("Caffe runs small models on iOS and Android.", "caffe", "platforms"),
]


@pytest.mark.parametrize(("text", "subject", "attribute"), NOT_FOUND, ids=[f"{c[2]}-{n}" for n, c in enumerate(NOT_FOUND)])
def test_lookalike_is_not_read(extract: Extract, text: str, subject: str, attribute: str) -> None:
    assert (subject, attribute) not in pairs(extract(text))


LEAD_IN_SECTION = """### MXNet

MXNet is one of the older options.

**Pros**

- Eager execution by default through Gluon.
- Harder to learn than Keras for newcomers.

**Cons:**

- Very few pretrained weights for language models.
"""


@pytest.mark.parametrize(
    ("subject", "attribute"),
    [("mxnet", "execution_model"), ("mxnet", "ease_of_use"), ("mxnet", "pretrained_models")],
)
def test_emphasised_lead_in_keeps_section_focus(extract: Extract, subject: str, attribute: str) -> None:
    """'**Pros**' labels a list inside the section: its bare items are still about the section's framework."""
    assert (subject, attribute) in pairs(extract(LEAD_IN_SECTION))


TABLE = """| | DL4J | MXNet | Caffe |
|---|---|---|---|
| Python | 3.8+ | 3.7–3.10 | — |
| Mobile runtime | — | n/a | Caffe Mobile |
"""


def test_placeholder_cells_are_not_values(extract: Extract) -> None:
    claims = extract(TABLE)
    assert ("deeplearning4j", "mobile") not in pairs(claims) and ("mxnet", "mobile") not in pairs(claims)
    assert ("caffe", "python_versions") not in pairs(claims)
    assert ("caffe", "mobile") in pairs(claims)


@pytest.mark.parametrize(("subject", "versions"), [("deeplearning4j", ["3.8"]), ("mxnet", ["3.7", "3.10"])])
def test_bare_python_label_reads_versions(extract: Extract, subject: str, versions: list[str]) -> None:
    claims = only(extract(TABLE), subject, "python_versions")
    assert claims and claims[0].value == versions


@pytest.mark.parametrize(
    ("text", "subject", "attribute", "other"),
    [
        ("MXNet is nice.\nProfiling is far simpler than in Theano.", "mxnet", "ease_of_use", "theano"),
        ("JAX is fast.\nDebugging is much harder than with Keras.", "jax", "debugging", "keras"),
        ("Caffe is lean.\nIt is a lot faster than running plain Theano.", "caffe", "performance", "theano"),
    ],
)
def test_comparison_through_preposition(extract: Extract, text: str, subject: str, attribute: str, other: str) -> None:
    """'than in X', 'than with X': X is compared with, the framework in focus is the subject."""
    claims = only(extract(text), subject, attribute)
    assert claims and any(c.relation and c.relation.object == other for c in claims)
    assert (other, attribute) not in pairs(extract(text))


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        ("MXNet 2 dropped support for Theano-style graphs and CNTK, so it only runs on its own engine now.", "mxnet", None),
        ("Keras 2.4 dropped Theano and CNTK, so it now only works with TensorFlow.", "keras", ["tensorflow"]),
    ],
)
def test_pronoun_takes_up_clause_subject(extract: Extract, text: str, subject: str, value: list[str] | None) -> None:
    """'X dropped Y and Z, so it ...': 'it' is X, the earlier subject, not the last framework named."""
    claims = only(extract(text), subject, "backends")
    if value is None:
        assert not any(c.subject in ("cntk", "theano") for c in extract(text) if c.attribute == "backends")
    else:
        assert claims and claims[0].value == value
