"""Ids that must be unique across a folder of YAML files: claims, probes, facts, index entries.

A duplicate is reported at its second occurrence and names the first, with file and line,
so a user sees both places without searching.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from pipeline.catalog.yamlio import format_path, load_located
from pipeline.errors import E_DUPLICATE_ID, FactcheckError, Location


def where(location: Location) -> str:
    """``name:line`` of a location; the ids compared live in one folder, so the name is enough."""
    name = Path(location.file).name
    return f"{name}:{location.line}" if location.line is not None else name


def duplicate_ids(entries: Iterable[tuple[str, Location]], what: str, fix: str) -> list[FactcheckError]:
    """An error for every id seen before, naming where it was first defined."""
    first: dict[str, Location] = {}
    errors: list[FactcheckError] = []
    for identifier, location in entries:
        if identifier in first:
            message = f"{what} {identifier!r} is already used in {where(first[identifier])}"
            errors.append(FactcheckError(E_DUPLICATE_ID, message, location, fix))
        else:
            first[identifier] = location
    return errors


def _entries(path: Path, key: str) -> list[tuple[Any, Location]]:
    """Each entry of a file's ``key:`` list (or top-level list), located at its ``id`` when it has one.

    Reads the file again; only called on files that have already parsed.
    """
    data, lines = load_located(path)
    items: Any = data.get(key) if isinstance(data, dict) else data
    base = (key,) if isinstance(data, dict) else ()
    entries = []
    for position, item in enumerate(items if isinstance(items, list) else []):
        at = base + (position, "id") if isinstance(item, dict) and "id" in item else base + (position,)
        entries.append((item, Location(path, lines.line_of(at), format_path(at))))
    return entries


def entry_locations(path: Path, key: str) -> list[Location]:
    """Where each entry of a file's ``key:`` list is, in file order."""
    return [location for _, location in _entries(path, key)]


def explicit_ids(path: Path, key: str) -> list[tuple[str, Location]]:
    """``(id, location)`` of every entry of a file's ``key:`` list that names an ``id``."""
    return [
        (str(item["id"]), location)
        for item, location in _entries(path, key)
        if isinstance(item, dict) and isinstance(item.get("id"), (str, int))
    ]


def duplicate_claim_ids(files: list[tuple[Path, list[Any]]]) -> list[FactcheckError]:
    """Claim ids used twice within or across claim files, each file's claims in entry order.

    Claims without a written ``id`` get one from their source, span, subject, attribute and
    quote, so two identical entries are reported too.
    """
    located = [
        (claim.id, location)
        for path, claims in files
        for claim, location in zip(claims, entry_locations(path, "claims"))
    ]
    return duplicate_ids(located, "claim id", "give each claim its own id, or remove the copy")
