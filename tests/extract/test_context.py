"""Section headings, pronouns, bullets and numbered lists decide what a sentence is about."""

from __future__ import annotations

from tests.extract.conftest import Extract, only, pairs


def test_pronoun_resolves_to_the_heading_framework(extract: Extract) -> None:
    text = "What is MXNet?\n\nIt can run on top of several execution engines and it is licensed under Apache 2.0.\n"
    assert ("mxnet", "license") in pairs(extract(text))


def test_pronoun_resolves_to_the_previous_sentence(extract: Extract) -> None:
    text = "Caffe is a vision library from Berkeley. It is written in C++."
    assert [c.value for c in only(extract(text), "caffe", "implementation_language")] == [["c++"]]


def test_framework_named_inside_does_not_steal_the_subject(extract: Extract) -> None:
    text = "What is Keras?\n\nIt can run on top of JAX as well.\n"
    claims = extract(text)
    assert [c.value for c in only(claims, "keras", "backends")] == [["jax"]]
    assert not only(claims, "jax", "backends")


def test_bullets_under_a_framework_heading(extract: Extract) -> None:
    text = "## Caffe\n\nPros:\n\n  • Fast on GPUs for image models.\n  • Simple to learn for beginners.\n\nCons:\n\n  • Poor documentation.\n"
    found = pairs(extract(text))
    assert {("caffe", "hardware_support"), ("caffe", "ease_of_use"), ("caffe", "documentation")} <= found


def test_numbered_feature_list_under_a_framework(extract: Extract) -> None:
    text = "JAX is a library for array programs.\n1. Portable: It runs on CPUs, GPUs and TPUs.\n2. Fast: It compiles code for high performance.\n"
    found = pairs(extract(text))
    assert {("jax", "hardware_support"), ("jax", "performance")} <= found


def test_lead_in_lists_take_the_lead_attribute(extract: Extract) -> None:
    text = "MXNet is used in these scenarios\n\n  • Recommendation engines\n  • Speech recognition\n"
    values = {c.value for c in only(extract(text), "mxnet", "use_case")}
    assert values == {"recommendation engines", "speech recognition"}


def test_a_new_heading_without_framework_ends_the_section(extract: Extract) -> None:
    text = "What is JAX?\n\nIt is written in Python.\n\nWhat is a tensor?\n\nIt is written in many papers as a grid.\n"
    assert [c.value for c in only(extract(text), "jax", "implementation_language")] == [["python"]]


def test_boilerplate_never_yields_claims(vocab) -> None:  # type: ignore[no-untyped-def]
    from pipeline.extract import extract_claims
    from pipeline.records import Source, Span

    text = "JAX is written in Python.\nLeave a comment: Keras is written in Python.\n"
    source = Source(file="b.txt", text=text, boilerplate=(Span(start=26, end=len(text), reason="comments"),))
    assert {c.subject for c in extract_claims([source], vocab)} == {"jax"}
