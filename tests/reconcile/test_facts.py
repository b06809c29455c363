"""Reference facts load validated, and malformed files give located errors with a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ErrorGroup, FactcheckError
from pipeline.paths import PROJECT_CLAIMS
from pipeline.reconcile import load_facts
from pipeline.vocab import load_vocabulary

VOCAB = load_vocabulary()
GOOD = """facts:
  - id: sample
    subject: keras
    attribute: license
    value: Apache-2.0
    statement: Keras uses Apache 2.0.
    valid_from: "2021-04"
    citation: https://github.com/keras-team/keras/blob/master/LICENSE
"""


def test_the_project_facts_load() -> None:
    facts = load_facts(PROJECT_CLAIMS / "facts", VOCAB)
    assert facts and all(fact.citation.startswith("https://") for fact in facts)
    assert len({fact.id for fact in facts}) == len(facts)


@pytest.mark.parametrize(
    ("broken", "expected", "line"),
    [
        (GOOD.replace('"2021-04"', '"April 2021"'), "is not a date", 7),
        (GOOD.replace("subject: keras", "subject: kerass"), "unknown subject 'kerass'", 3),
        (GOOD.replace("attribute: license", "attribute: licence"), "unknown attribute 'licence'", 4),
        (GOOD.replace("    citation: https://github.com/keras-team/keras/blob/master/LICENSE\n", ""), "Field required", 2),
        (GOOD.replace("https://github.com/keras-team/keras/blob/master/LICENSE", "the Keras repo"), "is not a URL", 8),
        (GOOD.replace("    statement: Keras uses Apache 2.0.", "    statement: [unclosed"), "not valid YAML", 7),
    ],
    ids=["bad-date", "unknown-subject", "unknown-attribute", "missing-citation", "citation-not-url", "yaml-syntax"],
)
def test_malformed_facts_give_located_errors(tmp_path: Path, broken: str, expected: str, line: int) -> None:
    (tmp_path / "bad.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(FactcheckError) as caught:
        load_facts(tmp_path, VOCAB)
    errors = caught.value.errors if isinstance(caught.value, ErrorGroup) else [caught.value]
    rendered = "\n".join(error.render() for error in errors)
    assert expected in rendered
    assert f"bad.yaml:{line}" in rendered
    assert all(error.fix for error in errors)


def test_unknown_subject_lists_the_allowed_ones(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(GOOD.replace("subject: keras", "subject: caffe2"), encoding="utf-8")
    with pytest.raises(ErrorGroup) as caught:
        load_facts(tmp_path, VOCAB)
    assert "tensorflow" in caught.value.errors[0].fix


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ErrorGroup, match="already used in one.yaml"):
        load_facts(tmp_path, VOCAB)
