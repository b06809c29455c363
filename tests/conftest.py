"""Shared fixtures: the project's folders and a throwaway copy of the sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.paths import PROJECT_ROOT

SOURCES = PROJECT_ROOT / "sources"


@pytest.fixture()
def sources_copy(tmp_path: Path) -> Path:
    """A temporary copy of sources/, so tests never touch the repo's own folders."""
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target
