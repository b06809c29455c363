"""Load a sources folder: article files plus ``index.yaml`` metadata, as Source records.

Text and Markdown files are kept byte for byte (decoded as UTF-8); HTML becomes structured
text (see ``html.py``). Every claim offset points into ``Source.text``, so
``source.text[claim.start:claim.end] == claim.quote`` always holds.

A file factcheck cannot read faithfully is an error, never skipped: an empty file (or one of
whitespace only), a binary file (NUL bytes), text that is not UTF-8, or a file above
``MAX_SOURCE_BYTES``. Skipping would let a user believe an article was checked. Two articles
whose names differ only in their extension are refused too: they would share one claim file.
Every problem of the folder is reported at once.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.catalog.yamlio import load_located, read_each, require_list, validate_model
from pipeline.errors import (
    E_DUPLICATE_ID,
    E_SOURCE_BINARY,
    E_SOURCE_EMPTY,
    E_SOURCE_FORMAT,
    E_SOURCE_MISSING,
    E_SOURCE_TOO_LARGE,
    ErrorGroup,
    FactcheckError,
    Location,
)
from pipeline.ingest.boilerplate import find_boilerplate
from pipeline.ingest.html import html_to_text
from pipeline.records import Source

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
INDEX_NAME = "index.yaml"
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Far above any article (the longest shipped one is under 100 kB); a bigger file is a
# mistake (a data dump, a video) and is refused before it is read into memory.
MAX_SOURCE_BYTES = 10 * 1024 * 1024


class IndexEntry(BaseModel):
    """One entry of ``index.yaml``."""

    model_config = ConfigDict(extra="forbid")

    file: str = Field(description="Article file name inside the sources folder.")
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD, or null.")

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, value: object) -> str | None:
        if value is None:
            return None
        text = str(value)
        if not DATE_PATTERN.match(text):
            raise ValueError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        return text


def _entry_problems(entry: IndexEntry, folder: Path, where: Location, seen: dict[str, Location]) -> list[FactcheckError]:
    """A listed file that is missing, not an article type, or listed twice."""
    problems = []
    if entry.file in seen:
        message = f"{entry.file!r} is listed twice (first on line {seen[entry.file].line})"
        problems.append(FactcheckError(E_DUPLICATE_ID, message, where, "merge the two entries into one"))
    if not (folder / entry.file).is_file():
        message = f"{entry.file!r} is listed but not in {folder}"
        problems.append(FactcheckError(E_SOURCE_MISSING, message, where, "add the file or remove the entry"))
    elif not entry.file.lower().endswith(SUFFIXES):
        message = f"{entry.file!r} is not an article type factcheck reads ({', '.join(SUFFIXES)})"
        fix = "save the article as .txt, .md or .html, or remove the entry"
        problems.append(FactcheckError(E_SOURCE_FORMAT, message, where, fix))
    return problems


def read_index(folder: Path) -> dict[str, IndexEntry]:
    """Metadata by file name; an absent index means no metadata."""
    path = folder / INDEX_NAME
    if not path.exists():
        return {}
    data, lines = load_located(path)
    items = require_list(data, "sources", path, lines)
    base = ("sources",) if isinstance(data, dict) else ()
    entries: dict[str, IndexEntry] = {}
    errors: list[FactcheckError] = []
    seen: dict[str, Location] = {}
    for position, item in enumerate(items):
        entry, problems = validate_model(IndexEntry, item, path, lines, base + (position,))
        errors.extend(problems)
        if not isinstance(entry, IndexEntry):
            continue
        where = Location(path, lines.line_of(base + (position, "file")), f"sources[{position}].file")
        errors.extend(_entry_problems(entry, folder, where, seen))
        seen.setdefault(entry.file, where)
        entries[entry.file] = entry
    if errors:
        raise ErrorGroup(errors)
    return entries


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a file over the size cap before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            message = f"file is {size / 1e6:.1f} MB, over the {MAX_SOURCE_BYTES // 2**20} MB limit for an article"
            fix = "remove it from the sources folder, or split it into articles"
            raise FactcheckError(E_SOURCE_TOO_LARGE, message, Location(path), fix)
        return path.read_bytes()
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        raise FactcheckError(E_SOURCE_MISSING, message, Location(path), "check its permissions") from None


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 text, or a located error saying what the bytes are instead."""
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        message = f"binary file: NUL byte at byte offset {offset}"
        fix = "save the article as UTF-8 text (not UTF-16, PDF or a word-processor file)"
        raise FactcheckError(E_SOURCE_BINARY, message, Location(path, raw.count(b"\n", 0, offset) + 1), fix)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}"
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FactcheckError(E_SOURCE_FORMAT, message, Location(path, line), "save the article as UTF-8") from None


