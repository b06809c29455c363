"""Content fingerprints: what a cached result depends on, as one SHA-256 hex digest.

Everything here is cheap on purpose (hashing a few megabytes, reading package metadata),
because an up-to-date check must cost less than loading spaCy.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
# Folders inside a tree that hold generated or tool state, never inputs.
SKIPPED_PARTS = frozenset({"__pycache__", ".factcheck-cache", ".git", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


def digest(*parts: object) -> str:
    """A digest of JSON-serialisable parts (paths and other objects as their text)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _tree_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_PARTS)
        files += [Path(root) / name for name in names if not suffixes or name.endswith(suffixes)]
    return sorted(files)


def file_digest(path: Path) -> bytes:
    """SHA-256 of a file's bytes, read in chunks: a stray huge file costs time, not memory."""
    hasher = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            hasher.update(chunk)
    return hasher.digest()


def tree_digest(path: Path, suffixes: tuple[str, ...] = ()) -> str:
    """The names and bytes of every file under ``path`` (or of ``path`` itself); absent is a value too."""
    hasher = hashlib.sha256()
    if path.is_file():
        hasher.update(file_digest(path))
    elif path.is_dir():
        for file in _tree_files(path, suffixes):
            hasher.update(str(file.relative_to(path)).encode("utf-8") + b"\0")
            hasher.update(file_digest(file))
    else:
        hasher.update(b"absent")
    return hasher.hexdigest()


def code_digest() -> str:
    """factcheck's own code: any change to a rule written in Python invalidates cached results."""
    return tree_digest(PACKAGE_ROOT, (".py",))


def installed_versions(names: Iterable[str]) -> dict[str, str | None]:
    """Versions of distributions installed for this interpreter (None when absent)."""
    found: dict[str, str | None] = {}
    for name in sorted(set(names)):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def interpreter_identity(path: str | None) -> str:
    """One name for one installation: ``venv/bin/python`` and ``venv/bin/python3`` are the same.

    A virtualenv's site-packages follow the folder its interpreter is called from, and the
    binary is whatever the links resolve to; together they identify what gets imported.
    """
    if not path:
        return ""
    return f"{os.path.realpath(os.path.dirname(path))}|{os.path.realpath(path)}"
