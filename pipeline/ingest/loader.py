"""Load a sources folder: article files plus ``index.yaml`` metadata, as Source records.

Text and Markdown files are kept byte for byte (decoded as UTF-8); HTML becomes structured
text (see ``html.py``). Every claim offset points into ``Source.text``, so
``source.text[claim.start:claim.end] == claim.quote`` always holds.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.catalog.yamlio import load_located, require_list, validate_model
from pipeline.errors import E_SOURCE_FORMAT, E_SOURCE_MISSING, ErrorGroup, FactcheckError, Location
from pipeline.ingest.boilerplate import find_boilerplate
from pipeline.ingest.html import html_to_text
from pipeline.records import Source

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
INDEX_NAME = "index.yaml"
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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
    for position, item in enumerate(items):
        entry, problems = validate_model(IndexEntry, item, path, lines, base + (position,))
        errors.extend(problems)
        if entry is None:
            continue
        if not (folder / entry.file).exists():
            errors.append(
                FactcheckError(
                    E_SOURCE_MISSING,
                    f"{entry.file!r} is listed but not in {folder}",
                    Location(path, lines.line_of(base + (position, "file")), f"sources[{position}].file"),
                    "add the file or remove the entry",
                )
            )
        entries[entry.file] = entry  # type: ignore[union-attr]
    if errors:
        raise ErrorGroup(errors)
    return entries


def read_text(path: Path) -> str:
    """The article text as factcheck sees it."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise FactcheckError(
            E_SOURCE_FORMAT, "not UTF-8 text", Location(path), "save the article as UTF-8"
        ) from None
    if path.suffix.lower() in (".html", ".htm"):
        return html_to_text(raw)
    return raw


def article_files(folder: Path) -> list[Path]:
    """The article files of a folder, in name order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def load_sources(folder: Path) -> list[Source]:
    """Every article of ``folder`` as a Source, in file-name order."""
    if not folder.is_dir():
        raise FactcheckError(E_SOURCE_MISSING, "sources folder not found", Location(folder), "pass --sources DIR")
    index = read_index(folder)
    sources = []
    for path in article_files(folder):
        entry = index.get(path.name) or IndexEntry(file=path.name)
        text = read_text(path)
        sources.append(
            Source(
                file=path.name,
                title=entry.title or first_line(text),
                publisher=entry.publisher,
                url=entry.url,
                published=entry.published,
                text=text,
                boilerplate=tuple(find_boilerplate(text)),
            )
        )
    return sources


def first_line(text: str) -> str | None:
    """The first non-empty line, as a fallback title."""
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return None
