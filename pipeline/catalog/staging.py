"""Claim files written beside their folder first and moved into place together.

Articles are prepared in worker processes, each writing its article's new claim file as
soon as it is ready, so no process holds the text of every file. They write into a hidden
staging folder inside ``claims/extracted/``; only when every article was prepared without
error are the files moved into place, so one malformed claim file leaves all of them as
they were. A staging folder left by a run killed outright is removed by the next run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pipeline.catalog.yamlio import check_writable
from pipeline.errors import E_WRITE, Location, WriteError

STAGING_PREFIX = ".staging-"


@contextmanager
def staging_folder(folder: Path, fix: str = "make it writable") -> Iterator[Path]:
    """A fresh hidden folder inside ``folder``, removed with whatever is left in it; staging
    folders left by a run killed outright are removed first."""
    check_writable(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    except OSError as exc:
        raise WriteError(E_WRITE, f"cannot write: {exc.strerror or exc}", Location(folder), fix) from None
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_into_place(staged: list[Path], folder: Path) -> None:
    """Move each staged file to ``folder`` under its own name; a file replaced keeps its mode."""
    for path in staged:
        target = folder / path.name
        try:
            if target.is_file():
                shutil.copymode(target, path)
            os.replace(path, target)
        except OSError as exc:
            raise WriteError(E_WRITE, f"cannot write: {exc.strerror or exc}", Location(target), "check the disk, then run again") from None
