"""Lexicon files are validated; a malformed one gives a located error; a claims folder overrides."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import ErrorGroup, FactcheckError
from pipeline.extract import extract_claims
from pipeline.extract.lexicon import lexicon_folder, load_lexicon
from pipeline.extract.matchers import Matchers
from pipeline.extract.nlp import extraction_nlp
from pipeline.paths import PROJECT_CLAIMS
from pipeline.records import Source
from pipeline.vocab import Vocabulary


def _copy(tmp_path: Path) -> Path:
    claims = tmp_path / "claims"
    shutil.copytree(PROJECT_CLAIMS / "lexicon", claims / "lexicon")
    return claims


def _errors(excinfo: pytest.ExceptionInfo[FactcheckError]) -> list[FactcheckError]:
    error = excinfo.value
    return error.errors if isinstance(error, ErrorGroup) else [error]


def test_unknown_rule_kind_is_located(tmp_path: Path, vocab: Vocabulary) -> None:
    claims = _copy(tmp_path)
    path = claims / "lexicon" / "attributes" / "debugging.yaml"
    path.write_text("attribute: debugging\nvalue: {kind: text}\nrules:\n  - id: bad\n    kind: regex\n    patterns: [x]\n")
    with pytest.raises(FactcheckError) as excinfo:
        load_lexicon(lexicon_folder(claims), vocab)
    [error] = _errors(excinfo)
    assert error.location is not None and error.location.line == 5 and "kind" in (error.location.field or "")
    assert "debugging.yaml" in str(error.location.file)


def test_unknown_attribute_names_the_allowed_ones(tmp_path: Path, vocab: Vocabulary) -> None:
    claims = _copy(tmp_path)
    (claims / "lexicon" / "attributes" / "speediness.yaml").write_text(
        "attribute: speediness\nvalue: {kind: text}\nrules:\n  - {id: s, kind: phrase, patterns: [zoom]}\n"
    )
    with pytest.raises(FactcheckError) as excinfo:
        load_lexicon(lexicon_folder(claims), vocab)
    assert "performance" in _errors(excinfo)[0].fix


def test_invalid_token_pattern_is_located(tmp_path: Path, vocab: Vocabulary) -> None:
    claims = _copy(tmp_path)
    path = claims / "lexicon" / "attributes" / "mobile.yaml"
    path.write_text("attribute: mobile\nvalue: {kind: text}\nrules:\n  - id: m\n    kind: tokens\n    patterns:\n      - [{LOWER: on}]\n")
    lexicon = load_lexicon(lexicon_folder(claims), vocab)
    with pytest.raises(FactcheckError) as excinfo:
        Matchers(extraction_nlp([]), lexicon)
    [error] = _errors(excinfo)
    assert error.location is not None and error.location.line == 6 and "quote" in error.fix


def test_claims_folder_lexicon_overrides_the_project(tmp_path: Path, vocab: Vocabulary) -> None:
    claims = _copy(tmp_path)
    (claims / "lexicon" / "attributes" / "mobile.yaml").write_text(
        "attribute: mobile\nvalue: {kind: text}\nrules:\n  - {id: m.pocket, kind: phrase, patterns: [pocket devices]}\n"
    )
    source = Source(file="p.txt", text="JAX models now fit on pocket devices.")
    [claim] = [c for c in extract_claims([source], vocab, claims) if c.attribute == "mobile"]
    assert claim.subject == "jax" and claim.rule == "mobile:m.pocket"
