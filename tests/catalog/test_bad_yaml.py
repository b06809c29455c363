"""Bad YAML of every kind gives one coded line naming file, line (and field) plus a fix:
syntax and encoding, wrong shapes, unknown names with suggestions, repeated keys, duplicate
ids; and writes fail cleanly, leaving no temporary file."""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path
from typing import Callable

import pytest

from pipeline.catalog.claims import read_curated
from pipeline.catalog.yamlio import check_writable, load_located, write_atomic
from pipeline.errors import ErrorGroup, FactcheckError, WriteError
from pipeline.probes import load_probes
from pipeline.reconcile import load_facts
from pipeline.vocab import load_vocabulary
from tests.tmp_project import FACTS, PROBE

VOCAB = load_vocabulary()
CLAIM = "  - quote: Keras is written in Python.\n    subject: keras\n    attribute: implementation_language\n"
FIELDS = CLAIM.replace("  - ", "    ", 1)  # the same entry's fields, to follow an '- id:' line


def _errors(caught: pytest.ExceptionInfo[FactcheckError]) -> list[FactcheckError]:
    error = caught.value
    return error.errors if isinstance(error, ErrorGroup) else [error]


def _read_claims(folder: Path) -> None:
    read_curated(folder, VOCAB)


# (file text, code, line, fragment of message or fix)
BAD_CLAIM_FILES = {
    "syntax_unclosed_quote": ("claims:\n  - quote: 'unterminated\n    subject: keras\n", "E101", 4, "quoted scalar at line 2, column 12"),
    "syntax_bad_indent": ("claims:\n  - quote: x\n   subject: keras\n", "E101", 3, "line 3, column"),
    "syntax_tab": ("claims:\n\t- quote: x\n", "E101", 2, "indent with spaces"),
    "control_character": ("claims: \x07\n", "E101", 1, "line 1, column 9"),
    "empty_file": ("", "E102", 1, "it is empty"),
    "comments_only": ("# nothing yet\n", "E102", 1, "it is empty"),
    "scalar_file": ("just some words\n", "E102", 1, "found text"),
    "mapping_without_list": ("claim:\n" + CLAIM, "E102", 1, "no 'claims' key (top-level keys: 'claim')"),
    "mapping_where_list_expected": ("claims:\n  quote: x\n", "E102", 1, "found a mapping"),
    "entry_not_a_mapping": ("claims:\n  - just a quote\n", "E102", 2, "valid dictionary"),
    "repeated_key": (f"claims:\n{CLAIM}    subject: jax\n", "E109", 5, "first on line 3"),
    "unknown_subject": ("claims:\n" + CLAIM.replace("keras", "kers"), "E103", 3, "did you mean 'keras'?"),
    "subject_alias": ("claims:\n" + CLAIM.replace("keras", "tf"), "E103", 3, "did you mean 'tensorflow'?"),
    "unknown_attribute": ("claims:\n" + CLAIM.replace("implementation_language", "implementation_langauge"), "E104", 4, "did you mean 'implementation_language'?"),
    "enum_value": ("claims:\n" + CLAIM.replace("implementation_language", "api_level") + "    value: hihg\n", "E105", 5, "did you mean 'high'?"),
    "duplicate_id_in_file": (f"claims:\n  - id: c1\n{FIELDS}  - id: c1\n{FIELDS}", "E108", 6, "'c1' is already used in bad.yaml:2"),
    "identical_entries": (f"claims:\n{CLAIM}{CLAIM}", "E108", 5, "already used in bad.yaml:2"),
}


@pytest.mark.parametrize("case", sorted(BAD_CLAIM_FILES))
def test_bad_claim_file_gives_one_located_line_and_a_fix(tmp_path: Path, case: str) -> None:
    text, code, line, fragment = BAD_CLAIM_FILES[case]
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(FactcheckError) as caught:
        _read_claims(tmp_path)
    (error,) = _errors(caught)
    rendered = error.render()
    assert error.code == code, rendered
    assert f"bad.yaml:{line}:" in rendered
    assert fragment in rendered
    head, fix = rendered.split("\n")
    assert fix.startswith("  fix: ") and len(fix) > len("  fix: ")
    assert "Traceback" not in rendered


@pytest.mark.parametrize(
    ("raw", "code", "line", "fragment"),
    [
        (b"claims:\n  - quote: caf\xe9\n", "E101", 2, "byte 0xe9 at byte offset 22"),
        (b"claims:\n  - quote: \x00\n", "E101", 2, "#x0000"),
        (b"\xff\xfec\x00l\x00", "E101", 1, "byte offset 0"),
    ],
)
def test_a_yaml_file_that_is_not_utf8_text_names_the_byte(tmp_path: Path, raw: bytes, code: str, line: int, fragment: str) -> None:
    (tmp_path / "bad.yaml").write_bytes(raw)
    with pytest.raises(FactcheckError) as caught:
        _read_claims(tmp_path)
    (error,) = _errors(caught)
    assert (error.code, error.location and error.location.line) == (code, line)
    assert fragment in error.render()


def test_a_folder_named_like_a_yaml_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "odd.yaml").mkdir()
    with pytest.raises(FactcheckError, match="cannot read the file"):
        _read_claims(tmp_path)


