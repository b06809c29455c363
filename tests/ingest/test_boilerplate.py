"""Boilerplate marking: comments, bios, teasers and blurbs are cut by general signals."""

from __future__ import annotations

from pipeline.ingest.boilerplate import find_boilerplate
from pipeline.ingest.loader import load_sources
from tests.conftest import SOURCES


def _by_file() -> dict:
    return {s.file: s for s in load_sources(SOURCES)}


def _covered(source, needle: str) -> bool:
    start = source.text.index(needle)
    return source.is_boilerplate(start, start + len(needle))


def test_comment_thread_and_bio_are_cut_from_the_blog_article() -> None:
    source = _by_file()["001_f9702b13d6954d67.txt"]
    tail = source.text[source.text.index("Latest posts by") :]
    assert all(_covered(source, line) for line in tail.splitlines() if line.strip())
    assert _covered(source, "Subscribe to the newsletter")
    assert not _covered(source, "My recommendation would be Tensorflow")


def test_unrelated_teasers_are_cut_from_the_agency_article() -> None:
    source = _by_file()["004_e4f856e430450cd1.txt"]
    assert _covered(source, "Azure vs GCP vs AWS")
    assert _covered(source, "Major Challenges of DevOps Implementation")
    assert not _covered(source, "Keras is widely used")


def test_sales_section_is_cut_but_following_faq_kept() -> None:
    source = _by_file()["003_b2ac4b3b5ae0c572.txt"]
    assert _covered(source, "The deep learning market is forecast")
    assert not _covered(source, "Is TensorFlow better than PyTorch?")


def test_generic_page_furniture_in_new_text() -> None:
    text = (
        "What is MXNet?\n\nMXNet is an Apache project written in C++.\n\n"
        "It scales to many GPUs and machines with little code.\n\n"
        "Join our newsletter for weekly tips.\n\n"
        "It supports Python, Scala and R bindings.\n\n"
        "Leave a Reply\n\n1. Great post, thanks for sharing!\n"
    )
    spans = find_boilerplate(text)
    covered = lambda needle: any(s.start <= text.index(needle) < s.end for s in spans)  # noqa: E731
    assert covered("Join our newsletter")
    assert covered("Great post")
    assert not covered("MXNet is an Apache project")
    assert not covered("It supports Python")
