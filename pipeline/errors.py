"""Coded, located errors a user can act on.

Every error a user can cause (a malformed YAML file, an unknown attribute, a missing model)
is a FactcheckError with a stable code, the file and line it concerns, the field path, and
a sentence saying how to fix it. The CLI prints it without a traceback.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping


@dataclass(frozen=True)
class Location:
    """Where in a file a problem is."""

    file: Path | str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": field '{self.field}'"
        return where


class FactcheckError(Exception):
    """A user-facing error: code, message, optional location and fix."""

    def __init__(self, code: str, message: str, location: Location | None = None, fix: str = "") -> None:
        self.code = code
        self.message = message
        self.location = location
        self.fix = fix
        super().__init__(self.render())

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from its fields, so an error found in a worker process reaches the user whole.
        return (type(self), (self.code, self.message, self.location, self.fix))

    def render(self) -> str:
        """The text the CLI prints."""
        head = f"{self.code} "
        if self.location is not None:
            head += f"{self.location}: "
        text = head + self.message
        if self.fix:
            text += f"\n  fix: {self.fix}"
        return text


class ErrorGroup(FactcheckError):
    """Several located errors reported together, so a user fixes them in one pass."""

    def __init__(self, errors: list[FactcheckError]) -> None:
        self.errors = errors
        super().__init__("E000", f"{len(errors)} problem(s) found")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.errors,))

    def render(self) -> str:  # noqa: D102 - same contract as the base class
        return "\n".join(error.render() for error in self.errors)


class WriteError(FactcheckError, OSError):
    """A file could not be written.

    Also an OSError, so code that tolerates a failed optional write (the probe cache) keeps
    doing so, while everywhere else it reaches the user as a coded error.
    """


class InterruptedAfterWrite(BaseException):
    """Ctrl-C that arrived while reports were being moved into place, held until they all were.

    Not a KeyboardInterrupt, so the command-line framework does not turn it into a bare exit
    code: the CLI can say the new reports are complete rather than that the old ones are intact.
    """


def did_you_mean(word: object, names: Iterable[str], aliases: Mapping[str, str] | None = None) -> str:
    """``"; did you mean 'pytorch'?"`` for the names (or aliases) closest to ``word``, else ``""``.

    ``aliases`` maps another spelling to the name it stands for; a close alias suggests its name.
    """
    canonical = {name.lower(): name for name in names}
    for alias, name in (aliases or {}).items():
        canonical.setdefault(alias.lower(), name)
    # 0.7 keeps one-letter slips and swaps ('kers', 'pytroch') but not mere shared syllables.
    matches = difflib.get_close_matches(str(word).lower(), list(canonical), n=3, cutoff=0.7)
    suggestions = list(dict.fromkeys(canonical[match] for match in matches))
    if not suggestions:
        return ""
    return "; did you mean " + " or ".join(repr(name) for name in suggestions) + "?"


# Exit codes of the command line (documented in docs/ERRORS.md).
EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130

# Codes, grouped by stage, so a user can search the docs (docs/ERRORS.md) for one.
E_YAML_SYNTAX = "E101"
E_YAML_SHAPE = "E102"
E_UNKNOWN_SUBJECT = "E103"
E_UNKNOWN_ATTRIBUTE = "E104"
E_BAD_VALUE = "E105"
E_MISSING_FIELD = "E106"
E_UNKNOWN_KIND = "E107"
E_DUPLICATE_ID = "E108"
E_DUPLICATE_KEY = "E109"
E_SOURCE_MISSING = "E201"
E_SOURCE_FORMAT = "E202"
E_SOURCE_EMPTY = "E203"
E_SOURCE_BINARY = "E204"
E_SOURCE_TOO_LARGE = "E205"
E_MODEL_MISSING = "E301"
E_WORKER = "E302"
E_FETCH = "E401"
E_GOLD = "E501"
E_WRITE = "E601"
E_FETCH_REFUSED = "E402"
E_FETCH_DUPLICATE = "E403"