def test_duplicate_claim_ids_across_files_name_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(f"claims:\n  - id: shared\n{FIELDS}", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(f"# second file\nclaims:\n  - id: shared\n{FIELDS}", encoding="utf-8")
    with pytest.raises(ErrorGroup) as caught:
        _read_claims(tmp_path)
    (error,) = caught.value.errors
    assert error.code == "E108"
    assert "b.yaml:3:" in error.render() and "already used in a.yaml:2" in error.message


def _probes(tmp_path: Path, files: dict[str, str]) -> Callable[[], object]:
    folder = tmp_path / "probes"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return lambda: load_probes(folder, VOCAB)


def _facts(tmp_path: Path, files: dict[str, str]) -> Callable[[], object]:
    folder = tmp_path / "facts"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return lambda: load_facts(folder, VOCAB)


SECOND_PROBE = PROBE.replace("probes:\n", "")
SECOND_FACT = FACTS.replace("facts:\n", "")

# (files, code, where the error is, fragment)
BAD_CATALOGS = {
    "probe_kind": ("probes", {"p.yaml": PROBE.replace("python_expr.v1", "python_exp.v1")}, "E107", "p.yaml:5:", "did you mean 'python_expr.v1'?"),
    "probe_subject": ("probes", {"p.yaml": PROBE.replace("subject: pytorch", "subject: pytroch")}, "E103", "p.yaml:3:", "did you mean 'pytorch'"),
    "probe_id_in_file": ("probes", {"p.yaml": PROBE + SECOND_PROBE}, "E108", "p.yaml:13:", "already used in p.yaml:2"),
    "probe_id_across_files": ("probes", {"a.yaml": PROBE, "b.yaml": PROBE}, "E108", "b.yaml:2:", "already used in a.yaml:2"),
    "probe_file_empty": ("probes", {"p.yaml": ""}, "E102", "p.yaml:1:", "it is empty"),
    "fact_id_in_file": ("facts", {"f.yaml": FACTS + SECOND_FACT}, "E108", "f.yaml:9:", "already used in f.yaml:2"),
    "fact_id_across_files": ("facts", {"a.yaml": FACTS, "b.yaml": FACTS}, "E108", "b.yaml:2:", "already used in a.yaml:2"),
    "fact_attribute": ("facts", {"f.yaml": FACTS.replace("attribute: license", "attribute: licence")}, "E104", "f.yaml:4:", "did you mean 'license'?"),
    "fact_file_is_a_list_of_text": ("facts", {"f.yaml": "- keras is great\n"}, "E102", "f.yaml:1:", "valid dictionary"),
}


@pytest.mark.parametrize("case", sorted(BAD_CATALOGS))
def test_bad_probe_or_fact_file_gives_a_located_line(tmp_path: Path, case: str) -> None:
    kind, files, code, where, fragment = BAD_CATALOGS[case]
    load = (_probes if kind == "probes" else _facts)(tmp_path, files)
    with pytest.raises(FactcheckError) as caught:
        load()
    errors = _errors(caught)
    assert len(errors) == 1, [error.render() for error in errors]
    rendered = errors[0].render()
    assert errors[0].code == code and where in rendered and fragment in rendered, rendered


def test_an_unknown_probe_kind_is_reported_with_the_probe_s_other_problems(tmp_path: Path) -> None:
    text = PROBE.replace("python_expr.v1", "pyton_expr.v1").replace("    description: a cheap probe that needs no framework\n", "")
    with pytest.raises(FactcheckError) as caught:
        _probes(tmp_path, {"p.yaml": text})()
    assert sorted(error.code for error in _errors(caught)) == ["E106", "E107"]
    assert "p.yaml:5: field 'probes[0].kind': unknown probe kind 'pyton_expr.v1'; did you mean 'python_expr.v1'?" in caught.value.render()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("subjects: [keras]\nattributes: {}\n", "'subjects' must be a mapping"),
        ("subjects:\n  keras: Keras\nattributes: {}\n", "'subjects.keras' must be a list"),
        ("subjects: {}\nattributes:\n  license: text\n", "'attributes.license' must be a mapping"),
        ("subjects: {}\nattributes:\n  license:\n    kind: txt\n", "did you mean 'text'?"),
        ("- keras\n", "needs 'subjects' and 'attributes'"),
    ],
)
def test_a_malformed_vocabulary_is_a_located_error(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactcheckError) as caught:
        load_vocabulary(path)
    assert fragment in caught.value.render() and "vocabulary.yaml:" in caught.value.render()


def test_a_merge_key_is_not_a_repeated_key(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n", encoding="utf-8")
    data, _ = load_located(path)
    assert data["item"] == {"x": 1, "y": 2}


def test_write_atomic_under_a_file_is_a_coded_error(tmp_path: Path) -> None:
    (tmp_path / "reports").write_text("not a folder", encoding="utf-8")
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / "reports" / "index.md", "text")
    assert caught.value.code == "E601" and "is a file, not a folder" in caught.value.render()
    assert isinstance(caught.value, OSError)  # callers that tolerate a failed optional write still do
    with pytest.raises(WriteError, match="is a file, not a folder"):
        check_writable(tmp_path / "reports" / "deeper")


def test_write_atomic_on_permission_denied_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "claims.json"
    target.write_text("old", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteError, match="Permission denied"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["claims.json"]


def test_write_atomic_interrupted_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "claims.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["claims.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_reported_before_writing(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            check_writable(folder)
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_write_atomic_gives_a_new_file_the_usual_mode(tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "deep" / "new.md", "text")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "deep" / "new.md").stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o444])
def test_write_atomic_keeps_an_existing_file_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "index.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert [path.name for path in tmp_path.iterdir()] == ["index.yaml"]