def read_text(path: Path) -> str:
    """The article text as factcheck sees it."""
    raw = _decode(path, _read_bytes(path))
    text = html_to_text(raw) if path.suffix.lower() in (".html", ".htm") else raw
    if not text.lstrip("\ufeff").strip():
        blank = not raw.lstrip("\ufeff").strip()
        what = ("empty" if not raw else "whitespace only") if blank else "HTML markup without text"
        fix = "add the article's text, or delete the file"
        raise FactcheckError(E_SOURCE_EMPTY, f"the article is {what}", Location(path), fix)
    return text


def article_files(folder: Path) -> list[Path]:
    """The article files of a folder, in name order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def _name_clashes(paths: list[Path]) -> list[FactcheckError]:
    """Articles whose names differ only in their extension: they would share one claim file
    (``claims/extracted/<name>.yaml``), and one article's reviews would overwrite the other's."""
    first: dict[str, Path] = {}
    errors = []
    for path in paths:
        stem = path.name.rsplit(".", 1)[0]
        if stem in first:
            message = f"same name as {first[stem].name}: both would keep their claims in claims/extracted/{stem}.yaml"
            fix = "rename one of the two articles (and its index.yaml entry)"
            errors.append(FactcheckError(E_DUPLICATE_ID, message, Location(path), fix))
        first.setdefault(stem, path)
    return errors


def _index_or_errors(folder: Path) -> tuple[dict[str, IndexEntry], list[FactcheckError]]:
    try:
        return read_index(folder), []
    except ErrorGroup as group:
        return {}, group.errors
    except FactcheckError as error:
        return {}, [error]


def load_sources(folder: Path, texts: bool = True) -> list[Source]:
    """Every article of ``folder`` as a Source, in file-name order; every problem raised together.

    Without ``texts`` every article is still read and checked, but its Source keeps the
    metadata only (``text`` empty): a run over thousands of articles reads each text again
    where it is needed (``with_text``) instead of holding them all.
    """
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "sources folder not found"
        raise FactcheckError(E_SOURCE_MISSING, what, Location(folder), "pass --sources DIR, a folder of articles")
    index, errors = _index_or_errors(folder)
    paths = article_files(folder)
    found, problems = read_each(paths, read_text if texts else _title_only)
    errors.extend(problems + _name_clashes(paths))
    if errors:
        raise ErrorGroup(errors)
    sources = []
    for path, text in found:
        entry = index.get(path.name) or IndexEntry(file=path.name)
        title = entry.title or (first_line(text) if texts else text)
        sources.append(Source(file=path.name, title=title, publisher=entry.publisher, url=entry.url, published=entry.published, text=""))
        if texts:
            sources[-1] = with_text(sources[-1], text)
    return sources


def _title_only(path: Path) -> str | None:
    """The fallback title of an article, its text checked like any other and then let go."""
    return first_line(read_text(path))


class SourceTexts(Mapping[str, Source]):
    """Sources by file name, each read with its text when first asked for (one kept at a
    time): for the few checks that need an article's text in a run that keeps none."""

    def __init__(self, sources: Iterable[Source], folder: Path) -> None:
        self._sources = {source.file: source for source in sources}
        self._folder = folder
        self._last: Source | None = None

    def __getitem__(self, file: str) -> Source:
        if self._last is None or self._last.file != file:
            source = self._sources[file]
            self._last = source if source.text else with_text(source, folder=self._folder)
        return self._last

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


def with_text(source: Source, text: str | None = None, folder: Path | None = None) -> Source:
    """``source`` with its text (read from ``folder`` when not given) and boilerplate spans."""
    if text is None:
        text = read_text((folder or Path(".")) / source.file)
    return source.model_copy(update={"text": text, "boilerplate": tuple(find_boilerplate(text))})


def first_line(text: str) -> str | None:
    """The first non-empty line, as a fallback title."""
    for line in text.splitlines():
        stripped = line.strip().lstrip("\ufeff#").strip()
        if stripped:
            return stripped[:200]
    return None
