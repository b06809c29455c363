"""Article files factcheck cannot read faithfully are errors, never silently skipped: empty,
binary, not UTF-8, too large, missing; the whole folder's problems come in one report."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ErrorGroup, FactcheckError
from pipeline.ingest import loader
from pipeline.ingest.loader import MAX_SOURCE_BYTES, load_sources

GOOD = "Keras is written in Python.\n"

# (file name, bytes, code, line or None, fragment)
BAD_FILES = {
    "zero_bytes": ("a.txt", b"", "E203", None, "the article is empty"),
    "whitespace_only": ("a.md", b"  \n\t\n", "E203", None, "whitespace only"),
    "byte_order_mark_only": ("a.txt", b"\xef\xbb\xbf\n", "E203", None, "whitespace only"),
    "html_without_text": ("a.html", b"<html><head><script>x()</script></head><body></body></html>", "E203", None, "HTML markup without text"),
    "nul_bytes": ("a.txt", b"Keras\nis \x00 binary", "E204", 2, "NUL byte at byte offset 9"),
    "utf16": ("a.txt", "Keras".encode("utf-16"), "E204", 1, "binary file"),
    "latin1": ("a.txt", b"Line one.\nCaf\xe9 au lait.\n", "E202", 2, "byte 0xe9 at byte offset 13"),
    "truncated_utf8": ("a.md", "Keras – fast".encode()[:7], "E202", 1, "byte offset 6"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_an_unreadable_article_is_a_located_error(tmp_path: Path, case: str) -> None:
    name, raw, code, line, fragment = BAD_FILES[case]
    (tmp_path / name).write_bytes(raw)
    with pytest.raises(ErrorGroup) as caught:
        load_sources(tmp_path)
    (error,) = caught.value.errors
    assert error.code == code and fragment in error.message, error.render()
    assert error.location is not None and Path(error.location.file).name == name
    assert error.location.line == line
    assert error.fix and "\n  fix: " in error.render()


def test_a_huge_article_is_refused_by_size_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    read = Path.read_bytes

    def guarded(path: Path) -> bytes:
        assert path != big, "the oversized file was read into memory"
        return read(path)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    with pytest.raises(ErrorGroup) as caught:
        load_sources(tmp_path)
    (error,) = caught.value.errors
    assert error.code == "E205"
    assert "52.4 MB" in error.message and f"{MAX_SOURCE_BYTES // 2**20} MB limit" in error.message


def test_the_size_cap_admits_a_file_just_under_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_SOURCE_BYTES", len(GOOD))
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert load_sources(tmp_path)[0].text == GOOD
    (tmp_path / "a.txt").write_text(GOOD + "x", encoding="utf-8")
    with pytest.raises(ErrorGroup, match="E205"):
        load_sources(tmp_path)


@pytest.mark.parametrize(
    ("index", "code", "line", "fragment"),
    [
        ("sources:\n  - file: a.txt\n  - file: gone.txt\n", "E201", 3, "'gone.txt' is listed but not in"),
        ("sources:\n  - file: a.txt\n  - file: a.txt\n    title: again\n", "E108", 3, "listed twice (first on line 2)"),
        ("sources:\n  - file: notes.pdf\n", "E202", 2, "not an article type"),
        ("sources:\n  - file: sub\n", "E201", 2, "listed but not in"),
        ("", "E102", 1, "it is empty"),
        ("source:\n  - file: a.txt\n", "E102", 1, "no 'sources' key"),
        ("sources:\n  - file: a.txt\n    file: b.txt\n", "E109", 3, "appears twice"),
    ],
)
def test_a_bad_index_entry_is_located(tmp_path: Path, index: str, code: str, line: int, fragment: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.yaml").write_text(index, encoding="utf-8")
    with pytest.raises(ErrorGroup) as caught:
        load_sources(tmp_path)
    (error,) = caught.value.errors
    assert error.code == code and fragment in error.message, error.render()
    assert f"index.yaml:{line}:" in error.render()


@pytest.mark.parametrize(("make", "fragment"), [(lambda p: None, "sources folder not found"), (lambda p: p.write_text("x"), "is a file, not a folder")])
def test_a_missing_sources_folder_says_so(tmp_path: Path, make, fragment: str) -> None:
    folder = tmp_path / "sources"
    make(folder)
    with pytest.raises(FactcheckError) as caught:
        load_sources(folder)
    assert caught.value.code == "E201" and fragment in caught.value.message and "--sources" in caught.value.fix


def test_every_problem_of_the_folder_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "index.yaml").write_text("sources:\n  - file: gone.txt\n", encoding="utf-8")
    with pytest.raises(ErrorGroup) as caught:
        load_sources(tmp_path)
    assert sorted(error.code for error in caught.value.errors) == ["E201", "E203", "E204"]
    assert all(line.startswith(("E2", "  fix: ")) for line in caught.value.render().splitlines())


def test_an_article_with_a_byte_order_mark_keeps_it_so_offsets_still_match(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (source,) = load_sources(tmp_path)
    assert source.text == "\ufeff" + GOOD


def test_two_articles_differing_only_in_extension_are_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ErrorGroup) as caught:
        load_sources(tmp_path)
    (error,) = caught.value.errors
    assert error.code == "E108" and error.location is not None and Path(error.location.file).name == "notes.txt"
    assert "same name as notes.md" in error.message and "claims/extracted/notes.yaml" in error.message
    assert "rename one" in error.fix


def test_an_article_missing_from_the_index_is_checked_with_its_first_line_as_title(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text("# JAX notes\n\nJAX runs on TPUs.\n", encoding="utf-8")
    (tmp_path / "index.yaml").write_text("sources:\n  - file: a.txt\n    title: Listed\n", encoding="utf-8")
    listed, unlisted = load_sources(tmp_path)
    assert (listed.file, listed.title) == ("a.txt", "Listed")
    assert (unlisted.file, unlisted.title, unlisted.published, unlisted.url) == ("b.md", "JAX notes", None, None)
