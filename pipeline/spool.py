"""Records kept on disk between the stages of a large run, read back one entry at a time.

A run over thousands of articles would otherwise hold every claim, reading and verdict in
memory at once. A ``Spool`` is an anonymous temporary file (the system removes it when the
run ends, however it ends) to which each entry is appended once, pickled, and from which
any entry can be read back by its index. Reads and writes use ``os.pread`` and
``os.pwrite``, which never move a shared file position, so forked processes may read a
spool side by side, or fill spools their parent made (``written``, ``adopt``).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Generic, Iterator, TypeVar

from pipeline.errors import E_WRITE, Location, WriteError

T = TypeVar("T")


def _spool_error(exc: OSError, folder: Path | None) -> WriteError:
    where = folder or Path(tempfile.gettempdir())
    message = f"cannot write the run's temporary claims: {exc.strerror or exc}"
    return WriteError(E_WRITE, message, Location(where), "free some disk space there, or point TMPDIR at a folder with room")


class Spool(Generic[T]):
    """An append-only list of entries that lives in a temporary file."""

    def __init__(self, folder: Path | None = None) -> None:
        try:
            self._file = tempfile.TemporaryFile(prefix="factcheck-", dir=folder)
        except OSError as exc:
            raise _spool_error(exc, folder) from None
        self._spans: list[tuple[int, int]] = []  # (offset, length) of each entry
        self._end = 0

    def append(self, entry: T) -> int:
        """Store ``entry``; returns its index."""
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        written = 0
        try:
            while written < len(data):  # os.pwrite may write less than asked
                written += os.pwrite(self._file.fileno(), data[written:], self._end + written)
        except OSError as exc:
            raise _spool_error(exc, None) from None
        self._spans.append((self._end, len(data)))
        self._end += len(data)
        return len(self._spans) - 1

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, index: int) -> T:
        offset, length = self._spans[index]
        data = os.pread(self._file.fileno(), length, offset)
        while len(data) < length:
            data += os.pread(self._file.fileno(), length - len(data), offset + len(data))
        return pickle.loads(data)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[T]:
        for index in range(len(self._spans)):
            yield self[index]

    def written(self) -> tuple[list[tuple[int, int]], int]:
        """Where this spool's entries are: what a forked process that appended to a spool
        its parent made hands back, so the parent can ``adopt`` them."""
        return list(self._spans), self._end

    def adopt(self, written: tuple[list[tuple[int, int]], int]) -> None:
        """Take on the entries a forked process appended (this spool must have none of its own)."""
        if self._spans:
            raise ValueError("a spool with entries of its own cannot adopt another's")
        self._spans, self._end = list(written[0]), written[1]

    def close(self) -> None:
        self._file.close()
